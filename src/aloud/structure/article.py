"""What a plain text says of itself in its own lines: a title and author on its first lines
("[Alice's Adventures in Wonderland by Lewis Carroll 1865]"; a title line above "By a staff
writer"), or a title on its last ("Continue reading Jiayuguan – the socialist future
today"); and whether a file's name reads as a title at all ("000_d8fdb994e65f720e" does not).

Lines used for the title and author are left out of the reading: the opening announcement says them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aloud.structure.leftovers import MAX_WORDS
from aloud.structure.titles import title_case

TITLE_WORDS = 15  # a title line is at most this long
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to with".split())
_BRACKETED = re.compile(
    r"\[\s*(?P<title>[^\[\]]{2,200}?)\s+by\s+(?P<author>[^\[\]]{2,100}?)(?:[\s,]+(?P<year>1[0-9]{3}|20[0-9]{2}))?\s*\]",
    re.IGNORECASE,
)
# "By Jane Doe"; "von", "par", "por", "di", "door": the same in German, French, Spanish and
# Portuguese, Italian, Dutch.
_TITLE_THEN_BYLINE = re.compile(r"(?P<title>[^{}\[\]()]{2,120}?)\s*[{\[(](?P<by>by\s[^{}\[\]()]{2,100})[}\])]")
_BYLINE = re.compile(r"(?P<word>by|von|par|por|di|door)\s+(?P<author>[^.!?;:]{2,100}?)\.?", re.IGNORECASE)
BYLINE_WORDS = 10
_CONTINUE = re.compile(r"continue reading:?\s+(?P<title>.*\w.*)", re.IGNORECASE)
_HASHLIKE = re.compile(r"[0-9a-f]*[0-9][0-9a-f]*|[0-9a-z]*[0-9][0-9a-z]*[a-z][0-9a-z]*[0-9][0-9a-z]*", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleLines:
    """A title and author found in the text's lines, and the indexes of the lines that said them."""

    title: str | None = None
    author: str | None = None
    used: frozenset[int] = frozenset()


def _content_lines(lines: list[str], limit: int = 3) -> list[int]:
    """The indexes of the first `limit` non-blank lines."""
    found: list[int] = []
    for n, line in enumerate(lines):
        if line.strip():
            found.append(n)
            if len(found) == limit:
                break
    return found


def is_byline(line: str) -> str | None:
    """The author a byline names ("By Jane Doe", "von Johanna Spyri", "par Jules Verne" → the
    name), or None. After a word other than English "by" the rest must read as a name."""
    line = " ".join(line.split())
    found = _BYLINE.fullmatch(line)
    if found is None or len(line.split()) > BYLINE_WORDS:
        return None
    author = found.group("author").strip(" ,")
    return author if found.group("word").lower() == "by" or looks_like_name(author) else None


_NAME_PARTICLES = frozenset("de da di do du des del della der den van von la le ten ter y e".split())
_DECORATION = " -–—*~•·=_"


def looks_like_name(line: str) -> bool:
    """A person's name: two to six words, each capitalised but for particles ("Jules Verne",
    "JULES VERNE", "Antoine de Saint-Exupéry", "Ludwig van Beethoven")."""
    words = line.split()
    if not 2 <= len(words) <= 6 or any(c.isdigit() for c in line) or line.endswith((",", ";", ":")):
        return False
    named = [w for w in words if w.lower() not in _NAME_PARTICLES]
    return (len(named) >= 2 and words[0] in named and words[-1] in named
            and all(w[:1].isupper() and w.rstrip(".").replace("-", "").replace("'", "").replace("’", "").isalpha()
                    for w in named))


def author_line(line: str) -> str | None:
    """The author a title page's line names: a byline, or a name alone, perhaps set off by
    dashes ("- JULES VERNE -"); in title case when set in capitals."""
    line = " ".join(line.split()).strip(_DECORATION)
    author = is_byline(line) or (line if looks_like_name(line) else None)
    if author and author.isupper():
        author = " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-"))
                          if w.lower() not in _NAME_PARTICLES else w.lower() for w in author.split())
    return author


def is_title_line(line: str) -> bool:
    """A short line that names a text, not a sentence: no full stop, comma or colon at its end."""
    line = " ".join(line.split())
    words = line.split()
    return (1 <= len(words) <= TITLE_WORDS and not line.endswith((".", ",", ";", ":"))
            and not line.startswith(("#", "[", "*", "-", ">")) and any(c.isupper() for c in line)
            and not line.islower())


def opening_lines(lines: list[str]) -> ArticleLines:
    """A title and author from the first lines: "[Title by Author 1865]", a title line over
    a "By …" line, or a byline alone."""
    first = _content_lines(lines)
    if not first:
        return ArticleLines()
    top = " ".join(lines[first[0]].split())
    bracketed = _BRACKETED.fullmatch(top)
    if bracketed:
        return ArticleLines(bracketed.group("title").strip(), bracketed.group("author").strip(), frozenset(first[:1]))
    author = is_byline(top)
    if author:
        return ArticleLines(None, author, frozenset(first[:1]))
    for at in first[:2]:  # "THE MAN WITHOUT A BODY {by Edward Page Mitchell}"
        titled = _TITLE_THEN_BYLINE.fullmatch(" ".join(lines[at].split()))
        if titled and is_title_line(titled.group("title")) and is_byline(titled.group("by")):
            return ArticleLines(title_case(titled.group("title"), _SMALL_WORDS), is_byline(titled.group("by")),
                                frozenset((at,)))
    # A title line over a byline, first or under a dateline ("{from} THE {New York} SUN, … 1877.").
    for title_at, by_at in zip(first, first[1:]):
        title = " ".join(lines[title_at].split())
        if is_title_line(title) and by_at - title_at <= 2:
            author = is_byline(lines[by_at].strip().strip("{}[]()"))
            if author:
                return ArticleLines(title_case(title, _SMALL_WORDS), author, frozenset((title_at, by_at)))
    return ArticleLines()


def closing_title(lines: list[str]) -> str | None:
    """The title a trailing "Continue reading TITLE" line names (the page's link to the whole article)."""
    for line in reversed(lines):
        line = " ".join(line.split())
        if not line:
            continue
        found = _CONTINUE.fullmatch(line)
        if found and len(line.split()) <= MAX_WORDS:
            title = found.group("title").strip(" .…→»>")
            return title if is_title_line(title) else None  # not "the main story"
        return None
    return None


def name_reads_as_title(name: str) -> bool:
    """Whether a file's name can stand as a title: it has words, not only numbers and hashes
    ("000_d8fdb994e65f720e", "IMG_2034", "stdin" do not; "my-essay" does)."""
    if name.lower() in ("stdin", "-", "untitled", "index", "document", "text", "input", "file"):
        return False
    tokens = [t for t in re.split(r"[\W_]+", name) if t]
    words = [t for t in tokens if not _HASHLIKE.fullmatch(t) and sum(c.isalpha() for c in t) >= 2]
    return bool(words) and sum(len(w) for w in words) >= sum(len(t) for t in tokens) / 2
