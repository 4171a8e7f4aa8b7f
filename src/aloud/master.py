"""Master stage: a segment's units become PCM with its pauses, brought to the target
loudness, and encoded once to AAC and MP3. Runs in worker processes.

Lengths are chosen so that the files join without drift: a segment's PCM is padded to
N samples, N a whole number of AAC frames, such that the AAC stream (one frame of
encoder priming + N) and the MP3 stream (LAME's delay and padding, topped up to whole
frames) decode to exactly the same length. Chapters joined from segments, and the
M4B joined from chapters, then keep every mark where its audio is.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import wave
from dataclasses import asdict, dataclass
from pathlib import Path

from aloud import media
from aloud.config import AudioFormat
from aloud.errors import SynthesisError
from aloud.model import UnitTiming
from aloud.segments import Segment

MAX_ALIGNMENT_FRAMES = 64


def aligned_length(samples: int, rate: int, mp3_rate: int) -> int:
    """The least N >= samples, a multiple of the AAC frame, for which AAC and MP3 agree."""
    frame = media.AAC_FRAME
    first = max(1, -(-samples // frame))
    for k in range(first, first + MAX_ALIGNMENT_FRAMES):
        n = k * frame
        decoded = (n + media.AAC_PRIMING_SAMPLES) * mp3_rate
        if decoded % rate == 0 and (n * mp3_rate) % rate == 0 and (decoded // rate) % media.MP3_FRAME == 0:
            return n
    raise SynthesisError(f"cannot align audio at {rate} Hz with MP3 at {mp3_rate} Hz; choose another MP3 rate")


def mp3_padding(rate: int, mp3_rate: int) -> int:
    """Silence (at the MP3 rate) after the PCM so LAME fills exactly the frames AAC needs."""
    return media.AAC_PRIMING_SAMPLES * mp3_rate // rate - media.MP3_FRAME


@dataclass(frozen=True)
class SegmentTask:
    segment: Segment
    cache_root: str
    audio: AudioFormat


@dataclass(frozen=True)
class SegmentAudio:
    key: str
    aac: str  # path of the ADTS stream in the cache
    mp3: str
    sample_rate: int
    samples: int  # decoded length: priming + padded PCM
    timings: tuple[UnitTiming, ...]  # from the start of the decoded segment
    loudness_lufs: float
    gain_db: float

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate


def segment_paths(cache_root: Path, key: str) -> tuple[Path, Path, Path]:
    folder = cache_root / "segments" / key[:2]
    return folder / f"{key}.aac", folder / f"{key}.mp3", folder / f"{key}.json"


def cached_segment(cache_root: Path, key: str) -> SegmentAudio | None:
    aac, mp3, meta = segment_paths(cache_root, key)
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (aac.is_file() and mp3.is_file()):
        return None
    data["timings"] = tuple(UnitTiming(**t) for t in data["timings"])
    return SegmentAudio(**data)


def _silence(seconds: float, rate: int) -> bytes:
    return b"\x00\x00" * round(seconds * rate)


def master_segment(task: SegmentTask) -> SegmentAudio:
    segment, audio = task.segment, task.audio
    root = Path(task.cache_root)
    pcm = bytearray()
    rate = None
    timings = []
    for n, (unit, key) in enumerate(zip(segment.units, segment.unit_keys)):
        path = root / "units" / key[:2] / f"{key}.wav"
        try:
            with wave.open(str(path), "rb") as w:
                if rate is None:
                    rate = w.getframerate()
                    pcm += _silence(segment.lead, rate)
                elif w.getframerate() != rate:
                    raise SynthesisError(f"chapter {segment.chapter}: the engine returned mixed sample rates")
                data = w.readframes(w.getnframes())
        except (OSError, wave.Error, EOFError) as exc:
            raise SynthesisError(f"chapter {segment.chapter}: the audio of “{unit.label}” is unreadable: {exc}") from None
        start = len(pcm) // 2
        pcm += data
        timings.append(UnitTiming(unit.index, start, len(pcm) // 2, unit.text))
        if n < len(segment.units) - 1:
            pcm += _silence(unit.pause_after, rate)
    assert rate is not None
    pcm += _silence(segment.tail, rate)
    padded = aligned_length(len(pcm) // 2, rate, audio.mp3_sample_rate)
    pcm += b"\x00\x00" * (padded - len(pcm) // 2)

    measured = media.loudness_of_pcm(bytes(pcm), rate)
    gain = 0.0 if not math.isfinite(measured) or measured < -70 else round(audio.target_lufs - measured, 2)
    aac, mp3, meta = segment_paths(root, segment.key)
    aac.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=aac.parent, prefix=".tmp-"))
    try:
        media.encode_segment(
            bytes(pcm),
            rate,
            gain_db=gain,
            limiter_dbfs=audio.limiter_dbfs,
            aac=tmp / aac.name,
            aac_bitrate=audio.aac_bitrate,
            mp3=tmp / mp3.name,
            mp3_bitrate=audio.mp3_bitrate,
            mp3_sample_rate=audio.mp3_sample_rate,
            mp3_padding=mp3_padding(rate, audio.mp3_sample_rate),
        )
        priming = media.AAC_PRIMING_SAMPLES
        result = SegmentAudio(
            key=segment.key,
            aac=str(aac),
            mp3=str(mp3),
            sample_rate=rate,
            samples=padded + priming,
            timings=tuple(
                UnitTiming(t.index, (t.start + priming) / rate, (t.end + priming) / rate, t.text) for t in timings
            ),
            loudness_lufs=measured,
            gain_db=gain,
        )
        os.replace(tmp / aac.name, aac)
        os.replace(tmp / mp3.name, mp3)
        data = asdict(result)
        (tmp / meta.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp / meta.name, meta)  # written last: an entry is complete once this exists
    finally:
        for leftover in tmp.iterdir():
            leftover.unlink()
        tmp.rmdir()
    return result
