"""Wijzigingen: 'Wat is er veranderd sinds …', for `samenplan render --sinds REV`.

The lines are those of `samenplan diff` (diff/report.py), so the document and the merge
request say the same thing in the same words.
"""

from samenplan.diff.model import PlanDiff
from samenplan.diff.report import NOTHING, sections
from samenplan.diff.sides import START
from samenplan.document.blocks import Bullets, Paragraph
from samenplan.document.nodes import Chapter, Section, Text, note


def title(diff: PlanDiff) -> str:
    """'Wat is er veranderd sinds v1.0'."""
    return f"Wat is er veranderd sinds {diff.old.label}"


def chapter(diff: PlanDiff) -> Chapter:
    """The chapter with every change against the older version, grouped as in the diff."""
    old = diff.old
    name = f"aan {old.label}" if old.label == START else old.label
    version = f"{name} (commit {old.commit})" if old.commit else name
    intro = Text((Paragraph(f"Dit hoofdstuk vergelijkt dit plan met de versie {version}."),))
    found = sections(diff)
    parts = tuple(
        Section(s.title, (Text((Bullets(tuple(t for line in s.lines for t in line.flat())),)),))
        for s in found
    )
    return Chapter("wijzigingen", title(diff), (intro, *parts) if parts else (intro, note(NOTHING)))
