"""Dutch as a Dutch narrator says it: dates ("op 25 mei 1958" → "op vijfentwintig mei
negentienhonderdachtenvijftig", "25-12-2024" → "vijfentwintig december tweeduizend
vierentwintig"), ordinals ("de 19e eeuw" → "de negentiende eeuw", "1ste" → "eerste"), a
ruler's number ("Willem III" → "Willem de Derde"), money ("€ 5,50" → "vijf euro vijftig"),
decimals with a comma, thousands with a point, percentages, clock times ("om 17.30 uur" →
"om zeventien uur dertig"), units, abbreviations ("bijv." → "bijvoorbeeld", "blz. 5" →
"bladzijde vijf") and symbols, every number in Dutch words (num2words). Never raises.

Numbers are spelled as the Woordenlijst spells them: written together up to "duizend", a
space after it and around "miljoen" ("tweeduizend vierentwintig", "honderdeen"), a year of
hundreds in one word ("negentienhonderdachtenvijftig"). The numeral one standing alone is
"één": the voice reads a bare "een" as the article ("om een uur" is "within an hour").
"""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match, Pass
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.spoken import SLASH_DATE, decimal_words, digit_by_digit, number_patterns, number_words, speaker
from aloud.roman import roman_value

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
_MONTH = "|".join(MONTHS)


def _both_cases(table: dict[str, str]) -> dict[str, str]:
    """Each abbreviation as written mid-sentence and at a sentence's start: "dhr." and "Dhr."."""
    return {**table, **{key[:1].upper() + key[1:]: said[:1].upper() + said[1:] for key, said in table.items()}}


ABBREVIATIONS = _both_cases({
    "bijv.": "bijvoorbeeld", "bv.": "bijvoorbeeld", "b.v.": "bijvoorbeeld", "d.w.z.": "dat wil zeggen",
    "enz.": "enzovoort", "etc.": "et cetera", "o.a.": "onder andere", "m.a.w.": "met andere woorden",
    "i.p.v.": "in plaats van", "z.g.a.n.": "zo goed als nieuw", "t.o.v.": "ten opzichte van",
    "m.b.t.": "met betrekking tot", "i.v.m.": "in verband met", "a.u.b.": "alstublieft", "s.v.p.": "alstublieft",
    "z.o.z.": "zie ommezijde", "e.d.": "en dergelijke", "e.a.": "en anderen", "m.i.": "mijns inziens",
    "t/m": "tot en met", "t.e.m.": "tot en met", "resp.": "respectievelijk", "evt.": "eventueel",
    "incl.": "inclusief", "excl.": "exclusief", "ca.": "circa", "vgl.": "vergelijk", "tel.": "telefoon",
    "jl.": "jongstleden", "a.s.": "aanstaande", "nl.": "namelijk", "mln.": "miljoen", "mld.": "miljard",
    "dhr.": "de heer", "mevr.": "mevrouw", "mr.": "meester", "dr.": "dokter", "drs.": "doctorandus",
    "ir.": "ingenieur", "ing.": "ingenieur", "prof.": "professor", "st.": "sint",
    "v. Chr.": "voor Christus", "n. Chr.": "na Christus", "v.Chr.": "voor Christus", "n.Chr.": "na Christus",
})
# Before a number: "nr. 5" → "nummer vijf", "blz. 12" → "bladzijde twaalf".
BEFORE_NUMBER = _both_cases({
    "nr.": "nummer", "nr": "nummer", "blz.": "bladzijde", "p.": "pagina", "pp.": "pagina's", "art.": "artikel",
    "hfst.": "hoofdstuk", "fig.": "figuur", "afb.": "afbeelding", "tab.": "tabel",
})
# A unit after a number: (after one, after any other) — "één minuut", "drie minuten", "vijf meter".
UNITS = {
    "km/h": ("kilometer per uur", "kilometer per uur"), "km/u": ("kilometer per uur", "kilometer per uur"),
    "km": ("kilometer", "kilometer"), "m": ("meter", "meter"), "cm": ("centimeter", "centimeter"),
    "mm": ("millimeter", "millimeter"), "kg": ("kilo", "kilo"), "g": ("gram", "gram"), "t": ("ton", "ton"),
    "l": ("liter", "liter"), "dl": ("deciliter", "deciliter"), "cl": ("centiliter", "centiliter"),
    "ml": ("milliliter", "milliliter"), "h": ("uur", "uur"), "min": ("minuut", "minuten"),
    "s": ("seconde", "seconden"), "sec": ("seconde", "seconden"), "°C": ("graad Celsius", "graden Celsius"),
    "°": ("graad", "graden"), "m²": ("vierkante meter", "vierkante meter"),
    "m2": ("vierkante meter", "vierkante meter"),
    "m³": ("kubieke meter", "kubieke meter"), "ha": ("hectare", "hectare"), "kW": ("kilowatt", "kilowatt"),
    "kWh": ("kilowattuur", "kilowattuur"), "MW": ("megawatt", "megawatt"), "GB": ("gigabyte", "gigabyte"),
    "MB": ("megabyte", "megabyte"),
}
# A currency, before or after the amount: (its name, its cents).
CURRENCIES = {"€": ("euro", "cent"), "EUR": ("euro", "cent"), "euro": ("euro", "cent"), "$": ("dollar", "cent"),
              "USD": ("dollar", "cent"), "dollar": ("dollar", "cent"), "£": ("pond", "pence"),
              "pond": ("pond", "pence"), "gulden": ("gulden", "cent"), "CHF": ("frank", "rappen")}
