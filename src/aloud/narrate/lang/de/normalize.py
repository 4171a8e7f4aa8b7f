"""German as a German narrator says it: dates ("am 25. Mai 1958" → "am fünfundzwanzigsten
Mai neunzehnhundertachtundfünfzig"), ordinals ("der 3. Tag" → "der dritte Tag"), years,
money ("5,50 €" → "fünf Euro fünfzig"), decimals with a comma, thousands with a point,
percentages, clock times ("17.30 Uhr" → "siebzehn Uhr dreißig"), units, abbreviations
("z. B." → "zum Beispiel", "Nr. 5" → "Nummer fünf") and symbols, every number in German
words (num2words). Never raises; whatever a rule leaves, the last sweep turns into words.

Ordinals take their ending from the word before them: after a preposition that takes the
dative (am, im, vom, zum, beim, seit dem …) "-ten", else "-te" — the two forms a listener
hears most; a genitive or a plural is rarer and is still understood.
"""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match, Pass
from aloud.narrate.lang.data_files import entries
from aloud.narrate.lang.spoken import digit_by_digit, number_patterns, number_words, speaker
from aloud.roman import roman_value

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember", "Jänner")
_MONTH = "|".join(MONTHS)
# After these the ordinal ends in -n: "am fünfundzwanzigsten", "den dritten Oktober" (dative or accusative).
DATIVE = {"am", "im", "vom", "zum", "beim", "dem", "den", "seit", "ab", "bis", "zur", "ihrem", "seinem", "einem"}
ABBREVIATIONS = {
    "z. B.": "zum Beispiel", "z.B.": "zum Beispiel", "d. h.": "das heißt", "d.h.": "das heißt",
    "u. a.": "unter anderem", "u.a.": "unter anderem", "usw.": "und so weiter", "bzw.": "beziehungsweise",
    "ca.": "circa", "vgl.": "vergleiche", "inkl.": "inklusive", "evtl.": "eventuell", "ggf.": "gegebenenfalls",
    "etc.": "et cetera", "Jh.": "Jahrhundert", "Mio.": "Millionen", "Mrd.": "Milliarden", "Tsd.": "Tausend",
    "Dr.": "Doktor", "Prof.": "Professor", "Hr.": "Herr", "Fr.": "Frau", "St.": "Sankt", "Str.": "Straße",
    "v. Chr.": "vor Christus", "n. Chr.": "nach Christus", "u. Ä.": "und Ähnliches", "o. Ä.": "oder Ähnliches",
    "s. o.": "siehe oben", "s. u.": "siehe unten", "z. T.": "zum Teil", "Abb.": "Abbildung", "Tel.": "Telefon",
}
# Before a number: "Nr. 5" → "Nummer fünf", "S. 12" → "Seite zwölf".
BEFORE_NUMBER = {"Nr.": "Nummer", "S.": "Seite", "Bd.": "Band", "Kap.": "Kapitel", "Abs.": "Absatz", "Art.": "Artikel",
                 "Nr": "Nummer"}
UNITS = {"km/h": "Kilometer pro Stunde", "km": "Kilometer", "m": "Meter", "cm": "Zentimeter", "mm": "Millimeter",
         "kg": "Kilogramm", "g": "Gramm", "t": "Tonnen", "l": "Liter", "ml": "Milliliter", "h": "Stunden",
         "min": "Minuten", "s": "Sekunden", "°C": "Grad Celsius", "°": "Grad", "m²": "Quadratmeter", "qm": "Quadratmeter",
         "ha": "Hektar", "kW": "Kilowatt", "MW": "Megawatt", "GB": "Gigabyte", "MB": "Megabyte"}
CURRENCIES = {"€": ("Euro", "Cent"), "EUR": ("Euro", "Cent"), "Euro": ("Euro", "Cent"), "$": ("Dollar", "Cent"),
              "US-Dollar": ("US-Dollar", "Cent"), "£": ("Pfund", "Pence"), "Fr.": ("Franken", "Rappen"),
              "CHF": ("Franken", "Rappen"), "DM": ("Mark", "Pfennig")}
