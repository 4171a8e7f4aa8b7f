"""Web pages in: the article, not the page — measured against the articles mozilla/readability
expects from real saved pages."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lhtml

from aloud.pipeline import prepare
from aloud.read import read_source
from aloud.settings import BuildSettings
from aloud.words import WORD

PAGES = Path(__file__).parent / "corpus" / "web"
ALOUD = [sys.executable, "-m", "aloud"]


def words(text: str) -> collections.Counter:
    return collections.Counter(w.lower() for w in WORD.findall(text))


@pytest.mark.parametrize("page", ["bbc-1", "guardian-1", "heise", "lemonde-1", "nytimes-1"])
def test_the_article_is_read_and_little_else(page):
    folder = PAGES / page
    expected = words(" ".join(lhtml.fromstring((folder / "expected.html").read_text(encoding="utf-8")).itertext()))
    edition = prepare(folder / "source.html", BuildSettings()).edition
    spoken = words(" ".join(p.text for c in edition.chapters for p in c.preamble + c.paragraphs))
    overlap = sum((expected & spoken).values())
    assert overlap / sum(expected.values()) >= 0.9  # recall
    assert overlap / sum(spoken.values()) >= 0.95  # precision
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    assert edition.title == meta["title"]


def test_the_page_says_who_wrote_it_in_what_language():
    assert read_source(PAGES / "nytimes-1" / "source.html").author == "Jeffrey Gettleman"  # said twice, kept once
    assert read_source(PAGES / "lemonde-1" / "source.html").language == "fr"
    assert read_source(PAGES / "heise" / "source.html").language == "de"


def test_a_short_article_is_one_chapter_with_its_headings_inside(tmp_path):
    edition = prepare(PAGES / "bbc-1" / "source.html", BuildSettings()).edition
    assert len(edition.chapters) == 1
    assert any(p.kind == "heading" for p in edition.chapters[0].paragraphs)


def test_a_page_on_stdin_is_known_by_its_content_and_a_page_without_an_article_is_one_line(tmp_path):
    source = (PAGES / "guardian-1" / "source.html").read_bytes()
    piped = subprocess.run([*ALOUD, "plan", "-"], input=source, capture_output=True)
    assert piped.returncode == 0 and piped.stdout.decode().startswith("'What is the sea telling us?'")
    empty = tmp_path / "empty.html"
    empty.write_text("<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    result = subprocess.run([*ALOUD, "plan", str(empty)], capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.strip().splitlines() == [
        f"aloud: error: {empty}: holds no article to read (no main text was found in the page)"]
