"""Stap 1: aanleiding, signalen, gedeelde urgentie, doelgroepen, bestaand beleid."""

from samenplan.document.chapters.common import NIET_INGEVULD, step_chapter
from samenplan.document.nodes import Cell, Chapter, Row, cell, link, section, table, text
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup
from samenplan.plan.models.urgentie import BestaandBeleid, Doelgroep, Leeftijd, Signaal


def leeftijd(value: Leeftijd | None) -> str:
    """'4 tot en met 12 jaar'; '' when no age is given."""
    if value is None:
        return ""
    start = "vanaf de zwangerschap" if value.van < 0 else f"{value.van}"
    return f"{start} tot en met {value.tot} jaar"


def _signaal(s: Signaal, lk: Lookup) -> Row:
    return Row(
        Cell(lk.name("partner", s.partner)),
        (cell(s.signaal), Cell(labels(s.leefdomeinen)), Cell(labels(s.ontwikkelgebieden))),
    )


def _doelgroep(d: Doelgroep) -> Row:
    return Row(cell(d.naam), (Cell(leeftijd(d.leeftijd)), cell(d.omschrijving)))


def _beleid(b: BestaandBeleid) -> Row:
    return Row(cell(b.naam), (Cell(label(b.soort)), cell(b.omschrijving), link(b.link)))


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The chapter of step 1."""
    u = plan.urgentie
    return step_chapter(
        "urgentie",
        section("Aanleiding", text(u.aanleiding, NIET_INGEVULD)),
        section(
            "Wat de partners zien",
            table(
                "Signalen per partner",
                ("Partner", "Signaal", "Leefdomeinen", "Ontwikkelgebieden"),
                [_signaal(s, lk) for s in u.signalen],
                "Er zijn nog geen signalen beschreven.",
            ),
        ),
        section("Gedeelde urgentie", text(u.gedeelde_urgentie, NIET_INGEVULD)),
        section(
            "Doelgroepen",
            table(
                "Doelgroepen van het plan",
                ("Doelgroep", "Leeftijd", "Omschrijving"),
                [_doelgroep(d) for d in u.doelgroepen],
                "Er zijn nog geen doelgroepen.",
            ),
        ),
        section(
            "Bestaand beleid",
            table(
                "Beleid waarop het plan aansluit",
                ("Beleid", "Soort", "Hoe dit plan aansluit", "Link"),
                [_beleid(b) for b in u.bestaand_beleid],
                "Er is nog geen bestaand beleid genoemd.",
            ),
        ),
    )
