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
