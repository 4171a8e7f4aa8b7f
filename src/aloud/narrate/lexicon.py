"""A pronunciation lexicon: words mapped to respellings or espeak phonemes.

The file is TOML, one entry per line:

    Jiayuguan = "Jya-yoo-gwan"          # a respelling
    Gansu = "[[g'ans'u:]]"              # espeak phonemes, inside [[ ]]
    "Nowa Huta" = "Nova Hoota"          # several words

Matching is by whole word. A key with a capital letter matches only that spelling
("Reading" the town, not "reading"); an all-lower-case key matches any case.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from aloud.errors import InputError


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[tuple[str, str], ...] = ()

    def apply(self, text: str) -> str:
        for word, replacement in self.entries:
            flags = 0 if any(c.isupper() for c in word) else re.IGNORECASE
            pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", flags)
            text = pattern.sub(lambda _m: replacement, text)
        return text


def load_lexicon(path: Path | None) -> Lexicon:
    if path is None:
        return Lexicon()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: lexicon file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid lexicon (TOML, word = \"respelling\"): {exc}") from None
    entries = []
    for word, replacement in data.items():
        if not isinstance(replacement, str) or not word.strip():
            raise InputError(f"{path}: the entry for {word!r} must be a string")
        if re.search(r"[\[\]]", replacement.replace("[[", "").replace("]]", "")):
            raise InputError(f"{path}: stray bracket in the entry for {word!r}; phonemes go inside [[ ]]")
        entries.append((word.strip(), " ".join(replacement.split())))
    # Longest first, so "Nowa Huta" wins over "Nowa".
    entries.sort(key=lambda e: -len(e[0]))
    return Lexicon(tuple(entries))
