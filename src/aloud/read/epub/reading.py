"""Reading an EPUB (2 and 3): the spine in reading order, cut into chapters by the
book's own table of contents, its front and back matter marked, its notes kept for the
chapters that cite them, and what its package says of the book.

Read with the standard library's zipfile and lxml, in memory: nothing is extracted.
"""

from __future__ import annotations

import io
import logging

from PIL import Image, UnidentifiedImageError

from aloud.errors import InputError
from aloud.model import Picture, Publication, Source
from aloud.read.epub.book import Book, chapters_from_headings, chapters_from_toc, resolve_note_marks
from aloud.read.epub.content import Document, parse_xhtml
from aloud.read.epub.lexicons import book_pronunciations
from aloud.read.epub.matter import matter_of
from aloud.read.epub.metadata import cover_item, read_metadata
from aloud.read.epub.navigation import TocEntry, landmarks, table_of_contents
from aloud.read.epub.package import Package

log = logging.getLogger(__name__)

XHTML_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}
BEFORE_BODY_WORDS = 300  # a document is front matter only if no document before it says more


def read_epub(data: bytes, origin: str, name: str) -> Source:
    """The book's Source: its chapters, matter marked, notes, metadata, cover and pronunciations."""
    package = Package(data, origin)
    meta = read_metadata(package)
    documents = tuple(_document(package, item.item.href, item.item.media_type) for item in package.spine)
    marks = landmarks(package)
    toc = table_of_contents(package)
    named = {e.target for e in _flat(toc)}
    matters, said = [], 0
    for spine_item, document in zip(package.spine, documents):
        matters.append(matter_of(document, linear=spine_item.linear, is_nav="nav" in spine_item.item.properties,
                                 landmark=marks.get((document.name, ""), ""), before_body=said <= BEFORE_BODY_WORDS,
                                 title=meta.title or "", in_toc=document.name in named))
        said += document.words if not matters[-1] else 0
    notes = {(d.name, note_id): note for d in documents for note_id, note in d.notes.items()}
    resolve_note_marks(documents, set(notes))
    book = Book(documents, tuple(matters), notes)
    chapters = chapters_from_toc(book, toc) or chapters_from_headings(book)
    text = "\n\n".join(b.text for d, m in zip(documents, matters) if not m for b in d.blocks if b.text)
    if not text.strip() and not any(c.word_count for c in chapters):
        raise InputError(f"{origin}: has no text to read (its pages hold only images, or nothing)")
    left_out = [f"{c.title} ({c.matter})" for c in chapters if c.matter]
    if left_out:
        log.info("%s: front and back matter: %s", origin, ", ".join(left_out))
    return Source(
        name=name,
        text=text,
        title=meta.title,
        author=", ".join(meta.authors) or None,
        chapters=tuple(chapters) if any(not c.matter and c.word_count for c in chapters) else (),
        language=meta.language,
        pronunciations=book_pronunciations(package, meta.language),
        publication=Publication(
            contributors=meta.contributors, publisher=meta.publisher, date=meta.date,
            description=meta.description, identifier=meta.identifier, series=meta.series,
            series_position=meta.series_position, cover=_cover(package),
        ),
    )


def _flat(entries: tuple[TocEntry, ...]) -> list[TocEntry]:
    return [x for e in entries for x in (e, *_flat(e.children))]


def _document(package: Package, name: str, media_type: str) -> Document:
    if media_type not in XHTML_TYPES and not name.lower().endswith((".xhtml", ".html", ".htm")):
        return Document(name, images=1 if media_type.startswith("image/") else 0)
    return parse_xhtml(package.read(name, "content document"), name, package.resolve)


def _cover(package: Package) -> Picture | None:
    """The book's cover picture, if it has one aloud can use (an SVG cover, say, it cannot:
    then the edition gets a made cover, with a warning)."""
    name = cover_item(package)
    if name is None or not package.has(name):
        return None
    data = package.read(name, "cover image")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        log.warning("%s: its cover %s is not a picture aloud can use: a cover is made instead", package.origin, name)
        return None
    media_type = package.items_by_name().get(name, "")
    return Picture(data, media_type or "image/jpeg", f"the EPUB's cover image {name}")

