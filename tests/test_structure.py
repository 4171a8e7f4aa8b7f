from __future__ import annotations

from conftest import SAMPLE, SEED

from aloud.model import Source
from aloud.read import read_source
from aloud.structure import section_title, slugify, structure


def make(text: str, **kw) -> Source:
    return Source(name="sample", text=text, **kw)


def test_seed_becomes_a_few_sections_cut_where_its_topic_turns_titled_by_what_they_are_about():
    edition = structure(read_source(SEED))
    assert 2 <= len(edition.chapters) <= 5
    titles = [c.title for c in edition.chapters]
    assert len(set(titles)) == len(titles)
    for chapter in edition.chapters:
        read = [p for p in chapter.paragraphs if not p.left_out]
        assert 1 <= len(chapter.title.split()) <= 4, chapter.title  # a key phrase, not opening words
        assert chapter.title.lower() in " ".join(p.text for p in read).lower()
        assert chapter.spoken_title == chapter.title  # players, EPUB and audio say the same
        assert chapter.word_count >= 100  # no crumbs
        # An answer is never cut from what it answers.
        assert read[0].text.split()[0].strip(",") not in ("Yet", "But", "However", "Therefore", "All")
    assert edition.title == "Jiayuguan – the socialist future today"  # from the edition file
    assert edition.author == "Friends of Socialist China"


def test_seed_keeps_every_paragraph_in_order_and_leaves_out_its_repeated_pull_quote():
    source = read_source(SEED)
    edition = structure(source)
    lines = [" ".join(line.split()) for line in source.text.splitlines() if line.strip()]
    paragraphs = [p for c in edition.chapters for p in c.paragraphs]
    assert [p.text for p in paragraphs] == lines
    assert [p.left_out for p in paragraphs[-3:]] == ["repeats", "repeats", "web-leftovers"]
    assert not any(p.left_out for p in paragraphs[:-3])
    kept = structure(source, keep=frozenset({"repeats"}))
    assert [p.left_out for c in kept.chapters for p in c.paragraphs][-3:] == ["", "", "web-leftovers"]


def test_markdown_headings_make_chapters_and_top_heading_the_title():
    edition = structure(make(SAMPLE))
    assert edition.title == "The Lighthouse Keeper"
    assert [c.title for c in edition.chapters] == ["The Storm", "The Ship", "The Morning"]
    assert edition.chapters[1].paragraphs[0].text.startswith("A light showed")
    assert edition.slug == "the-lighthouse-keeper"


def test_chapter_lines_with_roman_numerals():
    text = "CHAPTER I. The Beginning\n\nIt began.\n\nCHAPTER II. THE MIDDLE\n\nIt went on.\n\nChapter 3: An End\n\nIt ended.\n"
    edition = structure(make(text))
    assert [c.title for c in edition.chapters] == ["Chapter I: The Beginning", "Chapter II: The Middle", "Chapter 3: An End"]
    assert [c.spoken_title for c in edition.chapters] == [
        "Chapter one. The Beginning",
        "Chapter two. The Middle",
        "Chapter three. An End",
    ]


def test_hard_wrapped_lines_join_into_paragraphs():
    text = "The first line of a paragraph\nwraps onto a second line.\n\nA new paragraph\nstarts here.\n"
    edition = structure(make(text))
    assert [p.text for p in edition.chapters[0].paragraphs] == [
        "The first line of a paragraph wraps onto a second line.",
        "A new paragraph starts here.",
    ]


def test_long_text_without_headings_is_split_evenly():
    paragraph = " ".join(["word"] * 100) + "."
    text = "\n\n".join(f"Paragraph {i} begins here, {paragraph}" for i in range(40))  # 4,000+ words
    edition = structure(make(text))
    counts = [c.word_count for c in edition.chapters]
    assert 2 <= len(counts) <= 5
    assert max(counts) - min(counts) <= 110  # balanced to within a paragraph


def test_short_text_is_one_chapter():
    edition = structure(make("Just a few words here. Nothing more."))
    assert len(edition.chapters) == 1
    assert edition.chapters[0].spoken_title == ""


def test_title_and_author_overrides_win():
    edition = structure(make(SAMPLE, title="File title", author="File author"), title="Given", author="Someone")
    assert (edition.title, edition.author) == ("Given", "Someone")


def test_section_title_cuts_at_a_clause_or_adds_ellipsis():
    assert section_title("In the following article, which was published") == "In the following article"
    assert section_title("One two three four five six seven eight nine ten") == "One two three four five six seven eight…"


def test_slugify():
    assert slugify("Jiayuguan – the socialist future today") == "jiayuguan-the-socialist-future-today"
    assert slugify("Ça va? Très bien!") == "ca-va-tres-bien"
    assert slugify("../../etc/passwd") == "etc-passwd"


def test_markdown_headings_without_blank_lines():
    text = "# Notes\n## First\nSome text under it.\n## Second\nMore text.\n"
    edition = structure(make(text))
    assert edition.title == "Notes"
    assert [c.title for c in edition.chapters] == ["First", "Second"]
    assert edition.chapters[0].paragraphs[0].text == "Some text under it."
