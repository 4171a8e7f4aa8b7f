"""Titles: of the edition (and its slug, for folder and file names), of sections without a
heading, and headings set in capitals made title case."""

from __future__ import annotations

import re
import unicodedata

from aloud.model import Chapter, Edition
from aloud.words import one_line


def make_edition(name: str, chapters: list[Chapter] | tuple[Chapter, ...], title: str | None, author: str | None) -> Edition:
    """The edition of `chapters`, titled (else after the input's `name`) and slugged."""
    edition_title = one_line(title or _title_from_name(name))
    edition_author = one_line(author or "")  # unknown: "", never a placeholder
    return Edition(
        title=edition_title,
        author=edition_author,
        slug=slugify(edition_title) or slugify(name) or "edition",
        chapters=tuple(chapters),
    )


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


def title_case(text: str, small_words: frozenset[str], force: bool = False) -> str:
    """Title case for headings set in capitals; a heading already in mixed case is kept."""
    text = " ".join(text.split()).strip(" .")
    if not (force or text.isupper()):
        return text
    words = text.lower().split()
    out = []
    for i, word in enumerate(words):
        elided = _ELIDED.fullmatch(word)
        if elided and word != "o'clock":  # "L’ÉQUIPAGE", "D’HATTERAS", "O'BRIEN": the word after the apostrophe
            head = elided.group("head")
            head = head if i and head in small_words else head.upper()
            out.append(head + elided.group("mark") + elided.group("word")[:1].upper() + elided.group("word")[1:])
        elif i and word in small_words:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


_ELIDED = re.compile(r"(?P<head>[^\W\d_]|qu)(?P<mark>['’])(?P<word>[^\W\d_]{2,}.*)")


def slugify(text: str, max_length: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug
