"""Roman numerals, read only where they are clearly numbers (after a trigger word, or a regnal name)."""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match
from aloud.narrate.lang.en.number_words import cardinal_words, ordinal_words
from aloud.narrate.lang.en.patterns import LOOK, next_word
from aloud.narrate.lang.en.word_lists import REGNAL_NAMES, ROMAN_TRIGGERS
from aloud.roman import roman_value

_NOT_A_CONTRACTION = r"(?![\w'’](?:m|d|ll|ve|re)\b)(?!\w)"
# A standalone token of Roman-numeral letters ("IV", but also "I", "MIX", "CIVIL"); the
# words before it decide whether it is a number.
_ROMAN_TOKEN = re.compile(r"(?P<space>\s)(?P<num>[IVXLCDM]+)\b" + _NOT_A_CONTRACTION)
# Words after which a Roman numeral is an ordinal: "the XIX century".
ORDINAL_FOLLOWERS = frozenset("century centuries dynasty millennium".split())
TRIGGER_WORDS = frozenset([*ROMAN_TRIGGERS, *(t.upper() for t in ROMAN_TRIGGERS)])
REGNAL_WORDS = frozenset(REGNAL_NAMES)
_OPENING_PUNCTUATION = "(\"'“‘["


def _words_before(m: Match, count: int) -> list[str]:
    """The last `count` whitespace-separated words before the match (a short look back)."""
    words = m.string[max(0, m.start() - LOOK) : m.start()].split()
    return words[-count:]


def _roman_numeral(m: Match) -> str:
    if next_word(m).lower() in ORDINAL_FOLLOWERS:
        value = roman_value(m.group("num"))
        if value is not None and value <= 40:
            return f"{m.group('space')}{ordinal_words(str(value))}"  # "the nineteenth century"
    before = [w.lstrip(_OPENING_PUNCTUATION) for w in _words_before(m, 2)]
    if not before:
        return m.group(0)
    last, pair = before[-1], " ".join(before)
    trigger = pair if pair in TRIGGER_WORDS else last if last in TRIGGER_WORDS else ""
    if not trigger and last not in REGNAL_WORDS:
        return m.group(0)
    value = roman_value(m.group("num"))
    if value is None:
        return m.group(0)
    if not trigger:
        if value > 40:
            return m.group(0)
        return f"{m.group('space')}the {ordinal_words(str(value))}"  # "Henry the eighth"
    if m.group("num") == "I" and trigger.islower():
        return m.group(0)  # "the part I played"
    return m.group("space") + cardinal_words(str(value))  # "Chapter four"


def read_roman_numerals(text: str) -> str:
    return _ROMAN_TOKEN.sub(_roman_numeral, text)
