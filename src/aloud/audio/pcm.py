"""PCM: mono 16-bit little-endian samples, joined with pauses, and written as WAV."""

from __future__ import annotations

import os
import wave
from collections.abc import Sequence
from pathlib import Path

from aloud.errors import OutputError

SAMPLE_BYTES = 2


def silence(seconds: float, rate: int) -> bytes:
    return b"\x00\x00" * round(seconds * rate)


def join_clips(
    clips: Sequence[bytes], pauses: Sequence[float], rate: int, lead: float = 0.0, tail: float = 0.0
) -> tuple[bytearray, list[int]]:
    """The clips in order, `pauses[n]` seconds of silence after each but the last, `lead`
    before the first and `tail` after the last; and the sample where each clip starts."""
    pcm = bytearray(silence(lead, rate))
    starts = []
    for n, clip in enumerate(clips):
        starts.append(len(pcm) // SAMPLE_BYTES)
        pcm += clip
        if n < len(clips) - 1:
            pcm += silence(pauses[n], rate)
    pcm += silence(tail, rate)
    return pcm, starts


def write_wav(path: Path, pcm: bytes | bytearray, rate: int) -> float:
    """A mono WAV file, complete or not at all; returns its duration in seconds."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(SAMPLE_BYTES)
            w.setframerate(rate)
            w.writeframes(bytes(pcm))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return len(pcm) / SAMPLE_BYTES / rate
