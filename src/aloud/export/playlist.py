"""An extended M3U playlist (UTF-8) of the chapter MP3s, in order."""

from __future__ import annotations

from pathlib import Path

from aloud.model import ChapterMark, Edition


def playlist_text(edition: Edition, marks: list[ChapterMark], durations: list[float]) -> str:
    lines = ["#EXTM3U", f"#PLAYLIST:{_one_line(edition.title)}"]
    for mark, seconds in zip(marks, durations):
        who = f"{_one_line(edition.author)} - " if edition.author else ""
        lines.append(f"#EXTINF:{round(seconds)},{who}{_one_line(mark.title)}")
        lines.append(mark.file)
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_playlist(path: Path, edition: Edition, marks: list[ChapterMark], durations: list[float]) -> Path:
    path.write_text(playlist_text(edition, marks, durations), encoding="utf-8")
    return path
