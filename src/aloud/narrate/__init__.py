"""Narrate stage: what an engine is asked to say, unit by unit, with the pauses between.

The rules of each language live in `lang/` (a Locale); `narration` makes the units,
`lexicon` applies a pronunciation lexicon, `readable` leaves out what a voice cannot
read, `proofreading` shows the result as a script (`aloud text`).
"""

from aloud.narrate.narration import CLAUSE_PAUSE, locale_for, narrate_chapter, narrate_edition

__all__ = ["CLAUSE_PAUSE", "locale_for", "narrate_chapter", "narrate_edition"]
