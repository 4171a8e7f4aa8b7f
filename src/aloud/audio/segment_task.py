"""One task: a segment's units spoken, mastered and encoded. It runs on a worker.

A task carries everything it needs (the units, who speaks them, the audio format and
which encodings to make) and returns everything it made, the encoded bytes included;
it writes no file at all (ffmpeg's output comes back through pipes). The parent keeps the results in the
cache, so a worker may run on another machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from aloud.audio import ffmpeg, mastering, pcm
from aloud.audio.ffmpeg import ENCODINGS
from aloud.audio.segment_plan import Segment
from aloud.errors import SynthesisError
from aloud.model import UnitTiming
from aloud.settings import AudioFormat
from aloud.speech.speaking import Voicing, speak, start_engine


@dataclass(frozen=True)
class SegmentTask:
    segment: Segment
    voicing: Voicing
    audio: AudioFormat
    encodings: frozenset[str] = frozenset(ENCODINGS)


@dataclass(frozen=True)
class RenderedSegment:
    key: str
    sample_rate: int
    samples: int  # decoded length: priming + padded PCM
    timings: tuple[UnitTiming, ...]  # where each unit's speech is heard, from the start of the decoded segment
    loudness_lufs: float
    gain_db: float
    encoded: Mapping[str, bytes]  # by encoding

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate


def render_segment(task: SegmentTask) -> RenderedSegment:
    """Speak, master and encode one segment."""
    segment, audio = task.segment, task.audio
    clips = speak(start_engine(task.voicing), segment.units, task.voicing)
    rates = {c.sample_rate for c in clips}
    if len(rates) != 1:
        raise SynthesisError(f"chapter {segment.chapter}: the engine returned mixed sample rates {sorted(rates)}")
    rate = rates.pop()
    joined, starts = pcm.join_clips(
        [c.pcm for c in clips], [u.pause_after for u in segment.units], rate, segment.lead, segment.tail
    )
    spans = [(start + first, start + last) for start, (first, last) in
             zip(starts, (mastering.audible_span(c.pcm) for c in clips))]
    del clips  # the joined PCM holds them now; a segment's audio is kept once
    padded = mastering.aligned_length(len(joined) // 2, rate, audio.mp3_sample_rate)
    joined += b"\x00\x00" * (padded - len(joined) // 2)

    measured = ffmpeg.loudness_of_pcm(joined, rate)
    gain = mastering.gain_to(audio.target_lufs, measured)
    encoded = _encode(joined, rate, padded, gain, task)
    priming = ffmpeg.AAC_PRIMING_SAMPLES
    return RenderedSegment(
        key=segment.key,
        sample_rate=rate,
        samples=padded + priming,
        timings=tuple(
            UnitTiming(unit.index, (start + priming) / rate, (end + priming) / rate, unit.text)
            for unit, (start, end) in zip(segment.units, spans)
        ),
        loudness_lufs=measured,
        gain_db=gain,
        encoded=encoded,
    )


def _encode(joined: bytearray, rate: int, padded: int, gain: float, task: SegmentTask) -> dict[str, bytes]:
    audio, segment = task.audio, task.segment
    return ffmpeg.encode_segment(
        joined,
        rate,
        gain_db=gain,
        limiter_dbfs=audio.limiter_dbfs,
        encodings=task.encodings,
        aac_bitrate=audio.aac_bitrate,
        mp3_bitrate=audio.mp3_bitrate,
        mp3_sample_rate=audio.mp3_sample_rate,
        mp3_samples=mastering.mp3_input_samples(padded, rate, audio.mp3_sample_rate),
        label=f"chapter {segment.chapter}, part {segment.index + 1}",
    )
