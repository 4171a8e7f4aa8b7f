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
or closes the sentence is dropped; an unspaced en dash inside a compound
("Marxist–Leninist") becomes a hyphen. An ellipsis ("…", "...", ". . .") becomes a
full stop when the next word starts with a capital or the sentence ends there, a
comma otherwise, and disappears at the start of a sentence.

Speed: a 5 MB string takes a few seconds. Every pattern starts with a literal or a
character class (its "not preceded by" check comes after the first character), which
Python's regex engine scans for quickly; a pass whose trigger characters are absent
from the text is skipped; the commonest number words are tabled once at import. Every
repetition that could run long is bounded, so no pattern backtracks catastrophically.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from num2words import num2words

from aloud.narrate.lang.en.common_words import COMMON_WORDS
from aloud.roman import roman_value

__all__ = [
    "speakable_text",
    "cardinal_words",
    "decimal_words",
    "ordinal_words",
    "year_words",
    "spell_digits",
    "roman_value",
    "is_common_word",
]

Match = re.Match[str]

# ---------------------------------------------------------------------------
# Number words (all wording comes from num2words)
# ---------------------------------------------------------------------------

# Longer digit strings are read digit by digit (num2words has an upper limit and
# nobody says a 16-digit number as a cardinal anyway).
MAX_CARDINAL_DIGITS = 15
DIGITS = "0123456789"
_DIGIT_RUN = re.compile(r"[0-9]+")


def _tidy_words(words: str) -> str:
    # num2words writes "eleven thousand, two hundred": the comma would make a pause.
    return words.replace(",", "")


# The words of the commonest numbers, made once by num2words (a call costs ~20 µs, and a
# long text has hundreds of thousands of numbers). Immutable tables, not caches.
SMALL_CARDINALS: tuple[str, ...] = tuple(_tidy_words(num2words(n)) for n in range(1000))
SMALL_ORDINALS: tuple[str, ...] = tuple(_tidy_words(num2words(n, to="ordinal")) for n in range(101))
FIRST_TABLED_YEAR, LAST_TABLED_YEAR = 1000, 2099
YEARS: tuple[str, ...] = tuple(
    _tidy_words(num2words(n, to="year")) for n in range(FIRST_TABLED_YEAR, LAST_TABLED_YEAR + 1)
)
DIGIT_WORDS: Mapping[str, str] = {str(d): SMALL_CARDINALS[d] for d in range(10)}


def spell_digits(digits: str) -> str:
    """'007' -> 'zero zero seven'; characters that are not ASCII digits are skipped."""
    return " ".join(DIGIT_WORDS[d] for d in digits if d in DIGIT_WORDS)


def _small_int(digits: str) -> int | None:
    """The value of a digit string short enough to be read as one number, else None."""
    digits = digits.replace(",", "")
    if not digits or len(digits) > MAX_CARDINAL_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return int(digits)


def cardinal_words(digits: str) -> str:
    """'11,000' -> 'eleven thousand'; leading zeros or huge numbers are read digit by digit."""
    digits = digits.replace(",", "")
    value = _small_int(digits)
    if value is None or (len(digits) > 1 and digits[0] == "0"):
        return spell_digits(digits)
    if value < len(SMALL_CARDINALS):
        return SMALL_CARDINALS[value]
    return _tidy_words(num2words(value))


def decimal_words(number: str) -> str:
    """'3.14' -> 'three point one four', '11,000' -> 'eleven thousand', '.5' -> 'zero point five'."""
    whole, dot, fraction = number.replace(",", "").partition(".")
    words = cardinal_words(whole) if whole else DIGIT_WORDS["0"]
    if dot and fraction:
        words += " point " + spell_digits(fraction)
    return words


def ordinal_words(digits: str) -> str:
    """'21' -> 'twenty-first'."""
    value = _small_int(digits)
    if value is None:
        return spell_digits(digits)
    if value < len(SMALL_ORDINALS):
        return SMALL_ORDINALS[value]
    return _tidy_words(num2words(value, to="ordinal"))


def year_words(digits: str) -> str:
    """'1958' -> 'nineteen fifty-eight', '2005' -> 'two thousand and five'."""
    value = _small_int(digits)
    if value is None:
        return spell_digits(digits)
    if FIRST_TABLED_YEAR <= value <= LAST_TABLED_YEAR:
        return YEARS[value - FIRST_TABLED_YEAR]
    return _tidy_words(num2words(value, to="year"))


def _plural_number(words: str) -> str:
    """'nineteen ninety' -> 'nineteen nineties', 'nineteen hundred' -> 'nineteen hundreds'."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    return words + "s"


def _singular_or_plural(number: str, singular: str, plural: str) -> str:
    return singular if number.replace(",", "") in ("1", "01") else plural


# ---------------------------------------------------------------------------
# Shared regular-expression pieces
# ---------------------------------------------------------------------------

# A number as written in prose: "11,000", "3.14", "42" (commas only in groups of three).
NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"

# Speed: Python's regex engine scans quickly for a pattern that starts with a literal or a
# character class, and slowly (trying every position) for one that starts with an
# assertion. So the "not preceded by" checks below come right after the first character.


def _first_digit(excluded: str) -> str:
    """A digit that starts a number: not preceded by any character of the class `excluded`."""
    return rf"[0-9](?<![{excluded}][0-9])"


def _number_pattern(excluded: str) -> str:
    """NUM, not preceded by any character of the class `excluded`."""
    first = _first_digit(excluded)
    return rf"(?:{first}(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+(?![0-9])(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?))"


def _year_number(excluded: str) -> str:
    """A four-digit number 1000-2099, not preceded by any character of the class `excluded`."""
    return rf"(?:1(?<![{excluded}]1)[0-9]{{3}}|2(?<![{excluded}]2)0[0-9]{{2}})"


def _words(words: Iterable[str], before: str = r"\w", positive: bool = False) -> str:
    """An alternation of literal words, longest first, each not preceded by `before`
    (or, with positive=True, preceded by it)."""
    check = "?<=" if positive else "?<!"
    escaped = (re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return "(?:" + "|".join(f"{w}({check}{before}{w})" for w in escaped) + ")"

ORD_SUFFIX = r"(?:st|nd|rd|th)"
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTH = _words(MONTH_NAMES)
MONTH_ABBREVIATIONS: Mapping[str, str] = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}

# End of the sentence, possibly behind closing quotes or brackets.
_TAIL = re.compile(r"""\s*["'”’)\]]*\s*\Z""")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z'’]*)[.\-]?\s*\Z")
_NEXT_WORD = re.compile(r"\s?([A-Za-z][A-Za-z'’]*)")
_LOOK = 40  # how far a callback looks around its match for a neighbouring word


def _at_end(text: str, pos: int) -> bool:
    return _TAIL.match(text, pos) is not None


def _prev_word(m: Match) -> str:
    found = _PREV_WORD.search(m.string, max(0, m.start() - _LOOK), m.start())
    return found.group(1) if found else ""


def _next_word(m: Match) -> str:
    found = _NEXT_WORD.match(m.string, m.end())
    return found.group(1) if found else ""


def _keep_period(m: Match, words: str) -> str:
    """An expanded abbreviation that ended the sentence keeps its full stop."""
    if m.group(0).endswith(".") and _at_end(m.string, m.end()):
        return words + "."
    return words


def _capitalise_like(original: str, words: str) -> str:
    if original[:1].isupper() and words[:1].islower():
        return words[:1].upper() + words[1:]
    return words


Replacement = str | Callable[[Match], str]
# (pattern, replacement, gate): the pass only runs when one of the gate's characters (or,
# for a tuple, substrings) is in the text; an empty gate: always. `in` on a string is far
# cheaper than a regex scan.
Pass = tuple[re.Pattern[str], Replacement, str | tuple[str, ...]]


