"""Project Gutenberg files: the book between the START and END markers, and its title and author.

Markers have been spelled many ways over the years ("THIS" or "THE", "EBOOK" or
"E-BOOK", indented or not, "*END*THE SMALL PRINT!" in the oldest files); the licence
after the END marker and the header before START are never narrated. The markers are in
English whatever the book's language; the header's fields and the producers' credit may be
in the book's ("Titre :", "Autor:", "Produit par", "Erstellt von"). A book exported from
Wikisource or Ebooks libres et gratuits ends with a note about the edition, in its language
("Ce livre électronique est issu de la bibliothèque numérique Wikisource"): that is never
narrated either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_START = re.compile(
    r"^\s*\*{2,}\s*START\s+OF\s+(?:THIS|THE)\s+PROJECT\s+GUTENBERG\s+E-?(?:BOOK|TEXT)\b.*$"
    r"|^\s*\*END\*\s*THE\s+SMALL\s+PRINT.*$",
    re.IGNORECASE | re.MULTILINE,
)
_END = re.compile(
    r"^\s*\*{2,}\s*END\s+OF\s+(?:THIS|THE)\s+PROJECT\s+GUTENBERG\s+E-?(?:BOOK|TEXT)\b.*$"
    r"|^\s*End\s+of\s+(?:the\s+)?Project\s+Gutenberg(?:'s)?\s+(?:E-?(?:Book|text)\b|.*$).*$",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_LINE = re.compile(r"^\s*(?:Title|Titre|Titel|Título|Titolo)\s?:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_AUTHOR_LINE = re.compile(r"^\s*(?:Author|Auteur|Autor|Autore)\s?:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_EBOOK_OF = re.compile(
    r"The Project Gutenberg E-?(?:Book|text) of\s+(?P<title>.+?)(?:,\s+by\s+(?P<author>.+?))?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_PRODUCED_BY = re.compile(
    r"^\s*(?:(?:Produced|Prepared|Transcribed)\s+(?:by|from)|Produit\s+par|Erstellt\s+von|Digitalisiert\s+von"
    r"|Producido\s+por|Prodotto\s+da|Produzido\s+por|Geproduceerd\s+door)\b.*?(?:\n\s*\n|\Z)",
    re.IGNORECASE | re.DOTALL)
# The note an exported e-book ends with, about its edition.
_EDITION_NOTE = re.compile(
    r"^\s*(?:À propos de cette édition électronique|Ce livre (?:électronique|numérique) est issu de la bibliothèque"
    r"|Dieses E-Book stammt aus der (?:freien )?Online-Bibliothek|Über diese elektronische Ausgabe"
    r"|This e-?book comes from the online library Wikisource|Este libro electrónico procede de la biblioteca"
    r"|Questo e-?book proviene da|Este livro digital (?:é|vem) d[ae] biblioteca|Dit e-?boek is afkomstig van)",
    re.IGNORECASE | re.MULTILINE)
EDITION_NOTE_SHARE, EDITION_NOTE_CHARS = 0.2, 5000  # such a note is in the last fifth, or last 5000 characters


@dataclass(frozen=True)
class GutenbergText:
    body: str
    title: str | None
    author: str | None
    header: str = ""  # before the START marker: never read
    licence: str = ""  # after the END marker: never read


def strip_gutenberg(text: str) -> GutenbergText | None:
    """The book inside a Project Gutenberg file (or an exported e-book's text, without its
    edition note), or None if `text` is neither."""
    start = _START.search(text)
    if start is None:
        return _without_edition_note(text)
    header = text[: start.start()]
    end = _END.search(text, start.end())
    body = text[start.end() : end.start() if end else len(text)]
    body = _PRODUCED_BY.sub("", body.lstrip("\n"), count=1)
    title = _first(_TITLE_LINE, header)
    author = _first(_AUTHOR_LINE, header)
    ebook_of = _EBOOK_OF.search(header)
    if ebook_of:
        title = title or ebook_of.group("title").strip()
        author = author or (ebook_of.group("author") or "").strip() or None
    licence = text[end.start():] if end else ""
    return GutenbergText(body=body, title=title, author=author, header=header + text[start.start():start.end()],
                         licence=licence)


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return " ".join(match.group(1).split()) if match else None


def _without_edition_note(text: str) -> GutenbergText | None:
    note = _EDITION_NOTE.search(text, max(0, min(int(len(text) * (1 - EDITION_NOTE_SHARE)), len(text) - EDITION_NOTE_CHARS)))
    if note is None:
        return None
    return GutenbergText(body=text[:note.start()], title=None, author=None, licence=text[note.start():])
