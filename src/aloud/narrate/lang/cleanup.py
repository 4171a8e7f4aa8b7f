"""Cleaning a sentence before any language's rules: HTML entities, control and zero-width
characters, digits of other scripts, minus signs, runs of whitespace; HTML tags, footnote
markers and emphasis markers. And the pass runner every normalizer uses.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

Match = re.Match[str]

Replacement = str | Callable[[Match], str]
# (pattern, replacement, gate): the pass only runs when one of the gate's characters (or,
# for a tuple, substrings) is in the text; an empty gate: always. `in` on a string is far
# cheaper than a regex scan.
Pass = tuple[re.Pattern[str], Replacement, str | tuple[str, ...]]


def sub_all(text: str, passes: Iterable[Pass]) -> str:
    for pattern, replacement, gate in passes:
        if not gate or any(piece in text for piece in gate):
            text = pattern.sub(replacement, text)
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_OTHER_DIGIT = re.compile(r"[^\D0-9]")
_MINUS = re.compile("[\u2212\u2010\u2011\ufe63\uff0d]")
_FRACTION_SLASH = re.compile("[\u2044\u2215]")
SPACES = re.compile(r"\s+")
ANY_DIGIT = re.compile(r"[0-9]")
_VULGAR = re.compile(r"(?:(?<![0-9])(?P<whole>[0-9]{1,15})\s?)?\s?(?P<frac>[½¼¾⅓⅔])")


def _ascii_digit(m: Match) -> str:
    try:
        return str(unicodedata.decimal(m.group(0)))
    except ValueError:  # pragma: no cover - every \d character has a decimal value
        return " "


def _fraction(m: Match, words: Mapping[str, tuple[str, str]]) -> str:
    after_whole, alone = words[m.group("frac")]
    if m.group("whole"):
        return f"{m.group('whole')} {after_whole}"
    return f" {alone}"


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def tidy_characters(text: str, fractions: Mapping[str, tuple[str, str]] | None = None) -> str:
    """Entities decoded, control and invisible characters gone, digits and minus signs made
    ASCII, whitespace collapsed; `fractions` ("½": ("and a half", "one half")) says how the
    language reads vulgar fractions after a whole number and alone."""
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROL.sub(" ", text)
    if not text.isascii():  # O(1) in CPython
        passes: list[Pass] = [
            (_INVISIBLE, "", ""),
            (_OTHER_DIGIT, _ascii_digit, ""),
            (_MINUS, "-", ""),
            (_FRACTION_SLASH, "/", "\u2044\u2215"),
        ]
        if fractions:
            passes.append((_VULGAR, lambda m: _fraction(m, fractions), "".join(fractions)))
        text = sub_all(text, passes)
    return collapse_spaces(text)


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,500})?/?>")
_FOOTNOTE = re.compile(r"\s?\[(?:[0-9]{1,4}|[a-z]|[ivx]{1,5}|note [0-9]{1,4}|citation needed)\]")
_STAR_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=[^\s*])([^*]{1,500}?)(?<=[^\s*])\*{1,3}(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w])_{1,2}(?=[^\s_])([^_]{1,500}?)(?<=[^\s_])_{1,2}(?!\w)")
_FOOTNOTE_STAR = re.compile(r"[*†‡](?<=[\w.,;:!?’”\"')\]][*†‡])[*†‡]*")


def strip_markup(text: str) -> str:
    return sub_all(
        text,
        (
            (_TAG, " ", "<"),
            (_FOOTNOTE, "", "["),
            (_STAR_EMPHASIS, r"\1", "*"),
            (_UNDERSCORE_EMPHASIS, r"\1", "_"),
            (_FOOTNOTE_STAR, "", "*†‡"),
        ),
    )
