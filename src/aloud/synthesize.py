"""Synthesize stage: every `SpeechUnit` becomes checked audio in the cache.

Units are spoken in worker processes, a few per task. Each result is checked (audio
exists, its length is plausible for its words); a unit that fails, or whose worker
died, is tried again alone in a fresh process. If it fails again the build stops with
an error naming the chapter and the unit's first words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aloud.cache import CachedAudio, UnitCache, unit_key
from aloud.engines.registry import create_engine
from aloud.errors import AloudError, SynthesisError
from aloud.model import RenderedUnit, SpeechUnit, count_words
from aloud.progress import NullProgress, Progress
from aloud.workers import ProcessPool

BATCH_WORDS = 200  # words per task: large enough to amortise the hand-off


@dataclass(frozen=True)
class Voicing:
    """Who speaks, and how: everything besides the text that shapes a unit's audio."""

    engine: str
    engine_version: str
    voice: str
    rate: int


@dataclass(frozen=True)
class UnitJob:
    key: str
    text: str
    voicing: Voicing


def plausible_seconds(text: str, rate: int) -> tuple[float, float]:
    """The shortest and longest audio we accept for `text` at `rate` words per minute."""
    expected = max(1, count_words(text)) * 60.0 / rate
    return 0.25 * expected, 4.0 * expected + 3.0


# One engine per worker process, built by the pool's initializer.
_worker_state: dict[str, object] = {}


def _start_worker(engine_name: str, cache_root: str) -> None:
    engine = create_engine(engine_name)
    engine.check_available()
    _worker_state["engine"] = engine
    _worker_state["cache"] = UnitCache(Path(cache_root))
    _worker_state["warm"] = False


def _speak_batch(jobs: tuple[UnitJob, ...]) -> list[tuple[str, CachedAudio | str]]:
    engine = _worker_state["engine"]
    cache: UnitCache = _worker_state["cache"]  # type: ignore[assignment]
    results: list[tuple[str, CachedAudio | str]] = []
    for job in jobs:
        v = job.voicing
        if not _worker_state["warm"]:
            # The first request of a process is sometimes dropped: spend it on a word.
            try:
                engine.synthesize("Ready.", v.voice, v.rate)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - the real request below reports problems
                pass
            _worker_state["warm"] = True
        try:
            clip = engine.synthesize(job.text, v.voice, v.rate)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - any engine failure is retried
            results.append((job.key, f"{type(exc).__name__}: {exc}"))
            continue
        shortest, longest = plausible_seconds(job.text, v.rate)
        if not shortest <= clip.duration <= longest:
            results.append(
                (job.key, f"{clip.duration:.2f} s of audio, expected {shortest:.2f}–{longest:.2f} s for its words")
            )
            continue
        results.append((job.key, cache.store(job.key, clip)))
    return results


def _batches(jobs: list[UnitJob]) -> list[tuple[UnitJob, ...]]:
    batches: list[tuple[UnitJob, ...]] = []
    current: list[UnitJob] = []
    words = 0
    for job in jobs:
        current.append(job)
        words += count_words(job.text)
        if words >= BATCH_WORDS:
            batches.append(tuple(current))
            current, words = [], 0
    if current:
        batches.append(tuple(current))
    return batches


def synthesize_units(
    units: Sequence[SpeechUnit],
    voicing: Voicing,
    cache: UnitCache,
    jobs: int,
    chapter_titles: dict[int, str],
    progress: Progress = NullProgress(),
) -> list[RenderedUnit]:
    keys = [unit_key(voicing.engine, voicing.engine_version, voicing.voice, voicing.rate, u.text) for u in units]
    found: dict[str, CachedAudio] = {}
    todo: dict[str, UnitJob] = {}
    for unit, key in zip(units, keys):
        if key in found or key in todo:
            continue
        cached = cache.lookup(key)
        if cached is not None:
            found[key] = cached
        else:
            todo[key] = UnitJob(key, unit.text, voicing)

    progress.start("synthesize", len(units))
    progress.advance("synthesize", len(units) - len(todo))
    failures: dict[str, str] = {}
    init = (voicing.engine, str(cache.root))
    pool = ProcessPool(jobs, _start_worker, init)
    for batch, outcome in pool.run(_speak_batch, _batches(list(todo.values()))):
        if isinstance(outcome, AloudError):
            raise outcome  # the engine is missing in the worker: no retry helps
        if isinstance(outcome, BaseException):
            failures.update({job.key: str(outcome) for job in batch})
            continue
        for key, result in outcome:
            if isinstance(result, str):
                failures[key] = result
            else:
                found[key] = result
                progress.advance("synthesize")

    # A second chance, each failed unit alone in a fresh process.
    for key, first_error in failures.items():
        retry = ProcessPool(1, _start_worker, init)
        outcome = next(iter(retry.run(_speak_batch, [(todo[key],)])))[1]
        result = outcome[0][1] if isinstance(outcome, list) else str(outcome)
        if isinstance(result, str):
            unit = units[keys.index(key)]
            title = chapter_titles.get(unit.chapter, "")
            raise SynthesisError(
                f"could not synthesize chapter {unit.chapter} ({title}), unit {unit.index + 1} "
                f"“{unit.label}”: {result} (first try: {first_error})"
            )
        found[key] = result
        progress.advance("synthesize")
    progress.finish("synthesize")

    rendered = []
    for unit, key in zip(units, keys):
        audio = found[key]
        rendered.append(RenderedUnit(unit, audio.path, audio.sample_rate, audio.samples))
    return rendered
