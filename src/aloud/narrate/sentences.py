"""Splitting prose into sentences, and over-long sentences into speakable pieces."""

from __future__ import annotations

import re

from aloud.words import CLAUSE_BREAK

_BOUNDARY = re.compile(
    r"""(?<=[.!?…])            # sentence punctuation
        (?:\s?['"’”»«“›‹)\]])*  # closing quotes or brackets stay with the sentence ("… viens. »")
        \s+
        (?=[-—–'"‘“„«»‹›(\[¿¡]?\s?\w)  # the next starts with a capital or digit (checked below), perhaps
                                  # after an opening quote or a dialogue dash
    """,
    re.VERBOSE,
)
_OPENING = "'\"‘“„«»‹›([—–-¿¡ "
# Another speaker takes up inside a paragraph: a dash between one quotation and the next
# ('"Who?"--"I."'). It ends a sentence as a full stop would.
_SPEAKER_CHANGE = re.compile(r"(?<=[.!?…][\"”’»])\s*(?:—|--|–)\s*(?=[\"“‘«])")

_QUOTED_INITIAL = re.compile(r"[\"'‘“„«(\[]+[A-Z]\.")  # not '"I." He nodded', "(a). The"
MAX_WORDS = 40


def split_sentences(paragraph: str, abbreviations: frozenset[str] = frozenset(),
                    titles: frozenset[str] = frozenset()) -> list[str]:
    """A paragraph's sentences: each ends at . ! ? or … before a capital or a digit, except
    after one of the language's `abbreviations` (lower case, without the stop) or an initial.
    At the opening of a quotation only `titles` and initials hold ('"Mr. Marley', "'W.
    RABBIT'"): there '"No. I should like' is the word no."""
    text = " ".join(paragraph.split())
    if not text:
        return []
    if "-" in text or "—" in text or "–" in text:
        turns = _SPEAKER_CHANGE.split(text)
        if len(turns) > 1:
            return [s for turn in turns for s in split_sentences(turn, abbreviations, titles)]
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        following = text[match.end() :].lstrip(_OPENING)[:1]
        if not (following.isupper() or following.isdigit()):
            continue  # any script's capital letter: "мир. Это", "End. Über"
        before = text[start : match.start()]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        bare = last_word.rstrip(".'\"’”)]").lower()
        quoted = bare.lstrip(_OPENING)
        initial = re.fullmatch(r"[A-Za-z]", bare) or (  # "C. D.", and "'W. RABBIT'" but not '"A." Then'
            _QUOTED_INITIAL.fullmatch(last_word) and match.group(0)[:1].isspace())
        if bare in abbreviations or initial or quoted != bare and quoted in titles:
            continue  # "Mr. Smith", "C. D. Smith"
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def split_long(sentence: str, max_words: int = MAX_WORDS) -> list[str]:
    """Cut a sentence longer than `max_words` at clause punctuation, else between words."""
    words = sentence.split()
    if len(words) <= max_words:
        return [sentence] if words else []
    clauses = [c for c in CLAUSE_BREAK.split(sentence) if c.strip()]
    if len(clauses) > 1:
        pieces: list[str] = []
        current: list[str] = []
        for clause in clauses:
            if current and len(" ".join(current + [clause]).split()) > max_words:
                pieces.append(" ".join(current))
                current = []
            current.append(clause)
        if current:
            pieces.append(" ".join(current))
        if len(pieces) > 1:
            return [p for piece in pieces for p in split_long(piece, max_words)]
    # No usable clause boundary: even pieces of at most max_words words.
    count = -(-len(words) // max_words)
    size = -(-len(words) // count)
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]
