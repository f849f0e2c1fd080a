"""Ids to names: the report shows what a werkgroep wrote as a name, not the id behind it.

The first definition of an id wins (a plan with duplicate ids can still be rendered with
--force); an id that is not defined anywhere shows as itself.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from samenplan.dutch import shorten
from samenplan.plan.bundle import Plan
from samenplan.plan.idkinds import KINDS, walk
from samenplan.plan.models.resultaten import Resultaat

#: A resultaat's name is at most this long, wherever it appears.
RESULTAAT_NAME_LIMIT = 120


def resultaat_name(r: Resultaat) -> str:
    """The one name of a resultaat in every part of the document: its ambitie, or else its text."""
    return shorten(r.ambitie if r.ambitie.strip() else r.resultaat, RESULTAAT_NAME_LIMIT)


def _first(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, name in pairs:
        found.setdefault(key, name)
    return found


@dataclass(frozen=True)
class Lookup:
    """Names by id, per kind (the id kinds of the format, and 'regeling')."""

    by_kind: dict[str, dict[str, str]] = field(default_factory=dict)

    def name(self, kind: str, ident: str | None) -> str:
        """The name of ``ident`` of ``kind``; the id itself when unknown; '' for None."""
        if ident is None:
            return ""
        return self.by_kind.get(kind, {}).get(ident, ident)

    def names(self, kind: str, idents: Iterable[str]) -> tuple[str, ...]:
        """Names of several ids, in the order given."""
        return tuple(self.name(kind, i) for i in idents)


def lookup(plan: Plan) -> Lookup:
    """Index the names of everything a plan refers to by id."""
    names = {
        kind.kind: _first(
            (m.value.id, kind.name_of(m.value)) for m in walk(getattr(plan, kind.doc), kind.pattern)
        )
        for kind in KINDS
    }
    names["resultaat"] = _first((r.id, resultaat_name(r)) for r in plan.resultaten.resultaten)
    names["regeling"] = _first((r.id, r.korte_naam or r.naam) for r in plan.regelingen.values())
    return Lookup(names)


def bestedingsdoel_name(plan: Plan, regeling: str | None, doel: str | None) -> str:
    """Name of bestedingsdoel ``doel`` of ``regeling``; the id when either is unknown."""
    if doel is None:
        return "nog niet gekozen"
    found = plan.regelingen.get(regeling or "")
    names = {d.id: d.naam for d in found.bestedingsdoelen} if found else {}
    return names.get(doel, doel)
