"""Dutch: the rules a narrator of Dutch follows, and how Dutch books head their chapters.

"Hoofdstuk 3", "Eerste hoofdstuk", "Deel II", "Voorwoord", "Inhoud"; announcements in Dutch
("Titel, door Auteur." … "Einde van Titel."); numbers, dates, money and abbreviations in
Dutch words (`normalize`).
"""

from __future__ import annotations

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.nl.normalize import speakable_text, words
from aloud.narrate.lang.worded import WordedLocale, Wording

STOP_WORDS = frozenset(entries(__package__, "stop_words.txt"))
# Abbreviations after which a full stop does not end a sentence (lower case, without the stop);
# not "enz" nor "etc": they end sentences ("appels, peren enz. Daarna …").
SENTENCE_ABBREVIATIONS = frozenset("""bijv bv dhr mevr mr dr drs ir ing prof nr blz ca o.a d.w.z m.a.w z.g.a.n
i.p.v st tel vgl jl art hfst resp evt incl excl t.o.v m.b.t i.v.m""".split())
ORDINAL_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
                 "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12}
NUMBER_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
                "negen": 9, "tien": 10, "elf": 11, "twaalf": 12}
HEADINGS = HeadingWords(
    numbered={"hoofdstuk": 2, "deel": 1, "boek": 1, "band": 1, "bedrijf": 1, "akte": 1, "scène": 2, "zang": 2,
              "brief": 2},
    named=("voorwoord", "inleiding", "proloog", "epiloog", "nawoord", "slotwoord", "bijlage", "opdracht", "dankwoord",
           "noten", "aantekeningen", "verantwoording"),
    contents=("inhoud", "inhoudsopgave"),
    small_words=frozenset("de het een en of van in op aan met voor naar bij uit door om te tot over der den".split()),
    front_matter="Inleiding",
    whole_text="",
    part="Deel {number}",
    chapter="Hoofdstuk {number}",
    notes="Noten",
    note="Noot {label}",
    code="Code, {lines} regels",
    code_line="Code, één regel",
    stop_words=STOP_WORDS,
    turn_words=frozenset("maar toch echter en of dus dan daarom bovendien want".split()),
    reference_words=frozenset("dit deze dat die hij zij het hem haar hun zijn".split()),
)


class Dutch(WordedLocale):
    wording = Wording(
        language="nl", headings=HEADINGS, speakable=speakable_text, number_words=words,
        opening="{title}, door {author}.", closing="Einde van {title}.", sentence_abbreviations=SENTENCE_ABBREVIATIONS,
        heading_numbers={**NUMBER_WORDS, **ORDINAL_WORDS},
    )
