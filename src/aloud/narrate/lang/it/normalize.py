"""Italian as an Italian narrator says it: dates ("il 25 maggio 1958" → "il venticinque maggio
millenovecentocinquantotto", "il 1° maggio" → "il primo maggio", "l'8 marzo" → "l'otto
marzo"), ordinals ("1°" → "primo", "1ª" → "prima", "XIX secolo" → "diciannovesimo secolo",
"Luigi XIV" → "Luigi quattordicesimo"), money ("5,50 €" → "cinque euro e cinquanta"),
decimals with a comma, thousands with a point, percentages, clock times ("alle 17:30" →
"alle diciassette e trenta"), units, "un", "uno", "una" and "un'" for 1 before a noun ("1
casa" → "una casa") and abbreviations ("Sig.ra" → "signora", "a.C." → "avanti Cristo",
"pag. 5" → "pagina cinque"), every number in Italian words (num2words). Never raises.
"""

from __future__ import annotations

import re

from aloud.narrate.lang.cleanup import Match, Pass
from aloud.narrate.lang.spoken import (
    SLASH_DATE,
    alternatives,
    decimal_words,
    digit_by_digit,
    number_patterns,
    number_words,
    speaker,
)
from aloud.roman import roman_value

MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
          "novembre", "dicembre")
_MONTH = "|".join(MONTHS)
ABBREVIATIONS = {
    "Sig.": "signor", "Sig.ra": "signora", "Sig.na": "signorina", "Sigg.": "signori", "Dott.": "dottor",
    "Dott.ssa": "dottoressa", "Dr.": "dottor", "Prof.": "professor", "Prof.ssa": "professoressa",
    "Ing.": "ingegner", "Avv.": "avvocato", "Geom.": "geometra", "Rag.": "ragionier", "Mons.": "monsignor",
    "Egr.": "egregio", "Gent.": "gentile", "Gent.mo": "gentilissimo", "Gent.ma": "gentilissima",
    "Spett.": "spettabile", "ecc.": "eccetera", "a.C.": "avanti Cristo", "a. C.": "avanti Cristo",
    "d.C.": "dopo Cristo", "d. C.": "dopo Cristo", "p.es.": "per esempio", "p. es.": "per esempio",
    "ad es.": "ad esempio", "es.": "per esempio", "ca.": "circa", "Ca.": "Circa", "cfr.": "confronta", "tel.": "telefono",
    "N.B.": "nota bene", "S.p.A.": "società per azioni", "S.r.l.": "società a responsabilità limitata",
    "cap.": "capitolo", "vol.": "volume", "sec.": "secolo", "Sec.": "Secolo", "pag.": "pagina", "pagg.": "pagine",
}
BEFORE_NUMBER = {"pag.": "pagina", "pagg.": "pagine", "p.": "pagina", "pp.": "pagine", "n.": "numero",
                 "N.": "numero", "nr.": "numero", "n°": "numero", "N°": "numero", "cap.": "capitolo",
                 "vol.": "volume", "art.": "articolo", "artt.": "articoli", "fig.": "figura", "tab.": "tabella",
                 "par.": "paragrafo"}
# A unit: (one, many); "one" with its article, as after the number 1.
UNITS = {"km/h": ("un chilometro orario", "chilometri orari"), "km²": ("un chilometro quadrato", "chilometri quadrati"),
         "km": ("un chilometro", "chilometri"), "m²": ("un metro quadrato", "metri quadrati"),
         "mq": ("un metro quadrato", "metri quadrati"), "m": ("un metro", "metri"), "cm": ("un centimetro", "centimetri"),
         "mm": ("un millimetro", "millimetri"), "kg": ("un chilo", "chili"), "g": ("un grammo", "grammi"),
         "mg": ("un milligrammo", "milligrammi"), "l": ("un litro", "litri"), "ml": ("un millilitro", "millilitri"),
         "cl": ("un centilitro", "centilitri"), "min": ("un minuto", "minuti"), "h": ("un'ora", "ore"),
         "s": ("un secondo", "secondi"), "°C": ("un grado centigrado", "gradi centigradi"),
         "° C": ("un grado centigrado", "gradi centigradi"), "°": ("un grado", "gradi"), "ha": ("un ettaro", "ettari"),
         "t": ("una tonnellata", "tonnellate"), "kW": ("un chilowatt", "chilowatt")}
# A currency: (one, many), "one" with its article; the euro does not change in the plural.
CURRENCIES = {"€": ("un euro", "euro"), "EUR": ("un euro", "euro"), "euro": ("un euro", "euro"),
              "$": ("un dollaro", "dollari"), "USD": ("un dollaro", "dollari"), "dollari": ("un dollaro", "dollari"),
              "dollaro": ("un dollaro", "dollari"), "£": ("una sterlina", "sterline"), "GBP": ("una sterlina", "sterline"),
              "sterline": ("una sterlina", "sterline"), "sterlina": ("una sterlina", "sterline"),
              "CHF": ("un franco", "franchi"), "franchi": ("un franco", "franchi"), "lire": ("una lira", "lire")}
