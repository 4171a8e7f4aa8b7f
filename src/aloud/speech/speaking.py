"""Synthesize stage: the units of a segment become checked speech, in a fresh engine.

A speech engine may carry state from one request to the next (espeak-ng's pitch
flutter and noise do), so the exact samples of a unit depend on what the engine said
before it. Each segment's units are therefore spoken in order by an engine started
afresh in a process of its own: the same text always gives the same audio, which makes
editions reproducible and a resumed build identical to an uninterrupted one.
"""

from __future__ import annotations

from dataclasses import dataclass

from aloud.model import SpeechUnit
from aloud.speech.engine import AudioClip, Engine
from aloud.speech.registry import create_engine
from aloud.words import count_words


@dataclass(frozen=True)
class Voicing:
    """Who speaks, and how: everything besides the text that shapes a unit's audio."""

    engine: str
    engine_version: str
    voice: str
    rate: int
    language: str = "en"  # of the voice (BCP 47): for the text shown beside the audio

    def key(self, unit: SpeechUnit) -> str:
        from aloud.audio.cache import unit_key

        return unit_key(self.engine, self.engine_version, self.voice, self.rate, unit.text)


class UnitFailed(Exception):
    """A unit whose audio could not be made or failed its check."""

    def __init__(self, position: int, reason: str) -> None:
        super().__init__(position, reason)
        self.position = position  # index of the unit in the list asked for
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def plausible_seconds(text: str, rate: int) -> tuple[float, float]:
    """The shortest and longest audio we accept for `text` at `rate` words per minute."""
    expected = max(1, count_words(text)) * 60.0 / rate
    return 0.25 * expected, 4.0 * expected + 3.0


def takes_phonemes(engine_name: str) -> bool:
    """Whether the engine reads espeak-ng phonemes between [[ and ]] (a lexicon's, a book's)."""
    return bool(getattr(create_engine(engine_name), "phonemes", False))


def is_stateless(engine_name: str) -> bool:
    """Whether the engine's output depends only on each request, so one engine may serve many segments."""
    return bool(getattr(create_engine(engine_name), "stateless", False))


# The engines a worker process keeps, by name: only stateless ones (a loaded neural model),
# so a segment never hears what an earlier one said. Process-local; the main process
# never starts an engine for a build.
_kept_engines: dict[str, Engine] = {}


def start_engine(voicing: Voicing) -> Engine:
    kept = _kept_engines.get(voicing.engine)
    if kept is not None:
        return kept
    engine = create_engine(voicing.engine)
    engine.check_available()
    try:
        # The first request of a fresh engine is sometimes dropped: spend it on a word.
        engine.synthesize("Ready.", voicing.voice, voicing.rate)
    except Exception:  # noqa: BLE001 - the real requests report problems
        pass
    if getattr(engine, "stateless", False):
        _kept_engines[voicing.engine] = engine
    return engine


def speak(engine: Engine, units: tuple[SpeechUnit, ...], voicing: Voicing) -> list[AudioClip]:
    """Speak `units` in order; raise UnitFailed for the first that fails its check."""
    clips = []
    for position, unit in enumerate(units):
        try:
            clip = engine.synthesize(unit.text, voicing.voice, voicing.rate)
        except Exception as exc:  # noqa: BLE001 - any engine failure is retried by the caller
            raise UnitFailed(position, f"{type(exc).__name__}: {exc}") from None
        shortest, longest = plausible_seconds(unit.text, voicing.rate)
        if not shortest <= clip.duration <= longest:
            raise UnitFailed(
                position, f"{clip.duration:.2f} s of audio, expected {shortest:.2f}–{longest:.2f} s for its words"
            )
        clips.append(clip)
    return clips


def speak_units(job: tuple[tuple[SpeechUnit, ...], Voicing]) -> list[AudioClip]:
    """Start an engine and speak units with it: a task for a worker."""
    units, voicing = job
    return speak(start_engine(voicing), units, voicing)
