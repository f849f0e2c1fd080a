"""Stap 5: each interventie with its onderbouwing and begroting, and the samenhang."""

from samenplan.document.chapters.common import NIET_INGEVULD, step_chapter
from samenplan.document.nodes import (
    Cell,
    Chapter,
    Field,
    Row,
    Section,
    cell,
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
from samenplan.dutch import datum, number, op_datum, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.models.aanpak import Begrotingsregel, Bereik, Interventie, Onderbouwing
from samenplan.plan.money import Som, som

#: How the document names a randvoorwaardelijke maatregel.
RANDVOORWAARDELIJK = (
    "randvoorwaardelijk: maakt de andere interventies mogelijk (samenwerking, "
    "professionalisering, coördinatie) en bereikt zelf geen kinderen"
)


def _taakverdeling(plan: Plan, lk: Lookup) -> Section | None:
    rows = [
        Row(
            Cell(items=lk.names("partner", t.wie)),
            (Cell(labels(t.ontwikkelgebieden)), Cell(labels(t.leefdomeinen)), cell(t.toelichting)),
        )
        for t in plan.aanpak.taakverdeling
    ]
    return section(
        "Taakverdeling",
        text(
            "Wat partners buiten de interventies van dit plan doen, bijvoorbeeld de scholen met "
            "hun eigen NPO-schoolprogramma. Wat hier staat, telt mee als bereikt."
        )
        if rows
        else None,
        table(
            "Wie welk ontwikkelgebied en leefdomein doet",
            ("Wie", "Ontwikkelgebieden", "Leefdomeinen", "Toelichting"),
            rows,
            "",
        ),
    )


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
    for g in sorted(b.gerealiseerd, key=lambda x: x.datum.volgorde):
        share = f" ({number(round(100 * g.aantal / b.aantal))}% van het geplande aantal)" if b.aantal else ""
        lines.append(f"{number(g.aantal)} {op_datum(g.datum)}{share}")
    return tuple(lines)


def _regel(plan: Plan, r: Begrotingsregel, lk: Lookup, uit: bool) -> Row:
    stromen = {g.id: g for g in plan.samenwerking.geldstromen}
    g = stromen.get(r.geldstroom)
    post = next((p for p in g.posten if p.id == r.post), None) if g else None
    doel_id = r.bestedingsdoel or (post.bestedingsdoel if post else None)
    if doel_id is None and g is not None and len(set(g.bestedingsdoelen)) == 1:
        doel_id = g.bestedingsdoelen[0]
    doel = bestedingsdoel_name(plan, g.regeling if g else None, doel_id)
    bron = (Cell(f"post: {lk.name('post', r.post)}" if r.post else ""),) if uit else ()
    bedrag = money(r.bedrag) if r.bedrag is not None else Cell("deel onbekend", numeric=True)
    return Row(
        Cell(lk.name("geldstroom", r.geldstroom)),
        (Cell(doel), Cell(str(r.jaar) if r.jaar else ""), *bron, bedrag),
    )


def _begroting(plan: Plan, iv: Interventie, lk: Lookup) -> Section | None:
    if not iv.begroting:
        return None
    uit = any(r.post for r in iv.begroting)
    rows = [_regel(plan, r, lk, uit) for r in iv.begroting]
    empty = (Cell(),) * (3 if uit else 2)
    rows.append(
        Row(Cell("Totaal"), (*empty, money(som(Som.van(r.bedrag) for r in iv.begroting))), total=True)
    )
    columns = ("Geldstroom", "Bestedingsdoel", "Jaar", *(("Uit",) if uit else ()), "Bedrag")
    return section("Begroting", table(f"Begroting van {flat(iv.naam)}", columns, rows, ""))


def _toekenning(iv: Interventie, lk: Lookup) -> str:
    """'Toegekend aan VV Heidebeek op 20 maart 2024 (Eerste ronde)'; '' without one."""
    t = iv.toekenning
    if t is None:
        return ""
    op = f" {op_datum(t.datum)}" if t.datum else ""
    ronde = f" ({flat(t.ronde)})" if t.ronde else ""
    uitleg = f". {flat(t.toelichting)}" if t.toelichting.strip() else ""
    return f"Toegekend aan {lk.name('partner', t.aanvrager)}{op}{ronde}{uitleg}"


def _doorloop(iv: Interventie) -> tuple[Field | None, ...]:
    """What the plan says about an interventie running on after the plan or the money."""
    d = iv.doorloop
    if d is None:
        return ()
    if d.tot is None:
        tot = "ja, zonder einddatum"
    else:
        tot = f"tot {datum(d.tot)}" if d.tot.bekend else "ja, einddatum onbekend"
    return (
        field("Loopt door na het plan of het geld", tot),
        field("Waarom het doorloopt", d.reden),
        field("Daarna betaald uit", d.bekostiging),
    )


def _interventie(plan: Plan, iv: Interventie, lk: Lookup) -> Section:
    return Section(
        flat(iv.naam),
        parts(
            text(iv.omschrijving),
            fields(
                field("Soort maatregel", RANDVOORWAARDELIJK if iv.randvoorwaardelijk else ""),
                field("Doelgroepen", lk.names("doelgroep", iv.doelgroepen)),
                field("Leefdomeinen", labels(iv.leefdomeinen)),
                field("Ontwikkelgebieden", labels(iv.ontwikkelgebieden)),
                field("Resultaten", lk.names("resultaat", iv.resultaten)),
                field("Trekker" if len(iv.trekkers) < 2 else "Trekkers", lk.names("partner", iv.trekkers)),
                field("Partners", lk.names("partner", iv.partners)),
                *_onderbouwing(iv.onderbouwing),
                field("Periode", periode(iv.periode.van, iv.periode.tot) if iv.periode else ""),
                *_doorloop(iv),
                field(
                    "Bereik (gepland)" if iv.bereik and iv.bereik.gerealiseerd else "Bereik",
                    gepland(iv.bereik) if iv.bereik else "",
                ),
                field("Bereikt", bereikt(iv.bereik) if iv.bereik else ""),
                field("Gebieden", lk.names("gebied", iv.gebieden)),
                field("Toekenning", _toekenning(iv, lk)),
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
        _taakverdeling(plan, lk),
    )
