"""Stap 7: planning (the timeline), voortgang, communicatie, risico's and borging."""

from datetime import date

from samenplan.document.blocks import Bullets, Paragraph
from samenplan.document.chapters.common import NIET_INGEVULD, step_chapter
from samenplan.document.nodes import Cell, Chapter, Row, Text, cell, money, section, table, text
from samenplan.document.timeline import TimelineChart, timeline
from samenplan.dutch import datum
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.lookup import Lookup
from samenplan.plan.models.uitvoering import Risico, Voortgang


def _planning(chart: TimelineChart) -> list[Row]:
    return [
        Row(
            Cell(b.naam),
            (
                Cell(b.van),
                Cell(b.tot),
                Cell(
                    items=(
                        *(f"{m.datum}: {m.text}" for m in b.mijlpalen),
                        *(f"datum onbekend: {text}" for text in b.mijlpalen_onbekend),
                    )
                ),
            ),
        )
        for b in (*chart.balken, *chart.niet_getekend)
    ]


def _voortgang(v: Voortgang, lk: Lookup) -> Row:
    return Row(
        Cell(lk.name("interventie", v.interventie)),
        (
            Cell(datum(v.datum)),
            Cell(label(v.status)),
            money(v.besteed) if v.besteed is not None else Cell("niet gemeld"),
            cell(v.toelichting),
        ),
    )


def _risico(r: Risico, lk: Lookup, gekoppeld: bool) -> Row:
    waarover = (
        (Cell(items=lk.names("interventie", r.interventies) or ("niet genoemd",)),) if gekoppeld else ()
    )
    return Row(
        cell(r.omschrijving),
        (
            Cell(label(r.kans)),
            Cell(label(r.impact)),
            cell(r.maatregel),
            Cell(lk.name("partner", r.eigenaar)),
            *waarover,
        ),
    )


def _span(chart: TimelineChart) -> Text:
    """The end of the plan, and the interventies the timeline cannot show."""
    einde = (
        f"Het plan loopt tot en met {chart.end.datum}."
        if chart.end
        else "Het einde van het plan is nog onbekend."
    )
    blocks: list[Paragraph | Bullets] = [Paragraph(einde)]
    if chart.niet_getekend:
        blocks += [
            Paragraph("Van deze planning is het begin of het einde nog onbekend; de tijdlijn toont ze niet:"),
            Bullets(tuple(b.naam for b in chart.niet_getekend)),
        ]
    if chart.zonder_planning:
        blocks += [Paragraph("Deze interventies hebben nog geen planning:"), Bullets(chart.zonder_planning)]
    elif chart.balken:
        blocks.append(Paragraph("Elke interventie heeft een planning."))
    return Text(tuple(blocks))


def chapter(plan: Plan, lk: Lookup, today: date) -> Chapter:
    """The chapter of step 7."""
    u = plan.uitvoering
    chart = timeline(plan, lk, today)
    gekoppeld = any(r.interventies for r in u.risicos)  # a column only when a risico names them
    return step_chapter(
        "uitvoering",
        section(
            "Planning en mijlpalen",
            _span(chart),
            chart if chart.balken else None,
            table(
                "Planning per interventie",
                ("Interventie", "Start", "Eind", "Mijlpalen"),
                _planning(chart),
                "Er is nog geen planning.",
            ),
        ),
        section(
            "Voortgang",
            table(
                "Voortgang per interventie",
                ("Interventie", "Datum", "Status", "Besteed", "Toelichting"),
                [_voortgang(v, lk) for v in u.voortgang],
                "Er is nog geen voortgang gemeld.",
            ),
        ),
        section(
            "Communicatie",
            table(
                "Wie wat hoort, hoe en wanneer",
                ("Voor wie", "Hoe", "Wanneer"),
                [Row(cell(c.publiek), (cell(c.middel), cell(c.moment))) for c in u.communicatie],
                "Er is nog geen communicatie gepland.",
            ),
        ),
        section(
            "Risico's",
            table(
                "Risico's en maatregelen",
                (
                    "Risico",
                    "Kans",
                    "Impact",
                    "Maatregel",
                    "Eigenaar",
                    *(("Interventies",) if gekoppeld else ()),
                ),
                [_risico(r, lk, gekoppeld) for r in u.risicos],
                "Er zijn nog geen risico's beschreven.",
            ),
        ),
        section("Borging", text(u.borging, NIET_INGEVULD)),
    )
