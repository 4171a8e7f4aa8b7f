"""German: the rules a narrator of German follows, and how German books head their chapters.

"Kapitel 3", "Drittes Kapitel", "Teil II", "Vorwort", "Inhalt"; announcements in German
("Titel, von Autorin." … "Ende von Titel."); numbers, dates, money and abbreviations in
German words (`normalize`).
"""

from __future__ import annotations

import re

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.de.normalize import speakable_text, words
from aloud.narrate.sentences import split_sentences
from aloud.roman import roman_value

STOP_WORDS = frozenset(entries(__package__, "stop_words.txt"))
# Abbreviations after which a full stop does not end a sentence (lower case, without the stop).
SENTENCE_ABBREVIATIONS = frozenset("""z b d h u a usw bzw ca vgl inkl evtl ggf etc jh mio mrd tsd dr prof hr fr st str
nr s bd kap abs art chr ä abb tel""".split())
ORDINAL_WORDS = {"erstes": 1, "zweites": 2, "drittes": 3, "viertes": 4, "fünftes": 5, "sechstes": 6, "siebentes": 7,
                 "siebtes": 7, "achtes": 8, "neuntes": 9, "zehntes": 10, "elftes": 11, "zwölftes": 12}
NUMBER_WORDS = {"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
                "zehn": 10, "elf": 11, "zwölf": 12}
HEADINGS = HeadingWords(
    numbered={"kapitel": 2, "teil": 1, "buch": 1, "band": 1, "abschnitt": 2, "akt": 1, "szene": 2, "gesang": 2,
              "brief": 2},
    named=("vorwort", "einleitung", "einführung", "prolog", "epilog", "nachwort", "schluss", "anhang", "danksagung",
           "widmung", "anmerkungen", "glossar"),
    contents=("inhalt", "inhaltsverzeichnis", "inhaltsübersicht"),
    small_words=frozenset("der die das den dem des ein eine und oder von vom zu zum zur im in am an auf für mit".split()),
    front_matter="Einleitung",
    whole_text="",
    part="Teil {number}",
    notes="Anmerkungen",
    note="Anmerkung {label}",
    code="Code, {lines} Zeilen",
    code_line="Code, eine Zeile",
    stop_words=STOP_WORDS,
    turn_words=frozenset("aber doch jedoch und oder also dennoch trotzdem deshalb daher sondern allerdings "
                         "außerdem dann".split()),
    reference_words=frozenset("dies diese dieser dieses das er sie es ihr sein seine ihre".split()),
)
_ORDINAL_STOP = re.compile(r"(?<![\d.,])(\d{1,3})\. (?=\w)")
_HELD = "\ue010"


class German:
    language = "de"
    headings = HEADINGS

    def split_sentences(self, paragraph: str) -> list[str]:
        # "am 25. Mai", "der 3. Tag": a number with a full stop is an ordinal, not a sentence's end.
        held = _ORDINAL_STOP.sub(lambda m: m.group(1) + _HELD, paragraph)
        return [s.replace(_HELD, ". ") for s in split_sentences(held, SENTENCE_ABBREVIATIONS)]

    def speakable(self, sentence: str) -> str:
        return speakable_text(sentence)

    def number_words(self, value: int) -> str:
        return words(value)

    def heading_number(self, word: str) -> int | None:
        word = word.strip(".").lower()
        if word.isdigit():
            return int(word)
        if word in ORDINAL_WORDS or word in NUMBER_WORDS:
            return ORDINAL_WORDS.get(word) or NUMBER_WORDS[word]
        return roman_value(word.upper()) if word.isalpha() else None

    def opening(self, title: str, author: str) -> str:
        return f"{title}, von {author}." if author else f"{title}."

    def closing(self, title: str) -> str:
        return f"Ende von {title}."
