"""read → structure → narrate over arbitrary bytes and text: our own error, or units an
engine can say — never another exception."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aloud.audio.segment_plan import plan_segments
from aloud.errors import AloudError
from aloud.model import Source
from aloud.narrate import narrate_edition
from aloud.read import decode_text
from aloud.settings import AudioFormat, NarrationOptions, Pauses
from aloud.structure import structure

EXAMPLES = 400
PIECES = st.sampled_from([
    "# Title\n\n", "## Part\n\n", "CHAPTER I.\n\n", "STAVE II: A GHOST\n\n", "Chapter 3\n", "* * *\n\n",
    "Preface\n\n", "CONTENTS\n\n", "I.\n", "\n\n", "\n", "\r\n", "\t", "  ", ". ", "! ", "? ", "… ", ", ",
    "Mr. ", "Dr. Smith ", "1958 ", "£5.50 ", "25 May 2025 ", "3:30 pm ", "50% ", "World War II ", "https://x.org/a ",
    "<speak>", "</voice>", "&amp; ", "[[a]] ", "{x} ", "😀 ", "你好。", "مرحبا ", "\x00", "\x07", "\ufeff", "\u200d",
    "e\u0301 ", "ﬁ ", "A", "word ", "Words in a sentence. ", "“Quoted,” she said. ", "— ", "-- ", "_em_ ", "*b* ",
    "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n", "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n",
])
BOOKISH = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join)


def _run(data: bytes) -> None:
    try:
        text = decode_text(data, "input")
        edition = structure(Source(name="input", text=text))
        units = narrate_edition(edition, Pauses(), NarrationOptions())
    except AloudError as exc:
        event(f"refused: {exc.message.split(': ', 1)[-1].split(' (')[0].split(';')[0]}")
        return
    event("narrated")
    assert edition.chapters
    for chapter in edition.chapters:
        chapter_units = units[chapter.index]
        for unit in chapter_units:
            assert unit.text.strip()
            assert len(unit.text.split()) <= 40 or unit.kind == "title"
            assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn", "Cs") for ch in unit.text), unit.text
            assert "<" not in unit.text and ">" not in unit.text
        plan_segments(chapter_units, [u.text for u in chapter_units], Pauses(), AudioFormat())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data):
    _run(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text(text):
    _run(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BOOKISH)
def test_text_made_of_what_books_and_web_pages_contain(text):
    _run(text.encode("utf-8"))
