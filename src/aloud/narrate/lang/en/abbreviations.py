"""Abbreviations: titles, saints and streets, dotted and word abbreviations, months."""

from __future__ import annotations

import re
from collections.abc import Mapping

from aloud.narrate.lang.cleanup import Match, sub_all
from aloud.narrate.lang.en.number_words import DIGITS
from aloud.narrate.lang.en.patterns import (
    MONTH_ABBREVIATIONS,
    capitalise_like,
    keep_period,
    next_word,
    prev_word,
    word_alternation,
)

TITLES: Mapping[str, str] = {
    "Dr": "Doctor", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Mx": "Mix",
    "Prof": "Professor", "Mt": "Mount", "Capt": "Captain", "Sgt": "Sergeant",
    "Lt": "Lieutenant", "Col": "Colonel", "Gen": "General", "Rev": "Reverend",
    "Revd": "Reverend", "Hon": "Honourable", "Gov": "Governor", "Sen": "Senator",
    "Rep": "Representative", "Fr": "Father", "Pres": "President", "Supt": "Superintendent",
    "Cpl": "Corporal", "Pte": "Private", "Adm": "Admiral", "Maj": "Major",
    "Messrs": "Messieurs", "Mme": "Madame", "Mlle": "Mademoiselle",
}
# Titles that British style writes without a full stop ("Mr Smith").
TITLES_WITHOUT_STOP = frozenset("Dr Mr Mrs Ms Mx Prof Mt Revd Mme Mlle Messrs Capt Sgt Lt Cpl Pte".split())
STREET_SUFFIXES: Mapping[str, str] = {
    "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Sq": "Square", "Ln": "Lane",
    "Dr": "Drive", "Pl": "Place", "Hwy": "Highway",
}
# Titles that are unambiguous when written with a full stop, whatever follows.
TITLES_ALWAYS = frozenset("Dr Mr Mrs Ms Mx Prof Messrs Mme Mlle Revd Capt Sgt Lt".split())
# Capitalised words after which "St." starts a saint's name rather than ending a street.
NOT_A_NAME = frozenset(
    "the a an in at on of from to near by for and or with via visit visited into onto outside "
    "inside behind beyond past toward towards across around called named see saw old new "
    "this that his her their our my your its is was".split()
)
# Dotted abbreviations: pattern -> words. Each pattern starts with a character class (see
# "Speed" above); "(?<!\w.)" after the first letter is a \b before it.
DOTTED_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"[Ee](?<!\w.)\.\s?[Gg]\.", "for example"),
    (r"[Ii](?<!\w.)\.\s?[Ee]\.", "that is"),
    (r"[Aa](?<!\w.)\.[Kk]\.[Aa]\.", "also known as"),
)
_DOTTED_HINT = re.compile(r"\.\s?[A-Za-z]\.")
_DOTTED_ABBREVIATION = re.compile("|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(DOTTED_ABBREVIATIONS)))
# Word abbreviations: word -> (words, needs its full stop).
WORD_ABBREVIATIONS: Mapping[str, tuple[str, bool]] = {
    "etc": ("et cetera", False), "vs": ("versus", False), "v": ("versus", True),
    "approx": ("approximately", False), "cf": ("compare", True), "viz": ("namely", True),
    "incl": ("including", True), "excl": ("excluding", True), "esp": ("especially", True),
    "Bros": ("Brothers", True), "Ltd": ("Limited", True), "Corp": ("Corporation", True),
    "Inc": ("Incorporated", True), "Dept": ("Department", True), "Univ": ("University", True),
    "Govt": ("Government", True), "Intl": ("International", True), "esq": ("Esquire", True),
}
_CAPITALISED_WORDS = [w.capitalize() for w in WORD_ABBREVIATIONS if len(w) > 1] + ["VS", "ESQ"]  # not "V."
_CAPITALISED_ABBREVIATION = re.compile(r"(?P<w>" + word_alternation(_CAPITALISED_WORDS) + r")\b(?P<dot>\.)?|&[Cc]\b\.?")
_LOWER_CASE_ABBREVIATION = re.compile(
    r"(?P<w>" + word_alternation(w for w in WORD_ABBREVIATIONS if w.islower()) + r")\b(?P<dot>\.)?"
)
# Lower-case letters are everywhere, so the lower-case pass runs only when a cheap search,
# anchored on rarer characters, finds a candidate.
_LOWER_CASE_HINT = re.compile(r"\.(?<=(?:cf|iz|cl|sp|\Wv)\.)|tc\b(?<=etc)|vs\b|rox\b(?<=approx)")
# Abbreviations read only before a number: "No. 5", "p. 5", "pp. 3-5", "Fig. 3".
NUMBER_ABBREVIATIONS: Mapping[str, str] = {
    "No": "number", "NO": "number", "no": "number", "Nos": "numbers", "nos": "numbers",
    "Fig": "figure", "fig": "figure", "Figs": "figures", "figs": "figures",
    "p": "page", "pp": "pages", "Vol": "volume", "vol": "volume", "Vols": "volumes",
    "Ch": "chapter", "ch": "chapter", "Chap": "chapter", "Sec": "section", "sec": "section",
    "Eq": "equation", "eq": "equation", "Art": "article", "ca": "circa", "c": "circa",
    "est": "established", "Est": "established", "ed": "edition", "Ed": "edition",
}
_BEFORE_NUMBER = re.compile(
    r"(?P<a>" + word_alternation(NUMBER_ABBREVIATIONS, before="[A-Za-z.]") + r")\.\s?(?=[0-9#]|[IVXLC]+\b)"
)
_NUMBER_SIGN = re.compile(r"No(?<!\wNo)(?=\s[0-9])|№\s?")
_TITLE = re.compile(r"(?P<a>" + word_alternation(list(TITLES) + [t.upper() for t in TITLES]) + r")\b(?P<dot>\.)?")
_SAINT_OR_STREET = re.compile(r"(?P<a>St|ST)(?<!\w..)(?P<dot>\.)?(?![\w'’])")
_STREET = re.compile(
    r"(?P<a>" + word_alternation(STREET_SUFFIXES, before="[A-Za-z0-9] ", positive=True) + r")\b(?P<dot>\.)?(?!['’\w])"
)
_JUNIOR = re.compile(r"(?P<a>Jr|Sr)(?<=[A-Za-z,] ..)\b\.?")
_MONTH_BEFORE_NUMBER = re.compile(r"(?P<a>" + word_alternation(MONTH_ABBREVIATIONS) + r")\b\.?(?=\s[0-9])")
_MONTH_AFTER_NUMBER = re.compile(
    r"(?P<a>" + word_alternation(MONTH_ABBREVIATIONS, before="[0-9] ", positive=True) + r")\b\.?"
)


def _is_name(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit()) and word.lower() not in NOT_A_NAME


def _title(m: Match) -> str:
    written = m.group("a")
    key = written[0] + written[1:].lower()
    if written.isupper() and not m.group("dot"):
        return m.group(0)  # "MS Word", "DR" in capitals without a stop
    if m.group("dot") and key in TITLES_ALWAYS:
        return TITLES[key]  # "Mr. and Mrs. Smith"
    if next_word(m)[:1].isupper() and (m.group("dot") or key in TITLES_WITHOUT_STOP):
        return TITLES[key]
    return m.group(0)


def _saint_or_street(m: Match) -> str:
    previous, following = prev_word(m), next_word(m)
    name_before = _is_name(previous)
    name_after = following[:1].isupper()
    if name_after and not name_before:
        return "Saint"
    if name_before or m.group("dot"):
        return keep_period(m, "Street")
    return m.group(0)


def _street(m: Match) -> str:
    if not _is_name(prev_word(m)) or next_word(m)[:1].isupper():
        return m.group(0)  # "Dr. Smith" is a title, handled next
    return keep_period(m, STREET_SUFFIXES[m.group("a")])


def _junior(m: Match) -> str:
    return keep_period(m, "Junior" if m.group("a") == "Jr" else "Senior")


def _before_number(m: Match) -> str:
    return NUMBER_ABBREVIATIONS[m.group("a")] + " "


def _dotted(m: Match) -> str:
    words = DOTTED_ABBREVIATIONS[int((m.lastgroup or "a0")[1:])][1]
    return keep_period(m, capitalise_like(m.group(0), words))


def _word_abbreviation(m: Match) -> str:
    word = m.group("w")
    if word is None:
        return keep_period(m, "et cetera")  # "&c."
    words, needs_stop = WORD_ABBREVIATIONS.get(word) or WORD_ABBREVIATIONS[word.lower()]
    if needs_stop and not m.group("dot"):
        return m.group(0)
    if word == "v" and not next_word(m)[:1].isupper():
        return m.group(0)  # only "Roe v. Wade"
    return keep_period(m, capitalise_like(word, words))


def expand_abbreviations(text: str) -> str:
    text = sub_all(
        text,
        (
            (_MONTH_BEFORE_NUMBER, lambda m: MONTH_ABBREVIATIONS[m.group("a")], DIGITS),
            (_MONTH_AFTER_NUMBER, lambda m: keep_period(m, MONTH_ABBREVIATIONS[m.group("a")]), DIGITS),
            (_BEFORE_NUMBER, _before_number, "."),
            (_NUMBER_SIGN, "number ", "N№"),
            (_STREET, _street, ""),
            (_SAINT_OR_STREET, _saint_or_street, "S"),
            (_TITLE, _title, ""),
            (_JUNIOR, _junior, "JS"),
            (_CAPITALISED_ABBREVIATION, _word_abbreviation, "ABCDEGIUV&"),
        ),
    )
    if _LOWER_CASE_HINT.search(text):
        text = _LOWER_CASE_ABBREVIATION.sub(_word_abbreviation, text)
    if _DOTTED_HINT.search(text):
        text = _DOTTED_ABBREVIATION.sub(_dotted, text)
    return text
