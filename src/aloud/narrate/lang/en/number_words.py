"""English number words: cardinals, ordinals, years and digits, all worded by num2words."""

from __future__ import annotations

import re
from collections.abc import Mapping

from num2words import num2words

# Longer digit strings are read digit by digit (num2words has an upper limit and
# nobody says a 16-digit number as a cardinal anyway).
MAX_CARDINAL_DIGITS = 15
DIGITS = "0123456789"
DIGIT_RUN = re.compile(r"[0-9]+")


def _tidy_words(words: str) -> str:
    # num2words writes "eleven thousand, two hundred": the comma would make a pause.
    return words.replace(",", "")


# The words of the commonest numbers, made once by num2words (a call costs ~20 µs, and a
# long text has hundreds of thousands of numbers). Immutable tables, not caches.
SMALL_CARDINALS: tuple[str, ...] = tuple(_tidy_words(num2words(n)) for n in range(1000))
SMALL_ORDINALS: tuple[str, ...] = tuple(_tidy_words(num2words(n, to="ordinal")) for n in range(101))
FIRST_TABLED_YEAR, LAST_TABLED_YEAR = 1000, 2099
YEARS: tuple[str, ...] = tuple(
    _tidy_words(num2words(n, to="year")) for n in range(FIRST_TABLED_YEAR, LAST_TABLED_YEAR + 1)
)
DIGIT_WORDS: Mapping[str, str] = {str(d): SMALL_CARDINALS[d] for d in range(10)}


def spell_digits(digits: str) -> str:
    """'007' -> 'zero zero seven'; characters that are not ASCII digits are skipped."""
    return " ".join(DIGIT_WORDS[d] for d in digits if d in DIGIT_WORDS)


def small_int(digits: str) -> int | None:
    """The value of a digit string short enough to be read as one number, else None."""
    digits = digits.replace(",", "")
    if not digits or len(digits) > MAX_CARDINAL_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return int(digits)


def cardinal_words(digits: str) -> str:
    """'11,000' -> 'eleven thousand'; leading zeros or huge numbers are read digit by digit."""
    digits = digits.replace(",", "")
    value = small_int(digits)
    if value is None or (len(digits) > 1 and digits[0] == "0"):
        return spell_digits(digits)
    if value < len(SMALL_CARDINALS):
        return SMALL_CARDINALS[value]
    return _tidy_words(num2words(value))


def decimal_words(number: str) -> str:
    """'3.14' -> 'three point one four', '11,000' -> 'eleven thousand', '.5' -> 'zero point five'."""
    whole, dot, fraction = number.replace(",", "").partition(".")
    words = cardinal_words(whole) if whole else DIGIT_WORDS["0"]
    if dot and fraction:
        words += " point " + spell_digits(fraction)
    return words


def ordinal_words(digits: str) -> str:
    """'21' -> 'twenty-first'."""
    value = small_int(digits)
    if value is None:
        return spell_digits(digits)
    if value < len(SMALL_ORDINALS):
        return SMALL_ORDINALS[value]
    return _tidy_words(num2words(value, to="ordinal"))


def year_words(digits: str) -> str:
    """'1958' -> 'nineteen fifty-eight', '2005' -> 'two thousand and five'."""
    value = small_int(digits)
    if value is None:
        return spell_digits(digits)
    if FIRST_TABLED_YEAR <= value <= LAST_TABLED_YEAR:
        return YEARS[value - FIRST_TABLED_YEAR]
    return _tidy_words(num2words(value, to="year"))


def plural_number(words: str) -> str:
    """'nineteen ninety' -> 'nineteen nineties', 'nineteen hundred' -> 'nineteen hundreds'."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    return words + "s"


def singular_or_plural(number: str, singular: str, plural: str) -> str:
    return singular if number.replace(",", "") in ("1", "01") else plural


VULGAR_FRACTIONS: Mapping[str, tuple[str, str]] = {
    # character: (after a whole number, standing alone)
    "½": ("and a half", "one half"),
    "¼": ("and a quarter", "one quarter"),
    "¾": ("and three quarters", "three quarters"),
    "⅓": ("and a third", "one third"),
    "⅔": ("and two thirds", "two thirds"),
}
