"""`samenplan status` as data: per step what is filled in and missing, and what to do next.

What a werkgroep chair reads before a meeting: parts of the plan, not rule codes. The parts
per step come from plan/completeness.py; the findings from the same check as `samenplan
check`, so status and check never disagree.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samenplan.check.run import CheckResult, check_plan
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.load.formaat import format_message
from samenplan.plan.bundle import Plan
from samenplan.plan.completeness import missing_parts, part_labels
from samenplan.plan.steps import MANIFEST, STEPS
from samenplan.plan.vocab import Fase

#: Raise when a key of `status --format json` is removed or changes meaning.
FORMAT_VERSION = 1

#: How many next things status names.
NEXT = 3

#: Per fase: the parts that matter first, as (step number, part label), before step order.
PRIORITY: dict[Fase, tuple[tuple[int, str], ...]] = {
    Fase.CONCEPT: (),
    Fase.BESLUIT: (
        (2, "werkgroep"),
        (2, "besluitvorming"),
        (7, "risico's"),
        (6, "bijsturing"),
        (2, "geldstromen"),
        (6, "verantwoording"),
        (4, "streefwaarden"),
    ),
    Fase.UITVOERING: (
        (7, "voortgang"),
        (6, "meet- en bijstuurmomenten"),
        (6, "bijsturing"),
        (7, "risico's"),
        (7, "borging"),
    ),
    Fase.EVALUATIE: (
        (7, "voortgang"),
        (6, "meet- en bijstuurmomenten"),
        (7, "borging"),
    ),
}

#: What to do once everything is filled in and check finds nothing, per fase.
DONE: dict[Fase, str] = {
    Fase.CONCEPT: "Alles is ingevuld. Bespreek het plan met de partners en zet in samenplan.yaml "
    "'fase: besluit' als het klaar is voor besluitvorming.",
    Fase.BESLUIT: "Alles is ingevuld. Maak het document voor college, raad en besturen met "
    "'samenplan render'.",
    Fase.UITVOERING: "Houd de voortgang per interventie bij in 07-uitvoering.yaml en bespreek "
    "die op het volgende bijstuurmoment.",
    Fase.EVALUATIE: "Schrijf op wat het plan heeft opgeleverd en wat doorgaat na het einde van "
    "het geld (borging in 07-uitvoering.yaml).",
}


@dataclass(frozen=True)
class StepStatus:
    """One step: its parts that are filled in and those still missing."""

    number: int
    title: str
    file: str
    percent: int
    filled: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class PlanStatus:
    """The state of one plan folder."""

    root: Path
    titel: str | None  # None when the plan did not load
    fase: Fase | None
    steps: tuple[StepStatus, ...]  # empty when the plan did not load
    counts: dict[Severity, int]
    next: tuple[str, ...]

    @property
    def score(self) -> int | None:
        """The plan's completeness: the mean of its step percentages; None when not loaded."""
        if not self.steps:
            return None
        return round(sum(s.percent for s in self.steps) / len(self.steps))


def plan_status(root: Path) -> PlanStatus:
    """The status of the plan folder ``root``; raises load.planfolder.NotAPlan for a wrong folder."""
    result = check_plan(root)
    counts = {s: result.count(s) for s in Severity}
    plan = result.loaded.plan
    if result.loaded.formaat is not None:
        return PlanStatus(root, None, None, (), counts, (format_message(result.loaded.formaat, root),))
    if plan is None:
        errors = result.count(Severity.ERROR)
        return PlanStatus(
            root,
            None,
            None,
            (),
            counts,
            (
                f"Het plan kan nog niet gelezen worden ({errors} "
                f"{'fout' if errors == 1 else 'fouten'} in de bestanden). Los die eerst op; "
                "'samenplan check' zegt waar.",
            ),
        )
    steps = tuple(_step(plan, doc.number, doc.slug, doc.title, doc.file) for doc in STEPS)
    return PlanStatus(
        root, plan.manifest.titel, plan.manifest.fase, steps, counts, _next(plan, steps, result)
    )


def _step(plan: Plan, number: int, slug: str, title: str, file: str) -> StepStatus:
    labels = part_labels(plan, slug)
    missing = missing_parts(plan, slug)
    filled = tuple(label for label in labels if label not in missing)
    return StepStatus(number, title, file, round(100 * len(filled) / len(labels)), filled, tuple(missing))


