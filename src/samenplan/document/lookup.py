"""Ids to names: the report shows what a werkgroep wrote as a name, not the id behind it.

The first definition of an id wins (a plan with duplicate ids can still be rendered with
--force); an id that is not defined anywhere shows as itself.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from samenplan.document.mermaid import shorten
from samenplan.plan.bundle import Plan
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
    """Names by id, per kind."""

    partner: dict[str, str] = field(default_factory=dict)
    doelgroep: dict[str, str] = field(default_factory=dict)
    bron: dict[str, str] = field(default_factory=dict)
    resultaat: dict[str, str] = field(default_factory=dict)
    indicator: dict[str, str] = field(default_factory=dict)
    interventie: dict[str, str] = field(default_factory=dict)
    geldstroom: dict[str, str] = field(default_factory=dict)
    reservering: dict[str, str] = field(default_factory=dict)
    regeling: dict[str, str] = field(default_factory=dict)

    def name(self, kind: str, ident: str | None) -> str:
        """The name of ``ident`` of ``kind``; the id itself when unknown; '' for None."""
        if ident is None:
            return ""
        names: dict[str, str] = getattr(self, kind)
        return names.get(ident, ident)

    def names(self, kind: str, idents: Iterable[str]) -> tuple[str, ...]:
        """Names of several ids, in the order given."""
        return tuple(self.name(kind, i) for i in idents)


def lookup(plan: Plan) -> Lookup:
    """Index the names of everything a plan refers to by id."""
    return Lookup(
        partner=_first((p.id, p.naam) for p in plan.samenwerking.partners),
        doelgroep=_first((d.id, d.naam) for d in plan.urgentie.doelgroepen),
        bron=_first((b.id, b.naam) for b in plan.analyse.bronnen),
        resultaat=_first((r.id, resultaat_name(r)) for r in plan.resultaten.resultaten),
        indicator=_first((i.id, i.naam) for r in plan.resultaten.resultaten for i in r.indicatoren),
        interventie=_first((i.id, i.naam) for i in plan.aanpak.interventies),
        geldstroom=_first((g.id, g.naam) for g in plan.samenwerking.geldstromen),
        reservering=_first((r.id, r.thema) for g in plan.samenwerking.geldstromen for r in g.reserveringen),
        regeling=_first((r.id, r.korte_naam or r.naam) for r in plan.regelingen.values()),
    )


def bestedingsdoel_name(plan: Plan, regeling: str | None, doel: str | None) -> str:
    """Name of bestedingsdoel ``doel`` of ``regeling``; the id when either is unknown."""
    if doel is None:
        return "nog niet gekozen"
    found = plan.regelingen.get(regeling or "")
    names = {d.id: d.naam for d in found.bestedingsdoelen} if found else {}
    return names.get(doel, doel)
