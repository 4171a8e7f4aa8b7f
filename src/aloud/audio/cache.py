"""The cache of encoded segments, content-addressed, written only by the process that
assembles editions.

A segment's key covers everything that shapes its sound: for each of its units the
engine, engine version, voice, rate and exact spoken text, and the pauses and audio
format around them. An entry is a JSON description and one file per encoding made (an
ADTS AAC stream, an MP3), written under temporary names and renamed into place (the
JSON last), so a reader never sees half an entry, a killed build leaves none, and two
builds can share the cache. An entry made for an M4B alone gains its MP3 when a later
build needs one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from aloud.errors import OutputError
from aloud.model import UnitTiming

STALE_TEMP_SECONDS = 24 * 3600
TAG = "CACHEDIR.TAG"  # marks the folder as a cache for backup tools (bford.info/cachedir)
TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n# This is the cache of aloud: spoken and encoded segments.\n"
DESCRIPTION = ("sample_rate", "samples", "timings", "loudness_lufs", "gain_db")


def default_cache_dir() -> Path:
    return Path(user_cache_dir("aloud"))


def unit_key(engine: str, engine_version: str, voice: str, rate: int, text: str) -> str:
    blob = json.dumps([engine, engine_version, voice, rate, text], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SegmentAudio:
    """A segment in the cache: its encoded streams and what is known about them."""

    key: str
    files: dict[str, Path]  # by encoding ("aac", "mp3"): the streams in the cache
    sample_rate: int
    samples: int  # decoded length: priming + padded PCM
    timings: tuple[UnitTiming, ...]  # where each unit's speech is heard, from the start of the decoded segment
    loudness_lufs: float
    gain_db: float

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate

    @property
    def aac(self) -> Path:
        return self.files["aac"]

    @property
    def mp3(self) -> Path:
        return self.files["mp3"]


class SegmentCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _folder(self, key: str) -> Path:
        return self.root / "segments" / key[:2]

    def get(self, key: str) -> SegmentAudio | None:
        """The entry for `key` with whichever encodings it has, or None."""
        folder = self._folder(key)
        try:
            data = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
            described = {name: data[name] for name in DESCRIPTION}
            described["timings"] = tuple(UnitTiming(**t) for t in described["timings"])
        except (OSError, ValueError, TypeError, KeyError):
            return None
        files = {kind: path for kind in ("aac", "mp3") if (path := folder / f"{key}.{kind}").is_file()}
        return SegmentAudio(key=key, files=files, **described)

    def put(self, key: str, description: dict, encoded: dict[str, bytes]) -> SegmentAudio:
        """Keep a segment's encoded streams and description; returns the entry as it now is."""
        folder = self._folder(key)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not (self.root / TAG).exists():
                (self.root / TAG).write_text(TAG_TEXT, encoding="utf-8")
            tmp = Path(tempfile.mkdtemp(dir=folder, prefix=".tmp-"))
            try:
                for kind, data in encoded.items():
                    (tmp / f"{key}.{kind}").write_bytes(data)
                    os.replace(tmp / f"{key}.{kind}", folder / f"{key}.{kind}")
                (tmp / f"{key}.json").write_text(json.dumps(description, ensure_ascii=False), encoding="utf-8")
                os.replace(tmp / f"{key}.json", folder / f"{key}.json")  # last: the entry is complete once this exists
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError as exc:
            raise OutputError(f"cannot write to the cache {self.root}: {exc.strerror or exc}") from None
        entry = self.get(key)
        if entry is None:
            raise OutputError(f"cannot read back from the cache {self.root}: segment {key[:12]}")
        return entry

    def remove_stale_temporaries(self) -> None:
        """Temporary folders left by builds killed more than a day ago."""
        cutoff = time.time() - STALE_TEMP_SECONDS
        for tmp in (self.root / "segments").glob("*/.tmp-*"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    shutil.rmtree(tmp, ignore_errors=True)
            except OSError:
                pass


def describe(sample_rate: int, samples: int, timings: Iterable[UnitTiming], loudness_lufs: float, gain_db: float) -> dict:
    return {
        "sample_rate": sample_rate,
        "samples": samples,
        "timings": [asdict(t) for t in timings],
        "loudness_lufs": loudness_lufs,
        "gain_db": gain_db,
    }


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
    """Remove the cached segments; returns what was there. Only what aloud puts in a cache is
    removed, and a folder that holds anything else is refused before anything goes."""
    before = info(root)
    if not root.is_dir():
        return before
    ours = _cache_files(root)
    for path in sorted(ours, key=lambda p: len(p.parts), reverse=True):  # files, then their folders
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink()
    return before


_KEY = re.compile(r"[0-9a-f]{64}\.(?:json|aac|mp3)")


def _cache_files(root: Path) -> list[Path]:
    """Every file and folder of the cache at `root`; OutputError if it holds anything else."""
    found: list[Path] = []
    for top in root.iterdir():
        if top.name == TAG and top.is_file() and not top.is_symlink():
            found.append(top)
        elif top.name == "segments" and top.is_dir() and not top.is_symlink():
            found.append(top)
            for shard in top.iterdir():
                found.append(_expect(shard, re.fullmatch(r"[0-9a-f]{2}", shard.name) and shard.is_dir(), root))
                for entry in shard.iterdir():
                    if entry.name.startswith(".tmp-") and entry.is_dir() and not entry.is_symlink():
                        found += [_expect(f, _KEY.fullmatch(f.name) and f.is_file(), root) for f in entry.iterdir()]
                        found.append(entry)
                    else:
                        found.append(_expect(entry, _KEY.fullmatch(entry.name) and entry.is_file(), root))
        else:
            _expect(top, False, root)
    return found


def _expect(path: Path, is_ours: object, root: Path) -> Path:
    if not is_ours or path.is_symlink():
        raise OutputError(f"{root}: is not only aloud's cache (it holds {path.relative_to(root)}); nothing was removed")
    return path
