"""Structure stage: a `Source` becomes an `Edition` of titled chapters of paragraphs.

Books are recognised by their headings: Markdown `#`, `CHAPTER I. Title`, `CHAPTER XII`
with the title on the next line, `STAVE I:  MARLEY'S GHOST`, a Roman numeral alone on a
line above a title, `Chapter 1`, `Part One`, and named sections (Preface, Introduction,
Epilogue …). A table of contents is skipped; a short preface before the first chapter is
read at the start of the first chapter rather than made a chapter of its own. A text
without headings is cut at paragraph boundaries into parts of a listening length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from aloud.errors import InputError
from aloud.structure.gutenberg import strip_gutenberg
from aloud.model import BREAK, HEADING, PROSE, VERSE, Chapter, Edition, Paragraph, Source
from aloud.structure.heading_numbers import parse_heading_number, spoken_number

DEFAULT_AUTHOR = "Unknown author"

# Heading-less texts: parts of about a third of a short text, at most this many words.
SECTION_WORDS_MIN = 200
SECTION_WORDS_MAX = 3000
SECTIONS_BELOW = 300  # shorter texts stay one part
# Front matter up to this many words is read before the first chapter's title.
SHORT_FRONT_MATTER = 400

_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_NUMBER = r"[IVXLCDM]+|\d{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?"
_NUMBERED = re.compile(
    rf"^(?P<word>chapter|stave|book|part|volume|act|scene|canto|section|letter)\s+(?P<num>{_NUMBER})\.?"
    r"(?:\s*[.:—–-]\s*(?P<title>.*\S))?\s*$",
    re.IGNORECASE,
)
_ROMAN_ALONE = re.compile(r"^(?P<num>[IVXLC]{1,7})\.?$")
_NAMED = re.compile(
    r"^(?P<name>preface|introduction|prologue|epilogue|foreword|afterword|conclusion|postscript|"
    r"author'?s note|a note on the text|dedication|acknowledge?ments|appendix|glossary)\.?$",
    re.IGNORECASE,
)
_CONTENTS = re.compile(r"^(?:table of )?contents\.?$|^list of (?:chapters|illustrations)\.?$", re.IGNORECASE)
_SCENE_BREAK = re.compile(r"^\s*(?:(?:\*\s*){1,}|#|(?:-\s*){3,}|(?:•\s*){2,}|(?:~\s*){3,})\s*$")
_WEB_LEFTOVER = re.compile(
    r"^\s*(?:continue reading|read more|read the (?:full|rest|original)|keep reading|share this|share on|"
    r"click here|subscribe|sign up|follow us|related (?:articles|posts|stories)|tags?:|filed under|posted in|"
    r"print this|email this|tweet this|like this:|leave a (?:comment|reply)|comments?\s*\(\d+\)|"
    r"this (?:article|post) (?:was|first) (?:originally )?(?:appeared|published))\b",
    re.IGNORECASE,
)
_LEVEL = {"book": 1, "part": 1, "volume": 1, "act": 1}


@dataclass(frozen=True)
class _Heading:
    title: str  # as shown
    spoken: str  # as announced
    kind: str  # "numbered", "named", "markdown", "contents"
    level: int
    source: str = ""  # the heading's own lines, read as prose if nothing follows it


@dataclass(frozen=True)
class _Text:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class _Break:
    pass


def structure_text(
    source: Source,
    title: str | None = None,
    author: str | None = None,
    keep_web_leftovers: bool = False,
) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says."""
    text = source.text
    found_title, found_author = source.title, source.author
    book = strip_gutenberg(text)
    if book is not None:
        text = book.body
        found_title = found_title or book.title
        found_author = found_author or book.author
    blocks = _blocks(text)
    if not keep_web_leftovers:
        blocks = _without_web_leftovers(blocks)
    items = _classify(blocks)

    headings = [i for i in items if isinstance(i, _Heading) and i.kind != "contents"]
    markdown_top = [h for h in headings if h.kind == "markdown" and h.level == 1]
    if len(markdown_top) == 1 and items and items[0] == markdown_top[0] and len(headings) > 1:
        found_title = found_title or markdown_top[0].title  # "# Book title" above "## Chapter"
        items = items[1:]
        headings = headings[1:]

    width = _typical_width(blocks)
    chapters = _chapters_from_headings(items, width, is_book=book is not None) if headings else []
    if not chapters:
        # No headings, or "headings" with nothing under them: the text is all prose.
        chapters = _sections([p for block in blocks if not _SCENE_BREAK.match(block[0]) or len(block) > 1
                              for p in _paragraphs(block, width)])
    if not chapters:
        raise InputError(f"{source.name}: no readable text found")

    return make_edition(source.name, chapters, title or found_title, author or found_author)


