"""An indicator over time: nulmeting, metingen, tussendoelen and streefwaarde in date order,
and the trend in plain words.

The words only say what the values show: higher or lower, and whether a target is reached
when the plan says which way is better (the streefwaarde lies above or below the start). A
document never calls a change 'beter' on its own.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from samenplan.dutch import measure, number, op_datum
from samenplan.plan.models.common import Meetwaarde
from samenplan.plan.models.resultaten import Gemeten, Indicator


@dataclass(frozen=True)
class Punt:
    """One value of the indicator in the table: what it is, when, the value, the bron id."""

    wat: str  # 'nulmeting', 'meting', 'tussendoel', 'streefwaarde'
    waarde: Meetwaarde
    bron: str | None = None


_ORDER = {"nulmeting": 0, "meting": 1, "tussendoel": 2, "streefwaarde": 3}


def _wanneer(m: Meetwaarde) -> tuple[date, date]:
    """When a value holds, as a sort key (an unknown date sorts last)."""
    return m.datum.volgorde


def _op_of_voor(a: Meetwaarde, b: Meetwaarde) -> bool:
    """Whether ``a`` holds on or before the date of ``b``."""
    return _wanneer(a) <= _wanneer(b)


def punten(ind: Indicator) -> list[Punt]:
    """Every value of ``ind`` in date order; on one date the nulmeting first, the streefwaarde last."""
    found = [Punt("nulmeting", ind.nulmeting)] if ind.nulmeting else []
    found += [Punt("meting", m, m.bron) for m in ind.metingen]
    found += [Punt("tussendoel", t) for t in ind.tussendoelen]
    found += [Punt("streefwaarde", ind.streefwaarde)] if ind.streefwaarde else []
    return sorted(found, key=lambda p: (_wanneer(p.waarde), _ORDER[p.wat]))


def heeft_verloop(ind: Indicator) -> bool:
    """Whether there is more to show than the nulmeting and the streefwaarde."""
    return bool(ind.metingen or ind.tussendoelen)


def _verschil(a: Decimal, b: Decimal, eenheid: str) -> str:
    """'6 procentpunt hoger', '140 kinderen meer', '3 lager', 'gelijk'."""
    if a == b:
        return "gelijk"
    verschil = number(abs(b - a))
    if eenheid == "%":
        return f"{verschil} procentpunt {'hoger' if b > a else 'lager'}"
    if eenheid:
        return f"{verschil} {eenheid} {'meer' if b > a else 'minder'}"
    return f"{verschil} {'hoger' if b > a else 'lager'}"


def _op(m: Meetwaarde, eenheid: str) -> str:
    return f"{measure(m.waarde, eenheid)} {op_datum(m.datum)}"


def _richting(ind: Indicator, start: Meetwaarde) -> int:
    """+1 when the plan aims higher than the start, -1 when lower, 0 when it does not say."""
    if ind.streefwaarde is None or ind.streefwaarde.waarde == start.waarde:
        return 0
    return 1 if ind.streefwaarde.waarde > start.waarde else -1


def _gehaald(waarde: Decimal, doel: Decimal, richting: int) -> bool:
    return waarde >= doel if richting > 0 else waarde <= doel


def trend(ind: Indicator) -> str:
    """The course of ``ind`` in plain Dutch sentences."""
    metingen: list[Gemeten] = sorted(ind.metingen, key=_wanneer)
    if not metingen:
        return "Er zijn nog geen metingen na de nulmeting."
    laatste = metingen[-1]
    start = ind.nulmeting or metingen[0]
    if start is laatste:
        zinnen = [f"Er is één meting: {_op(laatste, ind.eenheid)}."]
    else:
        wat = "de nulmeting" if ind.nulmeting else "de eerste meting"
        zinnen = [
            f"Van {_op(start, ind.eenheid)} ({wat}) naar {_op(laatste, ind.eenheid)} (de laatste "
            f"meting): {_verschil(start.waarde, laatste.waarde, ind.eenheid)}."
        ]
    richting = _richting(ind, start)
    eerder = [t for t in ind.tussendoelen if _op_of_voor(t, laatste)]
    if richting and eerder:
        doel = max(eerder, key=_wanneer)
        gehaald = "gehaald" if _gehaald(laatste.waarde, doel.waarde, richting) else "niet gehaald"
        waarde = measure(doel.waarde, ind.eenheid)
        zinnen.append(f"Het tussendoel van {waarde} {op_datum(doel.datum)} is {gehaald}.")
    streef = ind.streefwaarde
    if richting and streef is not None:
        if _gehaald(laatste.waarde, streef.waarde, richting):
            zinnen.append(f"De streefwaarde van {_op(streef, ind.eenheid)} is bij de laatste meting gehaald.")
        else:
            nog = _verschil(laatste.waarde, streef.waarde, ind.eenheid).rsplit(" ", 1)[0]
            zinnen.append(f"Tot de streefwaarde van {_op(streef, ind.eenheid)} is het nog {nog}.")
    elif streef is not None:
        zinnen.append(f"De streefwaarde is {_op(streef, ind.eenheid)}.")
    return " ".join(zinnen)
