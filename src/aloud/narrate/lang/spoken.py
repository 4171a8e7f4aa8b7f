"""What every language's rules share: numbers in its words (num2words), abbreviations read out
(keeping a sentence's full stop), and the last sweep that leaves no digit, address or markup
character for the voice."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from num2words import num2words

from aloud.narrate.lang.cleanup import Match, collapse_spaces

_MARKUP = re.compile(r"[<>{}\[\]\\|^~`_*#=/$£€¥†‡]")
_ADDRESS = re.compile(r"https?://\S+|www\.\S+")
_DIGITS = re.compile(r"\d+")


def number_words(value: int | float, language: str, to: str = "cardinal") -> str:
    """`value` in the words of `language` ("de", "fr" …); digit by digit if num2words cannot."""
    try:
        return num2words(value, lang=language, to=to)
    except (OverflowError, NotImplementedError, ValueError, TypeError):  # pragma: no cover - very large numbers
        return " ".join(num2words(int(d), lang=language) for d in str(value) if d.isdigit())


def alternatives(keys: Iterable[str]) -> str:
    """A regular expression matching any of `keys`, longest first."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def abbreviations(table: Mapping[str, str]) -> Callable[[str], str]:
    """A pass that reads each abbreviation of `table` out; at a sentence's end its full stop
    stays, as the sentence's own ("… usw." → "… und so weiter.")."""
    pattern = re.compile(f"(?<![\\w.])(?:{alternatives(table)})(?=\\s|$|[,;:)])")

    def said(m: Match) -> str:
        words = table[m.group(0)]
        at_end = m.group(0).endswith(".") and not m.string[m.end():].strip(" \"'”»«")
        return words + "." if at_end else words

    return lambda text: pattern.sub(said, text)


def sweep(text: str, language: str) -> str:
    """No digit, web address or markup character reaches the voice."""
    text = _ADDRESS.sub(" ", text)
    text = _DIGITS.sub(lambda m: number_words(int(m.group(0)), language), text)
    return collapse_spaces(_MARKUP.sub(" ", text)).replace(" ,", ",").replace(" .", ".")