def _sub_all(text: str, passes: Iterable[Pass]) -> str:
    for pattern, replacement, gate in passes:
        if not gate or any(piece in text for piece in gate):
            text = pattern.sub(replacement, text)
    return text


# ---------------------------------------------------------------------------
# 1. Tidy the raw characters
# ---------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_OTHER_DIGIT = re.compile(r"[^\D0-9]")
_MINUS = re.compile("[\u2212\u2010\u2011\ufe63\uff0d]")
_FRACTION_SLASH = re.compile("[\u2044\u2215]")
_SPACES = re.compile(r"\s+")
_ANY_DIGIT = re.compile(r"[0-9]")
VULGAR_FRACTIONS: Mapping[str, tuple[str, str]] = {
    # character: (after a whole number, standing alone)
    "½": ("and a half", "one half"),
    "¼": ("and a quarter", "one quarter"),
    "¾": ("and three quarters", "three quarters"),
    "⅓": ("and a third", "one third"),
    "⅔": ("and two thirds", "two thirds"),
}
_VULGAR = re.compile(r"(?:(?<![0-9])(?P<whole>[0-9]{1,15})\s?)?\s?(?P<frac>[½¼¾⅓⅔])")


def _ascii_digit(m: Match) -> str:
    try:
        return str(unicodedata.decimal(m.group(0)))
    except ValueError:  # pragma: no cover - every \d character has a decimal value
        return " "


def _vulgar(m: Match) -> str:
    after_whole, alone = VULGAR_FRACTIONS[m.group("frac")]
    if m.group("whole"):
        return f"{m.group('whole')} {after_whole}"
    return f" {alone}"


def _collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def _tidy_characters(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROL.sub(" ", text)
    if not text.isascii():  # O(1) in CPython
        text = _sub_all(
            text,
            (
                (_INVISIBLE, "", ""),
                (_OTHER_DIGIT, _ascii_digit, ""),
                (_MINUS, "-", ""),
                (_FRACTION_SLASH, "/", "\u2044\u2215"),
                (_VULGAR, _vulgar, "".join(VULGAR_FRACTIONS)),
            ),
        )
    return _collapse_spaces(text)


# ---------------------------------------------------------------------------
# 2. Markup: tags, footnote markers, emphasis markers
# ---------------------------------------------------------------------------

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,500})?/?>")
_FOOTNOTE = re.compile(r"\s?\[(?:[0-9]{1,4}|[a-z]|[ivx]{1,5}|note [0-9]{1,4}|citation needed)\]")
_STAR_EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=[^\s*])([^*]{1,500}?)(?<=[^\s*])\*{1,3}(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w])_{1,2}(?=[^\s_])([^_]{1,500}?)(?<=[^\s_])_{1,2}(?!\w)")
_FOOTNOTE_STAR = re.compile(r"[*†‡](?<=[\w.,;:!?’”\"')\]][*†‡])[*†‡]*")


def _strip_markup(text: str) -> str:
    return _sub_all(
        text,
        (
            (_TAG, " ", "<"),
            (_FOOTNOTE, "", "["),
            (_STAR_EMPHASIS, r"\1", "*"),
            (_UNDERSCORE_EMPHASIS, r"\1", "_"),
            (_FOOTNOTE_STAR, "", "*†‡"),
        ),
    )


# ---------------------------------------------------------------------------
# 3. URLs and e-mail addresses: only the host is read, label by label
# ---------------------------------------------------------------------------

TOP_LEVEL_DOMAINS = frozenset(
    "com org net edu gov mil int info biz name io co ac sch uk us ca au nz ie de fr es it nl be ch at "
    "se no dk fi pl ru cn jp in br za mx ar eu tv me app dev ai gg ly".split()
)
_URL = re.compile(r"(?:(?:https?|ftp)://|\bwww\.)[^\s<>\"“”‘’]{0,2000}", re.IGNORECASE)
_EMAIL = re.compile(
    r"(?:\bmailto:)?(?<![\w.+%-])(?P<local>[A-Za-z0-9._%+-]{1,64})@"
    r"(?P<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})"
)
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?P<host>(?:[a-z0-9-]{1,63}\.){1,6}(?:" + "|".join(sorted(TOP_LEVEL_DOMAINS)) + r"))"
    r"(?P<path>/[^\s<>\"“”‘’]{0,2000})?(?![\w@-]|\.[a-z0-9])"
)
_DOMAIN_HINT = re.compile(r"\.(?:" + "|".join(sorted(TOP_LEVEL_DOMAINS)) + r")(?![\w@-])")
_URL_TRAILER = re.compile(r"[.,;:!?)\]'\"’”]+\Z")
_SCHEME = re.compile(r"\A(?:[a-z]+://)?(?:[^/?#@]*@)?", re.IGNORECASE)
_HOST_END = re.compile(r"[/?#:]")
_LOCAL_PART_SYMBOLS: Mapping[str, str] = {
    ".": " dot ", "_": " underscore ", "-": " dash ", "+": " plus ", "%": " percent ",
}
_LOCAL_PART_SPLIT = re.compile(r"[._+%-]")


def _speak_label(label: str) -> str:
    label = label.lower()
    if label.isalpha() and len(label) <= 3 and label not in TOP_LEVEL_DOMAINS and label not in COMMON_WORDS:
        return label.upper()  # "bbc" -> "BBC", spelled by the engine
    return label.replace("-", " ")


def _speak_host(host: str) -> str:
    host = host.strip(".").lower()
    if host.startswith("www."):
        host = host[4:]
    labels = [_speak_label(label) for label in host.split(".") if label]
    return " dot ".join(labels)


def _url(m: Match) -> str:
    url = m.group(0)
    trailer = _URL_TRAILER.search(url)
    tail = trailer.group(0) if trailer else ""
    url = url[: len(url) - len(tail)]
    rest = url[_SCHEME.match(url).end() :]  # type: ignore[union-attr]  # \A(...)? always matches
    host = _HOST_END.split(rest, 1)[0]
    spoken = _speak_host(host)
    return (f" {spoken}" if spoken else "") + tail


def _email(m: Match) -> str:
    local = _LOCAL_PART_SPLIT.sub(lambda s: _LOCAL_PART_SYMBOLS[s.group(0)], m.group("local"))
    return f"{_SPACES.sub(' ', local).strip()} at {_speak_host(m.group('host'))}"


def _bare_domain(m: Match) -> str:
    return _speak_host(m.group("host"))


def _speak_addresses(text: str) -> str:
    if "://" in text or "www." in text.lower():
        text = _URL.sub(_url, text)
    text = _sub_all(text, ((_EMAIL, _email, "@"),))
    if _DOMAIN_HINT.search(text):
        text = _BARE_DOMAIN.sub(_bare_domain, text)
    return text


# ---------------------------------------------------------------------------
# 4. Abbreviations
# ---------------------------------------------------------------------------

