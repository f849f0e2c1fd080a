"""GitHub Actions: workflow-command annotations on the lines, and a Markdown step summary."""

from collections.abc import Iterator, Mapping, Sequence

from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.output import PlansReport
from samenplan.output.spool import Spool
from samenplan.output.text import (
    NOT_CHECKED,
    Tally,
    counts_line,
    display_path,
    place,
    summary,
)
from samenplan.plan.steps import STEPS
from samenplan.safetext import markdown, terminal

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: GitHub shows at most this many annotations of one kind (error, warning, notice) per step,
#: and at most ANNOTATIONS_PER_JOB in all; the rest is dropped without a word.
ANNOTATIONS_PER_KIND = 10
ANNOTATIONS_PER_JOB = 50


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (after '::')."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value of a workflow command (file=..., title=...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: CheckResult) -> str:
    """One annotation per finding, then the summary lines for the job log."""
    return format_github_plans([result])


def format_github_plans(results: Sequence[CheckResult]) -> str:
    """Annotations of every plan, then each plan's summary; a total line for several plans.

    When GitHub would drop annotations, a notice comes first (so it is never the one dropped)
    and a line at the end says where all findings are.
    """
    return Plans(len(results)).collect(results)


class Plans(PlansReport):
    """format_github_plans a plan at a time.

    Whether the notice comes first is known only after the last plan, so the annotations
    wait in a spool; of each plan only its summary lines (a few) and its counts are kept.
    """

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.spool = Spool()
        self.summaries: list[str] = []
        self.tally = Tally()
        self.per_kind = dict.fromkeys(_COMMAND, 0)

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        for diag in result.diagnostics:
            self.spool.write(annotation(result, diag) + "\n")
            self.per_kind[diag.severity] += 1
        self.summaries.append(summary(result))
        self.tally.add(result)
        return iter(())

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        notice = limit_notice(self.per_kind)
        if notice:
            yield f"::notice title=samenplan::{escape_data(notice)}\n"
        yield from self.spool.chunks()
        lines = self.summaries + ([self.tally.line()] if self.count > 1 else [])
        if notice:
            lines.append(notice)
        yield "\n".join(lines) + "\n"


def limit_notice(per_kind: Mapping[Severity, int]) -> str | None:
    """A Dutch sentence when GitHub cannot show every finding as an annotation, else None.

    ``per_kind``: how many findings of each severity there are.
    """
    total = sum(per_kind.values())
    if max(per_kind.values()) <= ANNOTATIONS_PER_KIND and total <= ANNOTATIONS_PER_JOB:
        return None
    counts = ", ".join(f"{n} {_KIND_NAMES[s][n != 1]}" for s, n in per_kind.items() if n)
    return (
        f"samenplan vond {total} meldingen ({counts}). GitHub toont per stap hoogstens "
        f"{ANNOTATIONS_PER_KIND} fouten, {ANNOTATIONS_PER_KIND} waarschuwingen en "
        f"{ANNOTATIONS_PER_KIND} opmerkingen bij de regels, en {ANNOTATIONS_PER_JOB} per taak. "
        "Alle meldingen staan in de samenvatting van deze taak (Summary) en in de log van deze stap."
    )


_KIND_NAMES = {
    Severity.ERROR: ("fout", "fouten"),
    Severity.WARNING: ("waarschuwing", "waarschuwingen"),
    Severity.INFO: ("opmerking", "opmerkingen"),
}


def annotation(result: CheckResult, diag: Diagnostic) -> str:
    """The `::error file=...,line=...,col=...,title=...::message` line of one finding."""
    root, loc = result.loaded.root, diag.location
    entry = all_codes().get(diag.code)
    properties = {
        "file": terminal(display_path(root, loc.file)),
        "line": str(loc.line),
        "col": str(loc.col),
        "title": f"{diag.code} {entry.slug}" if entry is not None else diag.code,
    }
    body = [terminal(diag.message)]
    body += [f"zie ook {terminal(place(root, r.location))}: {terminal(r.message)}" for r in diag.related]
    if diag.hint:
        body.append(f"tip: {terminal(diag.hint)}")
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = escape_data("\n".join(body))
    return f"::{_COMMAND[diag.severity]} {props}::{message}"


def _cell(text: str) -> str:
    """Text that stays inside one Markdown table cell and shows as written: no links, no
    images, no mentions, no HTML (safetext.markdown escapes '|' and joins lines too)."""
    return markdown(text)


def step_summary(result: CheckResult) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: counts, a table of findings, completeness."""
    parts = [
        f"### samenplan check: {_cell(terminal(result.loaded.root.as_posix()))}",
        f"**{_cell(counts_line(result))}**",
    ]
    if result.diagnostics:
        parts.append(_findings_table(result))
    if not result.rules_ran:
        parts.append(_cell(NOT_CHECKED))
    if result.completeness is not None:
        parts.append(_completeness_table(result.completeness))
    return "\n\n".join(parts) + "\n\n"


def step_summary_plans(results: Sequence[CheckResult]) -> str:
    """The step summary of each plan; with several plans, headed by the total line."""
    return StepSummaryPlans(len(results)).collect(results)


class StepSummaryPlans(PlansReport):
    """step_summary_plans a plan at a time: each plan's Markdown waits in a spool, after the
    heading with the total line."""

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.spool = Spool()
        self.tally = Tally()

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        self.tally.add(result)
        self.spool.write(step_summary(result))
        return iter(())

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        if self.count > 1:
            yield f"## samenplan check: {self.count} plannen\n\n**{_cell(self.tally.line())}**\n\n"
        yield from self.spool.chunks()


def _findings_table(result: CheckResult) -> str:
    rows = ["| Ernst | Code | Plek | Melding | Tip |", "| --- | --- | --- | --- | --- |"]
    for d in result.diagnostics:
        place = f"{terminal(display_path(result.loaded.root, d.location.file))}:{d.location.line}"
        rows.append(
            f"| {d.severity.label} | {d.code} | {_cell(place)} | {_cell(d.message)} | {_cell(d.hint)} |"
        )
    return "\n".join(rows)


def _completeness_table(scores: dict[int, int]) -> str:
    rows = ["| Stap | | Volledig |", "| ---: | --- | ---: |"]
    rows += [f"| {s.number} | {_cell(s.title)} | {scores[s.number]}% |" for s in STEPS if s.number in scores]
    return "**Volledigheid per stap**\n\n" + "\n".join(rows)
