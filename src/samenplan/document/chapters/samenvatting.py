"""Samenvatting: the shared urgency, the resultaten, the money and the check status."""

from samenplan.check.run import CheckResult
from samenplan.document.blocks import Bullets
from samenplan.document.chapters.common import NIET_INGEVULD
from samenplan.document.chapters.controle import status_text
from samenplan.document.chapters.overplan import section_over_plan
from samenplan.document.nodes import (
    Cell,
    Chapter,
    Text,
    field,
    fields,
    flat,
    money,
    note,
    parts,
    rest,
    section,
    text,
)
from samenplan.plan.bundle import Plan
from samenplan.plan.lookup import Lookup
from samenplan.plan.money import geld


def _resultaten(plan: Plan, lk: Lookup) -> Text:
    """Each resultaat by its one name, with the concrete result when the name is the ambitie."""
    items = tuple(
        name if name == flat(r.resultaat) or not r.ambitie.strip() else f"{name} {flat(r.resultaat)}"
        for r in plan.resultaten.resultaten
        if (name := lk.name("resultaat", r.id))
    )
    return Text((Bullets(items),)) if items else note("Er zijn nog geen resultaten.")


def chapter(result: CheckResult, plan: Plan, lk: Lookup) -> Chapter:
    """The summary chapter."""
    g = geld(plan)
    over = rest(g.over, "te veel toegewezen")
    return Chapter(
        "samenvatting",
        "Samenvatting",
        parts(
            section("Gedeelde urgentie", text(plan.urgentie.gedeelde_urgentie, NIET_INGEVULD)),
            section("Resultaten", _resultaten(plan, lk)),
            section(
                "Geld",
                fields(
                    field("Beschikbaar in het plan", money(g.bedrag)),
                    field("Toegewezen aan interventies en posten", money(g.toegewezen)),
                    field("Nog niet toegewezen", over),
                    field("Geldstromen", Cell(str(len(g.stromen)), numeric=True)),
                ),
            ),
            section_over_plan(plan),
            section("Controle", note(status_text(result))),
        ),
    )
