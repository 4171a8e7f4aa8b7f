"""Web pages in: the article, not the page — measured against the articles mozilla/readability
expects from real saved pages."""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lhtml

from aloud.errors import InputError
from aloud.narrate import narrate_edition
from aloud.pipeline import prepare
from aloud.read import read_source
from aloud.settings import BuildSettings, NarrationOptions, Pauses
from aloud.structure import structure
from aloud.words import WORD

PAGES = Path(__file__).parent / "corpus" / "web"
ALOUD = [sys.executable, "-m", "aloud"]


def words(text: str) -> collections.Counter:
    return collections.Counter(w.lower() for w in WORD.findall(text))


@pytest.mark.parametrize("page", ["bbc-1", "guardian-1", "heise", "lemonde-1", "nytimes-1",
                                  "ars-1", "blogger", "herald-sun-1", "seattletimes-1", "wordpress"])
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
    assert edition.title == re.split(r"\s+\|\s+", " ".join(meta["title"].split()))[0]


@pytest.mark.parametrize("page", ["bbc-1", "guardian-1", "heise", "lemonde-1", "nytimes-1", "ars-1", "wordpress"])
def test_an_articles_html_alone_without_a_page_around_it_is_read_whole(page):
    folder = PAGES / page
    expected = words(" ".join(lhtml.fromstring((folder / "expected.html").read_text(encoding="utf-8")).itertext()))
    edition = prepare(folder / "expected.html", BuildSettings()).edition
    spoken = words(" ".join(p.text for c in edition.chapters for p in c.preamble + c.paragraphs if not p.left_out)
                   + " " + " ".join(c.title for c in edition.chapters))
    assert sum((expected & spoken).values()) / sum(expected.values()) >= 0.9


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


# Pieces of real pages: the article's own, and what is around it. Whatever a page is made of,
# no markup, code, script, style or address reaches the engine.
HTML_BITS = st.lists(st.sampled_from([
    "<p>The keeper climbed the stairs each evening and lit the great lamp for the ships at sea.</p>",
    "<h2>A heading</h2>", "<pre><code>if x &lt; 3: print('{x}')</code></pre>", "<p>Use <code>git init</code> first.</p>",
    "<script>var a = {b: [1, 2]}; if (a < b) {}</script>", "<style>p { color: red; }</style>",
    '<p>See <a href="https://example.com/a?b=c">the report</a> and <img src="x.png" alt="a chart"/>.</p>',
    "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>30</td></tr></table>",
    "<ul><li>first item of a list</li><li>second item</li></ul>", "<blockquote><p>A quoted line.</p></blockquote>",
    '<nav><a href="/">Home</a> | <a href="/about">About</a></nav>', "<p>Fish &amp; chips &lt;b&gt; cost &#163;5.</p>",
    '<div class="share">Share this: <a href="https://twitter.com/x">Twitter</a></div>', "<!-- a comment -->",
    "<p>x<sup>2</sup> and H<sub>2</sub>O</p>", "<figure><figcaption>A caption under a picture.</figcaption></figure>",
]), min_size=1, max_size=25)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HTML_BITS)
def test_no_markup_code_or_address_reaches_the_engine_from_a_web_page(tmp_path_factory, bits):
    path = tmp_path_factory.mktemp("page") / "any.html"
    body = "<article><h1>The Page</h1><p>" + "Some words of the article come first, as a page would have. " * 3 + "</p>"
    path.write_text(f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}{''.join(bits)}</article></body></html>",
                    encoding="utf-8")
    try:
        edition = structure(read_source(path))
    except InputError:
        return  # a page without an article is refused in one line (tested above)
    units = narrate_edition(edition, Pauses(), NarrationOptions())
    for unit in (u for us in units.values() for u in us):
        for bad in ("<", ">", "{", "}", "[", "]", "|", "`", "http", "www.", "print(", "var a", "color:",  # inline code is words
                    "&amp;", "&lt;", "&#"):
            assert bad not in unit.text, (bad, unit.text)


def test_a_code_block_on_a_page_is_left_out_and_shown_and_inline_code_is_read_as_words(tmp_path):
    page = tmp_path / "howto.html"
    page.write_text("<!DOCTYPE html><html><body><article><h1>How to Start</h1><p>" + "Start a project the usual way. " * 5
                    + "Run <code>git init</code> in a new folder.</p><pre><code>mkdir myblog\ncd myblog &amp;&amp; git init"
                    "</code></pre><p>" + "Then write your first page. " * 5 + "</p></article></body></html>", encoding="utf-8")
    shown = subprocess.run([*ALOUD, "text", str(page)], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert "Run git init in a new folder." in shown.stdout
    assert "[left out: code, 2 lines]" in shown.stdout and "mkdir" not in shown.stdout and "myblog" not in shown.stdout


def test_a_wikis_edit_links_and_reference_sections_are_not_read():
    page = PAGES / "wiki-lighthouse.html"  # made in the shape of a Wikipedia page
    shown = subprocess.run([*ALOUD, "text", str(page)], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    said = "\n".join(line for line in shown.stdout.splitlines() if line.endswith("s]"))
    assert "History.  [" in said and "edit" not in said
    for never in ("See also", "Lightvessel", "References", "Stevenson", "External links", "Directory"):
        assert never not in said, never
    assert "[left out: reference list, 28 words: “See also References ^ Stevenson, D. Alan (1959). …”]" in shown.stdout
    kept = subprocess.run([*ALOUD, "text", str(page), "--keep", "references"], capture_output=True, text=True).stdout
    assert "Stevenson" in kept


def test_wikipedias_article_is_read_without_its_references_and_edit_links():
    """readability keeps a Wikipedia article's references and "[edit]" links, a listener wants
    neither: against its article without them, aloud hears 98 % of it and nothing else."""
    folder = PAGES / "wikipedia"
    tree = lhtml.fromstring((folder / "expected.html").read_text(encoding="utf-8"))
    for element in tree.xpath('//*[contains(@class,"mw-editsection")]|//ol[contains(@class,"references")]'
                              '|//div[contains(@class,"reflist")]|//sup[contains(@class,"reference")]'):
        element.drop_tree()
    for heading in [h for h in tree.iter("h2") if re.match(r"\s*(References|External links|See also|Notes|Further reading)",
                                                            h.text_content())]:
        while heading.getnext() is not None and heading.getnext().tag != "h2":
            heading.getnext().drop_tree()
        heading.drop_tree()
    expected = words(" ".join(tree.itertext())) - collections.Counter({"edit": 10_000})
    edition = prepare(folder / "source.html", BuildSettings()).edition
    spoken = words(" ".join(p.text for c in edition.chapters for p in c.preamble + c.paragraphs if not p.left_out))
    overlap = sum((expected & spoken).values())
    assert overlap / sum(expected.values()) >= 0.95 and overlap / sum(spoken.values()) >= 0.98
    assert edition.title == "Mozilla"  # "Mozilla - Wikipedia"
    assert [c.title for c in edition.chapters] == ["History", "Values", "Software", "Other activities", "Community"]
    assert "retrieved" not in spoken and "edit" not in spoken
