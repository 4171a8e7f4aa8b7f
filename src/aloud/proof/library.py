"""Checks of what a library or player shows of an edition: its cover (cover.jpg, and the
same picture inside the M4B and every MP3) and the tags it reads (the M4B's media kind
is audiobook; narrator as composer; title; the author, or no author tag at all)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import ID3, ID3NoHeaderError
from mutagen.mp4 import MP4
from PIL import Image, UnidentifiedImageError

from aloud.export.cover import MAX_PIXELS
from aloud.export.m4b import AUDIOBOOK
from aloud.proof.findings import Finding, finding


def library_findings(folder: Path, manifest: dict, present: set[str]) -> Iterator[Finding]:
    cover_name = manifest["files"].get("cover")
    cover = (folder / cover_name).read_bytes() if cover_name in present else None
    if cover is not None:
        yield _cover_file(cover_name, cover)
    m4b = manifest["files"].get("m4b")
    if m4b in present:
        yield from _m4b(folder / m4b, m4b, manifest, cover)
    mp3s = [manifest["files"].get("mp3"), *(c.get("file") for c in manifest["chapters"])]
    for name in (n for n in mp3s if n in present):
        yield from _mp3(folder / name, name, manifest, cover)


def _cover_file(name: str, data: bytes) -> Finding:
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, size = image.format, image.size
    except (UnidentifiedImageError, OSError):
        return finding("cover", name, False, "not a picture")
    ok = kind == "JPEG" and max(size) <= MAX_PIXELS
    return finding("cover", name, ok, f"{kind} {size[0]}×{size[1]} (a JPEG of at most {MAX_PIXELS} px expected)")


def _m4b(path: Path, name: str, manifest: dict, cover: bytes | None) -> Iterator[Finding]:
    try:
        tags = MP4(path).tags or {}
    except (MutagenError, OSError) as exc:
        yield finding("library tags", name, False, f"unreadable: {exc}")
        return
    pictures = [bytes(p) for p in tags.get("covr", [])]
    if cover is not None:
        yield finding("cover", f"{name} picture", cover in pictures, "the cover is attached" if cover in pictures
                      else f"{len(pictures)} attached pictures, none the edition's cover")
    expected = {"©nam": manifest.get("title", ""), "©ART": manifest.get("author", ""), "©wrt": manifest.get("narrator", "")}
    found = {key: str(tags[key][0]) if key in tags else "" for key in expected}
    wrong = [f"{k} “{found[k]}” (expected “{v}”)" for k, v in expected.items() if found[k] != v and (v or found[k])]
    if tags.get("stik") != [AUDIOBOOK]:
        wrong.append(f"media kind {tags.get('stik')} (expected audiobook, {AUDIOBOOK})")
    yield finding("library tags", name, not wrong, "; ".join(wrong) or "audiobook; title, author, narrator")


def _mp3(path: Path, name: str, manifest: dict, cover: bytes | None) -> Iterator[Finding]:
    try:
        tags = ID3(path)
    except (ID3NoHeaderError, MutagenError, OSError):
        return  # the tag checks of check.py say so
    pictures = [frame.data for frame in tags.getall("APIC") if frame.type == 3]
    if cover is not None:
        yield finding("cover", f"{name} picture", cover in pictures, "front cover attached" if cover in pictures
                      else "no front cover, or not the edition's")
    narrator, author = str(tags.get("TCOM", "")), str(tags.get("TPE1", ""))
    wrong = []
    if narrator != manifest.get("narrator", narrator):
        wrong.append(f"narrator “{narrator}” (expected “{manifest.get('narrator')}”)")
    if author != manifest.get("author", ""):
        wrong.append(f"artist “{author}” (expected “{manifest.get('author', '')}”)")
    yield finding("library tags", name, not wrong, "; ".join(wrong) or "narrator and author as the manifest says")
