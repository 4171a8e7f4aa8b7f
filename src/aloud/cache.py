"""A content-addressed store of synthesized units.

The key covers everything that changes the sound: engine, engine version, voice, rate and
the exact text. Entries are written under a temporary name and renamed into place, so a
reader never sees half an entry and two builds can share the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from aloud.engines.base import AudioClip


def default_cache_dir() -> Path:
    return Path(user_cache_dir("aloud"))


def unit_key(engine: str, engine_version: str, voice: str, rate: int, text: str) -> str:
    blob = json.dumps([engine, engine_version, voice, rate, text], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedAudio:
    path: Path
    sample_rate: int
    samples: int


@dataclass(frozen=True)
class UnitCache:
    root: Path

    def path_for(self, key: str) -> Path:
        return self.root / "units" / key[:2] / f"{key}.wav"

    def lookup(self, key: str) -> CachedAudio | None:
        path = self.path_for(key)
        try:
            with wave.open(str(path), "rb") as w:
                return CachedAudio(path, w.getframerate(), w.getnframes())
        except (FileNotFoundError, wave.Error, EOFError):
            return None

    def store(self, key: str, clip: AudioClip) -> CachedAudio:
        path = self.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".wav")
        try:
            with os.fdopen(fd, "wb") as f, wave.open(f, "wb") as w:
                w.setnchannels(1)
                w.setsampwidth(2)
                w.setframerate(clip.sample_rate)
                w.writeframes(clip.pcm)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return CachedAudio(path, clip.sample_rate, clip.samples)
