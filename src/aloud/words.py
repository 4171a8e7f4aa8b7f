"""What counts as a word, where a sentence may be cut between clauses, and a line of text
fit for a tag or a title."""

from __future__ import annotations

import re

# Letters and digits of any script; an apostrophe inside a word keeps it whole ("don't").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# After clause punctuation (or a closing bracket), or before a spaced dash.
CLAUSE_BREAK = re.compile(r"(?<=[,;:)])\s+|\s+(?=[–—]\s)")


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def letters_only(text: str) -> str:
    """The letters and digits of `text`, case folded: for telling whether two titles say the same."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """`text` on one line, with no control character (a NUL would cut a tag short)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def counted(number: int, noun: str) -> str:
    """"1 chapter", "3 chapters"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