SYMBOLS = {"&": " und ", "%": " Prozent ", "‰": " Promille ", "§": " Paragraf ", "+": " plus ", "=": " gleich ",
           "×": " mal ", "÷": " geteilt durch ", "±": " plus minus ", "°": " Grad ", "→": " nach ", "@": " at ",
           "/": " ", "≈": " ungefähr "}

_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"  # "1.000.000" or "1958"


def words(value: int | float, to: str = "cardinal") -> str:
    return number_words(value, "de", to)


def _integer(text: str) -> int:
    return int(text.replace(".", ""))


def ordinal(value: int, previous: str) -> str:
    """"25." as said after `previous`: "fünfundzwanzigsten" after "am", else "fünfundzwanzigste"."""
    said = words(value, "ordinal")
    return said + "n" if previous.lower() in DATIVE else said


def year(value: int) -> str:
    return words(value, "year") if 1100 <= value <= 1999 else words(value)


def _previous_word(m: Match) -> str:
    before = m.string[:m.start()].split()
    return before[-1].strip("(„\"'»«") if before else ""


def _date(m: Match) -> str:
    day, month, when = int(m.group("day")), m.group("month"), m.group("year")
    said = f"{ordinal(day, _previous_word(m))} {month}"
    return f"{said} {year(int(when))}" if when else said


def _numeric_date(m: Match) -> str:
    day, month, when = int(m.group("day")), int(m.group("month")), m.group("year")
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    said = f"{ordinal(day, _previous_word(m))} {MONTHS[month - 1]}"
    return f"{said} {year(int(when))}" if when else said


def _money(m: Match) -> str:
    unit = m.group("unit") or m.group("unit_before")
    name, cents_name = CURRENCIES[unit]
    whole = _integer(m.group("whole"))
    cents = m.group("cents")
    said = f"{words(whole)} {name}"
    if cents and cents not in ("-", "–") and int(cents):
        said += f" {words(int(cents))}"
    return said.replace("eins Euro", "ein Euro")


def _time(m: Match) -> str:
    hours, minutes = int(m.group("h")), int(m.group("m"))
    if hours > 24 or minutes > 59:
        return m.group(0)
    said = f"{words(hours)} Uhr"
    return (f"{said} {words(minutes)}" if minutes else said).replace("eins Uhr", "ein Uhr")


def _decimal(m: Match) -> str:
    whole, fraction = m.group("whole"), m.group("fraction")
    return f"{words(_integer(whole))} Komma {' '.join(words(int(d)) for d in fraction)}"


def _ordinal_number(m: Match) -> str:
    return f"{ordinal(int(m.group('n')), _previous_word(m))} "


def _cardinal(m: Match) -> str:
    text = m.group(0)
    value = _integer(text)
    if "." not in text and len(text) == 4 and 1100 <= value <= 1999:
        return year(value)
    return digit_by_digit(text, words) or words(value)


def _unit(m: Match) -> str:
    return f"{m.group('n')} {UNITS[m.group('unit')]}"


# Nouns a Roman numeral counts, said as a cardinal: "Kapitel IV" → "Kapitel vier".
COUNTED_NOUNS = {"Kapitel", "Teil", "Band", "Buch", "Akt", "Szene", "Abschnitt", "Artikel", "Absatz", "Seite", "Klasse",
                 "Tafel", "Anhang", "Nummer", "Gesang", "Brief", "Tabelle", "Abbildung", "Psalm", "Vers"}
# After these a ruler's number takes the dative: "unter Ludwig dem Vierzehnten".
_FUNCTION_WORDS = frozenset(entries("aloud.narrate.lang.de", "stop_words.txt"))  # "Im XIX. Jahrhundert": not a name
DATIVE_BEFORE_NAME = {"von", "mit", "unter", "bei", "zu", "nach", "seit", "aus", "vor", "gegenüber", "dem"}