SYMBOLS = {"&": " en ", "%": " procent ", "‰": " promille ", "§": " paragraaf ", "+": " plus ", "=": " is ",
           "×": " keer ", "÷": " gedeeld door ", "±": " plusminus ", "°": " graden ", "→": " naar ",
           "@": " apenstaartje ", "/": " ", "≈": " ongeveer "}
_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"  # "1.000.000" or "1958"


def _spelled(said: str) -> str:
    """num2words' Dutch as the Woordenlijst spells it: a space after "duizend" ("tweeduizend
    vierentwintig"), no accents inside a compound ("honderdeen")."""
    said = re.sub(r"duizend(?=[^\W\d_])(?!ste\b)", "duizend ", said)
    return re.sub(r"(?<=[^\W\d_])één|één(?=[^\W\d_])", "een", said)


def words(value: int | float, to: str = "cardinal") -> str:
    return _spelled(number_words(value, "nl", to))


def _integer(text: str) -> int:
    return int(text.replace(".", ""))


def year(value: int) -> str:
    """"1958" → "negentienhonderdachtenvijftig": a year of hundreds in one word; others as numbers."""
    if 1100 <= value <= 1999:
        return "".join(number_words(value, "nl", "year").split())
    return words(value)


def _date(m: Match) -> str:
    said = f"{words(int(m.group('day')))} {m.group('month')}"
    return f"{said} {year(int(m.group('year')))}" if m.group("year") else said


def _numeric_date(m: Match) -> str:
    day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    return f"{words(day)} {MONTHS[month - 1]} {year(int(m.group('year')))}"


def _ordinal(m: Match) -> str:
    """"1e", "1ste", "2de", "25ste", "XIXe": eerste, eerste, tweede, vijfentwintigste, negentiende."""
    number = m.group("n")
    value = int(number) if number.isdigit() else roman_value(number)
    return words(value, "ordinal") if value else m.group(0)


# A Roman numeral after these counts them, said as a cardinal: "hoofdstuk IV" → "hoofdstuk vier".
COUNTED_NOUNS = {"hoofdstuk", "deel", "boek", "band", "bedrijf", "akte", "scène", "zang", "brief", "artikel",
                 "paragraaf", "bladzijde", "pagina", "nummer", "les", "fase", "klas", "klasse", "type", "tabel",
                 "figuur", "bijlage", "psalm", "vers", "lid", "titel", "afdeling", "sectie", "categorie", "niveau",
                 "groep", "jaargang", "aflevering", "seizoen", "symfonie", "wereldoorlog", "vaticanum", "apollo",
                 "stap", "ronde", "graad"}
# Capitals that look like Roman numerals but are read as letters: "je CV", "maat XL".
NOT_NUMERALS = {"CV", "XL", "CC", "CL", "LC", "XC"}
_FUNCTION_WORDS = frozenset(entries("aloud.narrate.lang.nl", "stop_words.txt"))  # "De II …": not a name


