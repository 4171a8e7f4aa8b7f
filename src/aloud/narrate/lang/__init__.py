"""Languages: a Locale says how a language is narrated and how its books head their chapters.

A locale splits paragraphs into sentences (its abbreviations do not end one), makes a
sentence speakable (numbers, dates, money, abbreviations in its words), words numbers,
reads the numbers in headings, and phrases the announcements. Locales are registered by
language (`en`); a language without one of its own gets the generic locale, which leaves
numbers to the engine (espeak-ng reads digits in its own language). A name may also be
`package.module:Class` for a locale of your own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from aloud.plugins import make


@dataclass(frozen=True)
class HeadingWords:
    """How a language heads its chapters, for the text rules of `structure`."""

    numbered: Mapping[str, int]  # a word before a chapter's number, and its level: {"chapter": 2, "part": 1}
    named: tuple[str, ...] = ()  # sections named, not numbered (regular expressions): "preface", "author'?s note"
    contents: tuple[str, ...] = ()  # a table of contents' heading (regular expressions)
    small_words: frozenset[str] = frozenset()  # words not capitalised inside a title
    front_matter: str = ""  # the title of text before the first heading ("" : its opening words)
    whole_text: str = ""  # the title of the one chapter of a text without headings ("" : its opening words)
    part: str = ""  # the spoken title of a part of such a text, with {number} ("" : none)
    chapter: str = "{number}"  # a chapter headed by its number alone ("II."), as said: "Chapter {number}"
    notes: str = "Notes"  # said before a chapter's notes
    note: str = "Note {label}"  # said before each note
    code: str = "Code, {lines} lines"  # said for a code block, with `--keep code`
    code_line: str = "Code, one line"  # … of one line
    # Function words, which say nothing of a text's topic (for cutting and titling sections by topic).
    stop_words: frozenset[str] = frozenset()
    # Words that open a paragraph answering the one before ("yet", "but"): no new section starts there.
    turn_words: frozenset[str] = frozenset()
    # Words that refer back ("this", "he"): a section seldom starts with one.
    reference_words: frozenset[str] = frozenset()


class Locale(Protocol):
    language: str  # BCP 47, as the outputs declare it
    headings: HeadingWords

    def split_sentences(self, paragraph: str) -> list[str]: ...

    def speakable(self, sentence: str) -> str:
        """The sentence as a narrator of the language says it; never raises."""
        ...

    def number_words(self, value: int) -> str: ...

    def heading_number(self, word: str) -> int | None:
        """The number a heading gives ("12", "XII", "Twelve"), or None if `word` is not one."""
        ...

    def opening(self, title: str, author: str) -> str:
        """What is said before the first chapter ("" for an unknown author)."""
        ...

    def closing(self, title: str) -> str:
        """What is said after the last chapter; "" for nothing."""
        ...


LOCALES = {
    "en": "aloud.narrate.lang.en:English",
    "de": "aloud.narrate.lang.de:German",
    "fr": "aloud.narrate.lang.fr:French",
    "es": "aloud.narrate.lang.es:Spanish",
    "it": "aloud.narrate.lang.it:Italian",
    "pt": "aloud.narrate.lang.pt:Portuguese",
    "nl": "aloud.narrate.lang.nl:Dutch",
}


def language_of(tag: str) -> str:
    """The primary language of a tag or voice name: "en-GB", "gmw/en-us" and "en" are "en"."""
    return tag.rsplit("/", 1)[-1].split("-", 1)[0].lower()


def for_language(tag: str) -> Locale:
    """The locale of the language `tag` names (or of `package.module:Class`); else the generic one."""
    if ":" in tag:
        return make("locale", tag, LOCALES, Locale)
    language = language_of(tag)
    if language in LOCALES:
        return make("locale", language, LOCALES, Locale)
    from aloud.narrate.lang.generic import GenericLocale

    return GenericLocale(language or "und")