TITLES: Mapping[str, str] = {
    "Dr": "Doctor", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Mx": "Mix",
    "Prof": "Professor", "Mt": "Mount", "Capt": "Captain", "Sgt": "Sergeant",
    "Lt": "Lieutenant", "Col": "Colonel", "Gen": "General", "Rev": "Reverend",
    "Revd": "Reverend", "Hon": "Honourable", "Gov": "Governor", "Sen": "Senator",
    "Rep": "Representative", "Fr": "Father", "Pres": "President", "Supt": "Superintendent",
    "Cpl": "Corporal", "Pte": "Private", "Adm": "Admiral", "Maj": "Major",
    "Messrs": "Messieurs", "Mme": "Madame", "Mlle": "Mademoiselle",
}
# Titles that British style writes without a full stop ("Mr Smith").
TITLES_WITHOUT_STOP = frozenset("Dr Mr Mrs Ms Mx Prof Mt Revd Mme Mlle Messrs Capt Sgt Lt Cpl Pte".split())
STREET_SUFFIXES: Mapping[str, str] = {
    "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Sq": "Square", "Ln": "Lane",
    "Dr": "Drive", "Pl": "Place", "Hwy": "Highway",
}
# Titles that are unambiguous when written with a full stop, whatever follows.
TITLES_ALWAYS = frozenset("Dr Mr Mrs Ms Mx Prof Messrs Mme Mlle Revd Capt Sgt Lt".split())
# Capitalised words after which "St." starts a saint's name rather than ending a street.
NOT_A_NAME = frozenset(
    "the a an in at on of from to near by for and or with via visit visited into onto outside "
    "inside behind beyond past toward towards across around called named see saw old new "
    "this that his her their our my your its is was".split()
)
# Dotted abbreviations: pattern -> words. Each pattern starts with a character class (see
# "Speed" above); "(?<!\w.)" after the first letter is a \b before it.
DOTTED_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"[Ee](?<!\w.)\.\s?[Gg]\.", "for example"),
    (r"[Ii](?<!\w.)\.\s?[Ee]\.", "that is"),
    (r"[Aa](?<!\w.)\.[Kk]\.[Aa]\.", "also known as"),
)
_DOTTED_HINT = re.compile(r"\.\s?[A-Za-z]\.")
_DOTTED_ABBREVIATION = re.compile("|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(DOTTED_ABBREVIATIONS)))
# Word abbreviations: word -> (words, needs its full stop).
WORD_ABBREVIATIONS: Mapping[str, tuple[str, bool]] = {
    "etc": ("et cetera", False), "vs": ("versus", False), "v": ("versus", True),
    "approx": ("approximately", False), "cf": ("compare", True), "viz": ("namely", True),
    "incl": ("including", True), "excl": ("excluding", True), "esp": ("especially", True),
    "Bros": ("Brothers", True), "Ltd": ("Limited", True), "Corp": ("Corporation", True),
    "Inc": ("Incorporated", True), "Dept": ("Department", True), "Univ": ("University", True),
    "Govt": ("Government", True), "Intl": ("International", True),
}
_CAPITALISED_WORDS = [w.capitalize() for w in WORD_ABBREVIATIONS if len(w) > 1] + ["VS"]  # not "V."
_CAPITALISED_ABBREVIATION = re.compile(r"(?P<w>" + _words(_CAPITALISED_WORDS) + r")\b(?P<dot>\.)?|&[Cc]\b\.?")
_LOWER_CASE_ABBREVIATION = re.compile(
    r"(?P<w>" + _words(w for w in WORD_ABBREVIATIONS if w.islower()) + r")\b(?P<dot>\.)?"
)
# Lower-case letters are everywhere, so the lower-case pass runs only when a cheap search,
# anchored on rarer characters, finds a candidate.
_LOWER_CASE_HINT = re.compile(r"\.(?<=(?:cf|iz|cl|sp|\Wv)\.)|tc\b(?<=etc)|vs\b|rox\b(?<=approx)")
# Abbreviations read only before a number: "No. 5", "p. 5", "pp. 3-5", "Fig. 3".
NUMBER_ABBREVIATIONS: Mapping[str, str] = {
    "No": "number", "NO": "number", "no": "number", "Nos": "numbers", "nos": "numbers",
    "Fig": "figure", "fig": "figure", "Figs": "figures", "figs": "figures",
    "p": "page", "pp": "pages", "Vol": "volume", "vol": "volume", "Vols": "volumes",
    "Ch": "chapter", "ch": "chapter", "Chap": "chapter", "Sec": "section", "sec": "section",
    "Eq": "equation", "eq": "equation", "Art": "article", "ca": "circa", "c": "circa",
    "est": "established", "Est": "established", "ed": "edition", "Ed": "edition",
}
_BEFORE_NUMBER = re.compile(
    r"(?P<a>" + _words(NUMBER_ABBREVIATIONS, before="[A-Za-z.]") + r")\.\s?(?=[0-9#]|[IVXLC]+\b)"
)
_NUMBER_SIGN = re.compile(r"No(?<!\wNo)(?=\s[0-9])|№\s?")
_TITLE = re.compile(r"(?P<a>" + _words(list(TITLES) + [t.upper() for t in TITLES]) + r")\b(?P<dot>\.)?")
_SAINT_OR_STREET = re.compile(r"(?P<a>St|ST)(?<!\w..)(?P<dot>\.)?(?![\w'’])")
_STREET = re.compile(
    r"(?P<a>" + _words(STREET_SUFFIXES, before="[A-Za-z0-9] ", positive=True) + r")\b(?P<dot>\.)?(?!['’\w])"
)
_JUNIOR = re.compile(r"(?P<a>Jr|Sr)(?<=[A-Za-z,] ..)\b\.?")
_MONTH_BEFORE_NUMBER = re.compile(r"(?P<a>" + _words(MONTH_ABBREVIATIONS) + r")\b\.?(?=\s[0-9])")
_MONTH_AFTER_NUMBER = re.compile(
    r"(?P<a>" + _words(MONTH_ABBREVIATIONS, before="[0-9] ", positive=True) + r")\b\.?"
)


def _is_name(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit()) and word.lower() not in NOT_A_NAME


def _title(m: Match) -> str:
    written = m.group("a")
    key = written[0] + written[1:].lower()
    if written.isupper() and not m.group("dot"):
        return m.group(0)  # "MS Word", "DR" in capitals without a stop
    if m.group("dot") and key in TITLES_ALWAYS:
        return TITLES[key]  # "Mr. and Mrs. Smith"
    if _next_word(m)[:1].isupper() and (m.group("dot") or key in TITLES_WITHOUT_STOP):
        return TITLES[key]
    return m.group(0)


def _saint_or_street(m: Match) -> str:
    previous, following = _prev_word(m), _next_word(m)
    name_before = _is_name(previous)
    name_after = following[:1].isupper()
    if name_after and not name_before:
        return "Saint"
    if name_before or m.group("dot"):
        return _keep_period(m, "Street")
    return m.group(0)


def _street(m: Match) -> str:
    if not _is_name(_prev_word(m)) or _next_word(m)[:1].isupper():
        return m.group(0)  # "Dr. Smith" is a title, handled next
    return _keep_period(m, STREET_SUFFIXES[m.group("a")])


def _junior(m: Match) -> str:
    return _keep_period(m, "Junior" if m.group("a") == "Jr" else "Senior")


def _before_number(m: Match) -> str:
    return NUMBER_ABBREVIATIONS[m.group("a")] + " "


def _dotted(m: Match) -> str:
    words = DOTTED_ABBREVIATIONS[int((m.lastgroup or "a0")[1:])][1]
    return _keep_period(m, _capitalise_like(m.group(0), words))


def _word_abbreviation(m: Match) -> str:
    word = m.group("w")
    if word is None:
        return _keep_period(m, "et cetera")  # "&c."
    words, needs_stop = WORD_ABBREVIATIONS.get(word) or WORD_ABBREVIATIONS[word.lower()]
    if needs_stop and not m.group("dot"):
        return m.group(0)
    if word == "v" and not _next_word(m)[:1].isupper():
        return m.group(0)  # only "Roe v. Wade"
    return _keep_period(m, _capitalise_like(word, words))


def _expand_abbreviations(text: str) -> str:
    text = _sub_all(
        text,
        (
            (_MONTH_BEFORE_NUMBER, lambda m: MONTH_ABBREVIATIONS[m.group("a")], DIGITS),
            (_MONTH_AFTER_NUMBER, lambda m: _keep_period(m, MONTH_ABBREVIATIONS[m.group("a")]), DIGITS),
            (_BEFORE_NUMBER, _before_number, "."),
            (_NUMBER_SIGN, "number ", "N№"),
            (_STREET, _street, ""),
            (_SAINT_OR_STREET, _saint_or_street, "S"),
            (_TITLE, _title, ""),
            (_JUNIOR, _junior, "JS"),
            (_CAPITALISED_ABBREVIATION, _word_abbreviation, "ABCDEGIUV&"),
        ),
    )
    if _LOWER_CASE_HINT.search(text):
        text = _LOWER_CASE_ABBREVIATION.sub(_word_abbreviation, text)
    if _DOTTED_HINT.search(text):
        text = _DOTTED_ABBREVIATION.sub(_dotted, text)
    return text


# ---------------------------------------------------------------------------
# 5. Roman numerals, only where they are clearly numbers
# ---------------------------------------------------------------------------

ROMAN_TRIGGERS = (
    "Chapter Part Book Volume volume Vol. Act Scene Stave Section Phase Appendix Article Canto "
    "Episode Apollo Vatican Psalm Class Type Stage Level Grade Round Series Season Title Schedule "
    "Annex Division Unit Table Plate Lesson Lecture Cycle Movement"
).split() + ["World War", "Super Bowl", "chapter", "part", "book", "act", "scene", "section"]
REGNAL_NAMES = (
    "Henry Elizabeth George Louis Edward Charles James William Richard John Pius Benedict Gregory "
    "Leo Mary Catherine Peter Nicholas Alexander Frederick Napoleon Philip Victor Ramses Rameses "
    "Paul Innocent Clement Urban Boniface Ferdinand Isabella Francis Joseph Ivan Wilhelm Otto "
    "Constantine Ptolemy Cleopatra Amenhotep Thutmose Darius Xerxes Alfonso Juan Carlos Felipe "
    "Umberto Emmanuel Gustav Gustavus Christian Olaf Harald Haakon Sigismund Casimir Anne Victoria "
    "Matilda Stephen Malcolm David Robert Kamehameha Rama Selim Mehmed Murad Suleiman Sixtus "
    "Julius Adrian Hadrian Eugene Celestine Martin Honorius Lothair Pepin Childeric Clovis Baldwin "
    "Amadeus Ludwig Maximilian Rudolf Leopold Sancho Pedro Manuel Afonso Vasily Dmitri Boris Fyodor"
).split()
_NOT_A_CONTRACTION = r"(?![\w'’](?:m|d|ll|ve|re)\b)(?!\w)"
# A standalone token of Roman-numeral letters ("IV", but also "I", "MIX", "CIVIL"); the
# words before it decide whether it is a number.
_ROMAN_TOKEN = re.compile(r"(?P<space>\s)(?P<num>[IVXLCDM]+)\b" + _NOT_A_CONTRACTION)
# Words after which a Roman numeral is an ordinal: "the XIX century".
ORDINAL_FOLLOWERS = frozenset("century centuries dynasty millennium".split())
TRIGGER_WORDS = frozenset(ROMAN_TRIGGERS + [t.upper() for t in ROMAN_TRIGGERS])
REGNAL_WORDS = frozenset(REGNAL_NAMES)
_OPENING_PUNCTUATION = "(\"'“‘["


def _words_before(m: Match, count: int) -> list[str]:
    """The last `count` whitespace-separated words before the match (a short look back)."""
    words = m.string[max(0, m.start() - _LOOK) : m.start()].split()
    return words[-count:]


def _roman_numeral(m: Match) -> str:
    if _next_word(m).lower() in ORDINAL_FOLLOWERS:
        value = roman_value(m.group("num"))
        if value is not None and value <= 40:
            return f"{m.group('space')}{ordinal_words(str(value))}"  # "the nineteenth century"
    before = [w.lstrip(_OPENING_PUNCTUATION) for w in _words_before(m, 2)]
    if not before:
        return m.group(0)
    last, pair = before[-1], " ".join(before)
    trigger = pair if pair in TRIGGER_WORDS else last if last in TRIGGER_WORDS else ""
    if not trigger and last not in REGNAL_WORDS:
        return m.group(0)
    value = roman_value(m.group("num"))
    if value is None:
        return m.group(0)
    if not trigger:
        if value > 40:
            return m.group(0)
        return f"{m.group('space')}the {ordinal_words(str(value))}"  # "Henry the eighth"
    if m.group("num") == "I" and trigger.islower():
        return m.group(0)  # "the part I played"
    return m.group("space") + cardinal_words(str(value))  # "Chapter four"


def _read_roman_numerals(text: str) -> str:
    return _ROMAN_TOKEN.sub(_roman_numeral, text)


# ---------------------------------------------------------------------------
# 6. ALL-CAPS: emphasis is lower-cased, acronyms stay in capitals
# ---------------------------------------------------------------------------

ACRONYMS = frozenset(
    """
    AD BC BCE CE GDP GNP NGO NGOS USA UK EU BBC NASA JISCO CNIE UN UNESCO UNICEF UNHCR NATO FBI CIA
    NSA NHS CEO CFO CTO COO MP MPS MEP TV DNA RNA HIV AIDS UFO USSR PRC CPC CCP KMT GOP DNC RNC IMF
    WTO OK AI PC CD CDS DVD USB PDF HTML XML CSS JSON URL URLS FAQ IQ ISBN GPS LED LCD NYC LA DC UAE
    OPEC NAFTA ASEAN BRICS ANC IRA KGB RAF RN USAF NYPD LAPD LGBT LGBTQ COVID SARS MERS ISIS ITV CNN
    ABC CBS NBC NPR PBS BP IBM HP AT ATM SUV CV PR HR PS RIP BMW VW EV EVS CO CEOS PHD MBA BA MA BSC
    MSC QC KC OBE MBE CBE NB RSVP ASAP DIY FYI TBA TBC ETA VIP VAT GST IPO PLC LLC LTD SEC FDA CDC
    WHO ILO OECD OSCE ECB ECHR ICC ICJ IAEA NPT SALT START CERN MIT UCLA NYU LSE SOAS CUNY IRS EPA
    DOJ DOD DHS FEMA TSA NRA ACLU AFL CIO TUC CBI GMB RMT NUM SNP DUP SDLP SNCF BBC RTE SABC DPRK
    ROK PLA PLO EEC EFTA COMECON GDR FRG USSR CPSU SPD CDU FDP AFD PCF PCI PSOE PT MAS ANC ZANU
    SWAPO FRELIMO MPLA FARC ELN CNT POUM UGT AGM CPI CPM BJP INC AAP PPP PTI MQM BNP AKP HDP CHP PKK
    YPG SDF ISIL UNSC UNGA AU ECOWAS SADC CARICOM ALBA MERCOSUR OAS GCC OIC BRI AIIB NDB SCO CSTO CIS
    EAEU SEZ SOE SOES R&D IT US AM PM ID OR IS ME MS TB GB MB KB KM KG CM MM MW KW GW KWH MWH
    """.split()
)
# Acronyms that are also English words: kept unless the neighbouring words are shouted too.
AMBIGUOUS_ACRONYMS = frozenset("US IT WHO AM PM ID OR IS ME MS AD AT CO SALT START NUM AIDS".split())
_CAPS_TOKEN = re.compile(
    r"(?P<base>[A-Z](?<![\w'’].)[A-Z]*)(?:(?P<apo>['’])(?P<suffix>[A-Za-z]{1,3}))?(?![\w'’])"
)
_CAPS_NEIGHBOUR_BEFORE = re.compile(r"([A-Za-z]+)(?:['’][A-Za-z]{1,3})?[^A-Za-z]{1,4}\Z")
_CAPS_NEIGHBOUR_AFTER = re.compile(r"[^A-Za-z]{1,4}([A-Za-z]+)")
_OPENING_ONLY = re.compile(r"[\s\"'“‘(\[]*")
_AFTER_STOP = re.compile(r"(?:[.!?…]|:\s*[\"'“‘])[\s\"'“‘(\[]*\Z")
_VOWELS = frozenset("AEIOUY")
_CONSONANT_RUN = re.compile(r"[B-DF-HJ-NP-TV-XZ]{4}")
MIN_NAME_LETTERS = 5
MIN_VOWEL_RATIO = 0.3
LONG_WORD_LETTERS, LONG_WORD_VOWEL_RATIO = 7, 0.2  # "CHRISTMAS": long acronyms are rare


def is_common_word(word: str) -> bool:
    """A common English word, or a plain inflection of one ('ships', 'stopped', 'coming')."""
    w = word.lower()
    if w in COMMON_WORDS:
        return True
    candidates: list[str] = []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss"):
        candidates.append(w[:-1])
    if w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            candidates.append(w[:-3])
    if w.endswith("ing"):
        candidates += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            candidates.append(w[:-4])
    if w.endswith("ly"):
        candidates.append(w[:-2])
    if w.endswith("er") or w.endswith("est"):
        stem = w[:-2] if w.endswith("er") else w[:-3]
        candidates += [stem, stem + "e"]
    return any(len(c) >= 2 and c in COMMON_WORDS for c in candidates)


def _looks_like_a_name(letters: str) -> bool:
    if len(letters) < MIN_NAME_LETTERS or _CONSONANT_RUN.search(letters):
        return False
    vowels = sum(1 for ch in letters if ch in _VOWELS)
    ratio = MIN_VOWEL_RATIO if len(letters) < LONG_WORD_LETTERS else LONG_WORD_VOWEL_RATIO
    return vowels / len(letters) >= ratio


def _is_shouted_word(word: str) -> bool:
    return word.isupper() and word not in ACRONYMS and (len(word) == 1 or is_common_word(word))


def _shouting_around(m: Match) -> bool:
    text = m.string
    before = _CAPS_NEIGHBOUR_BEFORE.search(text, max(0, m.start() - _LOOK), m.start())
    after = _CAPS_NEIGHBOUR_AFTER.match(text, m.end())
    return any(n is not None and _is_shouted_word(n.group(1)) for n in (before, after))


def _starts_sentence(m: Match) -> bool:
    start = m.start()
    if start <= _LOOK and _OPENING_ONLY.fullmatch(m.string, 0, start):
        return True
    return _AFTER_STOP.search(m.string, max(0, start - _LOOK), start) is not None


def _recase_caps(m: Match) -> str:
    base, apostrophe, suffix = m.group("base"), m.group("apo") or "", (m.group("suffix") or "").lower()
    if len(base) < 2:
        return base + apostrophe + suffix if base == "I" and apostrophe else m.group(0)
    if base in ACRONYMS and (base not in AMBIGUOUS_ACRONYMS or not _shouting_around(m)):
        return base + apostrophe + suffix
    word = (base + apostrophe + suffix).lower()
    if is_common_word(word) or is_common_word(base):
        if _starts_sentence(m):
            word = word[:1].upper() + word[1:]
        return word
    if roman_value(base) is not None:
        return m.group(0)  # "XVIII" without a trigger: left for the engine
    if _looks_like_a_name(base):
        return base[:1] + base[1:].lower() + apostrophe + suffix
    return base + apostrophe + suffix


def _recase(text: str) -> str:
    return _CAPS_TOKEN.sub(_recase_caps, text)


# ---------------------------------------------------------------------------
# 7. Numbers
# ---------------------------------------------------------------------------

# --- dates -----------------------------------------------------------------

_ISO_DATE = re.compile(rf"(?P<y>{_year_number('0-9.,-')})-(?P<mo>[01][0-9])-(?P<d>[0-3][0-9])(?![0-9])")
_SLASH_DATE = re.compile(
    rf"(?P<a>{_first_digit('0-9/.,')}[0-9]?)/(?P<b>[0-9]{{1,2}})/(?P<y>[0-9]{{4}})(?![0-9/])"
)
_DAY_MONTH = re.compile(
    rf"(?P<d1>{_first_digit('0-9.,:')}[0-9]?){ORD_SUFFIX}?"
    rf"(?:\s?[-–]\s?(?P<d2>[0-9]{{1,2}}){ORD_SUFFIX}?)?"
    rf"\s(?:of\s)?(?P<month>{MONTH})\b"
    rf"(?:,?\s(?P<year>[0-9]{{4}})(?![0-9]|[.,][0-9]))?"
)
_MONTH_DAY = re.compile(
    rf"(?P<month>{MONTH})\s(?P<d1>[0-9]{{1,2}})(?:{ORD_SUFFIX})?(?![0-9A-Za-z:%]|[.,][0-9])"
    rf"(?:\s?[-–]\s?(?P<d2>[0-9]{{1,2}})(?:{ORD_SUFFIX})?(?![0-9A-Za-z]))?"
    rf"(?:,?\s(?P<year>[0-9]{{4}})(?![0-9]|[.,][0-9]))?"
)


def _valid_day(day: str | None) -> bool:
    return day is None or 1 <= int(day) <= 31


def _date_words(day: int, month: int, year: str | None) -> str:
    words = f"the {ordinal_words(str(day))} of {MONTH_NAMES[month - 1]}"
    return f"{words}, {year_words(year)}" if year else words


def _iso_date(m: Match) -> str:
    month, day = int(m.group("mo")), int(m.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group(0)
    return _date_words(day, month, m.group("y"))


def _slash_date(m: Match) -> str:
    a, b = int(m.group("a")), int(m.group("b"))
    day, month = (b, a) if a <= 12 < b else (a, b)  # day/month unless that is impossible
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group(0)
    return _date_words(day, month, m.group("y"))


def _preceded_by_the(m: Match) -> bool:
    return m.string[max(0, m.start() - 4) : m.start()].lower() == "the "


def _day_month(m: Match) -> str:
    d1, d2, year = m.group("d1"), m.group("d2"), m.group("year")
    if not (_valid_day(d1) and _valid_day(d2)):
        return m.group(0)
    the = "" if _preceded_by_the(m) else "the "
    days = f"{the}{ordinal_words(d1)}"
    if d2:
        days += f" to the {ordinal_words(d2)}"
    words = f"{days} of {m.group('month')}"
    return f"{words}, {year_words(year)}" if year else words


def _month_day(m: Match) -> str:
    d1, d2, year = m.group("d1"), m.group("d2"), m.group("year")
    if not (_valid_day(d1) and _valid_day(d2)):
        return m.group(0)
    words = f"{m.group('month')} {ordinal_words(d1)}"
    if d2:
        words += f" to {ordinal_words(d2)}"
    return f"{words}, {year_words(year)}" if year else words


# --- years, year ranges and decades -----------------------------------------

YEAR_BEFORE = frozenset(
    "in since by of until till from to through thru circa ca c before after during around between "
    "and or year years early late mid spring summer autumn fall winter christmas easter ad bc born "
    "died founded established est vintage copyright census season class".split()
    + [name.lower() for name in MONTH_NAMES]
)
YEAR_AFTER = frozenset(
    "was is saw had has marked brought began became will would could might and or to through until "
    "onwards onward when where which while ad bc bce ce".split()
)
DETERMINERS = frozenset("the a an this that every each its his her their our my your".split())
# Words ending in "s" that are not plural nouns.
NOT_PLURAL = frozenset(
    "was has is as its this thus us yes plus less unless across always perhaps whereas besides "
    "towards afterwards upwards downwards sometimes news series species means".split()
)
# Words after a number that make it a quantity rather than a year.
QUANTITY_WORDS = frozenset(
    "people men women children feet teeth sheep fish staff personnel cattle police head million "
    "billion thousand hundred percent per times".split()
)
_YEAR = re.compile(rf"(?P<y>{_year_number('0-9.,£$€¥#')})(?![0-9]|[.,][0-9])")
_YEAR_RANGE = re.compile(
    r"(?P<a>1(?<![0-9.,]1)[1-9][0-9]{2}|2(?<![0-9.,]2)0[0-9]{2})\s?[-–—/]\s?"
    r"(?P<b>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?![0-9]|[.,][0-9])"
)
DECADE_HINTS = ("0s", "0's", "0’s")
_DECADE = re.compile(r"(?P<y>1(?<![0-9.,]1)[0-9]{2}0|2(?<![0-9.,]2)0[0-9]0)['’]?s\b")
_SHORT_DECADE = re.compile(
    r"(?:['’‘](?<![0-9.,].)(?P<q>[1-9]0)|(?P<t>[1-9](?<![0-9.,'’‘].)0))['’]?s\b"  # "’90s", "20s"
)


def _looks_plural(word: str) -> bool:
    w = word.lower()
    return (
        w in QUANTITY_WORDS
        or (len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in NOT_PLURAL)
    )


def _is_year(m: Match) -> bool:
    """Is the four-digit number in `m` a year? The words around it decide."""
    value = int(m.group("y"))
    previous = _prev_word(m).lower()
    following = _next_word(m)
    if following and following[0].islower() and _looks_plural(following):
        return False  # "1958 tons", "2000 people"
    if previous in YEAR_BEFORE:
        return True
    if value < 1100:
        return following.lower() in ("ad", "bc", "bce", "ce")
    if not following or following[0].isupper():
        return True  # "founded 1958.", "the 1958 World Cup"
    if previous in DETERMINERS:
        return True  # "the 2024 election"
    return following.lower() in YEAR_AFTER


def _year(m: Match) -> str:
    if _is_year(m):
        return year_words(m.group("y"))
    return cardinal_words(m.group("y"))


def _year_range(m: Match) -> str:
    a, b = m.group("a"), m.group("b")
    full_b = a[:2] + b if len(b) == 2 else b
    following = _next_word(m)
    if int(full_b) <= int(a) or (following and following[0].islower() and _looks_plural(following)):
        return m.group(0)  # not a pair of years: left to the generic range reading
    return f"{year_words(a)} to {year_words(full_b)}"


def _decade(m: Match) -> str:
    return _plural_number(year_words(m.group("y")))


def _short_decade(m: Match) -> str:
    return _plural_number(cardinal_words(m.group("q") or m.group("t")))


# --- money -------------------------------------------------------------------

# symbol: (one, many, one hundredth, many hundredths)
CURRENCIES: Mapping[str, tuple[str, str, str | None, str | None]] = {
    "£": ("pound", "pounds", "penny", "pence"),
    "$": ("dollar", "dollars", "cent", "cents"),
    "US$": ("US dollar", "US dollars", "cent", "cents"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", None, None),
    "₹": ("rupee", "rupees", "paisa", "paise"),
    "₩": ("won", "won", None, None),
    "₽": ("rouble", "roubles", "kopek", "kopeks"),
}
SCALES: Mapping[str, str] = {
    "thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
    "k": "thousand", "m": "million", "mn": "million", "bn": "billion", "b": "billion", "tn": "trillion",
}
_CURRENCY_SYMBOL = "(?:" + "|".join(re.escape(s) for s in sorted(CURRENCIES, key=len, reverse=True)) + ")"
_MONEY_START = _words(CURRENCIES, before=r"[\w.,]")
_MONEY = re.compile(
    rf"(?P<sym>{_MONEY_START})\s?(?P<n1>{NUM})"
    rf"(?:\s?(?:[-–]|to)\s?{_CURRENCY_SYMBOL}?(?P<n2>{NUM}))?"
    rf"(?:\s?(?P<scale>{'|'.join(sorted(SCALES, key=len, reverse=True))})(?![A-Za-z0-9]))?"
)
# "-$5": the sign of an amount of money.
_MONEY_SIGN = re.compile(rf"-(?<![^\s(\[“\"'‘:;,=/]-)(?={_CURRENCY_SYMBOL}[0-9])")
_PENCE = re.compile(rf"(?P<n>{_first_digit('0-9.,')}[0-9]{{0,2}})p\b(?![.'’]\w)")


def _money_amount(number: str, symbol: str) -> str:
    one, many, hundredth, hundredths = CURRENCIES[symbol]
    whole, _, fraction = number.replace(",", "").partition(".")
    if fraction and len(fraction) == 2 and hundredth and hundredths:
        units, cents = _small_int(whole or "0"), int(fraction)
        if units is not None:
            cents_words = f"{cardinal_words(str(cents))} {hundredth if cents == 1 else hundredths}"
            if units == 0:
                return cents_words if cents else f"{DIGIT_WORDS['0']} {many}"
            units_words = f"{cardinal_words(whole)} {one if units == 1 else many}"
            if cents == 0:
                return units_words
            if cents < 10:
                return f"{units_words} and {cents_words}"
            return f"{units_words} {cardinal_words(fraction)}"  # "five pounds fifty"
    if fraction:
        return f"{decimal_words(number)} {many}"
    return f"{cardinal_words(whole)} {_singular_or_plural(whole, one, many)}"


def _money(m: Match) -> str:
    symbol, n1, n2, scale = m.group("sym"), m.group("n1"), m.group("n2"), m.group("scale")
    many = CURRENCIES[symbol][1]
    if scale:  # "$3.5 billion" -> "three point five billion dollars"
        amount = decimal_words(n1) + (f" to {decimal_words(n2)}" if n2 else "")
        return f"{amount} {SCALES[scale]} {many}"
    if n2 and "." not in n1 + n2:  # "£5-£10" -> "five to ten pounds"
        return f"{cardinal_words(n1)} to {cardinal_words(n2)} {many}"
    amount = _money_amount(n1, symbol)
    return f"{amount} to {_money_amount(n2, symbol)}" if n2 else amount


def _pence(m: Match) -> str:
    return f"{cardinal_words(m.group('n'))} {_singular_or_plural(m.group('n'), 'penny', 'pence')}"


# --- ranges, signs, digit groups --------------------------------------------

_DIGIT_GROUPS = re.compile(rf"{_first_digit('0-9.,-')}[0-9]*(?:[-–][0-9]+){{2,}}(?![0-9]|[-–][0-9])")
# A telephone number: "+44 20 7946 0958", "0800 123 456", "020-7946-0958".
_GROUP_SEPARATOR = re.compile(r"[-– +]+")
_PHONE = re.compile(
    rf"(?:\+[0-9]{{1,3}}|0(?<![0-9.,]0)[0-9]{{1,4}})(?:[ -][0-9]{{2,5}}){{1,4}}(?![0-9]|[.,][0-9]|[ -][0-9])"
)
_RANGE_DASH = re.compile(r"(?P<d>[0-9%])(?:\s?[–—]\s?|-|\s-\s)(?=-?[£$€¥]?[0-9])")
# A sign that starts a number: at the start or after a space, bracket, quote or punctuation.
_SIGNS = re.compile(r"(?P<sign>[-+±~≈#<>≤≥])(?<![^\s(\[“\"'‘:;,=/].)\s?(?=[0-9]|\.[0-9])")
SIGN_WORDS: Mapping[str, str] = {
    "-": "minus ", "+": "plus ", "±": "plus or minus ", "~": "about ", "≈": "about ",
    "#": "number ", "<": "less than ", ">": "more than ", "≤": "at most ", "≥": "at least ",
}


def _digit_groups(m: Match) -> str:
    return ", ".join(spell_digits(group) for group in _GROUP_SEPARATOR.split(m.group(0)))


def _phone(m: Match) -> str:
    number = m.group(0)
    groups = ", ".join(spell_digits(group) for group in _GROUP_SEPARATOR.split(number.lstrip("+")))
    return f"plus {groups}" if number.startswith("+") else groups


# --- times -------------------------------------------------------------------

AMPM = r"(?P<ampm>[AaPp]\.?[Mm]\b\.?)"
_TIME = re.compile(
    rf"(?P<h>{_first_digit('0-9:.,')}(?:(?<=[01])[0-9]|(?<=2)[0-3])?)"  # 0-23
    r"(?P<sep>[:.])(?P<m>[0-5][0-9])(?::(?P<s>[0-5][0-9]))?"
    rf"(?![0-9]|[.:][0-9])(?:\s?{AMPM})?"
)
_HOUR_AMPM = re.compile(rf"(?P<h>{_first_digit('0-9:.,')}[0-9]?)\s?{AMPM}")


def _ampm_words(ampm: str | None) -> str:
    if not ampm:
        return ""
    return " a.m." if ampm[0] in "Aa" else " p.m."


def _time(m: Match) -> str:
    hour, minute, ampm = int(m.group("h")), int(m.group("m")), m.group("ampm")
    if m.group("sep") == "." and not ampm:
        return m.group(0)  # a decimal number, not a time
    if m.group("s"):  # "2:01:09" is a duration
        return _duration(hour, minute, int(m.group("s"))) + _ampm_words(ampm)
    words = cardinal_words(str(hour))
    if minute == 0:
        if not ampm:
            words += " o'clock" if 1 <= hour <= 12 else " hundred"
    elif minute < 10:
        words += f" oh {cardinal_words(str(minute))}"
    else:
        words += f" {cardinal_words(str(minute))}"
    return words + _ampm_words(ampm)


def _duration(hours: int, minutes: int, seconds: int) -> str:
    """'two hours one minute and nine seconds' (zero parts are left out)."""
    parts = [
        f"{cardinal_words(str(value))} {unit if value == 1 else unit + 's'}"
        for value, unit in ((hours, "hour"), (minutes, "minute"), (seconds, "second"))
        if value
    ]
    if not parts:
        return f"{DIGIT_WORDS['0']} seconds"
    return " and ".join(parts) if len(parts) < 3 else f"{parts[0]} {parts[1]} and {parts[2]}"


def _hour_ampm(m: Match) -> str:
    if not 1 <= int(m.group("h")) <= 12:
        return m.group(0)
    return cardinal_words(str(int(m.group("h")))) + _ampm_words(m.group("ampm"))


# --- percentages, temperatures, units ----------------------------------------

# symbol: (singular, plural)
UNITS: Mapping[str, tuple[str, str]] = {
    "km/h": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"),
    "kmh": ("kilometre per hour", "kilometres per hour"),
    "mph": ("mile per hour", "miles per hour"),
    "m/s": ("metre per second", "metres per second"),
    "km": ("kilometre", "kilometres"), "m": ("metre", "metres"), "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"), "µm": ("micrometre", "micrometres"),
    "μm": ("micrometre", "micrometres"), "nm": ("nanometre", "nanometres"),
    "mi": ("mile", "miles"), "ft": ("foot", "feet"), "yd": ("yard", "yards"), "yds": ("yard", "yards"),
    "kg": ("kilogram", "kilograms"), "g": ("gram", "grams"), "mg": ("milligram", "milligrams"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "t": ("tonne", "tonnes"),
    "l": ("litre", "litres"), "ml": ("millilitre", "millilitres"), "mL": ("millilitre", "millilitres"),
    "ha": ("hectare", "hectares"),
    "W": ("watt", "watts"), "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MWh": ("megawatt hour", "megawatt hours"), "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"), "V": ("volt", "volts"), "kV": ("kilovolt", "kilovolts"),
    "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"), "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"), "dB": ("decibel", "decibels"),
    "KB": ("kilobyte", "kilobytes"), "kB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"),
    "min": ("minute", "minutes"), "mins": ("minute", "minutes"), "hr": ("hour", "hours"),
    "hrs": ("hour", "hours"), "sec": ("second", "seconds"), "secs": ("second", "seconds"),
    "ms": ("millisecond", "milliseconds"),
}
POWERS: Mapping[str, str] = {"²": "square", "2": "square", "³": "cubic", "3": "cubic"}
_UNIT = re.compile(
    rf"(?P<n>{_number_pattern('0-9.,')})\s?(?P<sq>sq\.?\s)?"
    rf"(?P<u>{'|'.join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))})"
    r"(?P<pow>[²³]|(?<=[a-z])[23](?![0-9]))?(?![A-Za-z0-9/])"
)
_PERCENT = re.compile(rf"(?P<n>{_number_pattern('0-9.,')})\s?(?P<sym>%|‰)")
_DEGREES = re.compile(rf"(?P<n>{_number_pattern('0-9.,')})\s?[°º˚](?:\s?(?P<scale>[CFK])(?![A-Za-z]))?")
_TIMES = re.compile(rf"(?P<n>{_number_pattern('0-9.,')})[x×](?![A-Za-z0-9])")
_BY = re.compile(r"(?P<d>[0-9])\s?x\s?(?=[0-9])")
TEMPERATURE_SCALES: Mapping[str, str] = {"C": "Celsius", "F": "Fahrenheit", "K": "Kelvin"}


