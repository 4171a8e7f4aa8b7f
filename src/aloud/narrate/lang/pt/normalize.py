"""Portuguese as a Portuguese narrator says it: dates ("25 de maio de 1958" → "vinte e cinco
de maio de mil novecentos e cinquenta e oito", "1.º de janeiro" → "primeiro de janeiro"),
ordinals ("1.º" → "primeiro", "3.ª" → "terceira", "século XIX" → "século dezanove", "D. João
VI" → "Dom João sexto"), the gender of a number before its noun ("1 casa" → "uma casa", "200
pessoas" → "duzentas pessoas"), money ("5,50 €" → "cinco euros e cinquenta cêntimos", "R$
1,50" → "um real e cinquenta centavos"), decimals with a comma, thousands with a point or a
space, percentages, clock times ("às 17h30" → "às dezassete e trinta", "à 1h" → "à uma
hora"), units and abbreviations ("Sr." → "senhor", "V. Ex.ª" → "Vossa Excelência", "pág. 5" →
"página cinco"), every number in Portuguese words (num2words, whose forms are European:
"dezassete", "dezanove"; espeak-ng says them as written). Never raises.
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

MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
          "novembro", "dezembro")
ABBREVIATIONS = {
    "Sr.": "senhor", "Sra.": "senhora", "Sr.ª": "senhora", "Srta.": "senhorita", "Srs.": "senhores",
    "Sras.": "senhoras", "Dr.": "doutor", "Dra.": "doutora", "Dr.ª": "doutora", "Drs.": "doutores",
    "Prof.": "professor", "Profa.": "professora", "Prof.ª": "professora", "D.ª": "Dona",
    "V. Ex.ª": "Vossa Excelência", "V.Ex.ª": "Vossa Excelência", "V. Exa.": "Vossa Excelência",
    "V. Ex.as": "Vossas Excelências", "S. Ex.ª": "Sua Excelência", "Ex.ª": "Excelência",
    "Exmo.": "excelentíssimo", "Exma.": "excelentíssima", "Ilmo.": "ilustríssimo", "Ilma.": "ilustríssima",
    "Pe.": "padre", "Fr.": "frei", "Sto.": "santo", "Sta.": "santa", "etc.": "etcétera",
    "a.C.": "antes de Cristo", "a. C.": "antes de Cristo", "d.C.": "depois de Cristo", "d. C.": "depois de Cristo",
    "Av.": "avenida", "av.": "avenida", "tel.": "telefone", "Tel.": "telefone", "p. ex.": "por exemplo",
    "ex.": "exemplo", "aprox.": "aproximadamente", "séc.": "século", "Séc.": "século", "pág.": "página",
    "págs.": "páginas", "n.º": "número", "N.º": "número", "cap.": "capítulo", "vol.": "volume", "art.": "artigo",
}
BEFORE_NUMBER = {"pág.": "página", "págs.": "páginas", "p.": "página", "pp.": "páginas", "n.º": "número",
                 "N.º": "número", "nº": "número", "Nº": "número", "n.°": "número", "cap.": "capítulo",
                 "vol.": "volume", "art.": "artigo", "arts.": "artigos"}
# A unit: its singular, its plural, and whether it is feminine ("uma tonelada", "duas horas").
UNITS = {"km/h": ("quilómetro por hora", "quilómetros por hora", False), "km": ("quilómetro", "quilómetros", False),
         "m/s": ("metro por segundo", "metros por segundo", False), "m": ("metro", "metros", False),
         "cm": ("centímetro", "centímetros", False), "mm": ("milímetro", "milímetros", False),
         "kg": ("quilo", "quilos", False), "g": ("grama", "gramas", False), "mg": ("miligrama", "miligramas", False),
         "l": ("litro", "litros", False), "L": ("litro", "litros", False), "ml": ("mililitro", "mililitros", False),
         "min": ("minuto", "minutos", False), "s": ("segundo", "segundos", False),
         "°C": ("grau Celsius", "graus Celsius", False), "ºC": ("grau Celsius", "graus Celsius", False),
         "°": ("grau", "graus", False), "m²": ("metro quadrado", "metros quadrados", False),
         "km²": ("quilómetro quadrado", "quilómetros quadrados", False),
         "m³": ("metro cúbico", "metros cúbicos", False), "cm³": ("centímetro cúbico", "centímetros cúbicos", False), "ha": ("hectare", "hectares", False),
         "t": ("tonelada", "toneladas", True)}
# A currency: its singular, its plural, whether it is feminine, and its hundredth (singular, plural; "": none said).
CURRENCIES = {
    "€": ("euro", "euros", False, "cêntimo", "cêntimos"), "EUR": ("euro", "euros", False, "cêntimo", "cêntimos"),
    "euros": ("euro", "euros", False, "cêntimo", "cêntimos"), "euro": ("euro", "euros", False, "cêntimo", "cêntimos"),
    "$": ("dólar", "dólares", False, "cêntimo", "cêntimos"), "USD": ("dólar", "dólares", False, "cêntimo", "cêntimos"),
    "dólares": ("dólar", "dólares", False, "cêntimo", "cêntimos"),
    "R$": ("real", "reais", False, "centavo", "centavos"), "BRL": ("real", "reais", False, "centavo", "centavos"),
    "reais": ("real", "reais", False, "centavo", "centavos"),
    "£": ("libra", "libras", True, "", ""), "libras": ("libra", "libras", True, "", ""),
}
SYMBOLS = {"&": " e ", "%": " por cento ", "‰": " por mil ", "§": " parágrafo ", "+": " mais ", "=": " igual a ",
           "×": " vezes ", "±": " mais ou menos ", "°": " graus ", "º": " ", "ª": " ", "→": " a ", "@": " arroba ",
           "/": " ", "≈": " aproximadamente ", "²": " quadrados ", "³": " cúbicos "}
# "1.000.000", "1 000 000" or "1958" (grouped, for the lookarounds the shared patterns put around it)
_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[  \u202f]\d{3})+|\d+)"
_LETTERS = "A-Za-zÀ-ÿ"
_MILLIONS = {"milhão", "milhões", "bilião", "biliões", "bilhão", "bilhões", "trilião", "triliões", "trilhão",
             "trilhões"}


def words(value: int | float, to: str = "cardinal") -> str:
    return number_words(value, "pt", to)


def _integer(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def year(value: int) -> str:
    return words(value, "year") if 1000 <= value <= 2099 else words(value)


def feminine_number(said: str) -> str:
    """"um" → "uma", "dois" → "duas", "duzentos" → "duzentas" — but not in the millions, which
    are masculine nouns: "duzentos milhões de pessoas", "um milhão e duzentas mil pessoas"."""
    pieces = said.split()
    last_million = max((n for n, w in enumerate(pieces) if w in _MILLIONS), default=-1)
    for n in range(last_million + 1, len(pieces)):
        word = pieces[n]
        if word == "um":
            pieces[n] = "uma"
        elif word == "dois":
            pieces[n] = "duas"
        elif word.endswith("entos"):
            pieces[n] = word[:-2] + "as"
    return " ".join(pieces)


def feminine_ordinal(said: str) -> str:
    """"vigésimo primeiro" → "vigésima primeira"."""
    return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in said.split())


def counted(value: int, feminine: bool) -> str:
    said = words(value)
    return feminine_number(said) if feminine else said


# Most nouns ending so are feminine ("casa", "nação", "cidade", "viagem", "virtude", "manhã").
_FEMININE_ENDINGS = ("a", "as", "ção", "ções", "são", "sões", "dade", "dades", "gem", "gens", "tude", "tudes", "ã",
                     "ãs")
_FEMININE = set("""noite noites tarde tardes parte partes gente morte mortes sorte arte artes ponte pontes fonte fontes
    mente mentes chave chaves ave aves classe classes frase frases fase fases base bases crise crises análise análises
    tese teses hipótese hipóteses vez vezes mulher mulheres colher colheres flor flores cor cores dor dores lei leis
    mão mãos nuvem nuvens ordem ordens pele peles rede redes sede fome neve febre árvore árvores torre torres carne
    carnes fé voz vozes luz luzes paz cruz cruzes noz nozes raiz raízes cicatriz atriz atrizes mãe mães lente lentes
    serpente serpentes greve greves catástrofe catástrofes corrente correntes estante estantes lebre lebres nau naus
    saúde ave""".split())
_MASCULINE_IN_A = set("""dia dias mapa mapas clima climas planeta planetas cometa cometas poeta poetas profeta profetas
    papa papas monarca monarcas patriarca patriarcas pirata piratas jesuíta jesuítas programa programas drama dramas
    pijama pijamas panorama panoramas diagrama diagramas telegrama telegramas grama gramas quilograma quilogramas
    miligrama miligramas idioma idiomas guia guias fantasma fantasmas enigma enigmas dogma dogmas estigma estigmas
    paradigma paradigmas carisma prisma prismas cisma cismas""".split())
_MASCULINE_ENDINGS = ("ema", "emas", "oma", "omas", "ista", "istas")  # problema, sistema, idioma; turista (epicene)
_FEMININE_IN_EMA = {"gema", "gemas", "algema", "algemas", "soma", "somas", "goma", "gomas"}
_NOT_A_NOUN = set("""de do da dos das e ou que a o as os em no na nos nas por pelo pela pelos pelas com para ao à aos
    às é era foi são eram foram mais menos se sem entre contra até após sobre""".split())


def is_feminine(noun: str) -> bool:
    noun = noun.lower()
    if noun in _MASCULINE_IN_A or (noun.endswith(_MASCULINE_ENDINGS) and noun not in _FEMININE_IN_EMA):
        return False
    return noun in _FEMININE or noun in _FEMININE_IN_EMA or noun.endswith(_FEMININE_ENDINGS)


_FOLLOWING = re.compile(r"[ \u00a0]([^\W\d_]+)(?:[ \u00a0]([^\W\d_]+))?")


def _before_noun(said: str, m: Match) -> str:
    """A number before a feminine noun takes its gender: "uma casa", "duas casas", "vinte e uma
    pessoas", "duzentas libras", "duas mil pessoas"; before anything else it is as counted."""
    following = _FOLLOWING.match(m.string, m.end())
    if not following:
        return said
    noun = following.group(1)
    if noun == "mil" and following.group(2):
        noun = following.group(2)
    if noun[:1].isupper() or noun.lower() in _NOT_A_NOUN or noun in _MILLIONS:
        return said  # a name ("em 1822 Maria …"), a function word ("um de nós"), "dois milhões"
    if said.split()[-1] in _MILLIONS:
        return f"{said} de"  # "1 000 000 pessoas": "um milhão de pessoas"
    return feminine_number(said) if is_feminine(noun) else said


