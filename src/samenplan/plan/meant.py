"""What a person meant by a value written the everyday Dutch way: '€ 12.500,-', '1-8-2024'.

The plan format takes one way of writing an amount and a date. People write them the way
they do in a letter. These read the common other ways, only to say in a message what to
write instead; the plan itself is never changed. None means: not clear enough to suggest.
"""

import re
import unicodedata
from datetime import date
from decimal import Decimal

from samenplan.dutch import MAANDEN
from samenplan.plan.datum import EERSTE_JAAR, LAATSTE_JAAR, Datum

_EURO_SIGN = re.compile(r"^(?:€|eur(?:o)?\b)\s*", re.IGNORECASE)
_EURO_AFTER = re.compile(r"\s*(?:€|euro|eur\.?)$", re.IGNORECASE)
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
#: '1,5 miljoen', '€ 2 mln.', '2 ton', '250 duizend', '250k': a number and a word for its size.
_MULTIPLIED = re.compile(r"^(\d{1,3}(?:[.,]\d{1,2})?)\s*(miljoen|mln|mio|ton|duizend|k)\.?$", re.IGNORECASE)
_MULTIPLIERS = {
    "miljoen": 1_000_000,
    "mln": 1_000_000,
    "mio": 1_000_000,
    "ton": 100_000,  # 'twee ton': 200,000 euro, as Dutch says it
    "duizend": 1_000,
    "k": 1_000,
}

#: 1-8-2024, 01/08/2024, 1.8.2024: day, month, year, the Dutch order.
_DAG = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
#: 8-2024, 08/2024: month and year.
_MAAND = re.compile(r"^(\d{1,2})[-/](\d{4})$")
#: 1 augustus 2024, 1 aug. 2024, augustus 2024, aug 2024.
_MET_NAAM = re.compile(r"^(?:(\d{1,2})\s+)?([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)
#: schooljaar 2024-2025, schooljaar 2024/2025, 2024 - 2025.
_SCHOOLJAAR = re.compile(r"^(?:schooljaar\s+)?(\d{4})\s*[-/]\s*(\d{4})$", re.IGNORECASE)

#: Month by its Dutch name or the abbreviation used in Dutch (mrt, okt, sept).
_MAANDNAMEN = {
    **{naam: n for n, naam in enumerate(MAANDEN, start=1)},
    **{naam[:3]: n for n, naam in enumerate(MAANDEN, start=1) if naam[:3] != "maa"},
    "mrt": 3,
    "sept": 9,
}


def plain_amount(text: str) -> str | None:
    """The plain number a person meant by '€ 12.500,-' (12500), '250.000 euro' (250000) or
    '1,5 miljoen' (1500000); None when unclear."""
    t = _EURO_AFTER.sub("", _EURO_SIGN.sub("", text.strip())).strip()
    if match := _MULTIPLIED.match(t):
        return _plain(Decimal(match[1].replace(",", ".")) * _MULTIPLIERS[match[2].lower()])
    t = re.sub(r",-+$|,—$|-+$", "", t).replace(" ", "")
    if _DOTTED.match(t):
        whole, _, cents = t.partition(",")
        return _plain(Decimal(whole.replace(".", "") + (f".{cents}" if cents else "")))
    if _DECIMAL_COMMA.match(t):
        return _plain(Decimal(t.replace(",", ".")))
    return t if t.isdigit() else None


def _plain(amount: Decimal) -> str:
    """12500, 1250.50: whole euros without decimals, cents with two."""
    if amount == amount.to_integral_value():
        return str(int(amount))
    return f"{amount:.2f}"


def datum_meant(text: str) -> Datum | None:
    """The date a person meant by '1-8-2024', '1 augustus 2024', 'aug 2024' or
    'schooljaar 2024/2025'; None when the text is no such date, or no date that exists."""
    t = " ".join(text.split())
    try:
        if match := _DAG.match(t):
            return _dag(int(match[4]), int(match[3]), int(match[1]))
        if match := _MAAND.match(t):
            return _maand(int(match[2]), int(match[1]))
        if match := _MET_NAAM.match(t):
            month = _MAANDNAMEN.get(match[2].lower())
            if month is None:
                return None
            year = int(match[3])
            return _dag(year, month, int(match[1])) if match[1] else _maand(year, month)
        if (match := _SCHOOLJAAR.match(t)) and int(match[2]) == int(match[1]) + 1:
            return Datum.schooljaar(_jaar(int(match[1])))
    except ValueError:  # a day or month that does not exist, a year out of range
        return None
    return None


def _jaar(year: int) -> int:
    if not EERSTE_JAAR <= year <= LAATSTE_JAAR:
        raise ValueError(year)
    return year


def _dag(year: int, month: int, day: int) -> Datum:
    return Datum.dag(date(_jaar(year), month, day))


def _maand(year: int, month: int) -> Datum:
    if not 1 <= month <= 12:
        raise ValueError(month)
    return Datum.maand(_jaar(year), month)


#: What an id may not hold; a run of it becomes one '-'.
_NOT_IN_ID = re.compile(r"[^a-z0-9_-]+")


def id_meant(text: str) -> str | None:
    """The id a person meant by 'Huiswerk Club' or 'Café Één' (huiswerk-club, cafe-een);
    None when nothing of it is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    candidate = _NOT_IN_ID.sub("-", ascii_text.lower()).strip("-_")
    return candidate[:64].rstrip("-_") or None
