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
from samenplan.dutch import datum, number, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.models.aanpak import Begrotingsregel, Interventie, Onderbouwing
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
    op = f" op {datum(t.datum)}" if t.datum else ""
    ronde = f" ({flat(t.ronde)})" if t.ronde else ""
    return f"Toegekend aan {lk.name('partner', t.aanvrager)}{op}{ronde}"


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
    o = iv.onderbouwing
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
                field("Onderbouwing", onderbouwing(o)),
                field("Toelichting op de onderbouwing", o.toelichting if o else ""),
                field("Periode", periode(iv.periode.van, iv.periode.tot) if iv.periode else ""),
                *_doorloop(iv),
                field("Bereik", f"{number(iv.bereik.aantal)} {iv.bereik.eenheid}" if iv.bereik else ""),
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
