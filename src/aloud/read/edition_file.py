"""The edition file: `<name>.toml` beside an input, saying what the input does not.

    title = "Jiayuguan – the socialist future today"
    author = "A. Writer"
    voice = "en-gb"              # optional
    rate = 160                   # optional, words per minute
    lexicon = "words.toml"       # optional, relative to the edition file
    outputs = "m4b,epub"         # optional, or a list: ["m4b", "epub"]

Its values win over what the input says of itself; command-line options win over both.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from aloud.errors import InputError

EDITION_FILE_KEYS = {"title", "author", "voice", "rate", "lexicon", "outputs"}


def edition_file_for(input_path: Path) -> Path:
    return input_path.with_suffix(".toml")


def load_edition_file(path: Path) -> dict[str, object]:
    """The keys of the edition file at `path` ({} if there is none), checked; `lexicon` made a path."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid edition file: {exc}") from None
    unknown = set(data) - EDITION_FILE_KEYS
    if unknown:
        raise InputError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(EDITION_FILE_KEYS))}")
    for key in ("title", "author", "voice", "lexicon"):
        if key in data and not isinstance(data[key], str):
            raise InputError(f"{path}: {key} must be a string")
    if "rate" in data and not isinstance(data["rate"], int):
        raise InputError(f"{path}: rate must be a whole number of words per minute")
    outputs = data.get("outputs")
    if isinstance(outputs, str):
        data["outputs"] = tuple(o.strip() for o in outputs.split(",") if o.strip())
    elif isinstance(outputs, list) and all(isinstance(o, str) for o in outputs):
        data["outputs"] = tuple(outputs)
    elif outputs is not None:
        raise InputError(f"{path}: outputs must be a comma list or a list of names, such as \"m4b,epub\"")
    if "lexicon" in data:
        data["lexicon"] = path.parent / str(data["lexicon"])
    return data