def _regnal(m: Match) -> str:
    """"Ludwig XIV." → "Ludwig der Vierzehnte"; "unter Karl V." → "unter Karl dem Fünften"."""
    name, value = m.group("name"), roman_value(m.group("n"))
    if not value or name.lower() in _FUNCTION_WORDS:
        return m.group(0)
    at_end = "." if not m.string[m.end():].strip(" \"'“”„»«)") else ""
    if name in COUNTED_NOUNS:
        return f"{name} {words(value)}{at_end}"
    said = words(value, "ordinal").capitalize()
    said = f"dem {said}n" if _previous_word(m).lower() in DATIVE_BEFORE_NAME else f"der {said}"
    return f"{name} {said}{at_end}"


def _roman_ordinal(m: Match) -> str:
    """"im XIX. Jahrhundert" → "im neunzehnten Jahrhundert"."""
    value = roman_value(m.group("n"))
    return f"{ordinal(value, _previous_word(m))} " if value else m.group(0)


def _roman_cardinal(m: Match) -> str:
    value = roman_value(m.group("n"))
    return words(value) if value else m.group(0)


_REGNAL = re.compile(r"(?<![\w.])(?P<name>[A-ZÄÖÜ][a-zäöüß]+) (?P<n>[IVXLC]{1,7})\.(?=\s|$|[,;:)\"'“”»«])")
_ROMAN_ORDINAL = re.compile(r"(?<![\w.])(?P<n>[IVXLC]{2,7})\.\s(?=[A-ZÄÖÜa-zäöü])")
_ROMAN_AFTER_WORD = re.compile(r"(?<=[A-Za-zÄÖÜäöüß] )(?P<n>[IVXLC]{2,7}|[IVX])\b(?![.\w'’-])")
_DATE = re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)\.\s?(?P<month>{_MONTH})\b(?:\s(?P<year>\d{{3,4}})\b)?")
_NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d{4}|\d{2})?(?![\d.])")
_N = number_patterns(_NUMBER, CURRENCIES, UNITS, SYMBOLS, "A-Za-zÄÖÜäöüß", no_cents="-–")
_TIME = re.compile(r"(?<![\d.,])(?P<h>[0-2]?\d)[.:](?P<m>[0-5]\d)\s?Uhr\b")
_HOUR = re.compile(r"(?<![\d.,])(?P<h>[0-2]?\d)\s?Uhr\b")
_ORDINAL = re.compile(r"(?<![\d.,])(?P<n>\d{1,3})\.\s(?=[A-ZÄÖÜa-zäöü])")
FRACTIONS = {"½": ("einhalb", "ein halb"), "¼": ("ein Viertel", "ein Viertel"), "¾": ("drei Viertel", "drei Viertel")}
# In this order: a date before its ordinal, money and units before the numbers in them.
PASSES: tuple[Pass, ...] = (
    (_DATE, _date, ""), (_NUMERIC_DATE, _numeric_date, "."),
    (_TIME, _time, "Uhr"), (_HOUR, lambda m: f"{words(int(m.group('h')))} Uhr".replace("eins Uhr", "ein Uhr"), "Uhr"),
    (_N.money, _money, ""), (_N.percent, r"\1 Prozent", "%"), (_N.unit, _unit, ""), (_N.decimal, _decimal, ","),
    (_N.range, r"\1 bis \2", "-–"), (_ORDINAL, _ordinal_number, "."), (_REGNAL, _regnal, "."),
    (_ROMAN_ORDINAL, _roman_ordinal, "."), (_ROMAN_AFTER_WORD, _roman_cardinal, ""), (_N.cardinal, _cardinal, ""),
    (_N.symbol, lambda m: SYMBOLS[m.group(0)], ""),
)


# One sentence of German prose as a German narrator says it; never raises.
speakable_text = speaker("de", PASSES, FRACTIONS, ABBREVIATIONS, BEFORE_NUMBER)
