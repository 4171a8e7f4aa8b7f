"""The M4B audiobook: every segment's AAC stream joined without re-encoding, with chapter marks and tags."""

from __future__ import annotations

from pathlib import Path

from aloud.audio import ffmpeg
from aloud.audio.ffmpeg import AAC
from aloud.model import ChapterMark, Edition

GENRE = "Audiobook"


def ffmetadata(edition: Edition, marks: list[ChapterMark], time_base: int = 1000) -> str:
    esc = ffmpeg.ffmetadata_escape
    lines = [
        ";FFMETADATA1",
        f"title={esc(edition.title)}",
        f"artist={esc(edition.author)}",
        f"album_artist={esc(edition.author)}",
        f"album={esc(edition.title)}",
        f"genre={GENRE}",
    ]
    for mark in marks:
        lines += [
            "[CHAPTER]",
            f"TIMEBASE=1/{time_base}",
            f"START={round(mark.start * time_base)}",
            f"END={round(mark.end * time_base)}",
            f"title={esc(mark.title)}",
        ]
    return "\n".join(lines) + "\n"


def write_m4b(edition: Edition, marks: list[ChapterMark], adts: list[Path], out: Path, work_dir: Path) -> Path:
    """The audiobook from every segment's AAC stream, in order, with chapter marks and tags."""
    metadata = work_dir / "chapters.ffmetadata"
    metadata.write_text(ffmetadata(edition, marks), encoding="utf-8")
    ffmpeg.mux_m4b(adts, metadata, out, work_dir)
    return out


class M4bExporter:
    name = "m4b"
    encodings = frozenset({AAC})
    requires: tuple[str, ...] = ()

    def export(self, context) -> dict[str, str]:
        out = context.folder / f"{context.edition.slug}.m4b"
        aac = [s.aac for c in context.chapters for s in c.segments]
        write_m4b(context.edition, list(context.marks), aac, out, context.work)
        return {"m4b": out.name}
