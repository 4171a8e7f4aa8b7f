"""Timelines, transcripts, the player page and the EPUB documents, from made-up timings."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from aloud.audio.cache import SegmentAudio
from aloud.audio.mastering import audible_span
from aloud.audio.timeline import chapter_marks
from aloud.export.epub import chapter_smil, chapter_xhtml, clips, clock, nav_xhtml, package_opf
from aloud.export.player import player_html
from aloud.export.transcript import LINE, cues, split_for_cues, srt_text, vtt_text
from aloud.model import Chapter, ChapterAudio, ChapterMark, Edition, Paragraph, SentenceTiming, UnitTiming
from aloud.narrate import narrate_chapter
from aloud.settings import Pauses

NASTY = 'Tom & "Jerry" <script>alert(1)</script> --> ]]> \\ ; = # /..'


def _edition(title: str = "A Book") -> Edition:
    return Edition(title, "An Author", "a-book", ())


def _mark(index: int, start: float, end: float, sentences: list[tuple[float, float, str]], title="Chapter") -> ChapterMark:
    timed = tuple(
        SentenceTiming(s, e, t, "title" if n == 0 else "sentence", n < 2) for n, (s, e, t) in enumerate(sentences)
    )
    return ChapterMark(index, title, start, end, f"mp3/{index:02d}.mp3", 10, timed)


def test_a_long_sentence_spoken_in_pieces_is_one_timed_sentence(tmp_path: Path):
    words = " ".join(f"word{n}," for n in range(60))
    chapter = Chapter(1, "One", "Chapter one", (Paragraph(f"Short first. Then {words} end."), Paragraph("Next one.")))
    units = narrate_chapter(chapter, Pauses())
    assert len(units) > 4  # title, first, the long one in pieces, next
    assert [u.new_paragraph for u in units].count(True) == 3  # the title and two paragraphs
    continued = [u for u in units if not u.written]
    assert continued  # the long sentence's later pieces
    # Two segments, the second starting at the long sentence's second piece.
    cut = units.index(continued[0])

    def seg(part, offset):
        timings = tuple(UnitTiming(u.index, offset + 1.0 * i, offset + 1.0 * i + 0.8, u.text) for i, u in enumerate(part))
        samples = round((offset + len(part)) * 1000)
        return SegmentAudio("k", {}, 1000, samples, timings, -19.0, 0.0)

    audio = ChapterAudio(chapter, (seg(units[:cut], 0.5), seg(units[cut:], 0.0)))
    (mark,) = chapter_marks([audio], {1: units}, ["mp3/01.mp3"])
    texts = [s.text for s in mark.sentences]
    assert texts == ["One", "Short first.", f"Then {words} end.", "Next one."]  # titles as written
    long = mark.sentences[2]
    first_segment = audio.segments[0]
    assert long.start == pytest.approx(first_segment.timings[2].start)
    last_piece = units.index(next(u for u in units if u.written == "Next one.")) - 1
    assert long.end == pytest.approx(first_segment.duration + (last_piece - cut) * 1.0 + 0.8)
    assert mark.sentences[0].kind == "title"


def test_audible_span_skips_the_engines_own_silence():
    import struct

    pcm = struct.pack("<8h", 0, 3, -2, 900, -1200, 40, 0, -5)
    assert audible_span(pcm) == (3, 5)
    assert audible_span(b"\0\0" * 4) == (0, 4)


def test_cues_fit_two_lines_and_keep_every_word():
    text = (
        "In the following article, which was originally published in the Morning Star under the title "
        "‘China’s socialism succeeds where Eastern European failed’, Pawel Wargan writes movingly about his "
        "recent visit to Jiayuguan and other formerly socialist countries."
    )
    pieces = split_for_cues(text)
    assert len(pieces) > 1
    assert " ".join(pieces) == text
    for piece in pieces:
        assert len(re.findall(r".{1,%d}(?:\s|$)" % LINE, piece + " ")) <= 2
    assert split_for_cues("Short.") == ["Short."]


def test_cue_times_share_a_sentence_by_length_and_stay_inside_it():
    long = " ".join(["several words here,"] * 12)
    mark = _mark(1, 0.0, 30.0, [(1.0, 2.0, "Title"), (2.5, 20.0, long), (21.0, 29.0, "Last.")])
    found = cues([mark])
    assert found[0].start == 1.0 and found[-1].end == 29.0
    inner = [c for c in found if 2.5 <= c.start < 20.0]
    assert len(inner) > 1 and inner[0].start == 2.5 and inner[-1].end == pytest.approx(20.0)
    for a, b in zip(inner, inner[1:]):
        assert a.end == pytest.approx(b.start)


def test_vtt_and_srt_escape_what_they_must():
    mark = _mark(1, 0.0, 3725.5, [(0.5, 1.0, "Title"), (3600.0, 3725.25, NASTY)], title="Bad --> title\nhere")
    vtt = vtt_text([mark], "Book --> x")
    assert vtt.startswith("WEBVTT - Book -> x\n\n")  # no entities outside cue text
    assert "<script>" not in vtt and "&lt;script&gt;" in vtt and "Tom &amp;" in vtt
    assert "01:00:00.000 --> 01:02:05.250" in vtt
    assert "NOTE Chapter 1: Bad -> title here" in vtt
    assert vtt.count("-->") == 2  # only the cue timings
    srt = srt_text([mark])
    assert "01:00:00,000 --> 01:02:05,250" in srt
    assert srt.startswith("1\n00:00:00,500 --> 00:00:01,000\nTitle\n\n2\n")
    assert "<script>" not in srt and "alert(1)" in srt  # SRT players would read tags as styling
    styled = _mark(1, 0.0, 9.0, [(0.5, 1.0, "Title"), (2.0, 8.0, "A {\\an8}<i>moving</i> <font color=red>tale</font>, 1 < 2.")])
    assert "\nA moving tale, 1 < 2.\n" in srt_text([styled])


def test_cues_of_a_sentence_spoken_in_parts_follow_the_parts():
    words = " ".join(["many words here,"] * 14)
    parts = ((2.0, 6.0), (7.0, 11.0))  # a pause of a second between the two pieces
    sentence = SentenceTiming(2.0, 11.0, words, "sentence", True, parts)
    mark = ChapterMark(1, "One", 0.0, 12.0, "mp3/01.mp3", 40, (sentence,))
    found = cues([mark])
    assert len(found) >= 2
    assert found[0].start == 2.0 and found[-1].end == 11.0
    for cue in found:  # no cue starts or ends inside the pause
        assert not 6.0 < cue.start < 7.0 and not 6.0 < cue.end < 7.0


def test_verse_keeps_its_lines():
    chapter = Chapter(1, "Song", "", (Paragraph("Roses are red,\nViolets are blue,\nSugar is sweet.", "verse"),))
    units = narrate_chapter(chapter, Pauses())
    assert [u.kind for u in units] == ["line", "line", "line"]
    timed = tuple(SentenceTiming(n, n + 0.5, u.written, u.kind, u.new_paragraph) for n, u in enumerate(units))
    mark = ChapterMark(1, "Song", 0.0, 4.0, "mp3/01.mp3", 9, timed)
    xhtml = chapter_xhtml(mark, "en")
    assert "Roses are red,</span><br/><span" in xhtml and "blue,</span><br/><span" in xhtml
    ET.fromstring(xhtml)


def test_player_data_cannot_break_out_of_its_script():
    edition = _edition(NASTY)
    mark = _mark(1, 0.0, 10.0, [(0.5, 1.0, "</script><script>alert(1)</script>"), (2.0, 3.0, NASTY)], title=NASTY)
    page = player_html(edition, [mark], "a-book.mp3")
    assert page.count("</script>") == 2  # the data's and the player's own
    assert "<script>alert" not in page
    data = re.search(r'<script type="application/json" id="edition-data">(.*?)</script>', page, re.S).group(1)
    parsed = json.loads(data)
    assert parsed["title"] == NASTY
    assert parsed["chapters"][0]["sentences"][1][2] == NASTY
    assert "<title>Tom &amp; &quot;Jerry&quot; &lt;script&gt;" in page


def test_epub_documents_are_well_formed_whatever_the_text():
    edition = _edition(NASTY)
    mark = _mark(1, 10.0, 20.0, [(10.5, 11.0, NASTY), (12.0, 13.0, "Plain.\x01"), (14.0, 19.0, "Third.")], title=NASTY)
    xhtml = ET.fromstring(chapter_xhtml(mark, "en"))
    texts = {e.get("id"): "".join(e.itertext()) for e in xhtml.iter() if e.get("id")}
    assert texts["s00001"] == NASTY
    assert texts["s00002"] == "Plain."
    smil = ET.fromstring(chapter_smil(mark, 1))
    audio = smil.findall(".//{http://www.w3.org/ns/SMIL}audio")
    assert [(a.get("clipBegin"), a.get("clipEnd")) for a in audio] == [
        ("0:00:00.000", "0:00:02.000"), ("0:00:02.000", "0:00:04.000"), ("0:00:04.000", "0:00:10.000")
    ]
    nav = ET.fromstring(nav_xhtml(edition, [mark], "en"))
    assert [a.text for a in nav.iter("{http://www.w3.org/1999/xhtml}a")] == [NASTY]
    opf = ET.fromstring(package_opf(edition, [mark], "urn:x", "en"))
    titles = [e.text for e in opf.iter("{http://purl.org/dc/elements/1.1/}title")]
    assert titles == [NASTY]


def test_clip_times_never_pass_the_end_of_the_audio():
    assert clock(3723.4569) == "1:02:03.456"
    mark = _mark(1, 0.0, 5.0009, [(0.2, 1.0, "A"), (2.0, 4.9, "B")])
    assert clips(mark)[-1][2] == pytest.approx(5.0009)
    assert clock(clips(mark)[-1][2]) == "0:00:05.000"


def test_epub_modified_date_follows_source_date_epoch():
    from aloud.export.epub import MODIFIED, modified_date
    from aloud.settings import source_date_epoch

    assert modified_date(None) == MODIFIED == modified_date(source_date_epoch({"SOURCE_DATE_EPOCH": "not a number"}))
    assert modified_date(source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"})) == "2023-11-14T22:13:20Z"
    assert source_date_epoch({}) is None
    opf = package_opf(_edition(), [_mark(1, 0.0, 2.0, [(0.1, 1.0, "A")])], "urn:x", "en", modified_date(1700000000))
    assert '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' in opf
