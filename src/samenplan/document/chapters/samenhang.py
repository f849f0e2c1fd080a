"""Samenhang: interventies × leefdomeinen and × ontwikkelgebieden, with the gaps in words."""

from samenplan.document.blocks import Paragraph
from samenplan.document.nodes import Cell, Chapter, Row, Table, Text, cell, parts, section, table
from samenplan.plan.bundle import Plan
from samenplan.plan.coverage import Matrix, leefdomeinen, ontwikkelgebieden
from samenplan.plan.labels import label, labels

JA = Cell("✓", spoken="ja")
NEE = Cell("–", spoken="nee")


def _rows(m: Matrix) -> list[Row]:
    rows = [Row(cell(name), tuple(JA if hit else NEE for hit in covered)) for name, covered in m.rows]
    counts = tuple(
        Cell(str(n), spoken=f"{n} interventies")
        if n
        else Cell("0 – gat", spoken="geen interventie: een gat", gap=True)
        if column in m.required
        else Cell("0 (niet verplicht)", spoken="geen interventie; niet verplicht")
        for column, n in zip(m.columns, m.counts, strict=True)
    )
    return [*rows, Row(Cell("Aantal interventies"), counts, total=True)] if rows else []


def _gaps(m: Matrix, what: str) -> Text:
    if not m.rows:
        return Text((Paragraph("Er zijn nog geen interventies."),))
    found = [
        Paragraph(f"Geen enkele interventie bereikt: {labels(m.gaps)}.")
        if m.gaps
        else Paragraph(f"Elk verplicht {what} wordt door minstens één interventie bereikt.")
    ]
    welcome = [c for c in m.unreached if c not in m.required]
    if welcome:
        found.append(Paragraph(f"Niet verplicht en door geen interventie bereikt: {labels(welcome)}."))
    return Text(tuple(found))


def _table(m: Matrix, caption: str) -> Table | Text:
    return table(caption, ("Interventie", *(label(c) for c in m.columns)), _rows(m), "")


def chapter(plan: Plan) -> Chapter:
    """Coverage of leefdomeinen and ontwikkelgebieden by the interventies of step 5."""
    ivs = plan.aanpak.interventies
    dom, ont = leefdomeinen(ivs), ontwikkelgebieden(ivs)
    return Chapter(
        "samenhang",
        "Samenhang: leefdomeinen en ontwikkelgebieden",
        parts(
            section(
                "Leefdomeinen",
                _gaps(dom, "leefdomein"),
                _table(dom, "Welke interventie welk leefdomein bereikt") if ivs else None,
            ),
            section(
                "Ontwikkelgebieden",
                _gaps(ont, "ontwikkelgebied"),
                _table(ont, "Welke interventie welk ontwikkelgebied bereikt") if ivs else None,
            ),
        ),
    )
