"""The retail sample: a few minutes of the edition in one MP3, for a shop page, a podcast
trailer or Audible's "retail sample" (ACX asks for 1–5 minutes, without the credits).

It is the opening of the first chapter with a minute of text or more (else the longest),
from just before its first sentence after the titles to the end of the last paragraph that
ends within three minutes. It starts and ends in the pauses around sentences, so its frames
are copied from the chapter's segments without re-encoding: it is the edition's own audio,
at its format and loudness. Where a pause is too short for the quiet ACX asks at a file's
head and tail, silence is added; `check` holds it to the same rules as a chapter file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from aloud.audio import ffmpeg
from aloud.audio.ffmpeg import MP3
from aloud.export.exporter import ExportContext
from aloud.export.id3 import tag_sample_mp3
from aloud.export.joins import CHAPTER_FOLDER
from aloud.model import ChapterMark, SentenceTiming

log = logging.getLogger(__name__)

LONGEST = 180.0  # seconds: "1 to 5 minutes", and a listener decides in less than that
SHORTEST = 60.0  # a chapter whose text is shorter than this is passed over, if another is longer
LEAD = 0.7  # seconds of quiet before the first sentence (ACX: 0.5 to 1 s of room tone)
TAIL = 1.5  # and after the last (ACX: 1 to 5 s)
GAP = 0.05  # kept clear of a neighbouring sentence


@dataclass(frozen=True)
class SampleSpan:
    chapter: int  # the position of the chapter among the edition's
    start: float  # seconds from the chapter's start
    end: float
    pad_head: float = 0.0  # seconds of silence to put before it, where the pause before is short
    pad_tail: float = 0.0  # and after it


def sample_span(marks: tuple[ChapterMark, ...]) -> SampleSpan | None:
    """Where the sample lies; None if the edition has no sentence of its text at all."""
    bodies = [(n, [s for s in mark.sentences if s.kind not in ("title", "announcement")]) for n, mark in enumerate(marks)]
    bodies = [(n, body) for n, body in bodies if body]
    if not bodies:
        return None
    n, body = next(((n, b) for n, b in bodies if b[-1].end - b[0].start >= SHORTEST),
                   max(bodies, key=lambda nb: nb[1][-1].end - nb[1][0].start))
    mark = marks[n]
    first, last = body[0], _last_within(body, body[0].start + LONGEST)
    before = [s.end + GAP for s in mark.sentences if s.end <= first.start]
    after = [s.start - GAP for s in mark.sentences if s.start >= last.end]
    room_before = first.start - max(before[-1] if before else mark.start, mark.start)
    room_after = min(after[0] if after else mark.end, mark.end) - last.end
    head, tail = min(LEAD, max(room_before, 0.0)), min(TAIL, max(room_after, 0.0))
    return SampleSpan(n, first.start - head - mark.start, last.end + tail - mark.start, LEAD - head, TAIL - tail)


def _last_within(body: list[SentenceTiming], until: float) -> SentenceTiming:
    """The last sentence ending a paragraph between a minute in and `until`; else the last
    sentence before `until`; else (one sentence longer than the sample) the first."""
    fits = [s for s in body if s.end <= until]
    if not fits:
        return body[0]
    long_enough = body[0].start + SHORTEST
    ends_paragraph = [s for s, following in zip(fits, [*body[1:], None])
                      if (following is None or following.new_paragraph) and s.end >= long_enough]
    return (ends_paragraph or fits)[-1]


class SampleExporter:
    name = "sample"
    encodings = frozenset({MP3})
    requires: tuple[str, ...] = ()

    def export(self, context: ExportContext) -> dict[str, str]:
        span = sample_span(context.marks)
        if span is None:  # titles only: the edition is built all the same, without a sample
            log.warning("%s: no sentence of text to make a sample of: it has none", context.edition.slug)
            return {}
        stretch = _segments_under(context.chapters[span.chapter].segments, span.start, span.end)
        source = context.work / "sample-source.mp3"
        ffmpeg.join_mp3([s.mp3 for s in stretch.segments], source, context.work)
        cut = context.work / "sample-cut.mp3"
        ffmpeg.cut_mp3(source, span.start - stretch.offset, span.end - span.start, cut)
        audio_format = context.settings.audio

        def silence(seconds: float, name: str) -> list:
            if seconds < 0.1:
                return []
            path = context.work / name
            ffmpeg.silent_mp3(seconds, path, audio_format.mp3_bitrate, audio_format.mp3_sample_rate)
            return [path]

        name = f"{CHAPTER_FOLDER}/{context.edition.slug}.sample.mp3"  # beside the other MP3s: see joins
        (context.folder / CHAPTER_FOLDER).mkdir(parents=True, exist_ok=True)
        parts = [*silence(span.pad_head, "sample-head.mp3"), cut, *silence(span.pad_tail, "sample-tail.mp3")]
        ffmpeg.join_mp3(parts, context.folder / name, context.work)
        tag_sample_mp3(context.folder / name, context.tags)
        return {"sample": name}


@dataclass(frozen=True)
class _Stretch:
    segments: tuple
    offset: float  # where the first of them starts in its chapter


def _segments_under(segments: tuple, start: float, end: float) -> _Stretch:
    """The chapter's segments the span [start, end] lies on: only those are joined to cut from."""
    position, chosen, offset = 0.0, [], 0.0
    for segment in segments:
        if position + segment.duration > start and position < end:
            if not chosen:
                offset = position
            chosen.append(segment)
        position += segment.duration
    return _Stretch(tuple(chosen or segments), offset if chosen else 0.0)
