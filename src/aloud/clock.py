"""Times as people and file formats write them."""

from __future__ import annotations

import math


def duration_text(seconds: float) -> str:
    """A duration for people, to the second: '4:11', '1:02:03'."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def timestamp(seconds: float, *, separator: str = ".", hour_digits: int = 2, round_down: bool = False) -> str:
    """A timestamp to the millisecond: '00:01:02.345' (WebVTT), with ',' (SRT), or with one
    hour digit and rounded down (SMIL clips, which must never end past their file)."""
    ms = math.floor(seconds * 1000 + 1e-6) if round_down else round(seconds * 1000)
    hours, ms = divmod(max(0, ms), 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:0{hour_digits}d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"
