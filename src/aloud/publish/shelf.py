"""The editions a site lists, each as its manifest and folder describe it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from aloud.errors import InputError
from aloud.export.manifest import read_manifest

DESCRIPTION_CHARS = 600  # of the opening, when the input has no description of its own


@dataclass(frozen=True)
class Shelved:
    slug: str
    folder: Path
    title: str
    author: str
    language: str
    duration: float  # seconds
    description: str
    date: str  # as the input gives it ("1843", "2015-05-05"), or ""
    files: dict[str, str]  # kind → file name in the folder (the manifest's)
    chapters: tuple[tuple[float, float, str], ...]  # (start, end, title)

    def file(self, kind: str) -> Path | None:
        name = self.files.get(kind)
        return self.folder / name if name and (self.folder / name).is_file() else None


def shelved(folder: Path) -> Shelved | None:
    """The edition in `folder` as a site lists it; None if it holds no readable edition."""
    try:
        data = read_manifest(folder)
    except InputError:
        return None
    chapters = data.get("chapters", [])
    return Shelved(
        slug=folder.name, folder=folder, title=data["title"], author=data.get("author", ""),
        language=data.get("language", ""), duration=float(data.get("duration", 0)),
        description=data.get("description", "") or _opening(chapters), date=data.get("date", ""),
        files={str(k): str(v) for k, v in data.get("files", {}).items()},
        chapters=tuple((float(c["start"]), float(c["end"]), str(c["title"])) for c in chapters),
    )


def _opening(chapters: list[dict]) -> str:
    """The first sentences the edition speaks (its announcements and titles aside), to
    about DESCRIPTION_CHARS."""
    words: list[str] = []
    length = 0
    for chapter in chapters:
        for sentence in chapter.get("sentences", []):
            if sentence.get("kind") in ("announcement", "title"):
                continue
            words.append(sentence["text"])
            length += len(sentence["text"]) + 1
            if length >= DESCRIPTION_CHARS:
                return _cut(" ".join(words))
    return _cut(" ".join(words))


def _cut(text: str) -> str:
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"


_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")


def dated(date: str) -> datetime | None:
    """The moment a full date ("2015-05-05", "2015-05-05T10:30:00Z") names, in UTC; None for
    a year or month alone, or anything else."""
    match = _FULL_DATE.match(date.strip())
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except ValueError:
        return None
