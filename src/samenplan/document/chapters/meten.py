"""Stap 6: metingen, meet- en bijstuurmomenten, bijsturing and verantwoording."""

from datetime import date

from samenplan.document.chapters.aanpak import bereikt, gepland
from samenplan.document.chapters.common import step_chapter
from samenplan.document.nodes import (
    Cell,
    Chapter,
    Part,
    Row,
    Section,
    cell,
    field,
    fields,
    flat,
    money,
    note,
    section,
    table,
)
from samenplan.dutch import datum
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.models.meten import Besteding, Meting, Moment, Restant, Verantwoording
from samenplan.plan.models.regeling import KANAAL_NAMEN
from samenplan.plan.money import Som, som


def _meting(m: Meting, lk: Lookup) -> Row:
    return Row(
        Cell(lk.name("indicator", m.indicator)),
        (cell(m.frequentie), Cell(lk.name("partner", m.wie)), cell(m.methode), Cell(lk.name("bron", m.bron))),
    )


def _moment(m: Moment, lk: Lookup) -> Row:
    return Row(
        Cell(datum(m.datum)), (Cell(label(m.soort)), Cell(items=lk.names("partner", m.wie)), cell(m.wat))
    )


def _restant(r: Restant | None) -> str:
    """'€ 15.000 over; dat moet (misschien) terug.'; what the plan does not say, said so."""
    if r is None:
        return "Het plan zegt niet of er aan het eind geld over is."
    terug = {
        True: "dat moet (misschien) terug",
        False: "dat hoeft niet terug",
        None: "het plan zegt niet of dat terug moet",
    }[r.terugbetalen]
    return f"{Som.van(r.bedrag).tekst} over; {terug}."


def _volgorde(b: Besteding) -> tuple[date, str]:
    """Besteed in year order (no year first), then by bestedingsdoel."""
    return (b.jaar.eerste if b.jaar else date.min, b.bestedingsdoel or "")


def _besteed(plan: Plan, v: Verantwoording, lk: Lookup) -> Part:
    """What was spent per bestedingsdoel and jaar, with the total; or that the plan does not say."""
    if not v.besteed:
        return note("Het plan zegt nog niet wat er besteed is.")
    regeling = next((g.regeling for g in plan.samenwerking.geldstromen if g.id == v.geldstroom), None)
    rows = [
        Row(
            Cell(
                bestedingsdoel_name(plan, regeling, b.bestedingsdoel) if b.bestedingsdoel else "niet per doel"
            ),
            (Cell(str(b.jaar) if b.jaar else "niet per jaar"), money(b.bedrag)),
        )
        for b in sorted(
            v.besteed, key=lambda b: (b.jaar.eerste if b.jaar else date.min, b.bestedingsdoel or "")
        )
    ]
    rows.append(
        Row(Cell("Totaal besteed"), (Cell(), money(som(Som.van(b.bedrag) for b in v.besteed))), total=True)
    )
    caption = f"Besteed uit {lk.name('geldstroom', v.geldstroom)}, per bestedingsdoel en jaar"
    return table(caption, ("Bestedingsdoel", "Jaar", "Bedrag"), rows, "")


def _kanaal(plan: Plan, v: Verantwoording) -> str:
    """The kanaal the verantwoording names, else the one of its regeling, said as such."""
    if v.kanaal:
        return KANAAL_NAMEN[v.kanaal]
    regeling = next((g.regeling for g in plan.samenwerking.geldstromen if g.id == v.geldstroom), None)
    found = plan.regelingen.get(regeling or "")
    if found is not None and found.kanaal is not None:
        return f"{KANAAL_NAMEN[found.kanaal]} (volgens de regeling {found.label})"
    return "niet ingevuld"


def _verantwoording(plan: Plan, v: Verantwoording, lk: Lookup) -> Section:
    """One geldstroom's verantwoording: how, who accounts and who does the work, spent, left over."""
    return Section(
        lk.name("geldstroom", v.geldstroom),
        (
            *(
                p
                for p in (
                    fields(
                        field("Vorm", label(v.vorm)),
                        field("Kanaal", _kanaal(plan, v)),
                        field("Kenmerk", v.kenmerk),
                        field("Deadline", datum(v.deadline) if v.deadline else "niet ingevuld"),
                        field("Verantwoordt", lk.names("partner", v.wie) or "niet ingevuld"),
                        field("Doet het werk", lk.names("partner", v.uitvoerders) or "niet ingevuld"),
                        field("Toelichting", v.toelichting),
                    ),
                    _besteed(plan, v, lk),
                    fields(
                        field("Restant", _restant(v.restant)),
                        field("Toelichting bij het restant", v.restant.toelichting if v.restant else ""),
                    ),
                )
                if p is not None
            ),
        ),
    )


def _bereik(plan: Plan) -> Section | None:
    """Planned against realised bereik, for the interventies that counted what they reached."""
    rows = [
        Row(Cell(flat(iv.naam)), (Cell(gepland(iv.bereik)), Cell(items=bereikt(iv.bereik))))
        for iv in plan.aanpak.interventies
        if iv.bereik and iv.bereik.gerealiseerd
    ]
    if not rows:
        return None
    return section(
        "Bereik: gepland en bereikt",
        table(
            "Hoeveel de interventies wilden bereiken en hoeveel ze bereikten",
            ("Interventie", "Gepland", "Bereikt"),
            rows,
            "",
        ),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The chapter of step 6."""
    m = plan.meten_en_bijsturen
    momenten = sorted(m.momenten, key=lambda x: (x.datum.volgorde, x.soort.value, x.wat))
    return step_chapter(
        "meten_en_bijsturen",
        section(
            "Metingen",
            table(
                "Hoe de indicatoren gemeten worden",
                ("Indicator", "Hoe vaak", "Wie", "Methode", "Bron"),
                [_meting(x, lk) for x in m.metingen],
                "Er zijn nog geen metingen afgesproken.",
            ),
        ),
        section(
            "Meet- en bijstuurmomenten",
            table(
                "Momenten om te meten, te rapporteren en bij te sturen",
                ("Datum", "Soort", "Wie", "Wat"),
                [_moment(x, lk) for x in momenten],
                "Er zijn nog geen momenten gepland.",
            ),
        ),
        section(
            "Bijsturing",
            table(
                "Wat de partners doen bij een signaalwaarde",
                ("Indicator", "Signaalwaarde", "Actie"),
                [
                    Row(Cell(lk.name("indicator", b.indicator)), (cell(b.signaalwaarde), cell(b.actie)))
                    for b in m.bijsturing
                ],
                "Er zijn nog geen afspraken over bijsturen.",
            ),
        ),
        _bereik(plan),
        section(
            "Verantwoording",
            *[_verantwoording(plan, v, lk) for v in m.verantwoording],
            None if m.verantwoording else note("Er is nog geen verantwoording afgesproken."),
        ),
    )
