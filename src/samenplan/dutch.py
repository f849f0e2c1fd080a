"""Amounts, numbers and dates written the Dutch way: '€ 12.500', '12,5', '1 augustus 2022'."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

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


def datum(day: date) -> str:
    """'1 augustus 2022'."""
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def periode(van: date, tot: date) -> str:
    """'1 augustus 2022 tot en met 31 juli 2025'."""
    return f"{datum(van)} tot en met {datum(tot)}"


def shorten(text: str, limit: int = 60) -> str:
    """One line, at most ``limit`` characters, cut at a word with '…'."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] or flat[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"
