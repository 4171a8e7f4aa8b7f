"""The generic locale, for a language aloud has no rules for.

It cleans the text (entities, markup, invisible characters) and leaves the rest to the
engine: espeak-ng reads digits, dates and symbols in the voice's own language, which is
better than English words read by a German voice. Headings are found by their form only
(Markdown, Roman numerals); parts of a text without headings are titled by their opening
words; the opening announcement is the title and author, and nothing is said at the end.
"""

from __future__ import annotations

import re

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.cleanup import collapse_spaces, strip_markup, tidy_characters
from aloud.narrate.sentences import split_sentences
from aloud.roman import roman_value

_MARKUP = re.compile(r"[<>{}\[\]\\|^~`_*#=]")
_ORDINAL = re.compile(r"(?<![\d.,])(\d{1,2})\. (?=\w)")
_HELD = "\ue010"  # stands for ". " after an ordinal while the paragraph is split


class GenericLocale:
    headings = HeadingWords(numbered={})

    def __init__(self, language: str) -> None:
        self.language = language

    def split_sentences(self, paragraph: str) -> list[str]:
        # "Am 25. Mai", "den 3. Oktober": in most European languages a number with a full stop
        # is an ordinal, not a sentence's end, so the voice reads "25." as one.
        held = _ORDINAL.sub(lambda m: m.group(1) + _HELD, paragraph)
        return [s.replace(_HELD, ". ") for s in split_sentences(held)]

    def speakable(self, sentence: str) -> str:
        return collapse_spaces(_MARKUP.sub(" ", strip_markup(tidy_characters(str(sentence or "")))))

    def number_words(self, value: int) -> str:
        return str(value)  # the engine says it in its language

    def heading_number(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        return roman_value(word.upper()) if word.isalpha() else None

    def opening(self, title: str, author: str) -> str:
        return f"{title}. {author}." if author else f"{title}."

    def closing(self, title: str) -> str:
        return ""
