"""An EPUB's own table of contents and landmarks: the nav document (EPUB 3) or the NCX
(EPUB 2), and the landmarks nav or the package's guide that name the cover, the title
page, the contents, the index … ."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from aloud.errors import InputError
from aloud.read.epub.content import local_name, parse_markup
from aloud.read.epub.package import NS, Package
from aloud.words import one_line

EPUB_TYPE = f"{{{NS['epub']}}}type"
MAX_DEPTH = 8  # deeper tables of contents are read to this depth


@dataclass(frozen=True)
class TocEntry:
    title: str
    target: str  # zip name; "" for a heading without a link
    fragment: str
    children: tuple[TocEntry, ...] = ()


def table_of_contents(package: Package) -> tuple[TocEntry, ...]:
    """The book's table of contents (its nav, else its NCX); () when it has neither, or
    neither can be read."""
    for read in (_nav_toc, _ncx_toc):
        try:
            entries = read(package)
        except InputError:
            entries = ()
        if entries:
            return entries
    return ()


def landmarks(package: Package) -> dict[tuple[str, str], str]:
    """`(zip name, fragment) → type` ("cover", "toc", "bodymatter" …), from the landmarks
    nav and the EPUB 2 guide."""
    found: dict[tuple[str, str], str] = {}
    for reference in package.opf.iterfind("opf:guide/opf:reference", NS):
        name, fragment = package.resolve(package.opf_path, reference.get("href", ""))
        if name:
            found[(name, fragment)] = reference.get("type", "").lower()
    nav = _nav_document(package)
    if nav is not None:
        name, root = nav
        for element in _all(root, "nav"):
            if "landmarks" in _epub_type(element).split():
                for link in _all(element, "a"):
                    target, fragment = package.resolve(name, link.get("href", ""))
                    if target:
                        found[(target, fragment)] = _epub_type(link).lower()
    return found


def _nav_document(package: Package) -> tuple[str, etree._Element] | None:
    """The nav document, parsed as content documents are (HTML's rules when it is not well-formed)."""
    for item in package.items_with("nav"):
        if package.has(item.href):
            return item.href, parse_markup(package.read(item.href, "navigation document"))
    return None


def _nav_toc(package: Package) -> tuple[TocEntry, ...]:
    nav = _nav_document(package)
    if nav is None:
        return ()
    name, root = nav
    toc = next((n for n in _all(root, "nav") if "toc" in _epub_type(n).split()), None)
    if toc is None:
        return ()
    top = next((c for c in toc.iter() if local_name(c) == "ol"), None)
    return _nav_list(package, name, top, 1) if top is not None else ()


def _all(root: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in root.iter() if local_name(e) == name]


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if local_name(c) == name]


def _epub_type(element: etree._Element) -> str:
    return element.get(EPUB_TYPE) or element.get("epub:type") or ""


def _nav_list(package: Package, base: str, ol: etree._Element, depth: int) -> tuple[TocEntry, ...]:
    entries = []
    for li in _children(ol, "li"):
        label = next(iter(_children(li, "a") or _children(li, "span")), None)
        if label is None:
            continue
        target, fragment = package.resolve(base, label.get("href", "")) if label.get("href") else ("", "")
        sub = next(iter(_children(li, "ol")), None)
        children = _nav_list(package, base, sub, depth + 1) if sub is not None and depth < MAX_DEPTH else ()
        title = one_line("".join(label.itertext())) or one_line(label.get("title", ""))
        if title and (target or children):
            entries.append(TocEntry(title, target, fragment, children))
    return tuple(entries)


def _ncx_toc(package: Package) -> tuple[TocEntry, ...]:
    spine_toc = package.opf.find("opf:spine", NS)
    ncx_id = spine_toc.get("toc", "") if spine_toc is not None else ""
    item = package.items.get(ncx_id) or next(
        (i for i in package.items.values() if i.media_type == "application/x-dtbncx+xml"), None)
    if item is None or not package.has(item.href):
        return ()
    root = package.xml(item.href, "NCX table of contents")
    nav_map = root.find("ncx:navMap", NS)
    return _ncx_points(package, item.href, nav_map, 1) if nav_map is not None else ()


def _ncx_points(package: Package, base: str, parent: etree._Element, depth: int) -> tuple[TocEntry, ...]:
    entries = []
    for point in parent.iterfind("ncx:navPoint", NS):
        label = point.find("ncx:navLabel/ncx:text", NS)
        content = point.find("ncx:content", NS)
        target, fragment = package.resolve(base, content.get("src", "")) if content is not None else ("", "")
        children = _ncx_points(package, base, point, depth + 1) if depth < MAX_DEPTH else ()
        title = one_line("".join(label.itertext())) if label is not None else ""
        if title and (target or children):
            entries.append(TocEntry(title, target, fragment, children))
    return tuple(entries)