def _unit(m: Match) -> str:
    singular, plural = UNITS[m.group("u")]
    unit = _singular_or_plural(m.group("n"), singular, plural)
    power = "square" if m.group("sq") else POWERS.get(m.group("pow") or "", "")
    return f"{decimal_words(m.group('n'))} {power + ' ' if power else ''}{unit}"


def _percent(m: Match) -> str:
    return f"{decimal_words(m.group('n'))} {'percent' if m.group('sym') == '%' else 'per mille'}"


def _degrees(m: Match) -> str:
    words = f"{decimal_words(m.group('n'))} {_singular_or_plural(m.group('n'), 'degree', 'degrees')}"
    scale = m.group("scale")
    return f"{words} {TEMPERATURE_SCALES[scale]}" if scale else words


def _times(m: Match) -> str:
    return f"{decimal_words(m.group('n'))} times"


# --- ordinals, versions, ratios, fractions, plain numbers ---------------------

_ORDINAL = re.compile(
    rf"(?P<n>{_first_digit('0-9.,')}(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+|[0-9]*))"
    r"(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z0-9])"
)
_VERSION = re.compile(rf"{_first_digit('0-9.,')}[0-9]*(?:\.[0-9]+){{2,}}(?![0-9])")
_RATIO = re.compile(rf"(?P<a>{_first_digit('0-9:.,')}[0-9]*):(?P<b>[0-9]+)(?![0-9:])")
_FRACTION = re.compile(rf"(?P<a>{_first_digit('0-9/.,')}[0-9]{{0,5}})/(?P<b>[0-9]{{1,6}})(?![0-9/])")
_NUMBER = re.compile(rf"(?P<n>{_number_pattern('0-9')}|\.(?<![A-Za-z0-9]\.)[0-9]+)")
FRACTION_NAMES: Mapping[int, tuple[str, str]] = {2: ("half", "halves"), 4: ("quarter", "quarters")}
# Slashed pairs said as two numbers rather than as "out of".
SPOKEN_PAIRS = frozenset({(24, 7), (9, 11)})


