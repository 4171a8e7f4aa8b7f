"""A tiny deterministic engine: a short tone per word of each text.

It needs nothing installed and runs at memory speed, so pipeline tests can build whole
editions quickly; its durations follow the word count and rate like real speech does.
"""

from __future__ import annotations

import math
import struct
import zlib

from aloud.model import Voice
from aloud.speech.engine import AudioClip
from aloud.words import count_words

SAMPLE_RATE = 22050


class ToneEngine:
    name = "tone"

    def check_available(self) -> None:
        return None

    def version(self) -> str:
        return "2"

    def voices(self) -> list[Voice]:
        return [Voice("low", "Low tone", ("en",)), Voice("high", "High tone", ("en-us",))]

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        words = max(1, count_words(text))
        word_len = max(2, round(SAMPLE_RATE * 60.0 / rate))
        base = 220.0 if voice == "low" else 440.0
        pitch = base * (1 + (zlib.crc32(text.encode()) % 12) / 24)
        sounding = int(word_len * 0.8)
        tone = struct.pack(
            f"<{sounding}h", *(int(9830 * math.sin(2 * math.pi * pitch * i / SAMPLE_RATE)) for i in range(sounding))
        )
        word = tone + b"\x00\x00" * (word_len - sounding)
        return AudioClip(word * words, SAMPLE_RATE)
