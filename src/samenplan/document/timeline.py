"""The timeline of step 7: one bar per interventie's planning, with its mijlpalen, today and the
end of the plan.

Positions for the inline SVG are computed here (whole pixels, so output is stable); the same
rows feed the table and the Markdown gantt diagram. Each name sits above its bar, so the chart
is narrow enough for a phone. Interventies without a planning are named, not dropped.
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from samenplan.document.svgtext import fits
from samenplan.dutch import datum, shorten
from samenplan.plan.bundle import Plan
from samenplan.plan.lookup import Lookup

WIDTH, LEFT, RIGHT = 640, 8, 632
TOP, ROW, FONT = 30, 44, 14
#: A gantt task name longer than this runs under the bars in most viewers.
GANTT_LABEL = 40


@dataclass(frozen=True)
class Mijlpaal:
    """A milestone on a bar."""

    iso: str
    datum: str
    text: str
    x: int
    short: str  # for the gantt diagram


@dataclass(frozen=True)
class Balk:
    """One interventie's planning."""

    naam: str
    label: str  # shortened name for the chart
    short: str  # shorter still, for the gantt diagram
    start: str  # ISO dates for the gantt diagram
    eind: str
    van: str  # Dutch dates for people
    tot: str
    y: int
    x: int
    width: int
    mijlpalen: tuple[Mijlpaal, ...]


@dataclass(frozen=True)
class Tick:
    """A year line on the time axis."""

    x: int
    label: str


@dataclass(frozen=True)
class Marker:
    """A vertical line with its label: today, or the end of the plan."""

    x: int
    iso: str
    datum: str
    anchor: str  # text-anchor of the label, so it stays inside the chart


@dataclass(frozen=True)
class TimelineChart:
    """The whole timeline, ready to draw."""

    id: str
    title: str
    desc: str
    width: int
    height: int
    balken: tuple[Balk, ...]
    ticks: tuple[Tick, ...]
    today: Marker | None  # None when today is outside the timeline
    end: Marker  # the last day of the plan (samenplan.yaml, periode.tot)
    zonder_planning: tuple[str, ...]  # interventies that have no planning, by name
    kind: ClassVar[str] = "timeline"


@dataclass(frozen=True)
class _Scale:
    lo: date
    hi: date

    def x(self, day: date) -> int:
        span = max((self.hi - self.lo).days, 1)
        return LEFT + round((day - self.lo).days * (RIGHT - LEFT) / span)


def _scale(plan: Plan) -> _Scale:
    days = [plan.manifest.periode.van, plan.manifest.periode.tot]
    for p in plan.uitvoering.planning:
        days += [p.start, p.eind, *(m.datum for m in p.mijlpalen)]
    return _Scale(min(days), max(days))


def _balken(plan: Plan, lk: Lookup, scale: _Scale) -> tuple[Balk, ...]:
    planning = sorted(
        plan.uitvoering.planning, key=lambda p: (p.start, p.eind, lk.name("interventie", p.interventie))
    )
    balken = []
    for row, p in enumerate(planning):
        naam = lk.name("interventie", p.interventie)
        x = scale.x(p.start)
        mijlpalen = tuple(
            Mijlpaal(
                m.datum.isoformat(),
                datum(m.datum),
                m.omschrijving,
                scale.x(m.datum),
                shorten(m.omschrijving, GANTT_LABEL),
            )
            for m in sorted(p.mijlpalen, key=lambda m: (m.datum, m.omschrijving))
        )
        balken.append(
            Balk(
                naam,
                shorten(naam, fits(RIGHT - LEFT, FONT)),
                shorten(naam, GANTT_LABEL),
                p.start.isoformat(),
                p.eind.isoformat(),
                datum(p.start),
                datum(p.eind),
                TOP + row * ROW,
                x,
                max(scale.x(p.eind) - x, 2),
                mijlpalen,
            )
        )
    return tuple(balken)


def _ticks(scale: _Scale) -> tuple[Tick, ...]:
    years = range(scale.lo.year + 1, scale.hi.year + 1)
    return tuple(Tick(scale.x(date(y, 1, 1)), str(y)) for y in years)


def _marker(scale: _Scale, day: date) -> Marker:
    x = scale.x(day)
    anchor = "end" if x > WIDTH - 120 else "start" if x < 120 else "middle"
    return Marker(x, day.isoformat(), datum(day), anchor)


def timeline(plan: Plan, lk: Lookup, today: date) -> TimelineChart:
    """The timeline of ``plan``; ``today`` is marked when it falls inside it."""
    scale = _scale(plan)
    balken = _balken(plan, lk, scale)
    planned = {p.interventie for p in plan.uitvoering.planning}
    zonder = tuple(iv.naam for iv in plan.aanpak.interventies if iv.id not in planned)
    count = sum(len(b.mijlpalen) for b in balken)
    end = plan.manifest.periode.tot
    desc = (
        f"Planning van {len(balken)} interventies tussen {datum(scale.lo)} en "
        f"{datum(scale.hi)}, met {count} mijlpalen. Het plan eindigt op {datum(end)}. "
        "Dezelfde gegevens staan in de tabel onder de tijdlijn."
    )
    inside = scale.lo <= today <= scale.hi
    return TimelineChart(
        "grafiek-tijdlijn",
        "Tijdlijn van de interventies en mijlpalen",
        desc,
        WIDTH,
        TOP + len(balken) * ROW + 24,
        balken,
        _ticks(scale),
        _marker(scale, today) if inside else None,
        _marker(scale, end),
        zonder,
    )
