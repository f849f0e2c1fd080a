"""Stap 6: metingen, meet- en bijstuurmomenten, bijsturing and verantwoording."""

from samenplan.document.chapters.common import step_chapter
from samenplan.document.nodes import Cell, Chapter, Row, cell, section, table
from samenplan.dutch import datum
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.lookup import Lookup
from samenplan.plan.models.meten import Meting, Moment, Verantwoording


def _meting(m: Meting, lk: Lookup) -> Row:
    return Row(
        Cell(lk.name("indicator", m.indicator)),
        (cell(m.frequentie), Cell(lk.name("partner", m.wie)), cell(m.methode), Cell(lk.name("bron", m.bron))),
    )


def _moment(m: Moment, lk: Lookup) -> Row:
    return Row(
        Cell(datum(m.datum)), (Cell(label(m.soort)), Cell(items=lk.names("partner", m.wie)), cell(m.wat))
    )


def _verantwoording(v: Verantwoording, lk: Lookup) -> Row:
    return Row(
        Cell(lk.name("geldstroom", v.geldstroom)),
        (
            Cell(label(v.vorm)),
            Cell(datum(v.deadline) if v.deadline else ""),
            Cell(items=lk.names("partner", v.wie)),
            cell(v.toelichting),
        ),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The chapter of step 6."""
    m = plan.meten_en_bijsturen
    momenten = sorted(m.momenten, key=lambda x: (x.datum.volgorde, x.soort.value, x.wat))
    return step_chapter(
        "meten_en_bijsturen",
        section(
            "Metingen",
            table(
                "Hoe de indicatoren gemeten worden",
                ("Indicator", "Hoe vaak", "Wie", "Methode", "Bron"),
                [_meting(x, lk) for x in m.metingen],
                "Er zijn nog geen metingen afgesproken.",
            ),
        ),
        section(
            "Meet- en bijstuurmomenten",
            table(
                "Momenten om te meten, te rapporteren en bij te sturen",
                ("Datum", "Soort", "Wie", "Wat"),
                [_moment(x, lk) for x in momenten],
                "Er zijn nog geen momenten gepland.",
            ),
        ),
        section(
            "Bijsturing",
            table(
                "Wat de partners doen bij een signaalwaarde",
                ("Indicator", "Signaalwaarde", "Actie"),
                [
                    Row(Cell(lk.name("indicator", b.indicator)), (cell(b.signaalwaarde), cell(b.actie)))
                    for b in m.bijsturing
                ],
                "Er zijn nog geen afspraken over bijsturen.",
            ),
        ),
        section(
            "Verantwoording",
            table(
                "Verantwoording per geldstroom",
                ("Geldstroom", "Vorm", "Deadline", "Wie", "Toelichting"),
                [_verantwoording(v, lk) for v in m.verantwoording],
                "Er is nog geen verantwoording afgesproken.",
            ),
        ),
    )
