"""Mastering: where speech lies in a clip, how loud a segment is made, and how long its
PCM is padded so that its AAC and MP3 streams decode to exactly the same length.

Lengths are chosen so that the files join without drift: a segment's PCM is padded to
N samples, N a whole number of AAC frames, such that the AAC stream (one frame of
encoder priming + N) and the MP3 stream (LAME's delay and padding, topped up to whole
frames) decode to exactly the same length. Chapter MP3s joined from segments, and the
M4B muxed from all segments' AAC streams, then keep every mark where its audio is.
"""

from __future__ import annotations

import math
import re

from aloud.audio import ffmpeg
from aloud.errors import SynthesisError

MAX_ALIGNMENT_FRAMES = 64
SILENT_LUFS = -70.0  # quieter than this is silence: no gain is applied


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


def gain_to(target_lufs: float, measured_lufs: float) -> float:
    """The gain, in dB, that brings a segment measured at `measured_lufs` to the target."""
    if not math.isfinite(measured_lufs) or measured_lufs < SILENT_LUFS:
        return 0.0
    return round(target_lufs - measured_lufs, 2)
