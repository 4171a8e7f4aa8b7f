"""The engine protocol every speech engine implements."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from aloud.errors import UsageError
from aloud.model import Voice
from aloud.words import counted


@dataclass(frozen=True)
class AudioClip:
    """Mono 16-bit little-endian PCM."""

    pcm: bytes
    sample_rate: int

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate


class Engine(Protocol):
    name: str
    # An engine whose output depends only on the request (not on what it said before) may
    # say `stateless = True`: a worker then keeps one engine for many segments instead of
    # starting a fresh one for each. espeak-ng is not stateless (see README, Reproducible).
    # One that reads espeak-ng phonemes between [[ and ]] says `phonemes = True`; to any other
    # the book's pronunciations are not given (and it is said once).

    def check_available(self) -> None:
        """Raise ToolMissingError, saying how to install what is missing."""

    def version(self) -> str: ...

    def voices(self) -> list[Voice]: ...

    def synthesize(self, text: str, voice: str, rate: int) -> AudioClip:
        """Speak `text` with voice id `voice` at `rate` words per minute."""
        ...


def resolve_voice(voices: list[Voice], wanted: str, engine: str = "") -> Voice:
    """Find a voice by id, language, the id's last part, or name (case-insensitive); a
    language no voice of `engine` speaks is said so, with the languages it does speak."""
    key = wanted.strip().lower()
    for match in (
        lambda v: v.id.lower() == key,
        lambda v: key in (lang.lower() for lang in v.languages),
        lambda v: v.id.lower().rsplit("/", 1)[-1] == key,
        lambda v: v.name.lower() == key,
    ):
        found = [v for v in voices if match(v)]
        if found:
            return found[0]
    if re.fullmatch(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*", key):  # a language asked for, which no voice speaks
        by_language = voice_for_language(voices, key)
        if by_language is not None:
            return by_language
        spoken = sorted({lang for v in voices for lang in v.languages})
        if 0 < len(spoken) <= 5:
            raise UsageError(f"no voice speaks {wanted!r}: {engine or 'this engine'} speaks {' and '.join(spoken)} only; "
                             "choose another --engine (`aloud voices --engine NAME` lists its voices)")
    raise UsageError(f"unknown voice {wanted!r}; `aloud voices` lists the {counted(len(voices), 'voice')} available")


def voice_for_language(voices: list[Voice], tag: str) -> Voice | None:
    """The voice for a language tag ("fr", "en-GB", "pt-BR"): one that speaks exactly that
    language, else one of its primary language ("pt-BR" → a "pt" voice); None if none does."""
    tag = tag.strip().lower().replace("_", "-")
    primary = tag.split("-", 1)[0]
    for match in (
        lambda v: tag in (lang.lower() for lang in v.languages),
        lambda v: v.id.lower().rsplit("/", 1)[-1] == tag,
        lambda v: primary in (lang.lower() for lang in v.languages),
        lambda v: v.id.lower().rsplit("/", 1)[-1] == primary,
        lambda v: any(lang.lower().split("-", 1)[0] == primary for lang in v.languages),
    ):
        found = [v for v in voices if match(v)]
        if found:
            return found[0]
    return None
