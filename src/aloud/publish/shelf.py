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
    try:
        chapters = data.get("chapters", [])
        return Shelved(
            slug=folder.name, folder=folder, title=data["title"], author=data.get("author", ""),
            language=data.get("language", ""), duration=float(data.get("duration", 0)),
            description=data.get("description", "") or _opening(chapters), date=data.get("date", ""),
            files={str(k): str(v) for k, v in data.get("files", {}).items()},
            chapters=tuple((float(c["start"]), float(c["end"]), str(c["title"])) for c in chapters),
        )
    except (KeyError, TypeError, ValueError, AttributeError):  # a manifest edited by hand
        return None


def _opening(chapters: list[dict]) -> str:
    """The first sentences the edition speaks (its announcements and titles aside), to
    about DESCRIPTION_CHARS."""
    words: list[str] = []
    length = 0
    for chapter in chapters:
        for sentence in chapter.get("sentences", []):
            if sentence.get("kind") in ("announcement", "title"):
                continue
            text = str(sentence.get("text", "")).strip()
            if not text:
                continue
            words.append(text if text[-1] in ".!?…:;\"'”’»)" else text + ".")  # a heading, as a sentence
            length += len(text) + 1
            if length >= DESCRIPTION_CHARS:
                return _cut(" ".join(words))
    return _cut(" ".join(words))


def _cut(text: str) -> str:
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def dated(date: str) -> datetime | None:
    """The moment a full date ("2015-05-05", "2015-05-05T10:30:00+02:00") names, in UTC
    (a time without a zone taken as UTC); None for a year or month alone, or anything else."""
    text = date.strip()
    if not _DAY.match(text):
        return None
    for candidate in (text, text[:19], text[:10]):
        try:
            moment = datetime.fromisoformat(candidate.replace("Z", "+00:00").replace(" ", "T", 1))
        except ValueError:
            continue
        return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    return None
