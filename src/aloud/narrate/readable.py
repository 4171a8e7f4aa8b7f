"""What a voice can read: letters of its own script (and Latin and Greek, which every
espeak-ng voice names), but no emoji, pictographs or invisible formatting characters.

Anything else — a Chinese phrase in an English article, an Arabic greeting, a row of
emoji — is left out of what is spoken (the transcript keeps it), and the build says how
much was skipped, rather than letting the engine spell out code points or guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from aloud.narrate.lang import language_of

# The first word of a character's Unicode name, for the scripts of the languages espeak-ng speaks.
SCRIPTS_OF_LANGUAGE = {
    "zh": {"CJK", "IDEOGRAPHIC"}, "cmn": {"CJK", "IDEOGRAPHIC"}, "yue": {"CJK", "IDEOGRAPHIC"},
    "ja": {"CJK", "IDEOGRAPHIC", "HIRAGANA", "KATAKANA"}, "ko": {"HANGUL"},
    "ar": {"ARABIC"}, "fa": {"ARABIC"}, "ur": {"ARABIC"}, "he": {"HEBREW"},
    "ru": {"CYRILLIC"}, "uk": {"CYRILLIC"}, "bg": {"CYRILLIC"}, "sr": {"CYRILLIC"}, "mk": {"CYRILLIC"},
    "be": {"CYRILLIC"}, "kk": {"CYRILLIC"}, "ky": {"CYRILLIC"}, "tt": {"CYRILLIC"},
    "hi": {"DEVANAGARI"}, "mr": {"DEVANAGARI"}, "ne": {"DEVANAGARI"}, "bn": {"BENGALI"}, "as": {"BENGALI"},
    "pa": {"GURMUKHI"}, "gu": {"GUJARATI"}, "or": {"ORIYA"}, "ta": {"TAMIL"}, "te": {"TELUGU"},
    "kn": {"KANNADA"}, "ml": {"MALAYALAM"}, "si": {"SINHALA"}, "th": {"THAI"}, "lo": {"LAO"},
    "my": {"MYANMAR"}, "km": {"KHMER"}, "ka": {"GEORGIAN"}, "hy": {"ARMENIAN"}, "am": {"ETHIOPIC"},
}
ALWAYS = {"LATIN", "GREEK"}
# Categories that are never read: other symbols (emoji), modifiers (skin tones), format
# characters (joiners, variation selectors), private use, unassigned, surrogates.
NEVER = {"So", "Sk", "Cf", "Co", "Cn", "Cs"}
SYMBOLS = "emoji and symbols"


def readable_scripts(language: str) -> frozenset[str]:
    """The scripts a voice of `language` reads (the first words of their letters' Unicode names)."""
    return frozenset(ALWAYS | SCRIPTS_OF_LANGUAGE.get(language_of(language), set()))


class ReadableText:
    """Keeps what a voice of `language` can read, and counts what it had to leave out."""

    def __init__(self, language: str = "en") -> None:
        self.scripts = readable_scripts(language)
        self.skipped: Counter[str] = Counter()

    def _script(self, ch: str) -> str:
        name = unicodedata.name(ch, "")
        return name.split(" ", 1)[0] if name else ""

    def filter(self, text: str) -> str:
        if text.isascii():
            return text
        kept: list[str] = []
        dropping = False  # combining marks go with the letter before them
        for ch in text:
            category = unicodedata.category(ch)
            if category in NEVER:
                if ch not in "\u200d\ufe0f\ufe0e" and category != "Sk":
                    self.skipped[SYMBOLS] += 1
                continue
            if category[0] == "M":
                if not dropping:
                    kept.append(ch)
                continue
            if category[0] in "LPN" and not ch.isascii():
                script = self._script(ch)
                foreign = category[0] == "L" and script not in self.scripts
                foreign = foreign or (script in _FOREIGN_NAMES and script not in self.scripts)
                if foreign:
                    if category[0] == "L":
                        self.skipped["CJK" if script in ("CJK", "IDEOGRAPHIC") else script.title()] += 1
                    dropping = True
                    if kept and not kept[-1].isspace():
                        kept.append(" ")
                    continue
            dropping = False
            kept.append(ch)
        if len(kept) == len(text):
            return text
        left = " ".join("".join(kept).split())
        left = _STRAY_PUNCTUATION.sub(r"\1", left)  # "said hello 你好." → "said hello."
        return _LEADING_PUNCTUATION.sub("", left)

    def summary(self) -> str:
        """One line for a warning, or "" when nothing was skipped."""
        if not self.skipped:
            return ""
        parts = [
            f"{count} {what}" if what == SYMBOLS else f"{count} {what} character{'s' if count > 1 else ''}"
            for what, count in self.skipped.most_common()
        ]
        return "left out what the voice cannot read: " + ", ".join(parts) + " (the transcript keeps it)"


_STRAY_PUNCTUATION = re.compile(r"([.,;:!?…])(?:\s*[.,;:!?…])+")
_LEADING_PUNCTUATION = re.compile(r"^[\s.,;:!?…]+")
_FOREIGN_NAMES = {name for names in SCRIPTS_OF_LANGUAGE.values() for name in names}