SYMBOLS = {"&": " e ", "%": " per cento ", "‰": " per mille ", "§": " paragrafo ", "+": " più ", "=": " uguale ",
           "×": " per ", "±": " più o meno ", "°": " gradi ", "→": " a ", "@": " chiocciola ", "/": " ",
           "≈": " circa "}
_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿ"


def words(value: int | float, to: str = "cardinal") -> str:
    """`value` in Italian words; num2words's slips mended: "centodiciotto" (not "centodicotto"),
    and a compound of "tre" ending a number is accented, "centoventitré", as it is stressed."""
    said = number_words(value, "it", to).replace("dicott", "diciott")
    return _FINAL_TRE.sub("tré", said)


_FINAL_TRE = re.compile(r"(?<=\w)tre\b")


def _integer(text: str) -> int:
    return int(text.replace(".", ""))


def _day(value: int) -> str:
    """The day of a month: the first is "primo" ("il primo maggio"), the others cardinal."""
    return "primo" if value == 1 else words(value)


def _date(m: Match) -> str:
    said = f"{_day(int(m.group('day')))} {m.group('month')}"
    return f"{said} {words(int(m.group('year')))}" if m.group("year") else said


def _numeric_date(m: Match) -> str:
    day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    return f"{_day(day)} {MONTHS[month - 1]} {words(int(m.group('year')))}"


# The gender of a noun, to agree the ordinal or the article with it: most nouns in -a are feminine
# ("la casa"), most others masculine ("il libro"); these are the common exceptions.
_MASCULINE_IN_A = frozenset(
    "papa poeta problema sistema programma tema poema dramma clima pianeta diploma panorama teorema schema enigma "
    "cinema pigiama dilemma telegramma diagramma fantasma aroma dogma carisma paradigma profeta patriarca monarca "
    "duca andrea luca nicola elia enea mattia tobia geremia isaia attila cosma barnaba battista evangelista "
    "giosuè".split())
_FEMININE_ENDINGS = ("zione", "sione", "gione", "tà", "tù", "ie", "trice", "ite", "osi", "esi", "isi")
_FEMININE_NOUNS = frozenset(
    "parte classe notte chiave fine gente mente morte nave neve voce luce sede fede legge madre moglie carne arte "
    "febbre fame fronte lente radice croce pace torre pelle sete rete nube vite fonte valle serie specie estate "
    "mano foto radio auto moto appendice".split())


def feminine(noun: str) -> bool:
    noun = noun.lower()
    if noun in _FEMININE_NOUNS or noun.endswith(_FEMININE_ENDINGS):
        return True
    return noun.endswith("a") and noun not in _MASCULINE_IN_A


def _ordinal_words(value: int, is_feminine: bool) -> str:
    said = words(value, "ordinal")
    return said[:-1] + "a" if is_feminine and said.endswith("o") else said


# "1 libro" → "un libro", "1 studente" → "uno studente", "1 casa" → "una casa", "1 ora" → "un'ora";
# but "1 di loro" → "uno di loro": not before a preposition, a conjunction or a verb.
_NOT_A_NOUN = frozenset(
    "di del dello della dei degli delle a al allo alla ai agli alle da dal dallo dalla dai dagli dalle in nel nello "
    "nella nei negli nelle con col su sul sullo sulla sui sugli sulle per tra fra e ed o od ma che se è era fu sono "
    "solo solamente soltanto volta volte più meno".split())
_VOWELS = "aeiouàèéìíòóùú"
# After these "1" is a number, not an article: "pagina 1 contiene …".
_NUMBERING_NOUNS = frozenset("pagina pagine numero capitolo articolo volume tomo parte atto scena canto figura "
                             "tabella paragrafo via piazza corso stanza camera binario linea".split())


def one_before(noun: str) -> str:
    """The article "1" is before `noun`: "un", "uno", "una", or "un'" (joined to the noun)."""
    low = noun.lower()
    if feminine(low):
        return "un'" if low[:1] in _VOWELS else "una "
    impure = (low[:1] == "s" and low[1:2] not in _VOWELS) or low[:1] in "zxy" or low[:2] in ("gn", "ps", "pn") or (
        low[:1] == "i" and low[1:2] in _VOWELS)
    return "uno " if impure else "un "


def _one_noun(m: Match) -> str:
    noun = m.group("noun")
    before = m.string[:m.start()].split()[-1:] or [""]
    if noun.lower() in _NOT_A_NOUN or before[0].lower() in _NUMBERING_NOUNS:
        return "uno " + noun
    return one_before(noun) + noun


