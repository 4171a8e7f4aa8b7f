"""`chapters.json`: what the edition is, how it was made, and where each chapter lies.

Written by every build and read by `aloud check`, `aloud verify` and the next build, so
its schema lives here only: `manifest_data` writes it, `read_manifest` reads it back and
refuses what lacks a field the readers rely on.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from aloud.errors import InputError, OutputError
from aloud.export.tags import narrator_of
from aloud.model import ChapterAudio, ChapterMark, Edition
from aloud.settings import AudioFormat

MANIFEST = "chapters.json"


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
        "narrator": narrator_of(engine, engine_version, voice),
        "rate": rate,
        "duration": round(marks[-1].end, 3),
        "word_count": edition.word_count,
        "date": edition.publication.date,  # as the input says it ("1843", "2015-05-05"); "" when it does not
        "description": edition.publication.description,
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
    try:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None
    return path


def read_manifest(folder: Path) -> dict:
    """The manifest of the edition in `folder`; InputError if it is missing or malformed:
    every field a reader of it relies on has its type, every number is finite and every
    file it names lies inside the folder."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_refuse_constant)
        _check_manifest(data)
    except FileNotFoundError:
        raise InputError(f"{folder}: not an edition folder (no {MANIFEST})") from None
    except RecursionError:
        raise InputError(f"{path}: not a readable manifest: nested too deeply") from None
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(f"{path}: not a readable manifest: {exc}") from None
    return data


Number = (int, float)
# The fields a manifest may hold, by type (each reader of it says which it needs).
TOP_FIELDS = {"title": str, "author": str, "language": str, "voice": str, "narrator": str, "rate": Number, "duration": Number,
              "word_count": int, "date": str, "description": str, "outputs": list, "files": dict, "loudness": dict, "audio": dict, "engine": dict,
              "chapters": list}
CHAPTER_FIELDS = {"index": int, "title": str, "start": Number, "end": Number, "file": str, "word_count": int,
                  "gain_db": list, "sentences": list}
SENTENCE_FIELDS = {"start": Number, "end": Number, "text": str, "kind": str, "paragraph": bool}


def _check_manifest(data: object) -> None:
    _check_fields("the manifest", data, TOP_FIELDS, required={"files", "chapters"})
    if not data["chapters"]:
        raise ValueError("no chapters listed")
    for where, section in (("loudness", data.get("loudness", {})), ("audio", data.get("audio", {}))):
        for key, value in section.items():
            if not isinstance(value, (str, *Number)) or isinstance(value, bool) or not _finite(value):
                raise ValueError(f"{where}.{key} is neither text nor a number")
    for kind, name in data["files"].items():
        _check_file_name(f"files.{kind}", name)
    for n, chapter in enumerate(data["chapters"], start=1):
        _check_fields(f"chapter {n}", chapter, CHAPTER_FIELDS, required={"index", "title", "start", "end"})
        if "file" in chapter:
            _check_file_name(f"chapter {n}'s file", chapter["file"])
        for sentence in chapter.get("sentences", []):
            _check_fields(f"a sentence of chapter {n}", sentence, SENTENCE_FIELDS, required=set())


def _check_fields(where: str, value: object, fields: dict, required: set[str]) -> None:
    if not isinstance(value, dict):
        raise ValueError(f"{where} is not an object")
    missing = sorted(required - value.keys())
    if missing:
        raise ValueError(f"{where} lacks {', '.join(missing)}")
    for key, kind in fields.items():
        if key not in value:
            continue
        field = value[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wrong = not isinstance(field, kinds) or (isinstance(field, bool) and bool not in kinds)
        if wrong or not _finite(field):
            raise ValueError(f"{where}: {key} is not {_kind_name(kind)}")


def _finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _kind_name(kind: type | tuple) -> str:
    names = {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "an object", bool: "true or false"}
    return "a finite number" if kind == Number else names[kind]


def _check_file_name(where: str, name: object) -> None:
    """A name the manifest gives a file must be a plain relative path inside the folder."""
    if not isinstance(name, str) or not name:
        raise ValueError(f"{where} is not a file name")
    if any(ord(c) < 32 for c in name):  # a NUL among them
        raise ValueError(f"{where} holds a control character")
    parts = PurePosixPath(name).parts
    if name.startswith(("/", "\\")) or ".." in parts:
        raise ValueError(f"{where} {name!r} lies outside the edition folder")


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


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
