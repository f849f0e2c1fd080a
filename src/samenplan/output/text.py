"""Readable text for people at a terminal: location, code, message, source line, hint."""

from collections.abc import Sequence
from pathlib import Path

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Location, Severity
from samenplan.safetext import terminal, valid_unicode

NOT_CHECKED = "De samenhang is nog niet gecontroleerd: los eerst de fouten hierboven op."

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def display_path(root: Path, file: str) -> str:
    """The path users can click: plan folder joined with the file, '/' separated.

    Valid Unicode even when the folder's name is not (those bytes show as U+FFFD).
    """
    return valid_unicode(file if str(root) in ("", ".") else f"{root.as_posix().rstrip('/')}/{file}")


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
        f"{_paint(terminal(display_path(result.loaded.root, loc.file)), '1', color)}"
        f":{loc.line}:{loc.col}: "
        f"{_paint(diag.code + ' ' + diag.severity.label, _COLORS[diag.severity], color)} "
        f"{terminal(diag.message)}"
    )
    lines = [head]
    source = result.loaded.sources.get(loc.file)
    if source is not None and 1 <= loc.line <= len(source.lines):
        text = source.lines[loc.line - 1].replace("\t", " ")
        gutter = f"{loc.line:>5} | "
        lines.append(gutter + terminal(text))
        # Under the character the column names, also when codes before it take more room.
        indent = len(terminal(text[: loc.col - 1])) if loc.col > 1 else 0
        lines.append(
            " " * (len(gutter) - 2) + "| " + " " * indent + _paint("^", _COLORS[diag.severity], color)
        )
    for rel in diag.related:
        lines.append(
            f"      zie ook {terminal(place(result.loaded.root, rel.location))}: {terminal(rel.message)}"
        )
    if diag.hint:
        lines.append(f"      tip: {terminal(diag.hint)}")
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
        return _paint(f"Geen problemen gevonden in {terminal(root.as_posix())}.", "32", color)
    files = len({d.location.file for d in result.diagnostics})
    counts = [
        _plural(result.count(Severity.ERROR), "fout", "fouten"),
        _plural(result.count(Severity.WARNING), "waarschuwing", "waarschuwingen"),
        _plural(result.count(Severity.INFO), "opmerking", "opmerkingen"),
    ]
    return f"{', '.join(counts)} in {_plural(files, 'bestand', 'bestanden')} van {terminal(root.as_posix())}."


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
