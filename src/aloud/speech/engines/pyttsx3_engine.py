"""The default engine: pyttsx3 driving espeak-ng through its library.

pyttsx3 2.99 provides the espeak-ng binding, lists voices and sets voice and rate.
espeak-ng is initialised in its synchronous mode (pyttsx3 would start it asynchronous,
with a thread, which is four times slower for short requests). pyttsx3's run loop is not
used to speak: that loop sleeps 10 ms per request, writes the WAV
before the last chunk of audio has arrived, copies the whole buffer for every chunk,
prints "Audio saved to …" on stdout and hard-codes the synthesis flags. Instead each
request is spoken synchronously through pyttsx3's own espeak binding, into a list of
chunks, with [[phonemes]] allowed (the narration removes brackets from the book's own
text, so only pronunciation-lexicon entries use them).

espeak-ng can be initialised once per process and is not thread-safe, so the engine
lives in worker processes (see `synthesize`), one per process.
"""

from __future__ import annotations

import ctypes

try:  # imported here, so a worker that preloads this module has it ready
    import pyttsx3
except ImportError:  # pragma: no cover - a dependency of aloud; check_available says so
    pyttsx3 = None

from aloud.errors import SynthesisError, ToolMissingError
from aloud.model import Voice
from aloud.speech.engine import AudioClip

# The libraries pyttsx3's espeak driver loads, in its order.
ESPEAK_LIBRARIES = ("libespeak-ng.so.1", "/usr/local/lib/libespeak-ng.so.1", "libespeak-ng.1.dylib",
                    "/opt/homebrew/lib/libespeak-ng.1.dylib", "/usr/local/lib/libespeak-ng.1.dylib")
INSTALL_HINT = "install it with `apt-get install espeak-ng` (Debian, Ubuntu) or `brew install espeak-ng` (macOS)"


class Pyttsx3Engine:
    name = "pyttsx3"
    phonemes = True  # espeak-ng reads [[phonemes]]

    def __init__(self) -> None:
        self._engine = None
        self._sample_rate = 22050
        self._chunks: list[bytes] = []
        self._callback = False

    def check_available(self) -> None:
        for library in ESPEAK_LIBRARIES:
            try:
                ctypes.CDLL(library)
                break
            except OSError:
                continue
        else:
            raise ToolMissingError(f"espeak-ng is not installed: {INSTALL_HINT}")
        if pyttsx3 is None:
            raise ToolMissingError("the pyttsx3 package is missing: run `pip install pyttsx3`")

    def _driver(self):
        if self._engine is None:
            self.check_available()
            from pyttsx3.drivers import _espeak
            from pyttsx3.drivers import espeak as driver_module

            try:
                if not driver_module.EspeakDriver._moduleInitialized:
                    rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 1000)
                    if rate <= 0:
                        raise RuntimeError("espeak_Initialize failed")
                    self._sample_rate = rate
                    driver_module.EspeakDriver._moduleInitialized = True
                    driver_module.EspeakDriver._defaultVoice = "gmw/en"
                self._engine = pyttsx3.init("espeak")
            except Exception as exc:  # pyttsx3 raises RuntimeError and friends
                raise ToolMissingError(f"espeak-ng could not start ({exc}); {INSTALL_HINT}") from None
        return self._engine.proxy._driver

    def version(self) -> str:
        from importlib.metadata import version

        self._driver()
        from pyttsx3.drivers import _espeak

        espeak = _espeak.Info(None)
        espeak = espeak.decode() if isinstance(espeak, bytes) else str(espeak)
        return f"pyttsx3 {version('pyttsx3')} / espeak-ng {espeak}"

    def voices(self) -> list[Voice]:
        driver = self._driver()
        found = []
        for v in driver.getProperty("voices"):
            langs = tuple(str(lang) for lang in (v.languages or ()) if lang)
            found.append(Voice(id=v.id, name=v.name, languages=langs, gender=v.gender))
        return found

    def _on_audio(self, wav, numsamples, events) -> int:
        if numsamples > 0:
            self._chunks.append(ctypes.string_at(wav, numsamples * 2))
        return 0

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        driver = self._driver()
        from pyttsx3.drivers import _espeak

        if not self._callback:
            _espeak.SetSynthCallback(self._on_audio)  # pyttsx3 keeps the ctypes wrapper alive
            self._callback = True
        try:
            driver.setProperty("voice", voice)
        except ValueError:
            raise SynthesisError(f"espeak-ng has no voice {voice!r}") from None
        driver.setProperty("rate", rate)
        self._chunks = []
        flags = _espeak.ENDPAUSE | _espeak.CHARS_UTF8 | _espeak.PHONEMES
        _espeak.Synth(text.encode("utf-8"), flags=flags)  # synchronous: returns when all audio is out
        pcm = b"".join(self._chunks)
        self._chunks = []
        return AudioClip(pcm, self._sample_rate)
