"""Controle: what `samenplan check` found, and how complete each step is."""

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.document.nodes import Cell, Chapter, Row, cell, field, fields, parts, section, table
from samenplan.plan.bundle import Plan
from samenplan.plan.completeness import missing_parts
from samenplan.plan.steps import STEPS


def counts(result: CheckResult) -> tuple[tuple[str, int], ...]:
    """Number of findings per severity, most severe first, with Dutch labels."""
    return (
        ("Fouten", result.count(Severity.ERROR)),
        ("Waarschuwingen", result.count(Severity.WARNING)),
        ("Opmerkingen", result.count(Severity.INFO)),
    )


def _finding(d: Diagnostic) -> Row:
    loc = d.location
    return Row(
        Cell(f"{loc.file}:{loc.line}:{loc.col}"),
        (Cell(d.code), Cell(d.severity.label), cell(d.message), cell(d.hint)),
    )


def _volledigheid(plan: Plan, scores: dict[int, int]) -> list[Row]:
    return [
        Row(
            Cell(f"Stap {doc.number} – {doc.title}"),
            (
                Cell(f"{scores.get(doc.number, 0)}%", numeric=True),
                Cell(", ".join(missing_parts(plan, doc.slug)) or "–"),
            ),
        )
        for doc in STEPS
    ]


def chapter(result: CheckResult, plan: Plan) -> Chapter:
    """The chapter with the check status and the completeness per step."""
    scores = result.completeness or {}
    return Chapter(
        "controle",
        "Controle en volledigheid",
        parts(
            fields(*(field(name, Cell(str(n), numeric=True)) for name, n in counts(result))),
            section(
                "Volledigheid per stap",
                table(
                    "Hoe volledig elke stap is ingevuld",
                    ("Stap", "Volledig", "Nog in te vullen"),
                    _volledigheid(plan, scores),
                    "",
                ),
            ),
            section(
                "Meldingen van samenplan check",
                table(
                    "Meldingen per plaats in het plan",
                    ("Plaats", "Code", "Ernst", "Melding", "Tip"),
                    [_finding(d) for d in result.diagnostics],
                    "samenplan check vond geen problemen.",
                ),
            ),
        ),
    )
