"""English: the rules a narrator of English follows, and how English books head their chapters."""

from __future__ import annotations

from aloud.narrate.lang import HeadingWords
from aloud.narrate.lang.en.heading_numbers import parse_heading_number
from aloud.narrate.lang.en.normalize import speakable_text
from aloud.narrate.lang.en.number_words import cardinal_words
from aloud.narrate.lang.en.word_lists import SENTENCE_ABBREVIATIONS, STOP_WORDS, TURN_WORDS
from aloud.narrate.sentences import split_sentences

HEADINGS = HeadingWords(
    numbered={
        "chapter": 2, "stave": 2, "book": 1, "part": 1, "volume": 1, "act": 1, "scene": 2, "canto": 2,
        "section": 2, "letter": 2,
    },
    named=(
        "preface", "introduction", "prologue", "epilogue", "foreword", "afterword", "conclusion", "postscript",
        "author'?s note", "a note on the text", "dedication", "acknowledge?ments", "appendix", "glossary",
    ),
    contents=("(?:table of )?contents", "list of (?:chapters|illustrations)"),
    small_words=frozenset("a an and as at but by for from in into nor of on or the to with".split()),
    front_matter="Introduction",
    whole_text="Full text",
    part="Part {number}",
    chapter="Chapter {number}",
    stop_words=STOP_WORDS,
    turn_words=TURN_WORDS,
    reference_words=frozenset("this these that those such it its they them their he him his she her all both".split()),
)

# Of the abbreviations, those a quotation may open with ("Mr. Marley has been dead …").
TITLES = frozenset("mr mrs ms dr st prof rev gen col capt lt sgt messrs".split())


class English:
    language = "en"
    headings = HEADINGS

    def split_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph, SENTENCE_ABBREVIATIONS, TITLES)

    def speakable(self, sentence: str) -> str:
        return speakable_text(sentence)

    def number_words(self, value: int) -> str:
        return cardinal_words(str(value))

    def heading_number(self, word: str) -> int | None:
        return parse_heading_number(word)

    def opening(self, title: str, author: str) -> str:
        return f"{title}, by {author}." if author else f"{title}."

    def closing(self, title: str) -> str:
        return f"End of {title}."
