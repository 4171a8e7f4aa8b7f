"""ALL-CAPS: emphasis is lower-cased, acronyms stay in capitals, names in capitals are title-cased.

espeak-ng spells a word of two or three capitals ("BEE" is "B-E-E"), so a short word in
capitals is decided one by one: a known acronym stays ("FBI"), unless it is also a word and
its place says emphasis ("benefit US with it", "Found IT!", but "the US economy"); a word
of the language, or one shaped like an English syllable with prose around it ("the busy
BEE", "EH?", "Walk-ER"), is said as a word. Capitals run into lower case ("UNkind") and a
word drawn out over a dash ("beauti--FUL") are said as the word they spell.
"""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match
from aloud.narrate.lang.en.patterns import LOOK
from aloud.narrate.lang.en.word_lists import ACRONYMS, AMBIGUOUS_ACRONYMS, COMMON_WORDS, STOP_WORDS
from aloud.roman import roman_value

_CAPS_TOKEN = re.compile(
    r"(?P<base>[A-Z](?<!\w.)(?<!\w['’].)[A-Z]*)(?:(?P<apo>['’])(?P<suffix>[A-Za-z]{1,3}))?(?![\w'’])"
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


# Before an acronym, not before a word said with emphasis: "the US", "in the IT department".
_BEFORE_AN_ACRONYM = frozenset(
    "the a an of in on at to from for by with and or our your their his her its my this that these those "
    "whose non pro anti ex vs versus across".split())
# After an acronym, not after a word said with emphasis: "US and Canada", "US is", "US will".
_AFTER_AN_ACRONYM = frozenset(
    "and or nor vs versus is are was were has have had will would can could may might must shall should "
    "does did do to said says say told".split())
# Two capitals said as a word: the interjections ("EH?", "OH!"); any other pair is more likely letters ("GE fell").
INTERJECTIONS = frozenset("eh ah oh er um ha ho hm aw ow uh".split())
_SPELLED_AROUND = frozenset({"dot", "at", "slash"})  # an address read out: "CS dot TUT dot fi"
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)(?:['’][A-Za-z]{1,3})?[^A-Za-z.!?;:]{0,3}\Z")  # "UN's": "UN"
_NEXT_WORD = re.compile(r"[\s\"'”’]*([A-Za-z]+)")
# A syllable English could spell: an onset, one vowel or a common pair of them, a coda.
_SYLLABLE = re.compile(
    r"(?:[bcdfghjklmnpqrstvwxz]|bl|br|ch|cl|cr|dr|fl|fr|gl|gr|pl|pr|sc|sh|sk|sl|sm|sn|sp|st|sw|th|tr|tw|wh|wr)?"
    r"(?:[aeiou]|ee|ea|oo|ou|oa|ai|ay|ey|oi|oy|au|aw|ow|ew|ie|ue)"
    r"(?:[bcdfghjklmnprstvwxyz]|ck|ft|ld|lf|lk|lm|lp|lt|mp|nd|ng|nk|nt|pt|rb|rd|rk|rm|rn|rt|sh|sk|sp|st|th|ch|ll|ss|ff)?")


def _emphasis_here(m: Match) -> bool:
    """Whether an acronym that is also a word ("US", "IT") is the word said with emphasis
    where it stands: after a word that is not "the" or "in", and before a small word that is
    no verb of its own or the sentence's end ("benefit US with it", "Found IT!", "tell US,";
    not "the US economy", "US officials", "US and Canada", "said US would")."""
    rest = m.string[m.end():]
    if re.match(r"\s*&", rest):
        return False
    after = _NEXT_WORD.match(m.string, m.end())
    next_word = after.group(1) if after and not re.match(r"\s*[.!?,;:]", rest) else ""
    if next_word and (next_word.lower() not in STOP_WORDS or next_word[0].isupper()
                      or next_word.lower() in _AFTER_AN_ACRONYM):
        return False
    before = _PREVIOUS_WORD.search(m.string, max(0, m.start() - LOOK), m.start())
    if before is None:
        return False  # "US is the largest economy", "IT was": the acronym, unless shouted
    return before.group(1).lower() not in _BEFORE_AN_ACRONYM and not before.group(1).isupper()


def _said_as_a_word(m: Match, base: str) -> bool:
    """A short run of capitals that is no acronym aloud knows, with prose around it and the
    shape of an English syllable ("BEE", "EH", "ER" of "Walk-ER"): a word, not letters."""
    if len(base) > (4 if _shouting_around(m) else 3) or not _SYLLABLE.fullmatch(base.lower()) or roman_value(base):
        return False  # "LI" is a number, however it is shouted
    if m.start() > 1 and m.string[m.start() - 1] == "-" and m.string[m.start() - 2:m.start() - 1].islower():
        return True  # the end of a word drawn out: "Walk-ER" (not "CD-ROM")
    if len(base) == 2 and base.lower() not in INTERJECTIONS:
        return False
    before = _CAPS_NEIGHBOUR_BEFORE.search(m.string, max(0, m.start() - LOOK), m.start())
    after = _CAPS_NEIGHBOUR_AFTER.match(m.string, m.end())
    if any(w is not None and w.group(1).lower() in _SPELLED_AROUND for w in (before, after)):
        return False
    if _shouting_around(m):
        return True  # "HOW DOTH THE LITTLE BUSY BEE"
    if before is not None and before.group(1).lower() in _BEFORE_AN_ACRONYM:
        return False  # "the SAS", "an SUV": more likely letters
    if before is None and not re.match(r"[?!.,;:'\"”’]", m.string[m.end():m.end() + 1]):
        return False  # "SAP shares fell": opening a sentence, a word only as an exclamation ("EH?")
    neighbours = [w.group(1) for w in (before, after) if w is not None]
    return bool(neighbours) and all(not w.isupper() for w in neighbours) and any(w.islower() for w in neighbours)


def _recase_caps(m: Match) -> str:
    base, apostrophe, suffix = m.group("base"), m.group("apo") or "", (m.group("suffix") or "").lower()
    if len(base) < 2:
        return base + apostrophe + suffix if base == "I" and apostrophe else m.group(0)
    if base in ACRONYMS and (base not in AMBIGUOUS_ACRONYMS or not (_shouting_around(m) or _emphasis_here(m))):
        return base + apostrophe + suffix
    word = (base + apostrophe + suffix).lower()
    if is_common_word(word) or is_common_word(base) or (base not in ACRONYMS and _said_as_a_word(m, base)):
        if _starts_sentence(m):
            word = word[:1].upper() + word[1:]
        return word
    if roman_value(base) is not None:
        return m.group(0)  # "XVIII" without a trigger: left for the engine
    if _looks_like_a_name(base):
        return base[:1] + base[1:].lower() + apostrophe + suffix
    return base + apostrophe + suffix


# Capitals run into lower case: "UNkind", "DIStrust" (not "IDs", "McDONALD", "iPhone").
_CAPS_INTO_LOWER = re.compile(r"(?P<caps>[A-Z](?<![\w'’].)[A-Z]{1,3})(?P<rest>[a-z]{2,})(?![\w'’])")
# A word drawn out over a dash: "beauti--FUL", "wonder—FUL" ("spot--say" are two words).
_DRAWN_OUT = re.compile(r"(?P<left>[A-Za-z](?<![\w'’].)[a-z]{1,12})(?:--|—)(?P<right>[A-Za-z]{2,12})(?![\w'’])")


def _caps_into_lower(m: Match) -> str:
    word = m.group(0).lower()
    return word if is_common_word(word) else m.group(0)


def _drawn_out(m: Match) -> str:
    left, right = m.group("left"), m.group("right")
    word = (left + right).lower()
    if is_common_word(left) or not is_common_word(word) or (right.isupper() is False and right[0].isupper()):
        return m.group(0)  # two words with a dash between ("spot--say"), or a name after it
    return left + right.lower()


def recase_capitals(text: str) -> str:
    if "--" in text or "—" in text:
        text = _DRAWN_OUT.sub(_drawn_out, text)
    text = _CAPS_INTO_LOWER.sub(_caps_into_lower, text)
    return _CAPS_TOKEN.sub(_recase_caps, text)
