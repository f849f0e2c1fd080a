"""'Over dit plan': the frames the plan belongs to, its history, what follows, related projects.

Shown in the samenvatting; each line only when the plan says it, the section not at all when
samenplan.yaml has none of kader, vastgesteld_op, wijzigingen, vervolg and gerelateerd.
"""

from samenplan.document.links import safe_url
from samenplan.document.nodes import (
    Cell,
    Row,
    Section,
    cell,
    field,
    fields,
    flat,
    money,
    parts,
    section,
    table,
)
from samenplan.dutch import datum
from samenplan.plan.bundle import Plan
from samenplan.plan.models.manifest import Gerelateerd, Kader

TITLE = "Over dit plan"
#: An amount the plan does not give is unknown, never € 0.
ONBEKEND = "onbekend"


def _kader(k: Kader) -> Cell:
    url = safe_url(k.link)
    if url or not k.link.strip():
        return Cell(flat(k.naam), href=url)
    return Cell(f"{flat(k.naam)} ({flat(k.link)})")  # a vindplaats, not a web address


def _budget(g: Gerelateerd) -> Cell:
    return money(g.budget) if g.budget is not None else Cell(ONBEKEND, numeric=True)


def section_over_plan(plan: Plan) -> Section | None:
    """The section, or None when the plan says nothing about its frames and history."""
    m = plan.manifest
    facts = fields(
        *(field("Dit plan hoort bij", _kader(k)) for k in m.kader),
        field("Vastgesteld op", datum(m.vastgesteld_op) if m.vastgesteld_op else ""),
        *(field(f"Gewijzigd op {datum(w.datum)}", w.wat) for w in m.wijzigingen),  # as the plan has them
        field("Vervolg", m.vervolg),
    )
    related = (
        table(
            "Samenhangende projecten met een eigen budget, buiten dit plan",
            ("Project", "Eigen budget", "Samenhang met dit plan"),
            [Row(cell(g.naam), (_budget(g), cell(g.toelichting))) for g in m.gerelateerd],
            "",
        )
        if m.gerelateerd
        else None
    )
    return section(TITLE, *parts(facts, related))
