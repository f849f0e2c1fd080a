"""Compare two checked versions of a plan: the one function that makes a PlanDiff."""

from collections.abc import Sequence
from enum import StrEnum

from samenplan.diagnostics import Severity
from samenplan.diff.compare import compare_entries
from samenplan.diff.findings import compare_findings
from samenplan.diff.geld import compare_money
from samenplan.diff.model import CoverageChange, PlanDiff, Version
from samenplan.diff.sides import Side
from samenplan.diff.values import Names
from samenplan.plan import coverage
from samenplan.plan.bundle import Plan
from samenplan.plan.lookup import lookup


def diff_plans(old: Side, new: Side) -> PlanDiff:
    """What differs between ``old`` and ``new``. The content is compared when both plans
    could be read; the findings of `samenplan check` always."""
    findings = compare_findings(old.result, new.result)
    if old.plan is None or new.plan is None:
        return PlanDiff(_version(old), _version(new), (), (), (), (), findings)
    before, after = Names(old.plan, lookup(old.plan)), Names(new.plan, lookup(new.plan))
    money, moves = compare_money(before, after)
    return PlanDiff(
        _version(old),
        _version(new),
        money,
        moves,
        compare_entries(before, after),
        _coverage(old.plan, new.plan),
        findings,
    )


def _version(side: Side) -> Version:
    plan = side.plan
    title = " ".join(plan.manifest.titel.split()) if plan is not None else ""
    return Version(
        side.label, side.commit, side.folder, title, plan is not None, side.result.count(Severity.ERROR)
    )


def _coverage(old: Plan, new: Plan) -> tuple[CoverageChange, ...]:
    found: list[CoverageChange] = []
    for vocabulary, matrix in (
        ("leefdomein", coverage.leefdomeinen),
        ("ontwikkelgebied", coverage.ontwikkelgebieden),
    ):
        b, a = matrix(old.aanpak.interventies), matrix(new.aanpak.interventies)
        found += _counts(vocabulary, b.columns, b.counts, a.counts)
    return tuple(found)


def _counts(
    vocabulary: str, columns: Sequence[StrEnum], before: Sequence[int], after: Sequence[int]
) -> list[CoverageChange]:
    return [
        CoverageChange(vocabulary, c.value, b, a)  # type: ignore[arg-type]
        for c, b, a in zip(columns, before, after, strict=True)
        if b != a
    ]
