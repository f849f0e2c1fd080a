"""Samenhang: interventies × leefdomeinen and × ontwikkelgebieden, with the gaps in words."""

from enum import StrEnum

from samenplan.document.blocks import Paragraph
from samenplan.document.nodes import Cell, Chapter, Row, Table, Text, cell, parts, section, table
from samenplan.plan.bundle import Plan
from samenplan.plan.coverage import Matrix, leefdomeinen, ontwikkelgebieden
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup
from samenplan.plan.models.aanpak import Interventie

JA = Cell("✓", spoken="ja")
NEE = Cell("–", spoken="nee")


def _count(m: Matrix, column: StrEnum, n: int) -> Cell:
    if n:
        return Cell(str(n), spoken=f"{n} interventies")
    if column in m.by_taak:
        return Cell("0 – taakverdeling", spoken="geen interventie; gedaan volgens de taakverdeling")
    if column in m.required:
        return Cell("0 – gat", spoken="geen interventie: een gat", gap=True)
    return Cell("0 (niet verplicht)", spoken="geen interventie; niet verplicht")


def _rows(m: Matrix, ivs: list[Interventie]) -> list[Row]:
    rows = [
        Row(
            cell(f"{name} (randvoorwaardelijk)" if iv.randvoorwaardelijk else name),
            tuple(JA if hit else NEE for hit in covered),
        )
        for (name, covered), iv in zip(m.rows, ivs, strict=True)
    ]
    counts = tuple(_count(m, column, n) for column, n in zip(m.columns, m.counts, strict=True))
    return [*rows, Row(Cell("Aantal interventies"), counts, total=True)] if rows else []


def _taak(m: Matrix, column: StrEnum, lk: Lookup) -> Paragraph:
    namen = list(dict.fromkeys(n for t in m.by_taak[column] for n in lk.names("partner", t.wie)))
    wie = " en ".join(namen)
    uitleg = " ".join(t.toelichting.strip() for t in m.by_taak[column] if t.toelichting.strip())
    zin = (
        f"{label(column).capitalize()}: geen interventie in dit plan; volgens de taakverdeling "
        f"{'doen' if len(namen) > 1 else 'doet'} {wie} dit."
    )
    return Paragraph(f"{zin} {uitleg}" if uitleg else zin)


def _gaps(m: Matrix, what: str, lk: Lookup) -> Text:
    if not m.rows:
        return Text((Paragraph("Er zijn nog geen interventies."),))
    found = [
        Paragraph(f"Geen enkele interventie bereikt: {labels(m.gaps)}.")
        if m.gaps
        else Paragraph(
            f"Elk verplicht {what} wordt door minstens één interventie bereikt"
            + (", of volgens de taakverdeling door een partner." if m.elsewhere else ".")
        )
    ]
    found += [_taak(m, c, lk) for c in m.elsewhere]
    welcome = [c for c in m.unreached if c not in m.required and c not in m.by_taak]
    if welcome:
        found.append(Paragraph(f"Niet verplicht en door geen interventie bereikt: {labels(welcome)}."))
    return Text(tuple(found))


def _table(m: Matrix, ivs: list[Interventie], caption: str) -> Table | Text:
    return table(caption, ("Interventie", *(label(c) for c in m.columns)), _rows(m, ivs), "")


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """Coverage of leefdomeinen and ontwikkelgebieden by the interventies of step 5."""
    ivs, taken = plan.aanpak.interventies, plan.aanpak.taakverdeling
    dom, ont = leefdomeinen(ivs, taken), ontwikkelgebieden(ivs, taken)
    return Chapter(
        "samenhang",
        "Samenhang: leefdomeinen en ontwikkelgebieden",
        parts(
            section(
                "Leefdomeinen",
                _gaps(dom, "leefdomein", lk),
                _table(dom, ivs, "Welke interventie welk leefdomein bereikt") if ivs else None,
            ),
            section(
                "Ontwikkelgebieden",
                _gaps(ont, "ontwikkelgebied", lk),
                _table(ont, ivs, "Welke interventie welk ontwikkelgebied bereikt") if ivs else None,
            ),
        ),
    )
