"""Rode draad: from bevinding to resultaat, interventie, indicator and meting, in one table."""

from samenplan.document.blocks import Bullets, Paragraph
from samenplan.document.draad import draad_chart
from samenplan.document.nodes import Cell, Chapter, Row, Text, cell, parts, section, table
from samenplan.document.thread import Draad, draden, flow, geparkeerd, zonder_resultaat
from samenplan.plan.bundle import Plan
from samenplan.plan.lookup import Lookup

UITLEG = (
    "Per resultaat: op welke bevindingen het antwoordt, welke interventies eraan "
    "werken, waaraan je ziet of het lukt (indicator, van nulmeting naar streefwaarde) en "
    "hoe dat gemeten wordt."
)


def _row(d: Draad) -> Row:
    return Row(
        cell(d.resultaat),
        (Cell(items=d.interventies), Cell(items=d.indicatoren), Cell(items=d.metingen)),
        lead=(Cell(items=d.bevindingen),),
    )


def _geparkeerd(plan: Plan) -> Text | None:
    items = tuple(
        f"{tekst} Reden: {reden}" if reden else f"{tekst} (nog niet opgepakt)"
        for tekst, reden in geparkeerd(plan)
    )
    return Text((Bullets(items),)) if items else None


def _los(plan: Plan) -> Text | None:
    names = zonder_resultaat(plan)
    return (
        Text((Paragraph("Deze interventies dienen nog geen resultaat:"), Bullets(names))) if names else None
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The rode draad chapter."""
    found = draden(plan, lk)
    rows = [_row(d) for d in found]
    return Chapter(
        "rode-draad",
        "Rode draad",
        parts(
            Text((Paragraph(UITLEG),)),
            flow(plan) if rows else None,  # the Markdown diagram
            *(draad_chart(n, d) for n, d in enumerate(found, 1)),  # HTML, PDF and Word
            table(
                "De rode draad per resultaat",
                ("Bevindingen", "Resultaat", "Interventies", "Indicatoren", "Metingen"),
                rows,
                "Er zijn nog geen resultaten.",
            ),
            section("Bevindingen die geen resultaat hebben", _geparkeerd(plan)),
            section("Interventies zonder resultaat", _los(plan)),
        ),
    )
