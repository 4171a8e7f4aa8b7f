"""Master stage: a segment's units are spoken, joined with their pauses, brought to the
target loudness, and encoded once to AAC and MP3. Runs in worker processes.

Lengths are chosen so that the files join without drift: a segment's PCM is padded to
N samples, N a whole number of AAC frames, such that the AAC stream (one frame of
encoder priming + N) and the MP3 stream (LAME's delay and padding, topped up to whole
frames) decode to exactly the same length. Chapter MP3s joined from segments, and the
M4B muxed from all segments' AAC streams, then keep every mark where its audio is.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from aloud.audio import ffmpeg
from aloud.audio.cache import segment_files
from aloud.settings import AudioFormat
from aloud.errors import OutputError, SynthesisError
from aloud.model import UnitTiming
from aloud.audio.segment_plan import Segment
from aloud.speech.speaking import Voicing, speak, start_engine

MAX_ALIGNMENT_FRAMES = 64


def aligned_length(samples: int, rate: int, mp3_rate: int) -> int:
    """The least N >= samples, a multiple of the AAC frame, for which AAC and MP3 agree
    and the MP3's input (see `mp3_input_samples`) still holds all `samples`."""
    frame = ffmpeg.AAC_FRAME
    first = max(1, -(-samples // frame))
    for k in range(first, first + MAX_ALIGNMENT_FRAMES):
        n = k * frame
        decoded = (n + ffmpeg.AAC_PRIMING_SAMPLES) * mp3_rate
        if (
            decoded % rate == 0
            and (n * mp3_rate) % rate == 0
            and (decoded // rate) % ffmpeg.mp3_frame(mp3_rate) == 0
            and mp3_input_samples(n, rate, mp3_rate) * rate >= samples * mp3_rate
        ):
            return n
    raise SynthesisError(f"cannot align audio at {rate} Hz with MP3 at {mp3_rate} Hz; choose another MP3 rate")


def mp3_input_samples(n: int, rate: int, mp3_rate: int) -> int:
    """How many samples (at the MP3 rate) to feed LAME so that, with its delay, it fills
    exactly the frames that decode to the AAC stream's length (priming + n)."""
    decoded = (n + ffmpeg.AAC_PRIMING_SAMPLES) * mp3_rate // rate
    # LAME emits floor((input + delay) / frame) + 1 frames: aim half a frame inside the last.
    return decoded - ffmpeg.LAME_DELAY - ffmpeg.mp3_frame(mp3_rate) // 2


@dataclass(frozen=True)
class SegmentTask:
    segment: Segment
    voicing: Voicing
    cache_root: str
    audio: AudioFormat


@dataclass(frozen=True)
class SegmentAudio:
    key: str
    aac: str  # path of the ADTS stream in the cache
    mp3: str
    sample_rate: int
    samples: int  # decoded length: priming + padded PCM
    timings: tuple[UnitTiming, ...]  # where each unit's speech is heard, from the start of the decoded segment
    loudness_lufs: float
    gain_db: float

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate


def cached_segment(cache_root: Path, key: str) -> SegmentAudio | None:
    files = segment_files(cache_root, key)
    try:
        data = json.loads(files.meta.read_text(encoding="utf-8"))
        data["timings"] = tuple(UnitTiming(**t) for t in data["timings"])
        found = SegmentAudio(**data)
    except (OSError, ValueError, TypeError):
        return None
    if not (files.aac.is_file() and files.mp3.is_file()):
        return None
    return replace(found, aac=str(files.aac), mp3=str(files.mp3))  # wherever the cache is now


# A sample quieter than this (about -42 dBFS) is not speech: the bytes of a little-endian
# 16-bit sample in -256..255 end in 0x00 or 0xff, so quiet runs are found by a regex.
_QUIET_HEAD = re.compile(rb"(?:[\x00-\xff][\x00\xff])*", re.DOTALL)
_QUIET_TAIL = re.compile(rb"(?:[\x00\xff][\x00-\xff])*", re.DOTALL)  # on the reversed bytes


def audible_span(pcm: bytes) -> tuple[int, int]:
    """First and one-past-last sample of the speech in a clip: engines add silence of their own."""
    samples = len(pcm) // 2
    head = _QUIET_HEAD.match(pcm).end() // 2
    if head >= samples:
        return 0, samples  # all quiet: keep the whole clip
    tail = _QUIET_TAIL.match(pcm[::-1]).end() // 2
    return head, samples - tail


def _silence(seconds: float, rate: int) -> bytes:
    return b"\x00\x00" * round(seconds * rate)


def render_segment(task: SegmentTask) -> SegmentAudio:
    """Speak, master and encode one segment into the cache. Runs in a fresh worker process."""
    try:
        return _render_segment(task)
    except OSError as exc:  # a full disk or an unwritable cache: trying again will not help
        raise OutputError(f"cannot write to the cache {task.cache_root}: {exc.strerror or exc}") from None


def _render_segment(task: SegmentTask) -> SegmentAudio:
    segment, audio = task.segment, task.audio
    engine = start_engine(task.voicing)
    clips = speak(engine, segment.units, task.voicing)
    rates = {c.sample_rate for c in clips}
    if len(rates) != 1:
        raise SynthesisError(f"chapter {segment.chapter}: the engine returned mixed sample rates {sorted(rates)}")
    rate = rates.pop()
    pcm = bytearray(_silence(segment.lead, rate))
    timings = []
    for n, (unit, clip) in enumerate(zip(segment.units, clips)):
        offset = len(pcm) // 2
        pcm += clip.pcm
        first, last = audible_span(clip.pcm)
        timings.append((unit, offset + first, offset + last))
        if n < len(clips) - 1:
            pcm += _silence(unit.pause_after, rate)
    pcm += _silence(segment.tail, rate)
    padded = aligned_length(len(pcm) // 2, rate, audio.mp3_sample_rate)
    pcm += b"\x00\x00" * (padded - len(pcm) // 2)

    del clips  # the PCM holds them now; a segment's audio is kept once
    measured = ffmpeg.loudness_of_pcm(pcm, rate)
    gain = 0.0 if not math.isfinite(measured) or measured < -70 else round(audio.target_lufs - measured, 2)
    files = segment_files(Path(task.cache_root), segment.key)
    files.aac.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=files.aac.parent, prefix=".tmp-"))
    try:
        ffmpeg.encode_segment(
            pcm,
            rate,
            gain_db=gain,
            limiter_dbfs=audio.limiter_dbfs,
            aac=tmp / files.aac.name,
            aac_bitrate=audio.aac_bitrate,
            mp3=tmp / files.mp3.name,
            mp3_bitrate=audio.mp3_bitrate,
            mp3_sample_rate=audio.mp3_sample_rate,
            mp3_samples=mp3_input_samples(padded, rate, audio.mp3_sample_rate),
            label=f"chapter {segment.chapter}, part {segment.index + 1}",
        )
        priming = ffmpeg.AAC_PRIMING_SAMPLES
        result = SegmentAudio(
            key=segment.key,
            aac=str(files.aac),
            mp3=str(files.mp3),
            sample_rate=rate,
            samples=padded + priming,
            timings=tuple(
                UnitTiming(unit.index, (start + priming) / rate, (end + priming) / rate, unit.text)
                for unit, start, end in timings
            ),
            loudness_lufs=measured,
            gain_db=gain,
        )
        os.replace(tmp / files.aac.name, files.aac)
        os.replace(tmp / files.mp3.name, files.mp3)
        (tmp / files.meta.name).write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp / files.meta.name, files.meta)  # last: the entry is complete once this exists
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result
