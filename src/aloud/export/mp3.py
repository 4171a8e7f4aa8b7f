"""MP3 outputs: one file per chapter with a playlist, and the whole edition as one file
with chapter frames, both joined from the segments' MP3 streams without re-encoding."""

from __future__ import annotations

from aloud.audio.ffmpeg import MP3
from aloud.export.exporter import ExportContext
from aloud.export.id3 import tag_edition_mp3
from aloud.export.joins import edition_mp3_name
from aloud.export.playlist import write_playlist


class ChapterMp3Exporter:
    name = "mp3"
    encodings = frozenset({MP3})
    requires: tuple[str, ...] = ()

    def export(self, context: ExportContext) -> dict[str, str]:
        context.joined.chapter_mp3s()
        playlist = context.folder / f"{context.edition.slug}.m3u8"
        write_playlist(playlist, context.edition, list(context.marks), [c.duration for c in context.chapters])
        return {"playlist": playlist.name}


class ChapteredMp3Exporter:
    name = "chaptered-mp3"
    encodings = frozenset({MP3})
    requires: tuple[str, ...] = ()

    def export(self, context: ExportContext) -> dict[str, str]:
        name = edition_mp3_name(context.edition)
        (context.folder / name).parent.mkdir(parents=True, exist_ok=True)
        path = context.joined.edition_mp3(context.folder / name)
        tag_edition_mp3(path, context.tags, list(context.marks))
        return {"mp3": name}
