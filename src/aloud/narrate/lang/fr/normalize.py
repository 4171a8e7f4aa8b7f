"""French as a French narrator says it: dates ("le 14 juillet 1789" → "le quatorze juillet
mille sept cent quatre-vingt-neuf", "le 1er mai" → "le premier mai"), ordinals ("XIXe
siècle" → "dix-neuvième siècle", "2e" → "deuxième"), years, money ("5,50 €" → "cinq euros
cinquante"), decimals with a comma, thousands with a space, percentages, clock times ("5 h
30" → "cinq heures trente"), units, abbreviations ("M." → "Monsieur", "n° 5" → "numéro
cinq") and symbols, every number in French words (num2words). Never raises.
"""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match, Pass
from aloud.narrate.lang.spoken import SLASH_DATE, decimal_words, digit_by_digit, number_patterns, number_words, speaker
from aloud.roman import roman_value

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
ABBREVIATIONS = {
    "M.": "Monsieur", "MM.": "Messieurs", "Mme": "Madame", "Mmes": "Mesdames", "Mlle": "Mademoiselle",
    "Mlles": "Mesdemoiselles", "Dr": "Docteur", "Pr": "Professeur", "Me": "Maître", "Mgr": "Monseigneur",
    "St": "Saint", "Ste": "Sainte", "etc.": "et cetera", "env.": "environ", "c.-à-d.": "c'est-à-dire",
    "cf.": "voir", "av. J.-C.": "avant Jésus-Christ", "apr. J.-C.": "après Jésus-Christ", "J.-C.": "Jésus-Christ",
    "p. ex.": "par exemple", "bd": "boulevard", "av.": "avenue", "tél.": "téléphone", "vol.": "volume",
    "chap.": "chapitre", "C°": "compagnie", "Cie": "compagnie",
}
BEFORE_NUMBER = {"n°": "numéro", "N°": "numéro", "no": "numéro", "p.": "page", "pp.": "pages", "t.": "tome",
                 "art.": "article", "chap.": "chapitre"}
UNITS = {"km/h": "kilomètres à l'heure", "km": "kilomètres", "m": "mètres", "cm": "centimètres", "mm": "millimètres",
         "kg": "kilos", "g": "grammes", "l": "litres", "ml": "millilitres", "min": "minutes", "s": "secondes",
         "°C": "degrés Celsius", "°": "degrés", "m²": "mètres carrés", "ha": "hectares", "t": "tonnes"}
CURRENCIES = {"€": ("euro", "euros"), "EUR": ("euro", "euros"), "euros": ("euro", "euros"), "$": ("dollar", "dollars"),
              "£": ("livre", "livres"), "F": ("franc", "francs"), "francs": ("franc", "francs"), "CHF": ("franc", "francs")}
SYMBOLS = {"&": " et ", "%": " pour cent ", "‰": " pour mille ", "§": " paragraphe ", "+": " plus ", "=": " égale ",
           "×": " fois ", "±": " plus ou moins ", "°": " degrés ", "→": " vers ", "@": " arobase ", "/": " sur ",
           "≈": " environ "}
_NUMBER = r"\d{1,3}(?:[  \u202f]\d{3})+|\d+"  # "1 000 000" (thin, no-break or plain space) or "1789"


def words(value: int | float, to: str = "cardinal") -> str:
    return number_words(value, "fr", to)


