"""Front and back matter a listener does not want read: which content documents are the
cover, the title page, the copyright page or colophon, a table of contents, a list of
illustrations, an index, Project Gutenberg's licence, or out of the reading order.

Decided from what the book says (`epub:type`, the landmarks or the EPUB 2 guide, the
nav property, `linear="no"`) and from the content (an image alone, a page of links, a
short page of rights and ISBNs, a heading "Index" over lines of page numbers) — never
from file names. Dedications, epigraphs, forewords, prefaces and introductions are read.
"""

from __future__ import annotations

import re

from aloud.model import HEADING
from aloud.read.epub.content import Document
from aloud.words import letters_only

COVER, TITLE_PAGE, COPYRIGHT, CONTENTS, ILLUSTRATIONS, INDEX, LICENCE, ASIDE = (
    "cover", "title page", "copyright", "contents", "list of illustrations", "index", "licence", "not in reading order")
BY_TYPE = {
    "cover": COVER, "titlepage": TITLE_PAGE, "halftitlepage": TITLE_PAGE, "title-page": TITLE_PAGE,
    "fulltitle": TITLE_PAGE, "copyright-page": COPYRIGHT, "colophon": COPYRIGHT, "imprint": COPYRIGHT,
    "imprimatur": COPYRIGHT, "toc": CONTENTS, "doc-toc": CONTENTS, "loi": ILLUSTRATIONS, "lot": ILLUSTRATIONS,
    "loa": ILLUSTRATIONS, "lov": ILLUSTRATIONS, "index": INDEX, "doc-index": INDEX, "doc-colophon": COPYRIGHT,
    "doc-cover": COVER, "copyright": COPYRIGHT,
}
_RIGHTS = re.compile(r"©|\bcopyright\b|\ball rights reserved\b|\bISBN\b|\bfirst published\b|\bprinted in\b|"
                     r"\btous droits\b|\bdépôt légal\b|\balle Rechte\b|\bderechos reservados\b", re.IGNORECASE)
_GUTENBERG = re.compile(r"\*{3}\s*(?:START|END) OF (?:THE|THIS) PROJECT GUTENBERG|PROJECT GUTENBERG(?:-tm)? LICENSE",
                        re.IGNORECASE)
_INDEX_HEADING = re.compile(r"^(?:general\s+)?index$|^index of\b|^register$|^índice$", re.IGNORECASE)
_PAGE_REFS = re.compile(r"\d+(?:[-–]\d+)?(?:,\s*\d+(?:[-–]\d+)?)+|,\s*\d+$")


READ = {"dedication", "epigraph", "foreword", "preface", "introduction", "prologue", "doc-dedication",
        "doc-epigraph", "doc-foreword", "doc-preface", "doc-introduction", "doc-prologue", "bodymatter", "chapter"}


def matter_of(document: Document, *, linear: bool, is_nav: bool, landmark: str, before_body: bool, title: str,
              in_toc: bool) -> str:
    """The kind of matter `document` is, or "" when it is the book itself (`title`: the book's).
    A document the table of contents names past the book's start is judged by its marks
    alone: its content may quote a copyright line without being a copyright page."""
    for mark in (*sorted(document.types), landmark):
        if mark in BY_TYPE:
            return BY_TYPE[mark]
    if is_nav:
        return CONTENTS
    if not linear:
        return ASIDE
    if document.types & READ or (in_toc and not before_body):
        return ""
    return _by_content(document, before_body and not in_toc, title)


def _by_content(document: Document, before_body: bool, title: str) -> str:
    words = document.words
    text = " ".join(b.text for b in document.blocks)
    if _GUTENBERG.search(text) and (words < 3000 or "LICENSE" in text.upper()[:20000]):
        return LICENCE
    if words == 0 and document.images:
        return COVER
    if words and document.links >= 3 and document.link_words >= 0.6 * words:
        return CONTENTS
    if words and words <= 400 and len(_RIGHTS.findall(text)) >= (1 if before_body else 2):
        return COPYRIGHT
    if _INDEX_HEADING.match(document.heading.strip()) and _mostly_page_references(document):
        return INDEX
    if before_body and words and words <= 80 and title and letters_only(title) in letters_only(text) \
            and all(len(b.text.split()) <= 15 for b in document.blocks):
        return TITLE_PAGE  # short lines that name the book, before it starts: its title page
    return ""


def _mostly_page_references(document: Document) -> bool:
    entries = [b for b in document.blocks if b.kind != HEADING]
    return bool(entries) and sum(bool(_PAGE_REFS.search(b.text)) for b in entries) >= 0.5 * len(entries)
