"""French: the rules a narrator of French follows, and how French books head their chapters.

"CHAPITRE PREMIER", "Chapitre II", "Deuxième partie", "Préface", "Table des matières";
announcements in French ("Titre, de Autrice." … "Fin de Titre."); numbers, dates, money
and abbreviations in French words (`normalize`).
"""

from __future__ import annotations

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.fr.normalize import speakable_text, words
from aloud.narrate.lang.worded import WordedLocale, Wording

STOP_WORDS = frozenset(entries(__package__, "stop_words.txt"))
# Abbreviations after which a full stop does not end a sentence (lower case, without the stop).
SENTENCE_ABBREVIATIONS = frozenset("m mm env cf av apr j.-c p pp t art chap bd tél vol ex".split())  # not "etc": it ends sentences
ORDINAL_WORDS = {"premier": 1, "première": 1, "second": 2, "seconde": 2, "deuxième": 2, "troisième": 3,
                 "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
                 "dixième": 10, "onzième": 11, "douzième": 12}
NUMBER_WORDS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
                "dix": 10, "onze": 11, "douze": 12}
HEADINGS = HeadingWords(
    numbered={"chapitre": 2, "partie": 1, "livre": 1, "tome": 1, "acte": 1, "scène": 2, "chant": 2, "lettre": 2},
    named=("préface", "avant-propos", "introduction", "prologue", "épilogue", "conclusion", "postface", "appendice",
           "annexe", "dédicace", "remerciements", "notes"),
    contents=("table des matières", "table", "sommaire"),
    small_words=frozenset("le la les l un une des du de d et ou à au aux en dans sur pour par avec".split()),
    front_matter="Introduction",
    whole_text="",
    part="Partie {number}",
    chapter="Chapitre {number}",
    notes="Notes",
    note="Note {label}",
    code="Code, {lines} lignes",
    code_line="Code, une ligne",
    stop_words=STOP_WORDS,
    turn_words=frozenset("mais pourtant cependant toutefois et ou donc alors ainsi or néanmoins aussi puis".split()),
    reference_words=frozenset("ce cela ceci cette il elle ils elles lui son sa ses".split()),
)


class French(WordedLocale):
    wording = Wording(
        language="fr", headings=HEADINGS, speakable=speakable_text, number_words=words,
        opening="{title}, de {author}.", closing="Fin de {title}.", sentence_abbreviations=SENTENCE_ABBREVIATIONS,
        titles=frozenset({"m", "mm"}),
        heading_numbers={**NUMBER_WORDS, **ORDINAL_WORDS}, ordinal_stop=False,
        contractions={"de les": "des", "de le": "du"}, elision=("de", "d’"),
    )
