"""Stap 2: partners, werkgroep, overleg, besluitvorming, participatie and geldstromen."""

from samenplan.document.chapters.common import NIET_INGEVULD, step_chapter
from samenplan.document.links import safe_url
from samenplan.document.nodes import (
    Cell,
    Chapter,
    Row,
    Section,
    Table,
    Text,
    cell,
    field,
    fields,
    money,
    note,
    parts,
    section,
    table,
    text,
)
from samenplan.dutch import datum, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.models.samenwerking import Besluit, Geldstroom, Overleg, Partner, Verdeling
from samenplan.plan.vocab import Begrotingsjaren


def _partners(partners: list[Partner], lk: Lookup) -> Table | Text:
    """The partners; 'Deel van' and 'BRIN' only when a partner has one."""
    onder, brin = any(p.onder for p in partners), any(p.brin for p in partners)
    columns = ("Partner", "Soort", *(("Deel van",) if onder else ()), *(("BRIN",) if brin else ()), "Rol")
    rows = [
        Row(
            cell(p.naam),
            (
                Cell(label(p.soort)),
                *((Cell(lk.name("partner", p.onder)),) if onder else ()),
                *((Cell(p.brin or ""),) if brin else ()),
                cell(p.rol),
            ),
        )
        for p in partners
    ]
    return table("Partners in het plan", columns, rows, "Er zijn nog geen partners.")


def _overleg(o: Overleg, lk: Lookup) -> Row:
    return Row(
        cell(o.naam),
        (
            Cell(label(o.soort)),
            Cell(items=lk.names("partner", o.deelnemers)),
            cell(o.frequentie),
            cell(o.besluit_over),
        ),
    )


def _besluit(b: Besluit, lk: Lookup) -> Row:
    when = datum(b.datum) if b.datum else ""
    return Row(Cell(lk.name("partner", b.partner)), (Cell(label(b.orgaan)), cell(b.wat), Cell(when)))


def _regeling(plan: Plan, g: Geldstroom) -> Cell:
    found = plan.regelingen.get(g.regeling)
    if found is None:
        return Cell(g.regeling)
    name = f"{found.naam}, {found.referentie}" if found.referentie else found.naam
    return Cell(name, href=safe_url(found.bron))


def _verdeling(g: Geldstroom, v: Verdeling) -> Section | None:
    return section(
        f"Verdeling {v.naam}",
        table(
            f"Verdeling '{v.naam}' van {g.naam} (een indeling; telt niet mee in de optelling)",
            ("Post", "Bedrag"),
            [Row(cell(p.naam), (money(p.bedrag),)) for p in v.posten],
            "Deze verdeling heeft nog geen posten.",
        ),
    )


def _looptijd(g: Geldstroom) -> str:
    """The spending term as the plan writes it, with its verlenging and the source of that."""
    looptijd = periode(g.periode.van, g.periode.tot) if g.periode else "periode van de regeling"
    if g.verlenging is None:
        return looptijd
    bron = " ".join(g.verlenging.bron.split())
    return f"{looptijd}, verlengd tot {datum(g.verlenging.tot)} (bron: {bron})"


#: How the document names a geldstroom's budget years.
BEGROTINGSJAREN = {
    Begrotingsjaren.KALENDERJAAR: "kalenderjaren",
    Begrotingsjaren.SCHOOLJAAR: "schooljaren (1 augustus tot en met 31 juli)",
}


def _geldstroom(plan: Plan, g: Geldstroom, lk: Lookup) -> Section:
    looptijd = _looptijd(g)
    van = any(p.partner for p in g.posten)
    posten = [
        Row(
            cell(p.naam),
            (
                Cell(bestedingsdoel_name(plan, g.regeling, p.bestedingsdoel)),
                *((Cell(lk.name("partner", p.partner) if p.partner else ""),) if van else ()),
                money(p.bedrag),
                cell(" ".join(x for x in ("Aanvragen kan nog." if p.open else "", p.toelichting) if x)),
            ),
        )
        for p in g.posten
    ]
    return Section(
        g.naam,
        parts(
            fields(
                field("Regeling", _regeling(plan, g)),
                field("Ontvanger", lk.name("partner", g.ontvanger)),
                field("Ontvangt het geld voor", lk.names("partner", g.voor)),
                field("Bedrag", money(g.bedrag)),
                field("Periode", looptijd),
                field("Over de verlenging", g.verlenging.toelichting if g.verlenging else ""),
                field("Begrotingsjaren", BEGROTINGSJAREN[g.begrotingsjaren]),
                field(
                    "Bestedingsdoelen",
                    tuple(bestedingsdoel_name(plan, g.regeling, d) for d in g.bestedingsdoelen),
                ),
            ),
            text(g.toelichting),
            table(
                f"{'Plafonds' if g.subsidie else 'Posten'} van {g.naam}",
                (
                    "Plafond" if g.subsidie else "Post",
                    "Bestedingsdoel",
                    *(("Van",) if van else ()),
                    "Bedrag",
                    "Toelichting",
                ),
                posten,
                "",
            )
            if posten
            else None,
            *(_verdeling(g, v) for v in g.verdelingen),
        ),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The chapter of step 2."""
    s = plan.samenwerking
    return step_chapter(
        "samenwerking",
        section(
            "Partners",
            _partners(s.partners, lk),
        ),
        section(
            "Werkgroep",
            table(
                "Leden van de werkgroep",
                ("Lid", "Namens", "Rol in de werkgroep"),
                [
                    Row(cell(w.naam), (Cell(lk.name("partner", w.partner)), cell(w.functie)))
                    for w in s.werkgroep
                ],
                "Er zijn nog geen werkgroepleden.",
            ),
        ),
        section(
            "Overleg",
            table(
                "Overlegtafels",
                ("Overleg", "Soort", "Deelnemers", "Hoe vaak", "Besluit over"),
                [_overleg(o, lk) for o in s.overleg],
                "Er is nog geen overleg beschreven.",
            ),
        ),
        section(
            "Besluitvorming",
            table(
                "Wie besluit over het plan",
                ("Partner", "Orgaan", "Besluit", "Datum"),
                [_besluit(b, lk) for b in s.besluitvorming],
                "De besluitvorming is nog niet beschreven.",
            ),
        ),
        section(
            "Participatie van jongeren en ouders",
            section("Jongeren", text(s.participatie.jongeren, NIET_INGEVULD)),
            section("Ouders", text(s.participatie.ouders, NIET_INGEVULD)),
        ),
        section(
            "Geldstromen",
            *(_geldstroom(plan, g, lk) for g in s.geldstromen),
            None if s.geldstromen else note("Er zijn nog geen geldstromen."),
        ),
    )
