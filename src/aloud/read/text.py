"""Read stage: a path (or stdin) becomes a decoded `Source`."""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
from pathlib import Path

from aloud.settings import edition_file_for, load_edition_file
from aloud.errors import InputError
from aloud.model import Source

MAX_BYTES = 64 * 1024 * 1024
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


def read_source(path: str | Path) -> Source:
    """Read a text file (or `-` for stdin), with its edition file if one sits beside it."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return _make_source(data, "stdin", "stdin", {})
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder; give a text file")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise InputError(f"{p}: {size // (1024 * 1024)} MB is larger than the {MAX_BYTES // (1024 * 1024)} MB we read")
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{p}: not readable (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read: {exc.strerror or exc}") from None
    meta = load_edition_file(edition_file_for(p))
    if "lexicon" in meta:
        meta["lexicon"] = p.parent / str(meta["lexicon"])
    return _make_source(data, str(p), p.stem, meta)


def _make_source(data: bytes, origin: str, name: str, meta: dict[str, object]) -> Source:
    if len(data) > MAX_BYTES:
        raise InputError(f"{origin}: larger than the {MAX_BYTES // (1024 * 1024)} MB we read")
    text = decode_text(data, origin)
    if not text.strip():
        raise InputError(f"{origin}: is empty; there is nothing to read aloud")
    return Source(
        name=name,
        text=text,
        title=meta.get("title"),  # type: ignore[arg-type]
        author=meta.get("author"),  # type: ignore[arg-type]
        voice=meta.get("voice"),  # type: ignore[arg-type]
        rate=meta.get("rate"),  # type: ignore[arg-type]
        lexicon=meta.get("lexicon"),  # type: ignore[arg-type]
    )
