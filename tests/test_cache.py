"""The cache as a user keeps it: what each voice spoke, pruning by age and by size, a
default size after every build that keeps what was used lately, and a clear that says
what it removes and asks first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE, needs_media

from aloud.audio.cache import info, prune
from aloud.pipeline import EditionOptions, build
from aloud.settings import BuildSettings

pytestmark = needs_media
ALOUD = [sys.executable, "-m", "aloud"]
DAY = 86400


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*ALOUD, *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture
def cache(tmp_path) -> Path:
    """A cache of two voices: the sample spoken by espeak-ng at 170 and at 200 wpm."""
    text = tmp_path / "lighthouse.txt"
    text.write_text(SAMPLE, encoding="utf-8")
    root = tmp_path / "cache"
    for rate in (170, 200):
        build(text, BuildSettings(out_dir=tmp_path / f"out{rate}", cache_dir=root, jobs=2), EditionOptions(rate=rate))
    return root


def _age(root: Path, rate: int, days: float) -> None:
    """Make the entries of one voice look last used `days` ago."""
    for description in root.glob("segments/*/*.json"):
        if json.loads(description.read_text())["voice"].endswith(f" {rate} wpm"):
            when = time.time() - days * DAY
            os.utime(description, (when, when))


def test_info_says_how_much_each_voice_spoke(cache):
    result = run("cache", "info", "--cache-dir", str(cache), "--json")
    data = json.loads(result.stdout)
    voices = {v["voice"]: v for v in data["voices"]}
    assert sorted(v.split()[-2] for v in voices) == ["170", "200"] and all(v.startswith("pyttsx3 ") for v in voices)
    assert sum(v["segments"] for v in voices.values()) == data["segments"]
    assert sum(v["bytes"] for v in voices.values()) <= data["bytes"]
    text = run("cache", "info", "--cache-dir", str(cache)).stdout.splitlines()
    assert len(text) == 3 and "170 wpm" in "".join(text) and "200 wpm" in "".join(text)


def test_prune_by_age_removes_only_what_was_not_used_lately(cache):
    _age(cache, 170, 40)
    before = info(cache)
    result = run("cache", "prune", "--older-than", "30d", "--cache-dir", str(cache))
    assert result.returncode == 0, result.stderr
    after = info(cache)
    assert [v for v, _, _ in after.by_voice] == [v for v, _, _ in before.by_voice if v.endswith("200 wpm")]
    assert f"removed {before.segments - after.segments} segment" in result.stdout


def test_prune_by_size_removes_what_was_used_longest_ago_first(cache):
    _age(cache, 200, 3)
    _age(cache, 170, 1)
    sizes = {v: b for v, _, b in info(cache).by_voice}
    assert run("cache", "prune", "--max-size", f"{max(sizes.values()) + 4096}", "--cache-dir", str(cache)).returncode == 0
    assert [v for v, _, _ in info(cache).by_voice] == [v for v in sizes if v.endswith("170 wpm")]
    for bad in (["--max-size", "lots"], ["--older-than", "soon"], []):
        result = run("cache", "prune", "--cache-dir", str(cache), *bad)
        assert result.returncode == 2 and result.stderr.startswith("aloud: error: ") and result.stderr.count("\n") == 1


def test_a_build_keeps_the_cache_within_its_size_but_never_what_was_used_lately(cache, tmp_path):
    _age(cache, 170, 3)  # a voice not used for three days
    text = tmp_path / "lighthouse.txt"
    settings = BuildSettings(out_dir=tmp_path / "again", cache_dir=cache, jobs=2, cache_max_bytes=1)
    build(text, settings, EditionOptions(rate=200))  # everything cached: within a day, kept
    assert [v.endswith("200 wpm") for v, _, _ in info(cache).by_voice] == [True]
    assert prune(cache, max_bytes=0, used_since=time.time() - DAY).segments == 0  # the rest was used today


def test_clear_says_what_it_removes_and_asks_first(cache):
    before = info(cache)
    result = run("cache", "clear", "--cache-dir", str(cache))  # not a terminal, no --yes: nothing removed
    assert result.returncode == 2 and f"would remove {before.segments} segments" in result.stderr
    assert info(cache).segments == before.segments
    asked = subprocess.run(["script", "-qec", " ".join([*ALOUD, "cache", "clear", "--cache-dir", str(cache)]),
                            "/dev/null"], input="n\n", capture_output=True, text=True, timeout=120)
    assert "Remove " in asked.stdout and "[y/N]" in asked.stdout and info(cache).segments == before.segments
    assert run("cache", "clear", "--yes", "--cache-dir", str(cache)).returncode == 0
    assert info(cache).segments == 0
