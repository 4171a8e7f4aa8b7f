"""Italian narrated by Italian rules: the table is written from Italian usage (Treccani and the
Accademia della Crusca on numbers, dates, "il primo maggio", ordinals after names and before
"secolo", the article "un", "uno", "una", "un'" before a noun, and abbreviations)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aloud.model import Source
from aloud.narrate.lang import for_language
from aloud.narrate.lang.en.word_lists import COMMON_WORDS
from aloud.narrate.lang.it import Italian
from aloud.structure import structure

CASES: list[tuple[str, str]] = [
    ("Il 25 maggio 1958 il pane costava 5,50 €.", "Il venticinque maggio millenovecentocinquantotto il pane costava cinque euro e cinquanta."),
    ("Il 1° maggio è festa.", "Il primo maggio è festa."),
    ("Il 1 maggio è festa.", "Il primo maggio è festa."),
    ("Il 25/12/2024 è Natale.", "Il venticinque dicembre duemilaventiquattro è Natale."),
    ("Ci vediamo l'8 marzo.", "Ci vediamo l'otto marzo."),
    ("L'11 settembre 2001 cambiò tutto.", "L'undici settembre duemilauno cambiò tutto."),
    ("Nel 1492 Colombo partì.", "Nel millequattrocentonovantadue Colombo partì."),
    ("La guerra durò dal 1915 al 1918.", "La guerra durò dal millenovecentoquindici al millenovecentodiciotto."),
    ("Arrivò 1° al traguardo.", "Arrivò primo al traguardo."),
    ("Fu la 1ª volta.", "Fu la prima volta."),
    ("Fu la 1a volta.", "Fu la prima volta."),
    ("Abita al 3° piano.", "Abita al terzo piano."),
    ("Era la 3ª edizione.", "Era la terza edizione."),
    ("Nel XIX secolo tutto cambiò.", "Nel diciannovesimo secolo tutto cambiò."),
    ("Il XX secolo fu breve.", "Il ventesimo secolo fu breve."),
    ("Dopo la II guerra mondiale.", "Dopo la seconda guerra mondiale."),
    ("Luigi XIV regnò a lungo.", "Luigi quattordicesimo regnò a lungo."),
    ("Papa Giovanni XXIII fu amato.", "Papa Giovanni ventitreesimo fu amato."),
    ("Vittorio Emanuele II fu re.", "Vittorio Emanuele secondo fu re."),
    ("Elisabetta II regnò.", "Elisabetta seconda regnò."),
    ("Umberto I fu ucciso a Monza.", "Umberto primo fu ucciso a Monza."),
    ("Leggendo I Malavoglia pianse.", "Leggendo I Malavoglia pianse."),
    ("Leggi il capitolo IV.", "Leggi il capitolo quarto."),
    ("Atto I, scena II.", "Atto primo, scena seconda."),
    ("Costa 1 €.", "Costa un euro."),
    ("Costa € 12.", "Costa dodici euro."),
    ("Pagò 3,99 EUR.", "Pagò tre euro e novantanove."),
    ("Una banconota da 20 $.", "Una banconota da venti dollari."),
    ("Sono 10 £.", "Sono dieci sterline."),
    ("Vinse 1.000.000 €.", "Vinse un milione di euro."),
    ("La città ha 1.000.000 di abitanti.", "La città ha un milione di abitanti."),
    ("Guadagnò 1.500 euro.", "Guadagnò millecinquecento euro."),
    ("Il valore è 3,5.", "Il valore è tre virgola cinque."),
    ("Pesava 2,05 kg.", "Pesava due virgola zero cinque chili."),
    ("Un aumento del 25 %.", "Un aumento del venticinque per cento."),
    ("Un aumento del 25%.", "Un aumento del venticinque per cento."),
    ("Il treno parte alle 17:30.", "Il treno parte alle diciassette e trenta."),
    ("Il treno parte alle 17.30.", "Il treno parte alle diciassette e trenta."),
    ("Si alzò all'1:15.", "Si alzò all'una e quindici."),
    ("Ci vediamo all'una.", "Ci vediamo all'una."),
    ("Si alza alle 8.", "Si alza alle otto."),
    ("Andava a 120 km/h.", "Andava a centoventi chilometri orari."),
    ("Corse 100 m.", "Corse cento metri."),
    ("Percorse 1 km a piedi.", "Percorse un chilometro a piedi."),
    ("Era alto 1,80 m.", "Era alto uno virgola ottanta metri."),
    ("Faceva 5 °C.", "Faceva cinque gradi centigradi."),
    ("Comprò 1 libro.", "Comprò un libro."),
    ("Comprò 1 casa.", "Comprò una casa."),
    ("Aspettò 1 ora.", "Aspettò un'ora."),
    ("Vide 1 studente con 1 zaino.", "Vide uno studente con uno zaino."),
    ("Era 1 di loro.", "Era uno di loro."),
    ("Aveva 21 anni.", "Aveva ventuno anni."),
    ("Erano 123 soldati.", "Erano centoventitré soldati."),
    ("Il Sig. Rossi arrivò.", "Il signor Rossi arrivò."),
    ("La Sig.ra Bianchi lavorava.", "La signora Bianchi lavorava."),
    ("I Sigg. Verdi partirono.", "I signori Verdi partirono."),
    ("Il Dott. Neri e la Dott.ssa Gialli.", "Il dottor Neri e la dottoressa Gialli."),
    ("Il Prof. Russo e la Prof.ssa Costa.", "Il professor Russo e la professoressa Costa."),
    ("L'Ing. Ferrari e l'Avv. Esposito.", "L'ingegner Ferrari e l'avvocato Esposito."),
    ("Mele, pere, ecc.", "Mele, pere, eccetera."),
    ("Nacque nel 44 a.C. a Roma.", "Nacque nel quarantaquattro avanti Cristo a Roma."),
    ("Morì nel 14 d.C.", "Morì nel quattordici dopo Cristo."),
    ("Andò a S. Pietro, a S. Anna e a S. Stefano.", "Andò a San Pietro, a Sant'Anna e a Santo Stefano."),
    ("Alcuni frutti, p.es. le mele.", "Alcuni frutti, per esempio le mele."),
    ("Vedi pag. 12 e pagg. 30 e 31.", "Vedi pagina dodici e pagine trenta e trentuno."),
    ("Abita al n. 5.", "Abita al numero cinque."),
    ("Leggi cap. 3, vol. 2, art. 21.", "Leggi capitolo tre, volume due, articolo ventuno."),
    ("Mancano le pagine 10–20.", "Mancano le pagine dieci a venti."),
    ("Rossi & Figli", "Rossi e Figli"),
    ("2 + 2 = 4", "due più due uguale quattro"),
    ("Il numero 007 chiamò.", "Il numero zero zero sette chiamò."),
    ("Gli anni '60 furono belli.", "Gli anni sessanta furono belli."),
    ("Faceva -5 gradi.", "Faceva meno cinque gradi."),
    ("Scrivi a mario@esempio.", "Scrivi a mario chiocciola esempio."),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_italian_is_said_as_an_italian_narrator_says_it(text, expected):
    assert Italian().speakable(text) == expected


def test_the_table_is_big_enough():
    assert len(CASES) >= 40


def test_italian_sentences_headings_and_announcements():
    locale = for_language("it-IT")
    assert locale.language == "it"
    assert locale.split_sentences("Arrivò il Sig. Rossi. Chi era? Nessuno lo sapeva! Portò mele, pere, ecc. e poi "
                                  "andò via. «Io no» disse lei.") == [
        "Arrivò il Sig. Rossi.", "Chi era?", "Nessuno lo sapeva!", "Portò mele, pere, ecc. e poi andò via.",
        "«Io no» disse lei."]
    assert (locale.opening("I promessi sposi", "Alessandro Manzoni"), locale.closing("I promessi sposi")) == (
        "I promessi sposi, di Alessandro Manzoni.", "Fine dei Promessi sposi.")
    prose = ("Quel ramo del lago di Como, che volge a mezzogiorno, tra due catene non interrotte di monti, "
             "tutto a seni e a golfi. ") * 5
    text = f"CAPITOLO PRIMO\n\n{prose}\n\nCapitolo II. La prima notte\n\n{prose.replace('monti', 'colline')}"
    edition = structure(Source(name="q", text=text), locale=locale)
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [
        ("Capitolo Primo", "Capitolo primo"), ("Capitolo II: La prima notte", "Capitolo due. La prima notte")]
    assert [locale.heading_number(w) for w in ("primo", "Seconda", "dodici", "XII", "7")] == [1, 2, 12, 12, 7]


ITALIAN_WORDS = st.sampled_from("Il la di maggio gennaio euro le pagina numero e in Sig. Sig.ra Dott.ssa ecc. a.C. "
                                "XIX secolo Luigi XIV 1° 1ª % € , . – 25 1958 5,50 3,5 1.000 17:30 alle 17.30 12 "
                                "007 1 21 118 anni casa ora km".split())


ITALIAN_AND_ENGLISH = frozenset("a ad e un una per due tre sei otto zero volume professor dove come".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(ITALIAN_WORDS, min_size=1, max_size=25))
def test_no_digit_and_no_english_word_reaches_an_italian_voice(pieces):
    text = " ".join(pieces)
    said = Italian().speakable(text)
    assert not any(c.isdigit() for c in said), said
    added = {w.strip(".,").lower() for w in said.split()} - {w.strip(".,").lower() for w in text.split()}
    # Italian words that English spells alike: "a", "e", "per", "due", "zero", "volume", "professor" …
    english = {w for w in added if w in COMMON_WORDS} - ITALIAN_AND_ENGLISH
    assert not english, (text, said, english)
