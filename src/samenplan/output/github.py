"""GitHub Actions: workflow-command annotations on the lines, and a Markdown step summary."""

from collections.abc import Sequence

from samenplan.check.run import CheckResult
from samenplan.codes import REGISTRY
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.output.text import (
    NOT_CHECKED,
    counts_line,
    display_path,
    place,
    summary,
    total_line,
)
from samenplan.plan.steps import STEPS
from samenplan.safetext import markdown, terminal

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (after '::')."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value of a workflow command (file=..., title=...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: CheckResult) -> str:
    """One annotation per finding, then the summary lines for the job log."""
    lines = [annotation(result, d) for d in result.diagnostics]
    return "\n".join([*lines, summary(result)]) + "\n"


def format_github_plans(results: Sequence[CheckResult]) -> str:
    """Annotations of every plan, then each plan's summary; a total line for several plans."""
    lines = [annotation(r, d) for r in results for d in r.diagnostics]
    lines += [summary(r) for r in results]
    if len(results) > 1:
        lines.append(total_line(results))
    return "\n".join(lines) + "\n"


def annotation(result: CheckResult, diag: Diagnostic) -> str:
    """The `::error file=...,line=...,col=...,title=...::message` line of one finding."""
    root, loc = result.loaded.root, diag.location
    entry = REGISTRY.get(diag.code)
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
    parts = [step_summary(r) for r in results]
    if len(results) > 1:
        parts.insert(0, f"## samenplan check: {len(results)} plannen\n\n**{_cell(total_line(results))}**\n\n")
    return "".join(parts)


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