def _ordinal(m: Match) -> str:
    return ordinal_words(m.group("n"))


def _version(m: Match) -> str:
    return " point ".join(cardinal_words(part) for part in m.group(0).split("."))


def _ratio(m: Match) -> str:
    return f"{cardinal_words(m.group('a'))} to {cardinal_words(m.group('b'))}"


def _fraction(m: Match) -> str:
    a, b = int(m.group("a")), int(m.group("b"))
    if 0 < a < b <= 10:
        one, many = FRACTION_NAMES.get(b, (ordinal_words(str(b)), ordinal_words(str(b)) + "s"))
        return f"{cardinal_words(m.group('a'))} {one if a == 1 else many}"
    if (a, b) in SPOKEN_PAIRS:
        return f"{cardinal_words(m.group('a'))} {cardinal_words(m.group('b'))}"  # "24/7", "9/11"
    if a < b:
        return f"{cardinal_words(m.group('a'))} out of {cardinal_words(m.group('b'))}"
    return f"{cardinal_words(m.group('a'))} {cardinal_words(m.group('b'))}"  # "50/50"


def _number(m: Match) -> str:
    words = decimal_words(m.group("n"))
    text = m.string
    # Digits glued to letters ("MP3", "4K") are read as separate words.
    if m.start() > 0 and text[m.start() - 1].isalpha():
        words = " " + words
    if m.end() < len(text) and text[m.end()].isalpha():
        words += " "
    return words