def _roman_after_word(m: Match) -> str:
    """After a ruler's name the ordinal with "de" ("Willem III" → "Willem de Derde", "Lodewijk
    XIV" → "Lodewijk de Veertiende"); after any other word the cardinal ("hoofdstuk IV" →
    "hoofdstuk vier", "WO II" → "WO twee")."""
    word, numeral = m.group("word"), m.group("n")
    value = roman_value(numeral) if numeral not in NOT_NUMERALS else None
    if not value:
        return m.group(0)
    lower = word.lower()
    ruler = word[:1].isupper() and word[1:].islower() and lower not in COUNTED_NOUNS and lower not in _FUNCTION_WORDS
    if ruler:
        said = words(value, "ordinal")
        return f"{word} de {said[:1].upper()}{said[1:]}"
    if len(numeral) == 1 and lower not in COUNTED_NOUNS:
        return m.group(0)  # "de letter X", "type V": a letter, not a number
    return f"{word} {words(value)}"


def _money(m: Match) -> str:
    """"€ 5,50" → "vijf euro vijftig", "€ 2,-" → "twee euro", "€ 0,50" → "vijftig cent"."""
    unit = m.group("unit") or m.group("unit_before")
    name, cents_name = CURRENCIES[unit]
    whole = _integer(m.group("whole"))
    cents = m.group("cents")
    cents = int(cents) if cents and cents.isdigit() else 0
    if whole == 0 and cents:
        return f"{words(cents)} {cents_name}"
    said = f"{words(whole)} {name}"
    return f"{said} {words(cents)}" if cents else said


def _clock(hours: int, minutes: int, m: Match) -> str:
    if hours > 24 or minutes > 59:
        return m.group(0)
    said = f"{words(hours)} uur"
    return f"{said} {words(minutes)}" if minutes else said


def _time(m: Match) -> str:
    """"17.30 uur", "17:30", "om 17.30" → "zeventien uur dertig"; "8.00 uur" → "acht uur"."""
    return _clock(int(m.group("h")), int(m.group("m")), m)


def _dot_time(m: Match) -> str:
    said = _time(m)
    return said if said == m.group(0) else f"{m.group('w')} {said}"


def _metres(m: Match) -> str:
    cm = int(m.group("cm"))
    said = f"{words(int(m.group('whole')))} meter"
    return f"{said} {words(cm)}" if cm else said


def _unit(m: Match) -> str:
    one, many = UNITS[m.group("unit")]
    before = m.string[max(0, m.start() - 12):m.start() + 1]
    alone_one = re.search(r"(?<![\d.,])1$", before) is not None
    return f"{m.group('n')} {one if alone_one else many}"


def _decimal(m: Match) -> str:
    """"3,5" → "drie komma vijf", "2,05" → "twee komma nul vijf"."""
    return decimal_words(_integer(m.group("whole")), m.group("fraction"), words, "komma")


def _point_decimal(m: Match) -> str:
    """"1.99" with a decimal point, as in a translated text: "één punt negenennegentig"."""
    return decimal_words(int(m.group("whole")), m.group("fraction"), words, "punt")


def _fraction(m: Match) -> str:
    """"1/2" → "een half", "3/4" → "driekwart", "2/3" → "twee derde"; others as written."""
    a, b = int(m.group("a")), int(m.group("b"))
    if not 0 < a < b <= 12:
        return m.group(0)
    if b == 2:
        return "een half"
    if b == 4 and a in (1, 3):
        return "een kwart" if a == 1 else "driekwart"
    return f"{'een' if a == 1 else words(a)} {words(b, 'ordinal')}"


def _phone(m: Match) -> str:
    """"020-1234567": a telephone number digit by digit, the area code apart."""
    return ", ".join(" ".join(words(int(d)) for d in part) for part in (m.group("area"), m.group("rest")))


def _minus(m: Match) -> str:
    """"-5 °C" → "min vijf graden Celsius"; not the dash of "10 - 20"."""
    before = m.string[:m.start()].rstrip()
    return m.group(0) if before[-1:].isdigit() else "min "


def _cardinal(m: Match) -> str:
    text = m.group(0)
    said = digit_by_digit(text, words) or (year(_integer(text)) if re.fullmatch(r"1\d{3}", text) else None)
    return said or words(_integer(text))


_N = number_patterns(_NUMBER, CURRENCIES, UNITS, SYMBOLS, "A-Za-zÀ-ÿ", no_cents="-–")
_DATE = re.compile(rf"(?<![\d.,])(?P<day>[0-3]?\d)\s(?P<month>{_MONTH})\b(?:\s(?P<year>\d{{3,4}})\b)?")
# "25-12-2024", "25.12.2024" (and, through SLASH_DATE, "25/12/2024").
_DASH_DATE = re.compile(
    r"(?<![\d.,-])(?P<day>[0-3]?\d)(?P<sep>[-.])(?P<month>[01]?\d)(?P=sep)(?P<year>\d{4})(?!\d|[.,-]\d)")
