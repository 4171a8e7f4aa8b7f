"""A PDF's lines made into what a book is made of: paragraphs, headings and footnotes.

- Lines join into paragraphs, across pages too; a paragraph ends where the next line is
  indented or set apart, or where a short line ends a sentence.
- A word broken at a line's end is joined ("anti-" + "quated" → "antiquated"), unless its
  halves are words in their own right and the document (or English) writes them with a
  hyphen ("well-" + "known" → "well-known").
- A drop cap joins the rest of its word ("T" + "o Sherlock Holmes" → "To Sherlock Holmes").
- Headings are the lines set larger than the body (their level by size), or set bold
  alone when the body is not.
- Footnotes are the small lines under a page's text that start with a mark cited above
  them; the mark is not read, the note is, after the chapter.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from aloud.model import HEADING, PROSE, VERSE
from aloud.narrate.lang.en.word_lists import COMMON_WORDS
from aloud.read.epub.content import Block, Citation
from aloud.read.pdf.layout import HYPHEN, Line, PageLines
from aloud.structure.blocks import verse_beside_verse

HEADING_SCALE = 1.15  # a line this much larger than the body is a heading
NOTE_SCALE = 0.88  # a line this much smaller, under the text, may be a footnote
DROP_CAP_SCALE = 1.6
HEADING_WORDS = 15
VERSE_LINES = 4  # a paragraph of this many short lines or more, each opening with a capital, is verse
VERSE_WIDTH = 0.7  # of a full line, at most
STANZA_WIDTH = 0.9  # a paragraph of capitalised lines this narrow beside a stanza is a stanza too
SENTENCE_END = (".", "!", "?", "…", ":", "”", "’", "\"", "'", "»", ")")
_LINE_END_HYPHEN = re.compile(rf"([^\W\d_]+){HYPHEN}\s*([^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NOTE_START = re.compile(r"^(?P<label>\d{1,3}|[*†‡§])[.)]?\s+(?P<text>\S.*)$")
NUMBERED = re.compile(r"^(?:(?:chapter|part|book|volume|section|kapitel|teil|chapitre|partie|capítulo|parte|capitolo|"
                      r"hoofdstuk|deel)(?:\s+\S+)?|[IVXLC]{1,7}|\d{1,3})[.:]?$", re.IGNORECASE)


@dataclass
class PageBlocks:
    """A page's blocks (each with where it starts on the page) and its footnotes."""

    number: int
    blocks: list[Block] = field(default_factory=list)
    tops: list[float] = field(default_factory=list)
    notes: dict[str, tuple[str, tuple[Block, ...]]] = field(default_factory=dict)  # id → (label, blocks)
    images: int = 0


def page_name(number: int) -> str:
    return f"page-{number}"


def body_size(pages: list[PageLines], furniture: set[tuple[int, int]]) -> float:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for n, line in enumerate(page.lines):
            if (page.number, n) not in furniture and line.size:
                sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def vocabulary(pages: list[PageLines]) -> Counter[str]:
    """The words the document writes, as it writes them (for undoing line-end hyphens)."""
    words: Counter[str] = Counter()
    for page in pages:
        for line in page.lines:
            words.update(w.lower() for w in _WORD.findall(line.text))
    return words


def joined_word(first: str, second: str, words: Counter[str]) -> str:
    """"anti-" + "quated": one word broken at a line's end, or a compound that keeps its hyphen."""
    head = first.rstrip("-")
    whole = (head + second).lower()
    hyphened = f"{head}-{second}".lower()
    if words[hyphened] > words[whole]:
        return f"{head}-{second}"
    if words[whole] or whole in COMMON_WORDS:
        return head + second
    halves = (head.lower(), second.lower())
    if all(h in COMMON_WORDS or words[h] >= 2 for h in halves) and len(head) > 1:
        return f"{head}-{second}"  # "well-" + "known"
    return head + second


def _with_drop_cap(cap: str, text: str, words: Counter[str]) -> str:
    """A drop cap and the line beside it: "T" + "o Sherlock" is "To Sherlock", "I" + "had
    called" is "I had called" (the letter a word of its own)."""
    first = text.split()[0] if text.split() else ""
    bare = first.strip(",.;:!?’”'\"").lower()
    joined = (cap + bare).lower()
    if bare and (words[joined] or joined in COMMON_WORDS or not (words[bare] >= 2 or bare in COMMON_WORDS)):
        return cap + text
    return f"{cap} {text}"


