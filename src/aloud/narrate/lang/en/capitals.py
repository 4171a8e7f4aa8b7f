"""ALL-CAPS: emphasis is lower-cased, acronyms stay in capitals, names in capitals are title-cased."""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match
from aloud.narrate.lang.en.patterns import LOOK
from aloud.narrate.lang.en.word_lists import ACRONYMS, AMBIGUOUS_ACRONYMS, COMMON_WORDS
from aloud.roman import roman_value

_CAPS_TOKEN = re.compile(
    r"(?P<base>[A-Z](?<![\w'’].)[A-Z]*)(?:(?P<apo>['’])(?P<suffix>[A-Za-z]{1,3}))?(?![\w'’])"
)
_CAPS_NEIGHBOUR_BEFORE = re.compile(r"([A-Za-z]+)(?:['’][A-Za-z]{1,3})?[^A-Za-z]{1,4}\Z")
_CAPS_NEIGHBOUR_AFTER = re.compile(r"[^A-Za-z]{1,4}([A-Za-z]+)")
OPENING_ONLY = re.compile(r"[\s\"'“‘(\[]*")
_AFTER_STOP = re.compile(r"(?:[.!?…]|:\s*[\"'“‘])[\s\"'“‘(\[]*\Z")
_VOWELS = frozenset("AEIOUY")
_CONSONANT_RUN = re.compile(r"[B-DF-HJ-NP-TV-XZ]{4}")
MIN_NAME_LETTERS = 5
MIN_VOWEL_RATIO = 0.3
LONG_WORD_LETTERS, LONG_WORD_VOWEL_RATIO = 7, 0.2  # "CHRISTMAS": long acronyms are rare


def is_common_word(word: str) -> bool:
    """A common English word, or a plain inflection of one ('ships', 'stopped', 'coming')."""
    w = word.lower()
    if w in COMMON_WORDS:
        return True
    candidates: list[str] = []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        candidates.append(w[:-1])
    if w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            candidates.append(w[:-3])
    if w.endswith("ing"):
        candidates += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            candidates.append(w[:-4])
    if w.endswith("ly"):
        candidates.append(w[:-2])
    if w.endswith("er") or w.endswith("est"):
        stem = w[:-2] if w.endswith("er") else w[:-3]
        candidates += [stem, stem + "e"]
    return any(len(c) >= 2 and c in COMMON_WORDS for c in candidates)


def _looks_like_a_name(letters: str) -> bool:
    if len(letters) < MIN_NAME_LETTERS or _CONSONANT_RUN.search(letters):
        return False
    vowels = sum(1 for ch in letters if ch in _VOWELS)
    ratio = MIN_VOWEL_RATIO if len(letters) < LONG_WORD_LETTERS else LONG_WORD_VOWEL_RATIO
    return vowels / len(letters) >= ratio


def _is_shouted_word(word: str) -> bool:
    return word.isupper() and word not in ACRONYMS and (len(word) == 1 or is_common_word(word))


def _shouting_around(m: Match) -> bool:
    text = m.string
    before = _CAPS_NEIGHBOUR_BEFORE.search(text, max(0, m.start() - LOOK), m.start())
    after = _CAPS_NEIGHBOUR_AFTER.match(text, m.end())
    return any(n is not None and _is_shouted_word(n.group(1)) for n in (before, after))


def _starts_sentence(m: Match) -> bool:
    start = m.start()
    if start <= LOOK and OPENING_ONLY.fullmatch(m.string, 0, start):
        return True
    return _AFTER_STOP.search(m.string, max(0, start - LOOK), start) is not None


def _recase_caps(m: Match) -> str:
    base, apostrophe, suffix = m.group("base"), m.group("apo") or "", (m.group("suffix") or "").lower()
    if len(base) < 2:
        return base + apostrophe + suffix if base == "I" and apostrophe else m.group(0)
    if base in ACRONYMS and (base not in AMBIGUOUS_ACRONYMS or not _shouting_around(m)):
        return base + apostrophe + suffix
    word = (base + apostrophe + suffix).lower()
    if is_common_word(word) or is_common_word(base):
        if _starts_sentence(m):
            word = word[:1].upper() + word[1:]
        return word
    if roman_value(base) is not None:
        return m.group(0)  # "XVIII" without a trigger: left for the engine
    if _looks_like_a_name(base):
        return base[:1] + base[1:].lower() + apostrophe + suffix
    return base + apostrophe + suffix


def recase_capitals(text: str) -> str:
    return _CAPS_TOKEN.sub(_recase_caps, text)
