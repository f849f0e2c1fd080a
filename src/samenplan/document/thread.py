"""The rode draad: bevinding → resultaat → interventie → indicator → meting, per resultaat."""

from dataclasses import dataclass
from typing import ClassVar

from samenplan.dutch import measure
from samenplan.plan.bundle import Plan
from samenplan.plan.lookup import Lookup, resultaat_name
from samenplan.plan.models.resultaten import Indicator


@dataclass(frozen=True)
class Draad:
    """One resultaat with everything that leads to it and follows from it."""

    resultaat: str
    bevindingen: tuple[str, ...]
    interventies: tuple[str, ...]
    indicatoren: tuple[str, ...]  # 'name: nulmeting → streefwaarde'
    metingen: tuple[str, ...]  # per indicator: how it is measured, or that it is not


@dataclass(frozen=True)
class FlowNode:
    """A box in the rode-draad diagram."""

    id: str  # generated: n1, n2, … (never plan text)
    group: str
    label: str


@dataclass(frozen=True)
class Flow:
    """The rode draad as a graph, for a diagram next to the table."""

    groups: tuple[str, ...]
    nodes: tuple[FlowNode, ...]
    edges: tuple[tuple[str, str], ...]
    kind: ClassVar[str] = "flow"


def _first_text(text: str) -> str:
    return " ".join(text.split())


def _indicator(plan: Plan, ind: Indicator, lk: Lookup) -> tuple[str, str]:
    nul = measure(ind.nulmeting.waarde, ind.eenheid) if ind.nulmeting else "?"
    doel = measure(ind.streefwaarde.waarde, ind.eenheid) if ind.streefwaarde else "?"
    return f"{ind.naam}: {nul} → {doel}", _meting(plan, ind.id, ind.naam, lk)


def _meting(plan: Plan, ind_id: str, naam: str, lk: Lookup) -> str:
    found = [m for m in plan.meten_en_bijsturen.metingen if m.indicator == ind_id]
    if not found:
        return f"{naam}: nog geen meting"
    m = found[0]
    how = ", ".join(x for x in (m.frequentie, lk.name("partner", m.wie)) if x)
    return f"{naam}: {how or 'meting afgesproken'}"


def draden(plan: Plan, lk: Lookup) -> tuple[Draad, ...]:
    """One row per resultaat, in plan order."""
    texts = {b.id: _first_text(b.tekst) for b in plan.analyse.bevindingen}
    rows = []
    for r in plan.resultaten.resultaten:
        pairs = [_indicator(plan, i, lk) for i in r.indicatoren]
        rows.append(
            Draad(
                resultaat=resultaat_name(r),
                bevindingen=tuple(texts.get(b, b) for b in r.bevindingen),
                interventies=tuple(iv.naam for iv in plan.aanpak.interventies if r.id in iv.resultaten),
                indicatoren=tuple(p[0] for p in pairs),
                metingen=tuple(p[1] for p in pairs),
            )
        )
    return tuple(rows)


def geparkeerd(plan: Plan) -> tuple[tuple[str, str], ...]:
    """Bevindingen no resultaat answers: text and the reason given (may be '')."""
    used = {b for r in plan.resultaten.resultaten for b in r.bevindingen}
    return tuple(
        (_first_text(b.tekst), _first_text(b.geparkeerd))
        for b in plan.analyse.bevindingen
        if b.id not in used
    )


def zonder_resultaat(plan: Plan) -> tuple[str, ...]:
    """Interventies that serve no resultaat of the plan."""
    known = {r.id for r in plan.resultaten.resultaten}
    return tuple(iv.naam for iv in plan.aanpak.interventies if not known & set(iv.resultaten))


def flow(plan: Plan) -> Flow:
    """Bevindingen → resultaten → interventies, and resultaten → indicatoren, as a graph."""
    nodes: dict[tuple[str, str], FlowNode] = {}

    def node(group: str, key: str, label: str) -> str:
        if (group, key) not in nodes:
            nodes[(group, key)] = FlowNode(f"n{len(nodes) + 1}", group, label)
        return nodes[(group, key)].id

    edges: list[tuple[str, str]] = []
    texts = {b.id: b.tekst for b in plan.analyse.bevindingen}
    for r in plan.resultaten.resultaten:
        res = node("Resultaten", r.id, resultaat_name(r))
        edges += [(node("Bevindingen", b, texts.get(b, b)), res) for b in r.bevindingen]
        edges += [
            (res, node("Interventies", iv.id, iv.naam))
            for iv in plan.aanpak.interventies
            if r.id in iv.resultaten
        ]
        edges += [(res, node("Indicatoren", i.id, i.naam)) for i in r.indicatoren]
    groups = tuple(
        g
        for g in ("Bevindingen", "Resultaten", "Interventies", "Indicatoren")
        if any(n.group == g for n in nodes.values())
    )
    ordered = sorted(nodes.values(), key=lambda n: (groups.index(n.group), int(n.id[1:])))
    return Flow(groups, tuple(ordered), tuple(dict.fromkeys(edges)))
