"""Unit checks and retries, with engines that fail on purpose (see fake_engines.py)."""

from __future__ import annotations

import shutil

import pytest
from fake_engines import MARKERS

from aloud.audio.cache import SegmentCache
from aloud.audio.ffmpeg import ENCODINGS
from aloud.audio.rendering import render_segments
from aloud.audio.segment_plan import plan_edition
from aloud.errors import SynthesisError
from aloud.model import Chapter, Edition, Paragraph, SpeechUnit
from aloud.run.executor import WorkerOptions, running
from aloud.run.local_pool import LocalProcessPool
from aloud.settings import BuildSettings
from aloud.speech.speaking import Voicing, plausible_seconds

TEXTS = ["The first sentence is here.", "A FLAKY one follows it now.", "And the last one ends it."]


@pytest.fixture(autouse=True)
def markers():
    shutil.rmtree(MARKERS, ignore_errors=True)
    MARKERS.mkdir()
    yield MARKERS
    shutil.rmtree(MARKERS, ignore_errors=True)


def run(engine: str, cache_root, jobs=2):
    """Render one chapter of three units; return the segments' timings of the units."""
    units = tuple(SpeechUnit(3, i, t, 0.3) for i, t in enumerate(TEXTS))
    chapter = Chapter(3, "The Ship", "", tuple(Paragraph(t) for t in TEXTS))
    edition = Edition("E", "A", "e", (chapter,))
    voicing = Voicing(f"fake_engines:{engine}", "1", "low", 170)
    settings = BuildSettings(jobs=jobs)
    render_plan = plan_edition(edition, {3: units}, voicing.key, settings.pauses, settings.audio)
    # Each segment in a fresh process, as for a stateful engine: a retry is in a new process.
    with running(LocalProcessPool(WorkerOptions(jobs, fresh_process_per_task=True))) as executor:
        done = render_segments(render_plan, voicing, settings.audio, frozenset(ENCODINGS), SegmentCache(cache_root),
                               executor, {3: "The Ship"})
    return [t for s in render_plan.all for t in done[s.key].timings]
@pytest.mark.parametrize("engine", ["FailsOnceEngine", "SilentOnceEngine", "CrashesOnceEngine"])
def test_a_unit_that_fails_once_is_retried_in_a_fresh_process(engine, tmp_path, markers):
    timings = run(engine, tmp_path / "cache")
    assert [t.text for t in timings] == TEXTS
    assert any(markers.iterdir()), "the engine never failed, so the retry was not exercised"
    for t in timings:
        low, high = plausible_seconds(t.text, 170)
        assert low <= t.end - t.start <= high


def test_a_unit_that_keeps_failing_stops_the_build_naming_it(tmp_path):
    with pytest.raises(SynthesisError) as info:
        run("AlwaysFailsEngine", tmp_path / "cache")
    message = str(info.value)
    assert "chapter 3 (The Ship)" in message
    assert "unit 2 “A FLAKY one follows it now.”" in message
    assert "simulated permanent failure" in message
    assert "tried twice" in message


def test_cached_units_are_not_spoken_again(tmp_path, markers):
    run("FailsOnceEngine", tmp_path / "cache")
    first = sorted(p.name for p in (tmp_path / "cache").rglob("*.*"))
    # Were the engine asked again, it would fail once more and leave a new marker.
    (markers / "fails-once").unlink()
    timings = run("FailsOnceEngine", tmp_path / "cache")
    assert not (markers / "fails-once").exists()
    assert sorted(p.name for p in (tmp_path / "cache").rglob("*.*")) == first
    assert [t.text for t in timings] == TEXTS


def test_plausible_seconds_grow_with_words():
    short = plausible_seconds("One two.", 170)
    long = plausible_seconds(" ".join(["word"] * 40), 170)
    assert short[0] < long[0] and short[1] < long[1]
