"""The English word lists, kept as data files in `data/` (one entry per line)."""

from __future__ import annotations

from aloud.narrate.lang.data_files import entries

_PACKAGE = __package__

# Common words: an ALL-CAPS token that is one of them is shouted English, not an acronym.
COMMON_WORDS = frozenset(entries(_PACKAGE, "common_words.txt"))
ACRONYMS = frozenset(entries(_PACKAGE, "acronyms.txt"))
AMBIGUOUS_ACRONYMS = frozenset(entries(_PACKAGE, "ambiguous_acronyms.txt"))
ROMAN_TRIGGERS = entries(_PACKAGE, "roman_triggers.txt")
REGNAL_NAMES = entries(_PACKAGE, "regnal_names.txt")
SENTENCE_ABBREVIATIONS = frozenset(entries(_PACKAGE, "sentence_abbreviations.txt"))
# Function words, and the words that open an answer to the paragraph before (sections by topic).
STOP_WORDS = frozenset(entries(_PACKAGE, "stop_words.txt"))
TURN_WORDS = frozenset(entries(_PACKAGE, "turn_words.txt"))
