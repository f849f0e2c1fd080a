"""Readable text for people at a terminal: location, code, message, source line, hint."""

from collections.abc import Sequence
from pathlib import Path

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Location, Severity
from samenplan.plan.steps import DOCUMENTS

NOT_CHECKED = "De samenhang is nog niet gecontroleerd: los eerst de fouten hierboven op."

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def display_path(root: Path, file: str) -> str:
    """The path users can click: plan folder joined with the file, '/' separated."""
    return file if str(root) in ("", ".") else f"{root.as_posix().rstrip('/')}/{file}"


def place(root: Path, loc: Location) -> str:
    """'folder/file.yaml:line:col', the form editors and terminals turn into a link."""
    return f"{display_path(root, loc.file)}:{loc.line}:{loc.col}"


def format_text(result: CheckResult, *, color: bool = False) -> str:
    """All findings as text blocks, then a summary line."""
    blocks = [_block(result, d, color) for d in result.diagnostics]
    return "\n\n".join([*blocks, summary(result, color=color)]) + "\n"


def format_text_plans(results: Sequence[CheckResult], *, color: bool = False) -> str:
    """Each plan as format_text gives it; with several plans, a total line at the end."""
    parts = [format_text(result, color=color) for result in results]
    if len(results) > 1:
        parts.append(total_line(results, color=color) + "\n")
    return "\n".join(parts)


def _block(result: CheckResult, diag: Diagnostic, color: bool) -> str:
    loc = diag.location
    head = (
        f"{_paint(display_path(result.loaded.root, loc.file), '1', color)}"
        f":{loc.line}:{loc.col}: "
        f"{_paint(diag.code + ' ' + diag.severity.label, _COLORS[diag.severity], color)} "
        f"{diag.message}"
    )
    lines = [head]
    source = result.loaded.sources.get(loc.file)
    if source is not None and 1 <= loc.line <= len(source.lines):
        text = source.lines[loc.line - 1].replace("\t", " ")
        gutter = f"{loc.line:>5} | "
        lines.append(gutter + text)
        lines.append(
            " " * (len(gutter) - 2) + "| " + " " * (loc.col - 1) + _paint("^", _COLORS[diag.severity], color)
        )
    for rel in diag.related:
        lines.append(
            f"      zie ook {display_path(result.loaded.root, rel.location.file)}"
            f":{rel.location.line}:{rel.location.col}: {rel.message}"
        )
    if diag.hint:
        lines.append(f"      tip: {diag.hint}")
    return "\n".join(lines)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(result: CheckResult, *, color: bool = False) -> str:
    """Counts of findings, completeness per step, and whether the rules ran."""
    lines = [counts_line(result, color=color)]
    scores = result.completeness
    if scores is not None:
        lines.append("Volledigheid per stap: " + " · ".join(f"{n}: {pct}%" for n, pct in scores.items()))
    if not result.rules_ran:
        lines.append(NOT_CHECKED)
    return "\n".join(lines)


def counts_line(result: CheckResult, *, color: bool = False) -> str:
    """One sentence: how many errors, warnings and remarks in how many files."""
    root = result.loaded.root
    if not result.diagnostics:
        return _paint(f"Geen problemen gevonden in {root.as_posix()}.", "32", color)
    files = {d.location.file for d in result.diagnostics}
    counts = [
        _plural(result.count(Severity.ERROR), "fout", "fouten"),
        _plural(result.count(Severity.WARNING), "waarschuwing", "waarschuwingen"),
        _plural(result.count(Severity.INFO), "opmerking", "opmerkingen"),
    ]
    total = len(files | {d.file for d in DOCUMENTS})  # "1 van de 8": not the plan's only file
    return f"{', '.join(counts)} in {len(files)} van de {total} bestanden van {_plan_name(root)}."


def _plan_name(root: Path) -> str:
    """The plan folder as typed, or its own name when that is '.' or '..' (never "van ..")."""
    shown = root.as_posix()
    return (root.resolve().name or shown) if set(shown) <= {".", "/"} else shown


def total_line(results: Sequence[CheckResult], *, color: bool = False) -> str:
    """One sentence over several plans: how many have errors, warnings, or neither."""
    errors = sum(1 for r in results if r.count(Severity.ERROR))
    warnings = sum(1 for r in results if r.count(Severity.WARNING) and not r.count(Severity.ERROR))
    rest = len(results) - errors - warnings
    line = (
        f"{_plural(len(results), 'plan', 'plannen')} gecontroleerd: {errors} met fouten, "
        f"{warnings} met alleen waarschuwingen, {rest} zonder fouten of waarschuwingen."
    )
    return _paint(line, "1", color)