class _Paragraph:
    def __init__(self, page: int, top: float, kind: str = PROSE, level: int = 0) -> None:
        self.page, self.top, self.kind, self.level = page, top, kind, level
        self.parts: list[str] = []  # its lines' text, joined once at the end (a long paragraph costs no more)
        self.marks: list[str] = []
        self.size = 0.0
        self.left_out = ""
        self.lines = 0
        self.opened_by_cap = False
        self.verse_lines: list[str] = []  # each line, when it may be a line of verse ("" when it may not)
        self.stanza_lines: list[str] = []  # the same, a little wider: verse if a stanza is beside it
        self.line_texts: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @text.setter
    def text(self, value: str) -> None:
        self.parts = [value]

    def add(self, text: str, words: Counter[str], glue: str = " ") -> None:
        text = _LINE_END_HYPHEN.sub(lambda m: joined_word(m.group(1) + "-", m.group(2), words), text)
        if self.parts and self.parts[-1].endswith(HYPHEN):
            self.parts[-1] = self.parts[-1][:-1] + "-"
        if not self.parts:
            self.parts.append(text)
            return
        tail = self.parts[-1].rsplit(None, 1)
        last = tail[-1] if tail else ""
        first = text.split(None, 1)[0] if text.strip() else ""
        if last.endswith("-") and len(last) > 2 and last[-2].isalpha() and first[:1].islower():
            bare = first.rstrip(",.;:!?”’)")
            self.parts[-1] = self.parts[-1][: len(self.parts[-1]) - len(last)] + joined_word(last, bare, words)
            self.parts.append(first[len(bare):] + text[len(first):])
        else:
            self.parts.append(glue + text)


def page_blocks(pages: list[PageLines], furniture: set[tuple[int, int]]) -> list[PageBlocks]:
    """Every page's blocks, paragraphs that turn a page starting on the page they start on."""
    size = body_size(pages, furniture)
    words = vocabulary(pages)
    body_bold = _body_bold(pages, furniture, size)
    full = _full_width([line for page in pages for line in page.lines], size)  # a poem's page has no full line
    levels = _heading_levels(pages, furniture, size)
    out = {page.number: PageBlocks(page.number, images=page.images) for page in pages}
    paragraphs: list[_Paragraph] = []
    current: _Paragraph | None = None
    pending_cap = ""
    previous: Line | None = None
    previous_page = 0
    for page in pages:
        lines = [(n, line) for n, line in enumerate(page.lines) if (page.number, n) not in furniture]
        notes, lines = _footnotes(lines, size)
        out[page.number].notes = notes
        margins = _margins([line for _, line in lines], size)
        leading = _leading([line for _, line in lines])
        for index, (_, line) in enumerate(lines):
            following = lines[index + 1][1] if index + 1 < len(lines) else None
            if size and line.first_size > DROP_CAP_SCALE * size and len(line.text) == 1 and line.text.isalpha():
                pending_cap = line.text  # a drop cap alone: it opens the next line's word
                continue
            text = line.text
            after_cap = bool(pending_cap)
            if pending_cap:
                text, pending_cap = _with_drop_cap(pending_cap, text, words), ""
            elif size and line.first_size > DROP_CAP_SCALE * line.size and re.match(r"^[A-Z] [a-z]", text):
                text = text[0] + text[2:]  # "T o Sherlock" set with a drop cap
            level = _level(line, size, body_bold, levels, previous, following, leading)
            if level:
                if current is not None and current.kind == HEADING and current.level == level \
                        and current.page == page.number and previous is not None \
                        and previous.bottom - line.top < 2.5 * line.size:
                    current.add(text, words, ": " if NUMBERED.match(current.text) else " ")
                else:
                    current = _Paragraph(page.number, line.top, HEADING, level)
                    current.add(text, words)
                    paragraphs.append(current)
                previous, previous_page = line, page.number
                continue
            if current is not None and current.opened_by_cap and not after_cap \
                    and current.lines == 1 and line.left > margins[0] + 0.6 * line.size if margins else False:
                pass  # the second line beside a drop cap is indented as the first is: the paragraph goes on
            elif current is None or current.kind == HEADING or after_cap or _starts_paragraph(
                    line, previous, page.number != previous_page, margins, leading, full):
                current = _Paragraph(page.number, line.top)
                current.opened_by_cap = after_cap
                paragraphs.append(current)
            current.add(text, words)
            current.lines += 1
            capitalised = text.lstrip("‘’“\"'«„(—–- ")[:1].isupper()  # "‘ ’Tis the voice"
            current.verse_lines.append(text if full and line.right - line.left < VERSE_WIDTH * full
                                       and capitalised else "")
            current.stanza_lines.append(text if full and line.right - line.left < STANZA_WIDTH * full
                                        and capitalised else "")
            current.line_texts.append(text)
            current.marks += list(line.marks)
            previous, previous_page = line, page.number
    _contents_left_out(paragraphs)
    for paragraph in paragraphs:
        if paragraph.kind == PROSE and paragraph.lines >= VERSE_LINES and all(paragraph.verse_lines):
            paragraph.kind, paragraph.text = VERSE, "\n".join(paragraph.verse_lines)
    _whole_poems(paragraphs)
    for paragraph in paragraphs:
        cites = tuple(Citation(page_name(paragraph.page), f"note-{mark}", mark) for mark in paragraph.marks
                      if f"note-{mark}" in out[paragraph.page].notes)
        text = "\n".join(" ".join(line.split()) for line in paragraph.text.split("\n")) if paragraph.kind == VERSE \
            else " ".join(paragraph.text.split())
        block = Block(paragraph.kind, text, paragraph.level, cites=cites,
                      left_out=paragraph.left_out)
        out[paragraph.page].blocks.append(block)
        out[paragraph.page].tops.append(paragraph.top)
    return [out[page.number] for page in pages]


