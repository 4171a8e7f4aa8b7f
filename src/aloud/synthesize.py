"""Synthesize stage: a `SpeechUnit`'s text becomes checked audio in the cache.

These functions run in worker processes. Each result is checked (audio exists, its
length is plausible for its words); the scheduler (`render.py`) retries a failed unit
alone in a fresh process and stops the build, naming the unit, if it fails again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aloud.cache import CachedAudio, UnitCache, unit_key
from aloud.engines.registry import create_engine
from aloud.model import SpeechUnit, count_words

BATCH_WORDS = 200  # words per task: large enough to amortise the hand-off


@dataclass(frozen=True)
class Voicing:
    """Who speaks, and how: everything besides the text that shapes a unit's audio."""

    engine: str
    engine_version: str
    voice: str
    rate: int

    def key(self, unit: SpeechUnit) -> str:
        return unit_key(self.engine, self.engine_version, self.voice, self.rate, unit.text)


@dataclass(frozen=True)
class UnitJob:
    key: str
    text: str
    voicing: Voicing
    cache_root: str


def plausible_seconds(text: str, rate: int) -> tuple[float, float]:
    """The shortest and longest audio we accept for `text` at `rate` words per minute."""
    expected = max(1, count_words(text)) * 60.0 / rate
    return 0.25 * expected, 4.0 * expected + 3.0


# The engine of this worker process, built on first use (engines such as pyttsx3 can be
# initialised once per process only).
_engines: dict[str, object] = {}


def _engine(voicing: Voicing):
    if voicing.engine not in _engines:
        engine = create_engine(voicing.engine)
        engine.check_available()
        try:
            # The first request of a process is sometimes dropped: spend it on a word.
            engine.synthesize("Ready.", voicing.voice, voicing.rate)
        except Exception:  # noqa: BLE001 - the real requests report problems
            pass
        _engines[voicing.engine] = engine
    return _engines[voicing.engine]


def speak_batch(jobs: tuple[UnitJob, ...]) -> list[tuple[str, CachedAudio | str]]:
    """Speak each job into the cache; a job that fails gives its error as a string."""
    results: list[tuple[str, CachedAudio | str]] = []
    for job in jobs:
        v = job.voicing
        try:
            clip = _engine(v).synthesize(job.text, v.voice, v.rate)
        except Exception as exc:  # noqa: BLE001 - any engine failure is retried
            results.append((job.key, f"{type(exc).__name__}: {exc}"))
            continue
        shortest, longest = plausible_seconds(job.text, v.rate)
        if not shortest <= clip.duration <= longest:
            results.append(
                (job.key, f"{clip.duration:.2f} s of audio, expected {shortest:.2f}–{longest:.2f} s for its words")
            )
            continue
        results.append((job.key, UnitCache(Path(job.cache_root)).store(job.key, clip)))
    return results


def batches(jobs: list[UnitJob]) -> list[tuple[UnitJob, ...]]:
    out: list[tuple[UnitJob, ...]] = []
    current: list[UnitJob] = []
    words = 0
    for job in jobs:
        current.append(job)
        words += count_words(job.text)
        if words >= BATCH_WORDS:
            out.append(tuple(current))
            current, words = [], 0
    if current:
        out.append(tuple(current))
    return out