def _day(value: int) -> str:
    return "primeiro" if value == 1 else words(value)


def _date(m: Match) -> str:
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return m.group(0)
    said = f"{_day(day)} de {m.group('month')}"
    return f"{said} de {year(int(m.group('year')))}" if m.group("year") else said


def _numeric_date(m: Match) -> str:
    day, month = int(m.group("day")), int(m.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return m.group(0)
    return f"{_day(day)} de {MONTHS[month - 1]} de {year(int(m.group('year')))}"


def _ordinal(m: Match) -> str:
    """"1.º", "1º", "3.ª", "25.º": primeiro, terceira, vigésimo quinto."""
    said = words(int(m.group("n")), "ordinal")
    return feminine_ordinal(said) if m.group("g")[-1] in "ªa" else said


# A Roman numeral after these counts them: "século XIX" → "século dezanove".
COUNTED_NOUNS = {"século", "capítulo", "tomo", "parte", "livro", "ato", "acto", "cena", "volume", "canto", "artigo",
                 "página", "número", "carta", "apêndice", "tabela", "figura", "salmo", "quadro", "secção", "seção",
                 "título", "anexo", "lição", "estrofe", "jornada"}
# Queens and empresses: their numeral is a feminine ordinal ("D. Maria I" → "Dona Maria primeira").
_QUEENS = {"maria", "isabel", "leonor", "beatriz", "teresa", "catarina", "ana", "joana", "vitória", "carlota",
           "amélia", "urraca", "filipa", "elizabeth", "cristina", "margarida", "juliana"}


# After these a capital I, V or X is a letter, not a number: "a letra X", "raios X", "geração X".
LETTER_NOUNS = {"letra", "vitamina", "raio", "raios", "geração", "eixo", "ponto", "cromossoma", "cromossomo", "plano"}


def _roman_after_word(m: Match) -> str:
    """After a ruler's or pope's name the ordinal up to ten ("D. Pedro II" → "Dom Pedro
    segundo", "Pio X" → "Pio décimo"), then the cardinal ("Luís XIV" → "Luís catorze");
    after a noun it counts, the cardinal ("século XIX" → "século dezanove")."""
    word, value = m.group("word"), roman_value(m.group("n"))
    if not value or (len(m.group("n")) == 1 and word.lower() in LETTER_NOUNS):
        return m.group(0)
    if word[:1].isupper() and word.lower() not in COUNTED_NOUNS and value <= 10:
        said = words(value, "ordinal")
        return f"{word} {feminine_ordinal(said) if word.lower() in _QUEENS else said}"
    return f"{word} {words(value)}"


def _dom(m: Match) -> str:
    """"D. João" → "Dom João", "D. Maria" → "Dona Maria"."""
    return ("Dona " if m.group("name").lower() in _QUEENS else "Dom ") + m.group("name")


def _amount(unit: str, whole: int, cents: int) -> str:
    """"5,50 €" → "cinco euros e cinquenta cêntimos"; "1.000.000 €" → "um milhão de euros"; "0,50 €" →
    "cinquenta cêntimos"; "R$ 1,50" → "um real e cinquenta centavos"; "£5,50" → "cinco libras e cinquenta"."""
    one, many, feminine, cent, cents_word = CURRENCIES[unit]
    amount = counted(whole, feminine)
    said = f"{amount} de {many}" if amount.split()[-1] in _MILLIONS else f"{amount} {one if whole == 1 else many}"
    if not cents:
        return said
    small = f"{words(cents)} {cent if cents == 1 else cents_word}".strip()
    return small if whole == 0 and cents_word else f"{said} e {small}"


def _cents(text: str | None) -> int:
    """"50" → 50, "5" → 50 ("5,5 €" is five euros fifty), "-" or none → 0."""
    return int(text.ljust(2, "0")) if text and text.isdigit() else 0


def _money(m: Match) -> str:
    return _amount(m.group("unit") or m.group("unit_before"), _integer(m.group("whole")), _cents(m.group("cents")))


def _real(m: Match) -> str:
    """"R$ 10,00" → "dez reais"; "US$ 20" → "vinte dólares"."""
    unit = "R$" if m.group("unit_before") == "R$" else "$"
    return _amount(unit, _integer(m.group("whole")), _cents(m.group("cents")))


def _hours(hours: int) -> str:
    return counted(hours, True)  # "uma", "duas", "vinte e uma": a hora is feminine


def _clock(hours: int, minutes: int) -> str:
    if minutes:
        return f"{_hours(hours)} e {words(minutes)}"
    return f"{_hours(hours)} {'hora' if hours == 1 else 'horas'}"


def _time(m: Match) -> str:
    """"17:30" → "dezassete e trinta"; "8:00" → "oito horas"."""
    hours, minutes = int(m.group("h")), int(m.group("m"))
    if hours > 24:
        return m.group(0)
    return _clock(hours, minutes)


def _time_h(m: Match) -> str:
    """"17h30" → "dezassete e trinta"; "8h" → "oito horas"; "1h" → "uma hora"; "48h" → "quarenta e oito horas"."""
    hours, minutes = int(m.group("h")), int(m.group("m") or 0)
    if hours > 24 and not m.group("m"):
        return f"{_hours(hours)} horas"
    if hours > 24:
        return m.group(0)
    return _clock(hours, minutes)


def _unit(m: Match) -> str:
    one, many, feminine = UNITS[m.group("unit")]
    number = m.group("n")
    if "," in number:
        whole, fraction = number.rsplit(",", 1)
        return f"{decimal_words(_integer(whole), fraction, words, 'vírgula')} {many}"
    value = _integer(number)
    return f"{counted(value, feminine)} {one if value == 1 else many}"


def _per(m: Match) -> str:
    """"euros/mês" → "euros por mês"; "euros/kg" → "euros por quilo"."""
    per = m.group("per")
    return f"{m.group('money')} por {UNITS[per][0] if per in UNITS else per}"


def _decimal(m: Match) -> str:
    return decimal_words(_integer(m.group("whole")), m.group("fraction"), words, "vírgula")


def _cardinal(m: Match) -> str:
    text = m.group(0)
    said = digit_by_digit(text, words) if text.isdigit() else None  # "007"; not "0 500"
    if said:
        return said
    value = _integer(text)
    return _before_noun(year(value) if re.fullmatch(r"1\d{3}", text) else words(value), m)


_N = number_patterns(_NUMBER, CURRENCIES, UNITS, SYMBOLS, _LETTERS)
_MONTH = "|".join(MONTHS)
# "25 de maio de 1958", "1.º de janeiro", "25 de Abril" (months were capitalised before the Acordo).
_DATE = re.compile(rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:\.?[º°])?\s+de\s+(?P<month>(?i:{_MONTH}))\b"
                   rf"(?:\s+de\s+(?P<year>\d{{3,4}})\b)?")
