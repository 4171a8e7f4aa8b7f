"""Reading a PDF: its text layer page by page, the furniture of its pages left out, its
lines made paragraphs, headings and footnotes, and its chapters cut by its outline (else
by its headings, else by the text rules), as an EPUB's are: each page is one of the book's
documents, each bookmark a table-of-contents entry pointing into it.

A PDF with no text layer is a scan (one line: run OCR first); a locked or damaged one is
told in one line too. The first page becomes the cover only when it is a picture with
little or no text on it (a cover, scanned or drawn): a first page of text is a title
page, which would make a poor cover, and is left out of the reading as one.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import replace

from aloud.errors import InputError
from aloud.model import HEADING, Picture, Publication, Source
from aloud.read.epub.book import PART_WORDS, Book, chapters_from_headings, chapters_from_toc
from aloud.read.epub.content import Document
from aloud.read.epub.matter import INDEX, LICENCE, matter_of
from aloud.read.epub.navigation import TocEntry
from aloud.read.html import EDIT_LINK, ELSEWHERE_SECTIONS, REFERENCE_SECTIONS
from aloud.read.pdf.document import Bookmark, metadata_of, open_pdf, outline_of
from aloud.read.pdf.furniture import furniture
from aloud.read.pdf.layout import LITTLE_TEXT, PageLines, page_lines
from aloud.read.pdf.paragraphs import NUMBERED, PageBlocks, page_blocks, page_name
from aloud.words import letters_only

log = logging.getLogger(__name__)

SCAN_CHARS = 20  # characters a page, on average: fewer, and the PDF is a scan
BEFORE_BODY_WORDS = 300
ADVERT = ("free ebook", "free e-book", "more ebooks", "more books", "visit our", "visit us", "download",
          "www.", "http", ".com", ".org")
ADVERT_WORDS = 150


def read_pdf(data: bytes, origin: str, name: str) -> Source:
    document = open_pdf(data, origin)
    try:
        meta = metadata_of(document, data)
        pages = [page_lines(document[n], n + 1) for n in range(len(document))]
        if not pages:
            raise InputError(f"{origin}: has no pages")
        if sum(p.chars for p in pages) < SCAN_CHARS * len(pages):
            raise InputError(f"{origin}: has no text to read: it is a scan; run OCR first, "
                             "for example with ocrmypdf")
        outline = outline_of(document)
        cover = _cover(document, pages[0])
    finally:
        document.close()
    blocks = page_blocks(pages, furniture(pages, [m.title for m in outline] + [meta.title or ""]))
    _references_left_out(blocks)
    documents, toc = _documents(blocks, outline)
    _gutenberg_left_out(documents)
    titles: dict[str, list[str]] = {}
    for entry in _flat(toc):
        titles.setdefault(entry.target, []).append(entry.title)
    matters = _matters(documents, meta.title or "", set(titles), titles)
    toc = _without_matter(toc, {d.name for d, m in zip(documents, matters) if m})
    notes = {(d.name, key): note for d, page in zip(documents, blocks) for key, note in page.notes.items()}
    book = Book(tuple(documents), tuple(matters), notes)
    chapters = chapters_from_toc(book, toc) if toc else []
    chapters = chapters or chapters_from_headings(book)
    # For the text rules (no outline, no headings): every page but a publisher's advertisement,
    # the Gutenberg header and licence included, which those rules find and leave out themselves.
    text = "\n\n".join(b.text for d, m in zip(documents, matters) if m != "advertisement" for b in d.blocks if b.text)
    if not text.strip():
        raise InputError(f"{origin}: has no text to read")
    left_out = [f"{c.title} ({c.matter})" for c in chapters if c.matter]
    if left_out:
        log.info("%s: front and back matter: %s", origin, ", ".join(left_out))
    return Source(
        name=name,
        text=text,
        title=meta.title,
        author=meta.author,
        chapters=tuple(chapters) if any(not c.matter and c.word_count for c in chapters) else (),
        language=meta.language,
        publication=Publication(description=meta.subject or "", cover=cover),
    )


def _references_left_out(pages: list[PageBlocks]) -> None:
    """A printed web page's reference sections and links elsewhere, left out as a page's are
    (`read.html`): "References", "See also", "External links" … up to the next heading (a
    PDF's heading levels, told by type size, are not sure enough to wait for one of the same
    level); a wiki's "[edit]" links gone. A book's footnotes are notes, not references."""
    why = ""
    for page in pages:
        for n, block in enumerate(page.blocks):
            if block.kind == HEADING:
                text = EDIT_LINK.sub("", block.text).strip()
                name = text.strip(" .:")
                why = ("references" if REFERENCE_SECTIONS.fullmatch(name) and not _NOTES.fullmatch(name)
                       else "web-leftovers" if ELSEWHERE_SECTIONS.fullmatch(name) else "")
                block = replace(block, text=text)
            page.blocks[n] = replace(block, left_out=why) if why and not block.left_out else block


def _documents(pages: list[PageBlocks], outline: list[Bookmark]) -> tuple[list[Document], tuple[TocEntry, ...]]:
    """Each page a document; each bookmark an entry pointing at the block it names on its page."""
    documents = [Document(page_name(p.number), list(p.blocks), images=p.images) for p in pages]
    entries: list[tuple[int, TocEntry]] = []
    for mark in outline:
        if not 0 <= mark.page < len(pages):
            continue  # a bookmark to nowhere in the document
        page, document = pages[mark.page], documents[mark.page]
        at = _block_at(page, mark)
        fragment = ""
        if at:
            fragment = f"at-{at}"
            document.anchors[fragment] = at
        title = EDIT_LINK.sub("", mark.title).strip()
        heading = page.blocks[at] if at < len(page.blocks) else None
        if heading is not None and heading.kind == HEADING and (
                not title or letters_only(heading.text) == letters_only(title)):
            title = heading.text  # as the page sets it (an outline may drop a space where the heading wraps)
        if title:
            entries.append((mark.level, TocEntry(title, document.name, fragment)))
    return documents, _nested(_subtitles_joined(entries))


def _subtitles_joined(entries: list[tuple[int, TocEntry]]) -> list[tuple[int, TocEntry]]:
    """A bookmark whose first child names the same place, and is its subtitle ("CHAPTER I" over
    "ACQUIRING CONFIDENCE BEFORE AN AUDIENCE", as outlines made from headings have it): one
    entry, both titles ("CHAPTER I: ACQUIRING CONFIDENCE …")."""
    out: list[tuple[int, TocEntry]] = []
    n = 0
    while n < len(entries):
        level, entry = entries[n]
        if n + 1 < len(entries):
            child_level, child = entries[n + 1]
            same_place = child.target == entry.target and _anchor(child) - _anchor(entry) in (0, 1)
            if child_level == level + 1 and same_place and NUMBERED.match(entry.title):
                out.append((level, TocEntry(f"{entry.title}: {child.title}", entry.target, entry.fragment)))
                n += 2
                continue
        out.append((level, entry))
        n += 1
    return out


def _anchor(entry: TocEntry) -> int:
    return int(entry.fragment.split("-", 1)[1]) if entry.fragment else 0


def _block_at(page: PageBlocks, mark: Bookmark) -> int:
    """The block a bookmark points at: the heading that says its title, else the first block
    at or below the place it names, else the page's first."""
    wanted = letters_only(mark.title)
    for n, block in enumerate(page.blocks):
        said = letters_only(block.text)
        if wanted and said and (said.startswith(wanted) or wanted.startswith(said) or wanted in said) \
                and len(block.text.split()) <= 20:
            return n
    if mark.top is not None:
        for n, top in enumerate(page.tops):
            if top <= mark.top + 2:
                return n
    return 0


