"""Structure of real books: Project Gutenberg files, heading styles, front matter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aloud.model import BREAK, VERSE, Source
from aloud.pipeline import prepare
from aloud.read import read_source
from aloud.settings import BuildSettings, NarrationOptions
from aloud.structure import structure
from aloud.structure.gutenberg import strip_gutenberg

CAROL = Path(__file__).parent / "corpus" / "a-christmas-carol.txt"


def make(text: str) -> Source:
    return Source(name="book", text=text)


@pytest.fixture(scope="module")
def carol():
    return prepare(CAROL, BuildSettings())


def test_carol_has_exactly_its_five_staves(carol):
    edition = carol.edition
    assert (edition.title, edition.author) == ("A Christmas Carol", "Charles Dickens")
    assert [c.title for c in edition.chapters] == [
        "Stave I: Marley's Ghost",
        "Stave II: The First of the Three Spirits",
        "Stave III: The Second of the Three Spirits",
        "Stave IV: The Last of the Spirits",
        "Stave V: The End of It",
    ]
    assert [c.spoken_title for c in edition.chapters] == [
        "Stave one. Marley's Ghost",
        "Stave two. The First of the Three Spirits",
        "Stave three. The Second of the Three Spirits",
        "Stave four. The Last of the Spirits",
        "Stave five. The End of It",
    ]
    assert edition.chapters[0].paragraphs[0].text.startswith("MARLEY was dead")
    read = [p for p in edition.chapters[-1].paragraphs if not p.left_out]
    assert read[-1].text.endswith("God bless Us, Every One!")
    assert edition.chapters[-1].paragraphs[-1].left_out == "matter"  # the licence, shown by `aloud text` only


def test_carol_narrates_no_licence_header_or_contents(carol):
    spoken = " ".join(u.text for units in carol.units.values() for u in units)
    for leftover in ("Gutenberg", "gutenberg", "License", "Produced by", "eBook", "CONTENTS", "Release Date"):
        assert leftover not in spoken
    assert spoken.count("The First of the Three Spirits") == 1  # the contents entry is not read
    first = [u.text for u in carol.units[1][:4]]
    assert first[0] == "A Christmas Carol, by Charles Dickens."
    assert first[1] == "Preface."
    assert [u.text for u in carol.units[5]][-1] == "End of A Christmas Carol."


def test_carol_word_count_is_the_book(carol):
    assert 28_000 < carol.edition.word_count < 29_500


@pytest.mark.parametrize(
    "start,end",
    [
        ("*** START OF THIS PROJECT GUTENBERG EBOOK X ***", "*** END OF THIS PROJECT GUTENBERG EBOOK X ***"),
        ("*** START OF THE PROJECT GUTENBERG EBOOK X ***", "*** END OF THE PROJECT GUTENBERG EBOOK X ***"),
        ("   ***START OF THE PROJECT GUTENBERG E-BOOK X***", "   ***END OF THE PROJECT GUTENBERG E-BOOK X***"),
        ("*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*", "End of Project Gutenberg's X, by Y"),
    ],
)
def test_gutenberg_marker_spellings(start, end):
    text = f"The Project Gutenberg EBook of Old Tales, by Ann Writer\n\nlicence words\n\n{start}\n\nThe tale.\n\n{end}\n\nmore licence\n"
    book = strip_gutenberg(text)
    assert book is not None
    assert book.body.strip() == "The tale."
    assert (book.title, book.author) == ("Old Tales", "Ann Writer")


def test_gutenberg_title_and_author_lines_win():
    text = "Title: The Real Title\n       A Subtitle\n\nAuthor: Real Author\n\n*** START OF THE PROJECT GUTENBERG EBOOK ***\n\nBody.\n"
    book = strip_gutenberg(text)
    assert (book.title, book.author) == ("The Real Title", "Real Author")


def test_not_gutenberg():
    assert strip_gutenberg("Just a text about Project Gutenberg.\n") is None


HEADING_STYLES = {
    "chapter-title-next-line": (
        "CHAPTER I\n\n    The Arrival\n\nShe came by night.\n\nCHAPTER II\n\n         The Departure\n\nHe left at dawn.\n",
        ["Chapter I: The Arrival", "Chapter II: The Departure"],
        ["Chapter one. The Arrival", "Chapter two. The Departure"],
    ),
    "chapter-title-same-block": (
        "CHAPTER XII\nTHE LONG ROAD\n\nIt was long.\n\nCHAPTER XIII\nTHE END OF THE ROAD\n\nIt ended.\n",
        ["Chapter XII: The Long Road", "Chapter XIII: The End of the Road"],
        ["Chapter twelve. The Long Road", "Chapter thirteen. The End of the Road"],
    ),
    "roman-alone": (
        "I.\n\nTHE BEGINNING\n\nOnce upon a time.\n\nII.\n\nTHE MIDDLE\n\nThen more happened.\n",
        ["I: The Beginning", "II: The Middle"],
        ["One. The Beginning", "Two. The Middle"],
    ),
    "arabic": ("Chapter 1\n\nFirst words.\n\nChapter 2\n\nSecond words.\n", ["Chapter 1", "Chapter 2"], ["Chapter one", "Chapter two"]),
    "part-words": (
        "Part One\n\nThe first part.\n\nPart Two\n\nThe second part.\n",
        ["Part One", "Part Two"],
        ["Part one", "Part two"],
    ),
    "named": (
        "INTRODUCTION\n\n" + "An introduction of some length. " * 80 + "\n\nCHAPTER I. The Story\n\nThe story.\n\nEPILOGUE\n\nAfterwards.\n",
        ["Introduction", "Chapter I: The Story", "Epilogue"],
        ["Introduction", "Chapter one. The Story", "Epilogue"],
    ),
    "markdown-levels": (
        "# A Book\n\n## One\n\nText one.\n\n### A Section\n\nText two.\n\n## Two\n\nText three.\n",
        ["One", "A Section", "Two"],
        ["One", "A Section", "Two"],
    ),
    "part-above-chapter": (
        "PART ONE\n\nCHAPTER I\n\nThe Start\n\nWords.\n\nCHAPTER II\n\nThe Next\n\nMore words.\n",
        ["Part One – Chapter I: The Start", "Chapter II: The Next"],
        ["Part one. Chapter one. The Start", "Chapter two. The Next"],
    ),
}


@pytest.mark.parametrize("name", sorted(HEADING_STYLES))
def test_heading_styles(name):
    text, titles, spoken = HEADING_STYLES[name]
    edition = structure(make(text))
    assert [c.title for c in edition.chapters] == titles
    assert [c.spoken_title for c in edition.chapters] == spoken


def test_a_chapter_heading_word_inside_prose_is_not_a_heading():
    text = "Chapter 3 describes the harbour in detail.\nPart one of the plan was simple.\nThe rest followed.\n"
    edition = structure(make(text))
    assert len(edition.chapters) == 1


def test_contents_list_is_skipped():
    text = (
        "CONTENTS\n\nChapter I. The Start\nChapter II. The End\n\n"
        "CHAPTER I. The Start\n\nIt began.\n\nCHAPTER II. The End\n\nIt ended.\n"
    )
    edition = structure(make(text))
    assert [c.title for c in edition.chapters] == ["Chapter I: The Start", "Chapter II: The End"]


def test_contents_entries_as_separate_lines_are_skipped():
    text = "CHAPTER I. The Start\n\nCHAPTER II. The End\n\nCHAPTER I. The Start\n\nIt began.\n\nCHAPTER II. The End\n\nIt ended.\n"
    edition = structure(make(text))
    assert [c.title for c in edition.chapters] == ["Chapter I: The Start", "Chapter II: The End"]
    assert edition.chapters[0].paragraphs[0].text == "It began."


def test_scene_breaks_and_verse():
    wrapped = "The night was long and the road was longer still, and nobody\nwalked it without a lantern or a friend at their side.\n\n"
    text = (
        "CHAPTER I. Night\n\n" + wrapped + "* * *\n\n" + wrapped + "*****\n\n" + wrapped + "#\n\n" + wrapped
        + "    The wind it blew,\n    The rain it fell,\n    And all was well.\n\n" + wrapped
    )
    chapter = structure(make(text)).chapters[0]
    kinds = [p.kind for p in chapter.paragraphs]
    assert kinds.count(BREAK) == 3
    verse = [p for p in chapter.paragraphs if p.kind == VERSE]
    assert [p.text for p in verse] == ["The wind it blew,\nThe rain it fell,\nAnd all was well."]


def test_scene_break_and_verse_pauses(tmp_path):
    wrapped = "The night was long and the road was longer still, and nobody\nwalked it without a lantern or a friend at their side.\n\n"
    path = tmp_path / "b.txt"
    path.write_text("CHAPTER I. Night\n\n" + wrapped + "* * *\n\n" + wrapped + "The wind it blew,\nThe rain it fell.\n\n" + wrapped)
    settings = BuildSettings(narration=NarrationOptions(keep=frozenset({"repeats"})))  # the paragraph is said thrice
    units = prepare(path, settings).units[1]
    pauses = settings.pauses
    by_text = {u.text: u.pause_after for u in units}
    assert by_text["The wind it blew"] == pauses.verse_line
    assert by_text["The rain it fell."] == pauses.paragraph
    walked = [u for u in units if u.text.startswith("walked") or "friend at their side" in u.text]
    assert walked[0].pause_after == pauses.scene_break


def test_web_leftovers_are_dropped_unless_kept(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("A real paragraph of the article.\nAnother one.\nContinue reading The Story  \nShare this:\n")
    plain = prepare(path, BuildSettings())
    spoken = " ".join(u.text for u in plain.units[1])
    assert "Continue reading" not in spoken and "Share this" not in spoken
    kept = prepare(path, BuildSettings(narration=NarrationOptions(keep_web_leftovers=True)))
    assert "Continue reading" in " ".join(u.text for u in kept.units[1])


def test_seed_does_not_narrate_continue_reading():
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_d8fdb994e65f720e.txt"
    prepared = prepare(seed, BuildSettings())
    spoken = " ".join(u.text for units in prepared.units.values() for u in units)
    assert "Continue reading" not in spoken
    # The dash in the title is spoken as a pause.
    assert spoken.startswith("Jiayuguan, the socialist future today, by Friends of Socialist China.")
    assert spoken.endswith("End of Jiayuguan, the socialist future today.")
    assert "founded in nineteen fifty-eight" in spoken
    assert "over eleven million tons" in spoken
    assert "between the twenty-fifth of May and the fifth of June, twenty twenty-five" in spoken
    assert "JISCO" in spoken and "CNIE" in spoken


def test_announcements_can_be_turned_off(carol):
    quiet = prepare(CAROL, BuildSettings(narration=NarrationOptions(announce_edition=False, announce_chapters=False)))
    texts = [u.text for u in quiet.units[1]]
    assert texts[0] == "Preface."
    assert "Stave one. Marley's Ghost." not in texts
    assert "End of A Christmas Carol." not in [u.text for u in quiet.units[5]]
    assert "Stave one. Marley's Ghost." in [u.text for u in carol.units[1]]


def test_read_handles_bom_crlf_cr_and_nfc(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes("\ufeffCafe\u0301 one.\r\nLine two.\rLine three.\n".encode("utf-8"))
    source = read_source(path)
    assert source.text == "Café one.\nLine two.\nLine three.\n"
    assert "\u0301" not in source.text


def test_a_book_whose_chapter_headings_are_not_found_is_read_whole_and_cut_by_topic():
    """The Carol without its STAVE lines: its contents list used to swallow the whole book
    (a contents section ran to the next heading, and there was none): 57 words were left."""
    text = re.sub(r"(?m)^\s*STAVE.*$", "", CAROL.read_text(encoding="utf-8-sig"))
    edition = structure(Source(name="carol", text=text))
    assert edition.word_count > 28_000
    assert edition.chapters[0].title == "Preface"
    body = edition.chapters[1:]
    assert 8 <= len(body) <= 12 and all(1_500 <= c.word_count <= 4_500 for c in body)
    assert body[0].paragraphs[0].text.startswith("MARLEY was dead")
    titles = [c.title for c in body]
    assert len(set(titles)) == len(titles) and all(len(t.split()) <= 3 for t in titles)


def test_a_books_header_fields_credit_and_edition_note_in_its_own_language():
    from aloud.narrate.lang import for_language
    from aloud.structure import structure

    prose = "Le navire quitta le port au petit matin, et la foule regardait les voiles blanches disparaître. " * 4
    french = (f"The Project Gutenberg EBook of X\n\nTitre : Les Aventures du capitaine Hatteras\nAuteur : Jules Verne\n\n"
              f"*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n\nProduit par Chuck Greif et l'équipe\n\n"
              f"CHAPITRE PREMIER.\n\n{prose}\n\n*** END OF THIS PROJECT GUTENBERG EBOOK X ***\n\nlicence\n")
    book = strip_gutenberg(french)
    assert (book.title, book.author) == ("Les Aventures du capitaine Hatteras", "Jules Verne")
    assert "Produit par" not in book.body
    exported = (f"Chapitre premier\n\n{prose}\n\nChapitre II\n\n{prose.replace('navire', 'bateau')}\n\n"
                "À propos de cette édition électronique\n\nCe livre électronique est issu de la bibliothèque numérique "
                "Wikisource. Cette bibliothèque numérique multilingue, construite par des bénévoles, a pour but de "
                "mettre à la disposition du plus grand nombre tout type de documents publiés.\n")
    edition = structure(Source(name="hatteras", text=exported), locale=for_language("fr"))
    said = " ".join(p.text for c in edition.chapters for p in c.paragraphs if not p.left_out)
    assert "Wikisource" not in said and "navire" in said and len(edition.chapters) == 2
    assert [p.left_out for p in edition.chapters[-1].paragraphs][-1] == "matter"
    # A book that speaks of such a note in its first pages keeps them.
    assert strip_gutenberg(f"À propos de cette édition électronique\n\n{prose * 20}") is None
