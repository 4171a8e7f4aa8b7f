"""`chapters.json`: what the edition is, how it was made, and where each chapter lies."""

from __future__ import annotations

import json
from pathlib import Path

from aloud.settings import AudioFormat
from aloud.model import ChapterAudio, ChapterMark, Edition


def manifest(
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
) -> dict:
    return {
        "title": edition.title,
        "author": edition.author,
        "engine": {"name": engine, "version": engine_version},
        "voice": voice,
        "rate": rate,
        "duration": round(marks[-1].end, 3),
        "word_count": edition.word_count,
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
                "file": mark.file,
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


def write_manifest(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