# "1e", "1ste", "2de", "3e", "25ste", "XIXe" — a Roman numeral of one letter only V or X ("Ve eeuw").
_ORDINAL = re.compile(r"(?<![\w.,])(?P<n>\d{1,4}|[IVXLC]{2,7}|[VX])(?:ste|de|e|ᵉ)(?![\w'’-])")
# "Willem III", "Lodewijk XIV", "hoofdstuk IV": a Roman numeral after a word is a number.
_ROMAN_AFTER_WORD = re.compile(r"(?<![\w.])(?P<word>[A-Za-zÀ-ÿ]+) (?P<n>[IVXLC]{2,7}|[IVX])\b(?![\w'’-])")
_TIME = re.compile(r"(?<![\d.,:])(?P<h>[0-2]?\d)[.:](?P<m>[0-5]\d)\s?(?:uur\b|u\b(?!['’]))")
_BELGIAN_TIME = re.compile(r"(?<![\d.,])(?P<h>[0-2]?\d)u(?P<m>[0-5]\d)(?!\d)")  # "17u30"
_COLON_TIME = re.compile(r"(?<![\d.,:])(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?![\d:])")
# "om 17.30", "van 9.00 tot 17.00": after these words a number with a point is a time.
_DOT_TIME = re.compile(r"\b(?P<w>om|vanaf|van|tot|tussen|en) (?P<h>[0-2]?\d)\.(?P<m>[0-5]\d)(?![\d.,])",
                       re.IGNORECASE)
_HOUR = re.compile(r"(?<![\d.,])(?P<h>[0-2]?\d)\s?uur\b")
_GUILDERS = re.compile(r"(?:ƒ|\bfl\.)\s?(?P<amount>(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(?:\d{2}|-))?)")
# "1,80 m" → "één meter tachtig": a length in metres and centimetres, as a height is said.
_METRES = re.compile(r"(?<![\d.,])(?P<whole>\d{1,3}),(?P<cm>\d{2})\s?m(?![\w²³/])")
_PHONE = re.compile(r"(?<![\d.,-])(?P<area>0\d{1,3})[- ](?P<rest>\d{6,8})(?![\d.,-]?\d)")
_MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(]))-(?=\d)")
_POINT_DECIMAL = re.compile(r"(?<![\d.,])(?P<whole>\d+)\.(?P<fraction>\d{1,2})(?![\d,]|\.\d)")
_FRACTION = re.compile(r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|[.,]\d)")
_NO_CENTS = re.compile(r"(?<=\d),--")  # "€ 2,--" as "€ 2,-"
_TIMES = re.compile(r"(?<=\d)\s?[x×]\s?(?=\d)")
FRACTIONS = {"½": ("en een half", "een half"), "¼": ("en een kwart", "een kwart"), "¾": ("en driekwart", "driekwart")}
# In this order: dates and times before their numbers, money and units before the numbers in them.
PASSES: tuple[Pass, ...] = (
    (_DATE, _date, ""), (SLASH_DATE, _numeric_date, "/"), (_DASH_DATE, _numeric_date, "-."),
    (_ORDINAL, _ordinal, ""), (_ROMAN_AFTER_WORD, _roman_after_word, ""),
    (_TIME, _time, "u"), (_COLON_TIME, _time, ":"), (_BELGIAN_TIME, _time, "u"), (_DOT_TIME, _dot_time, "."),
    (_HOUR, lambda m: _clock(int(m.group("h")), 0, m), "u"),
    (_NO_CENTS, ",-", ",--"), (_GUILDERS, r"\g<amount> gulden", "ƒf"), (_POINT_DECIMAL, _point_decimal, "."),
    (_FRACTION, _fraction, "/"), (_PHONE, _phone, "-0"), (_N.money, _money, ""), (_N.percent, r"\1 procent", "%"),
    (_METRES, _metres, ","), (_N.unit, _unit, ""), (_N.decimal, _decimal, ","), (_MINUS, _minus, "-"),
    (_N.range, r"\1 tot \2", "-–"), (_TIMES, " keer ", "x×"), (_N.cardinal, _cardinal, ""),
    (_N.symbol, lambda m: SYMBOLS[m.group(0)], ""),
)


# One sentence of Dutch prose as a Dutch narrator says it; never raises.
speakable_text = speaker("nl", PASSES, FRACTIONS, ABBREVIATIONS, BEFORE_NUMBER)
