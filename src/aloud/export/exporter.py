"""Exporters: each output of an edition is one, chosen by name with `--outputs`.

An exporter writes its files into the edition's (staging) folder and returns the entries
it adds to the manifest's `files` (kind → file name, relative to the folder). It names
the segment encodings it needs ("aac" for the M4B, "mp3" for anything made of MP3s), so
a build encodes only what its outputs use, and the outputs it builds on (the player
plays the single MP3). A name may also be `package.module:Class` for an output of your
own.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from aloud.errors import OutputError, UsageError
from aloud.export.joins import JoinedAudio
from aloud.export.tags import BookTags
from aloud.model import ChapterAudio, ChapterMark, Edition
from aloud.plugins import make
from aloud.progress import Progress
from aloud.settings import BuildSettings


@dataclass(frozen=True)
class ExportContext:
    edition: Edition
    marks: tuple[ChapterMark, ...]
    chapters: tuple[ChapterAudio, ...]
    folder: Path  # where the outputs go
    work: Path  # scratch space, removed after the build
    language: str  # of the narration (BCP 47)
    settings: BuildSettings
    joined: JoinedAudio  # the MP3s several outputs share, joined once
    tags: BookTags  # what every output says of the edition, and its cover
    outputs: tuple[str, ...] = ()  # the names of every output of this build


class Exporter(Protocol):
    name: str  # as given to --outputs
    encodings: frozenset[str]  # segment encodings it reads: "aac", "mp3"
    requires: tuple[str, ...]  # other outputs it needs beside it

    def export(self, context: ExportContext) -> dict[str, str]:
        """Write the output; return its manifest entries (kind → file name in the folder)."""
        ...


EXPORTERS = {
    "cover": "aloud.export.cover:CoverExporter",  # cover.jpg, the folder image libraries show
    "m4b": "aloud.export.m4b:M4bExporter",
    "mp3": "aloud.export.mp3:ChapterMp3Exporter",  # an MP3 per chapter, and the playlist
    "chaptered-mp3": "aloud.export.mp3:ChapteredMp3Exporter",  # the whole edition as one MP3
    "epub": "aloud.export.epub:EpubExporter",
    "transcripts": "aloud.export.transcript:TranscriptExporter",
    "player": "aloud.export.player:PlayerExporter",
    "sample": "aloud.export.sample:SampleExporter",  # a few minutes of it, for a shop page or a trailer
}
ALL = "all"


def create_exporter(name: str) -> Exporter:
    return make("output", name, EXPORTERS, Exporter)


def parse_outputs(text: str | Iterable[str]) -> tuple[str, ...]:
    """'m4b,epub' (or a list of names) as output names; 'all' is every output."""
    names = [n.strip() for n in (text.split(",") if isinstance(text, str) else text)]
    names = [n for n in names if n]
    if not names:
        raise UsageError(f"no outputs named; choose from {', '.join(EXPORTERS)} (or {ALL})")
    if ALL in names:
        names = [*EXPORTERS, *(n for n in names if n != ALL and n not in EXPORTERS)]
    return tuple(dict.fromkeys(names))


def exporters_for(names: Iterable[str]) -> tuple[Exporter, ...]:
    """The exporters of the named outputs and of those they require, in a fixed order."""
    chosen: dict[str, Exporter] = {}
    pending = list(names)
    while pending:
        name = pending.pop(0)
        if name not in chosen:
            chosen[name] = create_exporter(name)
            pending += chosen[name].requires
    order = {name: n for n, name in enumerate(EXPORTERS)}
    return tuple(sorted(chosen.values(), key=lambda e: order.get(e.name, len(order))))


def export_all(exporters: tuple[Exporter, ...], context: ExportContext, progress: Progress) -> dict[str, str]:
    """Run every exporter, side by side (each waits mostly on ffmpeg or the disk); return
    the manifest entries of all of them. The first failure is raised once all have ended."""
    with ThreadPoolExecutor(max_workers=len(exporters) or 1, thread_name_prefix="aloud-export") as pool:
        jobs = [pool.submit(_export, exporter, context, progress) for exporter in exporters]
    files: dict[str, str] = {}
    for job in jobs:
        files.update(job.result())
    return files


def _export(exporter: Exporter, context: ExportContext, progress: Progress) -> dict[str, str]:
    try:
        files = exporter.export(context)
    except OutputError:
        raise
    except OSError as exc:  # a full disk says only "No space left on device": say which edition, which output
        raise OutputError(f"{context.settings.out_dir / context.edition.slug}: its {exporter.name} output cannot be "
                          f"written: {exc.strerror or exc}") from None
    progress.advance("join")
    return files
