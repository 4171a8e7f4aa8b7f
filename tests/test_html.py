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
    spoken = words(" ".join(p.text for c in edition.chapters for p in c.preamble + c.paragraphs if not p.left_out))
    overlap = sum((expected & spoken).values())
    assert overlap / sum(expected.values()) >= 0.9  # recall
    assert overlap / sum(spoken.values()) >= 0.95  # precision
    meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    # The page's title, without the author or site the page adds to it ("… | Eleanor Ainge Roy").
    assert meta["title"] in (edition.title, f"{edition.title} | {meta['byline']}")


def test_the_page_says_who_wrote_it_in_what_language():
    assert read_source(PAGES / "nytimes-1" / "source.html").author == "Jeffrey Gettleman"  # said twice, kept once
    assert read_source(PAGES / "lemonde-1" / "source.html").language == "fr"
    assert read_source(PAGES / "heise" / "source.html").language == "de"
    assert read_source(PAGES / "heise" / "source.html").author == "Mac & i"  # the magazine, as it spells itself
    guardian = read_source(PAGES / "guardian-1" / "source.html")
    assert (guardian.title, guardian.author) == (
        "'What is the sea telling us?': Māori tribes fearful over whale strandings", "Eleanor Ainge Roy")


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


COMMENTED = """<!DOCTYPE html><html lang="en"><head><title>The Lamp | Keeper's Blog</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>The Lamp</h1><p>The keeper climbed the stairs each evening and lit the great lamp, and the ships that
passed far out on the dark water saw it and kept away from the rocks below the cliff.</p>
<p>In winter the storms came early, and the keeper lit the lamp in the afternoon, when the sky was already black and
the waves ran white over the reef beyond the harbour wall.</p></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “The Lamp”</h2><ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Bob</b> says:</footer>
<div class="comment-content"><p>What a lovely story about my grandfather's lighthouse, thank you.</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Eve</b> says:</footer>
<div class="comment-content"><p>I visited that lighthouse last summer and climbed the stairs.</p></div></article></li>
</ol></div><footer>Copyright 2024</footer></body></html>"""


def test_readers_comments_are_left_out_shown_and_read_with_keep_comments(tmp_path):
    page = tmp_path / "lamp.html"
    page.write_text(COMMENTED, encoding="utf-8")
    shown = subprocess.run([*ALOUD, "text", str(page)], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("=== Chapter 1 of 1: The Lamp ===\nThe Lamp.  [")  # without "| Keeper's Blog"
    said = [line for line in shown.stdout.splitlines() if line.endswith("s]")]
    assert said and not any("grandfather" in line or "Bob" in line for line in said)
    assert "[left out: comments, 21 words: “Comments What a lovely story about my grandfather's …”]" in shown.stdout
    kept = subprocess.run([*ALOUD, "text", str(page), "--keep", "comments"], capture_output=True, text=True).stdout
    assert "Comments.  [" in kept and "What a lovely story about my grandfather's lighthouse, thank you." in kept
    assert kept.index("Comments.") > kept.index("harbour wall")  # after the article
