"""`samenplan check` as data: load the plan, run the rules, return sorted diagnostics."""

from dataclasses import dataclass, field
from pathlib import Path

from samenplan.diagnostics import Diagnostic, Severity
from samenplan.loader import LoadedPlan, load_plan


@dataclass
class CheckResult:
    """The outcome of checking one plan folder."""

    loaded: LoadedPlan
    diagnostics: list[Diagnostic]
    rule_codes: list[str] = field(default_factory=list)  # the rules that ran, by code

    @property
    def completeness(self) -> dict[int, int] | None:
        """Step number → percentage filled in; None when the plan did not load."""
        from samenplan.completeness import completeness

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


def check_plan(root: Path) -> CheckResult:
    """Check the plan folder ``root``; raises loader.NotAPlan for a wrong folder."""
    from samenplan.rules.engine import run_rules

    loaded = load_plan(root)
    found, ran = run_rules(loaded)
    diagnostics = sorted(loaded.diagnostics + found, key=lambda d: d.sort_key)
    return CheckResult(loaded, diagnostics, ran)
