"""Portuguese: the rules a narrator of Portuguese follows, and how Portuguese books head their chapters.

"Capítulo 3", "CAPÍTULO PRIMEIRO", "Segunda parte", "Prólogo", "Índice"; announcements in
Portuguese ("Título, de Autora." … "Fim de Título."); numbers, dates, money and abbreviations
in Portuguese words (`normalize`), for Portugal and Brazil alike.
"""

from __future__ import annotations

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.pt.normalize import speakable_text, words
from aloud.narrate.lang.worded import WordedLocale, Wording

STOP_WORDS = frozenset(entries(__package__, "stop_words.txt"))
# Abbreviations after which a full stop does not end a sentence (lower case, without the stop);
# not "etc": it ends sentences.
SENTENCE_ABBREVIATIONS = frozenset("sr sra srta srs sras dr dra drs prof profa exmo exma ilmo ilma pe fr sto sta av "
                                   "pág págs p pp n nº n.º cap vol art arts tel séc aprox ex".split())
_ORDINALS = {"primeiro": 1, "segundo": 2, "terceiro": 3, "quarto": 4, "quinto": 5, "sexto": 6, "sétimo": 7,
             "oitavo": 8, "nono": 9, "décimo": 10, "décimo primeiro": 11, "décimo-primeiro": 11, "undécimo": 11,
             "décimo segundo": 12, "décimo-segundo": 12, "duodécimo": 12}
ORDINAL_WORDS = {**_ORDINALS, **{" ".join(w[:-1] + "a" for w in word.split()).replace("o-", "a-"): value
                                 for word, value in _ORDINALS.items()}}
NUMBER_WORDS = {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
                "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12}
HEADINGS = HeadingWords(
    numbered={"capítulo": 2, "capitulo": 2, "parte": 1, "livro": 1, "tomo": 1, "volume": 1, "ato": 1, "acto": 1,
              "cena": 2, "canto": 2, "carta": 2},
    named=("prefácio", "prólogo", "introdução", "epílogo", "conclusão", "posfácio", "apêndice", "dedicatória",
           "agradecimentos", "notas", "nota do autor", "nota da autora"),
    contents=("índice", "índice geral", "sumário"),
    small_words=frozenset("o a os as um uma de do da dos das em no na nos nas por pelo pela para com e ou ao à aos às"
                          .split()),
    front_matter="Introdução",
    whole_text="",
    part="Parte {number}",
    chapter="Capítulo {number}",
    notes="Notas",
    note="Nota {label}",
    code="Código, {lines} linhas",
    code_line="Código, uma linha",
    stop_words=STOP_WORDS,
    turn_words=frozenset("mas porém contudo todavia entretanto e ou assim então portanto além pois".split()),
    reference_words=frozenset("isto isso aquilo este esta esse essa ele ela eles elas seu sua seus suas".split()),
)


class Portuguese(WordedLocale):
    wording = Wording(
        language="pt", headings=HEADINGS, speakable=speakable_text, number_words=words,
        opening="{title}, de {author}.", closing="Fim de {title}.", sentence_abbreviations=SENTENCE_ABBREVIATIONS,
        heading_numbers={**NUMBER_WORDS, **ORDINAL_WORDS},
        contractions={"de os": "dos", "de as": "das", "de o": "do", "de a": "da"},
    )