def _say_numbers(text: str) -> str:
    if not _ANY_DIGIT.search(text):
        return text
    return _sub_all(
        text,
        (
            (_ISO_DATE, _iso_date, "-"),
            (_SLASH_DATE, _slash_date, "/"),
            (_DAY_MONTH, _day_month, "JFMASOND"),
            (_MONTH_DAY, _month_day, "JFMASOND"),
            (_PHONE, _phone, ""),
            (_DIGIT_GROUPS, _digit_groups, "-–"),
            (_YEAR_RANGE, _year_range, "-–—/"),
            (_DECADE, _decade, DECADE_HINTS),
            (_SHORT_DECADE, _short_decade, DECADE_HINTS),
            (_MONEY_SIGN, "minus ", "-"),
            (_MONEY, _money, "".join(CURRENCIES)),
            (_RANGE_DASH, r"\g<d> to ", "-–—"),
            (_SIGNS, lambda m: SIGN_WORDS[m.group("sign")], "".join(SIGN_WORDS)),
            (_TIME, _time, ":."),
            (_HOUR_AMPM, _hour_ampm, "mM"),
            (_PENCE, _pence, "p"),
            (_PERCENT, _percent, "%‰"),
            (_DEGREES, _degrees, "°º˚"),
            (_UNIT, _unit, ""),
            (_TIMES, _times, "x×"),
            (_BY, r"\g<d> by ", "x"),
            (_ORDINAL, _ordinal, "snrtSNRT"),
            (_YEAR, _year, ""),
            (_VERSION, _version, "."),
            (_RATIO, _ratio, ":"),
            (_FRACTION, _fraction, "/"),
            (_NUMBER, _number, ""),
        ),
    )


