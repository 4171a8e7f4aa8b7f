from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from aloud.pipeline import EditionOptions, build
from aloud.settings import BuildSettings

SAMPLE = """\
# The Lighthouse Keeper

## The Storm

The wind rose at dusk. Waves struck the rocks below the tower, and the lamp shook on its stand.

Mara climbed the stairs with a can of oil. She counted the steps as her father had taught her.

## The Ship

A light showed in the dark to the south. It rose and fell with the swell.

She trimmed the wick and turned the great lens. The beam swept out over the water.

## The Morning

By dawn the sea was calm. A small boat rowed in to the landing, and three sailors waved.
"""

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d8fdb994e65f720e.txt"

needs_media = pytest.mark.skipif(
    not (shutil.which("ffmpeg") and shutil.which("ffprobe") and shutil.which("espeak-ng")),
    reason="needs espeak-ng and ffmpeg installed (make test installs them)",
)


@pytest.fixture(scope="session", autouse=True)
def own_user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commands run without --cache-dir use a cache of the test session's, not the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "lighthouse.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory: pytest.TempPathFactory, session_cache: Path):
    """The three-chapter sample, built once with real espeak-ng and ffmpeg."""
    root = tmp_path_factory.mktemp("sample")
    text = root / "lighthouse.txt"
    text.write_text(SAMPLE, encoding="utf-8")
    settings = BuildSettings(out_dir=root / "audio", cache_dir=session_cache, jobs=2)
    built = build(text, settings, EditionOptions(author="A. N. Author"))
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    return built, manifest


@pytest.fixture(scope="session")
def built_seed(tmp_path_factory: pytest.TempPathFactory, session_cache: Path):
    """The seed article's edition, built once with real espeak-ng and ffmpeg."""
    out = tmp_path_factory.mktemp("seed")
    built = build(SEED, BuildSettings(out_dir=out, cache_dir=session_cache, jobs=2), EditionOptions())
    manifest = json.loads(built.manifest.read_text(encoding="utf-8"))
    return built, manifest
