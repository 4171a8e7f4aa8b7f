"""German narrated by German rules: the table is written from German usage (Duden's rules for
dates, ordinals, times, money and abbreviations), not from what the code happens to say."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aloud.narrate.lang import for_language
from aloud.narrate.lang.de import German
from aloud.narrate.lang.en.word_lists import COMMON_WORDS

CASES: list[tuple[str, str]] = [
    ("Am 25. Mai 1958 kostete ein Brot 5,50 €.", "Am fünfundzwanzigsten Mai neunzehnhundertachtundfünfzig kostete ein Brot fünf Euro fünfzig."),
    ("Der 3. Tag war kalt.", "Der dritte Tag war kalt."),
    ("Seit dem 1. Januar gilt es.", "Seit dem ersten Januar gilt es."),
    ("Bis zum 31. Dezember 1999.", "Bis zum einunddreißigsten Dezember neunzehnhundertneunundneunzig."),
    ("Er kam den 2. Oktober.", "Er kam den zweiten Oktober."),
    ("Am 03.10.1990 kam die Einheit.", "Am dritten Oktober neunzehnhundertneunzig kam die Einheit."),
    ("Von 1914 bis 1918 war Krieg.", "Von neunzehnhundertvierzehn bis neunzehnhundertachtzehn war Krieg."),
    ("Im Jahr 2024 regnete es.", "Im Jahr zweitausendvierundzwanzig regnete es."),
    ("Es waren 2024 Menschen.", "Es waren zweitausendvierundzwanzig Menschen."),
    ("Goethe starb 1832.", "Goethe starb achtzehnhundertzweiunddreißig."),
    ("Es kostet 1.000 Euro.", "Es kostet eintausend Euro."),
    ("Sie hatte 3 Kinder.", "Sie hatte drei Kinder."),
    ("Das Haus hat 21 Zimmer.", "Das Haus hat einundzwanzig Zimmer."),
    ("Ein Brot für 1 €.", "Ein Brot für ein Euro."),
    ("Der Eintritt kostet 12,- €.", "Der Eintritt kostet zwölf Euro."),
    ("Er zahlte 3,99 EUR.", "Er zahlte drei Euro neunundneunzig."),
    ("Das Buch kostet $15.", "Das Buch kostet fünfzehn Dollar."),
    ("Sie verdiente 2.500 Euro im Monat.", "Sie verdiente zweitausendfünfhundert Euro im Monat."),
    ("Das sind 25 % mehr.", "Das sind fünfundzwanzig Prozent mehr."),
    ("Die Quote lag bei 3,5 %.", "Die Quote lag bei drei Komma fünf Prozent."),
    ("Es waren 3,5 km.", "Es waren drei Komma fünf Kilometer."),
    ("Er fuhr 120 km/h.", "Er fuhr einhundertzwanzig Kilometer pro Stunde."),
    ("Er lief 100 m in 12 s.", "Er lief einhundert Meter in zwölf Sekunden."),
    ("Das Paket wog 2 kg.", "Das Paket wog zwei Kilogramm."),
    ("Draußen waren es 5 °C.", "Draußen waren es fünf Grad Celsius."),
    ("Um 17.30 Uhr fuhr der Zug.", "Um siebzehn Uhr dreißig fuhr der Zug."),
    ("Um 8:15 Uhr begann es.", "Um acht Uhr fünfzehn begann es."),
    ("Um 1 Uhr schlief er.", "Um ein Uhr schlief er."),
    ("Es war 12 Uhr.", "Es war zwölf Uhr."),
    ("Siehe S. 12.", "Siehe Seite zwölf."),
    ("Haus Nr. 5 brannte.", "Haus Nummer fünf brannte."),
    ("Es gab z. B. Äpfel.", "Es gab zum Beispiel Äpfel."),
    ("Er kam, d. h. er war da.", "Er kam, das heißt er war da."),
    ("Äpfel, Birnen usw.", "Äpfel, Birnen und so weiter."),
    ("Er kam ca. 3 Mal.", "Er kam circa drei Mal."),
    ("Dr. Müller kam.", "Doktor Müller kam."),
    ("Sie sah Prof. Weber.", "Sie sah Professor Weber."),
    ("Im 19. Jh. war es anders.", "Im neunzehnten Jahrhundert war es anders."),
    ("Es geschah 44 v. Chr.", "Es geschah vierundvierzig vor Christus."),
    ("Die Seiten 10–20 fehlen.", "Die Seiten zehn bis zwanzig fehlen."),
    ("Müller & Söhne", "Müller und Söhne"),
    ("Mit 0,5 Litern.", "Mit null Komma fünf Litern."),
    ("Es gibt 1,5 Mio. Einwohner.", "Es gibt eins Komma fünf Millionen Einwohner."),
    ("Die Nummer 007 rief an.", "Die Nummer null null sieben rief an."),
    ("Ludwig XIV. war König von Frankreich.", "Ludwig der Vierzehnte war König von Frankreich."),
    ("Unter Karl V. blühte Spanien.", "Unter Karl dem Fünften blühte Spanien."),
    ("Das war Friedrich II.", "Das war Friedrich der Zweite."),
    ("Im XIX. Jahrhundert reiste man mit der Kutsche.", "Im neunzehnten Jahrhundert reiste man mit der Kutsche."),
    ("Lies Kapitel IV noch einmal.", "Lies Kapitel vier noch einmal."),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_german_is_said_as_a_german_narrator_says_it(text, expected):
    assert German().speakable(text) == expected


def test_the_table_is_big_enough():
    assert len(CASES) >= 40


def test_german_is_chosen_for_german_and_its_sentences_keep_ordinals_and_abbreviations():
    locale = for_language("de-AT")
    assert locale.language == "de"
    assert locale.split_sentences("Am 25. Mai kam er. Es gab z. B. Brot. Dann ging er.") == [
        "Am 25. Mai kam er.", "Es gab z. B. Brot.", "Dann ging er."]
    assert (locale.opening("Märchen", "Brüder Grimm"), locale.closing("Märchen")) == (
        "Märchen, von Brüder Grimm.", "Ende von Märchen.")
    assert [locale.heading_number(w) for w in ("III", "12", "Drittes", "zwölf")] == [3, 12, 3, 12]


GERMAN_WORDS = st.sampled_from("Am Mai kostete Brot Euro Uhr um Seite Nummer der die das und im Jahr z. B. d. h. ca. "
                               "usw. Dr. km % € , . – 1. 25. 3,5 1.000 1958 2024 17.30 0,5 12 007".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(GERMAN_WORDS, min_size=1, max_size=25))
def test_no_digit_and_no_english_word_reaches_a_german_voice(pieces):
    text = " ".join(pieces)
    said = German().speakable(text)
    assert not any(c.isdigit() for c in said), said
    added = {w.strip(".,").lower() for w in said.split()} - {w.strip(".,").lower() for w in text.split()}
    english = {w for w in added if w in COMMON_WORDS} - {"so", "in", "am", "um", "hat"}
    assert not english, (text, said, english)


def test_a_german_collections_numbered_tales_are_its_chapters_said_in_german():
    from pathlib import Path

    from aloud.pipeline import prepare
    from aloud.settings import BuildSettings

    path = Path(__file__).parent / "corpus" / "text" / "de-grimm2-extract.txt"
    prepared = prepare(path, BuildSettings())
    assert prepared.edition.language == "de"
    titles = [c.title for c in prepared.edition.chapters]
    assert titles[:3] == ["19. Von dem Fischer un syner Fru", "47. Von dem Machandelboom", "68. De Gaudeif un sien Meester"]
    spoken = [u.text for u in prepared.units[1] if u.kind == "title"]
    assert spoken == ["Neunzehn. Von dem Fischer un syner Fru."]
    said = " ".join(u.text for units in prepared.units.values() for u in units)
    assert said.endswith("Ende von De grimm zwei extract.") and not any(c.isdigit() for c in said)


def test_a_numbered_list_is_not_a_collection():
    from aloud.model import Source
    from aloud.structure import structure

    steps = "Do this:\n\n1. Preheat the oven\n\n2. Mix the flour\n\n3. Bake it for an hour\n\nThat is all there is to it."
    assert len(structure(Source(name="recipe", text=steps)).chapters) == 1


def test_erstes_kapitel_and_zweiter_teil_are_headings_said_as_written():
    from aloud.model import Source
    from aloud.structure import structure

    prose = "Es war einmal ein König, der hatte drei Töchter und lebte in einem großen Schloss am Meer. " * 5
    text = f"Erster Teil\n\nErstes Kapitel\n\n{prose}\n\nZweites Kapitel. Der Wald\n\n{prose.replace('König', 'Bauer')}"
    edition = structure(Source(name="m", text=text), locale=German())
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [
        ("Erster Teil: Erstes Kapitel", "Erster Teil. Erstes Kapitel"), ("Zweites Kapitel: Der Wald", "Zweites Kapitel. Der Wald")]


def test_german_quotation_marks_end_a_sentence_with_it():
    assert German().split_sentences("„Ja, ich komme.“ Er ging hinaus. »Wohin?« fragte sie.") == [
        "„Ja, ich komme.“", "Er ging hinaus.", "»Wohin?« fragte sie."]


def test_a_book_with_numerals_alone_for_headings_and_a_title_page():
    from aloud.model import Source
    from aloud.structure import structure

    prose = ("Als ich sechs Jahre alt war, sah ich einmal in einem Buch über den Urwald ein prächtiges Bild. "
             "Es stellte eine Riesenschlange dar, wie sie ein Wildtier verschlang. ") * 3
    one, two, three = prose, prose.replace("Buch", "Heft"), prose.replace("sechs", "sieben")
    text = f"Der kleine Prinz\n\nvon Antoine de Saint-Exupéry\n\nI.\n\n{one}\n\nII.\n\n{two}\n\nIII.\n\n{three}"
    edition = structure(Source(name="prinz", text=text), locale=German())
    assert (edition.title, edition.author) == ("Der kleine Prinz", "Antoine de Saint-Exupéry")
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [
        ("I", "Kapitel eins"), ("II", "Kapitel zwei"), ("III", "Kapitel drei")]
    assert not any("Prinz" in p.text for c in edition.chapters for p in c.preamble + c.paragraphs if not p.left_out)
    # Two numerals alone are not enough to be headings, nor numerals that do not count up.
    assert len(structure(Source(name="p", text=f"I.\n\n{one}\n\nIII.\n\n{two}\n\nII.\n\n{three}"),
                         locale=German()).chapters) != 3