def _integer(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def year(value: int) -> str:
    return words(value, "year") if 1000 <= value <= 2099 else words(value)


def _date(m: Match) -> str:
    day = int(m.group("day"))
    said = f"{'premier' if day == 1 else words(day)} {m.group('month')}"
    return f"{said} {year(int(m.group('year')))}" if m.group("year") else said


def _numeric_date(m: Match) -> str:
    day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    said = f"{'premier' if day == 1 else words(day)} {MONTHS[month - 1]}"
    return f"{said} {year(int(m.group('year')))}" if m.group("year") else said


def _ordinal(m: Match) -> str:
    """"1er", "2e", "XIXe", "IIIe": premier, deuxième, dix-neuvième, troisième."""
    number = m.group("n")
    value = int(number) if number.isdigit() else roman_value(number)
    if not value:
        return m.group(0)
    if value != 1 and m.group("suffix").lower().startswith(("er", "re")):
        return m.group(0)  # "Vers", "Xer": only the first is "1er", "Ire"
    plural = "s" if m.group("suffix").endswith("s") else ""  # "les 1ers", "les XIXes"
    if value == 1:
        return ("première" if m.group("suffix").lower().startswith("re") else "premier") + plural
    return words(value, "ordinal") + plural


def _money(m: Match) -> str:
    unit = m.group("unit") or m.group("unit_before")
    one, many = CURRENCIES[unit]
    whole = _integer(m.group("whole"))
    said = f"{words(whole)} {one if whole == 1 else many}"
    cents = m.group("cents")
    if cents and int(cents):
        said += f" {words(int(cents))}"
    return said


def _time(m: Match) -> str:
    hours, minutes = int(m.group("h")), int(m.group("m") or 0)
    if hours > 24 or minutes > 59:
        return m.group(0)
    said = "une heure" if hours == 1 else f"{words(hours)} heures"
    return f"{said} {words(minutes)}" if minutes else said


def _decimal(m: Match) -> str:
    """"3,5" → "trois virgule cinq", "2,05" → "deux virgule zéro cinq"."""
    return decimal_words(_integer(m.group("whole")), m.group("fraction"), words, "virgule")


def _cardinal(m: Match) -> str:
    text = m.group(0)
    value = _integer(text)
    return digit_by_digit(text, words) or (year(value) if re.fullmatch(r"1\d{3}", text) else words(value))


_N = number_patterns(_NUMBER, CURRENCIES, UNITS, SYMBOLS, "A-Za-zÀ-ÿ")
_DATE = re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)(?:er)?\s(?P<month>{'|'.join(MONTHS)})\b(?:\s(?P<year>\d{{3,4}})\b)?")
# "1er", "2e", "XIXe" — but not "Le", "De", "Ces": a Roman numeral of one letter is I, V or X.
_ORDINAL = re.compile(r"\b(?P<n>\d{1,4}|[IVXLCDM]{2,7}|[IVX])(?P<suffix>ers?|res?|es?|èmes?|ème|ᵉ|ᵉʳ)\b")
# "Louis XIV", "Chapitre II", "tome III": a Roman numeral after a word is a number.
_ROMAN_AFTER_WORD = re.compile(r"(?<=[A-Za-zÀ-ÿ] )(?P<n>[IVXLC]{2,7}|[IVX])\b(?![eᵉ'’-])")
_TIME = re.compile(r"(?<![\d,])(?P<h>[0-2]?\d)\s?h\s?(?P<m>[0-5]\d)?(?![\w])")
FRACTIONS = {"½": ("et demi", "un demi"), "¼": ("et quart", "un quart"), "¾": ("trois quarts", "trois quarts")}


# In this order: a date before its ordinal, money and units before the numbers in them.
PASSES: tuple[Pass, ...] = (
    (_DATE, _date, ""), (SLASH_DATE, _numeric_date, "/"), (_ORDINAL, _ordinal, ""),
    (_ROMAN_AFTER_WORD, lambda m: words(roman_value(m.group("n"))) if roman_value(m.group("n")) else m.group(0), ""),
    (_TIME, _time, "h"), (_N.money, _money, ""), (_N.percent, r"\1 pour cent", "%"),
    (_N.unit, lambda m: f"{m.group('n')} {UNITS[m.group('unit')]}", ""), (_N.decimal, _decimal, ","),
    (_N.range, r"\1 à \2", "-–"), (_N.cardinal, _cardinal, ""), (_N.symbol, lambda m: SYMBOLS[m.group(0)], ""),
)


# One sentence of French prose as a French narrator says it; never raises.
speakable_text = speaker("fr", PASSES, FRACTIONS, ABBREVIATIONS, BEFORE_NUMBER)
