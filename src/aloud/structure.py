"""Structure stage: a `Source` becomes an `Edition` of titled chapters of paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from aloud.errors import InputError
from aloud.model import Chapter, Edition, Source, count_words
from aloud.numbers import roman_to_int, spoken_number

DEFAULT_AUTHOR = "Unknown author"

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_CHAPTER_HEADING = re.compile(
    r"^(?P<word>chapter|book|part)\s+(?P<num>[IVXLCDM]+|\d+)\b\s*(?:[.:—–-]\s*(?P<title>.*))?$",
    re.IGNORECASE,
)

# A text without headings is cut into sections of about this many words (a third of
# the text for short texts, so an article gives a few parts, not one blob).
SECTION_WORDS_MIN = 200
SECTION_WORDS_MAX = 3000
SECTIONS_BELOW = 300  # shorter texts stay one section


@dataclass(frozen=True)
class _Heading:
    title: str
    spoken: str
    level: int


def structure(source: Source, title: str | None = None, author: str | None = None) -> Edition:
    """Find chapters and paragraphs. `title`/`author` override what the source says."""
    blocks = _blocks(source.text)
    items = [_heading(block) or block for block in blocks]
    headings = [i for i in items if isinstance(i, _Heading)]

    found_title = None
    if headings and isinstance(items[0], _Heading) and items[0].level == 1:
        if sum(1 for h in headings if h.level == 1) == 1 and len(headings) > 1:
            found_title = items[0].title  # "# Book title" above "## Chapter" headings
            items = items[1:]
            headings = headings[1:]

    if headings:
        chapters = _chapters_from_headings(items)
    else:
        paragraphs = [p for block in blocks for p in _paragraphs(block)]
        chapters = _sections(paragraphs)
    if not chapters:
        raise InputError(f"{source.name}: no readable text found")

    edition_title = _clean(title or source.title or found_title or _title_from_name(source.name))
    edition_author = _clean(author or source.author or DEFAULT_AUTHOR)
    return Edition(
        title=edition_title,
        author=edition_author,
        slug=slugify(edition_title) or slugify(source.name) or "edition",
        chapters=tuple(chapters),
    )


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _paragraphs(block: list[str]) -> list[str]:
    """A hard-wrapped block is one paragraph; a block of long lines is a paragraph per line."""
    if len(block) == 1:
        return [" ".join(block[0].split())]
    lengths = sorted(len(line) for line in block)
    if lengths[len(lengths) // 2] > 100 or lengths[-1] > 120:
        return [" ".join(line.split()) for line in block]
    return [" ".join(" ".join(block).split())]


def _heading(block: list[str]) -> _Heading | None:
    line = " ".join(block[0].split())
    markdown = _MARKDOWN_HEADING.match(line)
    if markdown and len(block) == 1:
        text = _clean(markdown.group(2))
        return _Heading(text, text, len(markdown.group(1)))
    chapter = _CHAPTER_HEADING.match(line)
    if chapter and len(block) <= 2:
        word = chapter.group("word").capitalize()
        num = chapter.group("num")
        rest = chapter.group("title") or (block[1].strip() if len(block) == 2 else "")
        value = int(num) if num.isdigit() else roman_to_int(num.upper())
        name = _title_case(rest) if rest else ""
        shown = f"{word} {num.upper() if not num.isdigit() else num}" + (f": {name}" if name else "")
        spoken = f"{word} {spoken_number(value)}" + (f". {name}" if name else "")
        return _Heading(shown, spoken, 2)
    return None


def _chapters_from_headings(items: list[object]) -> list[Chapter]:
    chapters: list[Chapter] = []
    heading: _Heading | None = None
    paragraphs: list[str] = []

    def close() -> None:
        if not paragraphs:
            return
        if heading is None:
            title, spoken = "Introduction", ""
        else:
            title, spoken = heading.title, heading.spoken
        chapters.append(Chapter(len(chapters) + 1, title, spoken, tuple(paragraphs)))

    for item in items:
        if isinstance(item, _Heading):
            close()
            heading, paragraphs = item, []
        else:
            paragraphs.extend(_paragraphs(item))  # type: ignore[arg-type]
    close()
    return chapters


def _sections(paragraphs: list[str]) -> list[Chapter]:
    """Cut heading-less text at paragraph boundaries into parts of a listening length."""
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return []
    counts = [count_words(p) for p in paragraphs]
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
        title = section_title(body[0]) if count > 1 else "Full text"
        spoken = f"Part {spoken_number(n)}" if count > 1 else ""
        chapters.append(Chapter(n, title, spoken, body))
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


def _title_case(text: str) -> str:
    """Title case for headings set in capitals; a heading already in mixed case is kept."""
    text = " ".join(text.split()).strip(" .")
    if not text.isupper():
        return text
    words = text.lower().split()
    out = []
    for i, word in enumerate(words):
        if i and word in _SMALL_WORDS:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _clean(text: str) -> str:
    return " ".join(text.split())


def slugify(text: str, max_length: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug
