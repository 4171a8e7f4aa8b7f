"""Read stage: a path (or stdin) becomes a `Source`, by the reader for its kind.

Limits and failures common to every kind are here: no such file, a folder, unreadable,
too large. Whatever the reader, an edition file beside the input (`<name>.toml`) may
give the title, author, voice, rate, lexicon and outputs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from aloud.errors import InputError
from aloud.model import Publication, Source
from aloud.read.edition_file import edition_file_for, load_edition_file
from aloud.read.files import read_bounded
from aloud.read.pictures import read_picture
from aloud.read.reader import DEFAULT_READERS, SNIFF_BYTES, choose_reader
from aloud.read.text import decode_text

MAX_BYTES = 64 * 1024 * 1024

__all__ = ["MAX_BYTES", "decode_text", "read_source"]


def read_source(path: str | Path, readers: Sequence[str] = ()) -> Source:
    """Read an input file (or `-` for stdin), with its edition file if one sits beside it;
    `readers` are tried before aloud's own."""
    readers = (*readers, *DEFAULT_READERS)
    if str(path) == "-":
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except (AttributeError, OSError, ValueError):  # no stdin at all, or a closed one
            raise InputError("stdin: cannot be read (it is closed); give a file, or pipe the text in") from None
        return _read(data, "stdin", "stdin", "", readers)
    p = Path(path)
    data = read_bounded(p, MAX_BYTES, "file to read")
    source = _read(data, str(p), p.stem, p.suffix, readers)
    edition_file = edition_file_for(p)
    meta = load_edition_file(edition_file)
    if "cover" in meta:
        picture = read_picture(meta["cover"], f"{edition_file}: cover {meta['cover'].name}")
        source = replace(source, publication=replace(source.publication or Publication(), cover=picture))
    if "language" in meta:
        source = replace(source, language=meta["language"], language_from="the edition file")
    return replace(source, **{k: v for k, v in meta.items() if k in _EDITION_FIELDS}) if meta else source


_EDITION_FIELDS = {"title", "author", "voice", "rate", "lexicon", "outputs"}


def _read(data: bytes, origin: str, name: str, suffix: str, readers: Sequence[str]) -> Source:
    if len(data) > MAX_BYTES:
        raise InputError(f"{origin}: larger than the {MAX_BYTES // (1024 * 1024)} MB we read")
    return choose_reader(readers, suffix, data[:SNIFF_BYTES]).read(data, origin, name)
