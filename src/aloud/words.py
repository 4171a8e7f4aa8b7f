"""What counts as a word, and where a sentence may be cut between clauses."""

from __future__ import annotations

import re

# Letters and digits of any script; an apostrophe inside a word keeps it whole ("don't").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# After clause punctuation (or a closing bracket), or before a spaced dash.
CLAUSE_BREAK = re.compile(r"(?<=[,;:)])\s+|\s+(?=[–—]\s)")


def count_words(text: str) -> int:
    return len(WORD.findall(text))
