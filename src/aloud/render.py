"""Render: every chapter's units become encoded segments, scheduled over one executor.

Speaking units and encoding segments share the workers. Work is handed out in book
order, and a segment is encoded as soon as its units are spoken, so encoding starts
while later chapters are still being spoken. Segments and units already in the cache
are not done again; a unit that fails, or whose worker died, is tried once more alone
in a fresh process.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from aloud.cache import UnitCache
from aloud.config import BuildSettings
from aloud.errors import AloudError, SynthesisError
from aloud.master import SegmentAudio, SegmentTask, cached_segment, master_segment
from aloud.model import Edition, SpeechUnit
from aloud.progress import NullProgress, Progress
from aloud.segments import Segment, plan_segments
from aloud.synthesize import UnitJob, Voicing, batches, speak_batch
from aloud.workers import Executor, LocalProcessPool, WorkerCrashed, run_alone

MAX_SEGMENT_ATTEMPTS = 2


@dataclass(frozen=True)
class RenderPlan:
    segments: dict[int, tuple[Segment, ...]]  # by chapter index

    @property
    def all(self) -> list[Segment]:
        return [s for chapter in self.segments.values() for s in chapter]


def plan(edition: Edition, units: dict[int, tuple[SpeechUnit, ...]], voicing: Voicing, settings: BuildSettings) -> RenderPlan:
    segments = {}
    for chapter in edition.chapters:
        chapter_units = units[chapter.index]
        keys = [voicing.key(u) for u in chapter_units]
        segments[chapter.index] = tuple(plan_segments(chapter_units, keys, settings.pauses, settings.audio))
    return RenderPlan(segments)


def render(
    edition: Edition,
    render_plan: RenderPlan,
    voicing: Voicing,
    settings: BuildSettings,
    cache_root: Path,
    progress: Progress = NullProgress(),
    executor_factory: Callable[[int], Executor] = LocalProcessPool,
) -> dict[str, SegmentAudio]:
    """Make sure every segment of the plan is encoded in the cache; return them by key."""
    titles = {c.index: c.title for c in edition.chapters}
    done: dict[str, SegmentAudio] = {}
    todo: list[Segment] = []
    for segment in render_plan.all:
        cached = cached_segment(cache_root, segment.key)
        if cached is not None:
            done[segment.key] = cached
        elif segment.key not in {s.key for s in todo}:
            todo.append(segment)

    units = UnitCache(cache_root)
    spoken: set[str] = set()
    jobs: dict[str, UnitJob] = {}
    unit_of: dict[str, SpeechUnit] = {}
    for segment in todo:
        for unit, key in zip(segment.units, segment.unit_keys):
            unit_of.setdefault(key, unit)
            if key in spoken or key in jobs:
                continue
            if units.lookup(key) is not None:
                spoken.add(key)
            else:
                jobs[key] = UnitJob(key, unit.text, voicing, str(cache_root))

    progress.start("synthesize", len(jobs))
    progress.start("encode", len(render_plan.all))
    progress.advance("encode", len(done))
    if not todo:
        progress.finish("synthesize")
        progress.finish("encode")
        return done

    waiting = deque(todo)  # segments whose units are not all spoken yet, in book order
    ready: deque[Segment] = deque()
    pending_batches = deque(batches(list(jobs.values())))
    attempts: dict[str, int] = {}
    in_flight: dict[Future, tuple[str, object]] = {}
    executor = executor_factory(settings.jobs)

    def promote() -> None:
        while waiting and all(k in spoken for k in waiting[0].unit_keys):
            ready.append(waiting.popleft())
        # Segments further on may be ready too (their units were cached).
        for segment in list(waiting):
            if all(k in spoken for k in segment.unit_keys):
                waiting.remove(segment)
                ready.append(segment)

    def retry_alone(key: str, first_error: str) -> None:
        outcome: object
        try:
            outcome = run_alone(speak_batch, (jobs[key],))
            result = outcome[0][1]  # type: ignore[index]
        except AloudError:
            raise
        except Exception as exc:  # noqa: BLE001 - a crash or engine error: the unit failed
            result = str(exc)
        if isinstance(result, str):
            unit = unit_of[key]
            raise SynthesisError(
                f"could not synthesize chapter {unit.chapter} ({titles.get(unit.chapter, '')}), unit {unit.index + 1} "
                f"“{unit.label}”: {result} (first try: {first_error})"
            )
        spoken.add(key)
        progress.advance("synthesize")

    def settle_batch(batch: tuple[UnitJob, ...], outcome: object) -> None:
        if isinstance(outcome, AloudError):
            raise outcome  # e.g. the engine is not installed: no retry helps
        if isinstance(outcome, BaseException):
            for job in batch:
                retry_alone(job.key, str(outcome) or type(outcome).__name__)
            return
        for key, result in outcome:  # type: ignore[union-attr]
            if isinstance(result, str):
                retry_alone(key, result)
            else:
                spoken.add(key)
                progress.advance("synthesize")

    def settle_segment(segment: Segment, outcome: object) -> None:
        if isinstance(outcome, SegmentAudio):
            done[segment.key] = outcome
            progress.advance("encode")
        elif isinstance(outcome, WorkerCrashed) and attempts[segment.key] < MAX_SEGMENT_ATTEMPTS:
            ready.appendleft(segment)
        elif isinstance(outcome, AloudError):
            raise outcome
        else:
            raise SynthesisError(
                f"could not encode chapter {segment.chapter} ({titles.get(segment.chapter, '')}), "
                f"part {segment.index + 1}: {outcome}"
            )

    try:
        promote()
        while ready or pending_batches or in_flight or waiting:
            while len(in_flight) < settings.jobs + 1 and (ready or pending_batches):
                if ready:
                    segment = ready.popleft()
                    attempts[segment.key] = attempts.get(segment.key, 0) + 1
                    task = SegmentTask(segment, str(cache_root), settings.audio)
                    in_flight[executor.submit(master_segment, task)] = ("segment", segment)
                else:
                    batch = pending_batches.popleft()
                    in_flight[executor.submit(speak_batch, batch)] = ("batch", batch)
            if not in_flight:
                if waiting:  # nothing can make progress: a unit was never scheduled
                    raise SynthesisError(f"chapter {waiting[0].chapter}: some units were never spoken")
                break
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                kind, item = in_flight.pop(future)
                try:
                    outcome: object = future.result()
                except BrokenProcessPool:
                    outcome, broken = WorkerCrashed("the worker process died"), True
                except Exception as exc:  # noqa: BLE001 - settled per task below
                    outcome = exc
                if kind == "batch":
                    settle_batch(item, outcome)  # type: ignore[arg-type]
                else:
                    settle_segment(item, outcome)  # type: ignore[arg-type]
            if broken:
                # Every task still in flight died with the pool: settle them, then go on afresh.
                for future, (kind, item) in list(in_flight.items()):
                    in_flight.pop(future)
                    if kind == "batch":
                        settle_batch(item, WorkerCrashed("the worker process died"))  # type: ignore[arg-type]
                    else:
                        ready.appendleft(item)  # type: ignore[arg-type]
                executor.restart()
            promote()
    finally:
        executor.close()
    progress.finish("synthesize")
    progress.finish("encode")
    return done
