"""Spanish as a Spanish narrator says it: dates ("el 25 de mayo de 1958" → "el veinticinco de
mayo de mil novecientos cincuenta y ocho", "el 1 de enero" → "el uno de enero"), ordinals
("1.º" → "primero", "3.ª" → "tercera", "siglo XIX" → "siglo diecinueve"), money ("5,50 €" →
"cinco euros con cincuenta"), decimals with a comma, thousands with a point, percentages,
clock times ("a las 17:30" → "a las diecisiete y treinta"), units and abbreviations ("Sr." →
"señor", "EE. UU." → "Estados Unidos", "pág. 5" → "página cinco"), every number in Spanish
words (num2words). Never raises.
"""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match, Pass
from aloud.narrate.lang.spoken import SLASH_DATE, decimal_words, digit_by_digit, number_patterns, number_words, speaker
from aloud.roman import roman_value

MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")
_MONTH = "|".join((*MONTHS, "setiembre"))
ABBREVIATIONS = {
    "Sr.": "señor", "Sra.": "señora", "Srta.": "señorita", "Sres.": "señores", "Dr.": "doctor", "Dra.": "doctora",
    "D.": "don", "Dña.": "doña", "Ud.": "usted", "Uds.": "ustedes", "EE. UU.": "Estados Unidos",
    "EE.UU.": "Estados Unidos", "etc.": "etcétera", "aprox.": "aproximadamente", "p. ej.": "por ejemplo",
    "a. C.": "antes de Cristo", "d. C.": "después de Cristo", "S. A.": "sociedad anónima", "Avda.": "avenida",
    "Sto.": "santo", "Sta.": "santa", "tel.": "teléfono", "vol.": "volumen", "cap.": "capítulo",
}
BEFORE_NUMBER = {"pág.": "página", "págs.": "páginas", "núm.": "número", "n.º": "número", "nº": "número",
                 "art.": "artículo", "cap.": "capítulo"}
UNITS = {"km/h": "kilómetros por hora", "km": "kilómetros", "m": "metros", "cm": "centímetros", "mm": "milímetros",
         "kg": "kilos", "g": "gramos", "l": "litros", "ml": "mililitros", "min": "minutos", "s": "segundos",
         "°C": "grados centígrados", "°": "grados", "m²": "metros cuadrados", "ha": "hectáreas", "t": "toneladas"}
CURRENCIES = {"€": ("euro", "euros"), "EUR": ("euro", "euros"), "euros": ("euro", "euros"), "$": ("dólar", "dólares"),
              "dólares": ("dólar", "dólares"), "£": ("libra", "libras"), "pesos": ("peso", "pesos")}
SYMBOLS = {"&": " y ", "%": " por ciento ", "‰": " por mil ", "§": " párrafo ", "+": " más ", "=": " igual a ",
           "×": " por ", "±": " más o menos ", "°": " grados ", "→": " a ", "@": " arroba ", "/": " ",
           "≈": " aproximadamente "}
_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"


def words(value: int | float, to: str = "cardinal") -> str:
    return number_words(value, "es", to)


def _integer(text: str) -> int:
    return int(text.replace(".", ""))


def year(value: int) -> str:
    return words(value, "year") if 1000 <= value <= 2099 else words(value)


def _date(m: Match) -> str:
    said = f"{words(int(m.group('day')))} de {m.group('month')}"
    return f"{said} de {year(int(m.group('year')))}" if m.group("year") else said


def _numeric_date(m: Match) -> str:
    day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    return f"{words(day)} de {MONTHS[month - 1]} de {year(int(m.group('year')))}"


# Before a noun "uno" is "un" and "veintiuno" "veintiún"; "primero" and "tercero" are "primer",
# "tercer" ("veintiún años", "en primer lugar") — but not before "de", "y" …: "uno de ellos".
_FEMININE = ("a", "as", "ión", "iones", "dad", "dades", "tad", "tud", "umbre")  # most nouns ending so are feminine
_MASCULINE_IN_A = {"día", "días", "mapa", "mapas", "problema", "problemas", "programa", "programas", "sistema",
                   "sistemas", "tema", "temas", "idioma", "idiomas", "planeta", "planetas", "clima", "poema", "poemas"}
_NOT_A_NOUN = {"de", "y", "o", "u", "que", "a", "en", "por", "con", "del", "al", "es", "era", "fue"}


def _before_noun(said: str, m: Match) -> str:
    after = m.string[m.end():].lstrip()
    following = re.match(r"[^\W\d_]+", after)
    if not following or following.group(0).lower() in _NOT_A_NOUN or m.string[m.end():m.end() + 1] not in (" ", "\u00a0"):
        return said
    noun = following.group(0).lower()
    feminine = noun.endswith(_FEMININE) and noun not in _MASCULINE_IN_A
    if said.endswith("veintiuno"):
        return said[:-len("veintiuno")] + ("veintiuna" if feminine else "veintiún")
    if said == "uno" or said.endswith(" uno"):
        return said[:-3] + ("una" if feminine else "un")
    if said.endswith(("primero", "tercero")):
        return said[:-1]
    return said


