"""The plain-text reader: UTF-8 text, whatever its suffix, decoded with care.

It is also the reader of last resort: an input no other reader claims is read as text,
and refused if it is not (binary, UTF-16, another encoding).
"""

from __future__ import annotations

import logging
import re
import unicodedata

from aloud.errors import InputError
from aloud.model import Source

log = logging.getLogger(__name__)


# Control characters a text may carry by accident (NUL, BEL, ESC …); tab, newline and CR stay.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
BINARY_SHARE = 0.02  # more control characters than this (and more than a few), and it is not a text


def _looks_binary(sample: bytes) -> bool:
    found = len(_CONTROL_BYTES.findall(sample))
    return found > 8 and found > BINARY_SHARE * len(sample)


def decode_text(data: bytes, origin: str) -> str:
    """UTF-8 (with or without a BOM) to text; a few stray control characters are removed, many mean binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{origin}: is UTF-16; convert it with: iconv -f utf-16 -t utf-8")
    sample = data[:65536]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _looks_binary(sample):
            raise InputError(f"{origin}: looks like a binary file, not text") from None
        raise InputError(
            f"{origin}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it with: iconv -f cp1252 -t utf-8"
        ) from None
    if _looks_binary(sample):
        raise InputError(f"{origin}: looks like a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text, removed = _CONTROL.subn("", text)
    if removed:
        log.warning("%s: removed %d control character%s", origin, removed, "" if removed == 1 else "s")
    return unicodedata.normalize("NFC", text)


class TextReader:
    name = "text"
    suffixes = (".txt", ".text")

    def sniff(self, head: bytes) -> bool:
        return False  # text is what is left when no other reader claims an input

    def read(self, data: bytes, origin: str, name: str) -> Source:
        text = decode_text(data, origin)
        if not text.strip():
            raise InputError(f"{origin}: is empty; there is nothing to read aloud")
        return Source(name=name, text=text)
