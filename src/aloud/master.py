"""Master stage: a chapter's units become one PCM file with pauses, measured for loudness.

Audio is copied unit by unit straight from the cache to the chapter file, so memory does
not grow with the chapter. The gain that brings the chapter to the target loudness is
measured here and applied once, when the chapter is encoded.
"""

from __future__ import annotations

import math
import os
import wave
from collections.abc import Sequence
from pathlib import Path

from aloud import media
from aloud.config import AudioFormat, Pauses
from aloud.errors import SynthesisError
from aloud.model import Chapter, MasteredChapter, RenderedUnit, UnitTiming

COPY_FRAMES = 1 << 16


def _silence(out: wave.Wave_write, frames: int) -> None:
    block = b"\x00\x00" * min(frames, COPY_FRAMES)
    while frames > 0:
        n = min(frames, COPY_FRAMES)
        out.writeframes(block[: n * 2])
        frames -= n


def master_chapter(
    chapter: Chapter,
    units: Sequence[RenderedUnit],
    pauses: Pauses,
    audio: AudioFormat,
    wav_path: Path,
) -> MasteredChapter:
    if not units:
        raise SynthesisError(f"chapter {chapter.index} ({chapter.title}) has nothing to say")
    rates = {u.sample_rate for u in units}
    if len(rates) != 1:
        raise SynthesisError(f"chapter {chapter.index}: the engine returned mixed sample rates {sorted(rates)}")
    rate = rates.pop()
    timings: list[UnitTiming] = []
    tmp = wav_path.with_name(wav_path.name + ".part")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        position = round(pauses.chapter_head * rate)
        _silence(out, position)
        for rendered in units:
            with wave.open(str(rendered.path), "rb") as w:
                remaining = w.getnframes()
                while remaining:
                    data = w.readframes(min(remaining, COPY_FRAMES))
                    if not data:
                        break
                    out.writeframes(data)
                    remaining -= len(data) // 2
            start = position
            position += rendered.samples
            timings.append(UnitTiming(rendered.unit.index, start / rate, position / rate, rendered.unit.text))
            gap = round(rendered.unit.pause_after * rate)
            _silence(out, gap)
            position += gap
        # Room tone at the tail, then up to whole encoder frames so joined files stay in step.
        tail = round(pauses.chapter_tail * rate)
        tail += -(position + tail) % media.frame_alignment(rate, audio.mp3_sample_rate)
        _silence(out, tail)
        position += tail
    os.replace(tmp, wav_path)
    measured = media.loudness(wav_path).integrated_lufs
    gain = 0.0 if not math.isfinite(measured) or measured < -70 else audio.target_lufs - measured
    return MasteredChapter(chapter, wav_path, rate, position, tuple(timings), measured, round(gain, 2))
