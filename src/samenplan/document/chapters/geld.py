"""Geld: per geldstroom what there is, what is allocated and what remains; per doel and per
interventie; the reserveringen; and the verdelingen, which never count.

The sums come from :mod:`samenplan.plan.money`, the same ones ``samenplan check`` uses; this chapter
only puts names to the ids.
"""

from collections import defaultdict
from decimal import Decimal

from samenplan.document.barchart import barchart
from samenplan.document.blocks import Paragraph
from samenplan.document.nodes import (
    Cell,
    Chapter,
    Row,
    Section,
    Text,
    cell,
    field,
    fields,
    money,
    parts,
    section,
    table,
)
from samenplan.dutch import euro
from samenplan.plan.bundle import Plan
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.money import Geld, InterventieGeld, StroomGeld, geld, total

UITLEG = (
    "Toegewezen is het geld in de begrotingsregels van de interventies plus de "
    "reserveringen. Een begrotingsregel die uit een reservering komt, telt binnen die "
    "reservering en niet nog een keer. Een verdeling (per sector of per thema) is een "
    "andere indeling van hetzelfde geld en telt nooit mee."
)


def _over(s: StroomGeld) -> Cell:
    return Cell(f"{euro(-s.over)} te veel", numeric=True, gap=True) if s.over < 0 else money(s.over)


def _stroom_rows(g: Geld, lk: Lookup) -> list[Row]:
    rows = [
        Row(
            cell(s.geldstroom.naam),
            (
                Cell(lk.name("regeling", s.geldstroom.regeling)),
                money(s.bedrag),
                money(s.toegewezen),
                money(s.gereserveerd),
                _over(s),
            ),
        )
        for s in g.stromen
    ]
    totals = (Cell(), money(g.bedrag), money(g.toegewezen), money(g.gereserveerd), money(g.over))
    return [*rows, Row(Cell("Totaal"), totals, total=True)] if rows else []


def _per_doel(plan: Plan, s: StroomGeld) -> list[tuple[str, Decimal]]:
    """Allocated per bestedingsdoel name: the declared ones first, then by name."""
    regeling = s.geldstroom.regeling
    amounts: defaultdict[str, Decimal] = defaultdict(Decimal)
    for doel, bedrag in s.per_doel:
        amounts[bestedingsdoel_name(plan, regeling, doel)] += bedrag
    declared = [bestedingsdoel_name(plan, regeling, d) for d in s.geldstroom.bestedingsdoelen]
    return sorted(
        amounts.items(),
        key=lambda item: (declared.index(item[0]) if item[0] in declared else len(declared), item[0]),
    )


def _doel_rows(plan: Plan, g: Geld) -> list[Row]:
    return [
        Row(Cell(doel), (cell(s.geldstroom.naam), money(bedrag)))
        for s in g.stromen
        for doel, bedrag in _per_doel(plan, s)
    ]


def _reservering_rows(plan: Plan, g: Geld) -> list[Row]:
    return [
        Row(
            cell(r.reservering.thema),
            (
                cell(s.geldstroom.naam),
                Cell(bestedingsdoel_name(plan, s.geldstroom.regeling, r.reservering.bestedingsdoel)),
                money(r.bedrag),
                money(r.opgenomen),
                money(r.vrij),
            ),
        )
        for s in g.stromen
        for r in s.reserveringen
    ]


def _uit(reservering: str, lk: Lookup) -> str:
    return f" (uit reservering '{lk.name('reservering', reservering)}')" if reservering else ""


def _posten(plan: Plan, iv: InterventieGeld) -> list[tuple[tuple[str, str, str], Decimal]]:
    """(geldstroom id, bestedingsdoel name, reservering id or '') → bedrag, sorted."""
    amounts: defaultdict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for p in iv.posten:
        doel = bestedingsdoel_name(plan, p.regeling, p.bestedingsdoel)
        amounts[(p.geldstroom, doel, p.reservering or "")] += p.bedrag
    return sorted(amounts.items())


def _interventie_row(plan: Plan, iv: InterventieGeld, lk: Lookup) -> Row:
    posten = tuple(
        f"{lk.name('geldstroom', gs)}, {doel}{_uit(res, lk)}: {euro(bedrag)}"
        for (gs, doel, res), bedrag in _posten(plan, iv)
    )
    return Row(cell(iv.interventie.naam), (money(iv.totaal), Cell(items=posten)))


def _verdelingen(plan: Plan) -> list[Row]:
    return [
        Row(cell(g.naam), (cell(v.naam), cell(p.label), money(p.bedrag)))
        for g in plan.samenwerking.geldstromen
        for v in g.verdelingen
        for p in v.posten
    ]


def _verdelingen_section(plan: Plan) -> Section | None:
    rows = _verdelingen(plan)
    if not rows:
        return None
    return section(
        "Verdelingen",
        Text(
            (
                Paragraph(
                    "Deze indelingen laten hetzelfde geld anders zien; ze tellen niet mee in de "
                    "optelling hierboven."
                ),
            )
        ),
        table("Verdelingen van de geldstromen", ("Geldstroom", "Verdeling", "Post", "Bedrag"), rows, ""),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The money chapter."""
    g = geld(plan)
    ivs = [_interventie_row(plan, iv, lk) for iv in g.interventies]
    return Chapter(
        "geld",
        "Geld",
        parts(
            fields(
                field("Beschikbaar", money(g.bedrag)),
                field("Toegewezen", money(g.toegewezen)),
                field(
                    "Nog niet toegewezen",
                    money(g.over)
                    if g.over >= 0
                    else Cell(f"{euro(-g.over)} meer toegewezen dan er is", gap=True),
                ),
            ),
            Text((Paragraph(UITLEG),)),
            section(
                "Per geldstroom",
                barchart(g) if g.stromen else None,
                table(
                    "Geld per geldstroom",
                    (
                        "Geldstroom",
                        "Regeling",
                        "Bedrag",
                        "Toegewezen",
                        "Waarvan gereserveerd",
                        "Nog niet toegewezen",
                    ),
                    _stroom_rows(g, lk),
                    "Er zijn nog geen geldstromen.",
                ),
            ),
            section(
                "Per bestedingsdoel",
                table(
                    "Toegewezen geld per bestedingsdoel",
                    ("Bestedingsdoel", "Geldstroom", "Toegewezen"),
                    _doel_rows(plan, g),
                    "Er is nog geen geld toegewezen.",
                ),
            ),
            section(
                "Reserveringen",
                table(
                    "Reserveringen en wat daaruit al is toegekend",
                    ("Reservering", "Geldstroom", "Bestedingsdoel", "Bedrag", "Toegekend", "Nog vrij"),
                    _reservering_rows(plan, g),
                    "Er zijn geen reserveringen.",
                ),
            ),
            section(
                "Per interventie",
                table(
                    "Geld per interventie",
                    ("Interventie", "Bedrag", "Uit"),
                    [
                        *ivs,
                        Row(
                            Cell("Totaal"),
                            (money(total(iv.totaal for iv in g.interventies)), Cell()),
                            total=True,
                        ),
                    ]
                    if ivs
                    else [],
                    "Er zijn nog geen begrotingsregels.",
                ),
            ),
            _verdelingen_section(plan),
        ),
    )
