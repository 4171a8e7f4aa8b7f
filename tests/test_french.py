"""French narrated by French rules: the table is written from French usage (the Imprimerie
nationale's rules for dates, ordinals, times, money and abbreviations)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aloud.narrate.lang import for_language
from aloud.narrate.lang.en.word_lists import COMMON_WORDS
from aloud.narrate.lang.fr import French
from aloud.pipeline import prepare
from aloud.settings import BuildSettings

CASES: list[tuple[str, str]] = [
    ("Le 14 juillet 1789, la Bastille tomba.", "Le quatorze juillet mille sept cent quatre-vingt-neuf, la Bastille tomba."),
    ("Le 1er mai est férié.", "Le premier mai est férié."),
    ("Il naquit le 2 janvier 1900.", "Il naquit le deux janvier mille neuf cents."),
    ("Le 11/11/1918 fut l'armistice.", "Le onze novembre mille neuf cent dix-huit fut l'armistice."),
    ("Au XIXe siècle, tout changea.", "Au dix-neuvième siècle, tout changea."),
    ("Il arriva 2e de la course.", "Il arriva deuxième de la course."),
    ("Elle fut la 1re à parler.", "Elle fut la première à parler."),
    ("Le XXe siècle fut violent.", "Le vingtième siècle fut violent."),
    ("Louis XIV régna longtemps.", "Louis quatorze régna longtemps."),
    ("François Ier fut roi.", "François premier fut roi."),
    ("Voir le tome III.", "Voir le tome trois."),
    ("En 2024 il plut.", "En deux mille vingt-quatre il plut."),
    ("Il avait 71 ans.", "Il avait soixante et onze ans."),
    ("Elle avait 80 moutons.", "Elle avait quatre-vingts moutons."),
    ("Il y avait 21 élèves.", "Il y avait vingt et un élèves."),
    ("La ville compte 1 000 000 d'habitants.", "La ville compte un million d'habitants."),
    ("Cela coûte 5,50 €.", "Cela coûte cinq euros cinquante."),
    ("Un café à 1 €.", "Un café à un euro."),
    ("Le livre coûte 12 euros.", "Le livre coûte douze euros."),
    ("Il paya 3,99 EUR.", "Il paya trois euros quatre-vingt-dix-neuf."),
    ("Un billet de 20 $.", "Un billet de vingt dollars."),
    ("La hausse est de 25 %.", "La hausse est de vingt-cinq pour cent."),
    ("Le taux est de 3,5 %.", "Le taux est de trois virgule cinq pour cent."),
    ("Il pesait 2,05 kg.", "Il pesait deux virgule zéro cinq kilos."),
    ("Il roulait à 120 km/h.", "Il roulait à cent vingt kilomètres à l'heure."),
    ("Il courut 100 m.", "Il courut cent mètres."),
    ("Il faisait 5 °C.", "Il faisait cinq degrés Celsius."),
    ("Le train part à 5 h 30.", "Le train part à cinq heures trente."),
    ("Rendez-vous à 17h45.", "Rendez-vous à dix-sept heures quarante-cinq."),
    ("Il se leva à 1 h.", "Il se leva à une heure."),
    ("Il est 8 h.", "Il est huit heures."),
    ("M. Dupont arriva.", "Monsieur Dupont arriva."),
    ("Mme Curie travaillait.", "Madame Curie travaillait."),
    ("Mlle Lenoir chantait.", "Mademoiselle Lenoir chantait."),
    ("Le Dr Roux soigna.", "Le Docteur Roux soigna."),
    ("Voir p. 12.", "Voir page douze."),
    ("La maison n° 5 brûla.", "La maison numéro cinq brûla."),
    ("Des pommes, des poires, etc.", "Des pommes, des poires, et cetera."),
    ("Il vécut en 52 av. J.-C.", "Il vécut en cinquante-deux avant Jésus-Christ."),
    ("Il y a env. 30 personnes.", "Il y a environ trente personnes."),
    ("Les pages 10–20 manquent.", "Les pages dix à vingt manquent."),
    ("Dupont & fils", "Dupont et fils"),
    ("Le numéro 007 appela.", "Le numéro zéro zéro sept appela."),
    ("Il mesurait 1,80 m.", "Il mesurait un virgule quatre-vingts mètres."),
    ("Victor Hugo mourut en 1885.", "Victor Hugo mourut en mille huit cent quatre-vingt-cinq."),
    ("Une demi-heure, c.-à-d. 30 minutes.", "Une demi-heure, c'est-à-dire trente minutes."),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_french_is_said_as_a_french_narrator_says_it(text, expected):
    assert French().speakable(text) == expected


def test_the_table_is_big_enough():
    assert len(CASES) >= 40


def test_french_is_chosen_for_french_and_keeps_its_abbreviations_in_a_sentence():
    locale = for_language("fr-CA")
    assert locale.language == "fr"
    assert locale.split_sentences("M. Dupont arriva. Il vit Mme Curie, etc. Puis il partit.") == [
        "M. Dupont arriva.", "Il vit Mme Curie, etc.", "Puis il partit."]
    assert (locale.opening("Hatteras", "Jules Verne"), locale.closing("Hatteras")) == (
        "Hatteras, de Jules Verne.", "Fin de Hatteras.")
    # The title's article joins the preposition, as French writes it.
    assert [locale.closing(t) for t in ("Les Misérables", "Le Rouge et le Noir", "La Peste", "Émile", "Une vie")] == [
        "Fin des Misérables.", "Fin du Rouge et le Noir.", "Fin de La Peste.", "Fin d’Émile.", "Fin d’Une vie."]
    assert [locale.heading_number(w) for w in ("PREMIER", "II", "12", "deuxième")] == [1, 2, 12, 2]


def test_a_french_novels_chapitre_premier_and_chapitre_ii_are_its_chapters():
    path = Path(__file__).parent / "corpus" / "text" / "fr-verne-hatteras-extract.txt"
    prepared = prepare(path, BuildSettings())
    assert prepared.edition.language == "fr"
    assert [c.title for c in prepared.edition.chapters][:3] == [
        "Chapitre Premier: Le Forward", "Chapitre II: Une Lettre Inattendue", "Chapitre III: Le Docteur Clawbonny"]
    titles = [u.text for c in prepared.edition.chapters[:2] for u in prepared.units[c.index] if u.kind == "title"]
    assert titles == ["Chapitre premier. Le Forward.", "Chapitre deux. Une Lettre Inattendue."]
    said = " ".join(u.text for units in prepared.units.values() for u in units)
    assert said.rstrip().endswith(".") and "Fin de" in said and not any(c.isdigit() for c in said)


FRENCH_WORDS = st.sampled_from("Le la mai juillet euros heures page numéro et de M. Mme etc. env. XIXe 1er 2e % € , . – "
                               "14 1789 5,50 3,5 1 000 17h45 5 h 30 12 007 XIV".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(FRENCH_WORDS, min_size=1, max_size=25))
def test_no_digit_and_no_english_word_reaches_a_french_voice(pieces):
    text = " ".join(pieces)
    said = French().speakable(text)
    assert not any(c.isdigit() for c in said), said
    added = {w.strip(".,").lower() for w in said.split()} - {w.strip(".,").lower() for w in text.split()}
    english = {w for w in added if w in COMMON_WORDS} - {"a", "on", "six", "page", "minutes", "pour", "cent", "sept", "million", "milliard"}
    assert not english, (text, said, english)


def test_french_guillemets_and_dialogue_dashes_end_a_sentence_with_it():
    assert French().split_sentences("« Oui, je viens. » Il partit. — Où vas-tu ? demanda-t-elle. — Au port !") == [
        "« Oui, je viens. »", "Il partit.", "— Où vas-tu ? demanda-t-elle.", "— Au port !"]
