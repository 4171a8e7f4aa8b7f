"""The retail sample: a few minutes of the edition's own audio, from its first sentence of
text to a paragraph's end, with the quiet ACX asks at its head and tail."""

from __future__ import annotations

import pytest
from conftest import needs_media
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from aloud.audio import ffmpeg
from aloud.export.sample import LEAD, LONGEST, TAIL, sample_span
from aloud.model import ChapterMark, SentenceTiming
from aloud.proof.check import check_edition


def _chapter(index: int, start: float, sentences: list[tuple[float, float, str, bool]]) -> ChapterMark:
    timings = tuple(SentenceTiming(start + a, start + b, "words", kind, paragraph) for a, b, kind, paragraph in sentences)
    return ChapterMark(index, f"Chapter {index}", start, start + sentences[-1][1] + 2.0, "", 100, timings)


def test_the_sample_skips_the_titles_and_a_short_first_chapter():
    short = _chapter(1, 0.0, [(0.8, 3.0, "announcement", True), (4.0, 5.0, "title", True), (6.0, 40.0, "sentence", True)])
    # Paragraphs of 50 s each, with 1.2 s between; sentences within them 0.3 s apart.
    body, t = [(1.0, 2.0, "title", True)], 3.2
    for paragraph in range(6):
        for sentence in range(2):
            body.append((t, t + 24.85, "sentence", sentence == 0))
            t += 24.85 + (0.3 if sentence == 0 else 1.2)
    long = _chapter(2, 42.0, body)
    span = sample_span((short, long))
    assert span is not None and span.chapter == 1
    first = long.sentences[1]
    assert span.start == pytest.approx(first.start - LEAD - long.start)
    assert span.pad_head == 0.0
    # It ends at the end of a paragraph within three minutes, in the pause after it (1.2 s
    # there: the rest of the quiet ACX asks for is added).
    ends = [s.end for s, nxt in zip(long.sentences[1:], long.sentences[2:]) if nxt.new_paragraph]
    last_end = max(e for e in ends if e <= first.start + LONGEST)
    assert span.end == pytest.approx(last_end + 1.2 - 0.05 - long.start)
    assert span.pad_tail == pytest.approx(TAIL - (1.2 - 0.05))


def test_an_edition_shorter_than_a_minute_is_sampled_whole_and_one_without_text_not_at_all():
    only = _chapter(1, 0.0, [(0.8, 3.0, "announcement", True), (3.2, 20.0, "sentence", True)])
    span = sample_span((only,))
    assert span is not None and span.pad_head == pytest.approx(LEAD - 0.15)  # 0.2 s after the announcement, less the gap
    assert span.end == pytest.approx(20.0 + TAIL)
    assert sample_span((_chapter(1, 0.0, [(0.8, 3.0, "announcement", True)]),)) is None


@needs_media
def test_the_built_sample_is_the_editions_audio_with_quiet_around_it(built_seed):
    built, manifest = built_seed
    name = manifest["files"]["sample"]
    assert name.startswith("mp3/") and name.endswith(".sample.mp3")  # not beside the M4B: libraries see one book
    path = built.folder / name
    health = ffmpeg.audio_health(path)
    assert 60.0 <= health.duration <= LONGEST + LEAD + TAIL + 0.1
    assert health.silences[0][0] <= 0.01 and 0.5 <= health.silences[0][1] <= 1.0
    assert 1.0 <= health.duration - health.silences[-1][0] <= 5.0
    chapter_mark = manifest["chapters"][0]
    first = next(s for s in chapter_mark["sentences"] if s.get("kind", "sentence") not in ("title", "announcement"))
    chapter = built.folder / chapter_mark["file"]
    # Its speech is the first chapter's from its first sentence of text on: the same frames.
    expected = first["start"] - chapter_mark["start"] - health.silences[0][1]
    assert _where_it_lies(path, chapter, expected) == pytest.approx(expected, abs=0.1)
    assert MP3(path).info.sample_rate == MP3(chapter).info.sample_rate
    assert str(ID3(path)["TIT2"]).endswith("(sample)")
    findings = {f.check: f for f in check_edition(built.folder).findings if f.subject == name}
    assert findings["sample length"].passed


def _where_it_lies(sample, chapter, near: float) -> float:
    """Where in `chapter` the sample's speech (from 1 s in, 3 s of it) is heard, searched
    within half a second of `near`: the offset of the best match, if it matches well."""
    import numpy

    rate = 8000
    piece = numpy.frombuffer(ffmpeg.decode_mono_float(sample, rate, 1.0, 3.0), dtype=numpy.float32)
    around = numpy.frombuffer(ffmpeg.decode_mono_float(chapter, rate, max(near + 0.5, 0.0), 4.0), dtype=numpy.float32)
    best, best_at = -1.0, 0
    for at in range(0, len(around) - len(piece), 4):
        window = around[at:at + len(piece)]
        score = float(numpy.dot(window, piece) / (numpy.linalg.norm(window) * numpy.linalg.norm(piece) + 1e-9))
        if score > best:
            best, best_at = score, at
    assert best > 0.9, best
    return max(near + 0.5, 0.0) + best_at / rate - 1.0
