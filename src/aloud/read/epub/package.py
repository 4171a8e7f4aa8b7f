"""An EPUB's container: the zip read in memory (never extracted), its package document,
manifest, spine and metadata, and whether it is locked by DRM.

Everything is looked up by name inside the zip: a name that would leave the book
(`/etc/passwd`, `../x`) is refused, and no member is read past a sane size, so a zip bomb
stops at the first member that claims or gives too much.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote, urldefrag

from lxml import etree

from aloud.errors import InputError

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # no text, image or font of a book is larger
MAX_BOOK_BYTES = 512 * 1024 * 1024  # all members together, uncompressed
MAX_RATIO = 200  # text compresses about 3:1, XML at worst 20:1; a bomb by thousands

NS = {
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "enc": "http://www.w3.org/2001/04/xmlenc#",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
# Font obfuscation (IDPF and Adobe): fonts scrambled against copying, the text readable.
FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)


@dataclass(frozen=True)
class Item:
    id: str
    href: str  # full name inside the zip
    media_type: str
    properties: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SpineItem:
    item: Item
    linear: bool


class Package:
    """The book's package document and the zip it lives in."""

    def __init__(self, data: bytes, origin: str) -> None:
        self.origin = origin
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise InputError(f"{origin}: is not an EPUB (not a zip file)") from None
        self.names = {info.filename: info for info in self.zip.infolist()}
        self._check_sizes()
        self.opf_path = self._rootfile()
        self.root = posixpath.dirname(self.opf_path)
        self.opf = self.xml(self.opf_path, "package document")
        self.version = self.opf.get("version", "2.0")
        self.items = self._manifest()
        self.spine = self._spine()
        self._check_drm()

    # -- reading members -------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str, what: str = "file") -> bytes:
        info = self.names.get(name)
        if info is None:
            raise InputError(f"{self.origin}: its {what} {name} is missing")
        if info.file_size > MAX_MEMBER_BYTES:
            raise InputError(f"{self.origin}: {name} is larger than the {MAX_MEMBER_BYTES >> 20} MB a book's file may be")
        try:
            with self.zip.open(info) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except RuntimeError:  # zipfile: "File … is encrypted, password required"
            raise InputError(f"{self.origin}: is locked ({name} is encrypted in the zip); "
                             "aloud reads only DRM-free books") from None
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise InputError(f"{self.origin}: {name} cannot be read from the zip ({exc})") from None
        if len(data) > MAX_MEMBER_BYTES:
            raise InputError(f"{self.origin}: {name} is larger than its zip entry says; not an EPUB aloud reads")
        return data

    def xml(self, name: str, what: str) -> etree._Element:
        try:
            return etree.fromstring(self.read(name, what), XML_PARSER)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{self.origin}: its {what} {name} is not well-formed XML ({exc.msg})") from None

    def resolve(self, base: str, href: str) -> tuple[str, str]:
        """The zip name and fragment an href in the document `base` points at."""
        path, fragment = urldefrag(href)
        if re.match(r"^[a-z][a-z0-9+.-]*:", path, re.IGNORECASE):
            return "", fragment  # another scheme: outside the book
        name = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(path))) if path else base
        if name.startswith(("/", "../")) or name == "..":
            return "", fragment
        return name, unquote(fragment)

    # -- the package ---------------------------------------------------------------

    def _check_sizes(self) -> None:
        total = sum(info.file_size for info in self.names.values())
        packed = sum(info.compress_size for info in self.names.values())
        if total > MAX_BOOK_BYTES or (total > 16 * 1024 * 1024 and total > MAX_RATIO * max(packed, 1)):
            raise InputError(f"{self.origin}: unpacks to {total >> 20} MB from {packed >> 20} MB; "
                             "refused as a zip bomb, not a book")

    def _rootfile(self) -> str:
        if not self.has("META-INF/container.xml"):
            raise InputError(f"{self.origin}: is not an EPUB (no META-INF/container.xml)")
        container = self.xml("META-INF/container.xml", "container")
        for rootfile in container.iter(f"{{{NS['container']}}}rootfile"):
            if rootfile.get("media-type", "application/oebps-package+xml") == "application/oebps-package+xml":
                name, _ = self.resolve("", rootfile.get("full-path", ""))
                if name and self.has(name):
                    return name
        raise InputError(f"{self.origin}: names no package document that it holds (META-INF/container.xml)")

    def _manifest(self) -> dict[str, Item]:
        items = {}
        for element in self.opf.iterfind("opf:manifest/opf:item", NS):
            name, _ = self.resolve(self.opf_path, element.get("href", ""))
            if element.get("id") and name:
                items[element.get("id")] = Item(element.get("id"), name, element.get("media-type", ""),
                                                frozenset((element.get("properties") or "").split()))
        return items

    def _spine(self) -> tuple[SpineItem, ...]:
        spine, seen = [], set()
        for ref in self.opf.iterfind("opf:spine/opf:itemref", NS):
            item = self.items.get(ref.get("idref", ""))
            if item is None or item.href in seen:
                continue  # each item once: a spine that repeats one is not read over and over
            seen.add(item.href)
            if not self.has(item.href):
                raise InputError(f"{self.origin}: its spine names {item.href}, which the book does not hold")
            spine.append(SpineItem(item, ref.get("linear", "yes") != "no"))
        if not spine:
            raise InputError(f"{self.origin}: its spine lists nothing to read")
        return tuple(spine)

    def _check_drm(self) -> None:
        if self.has("META-INF/rights.xml") and self.has("META-INF/encryption.xml"):
            raise InputError(f"{self.origin}: is locked by DRM (Adobe ADEPT); aloud reads only DRM-free books")
        if not self.has("META-INF/encryption.xml"):
            return
        encryption = self.xml("META-INF/encryption.xml", "encryption list")
        fonts = {i.href for i in self.items.values() if "font" in i.media_type or i.href.lower().endswith(
            (".ttf", ".otf", ".woff", ".woff2"))}
        for data in encryption.iterfind("enc:EncryptedData", NS):
            method = data.find("enc:EncryptionMethod", NS)
            algorithm = method.get("Algorithm", "") if method is not None else ""
            reference = data.find("enc:CipherData/enc:CipherReference", NS)
            name, _ = self.resolve("", reference.get("URI", "") if reference is not None else "")
            if algorithm in FONT_OBFUSCATION and name in fonts:
                continue  # an obfuscated font: the text is as readable as ever
            raise InputError(f"{self.origin}: is locked by DRM ({name or 'its content'} is encrypted); "
                             "aloud reads only DRM-free books")

    def items_with(self, prop: str) -> list[Item]:
        return [i for i in self.items.values() if prop in i.properties]

    def items_by_name(self) -> dict[str, str]:
        """Zip name → media type, for every item of the manifest."""
        return {i.href: i.media_type for i in self.items.values()}
