"""What every step chapter shares: its title and id from the step registry."""

from samenplan.document.nodes import Chapter, Part, parts
from samenplan.plan.steps import BY_SLUG

NIET_INGEVULD = "Nog niet ingevuld."


def step_chapter(slug: str, *items: Part | None) -> Chapter:
    """Chapter 'Stap N – <NJi title>' with id 'stap-N', holding the parts that are there."""
    doc = BY_SLUG[slug]
    return Chapter(f"stap-{doc.number}", f"Stap {doc.number} – {doc.title}", parts(*items))