def _ordinal(m: Match) -> str:
    """"1°", "1ª", "1a", "3°": primo, prima, prima, terzo; "30°" alone is degrees ("trenta gradi")."""
    value, mark = int(m.group("n")), m.group("g")
    if mark in ("°", "º"):
        before = m.string[:m.start()].rstrip().rsplit(None, 1)[-1:] or [""]
        after_article = bool(re.search(r"(?:^|['’])(?:il|lo|la|l|al|allo|alla|del|dello|della|nel|nello|nella|dal|"
                                       r"dallo|dalla|sul|sullo|sulla|col|un|una|ogni|suo|sua|loro|mio|mia|tuo|"
                                       r"tua|nostro|nostra)$", before[0].lower())) or before[0].endswith(("'", "’"))
        if not after_article and value > 20:
            return f"{words(value)} gradi"
    return _ordinal_words(value, mark in ("ª", "a"))


# After these nouns a Roman numeral counts, as an ordinal: "capitolo IV" → "capitolo quarto".
COUNTED_NOUNS = frozenset(
    "secolo secoli capitolo capitoli tomo tomi parte parti libro libri atto atti scena scene volume volumi canto canti "
    "articolo articoli lettera lettere appendice tavola tavole figura legislatura sezione edizione dinastia salmo "
    "papa re regina imperatore principe duca conte".split())
# Before these nouns a Roman numeral is an ordinal: "XIX secolo" → "diciannovesimo secolo".
ORDERED_NOUNS = ("secolo", "secoli", "millennio", "guerra", "edizione", "legislatura", "repubblica", "crociata",
                 "dinastia", "congresso", "concilio", "convegno", "conferenza", "giornata", "stagione", "mostra",
                 "classe", "anno", "piano", "reggimento", "corpo", "armata", "legione", "municipio", "circoscrizione",
                 "sinfonia", "libro", "canto", "atto", "parte", "Reich")


def _roman_before_noun(m: Match) -> str:
    value = roman_value(m.group("n"))
    if not value:
        return m.group(0)
    return f"{_ordinal_words(value, feminine(m.group('noun')))} {m.group('noun')}"


# Words that open a sentence with a capital but name no one: "Dopo I …", "Tra V …".
_NOT_A_NAME = _NOT_A_NOUN | frozenset(
    "dopo prima poi ecco anche ora oggi ieri allora così quando dove come perché tutti tutte sotto sopra dentro "
    "fuori verso contro senza leggendo leggere vedi vedere il lo la le gli un uno una".split())


def _roman_after_word(m: Match) -> str:
    """After a name a Roman numeral is an ordinal, agreeing with it ("Luigi XIV" → "Luigi
    quattordicesimo", "Elisabetta II" → "Elisabetta seconda"); so after a noun that counts
    ("capitolo IV" → "capitolo quarto", "scena III" → "scena terza"). After another word it stays."""
    word, value = m.group("word"), roman_value(m.group("n"))
    name = word[:1].isupper() and word[1:].islower() and word.lower() not in _NOT_A_NAME
    if not value or not (name or word.lower() in COUNTED_NOUNS):
        return m.group(0)
    if m.group("n") == "I" and re.match(r"\s+[A-ZÀ-Ý]", m.string[m.end():]):
        return m.group(0)  # "I" before a capital is the article of a title: "Leggendo I Malavoglia"
    return f"{word} {_ordinal_words(value, feminine(word) and word.lower() not in ('re', 'papa'))}"


def _money(m: Match) -> str:
    unit = m.group("unit") or m.group("unit_before")
    one, many = CURRENCIES[unit]
    whole = _integer(m.group("whole"))
    if whole == 1:
        said = one
    else:
        number = words(whole)
        # "un milione di euro": a million and a billion take "di" before what they count.
        said = f"{number} {'di ' if number.endswith(('milione', 'milioni', 'miliardo', 'miliardi')) else ''}{many}"
    cents = m.group("cents")
    return f"{said} e {words(int(cents))}" if cents and int(cents) else said


def _unit(m: Match) -> str:
    one, many = UNITS[m.group("unit")]
    if m.group("whole") == "1" and not m.group("fraction"):
        return one
    number = m.group("whole") + (f",{m.group('fraction')}" if m.group("fraction") else "")
    return f"{number} {many}"


def _time(m: Match) -> str:
    hours, minutes = int(m.group("h")), int(m.group("m"))
    if hours > 24 or minutes > 59:
        return m.group(0)
    said = "una" if hours == 1 else words(hours)
    said = f"{said} e {words(minutes)}" if minutes else said
    return f"{m.group('pre') or ''}{said}"


