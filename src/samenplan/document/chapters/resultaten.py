"""Stap 4: each resultaat with its indicatoren."""

from samenplan.document.chapters.common import step_chapter
from samenplan.document.course import Gallery, course_chart
from samenplan.document.nodes import (
    Cell,
    Chapter,
    Row,
    Section,
    cell,
    field,
    fields,
    flat,
    note,
    parts,
    section,
    table,
    text,
)
from samenplan.document.verloop import Punt, heeft_verloop, punten, trend
from samenplan.dutch import datum, measure, op_datum, shorten
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup, resultaat_name
from samenplan.plan.models.common import Meetwaarde
from samenplan.plan.models.resultaten import Indicator, Resultaat


def waarde(m: Meetwaarde | None, eenheid: str) -> str:
    """'55% op 30 juni 2022'; '' when there is none."""
    return f"{measure(m.waarde, eenheid)} {op_datum(m.datum)}" if m else ""


def _indicator(i: Indicator, lk: Lookup) -> Row:
    return Row(
        cell(i.naam),
        (
            Cell(label(i.soort)),
            Cell(waarde(i.nulmeting, i.eenheid)),
            Cell(waarde(i.streefwaarde, i.eenheid)),
            Cell(lk.name("bron", i.bron)),
        ),
    )


def _punt(p: Punt, i: Indicator, lk: Lookup) -> Row:
    # A measured value without a bron of its own comes from the indicator's bron; a target has none.
    bron = p.bron or (i.bron if p.wat in ("nulmeting", "meting") else None)
    return Row(
        Cell(datum(p.waarde.datum)),
        (Cell(p.wat), Cell(measure(p.waarde.waarde, i.eenheid), numeric=True), Cell(lk.name("bron", bron))),
    )


def _verloop(i: Indicator, lk: Lookup) -> Section | None:
    """Nulmeting, metingen, tussendoelen and streefwaarde of one indicator, in date order."""
    if not heeft_verloop(i):
        return None
    name = flat(i.naam)
    return section(
        f"Verloop van {name}",
        note(trend(i)),
        table(
            f"Nulmeting, metingen, tussendoelen en streefwaarde van {name}",
            ("Datum", "Wat", "Waarde", "Bron"),
            [_punt(p, i, lk) for p in punten(i)],
            "",
        ),
    )


def _gallery(n: int, r: Resultaat) -> Gallery | None:
    charts = tuple(
        c for i, ind in enumerate(r.indicatoren, 1) if (c := course_chart(f"grafiek-indicator-{n}-{i}", ind))
    )
    return Gallery(charts) if charts else None


def _resultaat(n: int, r: Resultaat, plan: Plan, lk: Lookup) -> Section:
    texts = {b.id: b.tekst for b in plan.analyse.bevindingen}
    title = resultaat_name(r)
    return Section(
        title,
        parts(
            text(r.resultaat),
            fields(
                field("Soort", label(r.soort)),
                field("Doelgroepen", lk.names("doelgroep", r.doelgroepen)),
                field("Leefdomeinen", labels(r.leefdomeinen)),
                field("Ontwikkelgebieden", labels(r.ontwikkelgebieden)),
                field("Antwoord op bevindingen", tuple(shorten(texts.get(b, b), 120) for b in r.bevindingen)),
            ),
            _gallery(n, r),
            table(
                f"Indicatoren bij resultaat {n}: {title}",
                ("Indicator", "Soort", "Nulmeting", "Streefwaarde", "Bron"),
                [_indicator(i, lk) for i in r.indicatoren],
                "Dit resultaat heeft nog geen indicatoren.",
            ),
            *(_verloop(i, lk) for i in r.indicatoren),
        ),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The chapter of step 4."""
    found = plan.resultaten.resultaten
    return step_chapter(
        "resultaten",
        *(_resultaat(n, r, plan, lk) for n, r in enumerate(found, 1)),
        None if found else note("Er zijn nog geen resultaten."),
    )
