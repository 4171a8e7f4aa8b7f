"""How long an edition will be, before it is spoken.

A segment already in the cache is measured: its length is known to the sample. A segment
not yet spoken is its pauses plus its words at the voice's pace, and the pace is learned
from what the same engine and voice spoke before (the cache records, for every segment, its
text, its silences and who spoke it): espeak-ng at "170 wpm" speaks nearer 155 on a
newspaper's words, and another engine is off by its own amount. With nothing of that voice
in the cache, the pace is the rate as asked, and the estimate says so. `bench/estimate.md`
measures how near it comes.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from aloud.audio.segment_plan import Segment, SegmentPlan
from aloud.speech.speaking import Voicing
from aloud.words import count_words

RECENT_ENTRIES = 400  # the most recently used entries the pace is learned from: enough, and quick to read
MIN_SEGMENTS = 3  # fewer than this of one rate, and the voice's other rates are used too


@dataclass(frozen=True)
class Pace:
    """How long a voice takes to speak a text: `per_letter` × its letters at the rate asked
    (a letter is a fifth of a word) plus `per_unit` seconds for each unit (each sentence or
    clause spoken at once: the engine's own breath around it). Letters, not words: espeak-ng
    speaks "Jiayuguan" longer than "the", and counting words is 12 % off between texts."""

    per_letter: float  # seconds spoken ÷ (letters × 12 ÷ rate)
    per_unit: float
    segments: int  # how many cached segments it was learned from
    spread: float  # how far one of them typically lies from what the pace says (0.03: 3 %)

    def seconds(self, letters: int, units: int, rate: int) -> float:
        return self.per_letter * letters * 12.0 / rate + self.per_unit * units


@dataclass(frozen=True)
class DurationEstimate:
    chapters: dict[int, float]  # seconds, by chapter index
    measured: int  # segments whose length the cache knows
    segments: int
    pace: Pace | None  # what the segments not yet spoken were estimated with; None: the rate as asked

    @property
    def seconds(self) -> float:
        return sum(self.chapters.values())

    def how_good(self) -> str:
        """One sentence on where the figure comes from and how far it may be off."""
        if self.segments and self.measured == self.segments:
            return "measured: every segment is already in the cache"
        if self.pace is None:
            rest = ("from the words alone, so it may be 10 % or more off (the cache knows nothing yet of "
                    "this voice's pace)")
        else:
            n = self.pace.segments
            rest = (f"at this voice's pace, learned from {n} cached segment{'' if n == 1 else 's'}; one segment "
                    f"is typically within {max(1, round(self.pace.spread * 100))} % of it")
            if n < FIT_BOTH_FROM:  # a text or two: another kind of text (a novel after news) reads at another pace
                rest += " (few to learn from: another kind of text may be 10 % off)"
        if not self.measured:
            return f"estimated {rest}"
        return f"{self.measured} of {self.segments} segments measured from the cache, the rest estimated {rest}"


def speaker(voicing: Voicing) -> dict:
    """Who spoke a segment, as its cache entry records it."""
    return {"engine": voicing.engine, "engine_version": voicing.engine_version, "voice_id": voicing.voice,
            "rate": voicing.rate}


def silence_of(segment: Segment) -> float:
    """The seconds of a segment that are pauses aloud puts in, not speech."""
    return segment.lead + segment.tail + sum(u.pause_after for u in segment.units[:-1])


def words_of(segment: Segment) -> int:
    return sum(count_words(u.text) for u in segment.units)


def letters_of(texts: Iterable[str]) -> int:
    return sum(len(_LETTER.findall(text)) for text in texts)


_LETTER = re.compile(r"\w")
FIT_BOTH_FROM = 6  # segments: with fewer, the time per unit is not told apart from the time per letter


def learned_pace(cache_root: Path, voicing: Voicing) -> Pace | None:
    """The pace of `voicing`'s engine and voice, from the most recently used cache entries it
    spoke: those at its rate if there are enough, else at any rate. None if there are none."""
    same_rate: list[tuple[float, int, float]] = []
    any_rate: list[tuple[float, int, float]] = []
    for description in _recent(cache_root):
        try:
            data = json.loads(description.read_text(encoding="utf-8"))
            if (data.get("engine"), data.get("engine_version"), data.get("voice_id")) != (
                    voicing.engine, voicing.engine_version, voicing.voice):
                continue
            rate = int(data["rate"])
            spoken = data["samples"] / data["sample_rate"] - float(data["silence"])
            units = len(data["timings"])
            letters = letters_of(str(t["text"]) for t in data["timings"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError, ZeroDivisionError):
            continue  # being written, from an older aloud, or damaged
        if letters <= 0 or rate <= 0 or spoken <= 0:
            continue
        row = (letters * 12.0 / rate, units, spoken)
        any_rate.append(row)
        if rate == voicing.rate:
            same_rate.append(row)
    chosen = same_rate if len(same_rate) >= MIN_SEGMENTS else any_rate
    if not chosen:
        return None
    per_letter, per_unit = _fit(chosen)
    spread = statistics.median(abs((per_letter * nominal + per_unit * units) / spoken - 1)
                               for nominal, units, spoken in chosen)
    return Pace(per_letter, per_unit, len(chosen), spread)


def _fit(rows: list[tuple[float, int, float]]) -> tuple[float, float]:
    """Least squares of spoken ≈ a × nominal + b × units; with too few rows, or an answer
    that makes no sense (a negative time), `a` alone."""
    alone = (sum(s for _, _, s in rows) / sum(n for n, _, _ in rows), 0.0)
    if len(rows) < FIT_BOTH_FROM:
        return alone
    nn = sum(n * n for n, _, _ in rows)
    nu = sum(n * u for n, u, _ in rows)
    uu = sum(u * u for _, u, _ in rows)
    ns = sum(n * s for n, _, s in rows)
    us = sum(u * s for _, u, s in rows)
    determinant = nn * uu - nu * nu
    if determinant <= 1e-9 * nn * uu:
        return alone
    a, b = (ns * uu - us * nu) / determinant, (us * nn - ns * nu) / determinant
    return (a, b) if a > 0 and b >= 0 else alone


def _recent(cache_root: Path) -> list[Path]:
    dated = []
    for description in (cache_root / "segments").glob("*/*.json"):
        try:
            dated.append((description.stat().st_mtime, description))
        except OSError:
            continue
    dated.sort(reverse=True)
    return [path for _, path in dated[:RECENT_ENTRIES]]


def estimate_duration(segment_plan: SegmentPlan, voicing: Voicing, cache_root: Path | None) -> DurationEstimate:
    """The length of every chapter of `segment_plan`; `cache_root` None: from the words alone."""
    pace = learned_pace(cache_root, voicing) if cache_root is not None and cache_root.is_dir() else None
    chapters: dict[int, float] = {}
    measured = 0
    for chapter, segments in segment_plan.segments.items():
        total = 0.0
        for segment in segments:
            known = _cached_seconds(cache_root, segment.key) if cache_root is not None else None
            if known is not None:
                measured += 1
                total += known
            elif pace is not None:
                letters = letters_of(u.text for u in segment.units)
                total += silence_of(segment) + pace.seconds(letters, len(segment.units), voicing.rate)
            else:  # the rate as asked
                total += silence_of(segment) + words_of(segment) * 60.0 / voicing.rate
        chapters[chapter] = total
    return DurationEstimate(chapters, measured, len(segment_plan.all), pace)


def _cached_seconds(cache_root: Path, key: str) -> float | None:
    """A cached segment's length, read from its description alone (nothing is touched: a plan
    does not count as a use)."""
    try:
        data = json.loads((cache_root / "segments" / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
        return data["samples"] / data["sample_rate"]
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError):
        return None
