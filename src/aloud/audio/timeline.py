"""Timeline: where each chapter and each written sentence lies in the assembled audio.

Times come from the audio itself: every segment records where each of its units starts
and ends in its decoded stream (see `master`), and segments follow each other without
gaps in both the M4B and the MP3s. A sentence spoken as several units (a long one cut
at its clauses) runs from the start of its first unit to the end of its last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from aloud.audio.cache import SegmentAudio
from aloud.audio.segment_plan import Segment
from aloud.model import ChapterAudio, ChapterMark, SentenceTiming, SpeechUnit


def placed(audio: SegmentAudio, segment: Segment) -> SegmentAudio:
    """A segment's audio with its timings naming the units of `segment` where it now stands.
    The cache knows a segment by what is said in it, not where: after an edit earlier in the
    chapter (a sentence added, two joined) the same audio stands at other unit indexes, and a
    passage said twice is one entry for two places."""
    return replace(audio, timings=tuple(replace(t, index=unit.index) for t, unit in zip(audio.timings, segment.units)))


def sentence_timings(audio: ChapterAudio, units: Sequence[SpeechUnit], offset: float) -> tuple[SentenceTiming, ...]:
    """The chapter's written sentences, timed from the edition's start (`offset` is the chapter's)."""
    by_index = {u.index: u for u in units}
    sentences: list[SentenceTiming] = []
    position = offset
    for segment in audio.segments:
        for timing in segment.timings:
            unit = by_index[timing.index]
            start, end = position + timing.start, position + timing.end
            if unit.written or not sentences:
                sentences.append(
                    SentenceTiming(start, end, unit.written or unit.text, unit.kind, unit.new_paragraph, ((start, end),))
                )
            else:  # the next piece of a long sentence
                last = sentences[-1]
                sentences[-1] = replace(last, end=end, parts=(*last.parts, (start, end)))
        position += segment.duration
    return tuple(sentences)


def chapter_marks(
    chapters: Sequence[ChapterAudio], units: dict[int, tuple[SpeechUnit, ...]], files: Sequence[str] | None = None
) -> list[ChapterMark]:
    """Where each chapter, and each sentence in it, lies in the joined edition; `files` are
    the chapters' MP3s (relative to the edition folder), if the edition has them."""
    marks = []
    position = 0.0
    for n, audio in enumerate(chapters):
        start = position
        position += audio.duration
        marks.append(
            ChapterMark(
                index=audio.chapter.index,
                title=audio.chapter.title,
                start=start,
                end=position,
                file=files[n] if files else "",
                word_count=audio.chapter.word_count,
                sentences=sentence_timings(audio, units[audio.chapter.index], start),
            )
        )
    return marks
