"""Controle: what `samenplan check` found, and how complete each step is.

Two audiences: the decision document (college, raad, schoolbesturen) gets the status as a short
paragraph in plain words; the werkversie for the werkgroep gets every finding with its place in
the plan and the tip how to fix it.
"""

from collections import Counter

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.document.blocks import Bullets, Paragraph
from samenplan.document.nodes import Cell, Chapter, Row, Text, cell, field, fields, parts, section, table
from samenplan.plan.bundle import Plan
from samenplan.plan.completeness import missing_parts
from samenplan.plan.steps import BY_FILE, STEPS

#: Chapter titles per audience; the banner names the one the document has.
TITLE_WERKVERSIE = "Controle en volledigheid"
TITLE = "Stand van het plan"


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
                Cell(", ".join(missing_parts(plan, doc.slug)) or "niets"),
            ),
        )
        for doc in STEPS
    ]


def _phrase(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _where(d: Diagnostic) -> tuple[int, str]:
    """The step a finding is in, in words, and its number to sort by (0: the plan as a whole)."""
    doc = BY_FILE.get(d.location.file)
    if doc is None or doc.number == 0:
        return 0, "het plan als geheel"
    return doc.number, f"stap {doc.number} ({doc.title})"


def status_text(result: CheckResult) -> str:
    """'3 punten zijn nog open: 1 fout en 2 waarschuwingen.' or that there are none."""
    n = len(result.diagnostics)
    if n == 0:
        return "samenplan check vond geen open punten in dit plan."
    kinds = [
        f"{count} {word if count == 1 else plural}"
        for count, word, plural in (
            (result.count(Severity.ERROR), "fout", "fouten"),
            (result.count(Severity.WARNING), "waarschuwing", "waarschuwingen"),
            (result.count(Severity.INFO), "opmerking", "opmerkingen"),
        )
        if count
    ]
    head = "1 punt is nog open" if n == 1 else f"{n} punten zijn nog open"
    return f"{head}: {_phrase(kinds)}."


def _plain(result: CheckResult, plan: Plan) -> Text:
    blocks: list[Paragraph | Bullets] = [Paragraph(status_text(result))]
    if result.diagnostics:
        where = Counter(_where(d) for d in result.diagnostics)
        blocks.append(Paragraph("Waar ze staan:"))
        blocks.append(Bullets(tuple(f"{place}: {n}" for (_, place), n in sorted(where.items()))))
        blocks.append(
            Paragraph(
                "De werkgroep werkt deze punten bij. De werkversie van dit document noemt elk punt "
                "met de plaats in het plan."
            )
        )
    scores = result.completeness or {}
    open_steps = [
        f"stap {doc.number} ({scores.get(doc.number, 0)}%)"
        for doc in STEPS
        if scores.get(doc.number, 0) < 100
    ]
    blocks.append(
        Paragraph(
            f"Nog niet helemaal ingevuld: {_phrase(open_steps)}."
            if open_steps
            else "Alle zeven stappen zijn helemaal ingevuld."
        )
    )
    return Text(tuple(blocks))


def chapter(result: CheckResult, plan: Plan) -> Chapter:
    """The status of the plan in plain words, for the college, the raad and the schoolbesturen."""
    return Chapter("controle", TITLE, (_plain(result, plan),))


def werkversie_chapter(result: CheckResult, plan: Plan) -> Chapter:
    """The chapter with every finding and the completeness per step, for the werkgroep."""
    scores = result.completeness or {}
    return Chapter(
        "controle",
        TITLE_WERKVERSIE,
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
