"""`aloud plan`'s durations: measured for what the cache holds, the rest at the voice's pace
learned from the cache, and saying which."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, needs_media

from aloud.audio.cache import describe
from aloud.audio.duration_estimate import DurationEstimate, Pace, estimate_duration, learned_pace
from aloud.audio.segment_plan import plan_edition
from aloud.model import UnitTiming
from aloud.pipeline import prepare
from aloud.settings import BuildSettings
from aloud.speech.speaking import Voicing

VOICING = Voicing("pyttsx3", "espeak-ng 1.51", "gmw/en-us", 170)


def _entry(root: Path, key: str, voicing: Voicing, letters: int, spoken: float, silence: float = 2.0,
           units: int = 1) -> None:
    """A cache entry's description as a build writes it (its streams are not needed here):
    `units` units of `letters` letters in all, spoken in `spoken` seconds."""
    rate = 24000
    timings = [UnitTiming(n, 0.0, 0.1, "x" * (letters // units)) for n in range(units)]
    description = describe(rate, int((spoken + silence) * rate), timings, -20.0, 0.0, "label",
                           {"engine": voicing.engine, "engine_version": voicing.engine_version,
                            "voice_id": voicing.voice, "rate": voicing.rate, "words": letters // 5,
                            "silence": silence})
    folder = root / "segments" / key[:2]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{key}.json").write_text(json.dumps(description), encoding="utf-8")


def test_the_pace_is_learned_from_the_same_voice_and_rate_only(tmp_path):
    as_asked = 850 * 12.0 / 170  # 850 letters (170 words) at 170 wpm: 60 s
    for n, factor in enumerate((1.08, 1.10, 1.12)):
        _entry(tmp_path, f"{n:02d}" + "a" * 62, VOICING, 850, as_asked * factor)
    other_voice = Voicing("pyttsx3", "espeak-ng 1.51", "roa/fr", 170)
    _entry(tmp_path, "10" + "b" * 62, other_voice, 850, as_asked * 2)
    faster = Voicing("pyttsx3", "espeak-ng 1.51", "gmw/en-us", 250)
    _entry(tmp_path, "11" + "c" * 62, faster, 850, 850 * 12.0 / 250 * 0.5)
    pace = learned_pace(tmp_path, VOICING)
    assert pace is not None and pace.segments == 3
    assert (pace.per_letter, pace.per_unit) == (pytest.approx(1.10, abs=1e-6), 0.0)  # too few to tell units apart
    assert pace.spread == pytest.approx(0.0, abs=0.02)
    assert learned_pace(tmp_path, Voicing("hibari", "1", "heart", 170)) is None
    # Too few at 250 wpm: the voice's other rates are used as well.
    at_250 = learned_pace(tmp_path, faster)
    assert at_250 is not None and at_250.segments == 4


def test_with_enough_segments_the_time_per_unit_is_told_apart(tmp_path):
    """Segments of short sentences take longer per letter: the engine's breath around each."""
    for n in range(8):
        letters, units = 500 + 100 * n, 4 + 3 * (n % 4)
        _entry(tmp_path, f"{n:02d}" + "e" * 62, VOICING, letters, 0.9 * letters * 12 / 170 + 0.3 * units,
               units=units)
    pace = learned_pace(tmp_path, VOICING)
    assert pace is not None
    assert (pace.per_letter, pace.per_unit) == (pytest.approx(0.9, rel=0.02), pytest.approx(0.3, rel=0.1))
    assert pace.seconds(1000, 10, 170) == pytest.approx(0.9 * 1000 * 12 / 170 + 3, rel=0.02)


def test_an_old_or_damaged_description_is_not_learned_from(tmp_path):
    folder = tmp_path / "segments" / "aa"
    folder.mkdir(parents=True)
    (folder / ("aa" + "0" * 62 + ".json")).write_text("{not json", encoding="utf-8")
    (folder / ("aa" + "1" * 62 + ".json")).write_text(json.dumps({"voice": "pyttsx3 gmw/en-us 170 wpm"}), encoding="utf-8")
    assert learned_pace(tmp_path, VOICING) is None


