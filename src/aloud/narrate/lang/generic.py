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


# The words before a chapter's or a part's number in languages without rules of their own
# ("Глава 3", "Rozdział IV", "Kapitel 2"): their books' headings are still found.
CHAPTER_WORDS: dict[str, dict[str, int]] = {
    "ru": {"глава": 2, "часть": 1, "книга": 1}, "uk": {"розділ": 2, "глава": 2, "частина": 1},
    "be": {"раздзел": 2, "частка": 1}, "bg": {"глава": 2, "част": 1}, "sr": {"глава": 2, "поглавље": 2, "део": 1},
    "pl": {"rozdział": 2, "część": 1, "księga": 1}, "cs": {"kapitola": 2, "část": 1}, "sk": {"kapitola": 2, "časť": 1},
    "sl": {"poglavje": 2, "del": 1}, "hr": {"poglavlje": 2, "glava": 2, "dio": 1},
    "sv": {"kapitel": 2, "del": 1, "bok": 1}, "da": {"kapitel": 2, "del": 1, "bog": 1},
    "nb": {"kapittel": 2, "del": 1}, "no": {"kapittel": 2, "del": 1}, "nn": {"kapittel": 2, "del": 1},
    "is": {"kafli": 2, "hluti": 1}, "ro": {"capitolul": 2, "capitol": 2, "partea": 1}, "ca": {"capítol": 2, "part": 1},
    "gl": {"capítulo": 2, "parte": 1}, "la": {"caput": 2, "liber": 1, "pars": 1}, "eo": {"ĉapitro": 2, "parto": 1},
    "el": {"κεφάλαιο": 2, "μέρος": 1}, "tr": {"bölüm": 2, "kısım": 1}, "id": {"bab": 2, "bagian": 1},
    "ms": {"bab": 2, "bahagian": 1}, "lt": {"skyrius": 2, "dalis": 1}, "lv": {"nodaļa": 2, "daļa": 1},
    "et": {"peatükk": 2, "osa": 1}, "cy": {"pennod": 2, "rhan": 1}, "ga": {"caibidil": 2, "cuid": 1},
}


class GenericLocale:
    def __init__(self, language: str) -> None:
        self.language = language
        # No English word: notes are read without a heading of their own, each after its label.
        self.headings = HeadingWords(numbered=CHAPTER_WORDS.get(language, {}), notes="", note="{label}", code="",
                                     code_line="")

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