def make_edition(name: str, chapters: list[Chapter] | tuple[Chapter, ...], title: str | None, author: str | None) -> Edition:
    """The edition of `chapters`, titled (else after the input's `name`) and slugged."""
    edition_title = _one_line(title or _title_from_name(name))
    edition_author = _one_line(author or DEFAULT_AUTHOR)
    return Edition(
        title=edition_title,
        author=edition_author,
        slug=slugify(edition_title) or slugify(name) or "edition",
        chapters=tuple(chapters),
    )


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines; a Markdown heading line is a block of its own."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if _MARKDOWN.match(line.strip()) and line.lstrip().startswith("#"):
            if current:
                blocks.append(current)
            blocks.append([line.strip()])
            current = []
        elif line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _without_web_leftovers(blocks: list[list[str]]) -> list[list[str]]:
    """Drop trailing "Continue reading …", "Share this" and such lines from a web page."""
    blocks = [list(b) for b in blocks]
    while blocks and _WEB_LEFTOVER.match(blocks[-1][-1]) and len(blocks[-1][-1].split()) <= 20:
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()
    return blocks


def _typical_width(blocks: list[list[str]]) -> int:
    lengths = sorted(len(line.strip()) for b in blocks for line in b if len(b) > 1)
    return lengths[int(len(lengths) * 0.8)] if lengths else 0


def _classify(blocks: list[list[str]]) -> list[object]:
    items: list[object] = []
    skip_next = False
    for n, block in enumerate(blocks):
        if skip_next:
            skip_next = False
            continue
        if len(block) == 1 and _SCENE_BREAK.match(block[0]):
            items.append(_Break())
            continue
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        heading, used_next = _heading(block, following)
        if heading is None:
            items.append(_Text(tuple(block)))
        else:
            lines = block + (following if used_next and following else [])
            items.append(_Heading(heading.title, heading.spoken, heading.kind, heading.level, " ".join(lines)))
            skip_next = used_next
    return items


def _heading(block: list[str], following: list[str] | None) -> tuple[_Heading | None, bool]:
    """A heading made of `block` (and perhaps the title in the block after it)."""
    if len(block) > 2:
        return None, False
    first = " ".join(block[0].split())
    second = " ".join(block[1].split()) if len(block) == 2 else None

    markdown = _MARKDOWN.match(first)
    if markdown and second is None:
        text = _one_line(markdown.group(2))
        return _Heading(text, text, "markdown", len(markdown.group(1))), False
    if second is None and _CONTENTS.match(first):
        return _Heading("Contents", "", "contents", 2), False
    if second is None and _NAMED.match(first):
        name = _title_case(first.rstrip("."), force=True)
        return _Heading(name, name, "named", 2), False

    numbered = _NUMBERED.match(first)
    roman = _ROMAN_ALONE.match(first)
    if numbered:
        value = parse_heading_number(numbered.group("num"))
        if value is None:
            return None, False
        word = numbered.group("word").capitalize()
        num = numbered.group("num")
        shown_num = num.upper() if re.fullmatch(r"[IVXLCDMivxlcdm]+", num) else num.capitalize()
        prefix, spoken_prefix = f"{word} {shown_num}", f"{word} {spoken_number(value)}"
        level = _LEVEL.get(word.lower(), 2)
        title = numbered.group("title")
    elif roman and (second or _looks_like_title(following)):
        value = parse_heading_number(roman.group("num"))
        if value is None:
            return None, False
        prefix, spoken_prefix, level, title = roman.group("num"), spoken_number(value).capitalize(), 2, None
    else:
        return None, False

    used_next = False
    if title is None and second is not None:
        if not _looks_like_title([second]):
            return None, False
        title = second
    elif title is None and second is None and _looks_like_title(following):
        title, used_next = " ".join(following[0].split()), True  # type: ignore[index]
    elif second is not None:
        return None, False  # "CHAPTER I. Title" with prose under it in the same block
    name = _title_case(title) if title else ""
    shown = f"{prefix}: {name}" if name else prefix
    spoken = f"{spoken_prefix}. {name}" if name else spoken_prefix
    return _Heading(shown, spoken, "numbered", level), used_next