def _nested(entries: list[tuple[int, TocEntry]]) -> tuple[TocEntry, ...]:
    """Flat (depth, entry) pairs as a tree."""
    def build(start: int, depth: int) -> tuple[list[TocEntry], int]:
        out: list[TocEntry] = []
        n = start
        while n < len(entries) and entries[n][0] >= depth:
            level, entry = entries[n]
            if level > depth and out:  # deeper: children of the entry before
                children, n = build(n, level)
                last = out[-1]
                out[-1] = TocEntry(last.title, last.target, last.fragment, (*last.children, *children))
                continue
            out.append(entry)
            n += 1
        return out, n

    tree, _ = build(0, min((level for level, _ in entries), default=0))
    return tuple(tree)


def _without_matter(entries: tuple[TocEntry, ...], matter: set[str]) -> tuple[TocEntry, ...]:
    """The outline without the bookmarks of front and back matter pages (a title page's lines,
    the contents, a publisher's advertisements); what they hold below them stays."""
    out: list[TocEntry] = []
    for entry in entries:
        children = _without_matter(entry.children, matter)
        if entry.target in matter:
            out.extend(children)
        else:
            out.append(TocEntry(entry.title, entry.target, entry.fragment, children))
    return tuple(out)


def _flat(entries: tuple[TocEntry, ...]) -> list[TocEntry]:
    return [x for e in entries for x in (e, *_flat(e.children))]


