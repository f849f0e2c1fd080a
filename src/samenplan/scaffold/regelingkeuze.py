"""Which regelingen `init` offers for a plan's periode: open ones first, ended ones warned about."""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from samenplan.plan.catalog import load_catalog, periode_melding, voor_periode
from samenplan.plan.catalogtext import kort
from samenplan.plan.models.regeling import Regeling
from samenplan.scaffold.answers import AnswerError
from samenplan.suggest import did_you_mean


def aanbod(van: date, tot: date) -> tuple[list[Regeling], list[Regeling]]:
    """Catalog regelingen open for van–tot, and the others (later ones, then ended ones)."""
    return voor_periode(load_catalog(), van, tot)


def _regel(nummer: int, r: Regeling, breedte: int) -> str:
    p = f" ({kort(r.periode.van)} t/m {kort(r.periode.tot)})" if r.periode else ""
    return f"  {nummer:>2}. {r.id.ljust(breedte)}  {r.label}{p}"


def keuzelijst(van: date, tot: date) -> str:
    """The numbered list the interactive `init` shows before asking for regelingen."""
    open_, rest = aanbod(van, tot)
    breedte = max(len(r.id) for r in [*open_, *rest])
    lines = ["Regelingen die lopen in de looptijd van het plan:"]
    lines += [_regel(n, r, breedte) for n, r in enumerate(open_, 1)] or ["  (geen)"]
    if rest:
        lines.append("Niet in de looptijd van het plan (afgelopen of nog niet begonnen):")
        lines += [_regel(n, r, breedte) for n, r in enumerate(rest, len(open_) + 1)]
    lines.append("Meer over een regeling: samenplan regelingen ID")
    return "\n".join(lines)


def kies(answer: str, van: date, tot: date) -> list[str]:
    """Regeling ids from an answer with numbers of :func:`keuzelijst` or ids, comma separated.

    Raises AnswerError (Dutch) for a number or id that is not in the list.
    """
    open_, rest = aanbod(van, tot)
    lijst = [*open_, *rest]
    ids = [r.id for r in lijst]
    chosen: list[str] = []
    for token in (t for t in re.split(r"[,\s]+", answer.strip()) if t):
        if token.isdigit():
            if not 1 <= int(token) <= len(lijst):
                raise AnswerError(
                    f"'{token}' staat niet in de lijst; kies een nummer van 1 tot en met {len(lijst)}."
                )
            token = lijst[int(token) - 1].id
        elif token not in ids:
            hint = did_you_mean(token, ids) or "Kies een nummer of een id uit de lijst."
            raise AnswerError(f"'{token}' is geen bekende regeling. {hint}")
        if token not in chosen:
            chosen.append(token)
    return chosen


def meldingen(ids: list[str], van: date, tot: date) -> list[str]:
    """A warning for every chosen regeling whose spending term does not cover van–tot."""
    catalog = load_catalog()
    found = (periode_melding(catalog[i], van, tot) for i in dict.fromkeys(ids) if i in catalog)
    return [m for m in found if m]


@dataclass(frozen=True)
class Voorbeeld:
    """The geldstroom the templates show as an example: from a regeling open for the periode."""

    id: str
    naam: str
    regeling: str
    doelen: tuple[str, ...]


def voorbeeld(van: date, tot: date) -> Voorbeeld:
    """An example geldstroom of the first regeling open for van–tot, else of an own regeling."""
    open_, _ = aanbod(van, tot)
    if not open_:
        return Voorbeeld("eigen-budget", "Eigen budget jeugd", "eigen_budget", ("activiteiten",))
    r = open_[0]
    return Voorbeeld(r.id.replace("_", "-"), r.label, r.id, tuple(d.id for d in r.bestedingsdoelen[:2]))


def template_globals() -> dict[str, Any]:
    """What the plan templates may call: the offer for a periode and the warning per regeling."""

    def melding(ident: str, van: date, tot: date) -> str:
        regeling = load_catalog().get(ident)
        return (periode_melding(regeling, van, tot) or "") if regeling else ""

    return {
        "regelingen_aanbod": aanbod,
        "regeling_melding": melding,
        "kort": kort,
        "voorbeeld_geld": voorbeeld,
    }