def _looks_like_title(block: list[str] | None) -> bool:
    """A short single line that names a chapter, not a sentence of prose."""
    if not block or len(block) != 1:
        return False
    line = " ".join(block[0].split())
    words = line.split()
    if not 1 <= len(words) <= 12 or _NUMBERED.match(line) or _MARKDOWN.match(line):
        return False
    if line.isupper():
        return True
    capitals = sum(1 for w in words if w[:1].isupper() or w.lower() in _SMALL_WORDS)
    return not line.endswith((",", ";", ":")) and capitals == len(words)


def _chapters_from_headings(items: list[object], width: int, is_book: bool) -> list[Chapter]:
    sections: list[tuple[_Heading | None, list[Paragraph]]] = []
    heading: _Heading | None = None
    body: list[Paragraph] = []
    pending: _Heading | None = None  # "Part One" heading awaiting its first chapter

    def close() -> None:
        if heading is not None and heading.kind == "contents":
            return
        if not any(p.kind != BREAK for p in body):
            return
        sections.append((heading, [p for p in body]))

    for item in items:
        if isinstance(item, _Heading):
            if heading is not None and not any(p.kind != BREAK for p in body) and heading.kind != "contents":
                # An empty heading: a "Part" above a chapter joins it; a contents entry goes.
                if heading.level < item.level:
                    pending = heading
            else:
                close()
            if pending is not None and item.level > pending.level and item.kind != "contents":
                item = _Heading(f"{pending.title} – {item.title}", f"{pending.spoken}. {item.spoken}", item.kind, item.level)
                pending = None
            heading, body = item, []
        elif isinstance(item, _Break):
            if body and body[-1].kind != BREAK:
                body.append(Paragraph("", BREAK))
        else:
            body.extend(_paragraphs(item.lines, width))  # type: ignore[attr-defined]
    if heading is not None and heading.kind != "contents" and not body and sections:
        # A "heading" with nothing after it ends the text: it was prose after all.
        sections[-1][1].append(Paragraph(" ".join(heading.source.split())))
    close()

    # Front matter: text before any heading, and named sections before the first chapter.
    front: list[Paragraph] = []
    chapters_start = 0
    for n, (h, paragraphs) in enumerate(sections):
        if h is not None and h.kind != "named":
            break
        if h is None and is_book and _is_title_page(paragraphs):
            chapters_start = n + 1
            continue
        if h is not None:
            front.append(Paragraph(h.spoken, HEADING))
        front.extend(paragraphs)
        chapters_start = n + 1
    rest = sections[chapters_start:]
    front_words = sum(p.word_count for p in front)
    if not rest or front_words > SHORT_FRONT_MATTER:
        rest, front = sections, []  # long front matter: chapters of their own

    chapters: list[Chapter] = []
    for h, paragraphs in rest:
        while paragraphs and paragraphs[-1].kind == BREAK:
            paragraphs.pop()
        if h is None and is_book and _is_title_page(paragraphs):
            continue
        title = h.title if h else "Introduction"
        spoken = h.spoken if h else ""
        preamble = tuple(front) if not chapters else ()
        chapters.append(Chapter(len(chapters) + 1, title, spoken, tuple(paragraphs), preamble))
    return chapters