_CONTENTS = {"contents", "tableofcontents", "inhalt", "inhaltsverzeichnis", "tabledesmatieres", "sommaire", "indice",
             "índice", "inhoud", "inhoudsopgave", "sumario", "sumário", "sommario", "оглавление", "содержание"}


def _contents_left_out(paragraphs: list[_Paragraph]) -> None:
    """A table of contents (its heading, and what follows it up to the next heading) is not read."""
    inside = False
    for paragraph in paragraphs:
        if paragraph.kind == HEADING:
            inside = paragraph.text.lower().replace(" ", "").rstrip(".:") in _CONTENTS
        if inside:
            paragraph.left_out = "matter"


def _body_bold(pages: list[PageLines], furniture: set[tuple[int, int]], size: float) -> bool:
    weights = Counter(line.bold for page in pages for n, line in enumerate(page.lines)
                      if (page.number, n) not in furniture and abs(line.size - size) < 0.5)
    return weights[True] > weights[False]


def _heading_levels(pages: list[PageLines], furniture: set[tuple[int, int]], size: float) -> dict[float, int]:
    """The sizes headings are set in, largest first: {24.8: 1, 17.2: 2}."""
    sizes = {round(line.size * 2) / 2 for page in pages for n, line in enumerate(page.lines)
             if (page.number, n) not in furniture and size and line.size >= HEADING_SCALE * size
             and line.words <= HEADING_WORDS}
    return {s: n for n, s in enumerate(sorted(sizes, reverse=True), start=1)}


def _level(line: Line, size: float, body_bold: bool, levels: dict[float, int], previous: Line | None,
           following: Line | None, leading: float) -> int:
    """The heading level of `line`, or 0 for a line of text."""
    if not size or line.words > HEADING_WORDS or not any(c.isalpha() for c in line.text):
        return 0
    if line.size >= HEADING_SCALE * size:
        return levels.get(round(line.size * 2) / 2, len(levels) or 1)
    alone = all(other is None or abs(other.top - line.top) > 1.6 * (leading or size) for other in (previous, following))
    if line.bold and not body_bold and alone and line.words <= 12 and not line.text.endswith((",", ";")):
        return len(levels) + 1
    return 0


