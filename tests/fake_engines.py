"""Engines that misbehave on purpose, loaded by worker processes as `fake_engines:Class`.

State that must survive into a fresh worker process (e.g. "failed once already") lives
in marker files under MARKERS (workers are forked from a server started once per test
session, so they do not see environment variables set later).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from aloud.speech.engine import AudioClip
from aloud.speech.engines.tone import ToneEngine

MARKERS = Path(tempfile.gettempdir()) / f"aloud-test-markers-{os.getuid()}"


def _first_time(tag: str) -> bool:
    marker = MARKERS / tag
    try:
        marker.touch(exist_ok=False)
        return True
    except FileExistsError:
        return False


class FailsOnceEngine(ToneEngine):
    """Raises on the first request for any text containing 'FLAKY'."""

    name = "fails-once"

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        if "FLAKY" in text and _first_time("fails-once"):
            raise RuntimeError("simulated engine hiccup")
        return super().synthesize(text, voice, rate)


class SilentOnceEngine(ToneEngine):
    """Returns empty audio (as pyttsx3 sometimes does) the first time it sees 'FLAKY'."""

    name = "silent-once"

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        if "FLAKY" in text and _first_time("silent-once"):
            return AudioClip(b"", 22050)
        return super().synthesize(text, voice, rate)


class CrashesOnceEngine(ToneEngine):
    """Kills its own process (like a segfault in native code) the first time it sees 'FLAKY'."""

    name = "crashes-once"

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        if "FLAKY" in text and _first_time("crashes-once"):
            os._exit(139)
        return super().synthesize(text, voice, rate)


class AlwaysFailsEngine(ToneEngine):
    """Never manages to say 'FLAKY'."""

    name = "always-fails"

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        if "FLAKY" in text:
            raise RuntimeError("simulated permanent failure")
        return super().synthesize(text, voice, rate)


class SlowLastingEngine(ToneEngine):
    """Stateless, so its workers last for many segments (as hibari's do), and slow, so a
    build of it can be stopped half-way."""

    name = "slow-lasting"
    stateless = True

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        import time

        time.sleep(0.2)
        return super().synthesize(text, voice, rate)


class DrowsyLastingEngine(SlowLastingEngine):
    """As SlowLastingEngine, but each unit takes seconds: a worker that outlived its build
    would be seen still speaking."""

    name = "drowsy-lasting"

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        import time

        time.sleep(3)
        return super().synthesize(text, voice, rate)
