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


MAX_PLACES = 64  # where a run of words is remembered at most: a refrain need not be found everywhere


class _Read:
    """The words read so far, and where each run of SHINGLE words stands among them."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.places: dict[tuple[str, ...], list[int]] = {}

    def add(self, words: list[str]) -> None:
        start = len(self.words)
        self.words.extend(words)
        for n in range(max(0, start - SHINGLE + 1), len(self.words) - SHINGLE + 1):
            places = self.places.setdefault(tuple(self.words[n:n + SHINGLE]), [])
            if len(places) < MAX_PLACES:
                places.append(n)

    def holds(self, passage: list[str]) -> bool:
        """Whether `passage` (of at least SHINGLE words) stands word for word among the words read."""
        head = tuple(passage[:SHINGLE])
        for shingle in (tuple(passage[n:n + SHINGLE]) for n in range(len(passage) - SHINGLE + 1)):
            if shingle not in self.places:
                return False  # some run of it was never read: not a repeat
        return any(self.words[p:p + len(passage)] == passage for p in self.places.get(head, ()))


def mark_repeats(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs, with those that repeat an earlier passage left out ("repeats")."""
    read = _Read()
    repeat = [False] * len(paragraphs)
    for n, paragraph in enumerate(paragraphs):
        if paragraph.left_out or paragraph.kind != PROSE:
            continue
        words = _words(paragraph.text)
        repeat[n] = len(words) >= SHINGLE and read.holds(words)
        read.add(words)  # a passage may run over paragraphs
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
