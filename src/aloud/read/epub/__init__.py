"""The EPUB reader (EPUB 2 and 3): see `reading.py`. Its machinery (lxml, Pillow) is loaded
only when a book is read, so reading a plain text costs nothing of it."""

from __future__ import annotations

from aloud.model import Source


class EpubReader:
    name = "epub"
    suffixes = (".epub",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and b"mimetypeapplication/epub+zip" in head[:100]

    def read(self, data: bytes, origin: str, name: str) -> Source:
        from aloud.read.epub.reading import read_epub

        return read_epub(data, origin, name)
