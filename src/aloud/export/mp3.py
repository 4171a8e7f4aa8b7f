"""Per-chapter MP3 tags (ID3v2.4): title, album, artist, track n/N, genre."""

from __future__ import annotations

from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import ID3, TALB, TCON, TIT2, TPE1, TPE2, TRCK

from aloud.errors import OutputError
from aloud.export.m4b import GENRE
from aloud.model import Edition


def tag_chapter_mp3(path: Path, edition: Edition, index: int, title: str) -> None:
    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TALB(encoding=3, text=edition.title))
    tags.add(TPE1(encoding=3, text=edition.author))
    tags.add(TPE2(encoding=3, text=edition.author))
    tags.add(TRCK(encoding=3, text=f"{index}/{len(edition.chapters)}"))
    tags.add(TCON(encoding=3, text=GENRE))
    try:
        tags.save(str(path), v2_version=4, padding=lambda info: 0)
    except (MutagenError, OSError) as exc:
        raise OutputError(f"{path.name}: cannot write its tags: {exc}") from None
