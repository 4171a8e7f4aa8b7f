"""German: the rules a narrator of German follows, and how German books head their chapters.

"Kapitel 3", "Drittes Kapitel", "Teil II", "Vorwort", "Inhalt"; announcements in German
("Titel, von Autorin." … "Ende von Titel."); numbers, dates, money and abbreviations in
German words (`normalize`).
"""

from __future__ import annotations

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.de.normalize import speakable_text, words
from aloud.narrate.lang.worded import WordedLocale, Wording

STOP_WORDS = frozenset(entries(__package__, "stop_words.txt"))
# Abbreviations after which a full stop does not end a sentence (lower case, without the stop).
SENTENCE_ABBREVIATIONS = frozenset("""z b d h u a usw bzw ca vgl inkl evtl ggf etc jh mio mrd tsd dr prof hr fr st str
nr s bd kap abs art chr ä abb tel""".split())
_ORDINAL_STEMS = {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebent": 7, "siebt": 7,
                  "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12}
# "Erstes Kapitel", "Zweiter Teil", "Dritte Szene": every ending the heading word may take.
ORDINAL_WORDS = {stem + ending: value for stem, value in _ORDINAL_STEMS.items() for ending in ("es", "er", "e")}
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
    chapter="Kapitel {number}",
    notes="Anmerkungen",
    note="Anmerkung {label}",
    code="Code, {lines} Zeilen",
    code_line="Code, eine Zeile",
    stop_words=STOP_WORDS,
    turn_words=frozenset("aber doch jedoch und oder also dennoch trotzdem deshalb daher sondern allerdings "
                         "außerdem dann".split()),
    reference_words=frozenset("dies diese dieser dieses das er sie es ihr sein seine ihre".split()),
)


class German(WordedLocale):
    wording = Wording(
        language="de", headings=HEADINGS, speakable=speakable_text, number_words=words,
        opening="{title}, von {author}.", closing="Ende von {title}.", sentence_abbreviations=SENTENCE_ABBREVIATIONS,
        titles=frozenset({"dr", "prof", "hr", "fr"}),
        heading_numbers={**NUMBER_WORDS, **ORDINAL_WORDS}, ordinal_stop=True,
    )
