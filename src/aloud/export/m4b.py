"""The M4B audiobook: every segment's AAC stream joined without re-encoding, with chapter
marks, tags a library reads (media type audiobook, narrator as composer, description,
year, series as grouping) and the cover as its attached picture."""

from __future__ import annotations

import os
from pathlib import Path

from mutagen import MutagenError
from mutagen.mp4 import MP4, MP4FreeForm

from aloud.audio import ffmpeg
from aloud.audio.ffmpeg import AAC
from aloud.errors import OutputError
from aloud.export.joins import CHAPTER_FOLDER
from aloud.export.tags import GENRE, BookTags
from aloud.model import ChapterMark

AUDIOBOOK = 2  # the iTunes media kind (stik) of an audiobook
IGNORE_TEXT = "The MP3s of this edition: a library that reads the folder as one book plays the M4B beside it.\n"


def ffmetadata(book: BookTags, marks: list[ChapterMark], time_base: int = 1000) -> str:
    esc = ffmpeg.ffmetadata_escape
    fields = {
        "title": book.title, "album": book.title, "artist": book.author, "album_artist": book.author,
        "genre": GENRE, "composer": book.narrator, "comment": book.description, "description": book.description,
        "date": book.year, "grouping": f"{book.series} #{book.part}" if book.part else book.series,
        "media_type": str(AUDIOBOOK),
    }
    lines = [";FFMETADATA1", *(f"{key}={esc(value)}" for key, value in fields.items() if value)]
    for mark in marks:
        lines += [
            "[CHAPTER]",
            f"TIMEBASE=1/{time_base}",
            f"START={round(mark.start * time_base)}",
            f"END={round(mark.end * time_base)}",
            f"title={esc(mark.title)}",
        ]
    return "\n".join(lines) + "\n"


def write_m4b(book: BookTags, marks: list[ChapterMark], adts: list[Path], out: Path, work_dir: Path) -> Path:
    """The audiobook from every segment's AAC stream, in order, with chapter marks, tags and cover."""
    metadata = work_dir / "chapters.ffmetadata"
    metadata.write_text(ffmetadata(book, marks), encoding="utf-8")
    cover = None
    if book.cover:
        cover = work_dir / "m4b-cover.jpg"
        cover.write_bytes(book.cover)
    ffmpeg.mux_m4b(adts, metadata, out, work_dir, cover, book.language_639_2)
    _library_atoms(out, book)
    return out


def _library_atoms(path: Path, book: BookTags) -> None:
    """What ffmpeg has no iTunes atom for, as the freeform atoms Audiobookshelf reads by name
    (`----:com.apple.iTunes:PUBLISHER` …): publisher, language, ISBN, series and part."""
    extra = {"PUBLISHER": book.publisher, "LANGUAGE": book.language, "ISBN": book.isbn, "SERIES": book.series,
             "SERIES-PART": book.part if book.series else ""}
    extra = {key: value for key, value in extra.items() if value}
    if not extra:
        return
    try:
        m4b = MP4(path)
        for key, value in extra.items():
            m4b.tags[f"----:com.apple.iTunes:{key}"] = [MP4FreeForm(value.encode("utf-8"))]
        m4b.save()
    except (MutagenError, OSError) as exc:
        reason = "the disk is full (No space left on device)" if _disk_full(path) else exc
        raise OutputError(f"{path}: cannot write its tags: {reason}") from None


def _disk_full(path: Path) -> bool:
    """Whether the disk under `path` has no room left (ffmpeg may leave a cut-short file then)."""
    try:
        status = os.statvfs(path.parent)
    except OSError:
        return False
    return status.f_bavail * status.f_frsize < 1024 * 1024


class M4bExporter:
    name = "m4b"
    encodings = frozenset({AAC})
    requires: tuple[str, ...] = ()

    def export(self, context) -> dict[str, str]:
        out = context.folder / f"{context.edition.slug}.m4b"
        aac = [s.aac for c in context.chapters for s in c.segments]
        write_m4b(context.tags, list(context.marks), aac, out, context.work)
        files = {"m4b": out.name}
        if {"mp3", "chaptered-mp3", "sample"} & set(context.outputs):
            # Audiobookshelf counts every audio file under a book's folder as one of its
            # tracks, except in a folder holding `.ignore`: the MP3s are left to other players.
            ignore = context.folder / CHAPTER_FOLDER / ".ignore"
            ignore.parent.mkdir(parents=True, exist_ok=True)
            ignore.write_text(IGNORE_TEXT, encoding="utf-8")
            files["library-ignore"] = f"{CHAPTER_FOLDER}/.ignore"
        return files