# ---------------------------------------------------------------------------
# 8. Symbols
# ---------------------------------------------------------------------------

SYMBOL_WORDS: Mapping[str, str] = {
    "and/or": " and or ", "/": " or ", "&": " and ", "@": " at ", "%": " percent ",
    "‰": " per mille ", "+": " plus ", "±": " plus or minus ", "°": " degrees ", "º": " degrees ",
    "×": " times ", "÷": " divided by ", "=": " equals ", "≈": " about ", "≠": " is not ",
    "§": " section ", "¶": " paragraph ", "№": " number ", "²": " squared ", "³": " cubed ",
    "→": " to ", "[": " (", "]": ") ", "{": " (", "}": ") ",
}
_SYMBOL = re.compile(
    r"[Aa][Nn][Dd]/[Oo][Rr]|/(?<=[A-Za-z]/)(?=[A-Za-z])|[&@%‰+±°º×÷=≈≠§¶№²³→\[\]{}]"
)
# Markup characters that are never spoken.
MARKUP_CHARACTERS = "<>{}[]\\|^~`_*#="
_MARKUP = re.compile(r"[<>{}\[\]\\|^~`_*#/$£€¥₹₩₽†‡]")


def _symbol(m: Match) -> str:
    symbol = m.group(0).lower()
    if symbol == "/" and m.string[m.start() - 1].isupper() and m.string[m.end()].isupper():
        return " "  # "TCP/IP", "AC/DC"
    return SYMBOL_WORDS.get(symbol, " ")


