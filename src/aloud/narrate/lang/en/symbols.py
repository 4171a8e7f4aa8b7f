"""Symbols spoken or dropped, dashes and ellipses as pauses, the punctuation tidied, and
the final sweep that leaves no digit, URL scheme or markup character."""

from __future__ import annotations

import re
from collections.abc import Mapping

from aloud.narrate.lang.cleanup import Match, Pass, collapse_spaces, sub_all
from aloud.narrate.lang.en.capitals import OPENING_ONLY
from aloud.narrate.lang.en.number_words import DIGIT_RUN, DIGITS, spell_digits
from aloud.narrate.lang.en.patterns import LOOK

SYMBOL_WORDS: Mapping[str, str] = {
    "and/or": " and or ", "/": " or ", "&": " and ", "@": " at ", "%": " percent ",
    "‰": " per mille ", "+": " plus ", "±": " plus or minus ", "°": " degrees ", "º": " degrees ",
    "×": " times ", "÷": " divided by ", "=": " equals ", "≈": " about ", "≠": " is not ",
    "§": " section ", "¶": " paragraph ", "№": " number ", "²": " squared ", "³": " cubed ",
    "→": " to ", "[": " (", "]": ") ", "{": " (", "}": ") ",
}
_SYMBOL = re.compile(
    r"[Aa][Nn][Dd]/[Oo][Rr]|/(?<=[A-Za-z]/)(?=[A-Za-z])|[&@%‰+±°º×÷=≈≠§¶№²³→\[\]{}]"
)
# Markup characters that are never spoken.
MARKUP_CHARACTERS = "<>{}[]\\|^~`_*#="
_MARKUP = re.compile(r"[<>{}\[\]\\|^~`_*#/$£€¥₹₩₽†‡]")


# "$25/month" is "twenty-five dollars a month", "£3/person" "three pounds per person": a slash
# before one of these words is a rate, not "or".
_A_TIME = re.compile(r"(?:month|year|week|day|night|hour|minute|mo|yr|wk|hr|annum)s?\b", re.IGNORECASE)
_PER_THING = re.compile(r"(?:person|head|user|seat|unit|item|piece|page|issue|copy|ticket|share|kilo|pound|"
                        r"gallon|litre|liter|mile|word)s?\b", re.IGNORECASE)


def _symbol(m: Match) -> str:
    symbol = m.group(0).lower()
    if symbol == "/" and m.string[m.start() - 1].isupper() and m.string[m.end()].isupper():
        return " "  # "TCP/IP", "AC/DC"
    if symbol == "/" and _A_TIME.match(m.string, m.end()):
        return " a "
    if symbol == "/" and _PER_THING.match(m.string, m.end()):
        return " per "
    return SYMBOL_WORDS.get(symbol, " ")


def speak_symbols(text: str) -> str:
    text = _SYMBOL.sub(_symbol, text)
    return _MARKUP.sub(" ", text)


_ELLIPSIS = re.compile(r"(?:…|\.{3,}|\.(?: \.){2,})(?:\s?[.…])*")
# Surrounding spaces are left for the punctuation tidy-up to remove.
_PAUSE_DASH = re.compile(r"[—―–‒-](?:(?<=[—―])[—―]*|(?<=-)-+|(?<=\s.)(?=\s))")
_COMPOUND_DASH = re.compile(r"[–‒](?<=\w.)(?=\w)")
_NEXT_IS_CAPITAL = re.compile(r"\s*[\"'“‘(]*[A-Z]")


def _ellipsis(m: Match) -> str:
    if m.start() <= LOOK and OPENING_ONLY.fullmatch(m.string, 0, m.start()):
        return ""  # "…and then"
    return "… "  # a trailing-off, not a stop: the engine pauses on it, its voice level


# A dash that breaks speech off: before a closing quote, a ? or !, or the sentence's end
# ("I was just——", "Where's--?"). It stays, as one em dash, and the engine cuts off on it.
_BROKEN_OFF = re.compile(r"(?<=\w)(?:[—―]+|-{2,})(?=[?!]*[\"”’']*\s*\Z|[?!]|[\"”’'](?:\s|\Z))")
_HELD = "\u2e3a"  # the two-em dash stands in for a broken-off dash while the other dashes are read


def read_pauses(text: str) -> str:
    if "…" in text or ".." in text or ". ." in text:
        text = _ELLIPSIS.sub(_ellipsis, text)
    if "—" in text or "--" in text or "―" in text:
        text = _BROKEN_OFF.sub(_HELD, text)
    text = sub_all(text, ((_PAUSE_DASH, " , ", "—―-–‒"), (_COMPOUND_DASH, "-", "–‒")))
    return text.replace(_HELD, "—")


_TIDY: tuple[Pass, ...] = (
    (re.compile(r" +(?=[,.;:!?)…])"), "", " "),
    (re.compile(r"\( +"), "(", "("),
    (re.compile(r",(?: *,)+"), ",", ","),
    (re.compile(r", *(?=[.;:!?])"), "", ","),
    (re.compile(r"([;:!?]) *,"), r"\1", ","),
    (re.compile(r"\A *, *"), "", ","),
    (re.compile(r"([(\"“‘]) *, *"), r"\1", ","),
    (re.compile(r", *(?=[\"”’)]* *\Z)"), "", ","),
    (re.compile(r"\( *\)"), "", "("),
    (re.compile(r",(?=[A-Za-z])"), ", ", ","),
)
_HTTP = re.compile(r"http", re.IGNORECASE)
_WWW = re.compile(r"www\.", re.IGNORECASE)
_FORBIDDEN = re.compile(r"[<>{}\[\]\\|^~`_*#=]")


def tidy_punctuation(text: str) -> str:
    return collapse_spaces(sub_all(collapse_spaces(text), _TIDY))


def final_sweep(text: str) -> str:
    """Whatever slipped through: no ASCII digit, no URL scheme, no markup character."""
    text = sub_all(
        text,
        (
            (DIGIT_RUN, lambda m: f" {spell_digits(m.group(0))} ", DIGITS),
            (_FORBIDDEN, lambda m: " equals " if m.group(0) == "=" else " ", MARKUP_CHARACTERS),
        ),
    )
    lowered = text.lower()
    if "http" in lowered:
        text = _HTTP.sub(" H T T P ", text)
    if "www." in lowered:
        text = _WWW.sub(" W W W ", text)
    return collapse_spaces(text)
