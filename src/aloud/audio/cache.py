"""The cache of encoded segments, content-addressed.

A segment's key covers everything that shapes its sound: for each of its units the
engine, engine version, voice, rate and exact spoken text, and the pauses and audio
format around them. An entry is an ADTS AAC stream, an MP3 and a JSON description,
written under temporary names and renamed into place (the JSON last), so a reader never
sees half an entry, a killed build leaves none, and two builds can share the cache.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir

STALE_TEMP_SECONDS = 24 * 3600


def default_cache_dir() -> Path:
    return Path(user_cache_dir("aloud"))


def unit_key(engine: str, engine_version: str, voice: str, rate: int, text: str) -> str:
    blob = json.dumps([engine, engine_version, voice, rate, text], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SegmentFiles:
    aac: Path
    mp3: Path
    meta: Path


def segment_files(root: Path, key: str) -> SegmentFiles:
    folder = root / "segments" / key[:2]
    return SegmentFiles(folder / f"{key}.aac", folder / f"{key}.mp3", folder / f"{key}.json")


@dataclass(frozen=True)
class CacheInfo:
    root: Path
    segments: int
    bytes: int


def info(root: Path) -> CacheInfo:
    segments = size = 0
    if root.exists():
        for path in root.rglob("*"):
            try:
                status = path.stat()
            except FileNotFoundError:
                continue  # renamed or removed by a build running meanwhile
            if stat.S_ISREG(status.st_mode):
                size += status.st_size
                segments += path.suffix == ".json" and path.parent.parent.name == "segments"
    return CacheInfo(root, segments, size)


def clear(root: Path) -> CacheInfo:
    """Remove everything in the cache folder; returns what was there."""
    before = info(root)
    if root.is_dir():
        for child in root.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    return before


def remove_stale_temporaries(root: Path) -> None:
    """Temporary folders left by builds killed more than a day ago."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for tmp in (root / "segments").glob("*/.tmp-*"):
        try:
            if tmp.stat().st_mtime < cutoff:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError:
            pass
