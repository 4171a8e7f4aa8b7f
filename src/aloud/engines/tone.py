"""A tiny deterministic engine: a short tone per syllable-ish chunk of each word.

It needs nothing installed and runs in microseconds, so pipeline tests can build whole
editions quickly; its durations follow the word count like real speech does.
"""

from __future__ import annotations

import math
import struct
import zlib

from aloud.engines.base import AudioClip
from aloud.model import Voice, count_words

SAMPLE_RATE = 22050


class ToneEngine:
    name = "tone"

    def check_available(self) -> None:
        return None

    def version(self) -> str:
        return "1"

    def voices(self) -> list[Voice]:
        return [Voice("low", "Low tone", ("en",)), Voice("high", "High tone", ("en-us",))]

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        words = max(1, count_words(text))
        seconds = words * 60.0 / rate
        n = int(seconds * SAMPLE_RATE)
        base = 220.0 if voice == "low" else 440.0
        pitch = base * (1 + (zlib.crc32(text.encode()) % 12) / 24)
        word_len = max(1, n // words)
        frames = bytearray()
        for i in range(n):
            gate = 1.0 if (i % word_len) < word_len * 0.8 else 0.0
            value = gate * 0.3 * math.sin(2 * math.pi * pitch * i / SAMPLE_RATE)
            frames += struct.pack("<h", int(value * 32767))
        return AudioClip(bytes(frames), SAMPLE_RATE)
