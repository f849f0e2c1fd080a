"""Build the report from a checked plan: the one place that decides what a report holds.

Chapters are a list of builders, each taking the same :class:`Context`; a new chapter (for
example 'Wat is er veranderd') is one function added to :data:`CHAPTERS`. A builder may return
None when its chapter has nothing to say for this plan or audience.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Severity
from samenplan.document.chapters import (
    aanpak,
    analyse,
    controle,
    gebieden,
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
from samenplan.document.gitinfo import Version
from samenplan.document.nodes import Banner, Cell, Chapter, Fields, Report, field, fields
from samenplan.dutch import datum, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.lookup import Lookup, lookup
from samenplan.plan.models.manifest import Gemeente

if TYPE_CHECKING:
    from samenplan.diff.model import PlanDiff

BANNER = "Concept — bevat fouten"


@dataclass(frozen=True)
class Context:
    """What every chapter builder may use."""

    result: CheckResult
    plan: Plan
    lk: Lookup
    today: date
    werkversie: bool  # the working view for the werkgroep, with every finding and its place
    changes: "PlanDiff | None" = None  # render --sinds: what changed since a revision


ChapterBuilder = Callable[[Context], Chapter | None]


def _wijzigingen(changes: "PlanDiff") -> Chapter:
    # Imported here: the chapter brings the diff machinery, which only render --sinds needs.
    from samenplan.document.chapters import wijzigingen

    return wijzigingen.chapter(changes)


CHAPTERS: tuple[ChapterBuilder, ...] = (
    lambda c: samenvatting.chapter(c.result, c.plan, c.lk),
    lambda c: _wijzigingen(c.changes) if c.changes is not None else None,
    lambda c: urgentie.chapter(c.plan, c.lk),
    lambda c: samenwerking.chapter(c.plan, c.lk),
    lambda c: analyse.chapter(c.plan, c.lk),
    lambda c: resultaten.chapter(c.plan, c.lk),
    lambda c: aanpak.chapter(c.plan, c.lk),
    lambda c: meten.chapter(c.plan, c.lk),
    lambda c: uitvoering.chapter(c.plan, c.lk, c.today),
    lambda c: samenhang.chapter(c.plan, c.lk),
    lambda c: gebieden.chapter(c.plan, c.lk),
    lambda c: geld.chapter(c.plan, c.lk),
    lambda c: rodedraad.chapter(c.plan, c.lk),
    lambda c: (controle.werkversie_chapter if c.werkversie else controle.chapter)(c.result, c.plan),
)


def _gemeente(g: Gemeente) -> str:
    return f"{g.naam} ({g.cbs_code})" if g.cbs_code else g.naam


def _fase(plan: Plan, concept: bool) -> Cell:
    """The fase of the plan; with errors the document says it is a concept, like the banner."""
    fase = label(plan.manifest.fase)
    if concept:
        return Cell(f"concept: het plan bevat nog fouten (de werkgroep noemt als fase: {fase})", gap=True)
    return Cell(fase)


def _meta(plan: Plan, today: date, version: Version | None, concept: bool, werkversie: bool) -> Fields:
    m = plan.manifest
    return fields(
        field("Gemeente" if len(m.gemeenten) == 1 else "Gemeenten", tuple(_gemeente(g) for g in m.gemeenten)),
        field("Regio", m.regio),
        field("Partners", tuple(p.naam for p in plan.samenwerking.partners)),
        field("Periode", periode(m.periode.van, m.periode.tot) if m.periode else "onbekend"),
        field("Fase", _fase(plan, concept)),
        field("Datum van dit document", datum(today)),
        field("Versie", version.text if version else ""),
        field("Soort document", "werkversie voor de werkgroep" if werkversie else ""),
    ) or Fields(())


def _banner(result: CheckResult, werkversie: bool) -> Banner | None:
    errors = result.count(Severity.ERROR)
    if not errors:
        return None
    fouten = "1 fout" if errors == 1 else f"{errors} fouten"
    title = controle.TITLE_WERKVERSIE if werkversie else controle.TITLE
    return Banner(
        BANNER,
        f"samenplan check vond {fouten} in dit plan. Dit document is daarom een "
        f"concept en nog niet geschikt om over te besluiten. Meer staat in het hoofdstuk '{title}'.",
    )


def build_report(
    result: CheckResult,
    plan: Plan,
    *,
    today: date,
    version: Version | None,
    werkversie: bool = False,
    changes: "PlanDiff | None" = None,
    chapters: tuple[ChapterBuilder, ...] = CHAPTERS,
) -> Report:
    """The whole report of a checked plan, as plain nodes; the same input gives the same tree.

    ``changes`` (render --sinds) adds the chapter 'Wat is er veranderd sinds …' after the summary.
    """
    context = Context(result, plan, lookup(plan), today, werkversie, changes)
    banner = _banner(result, werkversie)
    built = (build(context) for build in chapters)
    return Report(
        title=" ".join(plan.manifest.titel.split()),
        meta=_meta(plan, today, version, banner is not None, werkversie),
        banner=banner,
        chapters=tuple(c for c in built if c is not None),
        made=datum(today),
    )
