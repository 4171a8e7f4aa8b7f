"""Plain-text articles read as articles: the title and author they give in their own lines,
web leftovers and repeated passages left out (and shown by `aloud text`), sections cut
where the topic turns and titled by what they are about."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SEED

from aloud.model import Paragraph, Source
from aloud.narrate.lang.en import English
from aloud.pipeline import prepare
from aloud.settings import BuildSettings, NarrationOptions
from aloud.structure import structure
from aloud.structure.article import name_reads_as_title
from aloud.structure.leftovers import leftover_lines
from aloud.structure.repeats import mark_repeats
from aloud.structure.topics import parts_by_topic

ALOUD = [sys.executable, "-m", "aloud"]
TOPICS = Path(__file__).resolve().parent / "corpus" / "text" / "cats-and-volcanoes.txt"


def spoken(prepared) -> str:
    return " ".join(u.text for units in prepared.units.values() for u in units)


def aloud(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ALOUD, *args], capture_output=True, text=True, input=input, timeout=120)


def write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PROSE = ("The keeper climbed the stairs each evening and lit the great lamp, and the ships that passed "
         "far out on the dark water saw it and kept away from the rocks below the cliff. ")


# Title and author from the text's own lines --------------------------------------------


def test_a_bracketed_first_line_gives_title_and_author_and_is_not_read(tmp_path):
    path = write(tmp_path, "[Alice's Adventures in Wonderland by Lewis Carroll 1865]\n\nCHAPTER I. Down the Rabbit-Hole\n\n"
                 + PROSE * 3 + "\n\nCHAPTER II. The Pool of Tears\n\n" + PROSE.replace("keeper", "warden") * 3, "alice.txt")
    prepared = prepare(path, BuildSettings())
    assert (prepared.edition.title, prepared.edition.author) == ("Alice's Adventures in Wonderland", "Lewis Carroll")
    said = spoken(prepared)
    assert said.startswith("Alice's Adventures in Wonderland, by Lewis Carroll.")
    assert "1865" not in said and "eighteen sixty-five" not in said  # the line is said once, as the opening
    assert [c.title for c in prepared.edition.chapters] == ["Chapter I: Down the Rabbit-Hole", "Chapter II: The Pool of Tears"]


def test_a_title_over_a_byline_titles_the_edition_and_neither_line_is_read_as_text(tmp_path):
    path = write(tmp_path, "The Old Lighthouse\nBy a staff writer\n\n" + PROSE * 2)
    prepared = prepare(path, BuildSettings())
    assert (prepared.edition.title, prepared.edition.author) == ("The Old Lighthouse", "a staff writer")
    said = spoken(prepared)
    assert said.startswith("The Old Lighthouse, by a staff writer. The keeper climbed")
    assert said.count("staff writer") == 1


def test_a_title_line_over_the_prose_of_a_text_without_headings_is_its_title(tmp_path):
    prepared = prepare(write(tmp_path, "Night at the Lighthouse\n\n" + PROSE * 2, "x1f3a9.txt"), BuildSettings())
    assert prepared.edition.title == "Night at the Lighthouse"
    assert spoken(prepared).count("Night at the Lighthouse") == 2  # opening and closing, not read again as text


def test_the_seed_without_its_edition_file_is_titled_by_its_last_line_and_its_file_name_is_never_spoken(tmp_path):
    bare = tmp_path / SEED.name
    shutil.copy(SEED, bare)  # without the .toml beside it
    prepared = prepare(bare, BuildSettings())
    edition = prepared.edition
    assert edition.title == "Jiayuguan – the socialist future today"  # from "Continue reading Jiayuguan – …"
    assert edition.author == "" and edition.slug == "jiayuguan-the-socialist-future-today"
    said = spoken(prepared)
    assert said.startswith("Jiayuguan, the socialist future today. Gansu. In the following article")
    assert "zero zero" not in said and "d eight" not in said and "Unknown" not in said
    assert "Continue reading" not in said


def test_a_file_name_of_hashes_or_digits_is_never_a_title():
    for name in ("000_d8fdb994e65f720e", "IMG_2034", "20240501", "3f9c0de1a2b4", "stdin"):
        assert not name_reads_as_title(name), name
    for name in ("my-essay", "alice30", "The_Time_Machine", "chapter-1"):
        assert name_reads_as_title(name), name
    edition = structure(Source(name="9f2c4e7d1a0b", text=PROSE * 3))
    assert edition.title == "Keeper"  # what the text is about, not "9f2c4e7d1a0b"


def test_stdin_without_a_title_is_titled_from_its_text_not_stdin():
    result = aloud("plan", "-", input=PROSE * 2)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Keeper"
    assert "Stdin" not in result.stdout and "stdin" not in result.stdout


def test_an_unknown_author_is_never_announced_or_shown(tmp_path):
    prepared = prepare(write(tmp_path, PROSE * 2, "lighthouse.txt"), BuildSettings())
    assert prepared.edition.author == ""
    assert spoken(prepared).startswith("Lighthouse. The keeper")
    result = aloud("plan", str(tmp_path / "lighthouse.txt"))
    assert result.stdout.splitlines()[0] == "Lighthouse" and "Unknown" not in result.stdout


# Web leftovers, wherever they stand ------------------------------------------------------

PAGE = (PROSE + "\n\nAdvertisement\n\n" + PROSE.replace("keeper", "warden") + "\n\nRead more: Why lighthouses went dark\n\n"
        + PROSE.replace("keeper", "boatman") + "\n\nShare this:\n\nTwitter\nFacebook\n"
        "Click to email a link to a friend (Opens in new window)\nClick to print (Opens in new window)\n\n"
        "Like this:\nLike Loading...\n\nRelated\n\nThe last keeper of Fastnet\nJune 5, 2025\nIn \"History\"\n")


def test_share_rows_like_this_related_lists_and_mid_article_leftovers_are_left_out(tmp_path):
    path = write(tmp_path, PAGE)
    said = spoken(prepare(path, BuildSettings()))
    for never in ("Advertisement", "Read more", "Share this", "Twitter", "Facebook", "Opens in new window",
                  "Like this", "Loading", "Related", "Fastnet", "History"):
        assert never not in said, never
    for kept in ("The keeper climbed", "The warden climbed", "The boatman climbed"):
        assert kept in said
    shown = aloud("text", str(path)).stdout
    assert shown.count("[left out: web leftovers") == 3
    assert "[left out: web leftovers: “Advertisement”]" in shown
    everything = spoken(prepare(path, BuildSettings(narration=NarrationOptions(keep=frozenset({"web-leftovers"})))))
    assert "Advertisement" in everything and "Fastnet" in everything


def test_prose_that_mentions_sharing_or_related_work_is_read():
    lines = ["Share the load with your team and the work goes faster.", "Related work on lamps was done by Fresnel.",
             "He said: read more.", "Share this:", "Facebook"]
    assert leftover_lines(lines) == [False, False, False, True, True]


# A passage printed twice ---------------------------------------------------------------


def test_the_seeds_repeated_pull_quote_is_read_once_and_aloud_text_shows_what_was_left_out():
    result = aloud("text", str(SEED))
    assert result.returncode == 0, result.stderr
    left = [line for line in result.stdout.splitlines() if line.startswith("[left out:")]
    assert left == ["[left out: repeated passage, 68 words: “Those of us who were born on the …”]",
                    "[left out: web leftovers: “Continue reading Jiayuguan – the socialist future today”]"]
    said = result.stdout.count("Rusting steel mills, cracked and potholed roads")
    assert said == 1
    kept = aloud("text", str(SEED), "--keep", "repeats").stdout
    assert kept.count("Rusting steel mills, cracked and potholed roads") == 2 and "repeated passage" not in kept


def test_a_refrain_a_short_repeat_and_a_longer_paragraph_are_not_repeats():
    refrain = Paragraph("Row, row, row your boat\nGently down the stream\nMerrily merrily merrily merrily\nLife is but a dream",
                        "verse")
    short = Paragraph("Then he huffed and he puffed and he blew the house in.")
    longer = Paragraph("a " * 30)
    marked = mark_repeats([refrain, short, Paragraph("a " * 6), longer, refrain, short])
    assert [p.left_out for p in marked] == ["", "", "", "", "", ""]
    quote = Paragraph("Those of us who were born on the ruins of the old bloc know how purpose-built towns are meant to look.")
    marked = mark_repeats([Paragraph("He wrote that, “those of us who were born on the ruins of the old bloc know how "
                                     "purpose-built towns are meant to look. Rusting mills.”"), quote])
    assert [p.left_out for p in marked] == ["", "repeats"]  # the same words, whatever the quote marks and case


# Sections by topic --------------------------------------------------------------------


def test_a_text_without_headings_is_cut_where_its_topic_turns_and_each_section_titled_by_what_it_is_about():
    text = TOPICS.read_text(encoding="utf-8")
    edition = structure(Source(name="topics", text=text))
    first, second = edition.chapters  # 418 words: two sections, not three cut by length
    assert first.paragraphs[-1].text.startswith("Old cats sleep")  # the last of the six on cats …
    assert second.paragraphs[0].text.startswith("Volcanoes form")  # … not the even cut, a paragraph earlier
    assert (first.title, second.title) == ("Whiskers", "Vesuvius")  # a key phrase each
    for chapter in edition.chapters:
        assert chapter.spoken_title == chapter.title and chapter.titled


def test_an_answer_is_never_cut_from_what_it_answers():
    locale = English()
    topic = ("Cats sleep in warm corners and wake for food, and a cat hunts birds at dawn in the garden. " * 3).strip()
    answer = ("Volcanoes rise where the crust cracks and magma pours out as lava and ash over the valley. " * 3).strip()
    paragraphs = [Paragraph(topic)] * 3 + [Paragraph("Yet " + answer[0].lower() + answer[1:])] + [Paragraph(answer)] * 3
    cuts = [c.paragraphs[0].text.split()[0] for c in parts_by_topic(paragraphs, locale)[1:]]
    assert cuts and "Yet" not in cuts
    question = [Paragraph(topic)] * 3 + [Paragraph(topic + " What of volcanoes?")] + [Paragraph(answer)] * 4
    chapters = parts_by_topic(question, locale)
    assert all(not c.paragraphs[0].text.startswith("Volcanoes") or not chapters[c.index - 2].paragraphs[-1].text.endswith("?")
               for c in chapters[1:])


def test_the_players_the_epub_and_the_audio_say_the_same_section_titles(tmp_path):
    prepared = prepare(SEED, BuildSettings())
    for chapter in prepared.edition.chapters:
        titles = [u for u in prepared.units[chapter.index] if u.kind == "title"]
        assert [u.written for u in titles] == [chapter.title]
        assert re.sub(r"[^\w ]", "", titles[0].text).strip() == re.sub(r"[^\w ]", "", chapter.title).strip()