def _next(plan: Plan, steps: tuple[StepStatus, ...], result: CheckResult) -> tuple[str, ...]:
    """The three next things for the plan's fase.

    A concept fills in its steps in order. From besluit on, the parts the fase needs come
    first, then the errors of check, then the other missing parts, then the warnings.
    """
    fase = plan.manifest.fase
    missing = [(s.number, part) for s in steps for part in s.missing]
    first = [p for p in PRIORITY[fase] if p in missing]
    rest = [p for p in missing if p not in first]
    findings = _heaviest(result)
    errors = [_solve(d) for d in findings if d.severity is Severity.ERROR]
    warnings = [_solve(d) for d in findings if d.severity is not Severity.ERROR]
    parts_first = [_fill(steps, n, part) for n, part in first]
    parts_rest = [_fill(steps, n, part) for n, part in rest]
    if fase is Fase.CONCEPT:
        # From besluit on, an unknown periode is an error of check (SP608), listed with the
        # errors; a concept may leave it open, but it comes first: the regelingen follow from it.
        todo = [*_periode(plan), *parts_first, *parts_rest, *errors, *warnings]
    else:
        todo = [*parts_first, *errors, *parts_rest, *warnings]
    return tuple(todo[:NEXT]) or (DONE[fase],)


def _periode(plan: Plan) -> list[str]:
    """What to do about the plan's own periode when it is missing or (partly) onbekend."""
    periode = plan.manifest.periode
    if periode is not None and periode.van.bekend and periode.tot.bekend:
        return []
    return [
        f"{MANIFEST.title} ({MANIFEST.file}): vul de periode in, van wanneer tot wanneer het plan "
        "loopt. Een maand, jaar of schooljaar mag ook."
    ]


def _fill(steps: tuple[StepStatus, ...], number: int, part: str) -> str:
    step = next(s for s in steps if s.number == number)
    return f"Stap {number} ({step.file}): vul {part} in."


def _heaviest(result: CheckResult) -> list[Diagnostic]:
    """Errors and warnings of check, heaviest first (severity, then weight)."""
    found = [d for d in result.diagnostics if d.severity is not Severity.INFO]
    return sorted(found, key=lambda d: (-d.severity.rank, -d.weight, d.sort_key))


def _solve(diag: Diagnostic) -> str:
    loc = diag.location
    return f"Los op ({loc.file}, regel {loc.line}): {diag.message}"


# --- presentation as text and as JSON data (the CLI prints them) --------------------------


def status_text(status: PlanStatus) -> str:
    """The status in plain Dutch, for a terminal or a meeting."""
    root = status.root.as_posix()
    if status.titel is None or status.fase is None:
        return "\n".join([f"Status van {root}", "", *status.next]) + "\n"
    lines = [
        f"{status.titel} ({root}), fase {status.fase.value}",
        f"Volledigheid: {status.score}%",
        "",
    ]
    for step in status.steps:
        lines.append(f"Stap {step.number}: {step.title} ({step.percent}%)")
        if step.filled:
            lines.append(f"  ingevuld: {', '.join(step.filled)}")
        if step.missing:
            lines.append(f"  nog niet: {', '.join(step.missing)}")
    lines += ["", _counts(status), "", "Wat nu?"]
    lines += [f"  {n}. {item}" for n, item in enumerate(status.next, start=1)]
    return "\n".join(lines) + "\n"


def _counts(status: PlanStatus) -> str:
    if not any(status.counts.values()):
        return "samenplan check vindt geen problemen."
    counts = ", ".join(s.counted(status.counts[s]) for s in Severity)
    return f"samenplan check vindt {counts}."


def status_data(status: PlanStatus) -> dict[str, Any]:
    """The status as plain data for `--format json`, keys in a fixed order."""
    return {
        "version": FORMAT_VERSION,
        "plan": status.root.as_posix(),
        "title": status.titel,
        "phase": status.fase.value if status.fase else None,
        "completeness": status.score,
        "steps": [
            {
                "step": s.number,
                "title": s.title,
                "file": s.file,
                "percent": s.percent,
                "filled": list(s.filled),
                "missing": list(s.missing),
            }
            for s in status.steps
        ],
        "counts": {s.value: status.counts[s] for s in Severity},
        "next": list(status.next),
    }