def _heads_a_part(document: Document, titles: dict[str, list[str]]) -> bool:
    """A part's page ("PART ONE / THE EARLY CASES"), by the bookmark naming it or its first line."""
    said = [*titles.get(document.name, ()), *(b.text for b in document.blocks[:1])]
    return any(t.split() and t.split()[0].lower().rstrip(".:") in PART_WORDS for t in said)


def _matters(documents: list[Document], title: str, named: set[str],
             toc_titles: dict[str, list[str]] | None = None) -> list[str]:
    """Each page's kind of front or back matter ("" for the book): as an EPUB's documents
    are judged, and a short page of links to more books is an advertisement."""
    toc_titles = toc_titles or {}
    matters, said = [], 0
    for n, document in enumerate(documents):
        before_body = said <= BEFORE_BODY_WORDS
        # A page before the book's text is judged by what it holds even when a bookmark names it:
        # outlines made from a book's headings bookmark its title page's lines too.
        matter = matter_of(document, linear=True, is_nav=False, landmark="", before_body=before_body,
                           title=title, in_toc=document.name in named and not before_body)
        if matter == LICENCE and any(not b.left_out for b in document.blocks):
            matter = ""  # a page that holds the book's text after the Gutenberg header (or before its licence)
        if not matter and _is_advert(document) and (before_body or n >= len(documents) - 3):
            matter = "advertisement"
        if not matter and before_body and _is_title_page(document) and not _heads_a_part(document, toc_titles):
            matter = "title page"
        if not matter and document.blocks and all(b.left_out for b in document.blocks):
            reasons = {b.left_out for b in document.blocks}
            matter = "licence" if any(_GUTENBERG_MARK.search(b.text) for b in document.blocks) or (
                matters and matters[-1] == "licence") else "references" if reasons == {"references"} else "contents"
        if not matter and matters and matters[-1] == INDEX and _page_references(document):
            matter = INDEX  # an index runs on over pages without its heading
        matters.append(matter)
        said += document.words if not matter else 0
    return matters


_GUTENBERG_MARK = re.compile(r"\*{3}\s*(?:START|END) OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
_NOTES = re.compile(r"(?:foot|end)?notes?", re.IGNORECASE)
_GUTENBERG_END = re.compile(r"\s*End of (?:the )?Project Gutenberg", re.IGNORECASE)
_PAGE_REFERENCE = re.compile(r"\d+(?:[-–]\d+)?(?:,\s*\d+(?:[-–]\d+)?)+|,\s*\d+\b")


def _gutenberg_left_out(documents: list[Document]) -> None:
    """A Project Gutenberg book printed to PDF: its header up to the START marker and its
    licence from the END marker on are not read."""
    blocks = [(d, n) for d in documents for n in range(len(d.blocks))]
    texts = [d.blocks[n].text for d, n in blocks]
    starts = [k for k, text in enumerate(texts) if _GUTENBERG_MARK.search(text) and "START" in text.upper()[:40]]
    after = starts[0] if starts else -1
    ends = [k for k, text in enumerate(texts) if k > after and (
        (_GUTENBERG_MARK.search(text) and "END" in text.upper()[:40]) or _GUTENBERG_END.match(text))]
    out = set(range(0, starts[0] + 1)) if starts else set()
    out |= set(range(ends[0], len(blocks))) if ends else set()
    for k in out:
        document, n = blocks[k]
        document.blocks[n] = replace(document.blocks[n], left_out="matter")


def _page_references(document: Document) -> bool:
    lines = [b.text for b in document.blocks if b.text]
    return bool(lines) and sum(len(_PAGE_REFERENCE.findall(t)) >= 1 for t in lines) >= 0.5 * len(lines)


TITLE_PAGE_WORDS = 80


def _is_title_page(document: Document) -> bool:
    """A page before the text of short lines and no sentence: the title, the authors, the publisher."""
    return 0 < document.words <= TITLE_PAGE_WORDS and not any(
        len(b.text.split()) >= 8 and b.text.rstrip().endswith((".", "!", "?")) for b in document.blocks)


def _is_advert(document: Document) -> bool:
    text = " ".join(b.text for b in document.blocks).lower()
    return 0 < document.words <= ADVERT_WORDS and sum(text.count(word) for word in ADVERT) >= 2


def _cover(document, first: PageLines) -> Picture | None:
    """The first page as the cover, when it is a picture and not a page of text."""
    if not first.images or first.chars >= LITTLE_TEXT / 4:
        return None
    try:
        bitmap = document[0].render(scale=1.5)
        image = bitmap.to_pil().convert("RGB")
    except Exception as error:  # pragma: no cover - a page PDFium cannot draw: no cover, still a book
        log.warning("the first page cannot be drawn as the cover: %s", error)
        return None
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return Picture(out.getvalue(), "image/jpeg", "the PDF's first page")
