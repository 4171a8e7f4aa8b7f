"""The language of a text that does not say it: detected, offline.

An English text is known at once by its function words (a third of the words of English
prose are "the", "of", "and" …), so the commonest case costs nothing; any other is told
by py3langid (BSD-3-Clause: langid.py's naive Bayes model over byte n-grams, 97
languages, its model inside the wheel), from samples of the beginning, middle and end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

SAMPLE_CHARS = 6000  # of each of three places in the text
MIN_LETTERS = 20  # fewer, and there is nothing to tell a language by
MIN_LETTERS_MODEL = 100  # fewer, and a model's guess is a guess: the text is taken for English
ENGLISH_SHARE = 0.25  # of the words that are English function words, for English at once
MIN_CONFIDENCE = 0.5  # py3langid's probability below which the text's language is not known
_ENGLISH = frozenset("""the of and to a in that is was he for it with as his on be at by i had not are but from or
have an they which you were her she there would their we him been has when who will more no if out so said what up
its about into than them can only other new some could time these two may then do first any my now such like our
over man me even most made after also did many before must through back years where much your way well down should
because each just those people how too""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[\d_]+")


@dataclass(frozen=True)
class Detected:
    language: str  # ISO 639-1, as py3langid names it: "de", "fr"
    confidence: float  # 0 … 1
    how: str  # "English function words: 42 % of its words", "py3langid, 99 % sure"


def _samples(text: str) -> str:
    if len(text) <= 3 * SAMPLE_CHARS:
        return text
    middle = len(text) // 2
    return " ".join((text[:SAMPLE_CHARS], text[middle:middle + SAMPLE_CHARS], text[-SAMPLE_CHARS:]))


@cache
def _identifier():
    """py3langid's model, loaded once a process and only for a text that is not plainly English
    (its loading is most of the half second a detection takes)."""
    from py3langid import langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Detected | None:
    """The language the text is written in, or None when it is too short or unsure to tell."""
    sample = _NOISE.sub(" ", _samples(text))
    words = [w.lower() for w in _WORD.findall(sample)]
    if sum(len(w) for w in words) < MIN_LETTERS:
        return None
    english = sum(1 for w in words if w in _ENGLISH) / len(words)
    if english >= ENGLISH_SHARE:
        return Detected("en", 1.0, f"English function words: {english:.0%} of its words")
    if sum(len(w) for w in words) < MIN_LETTERS_MODEL:
        return None
    language, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return Detected(str(language), round(float(confidence), 2), f"py3langid, {confidence:.0%} sure")
