"""Readable text for people at a terminal: location, code, message, source line, hint."""

from collections.abc import Sequence
from pathlib import Path

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Location, Severity, Weight

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


#: How many points the opening of the report names at most.
TOP_POINTS = 3
TOP_TITLE = "Het belangrijkste eerst:"
DETAILS_TITLE = "Alle meldingen, per bestand:"


def format_text(result: CheckResult, *, color: bool = False) -> str:
    """The most important points, then all findings as text blocks, then a summary line."""
    blocks = [_block(result, d, color) for d in result.diagnostics]
    opening = top_points(result)
    head = []
    if opening:
        head = [
            "\n".join([_paint(TOP_TITLE, "1", color), *opening]),
            _paint(DETAILS_TITLE, "1", color),
        ]
    return "\n\n".join([*head, *blocks, summary(result, color=color)]) + "\n"


def top_points(result: CheckResult) -> list[str]:
    """The few heaviest points in plain Dutch, one line each; none for fewer than two findings.

    Findings of one code form one point. Points are ordered by severity, then weight (the
    whole plan before a part before one place), then how often the code fires.
    """
    shown = [d for d in result.diagnostics if d.severity is not Severity.INFO]
    if len(result.diagnostics) < 2 or not shown:
        return []
    groups: dict[str, list[Diagnostic]] = {}
    for d in shown:
        groups.setdefault(d.code, []).append(d)
    ranked = sorted(
        groups.values(),
        key=lambda ds: (
            -max(d.severity.rank for d in ds),
            -max(d.weight for d in ds),
            -len(ds),
            ds[0].sort_key,
        ),
    )
    return [_point(result, n, ds) for n, ds in enumerate(ranked[:TOP_POINTS], start=1)]


def _point(result: CheckResult, n: int, ds: list[Diagnostic]) -> str:
    first = max(ds, key=lambda d: d.weight)
    where = place(result.loaded.root, first.location)
    wat = "geldt voor het hele plan" if first.weight is Weight.PLAN else f"in {where}"
    more = f" (en nog {len(ds) - 1} keer)" if len(ds) > 1 else ""
    return f"  {n}. {first.message}{more} ({first.severity.label}, {wat})"


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
    files = len({d.location.file for d in result.diagnostics})
    counts = [severity.counted(result.count(severity)) for severity in Severity]
    return f"{', '.join(counts)} in {_plural(files, 'bestand', 'bestanden')} van {root.as_posix()}."


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
