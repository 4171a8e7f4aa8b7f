"""Numbers: dates, years and decades, money, ranges, telephone numbers, times, percentages,
units, ordinals, versions, ratios, fractions and plain numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping

from aloud.narrate.lang.cleanup import ANY_DIGIT, Match, sub_all
from aloud.narrate.lang.en.number_words import (
    DIGIT_WORDS,
    cardinal_words,
    decimal_words,
    ordinal_words,
    plural_number,
    singular_or_plural,
    small_int,
    spell_digits,
    year_words,
)
from aloud.narrate.lang.en.patterns import (
    MONTH,
    MONTH_NAMES,
    NUM,
    ORD_SUFFIX,
    first_digit,
    next_word,
    number_pattern,
    prev_word,
    word_alternation,
    year_number,
)

# --- dates -----------------------------------------------------------------

_ISO_DATE = re.compile(rf"(?P<y>{year_number('0-9.,-')})-(?P<mo>[01][0-9])-(?P<d>[0-3][0-9])(?![0-9])")
_SLASH_DATE = re.compile(
    rf"(?P<a>{first_digit('0-9/.,')}[0-9]?)/(?P<b>[0-9]{{1,2}})/(?P<y>[0-9]{{4}})(?![0-9/])"
)
_DAY_MONTH = re.compile(
    rf"(?P<d1>{first_digit('0-9.,:')}[0-9]?){ORD_SUFFIX}?"
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
_YEAR = re.compile(rf"(?P<y>{year_number('0-9.,£$€¥#')})(?![0-9]|[.,][0-9])")
_YEAR_RANGE = re.compile(
    r"(?P<a>1(?<![0-9.,]1)[1-9][0-9]{2}|2(?<![0-9.,]2)0[0-9]{2})\s?(?:--|[-–—/])\s?"
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
    previous = prev_word(m).lower()
    following = next_word(m)
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
    return _apart(m, year_words(m.group("y")) if _is_year(m) else cardinal_words(m.group("y")))


def _year_range(m: Match) -> str:
    a, b = m.group("a"), m.group("b")
    full_b = a[:2] + b if len(b) == 2 else b
    following = next_word(m)
    if int(full_b) <= int(a) or (following and following[0].islower() and _looks_plural(following)):
        return m.group(0)  # not a pair of years: left to the generic range reading
    return f"{year_words(a)} to {year_words(full_b)}"


def _decade(m: Match) -> str:
    return plural_number(year_words(m.group("y")))


def _short_decade(m: Match) -> str:
    return plural_number(cardinal_words(m.group("q") or m.group("t")))


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
_MONEY_START = word_alternation(CURRENCIES, before=r"[\w.,]")
_MONEY = re.compile(
    rf"(?P<sym>{_MONEY_START})\s?(?P<n1>{NUM})"
    rf"(?:\s?(?:[-–]|to)\s?{_CURRENCY_SYMBOL}?(?P<n2>{NUM}))?"
    rf"(?:\s?(?P<scale>{'|'.join(sorted(SCALES, key=len, reverse=True))})(?![A-Za-z0-9]))?"
)
# "-$5": the sign of an amount of money.
_MONEY_SIGN = re.compile(rf"-(?<![^\s(\[“\"'‘:;,=/]-)(?={_CURRENCY_SYMBOL}[0-9])")
_PENCE = re.compile(rf"(?P<n>{first_digit('0-9.,')}[0-9]{{0,2}})p\b(?![.'’]\w)")


def _money_amount(number: str, symbol: str) -> str:
    one, many, hundredth, hundredths = CURRENCIES[symbol]
    whole, _, fraction = number.replace(",", "").partition(".")
    if fraction and len(fraction) == 2 and hundredth and hundredths:
        units, cents = small_int(whole or "0"), int(fraction)
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
    return f"{cardinal_words(whole)} {singular_or_plural(whole, one, many)}"


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
    return f"{cardinal_words(m.group('n'))} {singular_or_plural(m.group('n'), 'penny', 'pence')}"


# --- ranges, signs, digit groups --------------------------------------------

_DIGIT_GROUPS = re.compile(rf"{first_digit('0-9.,-')}[0-9]*(?:[-–][0-9]+){{2,}}(?![0-9]|[-–][0-9])")
# A telephone number: "+44 20 7946 0958", "0800 123 456", "020-7946-0958".
_GROUP_SEPARATOR = re.compile(r"[-– +]+")
_PHONE = re.compile(
    r"(?:\+[0-9]{1,3}|0(?<![0-9.,]0)[0-9]{1,4})(?:[ -][0-9]{2,5}){1,4}(?![0-9]|[.,][0-9]|[ -][0-9])"
)
_RANGE_DASH = re.compile(r"(?P<d>[0-9%])(?:\s?[–—]\s?|--|-|\s-\s)(?=-?[£$€¥]?[0-9])")  # "1914--1918" as typed
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
    rf"(?P<h>{first_digit('0-9:.,')}(?:(?<=[01])[0-9]|(?<=2)[0-3])?)"  # 0-23
    r"(?P<sep>[:.])(?P<m>[0-5][0-9])(?::(?P<s>[0-5][0-9]))?"
    rf"(?![0-9]|[.:][0-9])(?:\s?{AMPM})?"
)
_HOUR_AMPM = re.compile(rf"(?P<h>{first_digit('0-9:.,')}[0-9]?)\s?{AMPM}")


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
    rf"(?P<n>{number_pattern('0-9.,')})\s?(?P<sq>sq\.?\s)?"
    rf"(?P<u>{'|'.join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))})"
    r"(?P<pow>[²³]|(?<=[a-z])[23](?![0-9]))?(?![A-Za-z0-9/])"
)
_PERCENT = re.compile(rf"(?P<n>{number_pattern('0-9.,')})\s?(?P<sym>%|‰)")
_DEGREES = re.compile(rf"(?P<n>{number_pattern('0-9.,')})\s?[°º˚](?:\s?(?P<scale>[CFK])(?![A-Za-z]))?")
_TIMES = re.compile(rf"(?P<n>{number_pattern('0-9.,')})[x×](?![A-Za-z0-9])")
_BY = re.compile(r"(?P<d>[0-9])\s?x\s?(?=[0-9])")
TEMPERATURE_SCALES: Mapping[str, str] = {"C": "Celsius", "F": "Fahrenheit", "K": "Kelvin"}


def _unit(m: Match) -> str:
    singular, plural = UNITS[m.group("u")]
    unit = singular_or_plural(m.group("n"), singular, plural)
    power = "square" if m.group("sq") else POWERS.get(m.group("pow") or "", "")
    return f"{decimal_words(m.group('n'))} {power + ' ' if power else ''}{unit}"


def _percent(m: Match) -> str:
    return f"{decimal_words(m.group('n'))} {'percent' if m.group('sym') == '%' else 'per mille'}"


def _degrees(m: Match) -> str:
    words = f"{decimal_words(m.group('n'))} {singular_or_plural(m.group('n'), 'degree', 'degrees')}"
    scale = m.group("scale")
    return f"{words} {TEMPERATURE_SCALES[scale]}" if scale else words


def _times(m: Match) -> str:
    return f"{decimal_words(m.group('n'))} times"


# --- ordinals, versions, ratios, fractions, plain numbers ---------------------

_ORDINAL = re.compile(
    rf"(?P<n>{first_digit('0-9.,')}(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+|[0-9]*))"
    r"(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z0-9])"
)
_VERSION = re.compile(rf"{first_digit('0-9.,')}[0-9]*(?:\.[0-9]+){{2,}}(?![0-9])")
_RATIO = re.compile(rf"(?P<a>{first_digit('0-9:.,')}[0-9]*):(?P<b>[0-9]+)(?![0-9:])")
_FRACTION = re.compile(rf"(?P<a>{first_digit('0-9/.,')}[0-9]{{0,5}})/(?P<b>[0-9]{{1,6}})(?![0-9/])")
_NUMBER = re.compile(rf"(?P<n>{number_pattern('0-9')}|\.(?<![A-Za-z0-9]\.)[0-9]+)")
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
    return _apart(m, decimal_words(m.group("n")))


def _apart(m: Match, words: str) -> str:
    """`words` for the digits in `m`, kept apart from letters glued to them ("MP3", "4K",
    "Ch1002" are read as separate words)."""
    text = m.string
    if m.start() > 0 and text[m.start() - 1].isalpha():
        words = " " + words
    if m.end() < len(text) and text[m.end()].isalpha():
        words += " "
    return words


def say_numbers(text: str) -> str:
    if not ANY_DIGIT.search(text):
        return text
    return sub_all(
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
