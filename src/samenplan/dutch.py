"""Amounts, numbers and dates written the Dutch way: '€ 12.500', '12,5', '1 augustus 2022'."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Protocol


class Datum(Protocol):
    """What the wording needs of a plan date (plan/datum.Datum): its kind, first and last day."""

    @property
    def soort(self) -> str:
        """dag, maand, jaar, schooljaar or onbekend."""

    @property
    def eerste(self) -> date | None:
        """The first day it can mean; None when unknown."""

    @property
    def laatste(self) -> date | None:
        """The last day it can mean; None when unknown."""

    @property
    def bekend(self) -> bool:
        """Whether the date is known."""


MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
#: '12.000' or '1.250.000': a number with a dot between the thousands, as Dutch writes it.
#: YAML reads it as a decimal fraction (12.0), so check asks what was meant.
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_DUTCH = str.maketrans(",.", ".,")
_CENT = Decimal("0.01")


def euro(amount: Decimal) -> str:
    """'€ 12.500', '€ 1.250,50', '€ -300'; cents only when there are any."""
    if not amount.is_finite():
        return f"€ {amount}"
    with localcontext() as context:
        context.prec = max(28, amount.adjusted() + 4)
        cents = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    text = f"{abs(cents):,.2f}".translate(_DUTCH).removesuffix(",00")
    return f"€ -{text}" if cents < 0 else f"€ {text}"


def number(value: Decimal | int) -> str:
    """'5.300', '12,5', '-3': thousands with a dot, decimals with a comma."""
    value = Decimal(value)
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value).normalize(), "f").partition(".")
    text = f"{int(whole):,}".translate(_DUTCH)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def measure(value: Decimal, unit: str) -> str:
    """A value with its unit: '55%', '480 kinderen', '3,5'."""
    text = number(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def datum(day: date | Datum) -> str:
    """'15 maart 2022', 'oktober 2021', '2022', 'schooljaar 2022-2023' or 'onbekend'."""
    if isinstance(day, date):
        return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"
    first, last = day.eerste, day.laatste
    if first is None or last is None:
        return "onbekend"
    if day.soort == "maand":
        return f"{MAANDEN[first.month - 1]} {first.year}"
    if day.soort == "jaar":
        return f"{first.year}"
    if day.soort == "schooljaar":
        return f"schooljaar {first.year}-{last.year}"
    return datum(first)


def op_datum(day: date | Datum) -> str:
    """The date with its preposition: 'op 15 maart 2022', 'in oktober 2021', 'in 2022',
    'in schooljaar 2022-2023', 'op een onbekende datum'."""
    if not isinstance(day, date) and not (day.eerste and day.laatste):
        return "op een onbekende datum"
    if isinstance(day, date) or day.soort == "dag":
        return f"op {datum(day)}"
    return f"in {datum(day)}"


def periode(van: date | Datum, tot: date | Datum) -> str:
    """'1 augustus 2022 tot en met 31 juli 2025'; 'vanaf oktober 2021, einde onbekend'."""
    begin_known = isinstance(van, date) or van.bekend
    end_known = isinstance(tot, date) or tot.bekend
    if not begin_known and not end_known:
        return "begin en einde onbekend"
    if not end_known:
        return f"vanaf {datum(van)}, einde onbekend"
    if not begin_known:
        return f"begin onbekend, tot en met {datum(tot)}"
    return f"{datum(van)} tot en met {datum(tot)}"


def shorten(text: str, limit: int = 60) -> str:
    """One line, at most ``limit`` characters, cut at a word with '…'."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"
