"""Dutch narrated by Dutch rules: the table is written from Dutch usage (the Taalunie's
Taaladvies and the Woordenlijst's Leidraad on numbers, dates, ordinals, money, times and
abbreviations), not from what the code happens to say.

Numbers are spelled as the Leidraad spells them: together up to "duizend", a space after it
("tweeduizend vierentwintig", "duizend vijfhonderd"), a year of hundreds in one word
("negentienhonderdachtenvijftig"). The numeral one standing alone is written "één", as the
Taalunie allows to tell it from the article: the voice reads a bare "een" as the article
("om een uur" is "within an hour", "om één uur" "at one o'clock")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aloud.model import Source
from aloud.narrate.lang import for_language
from aloud.narrate.lang.en.word_lists import COMMON_WORDS
from aloud.narrate.lang.nl import Dutch
from aloud.structure import structure

CASES: list[tuple[str, str]] = [
    ("Op 25 mei 1958 kostte een brood € 5,50.", "Op vijfentwintig mei negentienhonderdachtenvijftig kostte een brood vijf euro vijftig."),
    ("Hij is geboren op 1 januari.", "Hij is geboren op één januari."),
    ("Op 25-12-2024 sneeuwde het.", "Op vijfentwintig december tweeduizend vierentwintig sneeuwde het."),
    ("Op 25/12/2024 sneeuwde het.", "Op vijfentwintig december tweeduizend vierentwintig sneeuwde het."),
    ("In 2024 regende het veel.", "In tweeduizend vierentwintig regende het veel."),
    ("Rembrandt stierf in 1669.", "Rembrandt stierf in zestienhonderdnegenenzestig."),
    ("De oorlog duurde van 1914 tot 1918.", "De oorlog duurde van negentienhonderdveertien tot negentienhonderdachttien."),
    ("De stad heeft 1.000.000 inwoners.", "De stad heeft een miljoen inwoners."),
    ("Hij verdiende 1.500 euro.", "Hij verdiende duizend vijfhonderd euro."),
    ("Het kost 2.500.000 euro.", "Het kost twee miljoen vijfhonderdduizend euro."),
    ("Er waren 101 honden.", "Er waren honderdeen honden."),
    ("Hij had 21 jaar gewacht.", "Hij had eenentwintig jaar gewacht."),
    ("Hij had 1 boek.", "Hij had één boek."),
    ("Hij werd 1e en zij 2de.", "Hij werd eerste en zij tweede."),
    ("Het was de 3e keer.", "Het was de derde keer."),
    ("Het was zijn 1ste en haar 25ste boek.", "Het was zijn eerste en haar vijfentwintigste boek."),
    ("Het was haar 25e verjaardag.", "Het was haar vijfentwintigste verjaardag."),
    ("In de 19e eeuw reisde men per koets.", "In de negentiende eeuw reisde men per koets."),
    ("Willem III was koning.", "Willem de Derde was koning."),
    ("Lodewijk XIV regeerde lang.", "Lodewijk de Veertiende regeerde lang."),
    ("Onder Karel V bloeide Spanje.", "Onder Karel de Vijfde bloeide Spanje."),
    ("Lees hoofdstuk IV nog eens.", "Lees hoofdstuk vier nog eens."),
    ("Zie deel II.", "Zie deel twee."),
    ("Het kost 5,50 €.", "Het kost vijf euro vijftig."),
    ("Het kost € 1.", "Het kost één euro."),
    ("Het boek kost 12 euro.", "Het boek kost twaalf euro."),
    ("Hij betaalde 3,99 EUR.", "Hij betaalde drie euro negenennegentig."),
    ("De toegang kost € 2,-.", "De toegang kost twee euro."),
    ("Een biljet van 20 $.", "Een biljet van twintig dollar."),
    ("Een ijsje kost € 0,50.", "Een ijsje kost vijftig cent."),
    ("Het kostte ƒ 2,50.", "Het kostte twee gulden vijftig."),
    ("De rente is 3,5 %.", "De rente is drie komma vijf procent."),
    ("Het woog 2,05 kg.", "Het woog twee komma nul vijf kilo."),
    ("Dat is 25% meer.", "Dat is vijfentwintig procent meer."),
    ("Dat is 25 % meer.", "Dat is vijfentwintig procent meer."),
    ("De trein vertrekt om 17.30 uur.", "De trein vertrekt om zeventien uur dertig."),
    ("De trein vertrekt om 17:30.", "De trein vertrekt om zeventien uur dertig."),
    ("Om 8 uur begon het.", "Om acht uur begon het."),
    ("Om 1 uur sliep hij.", "Om één uur sliep hij."),
    ("Hij reed 120 km/h.", "Hij reed honderdtwintig kilometer per uur."),
    ("Hij liep 100 m in 12 s.", "Hij liep honderd meter in twaalf seconden."),
    ("Het duurde 1 min.", "Het duurde één minuut."),
    ("Hij was 1,80 m lang.", "Hij was één meter tachtig lang."),
    ("Het was 5 °C buiten.", "Het was vijf graden Celsius buiten."),
    ("Het vroor -5 °C.", "Het vroor min vijf graden Celsius."),
    ("Er was bijv. brood.", "Er was bijvoorbeeld brood."),
    ("Er was bv. kaas.", "Er was bijvoorbeeld kaas."),
    ("Hij kwam, d.w.z. hij was er.", "Hij kwam, dat wil zeggen hij was er."),
    ("Appels, peren enz.", "Appels, peren enzovoort."),
    ("Hij had o.a. boeken.", "Hij had onder andere boeken."),
    ("M.a.w. het was klaar.", "Met andere woorden het was klaar."),
    ("Thee i.p.v. koffie.", "Thee in plaats van koffie."),
    ("Dhr. Jansen kwam binnen.", "De heer Jansen kwam binnen."),
    ("Hij zag mevr. de Vries.", "Hij zag mevrouw de Vries."),
    ("Mr. Pieters pleitte.", "Meester Pieters pleitte."),
    ("Dr. Bakker en prof. Smit.", "Dokter Bakker en professor Smit."),
    ("Er waren ca. 30 mensen.", "Er waren circa dertig mensen."),
    ("Hij woonde in St. Maarten.", "Hij woonde in Sint Maarten."),
    ("In 44 v. Chr. werd Caesar vermoord.", "In vierenveertig voor Christus werd Caesar vermoord."),
    ("In 800 n. Chr. werd Karel gekroond.", "In achthonderd na Christus werd Karel gekroond."),
    ("Vgl. het vorige hoofdstuk.", "Vergelijk het vorige hoofdstuk."),
    ("Bel tel. 020-1234567.", "Bel telefoon nul twee nul, één twee drie vier vijf zes zeven."),
    ("Huis nr. 5 brandde.", "Huis nummer vijf brandde."),
    ("Zie blz. 12 en p. 13.", "Zie bladzijde twaalf en pagina dertien."),
    ("Volgens art. 3 van de wet.", "Volgens artikel drie van de wet."),
    ("De bladzijden 10–20 ontbreken.", "De bladzijden tien tot twintig ontbreken."),
    ("Ze telden 12 t/m 20.", "Ze telden twaalf tot en met twintig."),
    ("Hij at 1/3 van de taart.", "Hij at een derde van de taart."),
    ("Jansen & Zonen", "Jansen en Zonen"),
    ("3 + 4 = 7", "drie plus vier is zeven"),
    ("2 × 3 is 6", "twee keer drie is zes"),
    ("Stuur het naar info@uitgeverij.", "Stuur het naar info apenstaartje uitgeverij."),
    ("Het nummer 007 belde.", "Het nummer nul nul zeven belde."),
    ("In de jaren 60 was alles anders.", "In de jaren zestig was alles anders."),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_dutch_is_said_as_a_dutch_narrator_says_it(text, expected):
    assert Dutch().speakable(text) == expected


def test_the_table_is_big_enough():
    assert len(CASES) >= 40


def test_dutch_sentences_headings_and_announcements():
    locale = for_language("nl-BE")
    assert locale.language == "nl"
    assert isinstance(locale, Dutch)
    assert locale.split_sentences("Er was bijv. brood. Dhr. Jansen kwam binnen. Wie was dat? Niemand wist het!") == [
        "Er was bijv. brood.", "Dhr. Jansen kwam binnen.", "Wie was dat?", "Niemand wist het!"]
    assert locale.split_sentences("Appels, peren enz. Daarna ging hij.") == ["Appels, peren enz.", "Daarna ging hij."]
    assert (locale.opening("Max Havelaar", "Multatuli"), locale.closing("Max Havelaar")) == (
        "Max Havelaar, door Multatuli.", "Einde van Max Havelaar.")
    assert locale.opening("Max Havelaar", "") == "Max Havelaar."
    assert [locale.heading_number(w) for w in ("III", "12", "Derde", "twaalf", "één", "Eerste")] == [3, 12, 3, 12, 1, 1]
    assert locale.number_words(1) == "één" and locale.number_words(2024) == "tweeduizend vierentwintig"
    prose = "Er was eens een koning die drie dochters had en in een groot kasteel aan de zee woonde. " * 5
    text = f"HOOFDSTUK 1\n\n{prose}\n\nHoofdstuk II. De reis\n\n{prose.replace('koning', 'boer')}"
    edition = structure(Source(name="k", text=text), locale=locale)
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [
        ("Hoofdstuk 1", "Hoofdstuk één"), ("Hoofdstuk II: De reis", "Hoofdstuk twee. De reis")]


def test_eerste_hoofdstuk_and_tweede_deel_are_headings_said_as_written():
    prose = "Er was eens een koning die drie dochters had en in een groot kasteel aan de zee woonde. " * 5
    text = f"Eerste deel\n\nEerste hoofdstuk\n\n{prose}\n\nTweede hoofdstuk. Het bos\n\n{prose.replace('koning', 'boer')}"
    edition = structure(Source(name="k", text=text), locale=Dutch())
    # The heading word is capitalised by the shared heading rules ("Eerste Hoofdstuk"), as in German.
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [
        ("Eerste Deel – Eerste Hoofdstuk", "Eerste Deel. Eerste Hoofdstuk"),
        ("Tweede Hoofdstuk: Het bos", "Tweede Hoofdstuk. Het bos")]


DUTCH_WORDS = st.sampled_from("Op de het een en in om mei januari euro uur hoofdstuk deel Willem III Karel V bijv. dhr. "
                              "d.w.z. enz. o.a. i.p.v. ca. nr. blz. v. Chr. t/m % € & + , . – - / 25 1958 5,50 3,5 "
                              "1.000 1.000.000 17.30 17:30 1e 2de 25ste 2,05 007 12 1 -5 km kg °C 1/3 25-12-2024".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(DUTCH_WORDS, min_size=1, max_size=25))
def test_no_digit_and_no_english_word_reaches_a_dutch_voice(pieces):
    text = " ".join(pieces)
    said = Dutch().speakable(text)
    assert not any(c.isdigit() for c in said), said
    added = {w.strip(".,").lower() for w in said.split()} - {w.strip(".,").lower() for w in text.split()}
    # Dutch words that English spells alike: "met" (met andere woorden), "van" (in plaats van), "elf" (11),
    # "plus", "is" ("="), "half" (een half), "in", and the months "april", "september", "november", "december".
    english = {w for w in added if w in COMMON_WORDS} - {"met", "van", "elf", "plus", "is", "half", "in", "april",
                                                         "september", "november", "december"}
    assert not english, (text, said, english)