def test_cached_segments_are_measured_and_the_rest_estimated_at_the_learned_pace(tmp_path, sample_file):
    settings = BuildSettings(cache_dir=tmp_path)
    prepared = prepare(sample_file, settings)
    segment_plan = plan_edition(prepared.edition, prepared.units, VOICING.key, settings.pauses, settings.audio)
    first, *rest = segment_plan.all
    blind = estimate_duration(segment_plan, VOICING, None)
    assert (blind.measured, blind.pace) == (0, None)
    _entry(tmp_path, first.key, VOICING, 200, 100.0, 0.0)  # measured: 100 s, far from what its words say
    for n in range(3):
        _entry(tmp_path, f"{n:02d}" + "d" * 62, VOICING, 850, 60.0 * 1.2)
    known = estimate_duration(segment_plan, VOICING, tmp_path)
    assert known.measured == 1 and known.segments == len(segment_plan.all)
    assert known.chapters[first.chapter] == pytest.approx(100.0)
    for segment in rest:
        assert known.chapters[segment.chapter] > blind.chapters[segment.chapter]  # espeak-like: slower than asked
    assert "1 of 3 segments measured from the cache" in known.how_good()
    assert "learned from 4 cached segments" in known.how_good()


def test_how_good_says_where_the_figure_comes_from():
    assert DurationEstimate({1: 60.0}, 2, 2, None).how_good() == "measured: every segment is already in the cache"
    assert "from the words alone" in DurationEstimate({1: 60.0}, 0, 2, None).how_good()
    one = DurationEstimate({1: 60.0}, 0, 2, Pace(1.1, 0.0, 1, 0.004)).how_good()
    assert one.startswith("estimated at this voice's pace, learned from 1 cached segment;")
    assert "typically within 1 %" in one
    assert "few to learn from" in one
    many = DurationEstimate({1: 60.0}, 0, 2, Pace(1.1, 0.2, 40, 0.02)).how_good()
    assert "learned from 40 cached segments" in many and "few to learn from" not in many


def _plan(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "aloud", "plan", *args, "--json"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _build(text: Path, out: Path, cache: Path, *args: str) -> float:
    done = subprocess.run([sys.executable, "-m", "aloud", "build", str(text), "-o", str(out), "--cache-dir", str(cache),
                           "--outputs", "m4b", "-q", *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    [manifest] = out.glob("*/chapters.json")
    return json.loads(manifest.read_text(encoding="utf-8"))["duration"]


@needs_media
def test_plan_matches_the_build_measured_once_built_and_near_it_at_another_rate(tmp_path):
    """Real espeak-ng: after a build, `plan` gives its length to the tenth of a second; at
    another rate, the pace learned from it comes nearer the build than the words alone
    (how near on other texts: bench/estimate.md)."""
    cache = tmp_path / "cache"
    blind = _plan(str(SEED), "--cache-dir", str(cache))
    assert blind["estimate"]["measured"] == 0 and blind["estimate"]["pace"] is None
    built = _build(SEED, tmp_path / "a", cache)
    measured = _plan(str(SEED), "--cache-dir", str(cache))
    assert measured["estimate"]["measured"] == measured["estimate"]["segments"]
    assert measured["estimated_seconds"] == pytest.approx(built, abs=0.1)
    assert measured["chapters"][0]["estimated_seconds"] < built

    # At another rate none of its segments is cached: the pace learned at 170 wpm is used.
    guessed = _plan(str(SEED), "--cache-dir", str(cache), "--rate", "210")
    words_alone = _plan(str(SEED), "--cache-dir", str(tmp_path / "empty"), "--rate", "210")
    assert guessed["estimate"]["measured"] == 0 and guessed["estimate"]["pace"]["segments"] >= 1
    actual = _build(SEED, tmp_path / "b", tmp_path / "cache-b", "--rate", "210")
    assert abs(guessed["estimated_seconds"] / actual - 1) < 0.05
    assert abs(guessed["estimated_seconds"] - actual) < abs(words_alone["estimated_seconds"] - actual)


def test_plan_without_the_engine_installed_estimates_from_the_words(sample_file, monkeypatch):
    from typer.testing import CliRunner

    from aloud.cli import app

    monkeypatch.setattr("aloud.speech.engines.pyttsx3_engine.ESPEAK_LIBRARIES", ("libespeak-ng-missing.so.9",))
    result = CliRunner().invoke(app, ["plan", str(sample_file)])
    assert result.exit_code == 0, result.output
    assert "from the words alone" in result.stdout
    named = CliRunner().invoke(app, ["plan", str(sample_file), "--engine", "pyttsx3"])
    assert named.exit_code == 1 and "espeak-ng is not installed" in named.stderr
