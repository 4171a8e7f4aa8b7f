"""Regular-expression pieces and match helpers the English rules share.

Speed: Python's regex engine scans quickly for a pattern that starts with a literal or a
character class, and slowly (trying every position) for one that starts with an
assertion. So the "not preceded by" checks come right after the first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from aloud.narrate.lang.cleanup import Match

# A number as written in prose: "11,000", "3.14", "42" (commas only in groups of three).
NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"

# Speed: Python's regex engine scans quickly for a pattern that starts with a literal or a
# character class, and slowly (trying every position) for one that starts with an
# assertion. So the "not preceded by" checks below come right after the first character.


def first_digit(excluded: str) -> str:
    """A digit that starts a number: not preceded by any character of the class `excluded`."""
    return rf"[0-9](?<![{excluded}][0-9])"


def number_pattern(excluded: str) -> str:
    """NUM, not preceded by any character of the class `excluded`."""
    first = first_digit(excluded)
    return rf"(?:{first}(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+(?![0-9])(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?))"


def year_number(excluded: str) -> str:
    """A four-digit number 1000-2099, not preceded by any character of the class `excluded`."""
    return rf"(?:1(?<![{excluded}]1)[0-9]{{3}}|2(?<![{excluded}]2)0[0-9]{{2}})"


def word_alternation(words: Iterable[str], before: str = r"\w", positive: bool = False) -> str:
    """An alternation of literal words, longest first, each not preceded by `before`
    (or, with positive=True, preceded by it)."""
    check = "?<=" if positive else "?<!"
    escaped = (re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return "(?:" + "|".join(f"{w}({check}{before}{w})" for w in escaped) + ")"

ORD_SUFFIX = r"(?:st|nd|rd|th)"
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTH = word_alternation(MONTH_NAMES)
MONTH_ABBREVIATIONS: Mapping[str, str] = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}

# End of the sentence, possibly behind closing quotes or brackets.
_TAIL = re.compile(r"""\s*["'”’)\]]*\s*\Z""")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z'’]*)[.\-]?\s*\Z")
_NEXT_WORD = re.compile(r"\s?([A-Za-z][A-Za-z'’]*)")
LOOK = 40  # how far a callback looks around its match for a neighbouring word


def at_end(text: str, pos: int) -> bool:
    return _TAIL.match(text, pos) is not None


def prev_word(m: Match) -> str:
    found = _PREV_WORD.search(m.string, max(0, m.start() - LOOK), m.start())
    return found.group(1) if found else ""


def next_word(m: Match) -> str:
    found = _NEXT_WORD.match(m.string, m.end())
    return found.group(1) if found else ""


def keep_period(m: Match, words: str) -> str:
    """An expanded abbreviation that ended the sentence keeps its full stop."""
    if m.group(0).endswith(".") and at_end(m.string, m.end()):
        return words + "."
    return words


def capitalise_like(original: str, words: str) -> str:
    if original[:1].isupper() and words[:1].islower():
        return words[:1].upper() + words[1:]
    return words
