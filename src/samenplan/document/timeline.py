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
from samenplan.plan.models.uitvoering import Planning

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
    mijlpalen: tuple[Mijlpaal, ...]  # those with a known date, drawn on the bar
    mijlpalen_onbekend: tuple[str, ...] = ()  # omschrijving of mijlpalen whose date is unknown


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
    end: Marker | None  # the last day of the plan (periode.tot); None when unknown
    zonder_planning: tuple[str, ...]  # interventies that have no planning, by name
    #: plannings with an unknown start or end: in the table, never drawn as a real day
    niet_getekend: tuple[Balk, ...] = ()
    kind: ClassVar[str] = "timeline"


@dataclass(frozen=True)
class _Scale:
    lo: date
    hi: date

    def x(self, day: date) -> int:
        span = max((self.hi - self.lo).days, 1)
        return LEFT + round((day - self.lo).days * (RIGHT - LEFT) / span)


def _drawn(p: Planning) -> bool:
    """Whether a planning can be drawn: both its start and its end are known."""
    return p.start.eerste is not None and p.eind.laatste is not None


def _scale(plan: Plan) -> _Scale:
    """From the first to the last known day; unknown dates have no place on it."""
    p_ = plan.manifest.periode
    days: list[date | None] = [p_.begin, p_.einde] if p_ else []
    for p in plan.uitvoering.planning:
        if _drawn(p):
            days += [p.start.eerste, p.eind.laatste, *(m.datum.eerste for m in p.mijlpalen)]
    known = [d for d in days if d is not None]
    return _Scale(min(known), max(known)) if known else _Scale(date.min, date.min)


def _balk(p: Planning, naam: str, row: int, scale: _Scale) -> Balk:
    start, eind = p.start.eerste, p.eind.laatste
    drawn = start is not None and eind is not None
    x = scale.x(start) if start is not None and drawn else 0
    known = sorted(
        (m for m in p.mijlpalen if m.datum.eerste), key=lambda m: (m.datum.volgorde, m.omschrijving)
    )
    mijlpalen = tuple(
        Mijlpaal(
            m.datum.eerste.isoformat(),
            datum(m.datum),
            m.omschrijving,
            scale.x(m.datum.eerste),
            shorten(m.omschrijving, GANTT_LABEL),
        )
        for m in known
        if m.datum.eerste is not None
    )
    return Balk(
        naam,
        shorten(naam, fits(RIGHT - LEFT, FONT)),
        shorten(naam, GANTT_LABEL),
        start.isoformat() if start is not None else "",
        eind.isoformat() if eind is not None else "",
        datum(p.start),
        datum(p.eind),
        TOP + row * ROW,
        x,
        max(scale.x(eind) - x, 2) if eind is not None and drawn else 0,
        mijlpalen,
        tuple(m.omschrijving for m in p.mijlpalen if m.datum.eerste is None),
    )


def _balken(plan: Plan, lk: Lookup, scale: _Scale) -> tuple[tuple[Balk, ...], tuple[Balk, ...]]:
    """The bars to draw, and the plannings with an unknown start or end (not drawn)."""
    planning = sorted(
        plan.uitvoering.planning,
        key=lambda p: (p.start.volgorde, p.eind.volgorde, lk.name("interventie", p.interventie)),
    )
    drawn = [p for p in planning if _drawn(p)]
    balken = tuple(_balk(p, lk.name("interventie", p.interventie), row, scale) for row, p in enumerate(drawn))
    rest = tuple(_balk(p, lk.name("interventie", p.interventie), 0, scale) for p in planning if not _drawn(p))
    return balken, rest


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
    balken, niet_getekend = _balken(plan, lk, scale)
    planned = {p.interventie for p in plan.uitvoering.planning}
    zonder = tuple(iv.naam for iv in plan.aanpak.interventies if iv.id not in planned)
    count = sum(len(b.mijlpalen) for b in balken)
    end = plan.manifest.periode.einde if plan.manifest.periode else None
    einde = f"Het plan eindigt op {datum(end)}." if end else "Het einde van het plan is nog onbekend."
    desc = (
        f"Planning van {len(balken)} interventies tussen {datum(scale.lo)} en "
        f"{datum(scale.hi)}, met {count} mijlpalen. {einde} "
        "Dezelfde gegevens staan in de tabel onder de tijdlijn."
    )
    inside = bool(balken) and scale.lo <= today <= scale.hi
    return TimelineChart(
        "grafiek-tijdlijn",
        "Tijdlijn van de interventies en mijlpalen",
        desc,
        WIDTH,
        TOP + len(balken) * ROW + 24,
        balken,
        _ticks(scale),
        _marker(scale, today) if inside else None,
        _marker(scale, end) if end is not None else None,
        zonder,
        niet_getekend,
    )
