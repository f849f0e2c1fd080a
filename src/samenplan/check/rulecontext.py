"""What rules see: the validated plan, its settings, and indexes of ids by kind."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from samenplan.check.finding import Ref
from samenplan.diagnostics import KeyPath
from samenplan.plan.bundle import Plan
from samenplan.plan.idkinds import KINDS, walk
from samenplan.plan.money import Geld, geld
from samenplan.plan.vocab import Fase


def today() -> date:
    """The date rules compare with ('the term has ended') when the caller gives none.

    The CLI passes its own day (check_plan's ``today``: --datum or $SAMENPLAN_DATUM), so
    there is one clock per command; tests fix it the same way, or replace this function.
    """
    return date.today()


@dataclass(frozen=True)
class Defined:
    """Where an id is defined."""

    doc: str
    path: KeyPath

    def ref(self, message: str = "") -> Ref:
        """This definition as a related location."""
        return Ref(self.doc, self.path, message)


@dataclass
class RuleContext:
    """Input of every rule. ``raw`` holds each document's plain data by slug."""

    plan: Plan
    raw: dict[str, Any] = field(default_factory=dict)
    today: date = field(default_factory=lambda: today())  # for rules about what is already past

    @property
    def fase(self) -> Fase:
        """The plan's fase."""
        return self.plan.manifest.fase

    @property
    def min_leefdomeinen(self) -> int:
        """Minimum number of leefdomeinen per interventie (samenplan.yaml, controle)."""
        return self.plan.manifest.controle.min_leefdomeinen

    @cached_property
    def geld(self) -> Geld:
        """The plan's money (plan/money.py), counted once for all money rules."""
        return geld(self.plan)

    @cached_property
    def definitions(self) -> dict[str, dict[str, list[Defined]]]:
        """kind → id → every place it is defined (more than one means a duplicate)."""
        found: dict[str, dict[str, list[Defined]]] = defaultdict(lambda: defaultdict(list))
        for kind in KINDS:
            for item in walk(getattr(self.plan, kind.doc), kind.pattern):
                found[kind.kind][item.value.id].append(Defined(kind.doc, (*item.path, "id")))
        return {k: dict(v) for k, v in found.items()}

    def ids(self, kind: str) -> dict[str, Defined]:
        """kind → id → its first definition (built once per kind; do not change it)."""
        return self._first_definitions[kind]

    @cached_property
    def _first_definitions(self) -> dict[str, dict[str, Defined]]:
        return defaultdict(
            dict,
            {
                kind: {ident: places[0] for ident, places in ids.items()}
                for kind, ids in self.definitions.items()
            },
        )
