"""Stap 5: each interventie with its onderbouwing and begroting, and the samenhang."""

from samenplan.document.chapters.common import NIET_INGEVULD, step_chapter
from samenplan.document.nodes import (
    Cell,
    Chapter,
    Field,
    Row,
    Section,
    field,
    fields,
    flat,
    money,
    note,
    parts,
    section,
    table,
    text,
)
from samenplan.dutch import datum, number, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.models.aanpak import Begrotingsregel, Bereik, Interventie, Onderbouwing
from samenplan.plan.money import total


def onderbouwing(o: Onderbouwing | None) -> str:
    """'NPO-menukaart, doelgebied A'; '' when missing."""
    if o is None:
        return ""
    extra = [label(o.niveau) if o.niveau else "", f"doelgebied {o.doelgebied}" if o.doelgebied else ""]
    return ", ".join([label(o.soort), *(x for x in extra if x)])


def _onderbouwing(found: list[Onderbouwing]) -> tuple[Field | None, ...]:
    """One onderbouwing as a kind and its toelichting; several as one line each."""
    if len(found) == 1:
        return (
            field("Onderbouwing", onderbouwing(found[0])),
            field("Toelichting op de onderbouwing", found[0].toelichting),
        )
    lines = tuple(
        f"{onderbouwing(o)}: {flat(o.toelichting)}" if o.toelichting.strip() else onderbouwing(o)
        for o in found
    )
    return (field("Onderbouwingen", lines),)


def gepland(b: Bereik) -> str:
    """'120 kinderen'."""
    return f"{number(b.aantal)} {flat(b.eenheid)}"


def bereikt(b: Bereik) -> tuple[str, ...]:
    """Each count of what was reached, in date order.

    '80 op 1 juli 2024 (67% van het geplande aantal)'; the unit is that of the planned bereik.
    """
    lines = []
    for g in sorted(b.gerealiseerd, key=lambda x: x.datum):
        share = f" ({number(round(100 * g.aantal / b.aantal))}% van het geplande aantal)" if b.aantal else ""
        lines.append(f"{number(g.aantal)} op {datum(g.datum)}{share}")
    return tuple(lines)


def _regel(plan: Plan, r: Begrotingsregel, lk: Lookup, uit: bool) -> Row:
    regelingen = {g.id: g.regeling for g in plan.samenwerking.geldstromen}
    doel = bestedingsdoel_name(plan, regelingen.get(r.geldstroom), r.bestedingsdoel)
    bron = (
        (Cell(f"reservering: {lk.name('reservering', r.reservering)}" if r.reservering else ""),)
        if uit
        else ()
    )
    return Row(
        Cell(lk.name("geldstroom", r.geldstroom)),
        (Cell(doel), Cell(str(r.jaar) if r.jaar else ""), *bron, money(r.bedrag)),
    )


def _begroting(plan: Plan, iv: Interventie, lk: Lookup) -> Section | None:
    if not iv.begroting:
        return None
    uit = any(r.reservering for r in iv.begroting)
    rows = [_regel(plan, r, lk, uit) for r in iv.begroting]
    empty = (Cell(),) * (3 if uit else 2)
    rows.append(Row(Cell("Totaal"), (*empty, money(total(r.bedrag for r in iv.begroting))), total=True))
    columns = ("Geldstroom", "Bestedingsdoel", "Jaar", *(("Uit",) if uit else ()), "Bedrag")
    return section("Begroting", table(f"Begroting van {flat(iv.naam)}", columns, rows, ""))


def _interventie(plan: Plan, iv: Interventie, lk: Lookup) -> Section:
    return Section(
        flat(iv.naam),
        parts(
            text(iv.omschrijving),
            fields(
                field("Doelgroepen", lk.names("doelgroep", iv.doelgroepen)),
                field("Leefdomeinen", labels(iv.leefdomeinen)),
                field("Ontwikkelgebieden", labels(iv.ontwikkelgebieden)),
                field("Resultaten", lk.names("resultaat", iv.resultaten)),
                field("Trekker", lk.name("partner", iv.trekker)),
                field("Partners", lk.names("partner", iv.partners)),
                *_onderbouwing(iv.onderbouwing),
                field("Periode", periode(iv.periode.van, iv.periode.tot) if iv.periode else ""),
                field(
                    "Bereik (gepland)" if iv.bereik and iv.bereik.gerealiseerd else "Bereik",
                    gepland(iv.bereik) if iv.bereik else "",
                ),
                field("Bereikt", bereikt(iv.bereik) if iv.bereik else ""),
                field("Locaties", tuple(iv.locaties)),
            ),
            _begroting(plan, iv, lk),
        ),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The chapter of step 5."""
    a = plan.aanpak
    return step_chapter(
        "aanpak",
        *(_interventie(plan, iv, lk) for iv in a.interventies),
        None if a.interventies else note("Er zijn nog geen interventies."),
        section("Samenhang tussen de interventies", text(a.samenhang, NIET_INGEVULD)),
    )
