"""Build the report from a checked plan: the one place that decides what a report holds."""

from datetime import date
from typing import TYPE_CHECKING

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Severity
from samenplan.document.chapters import (
    aanpak,
    analyse,
    controle,
    geld,
    meten,
    resultaten,
    rodedraad,
    samenhang,
    samenvatting,
    samenwerking,
    uitvoering,
    urgentie,
)
from samenplan.document.lookup import lookup
from samenplan.document.nodes import Banner, Chapter, Fields, Report, field, fields
from samenplan.dutch import datum, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.models.manifest import Gemeente

if TYPE_CHECKING:
    from samenplan.diff.model import PlanDiff

BANNER = "Concept — bevat fouten"


def _gemeente(g: Gemeente) -> str:
    return f"{g.naam} ({g.cbs_code})" if g.cbs_code else g.naam


def _meta(plan: Plan, today: date, commit: str | None) -> Fields:
    m = plan.manifest
    return fields(
        field("Gemeente" if len(m.gemeenten) == 1 else "Gemeenten", tuple(_gemeente(g) for g in m.gemeenten)),
        field("Regio", m.regio),
        field("Partners", tuple(p.naam for p in plan.samenwerking.partners)),
        field("Periode", periode(m.periode.van, m.periode.tot)),
        field("Fase", label(m.fase)),
        field("Datum van dit document", datum(today)),
        field("Versie", f"git-commit {commit}" if commit else ""),
    ) or Fields(())


def _banner(result: CheckResult) -> Banner | None:
    errors = result.count(Severity.ERROR)
    if not errors:
        return None
    fouten = "1 fout" if errors == 1 else f"{errors} fouten"
    return Banner(
        BANNER,
        f"samenplan check vond {fouten} in dit plan. Dit document is daarom een "
        "concept en nog niet geschikt om over te besluiten. De fouten staan in "
        "het hoofdstuk 'Controle en volledigheid'.",
    )


def _chapters(result: CheckResult, plan: Plan, today: date) -> tuple[Chapter, ...]:
    lk = lookup(plan)
    return (
        samenvatting.chapter(result, plan),
        urgentie.chapter(plan, lk),
        samenwerking.chapter(plan, lk),
        analyse.chapter(plan, lk),
        resultaten.chapter(plan, lk),
        aanpak.chapter(plan, lk),
        meten.chapter(plan, lk),
        uitvoering.chapter(plan, lk, today),
        samenhang.chapter(plan),
        geld.chapter(plan, lk),
        rodedraad.chapter(plan, lk),
        controle.chapter(result, plan),
    )


def build_report(
    result: CheckResult, plan: Plan, *, today: date, commit: str | None, changes: "PlanDiff | None" = None
) -> Report:
    """The whole report of a checked plan, as plain nodes; the same input gives the same tree.

    ``changes`` (render --sinds) adds the chapter 'Wat is er veranderd sinds …' after the summary.
    """
    chapters = _chapters(result, plan, today)
    if changes is not None:
        from samenplan.document.chapters import wijzigingen

        chapters = (chapters[0], wijzigingen.chapter(changes), *chapters[1:])
    return Report(
        title=" ".join(plan.manifest.titel.split()),
        meta=_meta(plan, today, commit),
        banner=_banner(result),
        chapters=chapters,
        made=datum(today),
    )
