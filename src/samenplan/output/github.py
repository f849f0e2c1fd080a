"""GitHub Actions: workflow-command annotations on the lines, and a Markdown step summary."""

from collections.abc import Sequence

from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult
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
    diagnostics = [d for r in results for d in r.diagnostics]
    notice = limit_notice(diagnostics)
    lines = [f"::notice title=samenplan::{escape_data(notice)}"] if notice else []
    lines += [annotation(r, d) for r in results for d in r.diagnostics]
    lines += [summary(r) for r in results]
    if len(results) > 1:
        lines.append(total_line(results))
    if notice:
        lines.append(notice)
    return "\n".join(lines) + "\n"


def limit_notice(diagnostics: Sequence[Diagnostic]) -> str | None:
    """A Dutch sentence when GitHub cannot show every finding as an annotation, else None."""
    per_kind = dict.fromkeys(_COMMAND, 0)
    for diag in diagnostics:
        per_kind[diag.severity] += 1
    if max(per_kind.values()) <= ANNOTATIONS_PER_KIND and len(diagnostics) <= ANNOTATIONS_PER_JOB:
        return None
    counts = ", ".join(f"{n} {_KIND_NAMES[s][n != 1]}" for s, n in per_kind.items() if n)
    return (
        f"samenplan vond {len(diagnostics)} meldingen ({counts}). GitHub toont per stap hoogstens "
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
