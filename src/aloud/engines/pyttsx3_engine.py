"""The default engine: pyttsx3 driving espeak-ng through its library.

pyttsx3 2.99 prints on stdout, can be initialised once per process and is not
thread-safe, so it lives in worker processes (see `synthesize`) that silence stdout.
"""

from __future__ import annotations

import ctypes
import os
import tempfile
import wave
from pathlib import Path

from aloud.engines.base import AudioClip
from aloud.errors import SynthesisError, ToolMissingError
from aloud.model import Voice

# The libraries pyttsx3's espeak driver loads, in its order.
ESPEAK_LIBRARIES = ("libespeak-ng.so.1", "/usr/local/lib/libespeak-ng.so.1", "libespeak-ng.1.dylib",
                    "/opt/homebrew/lib/libespeak-ng.1.dylib", "/usr/local/lib/libespeak-ng.1.dylib")
INSTALL_HINT = "install it with `apt-get install espeak-ng` (Debian, Ubuntu) or `brew install espeak-ng` (macOS)"


class Pyttsx3Engine:
    name = "pyttsx3"

    def __init__(self) -> None:
        self._engine = None

    def check_available(self) -> None:
        for library in ESPEAK_LIBRARIES:
            try:
                ctypes.CDLL(library)
                break
            except OSError:
                continue
        else:
            raise ToolMissingError(f"espeak-ng is not installed: {INSTALL_HINT}")
        try:
            import pyttsx3  # noqa: F401
        except ImportError:
            raise ToolMissingError("the pyttsx3 package is missing: run `pip install pyttsx3`") from None

    def _driver(self):
        if self._engine is None:
            self.check_available()
            import pyttsx3

            try:
                self._engine = pyttsx3.init("espeak")
            except Exception as exc:  # pyttsx3 raises RuntimeError and friends
                raise ToolMissingError(f"espeak-ng could not start ({exc}); {INSTALL_HINT}") from None
            _allow_phonemes(self._engine)
        return self._engine

    def version(self) -> str:
        import pyttsx3
        from importlib.metadata import version

        self._driver()
        from pyttsx3.drivers import _espeak

        espeak = _espeak.Info(None)
        espeak = espeak.decode() if isinstance(espeak, bytes) else str(espeak)
        return f"pyttsx3 {version('pyttsx3')} / espeak-ng {espeak}"

    def voices(self) -> list[Voice]:
        engine = self._driver()
        found = []
        for v in engine.getProperty("voices"):
            langs = tuple(str(lang) for lang in (v.languages or ()) if lang)
            found.append(Voice(id=v.id, name=v.name, languages=langs, gender=v.gender))
        return found

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        engine = self._driver()
        engine.setProperty("voice", voice)
        engine.setProperty("rate", rate)
        fd, name = tempfile.mkstemp(suffix=".wav", prefix="aloud-unit-")
        os.close(fd)
        path = Path(name)
        try:
            path.unlink()
            engine.save_to_file(text, str(path))
            engine.runAndWait()
            if not path.exists():
                raise SynthesisError("espeak-ng produced no audio")
            with wave.open(str(path), "rb") as w:
                if w.getnchannels() != 1 or w.getsampwidth() != 2:
                    raise SynthesisError("espeak-ng produced audio in an unexpected format")
                return AudioClip(w.readframes(w.getnframes()), w.getframerate())
        except (wave.Error, EOFError) as exc:
            raise SynthesisError(f"espeak-ng produced a broken WAV: {exc}") from None
        finally:
            path.unlink(missing_ok=True)


def _allow_phonemes(engine) -> None:
    """Let `[[...]]` in the text be espeak phonemes (pronunciation lexicon entries).

    pyttsx3 2.99 hard-codes the flags it passes to espeak_Synth; this adds PHONEMES. The
    narration removes brackets from the book's own text, so only lexicon entries use it.
    """
    from pyttsx3.drivers import _espeak

    driver = engine.proxy._driver

    def start_synthesis(text: str) -> None:
        driver._proxy.setBusy(True)
        driver._proxy.notify("started-utterance")
        driver._speaking = True
        driver._data_buffer = b""
        flags = _espeak.ENDPAUSE | _espeak.CHARS_UTF8 | _espeak.PHONEMES
        try:
            _espeak.Synth(str(text).encode("utf-8"), flags=flags)
        except Exception as exc:
            driver._proxy.setBusy(False)
            driver._proxy.notify("error", exception=exc)
            raise

    driver._start_synthesis = start_synthesis
