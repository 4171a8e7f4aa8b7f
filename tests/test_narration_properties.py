"""Properties of the whole text path (structure → narrate) over arbitrary input."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from aloud.errors import InputError
from aloud.model import LEFT_OUT, Source
from aloud.narrate import narrate_edition
from aloud.narrate.lang.en.word_lists import SENTENCE_ABBREVIATIONS
from aloud.settings import NarrationOptions, Pauses
from aloud.structure import structure

MARKUP = re.compile(r"[<>{}\[\]\\|^~`_*#=]|https?:|www\.")
DIGITS = re.compile(r"[0-9]")


def spoken(text: str, **options) -> list[str]:
    try:
        edition = structure(Source(name="t", text=text), keep=frozenset(LEFT_OUT))  # every word
    except InputError:
        return []
    units = narrate_edition(edition, Pauses(), NarrationOptions(**options))
    return [u.text for c in edition.chapters for u in units[c.index]]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_narration_never_raises_nor_speaks_digits_or_markup(text):
    for line in spoken(text):
        assert not DIGITS.search(line), line
        assert not MARKUP.search(line), line
        assert line.strip()


printable = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.lists(printable, max_size=8))
def test_structured_text_with_headings_and_numbers(lines):
    text = "\n\n".join(f"# {line}" if i % 3 == 0 else line for i, line in enumerate(lines))
    text += "\n\nCHAPTER IV. 25 May 2025\n\nIt cost £5.50 in 1958, see https://example.com [1].\n"
    for line in spoken(text):
        assert not DIGITS.search(line) and not MARKUP.search(line), line


words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9), min_size=1, max_size=60)
EXPANDED = {"vs", "etc", "approx", "cf", "viz", "incl", "excl", "esp"}  # abbreviations read in full
EXPANDED |= {"http", "www"}  # spelled out as letters, so no URL scheme reaches the engine
HEADING_WORDS = {"chapter", "stave", "book", "part", "volume", "act", "scene", "canto", "section", "letter", "contents"}


def looks_like_a_heading(paragraph: list[str]) -> bool:
    """A one-line paragraph such as "I." or "Part one." is a heading, not ordinary prose."""
    return bool(re.fullmatch(r"[ivxlcdm]+", paragraph[0])) or paragraph[0] in HEADING_WORDS or len(paragraph) < 3


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(words, min_size=1, max_size=6))
def test_every_word_of_ordinary_prose_is_kept_in_order(paragraphs):
    assume(not any(looks_like_a_heading(p) for p in paragraphs))
    assume(not EXPANDED & {w for p in paragraphs for w in p})
    text = "\n\n".join(" ".join(p).capitalize() + "." for p in paragraphs)
    said = " ".join(spoken(text, announce_edition=False, announce_chapters=False))
    said_words = re.findall(r"[a-z]+", said.lower())
    assert said_words == [w for p in paragraphs for w in p]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(words, min_size=1, max_size=6), st.data())
def test_emphasis_ellipses_broken_off_speech_and_titles_keep_every_word_in_order(paragraphs, data):
    """A narrator's marks — a word in capitals, a trailing "...", speech broken off with
    "--", "Mr." before a name in a quotation — change how a word is said, never which."""
    assume(not any(looks_like_a_heading(p) for p in paragraphs))
    assume(not (EXPANDED | {"esq"} | SENTENCE_ABBREVIATIONS) & {w for p in paragraphs for w in p})  # "Mr. Jr": Junior
    assume(not any(re.fullmatch(r"[ivxlcdm]+", w) for p in paragraphs for w in p))  # "MIX" is a number
    written, expected = [], []
    for p in paragraphs:
        marked = []
        for n, w in enumerate(p):
            mark = data.draw(st.sampled_from(["", "", "caps", "ellipsis", "title"]))
            if mark == "caps":
                marked.append(w.upper())
            elif mark == "ellipsis" and n < len(p) - 1:
                marked.append(w + "...")
            elif mark == "title" and n == 0:
                marked.append(f'"Mr. {w.capitalize()}')
                expected.append("mister")
            else:
                marked.append(w)
            expected.append(w)
        ending = data.draw(st.sampled_from([".", "--", "--?", "...", "!"]))
        written.append(" ".join(marked)[:1].upper() + " ".join(marked)[1:] + ending)
    said = " ".join(spoken("\n\n".join(written), announce_edition=False, announce_chapters=False))
    assert re.findall(r"[a-z]+", said.lower()) == expected, said
