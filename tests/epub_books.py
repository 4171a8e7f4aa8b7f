"""EPUBs made by the tests: a few lines say what a book holds, `make_epub` packs it as
EPUB 3 (nav) or EPUB 2 (NCX), with whatever the test needs spoiled or added."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

XHTML = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
<head><title>{title}</title><style>p {{ margin: 0 }}</style><script>var x = "never read";</script></head>
<body{body_attrs}>
{body}
</body>
</html>
"""


@dataclass
class Page:
    name: str  # file name inside OEBPS/
    body: str  # XHTML inside <body>
    body_attrs: str = ""
    linear: bool = True
    properties: str = ""


@dataclass
class Book:
    pages: list[Page]
    toc: list[tuple] = field(default_factory=list)  # (title, "file#fragment", [children]) …
    title: str = "A Made Book"
    authors: tuple[str, ...] = ("Ann Author",)
    language: str = "en"
    metadata: str = ""  # more elements inside <metadata>
    manifest: str = ""  # more items
    extra_files: dict[str, bytes] = field(default_factory=dict)
    version: str = "3.0"  # "2.0": an NCX, no nav


def _nav_list(entries: list[tuple]) -> str:
    items = []
    for title, href, *children in entries:
        sub = _nav_list(children[0]) if children and children[0] else ""
        label = f'<a href="{href}">{escape(title)}</a>' if href else f"<span>{escape(title)}</span>"
        items.append(f"<li>{label}{sub}</li>")
    return f"<ol>{''.join(items)}</ol>"


def _ncx_points(entries: list[tuple], counter: list[int]) -> str:
    points = []
    for title, href, *children in entries:
        counter[0] += 1
        sub = _ncx_points(children[0], counter) if children and children[0] else ""
        points.append(f'<navPoint id="p{counter[0]}" playOrder="{counter[0]}"><navLabel><text>{escape(title)}</text>'
                      f'</navLabel><content src="{href}"/>{sub}</navPoint>')
    return "".join(points)


def make_epub(path: Path, book: Book, *, container: bool = True, opf: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        if container:
            z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                       'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
                       'full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
        items, spine = [], []
        for n, page in enumerate(book.pages):
            props = f' properties="{page.properties}"' if page.properties else ""
            items.append(f'<item id="p{n}" href="{page.name}" media-type="application/xhtml+xml"{props}/>')
            linear = "" if page.linear else ' linear="no"'
            spine.append(f'<itemref idref="p{n}"{linear}/>')
            z.writestr(f"OEBPS/{page.name}", XHTML.format(title=escape(book.title), body=page.body,
                                                          body_attrs=page.body_attrs))
        if book.version.startswith("3"):
            items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
            z.writestr("OEBPS/nav.xhtml", XHTML.format(title="Contents", body_attrs="", body=(
                f'<nav epub:type="toc"><h1>Contents</h1>{_nav_list(book.toc)}</nav>' if book.toc else "<p>x</p>")))
            spine_attrs = ""
        else:
            items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
            z.writestr("OEBPS/toc.ncx", '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
                       f'version="2005-1"><head/><docTitle><text>{escape(book.title)}</text></docTitle>'
                       f"<navMap>{_ncx_points(book.toc, [0])}</navMap></ncx>")
            spine_attrs = ' toc="ncx"'
        creators = "".join(f"<dc:creator>{escape(a)}</dc:creator>" for a in book.authors)
        if opf:
            z.writestr("OEBPS/content.opf", f'<?xml version="1.0" encoding="utf-8"?>'
                       f'<package xmlns="http://www.idpf.org/2007/opf" version="{book.version}" unique-identifier="id">'
                       f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">'
                       f'<dc:identifier id="id">urn:uuid:1234</dc:identifier><dc:title>{escape(book.title)}</dc:title>'
                       f"{creators}<dc:language>{book.language}</dc:language>{book.metadata}</metadata>"
                       f"<manifest>{''.join(items)}{book.manifest}</manifest><spine{spine_attrs}>{''.join(spine)}</spine>"
                       "</package>")
        for name, data in book.extra_files.items():
            z.writestr(name, data)
    return path


def prose(words: int, seed: str = "word") -> str:
    """`words` words of plain sentences, eight words each."""
    sentences = [" ".join([seed.capitalize()] + [seed] * 7) + "." for _ in range(max(1, words // 8))]
    return "<p>" + " ".join(sentences) + "</p>"
