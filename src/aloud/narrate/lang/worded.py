"""A locale that says numbers in its own words: the shape German and French (and the
languages after them) share. A language gives its `Wording` (what differs), and a class
that names it:

    class German(WordedLocale):
        wording = Wording(language="de", headings=…, speakable=speakable_text, …)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from aloud.narrate.lang import HeadingWords
from aloud.narrate.sentences import split_sentences
from aloud.roman import roman_value

_ORDINAL_STOP = re.compile(r"(?<![\d.,])(\d{1,3})\. (?=\w)")
_HELD = "\ue010"  # stands for ". " after an ordinal while a paragraph is split


@dataclass(frozen=True)
class Wording:
    language: str
    headings: HeadingWords
    speakable: Callable[[str], str]  # one sentence as the language's narrator says it
    number_words: Callable[[int], str]
    opening: str  # "{title}, von {author}."
    closing: str  # "Ende von {title}."
    # Abbreviations after which a full stop does not end a sentence (lower case, without the stop).
    sentence_abbreviations: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()  # of them, those that may open a quotation ("M. Dupont")
    heading_numbers: Mapping[str, int] = field(default_factory=dict)  # "premier": 1, "drittes": 3, "zwei": 2
    ordinal_stop: bool = False  # "am 25. Mai": a number with a full stop is an ordinal, not a sentence's end
    # A preposition and the article a title opens with, as the language joins them: {"de les": "des"}
    # turns "Fin de Les Misérables" into "Fin des Misérables".
    contractions: Mapping[str, str] = field(default_factory=dict)
    elision: tuple[str, str] = ()  # ("de", "d’"): "Fin de Émile" → "Fin d’Émile", before a vowel


class WordedLocale:
    wording: Wording

    @property
    def language(self) -> str:
        return self.wording.language

    @property
    def headings(self) -> HeadingWords:
        return self.wording.headings

    def split_sentences(self, paragraph: str) -> list[str]:
        if not self.wording.ordinal_stop:
            return split_sentences(paragraph, self.wording.sentence_abbreviations, self.wording.titles)
        held = _ORDINAL_STOP.sub(lambda m: m.group(1) + _HELD, paragraph)
        return [s.replace(_HELD, ". ") for s in split_sentences(held, self.wording.sentence_abbreviations, self.wording.titles)]

    def speakable(self, sentence: str) -> str:
        return self.wording.speakable(sentence)

    def number_words(self, value: int) -> str:
        return self.wording.number_words(value)

    def heading_number(self, word: str) -> int | None:
        word = word.strip(".").lower()
        if word.isdigit():
            return int(word)
        if word in self.wording.heading_numbers:
            return self.wording.heading_numbers[word]
        return roman_value(word.upper()) if word.isalpha() else None

    def opening(self, title: str, author: str) -> str:
        return self.wording.opening.format(title=title, author=author) if author else f"{title}."

    def closing(self, title: str) -> str:
        said = self.wording.closing.format(title=title)
        for joined, word in self.wording.contractions.items():
            preposition, article = joined.split(" ", 1)
            # The title's capital passes to its next word: "Fine di I promessi sposi" → "Fine dei Promessi sposi".
            said = re.sub(rf"\b{preposition} ({article})\s+(\w)",
                          lambda m: f"{word} {m.group(2).upper() if m.group(1)[:1].isupper() else m.group(2)}",
                          said, count=1, flags=re.IGNORECASE)
        if self.wording.elision:
            whole, elided = self.wording.elision
            said = re.sub(rf"\b{whole} (?=[AEIOUYÀÂÉÈÊËÎÏÔÛÜŒaeiouyàâéèêëîïôûüœ])", elided, said, count=1)
        return said
