"""Rendering: every segment of an edition encoded in the cache, its tasks spread over an executor.

Segments already in the cache (with the encodings this build needs) are not spoken
again. The others become tasks, longest first so that the work ends on short ones and
no core waits long on the last; each result is written to the cache as it arrives.
A segment that fails twice stops the build with an error naming its chapter and the
first words of the unit that failed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from aloud.audio.cache import SegmentAudio, SegmentCache, describe
from aloud.audio.duration_estimate import silence_of, speaker
from aloud.audio.segment_plan import Segment, SegmentPlan
from aloud.audio.segment_task import RenderedSegment, SegmentTask, render_segment
from aloud.errors import Interrupted, SynthesisError
from aloud.progress import NullProgress, Progress
from aloud.run.executor import Executor
from aloud.run.scheduler import TaskFailed, run_tasks
from aloud.settings import AudioFormat
from aloud.speech.speaking import UnitFailed, Voicing
from aloud.words import count_words

log = logging.getLogger(__name__)


def render_segments(
    segment_plan: SegmentPlan,
    voicing: Voicing,
    audio: AudioFormat,
    encodings: frozenset[str],
    cache: SegmentCache,
    executor: Executor,
    titles: Mapping[int, str],
    progress: Progress = NullProgress(),
) -> dict[str, SegmentAudio]:
    """Make sure every segment of the plan is in the cache with `encodings`; return them by key."""
    done: dict[str, SegmentAudio] = {}
    tasks: dict[str, SegmentTask] = {}
    for segment in segment_plan.all:
        cached = cache.get(segment.key)
        missing = encodings - set(cached.files) if cached else encodings
        if cached is not None and not missing:
            done[segment.key] = cached
        elif segment.key not in tasks:
            tasks[segment.key] = SegmentTask(segment, voicing, audio, frozenset(missing))
    if cache.damaged:
        log.warning("%d cached segment%s damaged (cut short or altered): made again", len(cache.damaged),
                    " was" if len(cache.damaged) == 1 else "s were")
    words = {key: sum(count_words(u.text) for u in t.segment.units) for key, t in tasks.items()}
    progress.start("render", sum(words.values()))
    if tasks:
        cache.remove_stale_temporaries()

    made = [0.0]  # seconds of audio spoken in this build

    def keep(task: SegmentTask, rendered: RenderedSegment) -> None:
        made[0] += rendered.duration
        progress.note("render", f"chapter {task.segment.chapter} · {made[0] / 60:.0f} min of audio")
        description = describe(rendered.sample_rate, rendered.samples, rendered.timings, rendered.loudness_lufs,
                               rendered.gain_db, f"{voicing.engine} {voicing.voice} {voicing.rate} wpm",
                               {**speaker(voicing), "silence": silence_of(task.segment)})
        done[rendered.key] = cache.put(rendered.key, description, dict(rendered.encoded))
        progress.advance("render", words[rendered.key])

    longest_first = sorted(tasks.values(), key=lambda t: -words[t.segment.key])
    try:
        run_tasks(longest_first, render_segment, executor, keep)
    except KeyboardInterrupt as stop:
        total = len({s.key for s in segment_plan.all})
        raise Interrupted(getattr(stop, "cause", stop), len(done), total) from None
    except TaskFailed as failed:
        raise SynthesisError(_failure(failed.task.segment, failed.reasons, titles)) from None
    progress.finish("render")
    return done


def _failure(segment: Segment, reasons: list[BaseException], titles: Mapping[int, str]) -> str:
    def reason(error: BaseException) -> str:
        if isinstance(error, UnitFailed):
            unit = segment.units[error.position]
            return f"unit {unit.index + 1} “{unit.label}”: {error.reason}"
        return f"part {segment.index + 1}: {error}"

    first, last = reason(reasons[0]), reason(reasons[-1])
    return (
        f"could not synthesize chapter {segment.chapter} ({titles.get(segment.chapter, '')}), {last}"
        + (f" (first try: {first})" if first != last else " (tried twice)")
    )