def _speak_symbols(text: str) -> str:
    text = _SYMBOL.sub(_symbol, text)
    return _MARKUP.sub(" ", text)


# ---------------------------------------------------------------------------
# 9. Pauses: dashes and ellipses
# ---------------------------------------------------------------------------

_ELLIPSIS = re.compile(r"(?:…|\.{3,}|\.(?: \.){2,})(?:\s?[.…])*")
# Surrounding spaces are left for the punctuation tidy-up to remove.
_PAUSE_DASH = re.compile(r"[—―–‒-](?:(?<=[—―])[—―]*|(?<=-)-+|(?<=\s.)(?=\s))")
_COMPOUND_DASH = re.compile(r"[–‒](?<=\w.)(?=\w)")
_NEXT_IS_CAPITAL = re.compile(r"\s*[\"'“‘(]*[A-Z]")


def _ellipsis(m: Match) -> str:
    if m.start() <= _LOOK and _OPENING_ONLY.fullmatch(m.string, 0, m.start()):
        return ""  # "…and then"
    if _at_end(m.string, m.end()) or _NEXT_IS_CAPITAL.match(m.string, m.end()):
        return ". "
    return ", "


def _pauses(text: str) -> str:
    if "…" in text or ".." in text or ". ." in text:
        text = _ELLIPSIS.sub(_ellipsis, text)
    return _sub_all(text, ((_PAUSE_DASH, " , ", "—―-–‒"), (_COMPOUND_DASH, "-", "–‒")))


# ---------------------------------------------------------------------------
# 10. Tidy punctuation, final sweep
# ---------------------------------------------------------------------------

_TIDY: tuple[Pass, ...] = (
    (re.compile(r" +(?=[,.;:!?)])"), "", " "),
    (re.compile(r"\( +"), "(", "("),
    (re.compile(r",(?: *,)+"), ",", ","),
    (re.compile(r", *(?=[.;:!?])"), "", ","),
    (re.compile(r"([;:!?]) *,"), r"\1", ","),
    (re.compile(r"\A *, *"), "", ","),
    (re.compile(r"([(\"“‘]) *, *"), r"\1", ","),
    (re.compile(r", *(?=[\"”’)]* *\Z)"), "", ","),
    (re.compile(r"\( *\)"), "", "("),
    (re.compile(r",(?=[A-Za-z])"), ", ", ","),
)
_HTTP = re.compile(r"http", re.IGNORECASE)
_WWW = re.compile(r"www\.", re.IGNORECASE)
_FORBIDDEN = re.compile(r"[<>{}\[\]\\|^~`_*#=]")


def _tidy_punctuation(text: str) -> str:
    return _collapse_spaces(_sub_all(_collapse_spaces(text), _TIDY))


def _final_sweep(text: str) -> str:
    """Whatever slipped through: no ASCII digit, no URL scheme, no markup character."""
    text = _sub_all(
        text,
        (
            (_DIGIT_RUN, lambda m: f" {spell_digits(m.group(0))} ", DIGITS),
            (_FORBIDDEN, lambda m: " equals " if m.group(0) == "=" else " ", MARKUP_CHARACTERS),
        ),
    )
    lowered = text.lower()
    if "http" in lowered:
        text = _HTTP.sub(" H T T P ", text)
    if "www." in lowered:
        text = _WWW.sub(" W W W ", text)
    return _collapse_spaces(text)


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------


def _normalise(text: str) -> str:
    text = _tidy_characters(text)
    text = _strip_markup(text)
    text = _speak_addresses(text)
    text = _expand_abbreviations(text)
    text = _read_roman_numerals(text)
    text = _recase(text)
    text = _say_numbers(text)
    text = _speak_symbols(text)
    text = _pauses(text)
    return _tidy_punctuation(text)


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
    return _final_sweep(spoken)
