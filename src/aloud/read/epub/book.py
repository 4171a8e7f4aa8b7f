"""An EPUB's chapters: where its table of contents cuts the spine, read at the level that
gives listening-sized chapters, with its front and back matter set apart and each
chapter's notes after it.

- A TOC entry starts a chapter at its document, or at its fragment's anchor inside one
  (several chapters in one file); a chapter runs on over the following documents until
  the next entry (one chapter over several files); spine items the TOC does not name
  join the chapter before them.
- An entry with sub-entries is a chapter whose sub-entries are its sections, unless it is
  longer than an hour of listening or titled as a part ("Part", "Book", "Volume" …): then
  its sub-entries are the chapters. A part's page with nothing to say joins its title to
  its first chapter's ("Part One – Chapter 1").
- Without a usable TOC, the book's h1–h3 headings cut it; without those, `read_epub`
  hands the text to the text rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from aloud.model import BREAK, HEADING, PROSE, Chapter, Note, Paragraph
from aloud.read.epub.content import CANDIDATE, CANDIDATE_OPEN, Block, Citation, Document
from aloud.read.epub.navigation import TocEntry
from aloud.structure.titles import section_title
from aloud.words import letters_only, one_line

LONG_CHAPTER_WORDS = 10_000  # about an hour at 170 words a minute: longer, and its sections are chapters
SHORT_FRONT_WORDS = 400  # text before the first chapter up to this long is read before its title
ONE_CHAPTER_WORDS = 3000  # a book this long with a single TOC entry is cut by its headings or text
SHORT_INTRO_WORDS = 400  # a part's or long chapter's opening up to this long is read with its first section
PART_WORDS = {"part", "book", "volume", "partie", "livre", "tome", "teil", "buch", "band", "parte", "libro", "deel",
              "boek", "część", "księga", "часть", "книга", "том"}

Position = tuple[int, int]  # (spine index, block index)


@dataclass(frozen=True)
class Cut:
    at: Position
    title: str
    depth: int


@dataclass(frozen=True)
class Book:
    documents: tuple[Document, ...]  # in spine order
    matters: tuple[str, ...]  # each document's kind of matter ("" for the book itself)
    # Footnotes kept aside, by (document, id): read after the chapter that cites them.
    notes: dict[tuple[str, str], tuple[str, tuple[Block, ...]]] = field(default_factory=dict)


def resolve_note_marks(documents: tuple[Document, ...], notes: set[tuple[str, str]]) -> None:
    """Each link that may be a note mark ("12", "I") made one, cited and not spoken, if it
    points at a note; otherwise its text is read as text (`As shown on page 12`)."""
    for document in documents:
        if not document.candidates:
            continue
        for n, block in enumerate(document.blocks):
            if CANDIDATE_OPEN not in block.text:
                continue
            cites: list[Citation] = []

            def mark(match, document=document, cites=cites) -> str:
                candidate = document.candidates[int(match.group(1))]
                if (candidate.target, candidate.fragment) in notes:
                    cites.append(candidate)
                    return ""
                return match.group(2)

            text = " ".join(CANDIDATE.sub(mark, block.text).split(" "))
            text = "\n".join(" ".join(line.replace(" ,", ",").replace(" .", ".").split()) for line in text.split("\n"))
            document.blocks[n] = replace(block, text=text, cites=block.cites + tuple(cites))


def chapters_from_toc(book: Book, toc: tuple[TocEntry, ...]) -> list[Chapter]:
    """The book's chapters by its table of contents; [] when it has no usable one."""
    cuts = _merge(sorted(_choose(book, toc, 1, _end(book)), key=lambda c: c.at))
    if len(cuts) < 2 and _words_between(book, (0, 0), _end(book)) > ONE_CHAPTER_WORDS:
        return []  # one entry ("Start reading") for a whole book: not a table of its chapters
    return _chapters(book, cuts) if cuts else []


def chapters_from_headings(book: Book) -> list[Chapter]:
    """The book cut at its top-level headings (h1–h3); [] when it has none."""
    levels = [b.level for d, m in zip(book.documents, book.matters) if not m for b in d.blocks
              if b.kind == HEADING and 1 <= b.level <= 3]
    if not levels:
        return []
    top = min(level for level in set(levels) if levels.count(level) >= 2 or level == max(levels))
    cuts = [Cut((n, i), one_line(b.text), 1) for n, (d, m) in enumerate(zip(book.documents, book.matters)) if not m
            for i, b in enumerate(d.blocks) if b.kind == HEADING and b.level == top]
    return _chapters(book, _merge(cuts)) if cuts else []


# -- choosing the cuts -----------------------------------------------------------------

def _end(book: Book) -> Position:
    return (len(book.documents), 0)


