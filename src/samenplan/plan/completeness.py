"""Completeness per step: the share of what a step should hold that is really filled in."""

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from samenplan.plan.bundle import Plan
from samenplan.plan.placeholders import is_filled
from samenplan.plan.steps import STEPS
from samenplan.plan.vocab import Fase

# Per step slug: the parts a complete step holds, as (label, getter on the step model).
# A getter returns the content; it counts when is_filled() says so.
Part = tuple[str, Callable[[Any], object]]

PARTS: dict[str, tuple[Part, ...]] = {
    "urgentie": (
        ("aanleiding", lambda s: s.aanleiding),
        ("signalen", lambda s: s.signalen and [x.signaal for x in s.signalen]),
        ("gedeelde urgentie", lambda s: s.gedeelde_urgentie),
        ("doelgroepen", lambda s: [d.naam for d in s.doelgroepen]),
        ("bestaand beleid", lambda s: [b.naam for b in s.bestaand_beleid]),
    ),
    "samenwerking": (
        ("partners", lambda s: [p.naam for p in s.partners]),
        ("werkgroep", lambda s: [w.naam for w in s.werkgroep]),
        ("overleg", lambda s: [o.naam for o in s.overleg]),
        ("besluitvorming", lambda s: s.besluitvorming),
        ("participatie jongeren", lambda s: s.participatie.jongeren),
        ("participatie ouders", lambda s: s.participatie.ouders),
        ("geldstromen", lambda s: [g.naam for g in s.geldstromen]),
    ),
    "analyse": (
        ("bronnen", lambda s: [b.naam for b in s.bronnen]),
        ("bevindingen", lambda s: [b.tekst for b in s.bevindingen]),
        ("bestaand aanbod", lambda s: [a.naam for a in s.bestaand_aanbod]),
        ("witte vlekken", lambda s: s.witte_vlekken),
        ("duiding", lambda s: s.duiding),
    ),
    "resultaten": (
        ("resultaten", lambda s: [r.resultaat for r in s.resultaten]),
        ("indicatoren", lambda s: [i.naam for r in s.resultaten for i in r.indicatoren]),
        ("nulmetingen", lambda s: _all(i.nulmeting for r in s.resultaten for i in r.indicatoren)),
        ("streefwaarden", lambda s: _all(i.streefwaarde for r in s.resultaten for i in r.indicatoren)),
    ),
    "aanpak": (
        ("interventies", lambda s: [i.naam for i in s.interventies]),
        ("onderbouwing", lambda s: _all(i.onderbouwing or None for i in s.interventies)),
        ("trekkers", lambda s: _all(i.trekkers or None for i in s.interventies)),
        ("begroting", lambda s: [b for i in s.interventies for b in i.begroting]),
        ("samenhang", lambda s: s.samenhang),
    ),
    "meten_en_bijsturen": (
        ("metingen", lambda s: s.metingen),
        ("meet- en bijstuurmomenten", lambda s: s.momenten),
        ("bijsturing", lambda s: s.bijsturing),
        ("verantwoording", lambda s: s.verantwoording),
    ),
    "uitvoering": (
        ("planning", lambda s: s.planning),
        ("communicatie", lambda s: s.communicatie),
        ("risico's", lambda s: s.risicos),
        ("borging", lambda s: s.borging),
    ),
}


def _all(values: Any) -> object:
    items = list(values)
    return items if items and all(v is not None for v in items) else None


#: Parts that count from fase uitvoering on: what has happened, measured and spent.
UITGEVOERD: dict[str, Part] = {
    "uitvoering": ("voortgang", lambda s: s.voortgang),
    "resultaten": (
        "gemeten waarden",
        lambda s: [m for r in s.resultaten for i in r.indicatoren for m in i.metingen],
    ),
    "meten_en_bijsturen": ("besteed", lambda s: [b for v in s.verantwoording for b in v.besteed]),
}


def _parts(plan: Plan, slug: str) -> tuple[Part, ...]:
    """The parts of a step in this plan's fase: voortgang, gemeten waarden and besteed count
    from uitvoering on."""
    if slug in UITGEVOERD and plan.manifest.fase.rank >= Fase.UITVOERING.rank:
        return (*PARTS[slug], UITGEVOERD[slug])
    return PARTS[slug]


def part_labels(plan: Plan, slug: str) -> list[str]:
    """Labels of every part a step holds in this plan's fase, in order."""
    return [label for label, _ in _parts(plan, slug)]


def missing_parts(plan: Plan, slug: str) -> list[str]:
    """Labels of the parts of a step that are not filled in yet."""
    step: BaseModel = getattr(plan, slug)
    return [label for label, get in _parts(plan, slug) if not is_filled(get(step))]


def completeness(plan: Plan) -> dict[int, int]:
    """Step number → percentage (0–100) of its parts that are filled in."""
    scores = {}
    for doc in STEPS:
        total = len(_parts(plan, doc.slug))
        filled = total - len(missing_parts(plan, doc.slug))
        scores[doc.number] = round(100 * filled / total)
    return scores
