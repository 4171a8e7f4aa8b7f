"""Render: every segment of the edition encoded in the cache, spread over the workers.

Each segment not yet in the cache is one task, run in a fresh worker process (see
`synthesize` for why). A task that fails — a unit that fails its check, or a worker
that dies — is tried once more in another fresh process; a second failure stops the
build with an error naming the chapter and the unit's first words.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from aloud.audio.cache import remove_stale_temporaries
from aloud.settings import BuildSettings
from aloud.errors import AloudError, SynthesisError
from aloud.audio.mastering import SegmentAudio, SegmentTask, cached_segment, render_segment
from aloud.model import Edition, SpeechUnit
from aloud.words import count_words
from aloud.progress import NullProgress, Progress
from aloud.audio.segment_plan import Segment, plan_segments
from aloud.speech.speaking import UnitFailed, Voicing, is_stateless
from aloud.run.local_pool import Executor, LocalProcessPool, WorkerCrashed

ATTEMPTS = 2


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


def fresh_process_pool(jobs: int) -> Executor:
    return LocalProcessPool(jobs, fresh_process_per_task=True)


def lasting_process_pool(jobs: int) -> Executor:
    """Workers that serve many segments, for a stateless engine: its model is loaded once per worker."""
    return LocalProcessPool(jobs, fresh_process_per_task=False)


def render(
    edition: Edition,
    render_plan: RenderPlan,
    voicing: Voicing,
    settings: BuildSettings,
    cache_root: Path,
    progress: Progress = NullProgress(),
    executor_factory: Callable[[int], Executor] | None = None,
) -> dict[str, SegmentAudio]:
    """Make sure every segment of the plan is encoded in the cache; return them by key."""
    titles = {c.index: c.title for c in edition.chapters}
    done: dict[str, SegmentAudio] = {}
    todo: dict[str, Segment] = {}
    for segment in render_plan.all:
        cached = cached_segment(cache_root, segment.key)
        if cached is not None:
            done[segment.key] = cached
        else:
            todo.setdefault(segment.key, segment)
    words = {key: sum(count_words(u.text) for u in s.units) for key, s in todo.items()}
    progress.start("render", sum(words.values()))
    if not todo:
        progress.finish("render")
        return done
    remove_stale_temporaries(cache_root)

    # Longest first: the work then ends on short segments, so no core waits long on the last one.
    queue = sorted(todo.values(), key=lambda seg: -words[seg.key])
    failures: dict[str, list[str]] = {}
    in_flight: dict[Future, Segment] = {}
    if executor_factory is None:
        executor_factory = lasting_process_pool if is_stateless(voicing.engine) else fresh_process_pool
    executor = executor_factory(settings.jobs)

    def settle(segment: Segment, outcome: object) -> None:
        if isinstance(outcome, SegmentAudio):
            done[segment.key] = outcome
            progress.advance("render", words[segment.key])
            return
        if isinstance(outcome, AloudError):
            raise outcome  # a missing program, a full disk: trying again will not help
        if isinstance(outcome, UnitFailed):
            unit = segment.units[outcome.position]
            reason = f"unit {unit.index + 1} “{unit.label}”: {outcome.reason}"
        else:
            reason = f"part {segment.index + 1}: {outcome}"
        failures.setdefault(segment.key, []).append(reason)
        if len(failures[segment.key]) < ATTEMPTS:
            queue.insert(0, segment)
            return
        first, last = failures[segment.key][0], failures[segment.key][-1]
        raise SynthesisError(
            f"could not synthesize chapter {segment.chapter} ({titles.get(segment.chapter, '')}), {last}"
            + (f" (first try: {first})" if first != last else " (tried twice)")
        )

    # When a worker dies the whole pool goes down with it, and every task in flight fails
    # alike. Those tasks are "suspects": each is run again alone, and only a suspect that
    # kills its worker while alone is charged with the crash.
    suspects: set[str] = set()

    def submit(segment: Segment) -> None:
        task = SegmentTask(segment, voicing, str(cache_root), settings.audio)
        in_flight[executor.submit(render_segment, task)] = segment

    try:
        while queue or in_flight:
            try:
                while queue and len(in_flight) < settings.jobs:
                    if queue[0].key in suspects and in_flight:
                        break  # a suspect runs alone
                    submit(queue.pop(0))
                    if next(iter(in_flight.values())).key in suspects:
                        break
            except BrokenProcessPool:
                pass  # the pool broke between two submissions: settled below
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED) if in_flight else (set(), set())
            crashed: list[Segment] = []
            for future in finished:
                segment = in_flight.pop(future)
                try:
                    outcome: object = future.result()
                except BrokenProcessPool:
                    crashed.append(segment)
                    continue
                except Exception as exc:  # noqa: BLE001 - settled per task
                    outcome = exc
                suspects.discard(segment.key)
                settle(segment, outcome)
            if crashed or getattr(executor, "broken", False):
                crashed += list(in_flight.values())
                in_flight.clear()
                executor.restart()
                if len(crashed) == 1 and crashed[0].key in suspects:
                    suspects.discard(crashed[0].key)
                    settle(crashed[0], WorkerCrashed("the worker process died"))
                else:
                    suspects.update(s.key for s in crashed)
                    queue[:0] = crashed
    except KeyboardInterrupt:
        executor.abandon()
        raise
    finally:
        executor.close()  # after an error: let the segments in flight finish, then stop
    progress.finish("render")
    return done
