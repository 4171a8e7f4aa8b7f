"""What an EPUB's package says of the book: title, authors with their roles, language,
publisher, date, description, identifier (ISBN first), series, and where its cover is.

EPUB 3 refines an element with `<meta refines="#id" property="…">` (role, title-type,
group-position); EPUB 2 puts `opf:role` on the element and calibre writes the series as
`<meta name="calibre:series">`. Both are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from aloud.model import Contributor
from aloud.read.epub.package import NS, Package
from aloud.words import one_line

OPF_ROLE = f"{{{NS['opf']}}}role"
_ISBN = re.compile(r"(?:urn:isbn:|isbn[:\s]*)?((?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx])$", re.IGNORECASE)


@dataclass(frozen=True)
class BookMetadata:
    title: str | None
    authors: tuple[str, ...]
    contributors: tuple[Contributor, ...]
    language: str | None
    publisher: str
    date: str
    description: str
    identifier: str
    series: str
    series_position: str


def read_metadata(package: Package) -> BookMetadata:
    metadata = package.opf.find("opf:metadata", NS)
    if metadata is None:
        metadata = etree.Element("metadata")
    refines = _refinements(metadata)
    people = [_person(e, refines) for e in metadata.iterfind("dc:creator", NS)]
    people += [_person(e, refines, default="ctb") for e in metadata.iterfind("dc:contributor", NS)]
    people = [p for p in people if p.name]
    authors = tuple(p.name for p in people if p.role == "aut")
    series, position = _series(metadata, refines)
    return BookMetadata(
        title=_title(metadata, refines),
        authors=authors,
        contributors=tuple(people),
        language=_first(metadata, "dc:language") or None,
        publisher=_first(metadata, "dc:publisher"),
        date=_date(metadata),
        description=_plain(_first(metadata, "dc:description", keep_markup=True)),
        identifier=_identifier(metadata, package),
        series=series,
        series_position=position,
    )


def _refinements(metadata: etree._Element) -> dict[str, dict[str, str]]:
    """`#id → {property: value}` from EPUB 3's refining meta elements."""
    found: dict[str, dict[str, str]] = {}
    for meta in metadata.iterfind("opf:meta", NS):
        target, prop = meta.get("refines", ""), meta.get("property", "")
        if target.startswith("#") and prop:
            found.setdefault(target[1:], {}).setdefault(prop, one_line(meta.text or ""))
    return found


def _text(element: etree._Element) -> str:
    return one_line("".join(element.itertext()))


def _first(metadata: etree._Element, path: str, keep_markup: bool = False) -> str:
    element = metadata.find(path, NS)
    if element is None:
        return ""
    return "".join(element.itertext()) if keep_markup else _text(element)


def _title(metadata: etree._Element, refines: dict[str, dict[str, str]]) -> str | None:
    titles = list(metadata.iterfind("dc:title", NS))
    main = [t for t in titles if refines.get(t.get("id", ""), {}).get("title-type") == "main"]
    for title in main + titles:
        if _text(title):
            return _text(title)
    return None


def _person(element: etree._Element, refines: dict[str, dict[str, str]], default: str = "aut") -> Contributor:
    role = element.get(OPF_ROLE) or refines.get(element.get("id", ""), {}).get("role") or default
    return Contributor(_text(element), role.strip().lower())


def _date(metadata: etree._Element) -> str:
    dates = list(metadata.iterfind("dc:date", NS))
    for date in dates:  # EPUB 2 may give several, with opf:event; the publication first
        if date.get(f"{{{NS['opf']}}}event", "publication") == "publication" and _text(date):
            return _text(date)
    return _text(dates[0]) if dates else ""


def _identifier(metadata: etree._Element, package: Package) -> str:
    identifiers = [(e.get("id", ""), _text(e)) for e in metadata.iterfind("dc:identifier", NS)]
    for _, value in identifiers:
        match = _ISBN.match(value.strip())
        if match and len(re.sub(r"[^\dXx]", "", match.group(1))) in (10, 13):
            return re.sub(r"[^\dXx]", "", match.group(1))
    unique = package.opf.get("unique-identifier", "")
    return next((v for i, v in identifiers if i == unique), identifiers[0][1] if identifiers else "")


def _series(metadata: etree._Element, refines: dict[str, dict[str, str]]) -> tuple[str, str]:
    for meta in metadata.iterfind("opf:meta", NS):
        if meta.get("property") == "belongs-to-collection" and one_line(meta.text or ""):
            refined = refines.get(meta.get("id", ""), {})
            if refined.get("collection-type", "series") == "series":
                return one_line(meta.text or ""), refined.get("group-position", "")
    named = {m.get("name"): one_line(m.get("content", "")) for m in metadata.iterfind("opf:meta", NS) if m.get("name")}
    return named.get("calibre:series", ""), named.get("calibre:series_index", "") if named.get("calibre:series") else ""


def _plain(text: str) -> str:
    """A description as plain text: publishers often put HTML in it, escaped or not."""
    if "<" in text:
        try:
            text = "".join(etree.fromstring(f"<d>{text}</d>", etree.XMLParser(recover=True, resolve_entities=False,
                                                                            no_network=True)).itertext())
        except etree.XMLSyntaxError:
            text = re.sub(r"<[^>]*>", " ", text)
    return one_line(text)


def cover_item(package: Package) -> str | None:
    """The zip name of the cover image: EPUB 3's cover-image, EPUB 2's `<meta name="cover">`,
    else None (the cover page's image is found by the caller)."""
    for item in package.items_with("cover-image"):
        if item.media_type.startswith("image/"):
            return item.href
    for meta in package.opf.iterfind("opf:metadata/opf:meta", NS):
        if meta.get("name") == "cover":
            item = package.items.get(meta.get("content", ""))
            if item is not None and item.media_type.startswith("image/"):
                return item.href
    return None
