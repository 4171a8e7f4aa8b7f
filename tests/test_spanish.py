"""Spanish narrated by Spanish rules: the table is written from Spanish usage (the RAE's
Ortografía on numbers, dates, ordinals, the apocope of "uno" and "primero", and abbreviations)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aloud.model import Source
from aloud.narrate.lang import for_language
from aloud.narrate.lang.en.word_lists import COMMON_WORDS
from aloud.narrate.lang.es import Spanish
from aloud.structure import structure

CASES: list[tuple[str, str]] = [
    ("El 25 de mayo de 1958 el pan costaba 5,50 €.", "El veinticinco de mayo de mil novecientos cincuenta y ocho el pan costaba cinco euros con cincuenta."),
    ("El 1 de enero es fiesta.", "El uno de enero es fiesta."),
    ("Nació el 12 de octubre de 1492.", "Nació el doce de octubre de mil cuatrocientos noventa y dos."),
    ("El 20/11/1975 murió.", "El veinte de noviembre de mil novecientos setenta y cinco murió."),
    ("En el siglo XIX todo cambió.", "En el siglo diecinueve todo cambió."),
    ("Alfonso X reinó en Castilla.", "Alfonso décimo reinó en Castilla."),
    ("Felipe II fue rey.", "Felipe segundo fue rey."),
    ("Alfonso XIII se exilió.", "Alfonso trece se exilió."),
    ("Llegó en 1.º lugar.", "Llegó en primer lugar."),
    ("Vive en el 3.º piso.", "Vive en el tercer piso."),
    ("Llegó el 1.º de todos.", "Llegó el primero de todos."),
    ("Fue la 3.ª vez.", "Fue la tercera vez."),
    ("En 2024 llovió mucho.", "En dos mil veinticuatro llovió mucho."),
    ("Tenía 21 años.", "Tenía veintiún años."),
    ("Compró 1 libro.", "Compró un libro."),
    ("Son 31 días.", "Son treinta y un días."),
    ("Tenía 1 casa y 21 vacas.", "Tenía una casa y veintiuna vacas."),
    ("Fueron 21 de ellos.", "Fueron veintiuno de ellos."),
    ("Había 100 personas.", "Había cien personas."),
    ("La ciudad tiene 1.000.000 de habitantes.", "La ciudad tiene un millón de habitantes."),
    ("Cuesta 1 €.", "Cuesta un euro."),
    ("El libro cuesta 12 euros.", "El libro cuesta doce euros."),
    ("Pagó 3,99 EUR.", "Pagó tres euros con noventa y nueve."),
    ("Un billete de 20 $.", "Un billete de veinte dólares."),
    ("La subida es del 25 %.", "La subida es del veinticinco por ciento."),
    ("La tasa es del 3,5 %.", "La tasa es del tres coma cinco por ciento."),
    ("Pesaba 2,05 kg.", "Pesaba dos coma cero cinco kilos."),
    ("Iba a 120 km/h.", "Iba a ciento veinte kilómetros por hora."),
    ("Corrió 100 m.", "Corrió cien metros."),
    ("Hacía 5 °C.", "Hacía cinco grados centígrados."),
    ("El tren sale a las 17:30.", "El tren sale a las diecisiete y treinta."),
    ("Se levantó a la 1:15.", "Se levantó a la una y quince."),
    ("El Sr. García llegó.", "El señor García llegó."),
    ("La Sra. López trabajaba.", "La señora López trabajaba."),
    ("La Dra. Ruiz operó.", "La doctora Ruiz operó."),
    ("Véase la pág. 12.", "Véase la página doce."),
    ("Vive en el núm. 5.", "Vive en el número cinco."),
    ("Viajó a EE. UU. en avión.", "Viajó a Estados Unidos en avión."),
    ("Manzanas, peras, etc.", "Manzanas, peras, etcétera."),
    ("Vivió en el 44 a. C.", "Vivió en el cuarenta y cuatro antes de Cristo."),
    ("Había aprox. 30 personas.", "Había aproximadamente treinta personas."),
    ("Faltan las páginas 10–20.", "Faltan las páginas diez a veinte."),
    ("García & Hijos", "García y Hijos"),
    ("El número 007 llamó.", "El número cero cero siete llamó."),
    ("Medía 1,80 m.", "Medía uno coma ochenta metros."),
    ("Cervantes murió en 1616.", "Cervantes murió en mil seiscientos dieciséis."),
    ("Eran 2 hermanos.", "Eran dos hermanos."),
    ("Ganó 1.500 dólares.", "Ganó mil quinientos dólares."),
    ("Leí el capítulo IV.", "Leí el capítulo cuatro."),
    ("Vino con Ud. y con Uds.", "Vino con usted y con ustedes."),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_spanish_is_said_as_a_spanish_narrator_says_it(text, expected):
    assert Spanish().speakable(text) == expected


def test_the_table_is_big_enough():
    assert len(CASES) >= 40


def test_spanish_sentences_headings_and_announcements():
    locale = for_language("es-MX")
    assert locale.language == "es"
    assert locale.split_sentences("Llegó el Sr. García. ¿Quién era? ¡Nadie lo sabía! —Yo no —dijo ella.") == [
        "Llegó el Sr. García.", "¿Quién era?", "¡Nadie lo sabía!", "—Yo no —dijo ella."]
    assert (locale.opening("Don Quijote", "Miguel de Cervantes"), locale.closing("Don Quijote")) == (
        "Don Quijote, de Miguel de Cervantes.", "Fin de Don Quijote.")
    prose = "En un lugar de la Mancha, de cuyo nombre no quiero acordarme, vivía un hidalgo de los de lanza. " * 5
    text = f"CAPÍTULO PRIMERO\n\n{prose}\n\nCapítulo II. De la primera salida\n\n{prose.replace('hidalgo', 'caballero')}"
    edition = structure(Source(name="q", text=text), locale=locale)
    assert [(c.title, c.spoken_title) for c in edition.chapters] == [
        ("Capítulo Primero", "Capítulo primero"), ("Capítulo II: De la primera salida", "Capítulo dos. De la primera salida")]


SPANISH_WORDS = st.sampled_from("El la de mayo enero euros las página número y en Sr. Dra. EE. UU. etc. aprox. siglo XIX "
                                "1.º 3.ª % € , . – 25 1958 5,50 3,5 1.000 17:30 12 007 21 años casa".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(SPANISH_WORDS, min_size=1, max_size=25))
def test_no_digit_and_no_english_word_reaches_a_spanish_voice(pieces):
    text = " ".join(pieces)
    said = Spanish().speakable(text)
    assert not any(c.isdigit() for c in said), said
    added = {w.strip(".,").lower() for w in said.split()} - {w.strip(".,").lower() for w in text.split()}
    english = {w for w in added if w in COMMON_WORDS} - {"con", "por", "once", "una", "un", "a", "dos", "tres", "seis"}
    assert not english, (text, said, english)
