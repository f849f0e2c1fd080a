"""A bar per geldstroom: allocated, remaining and over-allocated money, for an inline SVG."""

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from samenplan.dutch import shorten
from samenplan.plan.money import Geld, Som, StroomGeld

# Narrow enough to stay readable on a phone (the chart never shrinks below its own width there:
# style.css lets it scroll in its box); each label sits above its bar, its amounts below.
WIDTH, BAR_WIDTH, TOP, ROW = 640, 636, 52, 74


@dataclass(frozen=True)
class Bar:
    """One geldstroom: widths in pixels of its three parts, and its amounts in words."""

    label: str
    y: int
    direct: int  # in begroting lines of interventies
    reserved: int  # in posten
    remaining: int
    over: int
    caption: str


@dataclass(frozen=True)
class BarChart:
    """The money chart, ready to draw."""

    id: str
    title: str
    desc: str
    width: int
    height: int
    bar_width: int
    bars: tuple[Bar, ...]
    kind: ClassVar[str] = "barchart"


def _px(amount: Decimal, scale: Decimal) -> int:
    return int((amount * BAR_WIDTH / scale).to_integral_value()) if scale > 0 else 0


def _known(amount: Som) -> Decimal:
    """The part of an amount that is certain (an unknown one draws nothing)."""
    return max(amount.laag or Decimal(0), Decimal(0))


def _nog_niet(over: Som) -> str:
    rest = over.rest_tekst
    return "onbekend hoeveel nog niet" if rest == "onbekend" else f"{rest} nog niet"


def _caption(s: StroomGeld) -> str:
    rest = s.over.rest_tekst
    if rest.endswith(" te veel"):
        return f"{s.toegewezen.tekst} van {s.bedrag.tekst}: {rest}"
    over = "onbekend hoeveel over" if rest == "onbekend" else f"{rest} over"
    return f"{s.toegewezen.tekst} van {s.bedrag.tekst} toegewezen, {over}"


def _bar(s: StroomGeld, row: int, scale: Decimal) -> Bar:
    bedrag = _known(s.bedrag)
    direct = min(_known(s.direct_bedrag), bedrag)
    reserved = min(_known(s.in_posten), bedrag - direct)
    over = s.over
    te_veel = over.zeker_te_veel or Decimal(0)
    return Bar(
        shorten(s.geldstroom.naam, 80),
        TOP + row * ROW,
        _px(direct, scale),
        _px(reserved, scale),
        _px(max(over.laag or Decimal(0), Decimal(0)), scale),  # only what is certainly left
        _px(te_veel, scale),
        _caption(s),
    )


def barchart(geld: Geld) -> BarChart:
    """Bars scaled to the largest geldstroom (or allocation, when that is larger)."""
    scale = max((max(_known(s.bedrag), _known(s.toegewezen)) for s in geld.stromen), default=Decimal(0))
    bars = tuple(_bar(s, i, scale) for i, s in enumerate(geld.stromen))
    desc = (
        f"Per geldstroom hoeveel geld er is en hoeveel daarvan is toegewezen, aan "
        "interventies of in een post. Samen "
        f"{geld.bedrag.tekst}, waarvan {geld.toegewezen.tekst} toegewezen en "
        f"{_nog_niet(geld.over)}. Dezelfde bedragen staan in de tabel 'Geld per "
        "geldstroom'."
    )
    return BarChart(
        "grafiek-geld",
        "Toegewezen en nog niet toegewezen geld per geldstroom",
        desc,
        WIDTH,
        TOP + len(bars) * ROW + 2,
        BAR_WIDTH,
        bars,
    )
