"""`chapters.json`: what the edition is, how it was made, and where each chapter lies.

Written by every build and read by `aloud check`, `aloud verify` and the next build, so
its schema lives here only: `manifest_data` writes it, `read_manifest` reads it back and
refuses what lacks a field the readers rely on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aloud.errors import InputError
from aloud.model import ChapterAudio, ChapterMark, Edition
from aloud.settings import AudioFormat

MANIFEST = "chapters.json"
# What every chapter entry holds; "file" (its MP3) only when the edition has chapter files.
CHAPTER_FIELDS = {"index": int, "title": str, "start": (int, float), "end": (int, float)}


def manifest_data(
    edition: Edition,
    marks: list[ChapterMark],
    chapters: list[ChapterAudio],
    *,
    engine: str,
    engine_version: str,
    voice: str,
    rate: int,
    files: dict[str, str],
    audio: AudioFormat,
    outputs: tuple[str, ...],
    language: str,
) -> dict:
    return {
        "title": edition.title,
        "author": edition.author,
        "language": language,
        "engine": {"name": engine, "version": engine_version},
        "voice": voice,
        "rate": rate,
        "duration": round(marks[-1].end, 3),
        "word_count": edition.word_count,
        "outputs": list(outputs),
        "files": files,
        "loudness": {"target_lufs": audio.target_lufs, "limiter_dbfs": audio.limiter_dbfs},
        "audio": {
            "profile": audio.profile,
            "m4b": f"AAC {audio.aac_bitrate}",
            "mp3": f"MP3 {audio.mp3_bitrate} CBR, {audio.mp3_sample_rate} Hz",
        },
        "chapters": [
            {
                "index": mark.index,
                "title": mark.title,
                "start": round(mark.start, 3),
                "end": round(mark.end, 3),
                **({"file": mark.file} if mark.file else {}),
                "word_count": mark.word_count,
                "gain_db": [min(c.gains_db), max(c.gains_db)],
                "sentences": [
                    {
                        "start": round(t.start, 3),
                        "end": round(t.end, 3),
                        "text": t.text,
                        **({"kind": t.kind} if t.kind != "sentence" else {}),
                        **({"paragraph": True} if t.new_paragraph else {}),
                    }
                    for t in mark.sentences
                ],
            }
            for mark, c in zip(marks, chapters)
        ],
    }


def write_manifest(folder: Path, data: dict) -> Path:
    path = folder / MANIFEST
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_manifest(folder: Path) -> dict:
    """The manifest of the edition in `folder`; InputError if it is missing or malformed."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("chapters"), list) or not data["chapters"] or not isinstance(data.get("files"), dict):
            raise ValueError("no chapters or files listed")
        for n, chapter in enumerate(data["chapters"], start=1):
            if not all(isinstance(chapter.get(k), t) for k, t in CHAPTER_FIELDS.items()):
                raise ValueError(f"chapter {n} lacks one of {', '.join(CHAPTER_FIELDS)}")
            if "file" in chapter and not isinstance(chapter["file"], str):
                raise ValueError(f"chapter {n}: its file name is not text")
        if not all(isinstance(v, str) for v in data["files"].values()):
            raise ValueError("a file name is not text")
    except FileNotFoundError:
        raise InputError(f"{folder}: not an edition folder (no {MANIFEST})") from None
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(f"{path}: not a readable manifest: {exc}") from None
    return data


def chapter_marks_of(data: dict) -> tuple[ChapterMark, ...]:
    """The chapter marks a manifest records (without their sentences)."""
    return tuple(
        ChapterMark(c["index"], c["title"], c["start"], c["end"], c.get("file", ""), c.get("word_count", 0))
        for c in data["chapters"]
    )


@dataclass(frozen=True)
class ChapterAudioSource:
    """Where a chapter's audio is: a file, or `duration` seconds of one from `start`."""

    path: Path
    start: float | None = None  # None: the whole file is the chapter
    duration: float | None = None

    def label(self, folder: Path, chapter: dict) -> str:
        name = self.path.relative_to(folder).as_posix()
        return name if self.start is None else f"{name} #{chapter['index']}"


def chapter_audio_source(folder: Path, manifest: dict, chapter: dict, present: Callable[[str], bool]) -> ChapterAudioSource | None:
    """A chapter's own MP3, else its stretch of the single MP3 or of the M4B; None if the
    edition has none of them (`present` says whether a file the manifest names is there)."""
    if chapter.get("file") and present(chapter["file"]):
        return ChapterAudioSource(folder / chapter["file"])
    for kind in ("mp3", "m4b"):
        name = manifest["files"].get(kind)
        if name and present(name):
            start = float(chapter["start"])
            return ChapterAudioSource(folder / name, start, float(chapter["end"]) - start)
    return None
