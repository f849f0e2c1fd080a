"""Each indicator's course as a small chart: from the nulmeting to the streefwaarde.

The chart shows the nulmeting and the streefwaarde (each with a date) and the intended course
between them as a dashed line. Measured values and tussendoelen are not drawn: the table
'Verloop van ...' under the indicator table holds them in date order, with the trend in words
(document/verloop.py). The chart is narrow (it fits a phone without shrinking); the indicator table next to it
holds the same values.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from samenplan.document.svgtext import fits, wrap
from samenplan.dutch import MAANDEN, datum, measure
from samenplan.plan.datum import Datum, DatumSoort
from samenplan.plan.models.common import Meetwaarde
from samenplan.plan.models.resultaten import Indicator

WIDTH, HEIGHT, FONT = 320, 190, 13
LEFT, RIGHT, TITLE_LINES = 24, 296, 2
PLOT_TOP, PLOT_BOTTOM = 66, 150


@dataclass(frozen=True)
class Point:
    """A value on the chart, with its label above and its date below."""

    x: int
    y: int
    value: str
    when: str
    anchor: str  # text-anchor: 'start' at the left end, 'end' at the right end
    kind: str  # 'nulmeting' or 'streefwaarde'


@dataclass(frozen=True)
class CourseChart:
    """One indicator's course, ready to draw."""

    id: str
    title: str
    desc: str
    width: int
    height: int
    heading: tuple[str, ...]
    points: tuple[Point, ...]
    baseline: int
    note: str  # what is missing, in words, or ''
    kind: ClassVar[str] = "course"


@dataclass(frozen=True)
class Gallery:
    """Small charts side by side; on a narrow screen they go below each other."""

    charts: tuple[CourseChart, ...]
    kind: ClassVar[str] = "gallery"


def _month(day: Datum) -> str:
    """'okt 2022' for a day or month; a year, school year or unknown date as written."""
    if day.eerste is None or day.soort not in (DatumSoort.DAG, DatumSoort.MAAND):
        return datum(day)
    return f"{MAANDEN[day.eerste.month - 1][:3]} {day.eerste.year}"


def _y(value: Decimal, lo: Decimal, hi: Decimal) -> int:
    span = hi - lo or Decimal(1)
    return PLOT_BOTTOM - int(((value - lo) * (PLOT_BOTTOM - PLOT_TOP) / span).to_integral_value())


def course_chart(ident: str, ind: Indicator) -> CourseChart | None:
    """The chart of ``ind``; None when it has neither a nulmeting nor a streefwaarde."""
    found: list[tuple[str, Meetwaarde]] = [
        (name, m) for name, m in (("nulmeting", ind.nulmeting), ("streefwaarde", ind.streefwaarde)) if m
    ]
    if not found:
        return None
    values = [m.waarde for _, m in found]
    lo = min(Decimal(0), *values)
    hi = max(values) * Decimal("1.1") if max(values) > 0 else Decimal(1)
    xs = (LEFT, RIGHT) if len(found) == 2 else ((LEFT,) if found[0][0] == "nulmeting" else (RIGHT,))
    points = tuple(
        Point(
            x,
            _y(m.waarde, lo, hi),
            measure(m.waarde, ind.eenheid),
            _month(m.datum),
            "start" if x == LEFT else "end",
            name,
        )
        for x, (name, m) in zip(xs, found, strict=True)
    )
    missing = [name for name in ("nulmeting", "streefwaarde") if name not in dict(found)]
    note = f"geen {missing[0]}" if missing else ""
    words = "; ".join(f"{name} {measure(m.waarde, ind.eenheid)} in {_month(m.datum)}" for name, m in found)
    return CourseChart(
        ident,
        f"Verloop van {ind.naam}",
        f"{ind.naam}: {words}{'; ' + note if note else ''}. "
        "Dezelfde waarden staan in de tabel met indicatoren.",
        WIDTH,
        HEIGHT,
        wrap(ind.naam, fits(WIDTH - 4, FONT + 1), TITLE_LINES),
        points,
        PLOT_BOTTOM,
        note,
    )
