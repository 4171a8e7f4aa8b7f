"""The PDF reader: see `reading.py`. PDFium (pypdfium2) is loaded only when a PDF is read."""

from __future__ import annotations

from aloud.model import Source


class PdfReader:
    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]  # the header may follow a few bytes of junk

    def read(self, data: bytes, origin: str, name: str) -> Source:
        from aloud.read.pdf.reading import read_pdf

        return read_pdf(data, origin, name)
