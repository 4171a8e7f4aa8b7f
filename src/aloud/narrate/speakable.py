"""Text an engine reads as a narrator would; see `normalize` for the rules."""

from __future__ import annotations

from aloud.narrate.lang.en.normalize import speakable_text


def speakable(text: str) -> str:
    """Numbers, dates, money, abbreviations, symbols and markup made speakable.

    Angle and square brackets never survive, so text that looks like SSML or espeak
    phoneme input is read (or dropped) as text, never interpreted by the engine.
    """
    return speakable_text(text)
