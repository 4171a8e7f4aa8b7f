"""Numbers in English headings: "Chapter 12", "XII", "Twelve", "the Twelfth", "Twenty-One"."""

from __future__ import annotations

import re

from aloud.roman import roman_value

_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORD_ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def parse_heading_number(text: str) -> int | None:
    """The number in a heading: 12, XII, Twelve, Twelfth, Twenty-One. None if it is not one."""
    if text.isdigit():
        return int(text)
    if re.fullmatch(r"[IVXLCDMivxlcdm]+", text):
        return roman_value(text.upper())
    word = text.lower()
    if word in _WORD_NUMBERS:
        return _WORD_NUMBERS[word]
    if word in _WORD_ORDINALS:
        return _WORD_ORDINALS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and (unit in _WORD_NUMBERS or unit in _WORD_ORDINALS):
        return _TENS[tens] + _WORD_NUMBERS.get(unit, _WORD_ORDINALS.get(unit, 0))
    return _TENS.get(word)
