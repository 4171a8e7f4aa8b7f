"""Read stage: a path (or stdin) becomes a decoded `Source`."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from aloud.config import edition_file_for, load_edition_file
from aloud.errors import InputError
from aloud.model import Source

MAX_BYTES = 64 * 1024 * 1024


def decode_text(data: bytes, origin: str) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{origin}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it with: iconv -f cp1252 -t utf-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
