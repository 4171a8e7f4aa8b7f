"""The words the player and the read-aloud EPUB show, in the edition's language (English
for a language without its own). Each language's words are a data file, `labels_data/<language>.toml`:
a translator adds a file, nothing else."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources

from aloud.narrate.lang import language_of


@cache
def _labels(language: str) -> Mapping[str, str] | None:
    data = resources.files("aloud.export").joinpath("labels_data", f"{language}.toml")
    return tomllib.loads(data.read_text(encoding="utf-8")) if data.is_file() else None


def labels_for(language: str) -> Mapping[str, str]:
    """The labels of `language` ("de", "fr-CA", "gmw/de"), else English; a key a language
    does not have is shown in English."""
    english = _labels("en")
    assert english is not None  # shipped with the package
    own = _labels(language_of(language or "en")) if language_of(language or "en").isalpha() else None
    return {**english, **(own or {})}