def _decimal(m: Match) -> str:
    return decimal_words(_integer(m.group("whole")), m.group("fraction"), words, "virgola")


def _cardinal(m: Match) -> str:
    text = m.group(0)
    return (digit_by_digit(text, words) if text.isdigit() else None) or words(_integer(text))


_N = number_patterns(_NUMBER, CURRENCIES, UNITS, SYMBOLS, _LETTERS)
_DATE = re.compile(rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:°|º)?\s+(?P<month>{_MONTH})\b(?:\s+(?P<year>\d{{3,4}})\b)?",
                   re.IGNORECASE)
_ORDINAL = re.compile(r"(?<![\d,.])(?P<n>\d{1,3})\.?(?P<g>[º°ª]|(?<=[\d.])[oa])(?![\w'’])(?!\s?[CF]\b)")
_ROMAN = r"[IVXLC]{2,7}|[IVX]"
_ROMAN_BEFORE_NOUN = re.compile(rf"(?<![\w'’-])(?P<n>{_ROMAN}) (?P<noun>{'|'.join(ORDERED_NOUNS)})\b")
# "Luigi XIV", "capitolo IV": a Roman numeral after a word is an ordinal.
_ROMAN_AFTER_WORD = re.compile(rf"(?P<word>[{_LETTERS}]+) (?P<n>{_ROMAN})\b(?![\w'’-])")
_TIME = re.compile(r"(?<![\d,.:])(?P<pre>)(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?![\d:])")
# "alle 17.30": with a point only after the words that say an hour, not to read "3.50" as one.
_DOT_TIME = re.compile(r"(?<![\w'’])(?P<pre>(?:alle|le|ore|dalle|delle|sulle|entro le|verso le|fino alle|"
                       r"all['’]|dall['’]|l['’])\s?)(?P<h>[0-2]?\d)\.(?P<m>[0-5]\d)(?![\d,]|\.\d)", re.IGNORECASE)
_UNIT = re.compile(rf"(?<![\d.,])(?P<whole>{_NUMBER})(?:,(?P<fraction>\d+))?\s?(?P<unit>{alternatives(UNITS)})"
                   rf"(?![\w{_LETTERS}²'’])")
_ONE_NOUN = re.compile(r"(?<![\w.,:/'’-])1 (?P<noun>[a-zà-öø-ÿ]+)\b(?!['’])")
_SAINT = re.compile(rf"(?<![\w.])(?<![A-Z]\. )S\. ?(?P<name>[A-ZÀ-Ý][{_LETTERS}]*)")
_DECADE = re.compile(r"(?<![\w'’])['’](?P<n>\d{2})\b")
_MINUS = re.compile(r"(?<![\w\d.,)])-(?=\d)")
FRACTIONS = {"½": ("e mezzo", "un mezzo"), "¼": ("e un quarto", "un quarto"), "¾": ("e tre quarti", "tre quarti"),
             "⅓": ("e un terzo", "un terzo"), "⅔": ("e due terzi", "due terzi")}


def _saint(m: Match) -> str:
    """"S. Pietro" → "San Pietro", "S. Anna" → "Sant'Anna", "S. Chiara" → "Santa Chiara", "S. Stefano" → "Santo Stefano"."""
    name = m.group("name")
    low = name.lower()
    if low[:1] in _VOWELS:
        return f"Sant'{name}"
    if feminine(low):
        return f"Santa {name}"
    if (low[:1] == "s" and low[1:2] not in _VOWELS) or low[:1] == "z":
        return f"Santo {name}"
    return f"San {name}"


# In this order: a date before its numbers, money and units before the numbers in them.
PASSES: tuple[Pass, ...] = (
    (_SAINT, _saint, "S."), (_DATE, _date, ""), (SLASH_DATE, _numeric_date, "/"), (_DECADE, r"\g<n>", "'’"),
    (_DOT_TIME, _time, "."), (_TIME, _time, ":"), (_ORDINAL, _ordinal, "ºª°oa"),
    (_ROMAN_BEFORE_NOUN, _roman_before_noun, "IVXLC"), (_ROMAN_AFTER_WORD, _roman_after_word, "IVXLC"),
    (_N.money, _money, ""), (_N.percent, r"\1 per cento", "%"), (_UNIT, _unit, ""), (_N.decimal, _decimal, ","),
    (_N.range, r"\1 a \2", "-–"), (_MINUS, "meno ", "-"), (_ONE_NOUN, _one_noun, "1"), (_N.cardinal, _cardinal, ""),
    (_N.symbol, lambda m: SYMBOLS[m.group(0)], ""),
)


# One sentence of Italian prose as an Italian narrator says it; never raises.
speakable_text = speaker("it", PASSES, FRACTIONS, ABBREVIATIONS, BEFORE_NUMBER)
