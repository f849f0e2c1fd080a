"""What a rule is: its metadata, what it yields, and the ``@rule`` decorator."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from samenplan import codes
from samenplan.check.finding import Finding, Ref
from samenplan.diagnostics import Severity
from samenplan.plan.vocab import Fase

if TYPE_CHECKING:
    from samenplan.check.rulecontext import RuleContext

__all__ = ["Check", "Finding", "Ref", "Rule", "rule"]


Check = Callable[["RuleContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule; ``code.doc`` (the docstring) is its user documentation."""

    code: codes.Code
    check: Check
    theme: str
    applies_from: Fase
    error_from: Fase | None
    good: str
    bad: str
    error_until: Fase | None = None
    weight: int = 1

    def __call__(self, ctx: "RuleContext") -> Iterable[Finding]:
        """Run the rule over a plan."""
        return self.check(ctx)

    def severity_for(self, fase: Fase) -> Severity:
        """Default severity in this fase: an error from ``error_from`` on (up to ``error_until``)."""
        if self.error_from is None or fase.rank < self.error_from.rank:
            return self.code.severity
        if self.error_until is not None and fase.rank > self.error_until.rank:
            return self.code.severity
        return Severity.ERROR


def rule(
    code: str,
    slug: str,
    severity: Severity,
    summary: str,
    *,
    theme: str,
    applies_from: Fase = Fase.CONCEPT,
    error_from: Fase | None = None,
    error_until: Fase | None = None,
    weight: int = 1,
    good: str = "",
    bad: str = "",
) -> Callable[[Check], Rule]:
    """Make a function a rule. The function's docstring is the Dutch user documentation.

    ``error_until`` ends the error span: a completeness rule is an error in besluit and a
    warning again once the plan is carried out. ``weight`` says how much a finding matters
    (see ``diagnostics.Weight``): plan-wide weaknesses weigh more than one place.

    ``good`` and ``bad`` are short YAML examples for ``samenplan explain``. Nothing is
    registered: check/rules/__init__.py lists the theme modules, and every Rule in them counts.
    """

    def wrap(check: Check) -> Rule:
        entry = codes.define(code, slug, severity, summary, check.__doc__ or "")
        return Rule(
            entry,
            check,
            theme,
            applies_from,
            error_from,
            good.strip("\n"),
            bad.strip("\n"),
            error_until,
            weight,
        )

    return wrap
