from __future__ import annotations

from aloud.model import Chapter, Paragraph
from aloud.narrate import CLAUSE_PAUSE, narrate_chapter
from aloud.narrate.lang.en import English
from aloud.narrate.sentences import split_long
from aloud.settings import Pauses


def test_sentences_split_on_end_punctuation_but_not_abbreviations():
    text = 'Mr. Smith met Dr. Jones at 5 p.m. on the hill. "Is it late?" she asked. It was. C. D. Wright agreed!'
    assert English().split_sentences(text) == [
        "Mr. Smith met Dr. Jones at 5 p.m. on the hill.",
        '"Is it late?" she asked.',
        "It was.",
        "C. D. Wright agreed!",
    ]


def test_long_sentence_is_cut_at_clauses_into_short_units():
    sentence = ", ".join(["the waves rolled in over the grey stones"] * 12) + "."
    pieces = split_long(sentence)
    assert len(pieces) > 1
    assert all(len(p.split()) <= 40 for p in pieces)
    assert " ".join(pieces).split() == sentence.split()


def test_unpunctuated_run_is_cut_between_words():
    words = ["word"] * 1000
    pieces = split_long(" ".join(words))
    assert all(len(p.split()) <= 40 for p in pieces)
    assert sum(len(p.split()) for p in pieces) == 1000


def test_units_carry_title_sentence_and_paragraph_pauses():
    pauses = Pauses()
    chapter = Chapter(2, "The Storm", "The Storm", (Paragraph("One. Two."), Paragraph("Three.")))
    units = narrate_chapter(chapter, pauses)
    assert [u.text for u in units] == ["The Storm.", "One.", "Two.", "Three."]
    assert [u.kind for u in units] == ["title", "sentence", "sentence", "sentence"]
    assert [u.pause_after for u in units] == [pauses.after_title, pauses.sentence, pauses.paragraph, pauses.paragraph]
    assert all(u.chapter == 2 for u in units)
    assert [u.index for u in units] == [0, 1, 2, 3]


def test_pieces_of_a_cut_sentence_get_a_short_pause():
    long_sentence = ", ".join(["and the wind blew hard across the open moor"] * 8) + "."
    units = narrate_chapter(Chapter(1, "t", "", (Paragraph(long_sentence),)), Pauses())
    assert len(units) > 1
    assert all(u.pause_after == CLAUSE_PAUSE for u in units[:-1])
