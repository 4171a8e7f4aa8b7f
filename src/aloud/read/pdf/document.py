"""Opening a PDF with PDFium (pypdfium2, BSD/Apache): a locked or damaged file is told in
one line; what the document says of itself (its information dictionary, its XMP packet,
its catalog's language) and its outline (bookmarks) are read.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from lxml import etree

from aloud.errors import InputError

_XMP = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta>", re.DOTALL)
_NS = {"dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
# What editors and converters leave as a title or author: a file's name ("expected.html",
# "draft.docx"), "Microsoft Word - …", "untitled", an account's name.
_PLACEHOLDER = re.compile(r"^(?:untitled.*|microsoft (?:word|powerpoint) - .*|\S+\.(?:[a-z0-9]{1,5})|unknown|"
                          r"admin(?:istrator)?|user|owner|author|title)$", re.IGNORECASE)


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int  # 0-based; -1 when it points nowhere in the document
    level: int  # 0 at the top
    top: float | None = None  # where on the page, when the bookmark says


@dataclass(frozen=True)
class PdfMetadata:
    title: str | None = None
    author: str | None = None
    language: str | None = None
    subject: str | None = None


def open_pdf(data: bytes, origin: str) -> pdfium.PdfDocument:
    """The document, or one line saying why it cannot be read."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(f"{origin}: is protected by a password; save an unlocked copy first "
                             "(for example with qpdf --decrypt)") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError(f"{origin}: uses a security handler aloud cannot open") from None
        if code == pdfium_c.FPDF_ERR_SUCCESS:
            raise InputError(f"{origin}: has no pages (or no page tree that can be read)") from None
        raise InputError(f"{origin}: is a damaged PDF ({_reason(error)}); it cannot be read") from None


def _reason(error: Exception) -> str:
    text = str(error).split(":", 1)[-1].strip(" .()") or "unreadable"
    return text[:1].lower() + text[1:]


def metadata_of(document: pdfium.PdfDocument, data: bytes) -> PdfMetadata:
    """Title, author and language: the XMP packet's Dublin Core first, else the document
    information; the language also from the catalog's /Lang. File names and tool names
    that editors leave as a title ("Microsoft Word - draft.docx", "untitled") are not titles."""
    info = document.get_metadata_dict(skip_empty=True)
    xmp = _xmp(data)
    title = _usable(xmp.get("title")) or _usable(info.get("Title"))
    author = _usable(xmp.get("creator")) or _usable(info.get("Author"))
    if author and any(c.isdigit() for c in author):
        author = None  # "130S-Lam, James": an account's name, not the author's
    language = xmp.get("language") or _catalog_language(document)
    return PdfMetadata(title, author, language if language and re.fullmatch(r"[A-Za-z]{2,3}(?:-\w+)*", language)
                       else None, _usable(info.get("Subject")))


def _usable(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value if value and not _PLACEHOLDER.match(value) else None


def _xmp(data: bytes) -> dict[str, str]:
    """Dublin Core from the document's XMP packet (written uncompressed, as the format
    recommends, so that it can be found in the file's bytes; the last one is the newest)."""
    packets = _XMP.findall(data)
    if not packets:
        return {}
    try:
        root = etree.fromstring(packets[-1], etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    except etree.XMLSyntaxError:
        return {}
    if root is None:
        return {}
    found = {}
    for name in ("title", "creator", "language"):
        values = [" ".join("".join(e.itertext()).split()) for e in root.iterfind(f".//dc:{name}//rdf:li", _NS)]
        values = [v for v in values if v]
        if values:
            found[name] = ", ".join(values) if name == "creator" else values[0]
    return found


def _catalog_language(document: pdfium.PdfDocument) -> str | None:
    size = pdfium_c.FPDFCatalog_GetLanguage(document.raw, None, 0)
    if size <= 2:
        return None
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(document.raw, buffer, size)
    return bytes(buffer)[:size - 2].decode("utf-16-le", errors="ignore").strip() or None


def outline_of(document: pdfium.PdfDocument) -> list[Bookmark]:
    """The bookmarks, in order, with their depth; [] when there are none or they cannot be read."""
    marks = []
    try:
        for item in document.get_toc(max_depth=6):
            destination = item.get_dest()
            page = destination.get_index() if destination is not None else None
            top = None
            if destination is not None:
                try:
                    _, view = destination.get_view()
                    top = float(view[1]) if len(view) > 1 and view[1] else None
                except (pdfium.PdfiumError, TypeError, ValueError, IndexError):
                    top = None
            title = " ".join((item.get_title() or "").split())
            if title:
                marks.append(Bookmark(title, page if page is not None else -1, item.level, top))
    except pdfium.PdfiumError:
        return []
    return marks