def _position(book: Book, entry: TocEntry) -> Position | None:
    for n, document in enumerate(book.documents):
        if document.name == entry.target:
            return (n, document.anchors.get(entry.fragment, 0) if entry.fragment else 0)
    return None


def _words_between(book: Book, start: Position, end: Position) -> int:
    total = 0
    for n in range(start[0], min(end[0] + 1, len(book.documents))):
        blocks = book.documents[n].blocks
        first = start[1] if n == start[0] else 0
        last = end[1] if n == end[0] else len(blocks)
        total += sum(b.words for b in blocks[first:last])
    return total


def _choose(book: Book, entries: tuple[TocEntry, ...], depth: int, end: Position) -> list[Cut]:
    positions = [_position(book, e) for e in entries]
    cuts: list[Cut] = []
    for n, (entry, at) in enumerate(zip(entries, positions)):
        following = next((p for p in positions[n + 1:] if p is not None and (at is None or p > at)), end)
        if entry.children:
            long = at is not None and _words_between(book, at, following) > LONG_CHAPTER_WORDS
            is_part = entry.title.split()[0].lower().rstrip(".:") in PART_WORDS if entry.title.split() else False
            if at is None or long or is_part:
                below = _choose(book, entry.children, depth + 1, following)
                if at is not None and below and below[0].at >= at and _words_between(book, at, below[0].at) <= SHORT_INTRO_WORDS:
                    # A short opening (or none) before its first section: one chapter, both titles.
                    below[0] = Cut(at, f"{entry.title} – {below[0].title}", below[0].depth)
                elif at is not None:
                    cuts.append(Cut(at, entry.title, depth))
                cuts.extend(below)
                continue
        if at is not None:
            cuts.append(Cut(at, entry.title, depth))
    return cuts


def _merge(cuts: list[Cut]) -> list[Cut]:
    """One cut per position: a part and its first chapter at one place are one title."""
    merged: list[Cut] = []
    for cut in cuts:
        if merged and merged[-1].at == cut.at:
            if cut.depth > merged[-1].depth:
                merged[-1] = Cut(cut.at, f"{merged[-1].title} – {cut.title}", cut.depth)
            continue
        merged.append(cut)
    return merged


# -- from cuts to chapters -------------------------------------------------------------

@dataclass
class _Draft:
    title: str
    blocks: list[Block]
    matter: str = ""
    titled: bool = True


def _chapters(book: Book, cuts: list[Cut]) -> list[Chapter]:
    bounds = sorted({c.at for c in cuts} | {(n, 0) for n, m in enumerate(book.matters) if m}
                    | {(n + 1, 0) for n, m in enumerate(book.matters) if m} | {(0, 0)})
    bounds = [b for b in bounds if b < _end(book)] + [_end(book)]
    titles = {c.at: c.title for c in cuts}
    drafts: list[_Draft] = []
    front: list[Block] = []
    for start, stop in zip(bounds, bounds[1:]):
        blocks = _blocks_between(book, start, stop)
        matter = book.matters[start[0]]
        if matter:
            drafts.append(_Draft(titles.get(start, matter.capitalize()), blocks, matter))
        elif start in titles:
            drafts.append(_Draft(titles[start], blocks))
        else:
            book_drafts = [d for d in drafts if not d.matter]
            (book_drafts[-1].blocks if book_drafts else front).extend(blocks)
    return _finish(drafts, front, book.notes)


def _blocks_between(book: Book, start: Position, stop: Position) -> list[Block]:
    blocks: list[Block] = []
    for n in range(start[0], min(stop[0] + 1, len(book.documents))):
        document = book.documents[n].blocks
        first = start[1] if n == start[0] else 0
        last = stop[1] if n == stop[0] else len(document)
        blocks.extend(document[first:last])
    return blocks


def _finish(drafts: list[_Draft], front: list[Block], notes: dict) -> list[Chapter]:
    book_drafts = [d for d in drafts if not d.matter]
    front_words = sum(b.words for b in front)
    preamble: list[Block] = []
    if front_words and (front_words > SHORT_FRONT_WORDS or not book_drafts):
        heading = next((b.text for b in front if b.kind == HEADING), "")
        first_text = next((b.text for b in front if b.kind != HEADING and b.words), "")
        drafts.insert(next((n for n, d in enumerate(drafts) if not d.matter), len(drafts)),
                      _Draft(heading or section_title(first_text), front, titled=bool(heading)))
    elif front_words:
        preamble = front
    stay = _notes_chapters(drafts)
    for draft in drafts:  # notes a notes chapter does not hold are read after the chapter citing them
        draft.blocks = [b for b in draft.blocks if not b.note or b.note in stay]
    chapters: list[Chapter] = []
    pending = ""
    for draft in drafts:
        body = _strip_title(draft.blocks, draft.title)
        title = f"{pending} – {draft.title}" if pending and not draft.matter else draft.title
        if not draft.matter and not any(b.words for b in body if b.kind != HEADING):
            pending = title  # a part's page: its title joins the next chapter's
            continue
        if not draft.matter:
            pending = ""
        paragraphs = paragraphs_of_blocks(body)
        lead = tuple(paragraphs_of_blocks(preamble)) if preamble and not draft.matter and not any(
            not c.matter for c in chapters) else ()
        cited = notes_for(draft.blocks + (preamble if lead else []), notes, stay)
        chapters.append(Chapter(len(chapters) + 1, title, title.replace(" – ", ". "), tuple(paragraphs), lead,
                                draft.titled, cited, draft.matter))
    return chapters


