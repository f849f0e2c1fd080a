"""Geld: per geldstroom what there is, what is allocated and what remains; per doel and per
interventie; the posten; per subsidieregeling its plafonds; and the verdelingen, which never
count. Unknown amounts read 'onbekend' or 'plus een onbekend deel', never '€ 0'.

The sums come from :mod:`samenplan.plan.money`, the same ones ``samenplan check`` uses; this chapter
only puts names to the ids.
"""

from collections import defaultdict

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
    flat,
    money,
    parts,
    rest,
    section,
    table,
    text,
)
from samenplan.dutch import datum
from samenplan.plan.bundle import Plan
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.money import Geld, InterventieGeld, PostGeld, Som, StroomGeld, geld, som

UITLEG = (
    "Toegewezen is het geld in de begrotingsregels van de interventies plus de posten van de "
    "geldstromen. Een begrotingsregel die uit een post komt, telt binnen die post en niet nog "
    "een keer. Een verdeling (per sector of per thema) is een andere indeling van hetzelfde "
    "geld en telt nooit mee. Een onbekend bedrag telt nooit als € 0: dan staat er 'onbekend' "
    "of 'plus een onbekend deel'."
)


def _stroom_rows(g: Geld, lk: Lookup) -> list[Row]:
    rows = [
        Row(
            cell(s.geldstroom.naam),
            (
                Cell(lk.name("regeling", s.geldstroom.regeling)),
                money(s.bedrag),
                money(s.toegewezen),
                money(s.in_posten),
                rest(s.over),
            ),
        )
        for s in g.stromen
    ]
    totals = (Cell(), money(g.bedrag), money(g.toegewezen), money(g.in_posten), rest(g.over))
    return [*rows, Row(Cell("Totaal"), totals, total=True)] if rows else []


def _per_doel(plan: Plan, s: StroomGeld) -> list[tuple[str, Som]]:
    """Allocated per bestedingsdoel name: the declared ones first, then by name."""
    regeling = s.geldstroom.regeling
    amounts: defaultdict[str, Som] = defaultdict(Som)
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


def _opgenomen(p: PostGeld) -> Cell:
    """What interventies take from a post; lines without an amount are 'deel onbekend'."""
    if not p.regels:
        return money(Som())
    return money(p.opgenomen)


def _post_rows(plan: Plan, g: Geld) -> list[Row]:
    return [
        Row(
            cell(p.post.naam),
            (
                cell(s.geldstroom.naam),
                Cell(bestedingsdoel_name(plan, s.geldstroom.regeling, p.post.bestedingsdoel)),
                money(p.bedrag),
                _opgenomen(p),
                rest(p.vrij),
            ),
        )
        for s in g.stromen
        for p in s.posten
    ]


def _uit(post: str, lk: Lookup) -> str:
    return f" (uit post '{lk.name('post', post)}')" if post else ""


def _bijdragen(plan: Plan, iv: InterventieGeld) -> list[tuple[tuple[str, str, str], Som]]:
    """(geldstroom id, bestedingsdoel name, post id or '') → bedrag, sorted."""
    amounts: defaultdict[tuple[str, str, str], Som] = defaultdict(Som)
    for p in iv.bijdragen:
        doel = bestedingsdoel_name(plan, p.regeling, p.bestedingsdoel) if p.bestedingsdoel else ""
        amounts[(p.geldstroom, doel, p.post or "")] += p.bedrag
    return sorted(amounts.items())


def _deel(bedrag: Som) -> str:
    """A contribution: its amount, or 'deel onbekend' when the line names none."""
    return "deel onbekend" if bedrag.laag == 0 and bedrag.hoog is None else bedrag.tekst


def _interventie_row(plan: Plan, iv: InterventieGeld, lk: Lookup) -> Row:
    posten = tuple(
        f"{lk.name('geldstroom', gs)}{', ' + doel if doel else ''}{_uit(post, lk)}: {_deel(bedrag)}"
        for (gs, doel, post), bedrag in _bijdragen(plan, iv)
    )
    return Row(cell(iv.interventie.naam), (money(iv.totaal), Cell(items=posten)))


def _verdelingen(plan: Plan) -> list[Row]:
    return [
        Row(cell(g.naam), (cell(v.naam), cell(p.naam), money(p.bedrag)))
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


def _toegekend(plan: Plan, p: PostGeld, lk: Lookup) -> tuple[str, ...]:
    """The interventies paid from a plafond, with their aanvrager and amount."""
    per_iv: dict[str, Som] = {}
    for r in p.regels:
        per_iv[r.interventie] = per_iv.get(r.interventie, Som()) + r.bedrag
    found = []
    for iv in plan.aanpak.interventies:
        if iv.id not in per_iv:
            continue
        wie = f" (aanvrager {lk.name('partner', iv.toekenning.aanvrager)})" if iv.toekenning else ""
        found.append(f"{flat(iv.naam)}{wie}: {_deel(per_iv.pop(iv.id))}")
    return tuple(found)


def _plafond_row(plan: Plan, p: PostGeld, lk: Lookup) -> Row:
    ruimte = rest(p.vrij)
    if p.post.open:
        ruimte = Cell(f"{ruimte.text}; aanvragen kan nog", numeric=ruimte.numeric, gap=ruimte.gap)
    return Row(
        cell(p.post.naam), (money(p.bedrag), Cell(items=_toegekend(plan, p, lk)), _opgenomen(p), ruimte)
    )


def _rondes(s: StroomGeld) -> tuple[str, ...]:
    assert s.geldstroom.subsidie is not None
    return tuple(
        f"{flat(r.naam)}: aanvragen tot {datum(r.tot)}" if r.tot else flat(r.naam)
        for r in s.geldstroom.subsidie.rondes
    )


def _subsidie(plan: Plan, s: StroomGeld, lk: Lookup) -> Section | None:
    sub = s.geldstroom.subsidie
    if sub is None:
        return None
    naam = flat(s.geldstroom.naam)
    return section(
        naam if naam.lower().startswith("subsidie") else f"Subsidieregeling: {naam}",
        fields(
            field("Budget", money(s.bedrag)),
            field("Wie kan aanvragen", sub.aanvragers),
            field("Voorwaarden", sub.voorwaarden),
            field("Rondes", _rondes(s)),
            field("Geld verschuiven tussen plafonds", sub.herverdeling),
        ),
        text(sub.toelichting),
        table(
            f"Plafonds van {flat(s.geldstroom.naam)}: wat is toegekend en wat er nog is",
            ("Plafond", "Bedrag", "Toegekend aan", "Toegekend", "Nog ruimte"),
            [_plafond_row(plan, p, lk) for p in s.posten],
            "Deze subsidieregeling heeft nog geen plafonds (posten).",
        ),
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
                field("Nog niet toegewezen", rest(g.over, "meer toegewezen dan er is")),
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
                        "Waarvan in posten",
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
                "Posten",
                table(
                    "Posten en wat daaruit al is toegekend",
                    ("Post", "Geldstroom", "Bestedingsdoel", "Bedrag", "Toegekend", "Nog vrij"),
                    _post_rows(plan, g),
                    "Er zijn geen posten.",
                ),
            ),
            *(_subsidie(plan, s, lk) for s in g.stromen),
            section(
                "Per interventie",
                table(
                    "Geld per interventie",
                    ("Interventie", "Bedrag", "Uit"),
                    [
                        *ivs,
                        Row(
                            Cell("Totaal"),
                            (money(som(iv.totaal for iv in g.interventies)), Cell()),
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
