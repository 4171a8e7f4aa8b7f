"""The edition file: `<name>.toml` beside an input, saying what the input does not.

    title = "Jiayuguan – the socialist future today"
    author = "A. Writer"
    voice = "en-gb"              # optional
    language = "de"              # optional: the text's language, when it does not say it
    rate = 160                   # optional, words per minute
    lexicon = "words.toml"       # optional, relative to the edition file
    outputs = "m4b,epub"         # optional, or a list: ["m4b", "epub"]

Its values win over what the input says of itself; command-line options win over both.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from aloud.errors import InputError
from aloud.read.files import read_bounded
from aloud.words import one_line

_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def language_tag(value: str, what: str, error=InputError) -> str:
    """A BCP 47 language tag ("de", "en-GB", "pt-BR"), or `error` naming `what`."""
    tag = value.strip().replace("_", "-")
    if not _TAG.fullmatch(tag):
        raise error(f"{what} {value!r} is not a language tag; give one such as de, fr, en-GB")
    return tag

EDITION_FILE_KEYS = {"title", "author", "voice", "rate", "lexicon", "outputs", "cover", "language"}


def edition_file_for(input_path: Path) -> Path:
    return input_path.with_suffix(".toml")


EDITION_FILE_BYTES = 1024 * 1024


def load_edition_file(path: Path) -> dict[str, object]:
    """The keys of the edition file at `path` ({} if there is none), checked; `lexicon` made a
    path, which must lie in the edition file's folder or below it."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(read_bounded(path, EDITION_FILE_BYTES, "edition file").decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid edition file: {exc}") from None
    unknown = set(data) - EDITION_FILE_KEYS
    if unknown:
        raise InputError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(EDITION_FILE_KEYS))}")
    for key in ("title", "author", "voice", "lexicon", "cover", "language"):
        if key in data and not isinstance(data[key], str):
            raise InputError(f"{path}: {key} must be a string")
    for key in ("title", "author"):
        if key in data:
            data[key] = one_line(data[key])
            if not data[key]:
                raise InputError(f"{path}: {key} is empty")
    if "language" in data:
        data["language"] = language_tag(data["language"], f"{path}: language")
    if "rate" in data and (isinstance(data["rate"], bool) or not isinstance(data["rate"], int)):
        raise InputError(f"{path}: rate must be a whole number of words per minute")
    outputs = data.get("outputs")
    if isinstance(outputs, str):
        data["outputs"] = tuple(o.strip() for o in outputs.split(",") if o.strip())
    elif isinstance(outputs, list) and all(isinstance(o, str) for o in outputs):
        data["outputs"] = tuple(outputs)
    elif outputs is not None:
        raise InputError(f"{path}: outputs must be a comma list or a list of names, such as \"m4b,epub\"")
    for key in ("lexicon", "cover"):
        if key in data:
            data[key] = _beside(path, str(data[key]), key)
    return data


def _beside(edition_file: Path, name: str, key: str) -> Path:
    """A file an edition file names: in its folder or below it, never elsewhere."""
    folder = edition_file.parent.resolve()
    target = (folder / name).resolve()
    if Path(name).is_absolute() or folder not in target.parents:
        raise InputError(f"{edition_file}: {key} {name!r} must be a file in the edition file's folder or below it")
    return target