_DOM = re.compile(r"(?<![\w.])D\.\s?(?P<name>[A-ZÁÉÍÓÚÂÊÔ][a-zà-ÿ]+)")
_CENTS = r"(?:,(?P<cents>\d{1,2}|[-–]))?(?!\d)"  # "5,50", "5,5" (fifty cents), "12,-" (none)
_REAL = re.compile(rf"(?<![\w$])(?P<unit_before>R\$|US\$)\s?(?P<whole>{_NUMBER}){_CENTS}")
# "5,50 €", "€ 5", "3,99 EUR", "5,5 €", "12,- €": the shared pattern, with cents of one digit too.
_MONEY = re.compile(rf"(?:(?P<unit_before>[€$£])\s?)?(?<![\d.,])(?P<whole>{_NUMBER})"
                    rf"{_CENTS}"
                    rf"(?(unit_before)|\s?(?P<unit>{alternatives(CURRENCIES)})(?![{_LETTERS}]))")
# "10–20", "10%-20%": a range.
_RANGE = re.compile(r"(\d(?:\s?%)?)\s?[–-]\s?(?=\d)")
# "100 €/mês", "R$ 50/dia": "cem euros por mês", "cinquenta reais por dia" (after the money is said).
_PER = re.compile(r"\b(?P<money>euros?|reais|real|dólar(?:es)?|libras?|cêntimos?|centavos?)\s?/\s?"
                  r"(?P<per>[^\W\d_]+²?)")