def _ordinal(m: Match) -> str:
    """"1.º", "3.ª", "2.o": primero, tercera, segundo."""
    said = words(int(m.group("n")), "ordinal")
    if m.group("g") in ("ª", "a") and said.endswith("o"):
        return said[:-1] + "a"
    return _before_noun(said, m)


# A Roman numeral after these counts them: "siglo XIX" → "siglo diecinueve".
COUNTED_NOUNS = {"siglo", "capítulo", "tomo", "parte", "libro", "acto", "escena", "volumen", "canto", "artículo",
                 "página", "número", "carta", "apéndice", "tabla", "figura", "salmo"}


def _roman_after_word(m: Match) -> str:
    """After a ruler's or pope's name the ordinal up to ten ("Felipe II" → "Felipe segundo",
    "Alfonso X" → "Alfonso décimo"), then the cardinal ("Alfonso XIII" → "Alfonso trece");
    after a noun it counts, the cardinal ("siglo XIX" → "siglo diecinueve")."""
    word, value = m.group("word"), roman_value(m.group("n"))
    if not value:
        return m.group(0)
    regnal = word[:1].isupper() and word.lower() not in COUNTED_NOUNS and value <= 10
    return f"{word} {words(value, 'ordinal') if regnal else words(value)}"


def _money(m: Match) -> str:
    unit = m.group("unit") or m.group("unit_before")
    one, many = CURRENCIES[unit]
    whole = _integer(m.group("whole"))
    said = f"{'un' if whole == 1 else words(whole)} {one if whole == 1 else many}"
    cents = m.group("cents")
    return f"{said} con {words(int(cents))}" if cents and int(cents) else said


def _time(m: Match) -> str:
    hours, minutes = int(m.group("h")), int(m.group("m"))
    if hours > 24 or minutes > 59:
        return m.group(0)
    said = "una" if hours == 1 else words(hours)
    return f"{said} y {words(minutes)}" if minutes else said


def _decimal(m: Match) -> str:
    return decimal_words(_integer(m.group("whole")), m.group("fraction"), words, "coma")


def _cardinal(m: Match) -> str:
    text = m.group(0)
    said = digit_by_digit(text, words) or (year(_integer(text)) if re.fullmatch(r"1\d{3}", text) else None)
    return said or _before_noun(words(_integer(text)), m)


_N = number_patterns(_NUMBER, CURRENCIES, UNITS, SYMBOLS, "A-Za-zÁÉÍÓÚáéíóúñÑ")
_DATE = re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)\s+de\s+(?P<month>{_MONTH})\b(?:\s+de\s+(?P<year>\d{{3,4}})\b)?")
_ORDINAL = re.compile(r"(?<![\d,.])(?P<n>\d{1,3})\.?(?P<g>[ºª°]|(?<=\.)[oa](?!\w))")
# "siglo XIX", "Alfonso X", "capítulo IV": a Roman numeral after a word is a number.
_ROMAN_AFTER_WORD = re.compile(r"(?P<word>[A-Za-zÁÉÍÓÚáéíóúñÑ]+) (?P<n>[IVXLC]{2,7}|[IVX])\b(?![\w'’-])")
_TIME = re.compile(r"(?<![\d,.:])(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?![\d:])")
FRACTIONS = {"½": ("y medio", "un medio"), "¼": ("y cuarto", "un cuarto"), "¾": ("tres cuartos", "tres cuartos")}
# In this order: a date before its numbers, money and units before the numbers in them.
PASSES: tuple[Pass, ...] = (
    (_DATE, _date, ""), (SLASH_DATE, _numeric_date, "/"), (_ORDINAL, _ordinal, "ºª°oa"),
    (_ROMAN_AFTER_WORD, _roman_after_word, ""), (_TIME, _time, ":"), (_N.money, _money, ""), (_N.percent, r"\1 por ciento", "%"),
    (_N.unit, lambda m: f"{m.group('n')} {UNITS[m.group('unit')]}", ""), (_N.decimal, _decimal, ","),
    (_N.range, r"\1 a \2", "-–"), (_N.cardinal, _cardinal, ""), (_N.symbol, lambda m: SYMBOLS[m.group(0)], ""),
)


# One sentence of Spanish prose as a Spanish narrator says it; never raises.
speakable_text = speaker("es", PASSES, FRACTIONS, ABBREVIATIONS, BEFORE_NUMBER)
