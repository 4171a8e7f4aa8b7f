"""Spanish: the rules a narrator of Spanish follows, and how Spanish books head their chapters.

"Capítulo 3", "CAPÍTULO PRIMERO", "Segunda parte", "Prólogo", "Índice"; announcements in
Spanish ("Título, de Autora." … "Fin de Título."); numbers, dates, money and abbreviations
in Spanish words (`normalize`).
"""

from __future__ import annotations

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.es.normalize import speakable_text, words
from aloud.narrate.lang.worded import WordedLocale, Wording

STOP_WORDS = frozenset(entries(__package__, "stop_words.txt"))
# Abbreviations after which a full stop does not end a sentence (lower case, without the stop).
SENTENCE_ABBREVIATIONS = frozenset("sr sra srta sres dr dra d dña ud uds ee uu aprox ej c s a avda sto sta tel vol cap "
                                   "pág págs núm art".split())  # not "etc": it ends sentences
_ORDINALS = {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4, "quinto": 5, "sexto": 6,
             "séptimo": 7, "octavo": 8, "noveno": 9, "décimo": 10, "undécimo": 11, "duodécimo": 12}
ORDINAL_WORDS = {**_ORDINALS, **{word[:-1] + "a": value for word, value in _ORDINALS.items() if word.endswith("o")}}
NUMBER_WORDS = {"uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
                "diez": 10, "once": 11, "doce": 12}
HEADINGS = HeadingWords(
    numbered={"capítulo": 2, "capitulo": 2, "parte": 1, "libro": 1, "tomo": 1, "acto": 1, "escena": 2, "canto": 2,
              "carta": 2},
    named=("prólogo", "prefacio", "introducción", "epílogo", "conclusión", "apéndice", "dedicatoria",
           "agradecimientos", "notas", "nota del autor"),
    contents=("índice", "índice general", "contenido", "sumario"),
    small_words=frozenset("el la los las un una de del al y o en con por para a".split()),
    front_matter="Introducción",
    whole_text="",
    part="Parte {number}",
    chapter="Capítulo {number}",
    notes="Notas",
    note="Nota {label}",
    code="Código, {lines} líneas",
    code_line="Código, una línea",
    stop_words=STOP_WORDS,
    turn_words=frozenset("pero sin embargo no obstante y o así pues entonces además aunque".split()),
    reference_words=frozenset("esto eso este esta ese esa él ella ellos ellas su sus".split()),
)


class Spanish(WordedLocale):
    wording = Wording(
        language="es", headings=HEADINGS, speakable=speakable_text, number_words=words,
        opening="{title}, de {author}.", closing="Fin de {title}.", sentence_abbreviations=SENTENCE_ABBREVIATIONS,
        heading_numbers={**NUMBER_WORDS, **ORDINAL_WORDS}, contractions={"de el": "del"},
    )
