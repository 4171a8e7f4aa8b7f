"""What every language's rules share: numbers in its words (num2words), abbreviations read out
(keeping a sentence's full stop), and the last sweep that leaves no digit, address or markup
character for the voice."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from num2words import num2words

from aloud.narrate.lang.cleanup import Match, Pass, collapse_spaces, strip_markup, sub_all, tidy_characters

_MARKUP = re.compile(r"[<>{}\[\]\\|^~`_*#=/$£€¥†‡]")
_ADDRESS = re.compile(r"https?://\S+|www\.\S+")
_DIGITS = re.compile(r"\d+")
# A word run into a number ("grimm2", "B12"), not a time's hour mark ("17h30", "17u30").
_LETTERS_THEN_DIGITS = re.compile(r"(?<=[^\W\d_])(?<!\d[^\W\d_])(?=\d)")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "01234567890123456789")


def number_words(value: int | float, language: str, to: str = "cardinal") -> str:
    """`value` in the words of `language` ("de", "fr" …); digit by digit if num2words cannot."""
    try:
        return num2words(value, lang=language, to=to)
    except (OverflowError, NotImplementedError, ValueError, TypeError):  # pragma: no cover - very large numbers
        return " ".join(num2words(int(d), lang=language) for d in str(value) if d.isdigit())


def alternatives(keys: Iterable[str]) -> str:
    """A regular expression matching any of `keys`, longest first."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


# Abbreviations that are also words of their language, read out only before a name.
BEFORE_A_NAME = frozenset({"Me"})


def abbreviations(table: Mapping[str, str]) -> Callable[[str], str]:
    """A pass that reads each abbreviation of `table` out; at a sentence's end its full stop
    stays, as the sentence's own ("… usw." → "… und so weiter.")."""
    pattern = re.compile(f"(?<![\\w.])(?:{alternatives(table)})(?=\\s|$|[,;:)])")

    def said(m: Match) -> str:
        if m.group(0) in BEFORE_A_NAME and not m.string[m.end():].lstrip()[:1].isupper():
            return m.group(0)  # "Me Dupont" is Maître Dupont; "Me conseilleriez-vous" is "me"
        words = table[m.group(0)]
        at_end = m.group(0).endswith(".") and not m.string[m.end():].strip(" \"'”»«")
        return words + "." if at_end else words

    return lambda text: pattern.sub(said, text)


def sweep(text: str, language: str) -> str:
    """No digit, web address or markup character reaches the voice."""
    text = _ADDRESS.sub(" ", text).translate(_SUPERSCRIPTS)  # a "²" no rule read: "2"
    text = _DIGITS.sub(lambda m: f" {number_words(int(m.group(0)), language)} ", text)  # "grimm2": "grimm zwei"
    return collapse_spaces(_MARKUP.sub(" ", text)).replace(" ,", ",").replace(" .", ".")


# "20/11/1975": day, month and year with slashes, as French and Spanish write a date.
SLASH_DATE = re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>\d{4})(?![\d/])")


@dataclass(frozen=True)
class NumberPatterns:
    """The patterns of numbers written the continental way (a decimal comma), built once per language."""

    money: re.Pattern[str]  # "5,50 €", "€ 5", "3,99 EUR": groups unit_before, whole, cents, unit
    percent: re.Pattern[str]  # "25 %"
    decimal: re.Pattern[str]  # "3,5": groups whole, fraction
    unit: re.Pattern[str]  # "120 km/h": groups n, unit
    cardinal: re.Pattern[str]  # "1.000", "1958"
    range: re.Pattern[str]  # "10–20"
    symbol: re.Pattern[str]


def number_patterns(number: str, currencies: Iterable[str], units: Iterable[str], symbols: Iterable[str],
                    letters: str = "A-Za-zÀ-ÿ", no_cents: str = "") -> NumberPatterns:
    """The patterns for a language whose whole numbers look like `number` (a regular
    expression: "1.000" or "1 000"), with its currency and unit names; `no_cents` are what may
    stand for no cents ("12,- €")."""
    number = f"(?:{number})"  # one group: the look-arounds below hold for each of its alternatives
    cents = r"\d{2}" + "".join(f"|{re.escape(c)}" for c in no_cents)
    return NumberPatterns(
        money=re.compile(
            rf"(?:(?P<unit_before>[€$£])\s?)?(?P<whole>{number})(?:,(?P<cents>{cents}))?"
            rf"(?(unit_before)|\s?(?P<unit>{alternatives(currencies)})(?![{letters}]))"),
        percent=re.compile(r"(\d)\s?%"),
        decimal=re.compile(rf"(?<![\d.,])(?P<whole>{number}),(?P<fraction>\d+)(?![\d,])"),
        unit=re.compile(rf"(?P<n>\d)\s?(?P<unit>{alternatives(units)})(?![\w{letters}²])"),
        cardinal=re.compile(rf"(?<![\d,]){number}(?!\d)"),
        range=re.compile(r"(\d)\s?[–-]\s?(\d)"),
        symbol=re.compile(alternatives(symbols)),
    )


def decimal_words(whole: int, fraction: str, words: Callable[[int], str], comma: str) -> str:
    """"3,5" → "drei Komma fünf"; a fraction with a leading zero digit by digit ("2,05" → "… null fünf")."""
    after = " ".join(words(int(d)) for d in fraction) if fraction.startswith("0") else words(int(fraction))
    return f"{words(whole)} {comma} {after}"


def digit_by_digit(text: str, words: Callable[[int], str]) -> str | None:
    """A number with a leading zero ("007") said digit by digit; None for any other."""
    return " ".join(words(int(d)) for d in text) if text.isdigit() and text.startswith("0") and len(text) > 1 else None


def speaker(language: str, passes: Iterable[Pass], fractions: Mapping[str, tuple[str, str]] | None = None,
            abbreviated: Mapping[str, str] | None = None,
            before_number: Mapping[str, str] | None = None) -> Callable[[str], str]:
    """A language's `speakable`: the text cleaned, the words that stand before a number read
    out ("Nr. 5" → "Nummer 5"), then its abbreviations, then its `passes` in order, then the
    sweep. It never raises: should a rule fail on some unforeseen input, the sweep still runs."""
    read_abbreviations = abbreviations(abbreviated or {})
    before = re.compile(rf"(?<!\w)({alternatives(before_number)})\s?(?=\d)") if before_number else None
    passes = tuple(passes)

    def speakable(sentence: str) -> str:
        text = str(sentence or "")
        try:
            text = _LETTERS_THEN_DIGITS.sub(" ", strip_markup(tidy_characters(text, fractions)))  # "grimm2": "grimm 2"
            if before is not None:
                text = before.sub(lambda m: before_number[m.group(1)] + " ", text)
            return sweep(sub_all(read_abbreviations(text), passes), language)
        except Exception:  # pragma: no cover - defence in depth: the sweep still leaves no digit
            return sweep(text, language)

    return speakable
