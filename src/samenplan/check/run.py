"""`samenplan check` as data: load the plan, run the rules, return sorted diagnostics."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from samenplan.diagnostics import Diagnostic, Severity
from samenplan.load.planfolder import LoadedPlan, NotAPlan, collector_paused, is_plan_folder, load_plan


@dataclass
class CheckResult:
    """The outcome of checking one plan folder."""

    loaded: LoadedPlan
    diagnostics: list[Diagnostic]
    rule_codes: list[str] = field(default_factory=list)  # the rules that ran, by code

    @property
    def completeness(self) -> dict[int, int] | None:
        """Step number → percentage filled in; None when the plan did not load."""
        from samenplan.plan.completeness import completeness

        plan = self.loaded.plan
        return completeness(plan) if plan is not None else None

    @property
    def rules_ran(self) -> bool:
        """Whether the coherence rules ran (they need a plan without loader errors)."""
        return self.loaded.plan is not None

    def count(self, severity: Severity) -> int:
        """Number of findings of exactly this severity."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def fails(self, fail_level: Severity = Severity.ERROR) -> bool:
        """Whether any finding is at or above ``fail_level``."""
        return any(d.severity.rank >= fail_level.rank for d in self.diagnostics)


def check_plan(root: Path, today: date | None = None) -> CheckResult:
    """Check the plan folder ``root``; raises loader.NotAPlan for a wrong folder.

    ``today`` is the day rules about what is already past compare with (default: the clock).
    The garbage collector is paused for the rules too: the rules read the plan's many
    objects, and a pass of the collector during the rules would walk all of them (again).
    """
    from samenplan.check.engine import run_rules

    with collector_paused():
        loaded = load_plan(root)
        found, ran = run_rules(loaded, today)
        diagnostics = sorted(loaded.diagnostics + found, key=lambda d: d.sort_key)
    return CheckResult(loaded, diagnostics, ran)


def find_plans(paths: Sequence[Path]) -> list[Path]:
    """The plan folders named by ``paths``, in order, each once.

    Each path is a plan folder, or a folder whose subfolders are plan folders (one level
    deep, sorted by name; other subfolders are passed over). Raises loader.NotAPlan for a
    path that is neither.
    """
    found: dict[Path, Path] = {}
    for path in paths:
        for root in _plans_in(path):
            found.setdefault(root.resolve(), root)
    return list(found.values())


def _plans_in(path: Path) -> list[Path]:
    if not path.exists():
        raise NotAPlan(f"De map '{path}' bestaat niet.")
    if not path.is_dir():
        raise NotAPlan(f"'{path}' is een bestand, geen map met een plan.")
    if is_plan_folder(path):
        return [path]
    try:
        plans = sorted(
            (sub for sub in path.iterdir() if sub.is_dir() and is_plan_folder(sub)), key=lambda sub: sub.name
        )
    except OSError:
        raise NotAPlan(f"De map '{path}' kan niet gelezen worden; mag je hem openen?") from None
    if not plans:
        raise NotAPlan(
            f"In '{path}' staat geen plan, en ook geen mappen met een plan. Geef de "
            "map van een plan (met samenplan.yaml en de stapbestanden) of een map "
            "met daarin de mappen van de plannen. Een nieuw plan maak je met "
            "'samenplan init'."
        )
    return plans


def check_plans(paths: Sequence[Path], today: date | None = None) -> list[CheckResult]:
    """Check every plan folder named by ``paths`` (see find_plans), in one process.

    Raises loader.NotAPlan before checking anything when one of the paths is wrong.
    """
    return [check_plan(root, today) for root in find_plans(paths)]


def check_each(roots: Sequence[Path], today: date | None = None) -> Iterator[CheckResult]:
    """Check each plan folder of ``roots`` in turn; one result at a time, for streaming."""
    for root in roots:
        yield check_plan(root, today)
