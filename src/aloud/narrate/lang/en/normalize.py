"""Text normalisation: one sentence of prose becomes what a human narrator would say.

espeak-ng reads "1958" as "nineteen hundred and fifty eight", "£5.50" as "pound five
point five zero", "25 May" as "twenty five May", "Baker St." as "Baker Saint" and
spells URLs letter by letter. `speakable_text` rewrites a sentence so the engine says
it the way a narrator would: every number becomes words (num2words does the
wording), abbreviations are expanded, symbols are spoken or dropped, and the
characters that are markup rather than prose disappear. Ordinary words, their case
and the ordinary punctuation (. , ; : ! ? ' " ’ “ ” ( ) - – —) are left alone, so the
engine's prosody still works.

The work is a fixed pipeline of regular-expression passes over the whole string
(no per-character Python loops), in this order:

1. tidy: HTML entities, control and zero-width characters, Unicode digits and
   minus signs, runs of whitespace;
2. markup: HTML tags, footnote markers ("[1]", "word*"), emphasis markers
   ("_word_", "*word*");
3. URLs and e-mail addresses: "https://www.example.com/path" -> "example dot com",
   "jane@example.org" -> "jane at example dot org" (only the host is read);
4. abbreviations: "Dr." -> "Doctor", "St." -> "Saint" before a name but "Street"
   after one, "e.g." -> "for example", "No. 5" -> "number 5", "pp. 3-5" -> "pages 3-5";
5. Roman numerals, only after a trigger word ("Chapter IV" -> "Chapter four",
   "World War II" -> "World War two") or a regnal name ("Henry VIII" -> "Henry the
   eighth"); the pronoun "I" and words such as "MIX" are never touched;
6. ALL-CAPS tokens (see `_recase_caps`);
7. numbers: dates, telephone numbers, year ranges, decades, currency, ranges,
   signs, clock times ("10:30" -> "ten thirty", "7pm" -> "seven p.m.", which espeak-ng
   reads as letters), percentages, temperatures, units, ordinals, years, versions,
   ratios, fractions, and finally plain cardinals and decimals. A four-digit number
   1100-2099 is read as a year unless the next word makes it a quantity ("1958 tons",
   "2000 people"), and always after "in", "since", "by", "of", "until", "from", a
   month name and the like (see `_is_year`);
8. symbols ("&" -> "and", "%" -> "percent", "=" -> "equals", "and/or" -> "and or");
9. dashes and ellipses as pauses (see `_pauses`);
10. a final sweep that guarantees the output contains no ASCII digit, no URL
    scheme and no markup character, whatever the input was.

ALL-CAPS rule (`_recase_caps`): a token of two or more capital letters (an
apostrophe suffix such as "'S" or "'LL" allowed) is
  * kept as it is if it is a known acronym (GDP, NGO, BBC, JISCO, CNIE, ...), so the
    engine spells or reads it as an acronym; the ambiguous ones (US, IT, WHO, AM, ...)
    are kept too unless a neighbouring word is shouted English as well ("LET US GO");
  * lower-cased if it, or a simple inflection of it, is a common English word
    (`aloud.narrate.lang.en.common_words`): "VERY" -> "very", "THAT'S" -> "that's", with the
    first letter capitalised when the token starts the sentence;
  * title-cased if it has at least five letters, at least 30% vowels (Y counts; 20%
    from seven letters on) and no run of four consonants: a name set in capitals,
    "MARLEY" -> "Marley";
  * otherwise kept in capitals (an unknown acronym such as "CNIEX").

Pause rule (`_pauses`): an em dash, a spaced en dash or hyphen, or a double hyphen
between words becomes a comma (", "), which espeak-ng pauses on; a dash that opens
the sentence is dropped; a dash that breaks speech off ("I was just——", "Where's--?")
stays, as one em dash; an unspaced en dash inside a compound ("Marxist–Leninist")
becomes a hyphen. An ellipsis ("…", "...", ". . .") is one "…", a trailing-off the engine
pauses on without the fall of a full stop, and disappears at the start of a sentence.

Speed: a 5 MB string takes a few seconds. Every pattern starts with a literal or a
character class (its "not preceded by" check comes after the first character), which
Python's regex engine scans for quickly; a pass whose trigger characters are absent
from the text is skipped; the commonest number words are tabled once at import. Every
repetition that could run long is bounded, so no pattern backtracks catastrophically.
"""

from __future__ import annotations

from aloud.narrate.lang.cleanup import strip_markup, tidy_characters
from aloud.narrate.lang.en.abbreviations import expand_abbreviations
from aloud.narrate.lang.en.addresses import speak_addresses
from aloud.narrate.lang.en.capitals import recase_capitals
from aloud.narrate.lang.en.number_words import VULGAR_FRACTIONS
from aloud.narrate.lang.en.numbers import say_numbers
from aloud.narrate.lang.en.roman_numerals import read_roman_numerals
from aloud.narrate.lang.en.symbols import final_sweep, read_pauses, speak_symbols, tidy_punctuation

__all__ = ["speakable_text"]


def _normalise(text: str) -> str:
    text = tidy_characters(text, VULGAR_FRACTIONS)
    text = strip_markup(text)
    text = speak_addresses(text)
    text = expand_abbreviations(text)
    text = read_roman_numerals(text)
    text = recase_capitals(text)
    text = say_numbers(text)
    text = speak_symbols(text)
    text = read_pauses(text)
    return tidy_punctuation(text)


def speakable_text(text: str) -> str:
    """One sentence of prose as a human narrator would say it (see the module docstring).

    Never raises: should a rule fail on some unforeseen input, the sentence is still
    swept clean of digits, URL schemes and markup characters.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        spoken = _normalise(text)
    except Exception:  # pragma: no cover - defence in depth; the tests run _normalise bare
        spoken = text
    return final_sweep(spoken)
