"""Segments: runs of a chapter's units that are mastered, encoded and cached together.

A chapter is encoded as a few minutes at a time, so that work spreads over all cores
and an edit re-encodes only the segment around it. Segments end at paragraph ends, and
where they end is decided by the text near the cut (content-defined, as in rsync), so an
edit early in a chapter does not move every later cut. Only a paragraph too long for one
segment (a text with no paragraph breaks) is cut between its units.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from aloud.model import Edition, SpeechUnit
from aloud.settings import AudioFormat, Pauses
from aloud.words import count_words

MIN_WORDS = 700  # a segment is at least this long (about 4 min), unless its chapter is shorter
MAX_WORDS = 2000  # and cut at the first paragraph end past this (fewer, longer segments: less
# per-task overhead of starting a worker, an engine and ffmpeg; an edit re-encodes ~6 min)
HARD_MAX_WORDS = 2 * MAX_WORDS  # inside a paragraph this long, cut between units: memory stays bounded
CUT_ONE_IN = 4  # otherwise a paragraph end is a cut when its text hashes to 0 mod this
FORMAT_VERSION = 5  # bump when the way segments are mastered changes


@dataclass(frozen=True)
class Segment:
    chapter: int
    index: int  # within the chapter
    units: tuple[SpeechUnit, ...]
    unit_keys: tuple[str, ...]
    lead: float  # silence before the first unit (the chapter head, or the pause before it)
    tail: float  # silence after the last unit (its pause, plus the chapter tail if last)
    key: str


def plan_segments(
    units: Sequence[SpeechUnit], unit_keys: Sequence[str], pauses: Pauses, audio: AudioFormat
) -> list[Segment]:
    """Cut a chapter's units into segments."""
    groups: list[list[int]] = []
    current: list[int] = []
    words = 0
    for i, unit in enumerate(units):
        current.append(i)
        words += count_words(unit.text)
        at_paragraph_end = unit.pause_after >= pauses.paragraph
        if i == len(units) - 1:
            break
        if (at_paragraph_end and words >= MIN_WORDS and (
            words >= MAX_WORDS or zlib.crc32(unit.text.encode("utf-8")) % CUT_ONE_IN == 0
        )) or words >= HARD_MAX_WORDS:
            groups.append(current)
            current, words = [], 0
    if current:
        groups.append(current)
    if len(groups) > 1 and sum(count_words(units[i].text) for i in groups[-1]) < MIN_WORDS // 4:
        groups[-2].extend(groups.pop())  # no crumb of a segment at the end

    segments = []
    for n, group in enumerate(groups):
        first, last = group[0], group[-1]
        lead = pauses.chapter_head if n == 0 else units[first - 1].pause_after
        # A pause between segments is the next segment's lead, so it is counted once.
        tail = units[last].pause_after + pauses.chapter_tail if n == len(groups) - 1 else 0.0
        chosen = tuple(units[i] for i in group)
        keys = tuple(unit_keys[i] for i in group)
        pace = [u.pause_after for u in chosen[:-1]]
        blob = json.dumps([FORMAT_VERSION, keys, pace, lead, tail, asdict(audio)], sort_keys=True)
        key = hashlib.sha256(blob.encode("utf-8")).hexdigest()
        segments.append(Segment(units[0].chapter, n, chosen, keys, lead, tail, key))
    return segments


@dataclass(frozen=True)
class SegmentPlan:
    segments: dict[int, tuple[Segment, ...]]  # by chapter index

    @property
    def all(self) -> list[Segment]:
        return [s for chapter in self.segments.values() for s in chapter]


def plan_edition(
    edition: Edition, units: dict[int, tuple[SpeechUnit, ...]], unit_key, pauses: Pauses, audio: AudioFormat
) -> SegmentPlan:
    """Every chapter's segments; `unit_key` names a unit's sound (who speaks it, and how)."""
    return SegmentPlan({
        chapter.index: tuple(plan_segments(units[chapter.index], [unit_key(u) for u in units[chapter.index]], pauses, audio))
        for chapter in edition.chapters
    })
