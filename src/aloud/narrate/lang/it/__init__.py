"""Italian: the rules a narrator of Italian follows, and how Italian books head their chapters.

"Capitolo 3", "CAPITOLO PRIMO", "Parte seconda", "Prologo", "Indice"; announcements in
Italian ("Titolo, di Autrice." … "Fine di Titolo."); numbers, dates, money and abbreviations
in Italian words (`normalize`).
"""

from __future__ import annotations

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.it.normalize import speakable_text, words
from aloud.narrate.lang.worded import WordedLocale, Wording

STOP_WORDS = frozenset(entries(__package__, "stop_words.txt"))
# Abbreviations after which a full stop does not end a sentence (lower case, without the stop).
SENTENCE_ABBREVIATIONS = frozenset("sig sigg dott prof ing avv ecc pag pagg n nr cap vol tel ca es art "
                                   "mons gen egr gent geom rag fig tab cfr".split())
_ORDINALS = {"primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "quinto": 5, "sesto": 6, "settimo": 7, "ottavo": 8,
             "nono": 9, "decimo": 10, "undicesimo": 11, "dodicesimo": 12}
ORDINAL_WORDS = {**_ORDINALS, **{word[:-1] + "a": value for word, value in _ORDINALS.items()}}
NUMBER_WORDS = {"uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
                "dieci": 10, "undici": 11, "dodici": 12}
HEADINGS = HeadingWords(
    numbered={"capitolo": 2, "parte": 1, "libro": 1, "volume": 1, "atto": 1, "scena": 2, "canto": 2, "lettera": 2},
    named=("prefazione", "introduzione", "prologo", "epilogo", "conclusione", "postfazione", "appendice", "dedica",
           "ringraziamenti", "note", "premessa", "nota dell['’]autore", "nota del traduttore"),
    contents=("indice", "indice generale", "sommario"),
    small_words=frozenset("il lo la i gli le un uno una di del dello della dei degli delle a al allo alla ai agli alle "
                          "da dal dalla in nel nella con su per tra fra e o l d un dell all nell".split()),
    front_matter="Introduzione",
    whole_text="",
    part="Parte {number}",
    chapter="Capitolo {number}",
    notes="Note",
    note="Nota {label}",
    code="Codice, {lines} righe",
    code_line="Codice, una riga",
    stop_words=STOP_WORDS,
    turn_words=frozenset("ma però tuttavia eppure e o quindi allora dunque inoltre poi anzi".split()),
    reference_words=frozenset("questo questa quello quella ciò lui lei loro esso essa suo sua suoi sue".split()),
)


class Italian(WordedLocale):
    wording = Wording(
        language="it", headings=HEADINGS, speakable=speakable_text, number_words=words,
        opening="{title}, di {author}.", closing="Fine di {title}.", sentence_abbreviations=SENTENCE_ABBREVIATIONS,
        heading_numbers={**NUMBER_WORDS, **ORDINAL_WORDS}, ordinal_stop=False,
        contractions={"di il": "del", "di lo": "dello", "di la": "della", "di i": "dei", "di gli": "degli",
                      "di le": "delle"},
    )
