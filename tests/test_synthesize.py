"""Unit checks and retries, with engines that fail on purpose (see fake_engines.py)."""

from __future__ import annotations

import pytest

from aloud.cache import UnitCache
from aloud.config import BuildSettings
from aloud.errors import SynthesisError
from aloud.model import Chapter, Edition, Paragraph, SpeechUnit
from aloud.render import plan, render
from aloud.synthesize import Voicing, plausible_seconds

TEXTS = ["The first sentence is here.", "A FLAKY one follows it now.", "And the last one ends it."]


@pytest.fixture(autouse=True)
def markers(tmp_path, monkeypatch):
    root = tmp_path / "markers"
    root.mkdir()
    monkeypatch.setenv("ALOUD_TEST_MARKERS", str(root))
    return root


class Rendered:
    def __init__(self, unit, path, duration):
        self.unit, self.path, self.duration = unit, path, duration


def run(engine: str, cache_root, jobs=2):
    """Render one chapter of three units; return each unit with its cached audio."""
    units = tuple(SpeechUnit(3, i, t, 0.3) for i, t in enumerate(TEXTS))
    chapter = Chapter(3, "The Ship", "", tuple(Paragraph(t) for t in TEXTS))
    edition = Edition("E", "A", "e", (chapter,))
    voicing = Voicing(f"fake_engines:{engine}", "1", "low", 170)
    settings = BuildSettings(jobs=jobs)
    render(edition, plan(edition, {3: units}, voicing, settings), voicing, settings, cache_root)
    cache = UnitCache(cache_root)
    found = [cache.lookup(voicing.key(u)) for u in units]
    return [Rendered(u, f.path, f.samples / f.sample_rate) for u, f in zip(units, found)]


@pytest.mark.parametrize("engine", ["FailsOnceEngine", "SilentOnceEngine", "CrashesOnceEngine"])
def test_a_unit_that_fails_once_is_retried_in_a_fresh_process(engine, tmp_path, markers):
    rendered = run(engine, tmp_path / "cache")
    assert [r.unit.text for r in rendered] == TEXTS
    assert any(markers.iterdir()), "the engine never failed, so the retry was not exercised"
    for r in rendered:
        low, high = plausible_seconds(r.unit.text, 170)
        assert low <= r.duration <= high
        assert r.path.is_file()


def test_a_unit_that_keeps_failing_stops_the_build_naming_it(tmp_path):
    with pytest.raises(SynthesisError) as info:
        run("AlwaysFailsEngine", tmp_path / "cache")
    message = str(info.value)
    assert "chapter 3 (The Ship)" in message
    assert "“A FLAKY one follows it now.”" in message
    assert "simulated permanent failure" in message


def test_cached_units_are_not_spoken_again(tmp_path, markers):
    run("FailsOnceEngine", tmp_path / "cache")
    first = sorted(p.name for p in (tmp_path / "cache").rglob("*.*"))
    # Were the engine asked again, it would fail once more and leave a new marker.
    (markers / "fails-once").unlink()
    rendered = run("FailsOnceEngine", tmp_path / "cache")
    assert not (markers / "fails-once").exists()
    assert sorted(p.name for p in (tmp_path / "cache").rglob("*.*")) == first
    assert [r.unit.text for r in rendered] == TEXTS


def test_plausible_seconds_grow_with_words():
    short = plausible_seconds("One two.", 170)
    long = plausible_seconds(" ".join(["word"] * 40), 170)
    assert short[0] < long[0] and short[1] < long[1]
