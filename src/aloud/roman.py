"""Roman numerals: the one reading of them that structure and narration share."""

from __future__ import annotations

import re

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_FORM = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def roman_value(numeral: str) -> int | None:
    """'XIV' -> 14; None for anything that is not a well-formed Roman numeral in capitals."""
    if not numeral or not _FORM.fullmatch(numeral):
        return None
    total = 0
    for current, following in zip(numeral, numeral[1:] + " "):
        value = _VALUES[current]
        total += -value if following != " " and _VALUES[following] > value else value
    return total
