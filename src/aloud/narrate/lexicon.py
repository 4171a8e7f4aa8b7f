"""A pronunciation lexicon: words mapped to respellings or espeak phonemes.

The file is TOML, one entry per line:

    Jiayuguan = "Jya-yoo-gwan"          # a respelling
    Gansu = "[[g'ans'u:]]"              # espeak phonemes, inside [[ ]]
    "Nowa Huta" = "Nova Hoota"          # several words

Matching is by whole word. A key with a capital letter matches only that spelling
("Reading" the town, not "reading"); an all-lower-case key matches any case. The text is
gone through once, the longest entry first at each word, so a respelling is never
respelled again ("river" and "mill" may swap). A respelling holds words only (letters,
spaces, hyphens, apostrophes and full stops), and phonemes only the characters espeak-ng
phonemes use, so nothing in a lexicon can put digits or markup before the engine.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from aloud.errors import InputError
from aloud.read.files import read_bounded

LEXICON_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 50_000
MAX_RESPELLING = 120  # characters: about a dozen words
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # a word, hyphens inside it kept
_RESPELLING = re.compile(r"(?:[^\W\d_]|[ '’.\-])+")
_PHONEMES = re.compile(r"\[\[[A-Za-z0-9@':,_!^~|&=*%;.\- ]+\]\]")


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[tuple[str, str], ...] = ()
    _exact: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _any_case: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _longest: int = field(default=0, compare=False, repr=False)  # words in the longest key

    def __post_init__(self) -> None:
        for word, replacement in self.entries:
            key = " ".join(word.split())
            if any(c.isupper() for c in key):
                self._exact.setdefault(key, replacement)
            else:
                self._any_case.setdefault(key.lower(), replacement)
        longest = max((len(_TOKEN.findall(word)) for word, _ in self.entries), default=0)
        object.__setattr__(self, "_longest", longest)

    def apply(self, text: str) -> str:
        if not self.entries:
            return text
        tokens = list(_TOKEN.finditer(text))
        out: list[str] = []
        done = 0  # where the text not yet copied starts
        n = 0
        while n < len(tokens):
            start = tokens[n].start()
            if start and text[start - 1] in "'’-":
                n += 1
                continue
            for length in range(min(self._longest, len(tokens) - n), 0, -1):
                end = tokens[n + length - 1].end()
                if end < len(text) and text[end] == "-":
                    continue
                found = self._lookup(text[start:end])
                if found is not None:
                    out += [text[done:start], found]
                    done, n = end, n + length
                    break
            else:
                n += 1
        return "".join(out) + text[done:] if out else text

    def _lookup(self, words: str) -> str | None:
        key = " ".join(words.split())
        found = self._exact.get(key)
        return found if found is not None else self._any_case.get(key.lower())


def load_lexicon(path: Path | None) -> Lexicon:
    if path is None:
        return Lexicon()
    raw = read_bounded(Path(path), LEXICON_BYTES, "lexicon file", missing="lexicon file not found")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid lexicon (TOML, word = \"respelling\"): {exc}") from None
    if len(data) > MAX_ENTRIES:
        raise InputError(f"{path}: {len(data):,} entries are more than the {MAX_ENTRIES:,} a lexicon may hold")
    entries = []
    for word, replacement in data.items():
        if not isinstance(replacement, str) or not word.strip():
            raise InputError(f"{path}: the entry for {word!r} must be a string")
        entries.append((word.strip(), _checked(path, word, " ".join(replacement.split()))))
    # Longest first, so "Nowa Huta" wins over "Nowa".
    entries.sort(key=lambda e: -len(e[0]))
    return Lexicon(tuple(entries))


def _checked(path: Path, word: str, replacement: str) -> str:
    if not replacement:
        raise InputError(f"{path}: the entry for {word!r} is empty")
    if len(replacement) > MAX_RESPELLING:
        raise InputError(f"{path}: the entry for {word!r} is longer than {MAX_RESPELLING} characters")
    words = _PHONEMES.sub(" ", replacement)
    if "[" in words or "]" in words:
        raise InputError(f"{path}: stray bracket in the entry for {word!r}; phonemes go inside [[ ]]")
    if words.strip() and not _RESPELLING.fullmatch(words):
        raise InputError(f"{path}: the entry for {word!r} may hold only letters, spaces, hyphens and apostrophes "
                         "(or espeak phonemes inside [[ ]])")
    return replacement
