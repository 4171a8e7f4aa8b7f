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
import logging
import math
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from aloud.errors import OutputError
from aloud.model import UnitTiming

log = logging.getLogger(__name__)

STALE_TEMP_SECONDS = 24 * 3600
TAG = "CACHEDIR.TAG"  # marks the folder as a cache for backup tools (bford.info/cachedir)
TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n# This is the cache of aloud: spoken and encoded segments.\n"


def default_cache_dir() -> Path:
    return Path(user_cache_dir("aloud"))


@contextmanager
def writable_cache(root: Path) -> Iterator[SegmentCache]:
    """The cache at `root`; if it cannot be written (a read-only disk, a folder of someone
    else's), a warning and a cache of this build alone, in the temporary folder, removed
    after it: the build goes on uncached rather than failing."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=root, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        log.warning("the cache %s cannot be written (%s): building without it", root, exc.strerror or exc)
        with tempfile.TemporaryDirectory(prefix="aloud-uncached-") as scratch:
            yield SegmentCache(Path(scratch))
        return
    yield SegmentCache(root)


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
    """The cache at `root`. An entry's description records each stream's size and SHA-256,
    and a stream is used again only if it still has them: a truncated or altered file (or a
    description that does not hold together) is treated as missing, and made again."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.damaged: set[str] = set()  # keys of entries found damaged since this cache was opened

    def _folder(self, key: str) -> Path:
        return self.root / "segments" / key[:2]

    def get(self, key: str) -> SegmentAudio | None:
        """The entry for `key` with whichever of its encodings are intact, or None."""
        found = self._read(key)
        if found is None:
            return None
        described, streams = found
        folder = self._folder(key)
        files = {kind: folder / f"{key}.{kind}" for kind, (size, digest) in streams.items()
                 if _intact(folder / f"{key}.{kind}", size, digest)}
        if len(files) < len(streams):
            self.damaged.add(key)
        with suppress(OSError):  # when it was last used, for pruning (a read-only cache just does not say)
            os.utime(folder / f"{key}.json")
        return SegmentAudio(key=key, files=files, **described)

    def _read(self, key: str) -> tuple[dict, dict[str, tuple[int, str]]] | None:
        """An entry's description and the streams it records; None if there is none, or if
        it does not hold together (then it counts as damaged)."""
        path = self._folder(key) / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.damaged.add(key)
            return None
        if isinstance(data, dict) and "streams" not in data:
            return None  # written by an older aloud, which recorded no checksums: made again, quietly
        checked = _checked(data)
        if checked is None:
            self.damaged.add(key)
        return checked

    def put(self, key: str, description: dict, encoded: dict[str, bytes]) -> SegmentAudio:
        """Keep a segment's encoded streams and description (beside the intact streams it
        already has); returns the entry as it now is."""
        folder = self._folder(key)
        kept, found = self.get(key), self._read(key)
        streams = {kind: found[1][kind] for kind in kept.files} if kept and found else {}
        streams.update({kind: (len(data), hashlib.sha256(data).hexdigest()) for kind, data in encoded.items()})
        record = {**description, "streams": {kind: list(value) for kind, value in streams.items()}}
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not (self.root / TAG).exists():
                (self.root / TAG).write_text(TAG_TEXT, encoding="utf-8")
            tmp = Path(tempfile.mkdtemp(dir=folder, prefix=".tmp-"))
            try:
                for kind, data in encoded.items():
                    (tmp / f"{key}.{kind}").write_bytes(data)
                    os.replace(tmp / f"{key}.{kind}", folder / f"{key}.{kind}")
                (tmp / f"{key}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
                os.replace(tmp / f"{key}.json", folder / f"{key}.json")  # last: the entry is complete once this exists
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError as exc:
            raise OutputError(f"cannot write to the cache {self.root}: {exc.strerror or exc}") from None
        checked = _checked(record)
        if checked is None:  # pragma: no cover - a description aloud made holds together
            raise OutputError(f"segment {key[:12]}: its description does not hold together")
        files = {kind: folder / f"{key}.{kind}" for kind in streams}
        return SegmentAudio(key=key, files=files, **checked[0])

    def remove_stale_temporaries(self) -> None:
        """Temporary folders left by builds killed more than a day ago."""
        cutoff = time.time() - STALE_TEMP_SECONDS
        for tmp in (self.root / "segments").glob("*/.tmp-*"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    shutil.rmtree(tmp, ignore_errors=True)
            except OSError:
                pass


def _intact(path: Path, size: int, digest: str) -> bool:
    try:
        if path.stat().st_size != size:
            return False
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest() == digest
    except OSError:
        return False


def _checked(data: object) -> tuple[dict, dict[str, tuple[int, str]]] | None:
    """A description's fields and its streams, if every one is of the kind and range aloud
    writes; None otherwise (an entry from an older aloud records no streams: made again)."""
    try:
        rate, samples = data["sample_rate"], data["samples"]  # type: ignore[index]
        loudness, gain = float(data["loudness_lufs"]), float(data["gain_db"])  # type: ignore[index]
        timings = tuple(UnitTiming(int(t["index"]), float(t["start"]), float(t["end"]), str(t["text"]))
                        for t in data["timings"])  # type: ignore[index]
        streams = {str(kind): (int(size), str(digest)) for kind, (size, digest) in data["streams"].items()}  # type: ignore[index]
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        return None
    whole = isinstance(rate, int) and isinstance(samples, int) and rate > 0 and samples > 0
    if not (whole and math.isfinite(gain) and not math.isnan(loudness) and streams and set(streams) <= {"aac", "mp3"}):
        return None
    if not all(0 <= t.start <= t.end <= samples / rate + 1e-6 for t in timings):
        return None
    return {"sample_rate": rate, "samples": samples, "timings": timings, "loudness_lufs": loudness,
            "gain_db": gain}, streams


def describe(sample_rate: int, samples: int, timings: Iterable[UnitTiming], loudness_lufs: float, gain_db: float,
             voice: str = "", spoken: dict | None = None) -> dict:
    """An entry's description; `spoken` says who spoke it and how much of it is aloud's own
    silence, which the pace of a voice is learned from (see `duration_estimate`)."""
    return {
        "sample_rate": sample_rate,
        "samples": samples,
        "timings": [asdict(t) for t in timings],
        "loudness_lufs": loudness_lufs,
        "gain_db": gain_db,
        **({"voice": voice} if voice else {}),  # who spoke it ("pyttsx3 en-us 170 wpm"), for `cache info`
        **(spoken or {}),
    }


@dataclass(frozen=True)
class CacheInfo:
    root: Path
    segments: int
    bytes: int
    by_voice: tuple[tuple[str, int, int], ...] = ()  # (who spoke, segments, bytes), the largest first


@dataclass(frozen=True)
class _Entry:
    description: Path  # the entry's JSON: the entry exists while it does
    streams: tuple[Path, ...]
    bytes: int
    used: float  # when a build last used it (the description's mtime)
    voice: str


UNKNOWN_VOICE = "(spoken by an earlier aloud)"


def _entries(root: Path, voices: bool = True) -> list[_Entry]:
    """The cache's entries; with `voices`, each says who spoke it (its description is read)."""
    found = []
    for description in sorted((root / "segments").glob("*/*.json")):
        key = description.stem
        try:
            used = description.stat().st_mtime
            voice = (json.loads(description.read_text(encoding="utf-8")).get("voice") or UNKNOWN_VOICE
                     if voices else "")
        except (OSError, ValueError, AttributeError):
            continue  # being written or removed by a build running meanwhile, or damaged: made again when used
        streams = tuple(p for p in (description.with_name(f"{key}.aac"), description.with_name(f"{key}.mp3")) if p.exists())
        size = description.stat().st_size + sum(p.stat().st_size for p in streams)
        found.append(_Entry(description, streams, size, used, str(voice)))
    return found


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
    voices: dict[str, list[int]] = {}
    for entry in _entries(root) if root.is_dir() else []:
        tally = voices.setdefault(entry.voice, [0, 0])
        tally[0] += 1
        tally[1] += entry.bytes
    by_voice = tuple(sorted(((v, n, b) for v, (n, b) in voices.items()), key=lambda t: -t[2]))
    return CacheInfo(root, segments, size, by_voice)


def prune(root: Path, older_than: float | None = None, max_bytes: int | None = None,
          used_since: float | None = None) -> CacheInfo:
    """Remove the entries not used for `older_than` seconds, then the least recently used
    until the cache holds at most `max_bytes` — never one used since `used_since` (the build
    running now). Returns what was removed. Only aloud's files are touched: a folder that is
    not only aloud's cache is refused first."""
    if not root.is_dir():
        return CacheInfo(root, 0, 0)
    files = _cache_files(root)  # refuses a folder that holds anything else
    if older_than is None and max_bytes is not None and sum(
            f.stat().st_size for f in files if f.is_file()) <= max_bytes:
        return CacheInfo(root, 0, 0)  # within its size: nothing to read (after every build, the usual case)
    entries = sorted(_entries(root, voices=False), key=lambda e: e.used)  # the least recently used first
    now = time.time()
    total = sum(e.bytes for e in entries)
    removed = []
    for entry in entries:
        if used_since is not None and entry.used >= used_since:
            continue
        stale = older_than is not None and now - entry.used > older_than
        over = max_bytes is not None and total > max_bytes
        if not (stale or over):
            continue
        with suppress(FileNotFoundError):
            entry.description.unlink()  # first: without it the entry is gone, whatever is left
            for stream in entry.streams:
                stream.unlink(missing_ok=True)
        total -= entry.bytes
        removed.append(entry)
    return CacheInfo(root, len(removed), sum(e.bytes for e in removed))


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
