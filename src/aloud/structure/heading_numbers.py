"""Number helpers shared by structure and narration."""

from __future__ import annotations

import re

from num2words import num2words

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_FORM = re.compile(r"^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman_to_int(numeral: str) -> int:
    numeral = numeral.upper()
    if not numeral or not _ROMAN_FORM.match(numeral):
        raise ValueError(f"not a Roman numeral: {numeral!r}")
    total = 0
    for a, b in zip(numeral, numeral[1:] + " "):
        value = _ROMAN[a]
        total += -value if b != " " and _ROMAN[b] > value else value
    return total


def spoken_number(value: int) -> str:
    """'one', 'twenty-three': words the engine reads as a narrator would."""
    return num2words(value).replace(",", "")


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
        try:
            return roman_to_int(text)
        except ValueError:
            return None
    word = text.lower()
    if word in _WORD_NUMBERS:
        return _WORD_NUMBERS[word]
    if word in _WORD_ORDINALS:
        return _WORD_ORDINALS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and (unit in _WORD_NUMBERS or unit in _WORD_ORDINALS):
        return _TENS[tens] + _WORD_NUMBERS.get(unit, _WORD_ORDINALS.get(unit, 0))
    return _TENS.get(word)