def _footnotes(lines: list[tuple[int, Line]], size: float) -> tuple[dict[str, tuple[str, tuple[Block, ...]]],
                                                                     list[tuple[int, Line]]]:
    """A page's footnotes (the small lines under its text, each opening with its mark), and its other lines."""
    if not size or not lines:
        return {}, lines
    body = [line for _, line in lines if line.size >= NOTE_SCALE * size]
    if not body:
        return {}, lines
    floor = min(line.bottom for line in body)
    under = [(n, line) for n, line in lines if line.top < floor and line.size < NOTE_SCALE * size]
    if not under or not _NOTE_START.match(under[0][1].text):
        return {}, lines
    notes: dict[str, tuple[str, list[str]]] = {}
    label = ""
    for _, line in under:
        start = _NOTE_START.match(line.text)
        if start:
            label = start.group("label")
            notes[f"note-{label}"] = (label, [start.group("text")])
        elif label:
            notes[f"note-{label}"][1].append(line.text)
    taken = {n for n, _ in under}
    found = {key: (mark, (Block(PROSE, " ".join(" ".join(text).split())),)) for key, (mark, text) in notes.items()}
    return found, [(n, line) for n, line in lines if n not in taken]


def _margins(lines: list[Line], size: float) -> list[float]:
    """The left edges the page's text starts from (one per column)."""
    lefts = Counter(round(line.left) for line in lines if abs(line.size - size) < 1 or not size)
    margins: list[float] = []
    for left, _ in lefts.most_common():
        if all(abs(left - m) > 40 for m in margins) and lefts[left] >= 3:
            margins.append(left)
    return sorted(margins)


def _full_width(lines: list[Line], size: float) -> float:
    """How wide the page's full lines of text are (a column's width)."""
    widths = sorted(line.right - line.left for line in lines if not size or abs(line.size - size) < 1)
    return widths[int(0.9 * (len(widths) - 1))] if len(widths) >= 5 else 0.0


def _leading(lines: list[Line]) -> float:
    gaps = [a.top - b.top for a, b in zip(lines, lines[1:]) if 0 < a.top - b.top < 3 * max(a.size, 1)]
    return statistics.median(gaps) if gaps else 0.0


def _starts_paragraph(line: Line, previous: Line | None, new_page: bool, margins: list[float], leading: float,
                      full: float = 0.0) -> bool:
    """Whether `line` opens a paragraph rather than going on with the one before."""
    if previous is None:
        return True
    margin = min(margins, key=lambda m: abs(m - line.left)) if margins else line.left
    previous_margin = min(margins, key=lambda m: abs(m - previous.left)) if margins else previous.left
    stops_short = bool(full) and previous.right < previous_margin + full - 3 * line.size  # a heading, a last line
    indented = 0.6 * line.size < line.left - margin < 4 * line.size  # further in: text beside a picture
    ended = previous.text.rstrip().endswith(SENTENCE_END)
    gap = previous.top - line.top
    if new_page or gap < 0:  # the next page, or the next column: the line before may have ended its paragraph
        return indented or stops_short or (ended and previous.words < 6)
    if leading and gap > 1.45 * leading and (ended or stops_short):  # set apart (not mid-sentence beside a picture)
        return True
    short = previous.right < line.right - 3 * line.size if previous.left <= line.left + 1 else False
    return indented or (ended and short)


def _whole_poems(paragraphs: list[_Paragraph]) -> None:
    """A poem read one way throughout: a paragraph of three or more capitalised, not full-width
    lines beside a stanza (or beside one that became a stanza so) is a stanza too; of four or
    more, whatever is beside it."""
    def shaped(n: int, p: _Paragraph) -> bool:
        if p.kind != PROSE or p.left_out or p.lines < 3 or len(p.stanza_lines) != p.lines:
            return False
        # A page's first line may be a running head the page's stanza runs on from.
        opens_page = n > 0 and paragraphs[n - 1].page != p.page and p.lines >= 3
        return all(p.stanza_lines[1:] if opens_page else p.stanza_lines)

    for n, paragraph in enumerate(paragraphs):  # four capitalised lines, none full: a stanza whatever is beside it
        if paragraph.lines >= VERSE_LINES and shaped(n, paragraph):
            paragraph.kind, paragraph.text = VERSE, "\n".join(paragraph.line_texts)

    stanza = [shaped(n, p) for n, p in enumerate(paragraphs)]
    verse = verse_beside_verse([p.kind == VERSE for p in paragraphs], stanza,
                               lambda a, b: abs(paragraphs[a].page - paragraphs[b].page) <= 1)
    for paragraph, was, now in zip(paragraphs, [p.kind == VERSE for p in paragraphs], verse):
        if now and not was:
            paragraph.kind, paragraph.text = VERSE, "\n".join(paragraph.line_texts)