def _strip_title(blocks: list[Block], title: str) -> list[Block]:
    """The blocks without the headings at their start that say the chapter's title again:
    its first heading (its own, which the announced title stands for, however the table
    of contents words it) and any after it that say one of its joined titles ("Chapter 1.
    Introduction" under "1. Introduction")."""
    wanted = [letters_only(part) for part in title.split(" – ") if letters_only(part)]
    n, first = 0, True
    while n < len(blocks) and blocks[n].kind in (HEADING, BREAK):
        said = letters_only(blocks[n].text)
        if blocks[n].kind == HEADING and said and not first and not any(said in w or w in said for w in wanted):
            break
        first = first and blocks[n].kind != HEADING
        n += 1
    return blocks[n:]


SENTENCE_ENDS = (".", "!", "?", "…", "»", "”", '"', ":")


def _run_on(text: str, more: str) -> str:
    if text.endswith("-") and text[-2:-1].isalpha() and more[:1].islower():
        return text[:-1] + more
    return f"{text} {more}"


def paragraphs_of_blocks(blocks: list[Block]) -> list[Paragraph]:
    """Blocks as the paragraphs a chapter holds (headings as headings inside it)."""
    out: list[Paragraph] = []
    previous_runs_on = False
    for block in blocks:
        if block.kind == BREAK:
            if out and out[-1].kind != BREAK:
                out.append(Paragraph("", BREAK))
        elif block.left_out:
            out.append(Paragraph(block.text, block.kind, left_out=block.left_out))
        elif block.text and block.runs_on and out and out[-1].kind == PROSE and not out[-1].left_out and previous_runs_on \
                and len(out[-1].text.split()) > 3 and not out[-1].text.rstrip().endswith(SENTENCE_ENDS):
            out[-1] = Paragraph(_run_on(out[-1].text, block.text))  # a sentence that turns the page
        elif block.text:
            out.append(Paragraph(block.text, block.kind, block.pronounce))
        previous_runs_on = block.runs_on
    while out and out[-1].kind == BREAK:
        out.pop()
    return out


def _notes_chapters(drafts: list[_Draft]) -> set[str]:
    """The notes that stay where they are: those of a chapter that is mostly notes (a
    "Notes" chapter the author wrote), not those at the end of a chapter of text."""
    stay: set[str] = set()
    for draft in drafts:
        in_notes = sum(b.words for b in draft.blocks if b.note)
        if in_notes and in_notes >= 0.75 * sum(b.words for b in draft.blocks if b.kind != HEADING):
            stay |= {b.note for b in draft.blocks if b.note}
    return stay


def notes_for(blocks: list[Block], registry: dict[tuple[str, str], tuple[str, tuple[Block, ...]]],
              stay: set[str] = frozenset()) -> tuple[Note, ...]:
    """The notes `blocks` cite, in the order first cited, each once (not those a notes
    chapter reads where they are)."""
    seen: set[tuple[str, str]] = set()
    notes = []
    for block in blocks:
        for cite in block.cites:
            key = (cite.target, cite.fragment)
            if f"{cite.target}#{cite.fragment}" in stay:
                continue
            if key in registry and key not in seen:
                seen.add(key)
                label, body = registry[key]
                notes.append(Note(cite.label or label, tuple(paragraphs_of_blocks(list(body)))))
    return tuple(notes)


def lone_title(document: Document) -> str:
    """A single heading of the top level used, first and above the others, is the document's
    title (and not a chapter): `# Title` over `##` sections, or a README's `Name` over `---`
    above its `###` sections."""
    levels = [b.level for b in document.blocks if b.kind == HEADING and b.level]
    if not levels:
        return ""
    top = min(levels)
    tops = [n for n, b in enumerate(document.blocks) if b.kind == HEADING and b.level == top]
    if len(tops) != 1 or any(b.kind != HEADING for b in document.blocks[:tops[0]] if b.words):
        return ""
    if top > 1 and not any(level > top for level in levels):
        return ""  # a lone "## Notes" is a section, not the title
    title = document.blocks.pop(tops[0]).text
    document.anchors = {k: (v - 1 if v > tops[0] else v) for k, v in document.anchors.items()}
    return one_line(title)