def _is_title_page(paragraphs: list[Paragraph]) -> bool:
    """Lines of a title page: short, and not sentences."""
    lines = [line for p in paragraphs for line in p.text.split("\n")]
    return sum(len(line.split()) for line in lines) <= 60 and all(len(line.split()) <= 10 for line in lines)


def _paragraphs(lines: tuple[str, ...] | list[str], width: int) -> list[Paragraph]:
    """Hard-wrapped lines make one paragraph; a block of long lines is a paragraph per line;
    a block of short lines each starting with a capital, in a wrapped text, is verse."""
    lines = [" ".join(line.split()) for line in lines]
    if len(lines) == 1:
        return [Paragraph(lines[0])]
    lengths = sorted(len(line) for line in lines)
    if lengths[len(lengths) // 2] > 100 or lengths[-1] > 120:
        return [Paragraph(line) for line in lines]
    if width >= 45 and lengths[-1] <= width * 0.7 and all(line[:1].isupper() or line[:1] in "\"'‘“(" for line in lines):
        return [Paragraph("\n".join(lines), VERSE)]
    return [Paragraph(" ".join(lines))]


def _sections(paragraphs: list[Paragraph]) -> list[Chapter]:
    """Cut heading-less text at paragraph boundaries into parts of a listening length."""
    paragraphs = [p for p in paragraphs if p.text]
    if not paragraphs:
        return []
    counts = [p.word_count for p in paragraphs]
    total = sum(counts)
    if total < SECTIONS_BELOW:
        count = 1
    else:
        target = min(SECTION_WORDS_MAX, max(SECTION_WORDS_MIN, total / 3))
        count = max(1, min(len(paragraphs), round(total / target)))
    cuts = _balanced_cuts(counts, count)
    chapters = []
    for n, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(paragraphs)]), start=1):
        body = tuple(paragraphs[a:b])
        title = section_title(body[0].text) if count > 1 else "Full text"
        spoken = f"Part {spoken_number(n)}" if count > 1 else ""
        chapters.append(Chapter(n, title, spoken, body, titled=False))
    return chapters


def _balanced_cuts(counts: list[int], parts: int) -> list[int]:
    """Paragraph indexes where parts start, so each part has about the same words."""
    total = sum(counts)
    cumulative, running = [], 0
    for c in counts:
        running += c
        cumulative.append(running)
    cuts: list[int] = []
    for k in range(1, parts):
        goal = total * k / parts
        lowest = (cuts[-1] + 1) if cuts else 1
        highest = len(counts) - (parts - k)
        best = min(range(lowest, highest + 1), key=lambda i: abs(cumulative[i - 1] - goal))
        cuts.append(best)
    return cuts


_CLAUSE_END = re.compile(r"[,;:(\u2013\u2014]")


def section_title(paragraph: str, max_words: int = 8) -> str:
    """A section's title: the opening words of its first sentence, up to a clause break."""
    text = paragraph.strip().lstrip("\"'“‘«")
    words = text.split()
    taken: list[str] = []
    cut_at_clause = False
    for word in words[:max_words]:
        taken.append(word)
        if len(taken) >= 3 and (_CLAUSE_END.search(word[-1:]) or word.endswith((".", "!", "?"))):
            cut_at_clause = True
            break
    title = " ".join(taken).rstrip(",;:.!?–—(\"'”’ ")
    if not cut_at_clause and len(words) > len(taken):
        title += "…"
    return title


def _title_from_name(name: str) -> str:
    text = re.sub(r"[_\-]+", " ", name).strip()
    return text[:1].upper() + text[1:] if text else "Untitled"


_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to with".split())


def _title_case(text: str, force: bool = False) -> str:
    """Title case for headings set in capitals; a heading already in mixed case is kept."""
    text = " ".join(text.split()).strip(" .")
    if not (force or text.isupper()):
        return text
    words = text.lower().split()
    out = []
    for i, word in enumerate(words):
        if i and word in _SMALL_WORDS:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def slugify(text: str, max_length: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


__all__ = ["structure_text", "make_edition", "slugify", "section_title", "DEFAULT_AUTHOR", "PROSE"]