_ORDINAL = re.compile(r"(?<![\d,.])(?P<n>\d{1,3})(?P<g>\.?[ºª]|\.[°oa](?![\w°]))")
# "século XIX", "D. João VI", "capítulo IV": a Roman numeral after a word is a number.
_ROMAN_AFTER_WORD = re.compile(r"(?P<word>[^\W\d_]+) (?P<n>[IVXLC]{2,7}|[IVX])\b(?![\w'’-])")
_TIME_H = re.compile(r"(?<![\d,.:])(?P<h>\d{1,2})\s?h(?:(?P<m>[0-5]\d)(?:\s?min\b|m\b)?)?(?![\w/])")
_TIME = re.compile(r"(?<![\d,.:])(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?:\s?h\b)?(?![\d:])")
_UNIT = re.compile(rf"(?<![\d.,])(?P<n>(?:{_NUMBER})(?:,\d+)?)\s?(?P<unit>{alternatives(UNITS)})(?![\w²³/])")
_MINUS = re.compile(r"(?<![^\s(\[«\"“'])(?<!\d )-(?=\d)")  # "-5 °C"; not "10 - 20"
FRACTIONS = {"½": ("e meio", "um meio"), "¼": ("e um quarto", "um quarto"), "¾": ("e três quartos", "três quartos")}


# In this order: "D." and "R$" before all, a date before its numbers, money and units before the numbers in them.
PASSES: tuple[Pass, ...] = (
    (_DOM, _dom, "D"), (_REAL, _real, "$"),
    (_DATE, _date, ""), (SLASH_DATE, _numeric_date, "/"), (_ORDINAL, _ordinal, "ºª°oa"),
    (_ROMAN_AFTER_WORD, _roman_after_word, "IVXLC"), (_TIME_H, _time_h, "h"), (_TIME, _time, ":"),
    (_RANGE, r"\1 a ", "-–"), (_MINUS, "menos ", "-"), (_MONEY, _money, ""),
    (_PER, _per, "/"), (_N.percent, r"\1 por cento", "%"),
    (_UNIT, _unit, ""), (_N.decimal, _decimal, ","), (_N.cardinal, _cardinal, ""),
    (_N.symbol, lambda m: SYMBOLS[m.group(0)], ""),
)


# One sentence of Portuguese prose as a Portuguese narrator says it; never raises.
speakable_text = speaker("pt", PASSES, FRACTIONS, ABBREVIATIONS, BEFORE_NUMBER)
