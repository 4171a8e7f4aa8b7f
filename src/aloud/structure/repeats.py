"""Repeated passages: a pull quote or teaser a page printed twice, which a scraped text keeps.

A paragraph is a repeat when every run of SHINGLE words in it has been read before, word
for word once case, punctuation and quote marks are set aside; consecutive repeats make a
passage, and only a passage of at least MIN_WORDS is left out, so that a refrain, a
repeated line of dialogue or a short formula is still read. Verse is never a repeat (a
poem's refrain is meant). The first reading stays; the later one is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from aloud.model import PROSE, Paragraph

SHINGLE = 6  # words
MIN_WORDS = 20  # the shortest passage left out as a repeat
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[n:n + SHINGLE]) for n in range(len(words) - SHINGLE + 1)}


def _contains(words: list[str], passage: list[str]) -> bool:
    """Whether `passage` stands word for word in `words` (across paragraph ends too)."""
    text = " " + " ".join(w for w in words if w != "\n") + " "
    return " " + " ".join(passage) + " " in text


def mark_repeats(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs, with those that repeat an earlier passage left out ("repeats")."""
    seen: set[tuple[str, ...]] = set()
    before: list[str] = []  # the words read so far, for the exact check the shingles only suggest
    repeat = [False] * len(paragraphs)
    for n, paragraph in enumerate(paragraphs):
        if paragraph.left_out or paragraph.kind != PROSE:
            continue
        words = _words(paragraph.text)
        shingles = _shingles(words)
        repeat[n] = len(words) >= SHINGLE and shingles <= seen and _contains(before, words)
        seen |= shingles
        before.extend(words)
        before.append("\n")  # a passage may run over paragraphs, but not start inside a word
    out = list(paragraphs)
    n = 0
    while n < len(out):
        if not repeat[n]:
            n += 1
            continue
        end = n
        while end < len(out) and (repeat[end] or out[end].left_out):
            end += 1
        if sum(len(_words(p.text)) for p, r in zip(out[n:end], repeat[n:end]) if r) >= MIN_WORDS:
            for k in range(n, end):
                if repeat[k]:
                    out[k] = replace(out[k], left_out="repeats")
        n = end
    return out
