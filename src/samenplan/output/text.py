"""Readable text for people at a terminal: location, code, message, source line, hint."""

import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Location, Severity, Weight
from samenplan.output import PlansReport
from samenplan.plan.steps import DOCUMENTS
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


#: How many points the opening of the report names at most.
TOP_POINTS = 3
TOP_TITLE = "Het belangrijkste eerst:"
DETAILS_TITLE = "Alle meldingen, per bestand:"


def format_text(result: CheckResult, *, color: bool = False, width: int | None = None) -> str:
    """The most important points, then all findings as text blocks, then a summary line.

    With ``width`` (a terminal's), messages and tips wrap between words at that width, so the
    terminal never breaks a word; source lines stay whole, so the caret stays under its place.
    """
    blocks = [_block(result, d, color, width) for d in result.diagnostics]
    opening = top_points(result)
    head = []
    if opening:
        points = [line for point in opening for line in _wrap(point, width)]
        head = [
            "\n".join([_paint(TOP_TITLE, "1", color), *points]),
            _paint(DETAILS_TITLE, "1", color),
        ]
    closing = "\n".join(
        line for part in summary(result, color=color).split("\n") for line in _wrap(part, width)
    )
    return "\n\n".join([*head, *blocks, closing]) + "\n"


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
    where = terminal(place(result.loaded.root, first.location))
    wat = "geldt voor het hele plan" if first.weight is Weight.PLAN else f"in {where}"
    more = f" (en nog {len(ds) - 1} keer)" if len(ds) > 1 else ""
    return f"  {n}. {terminal(first.message)}{more} ({first.severity.label}, {wat})"


def format_text_plans(
    results: Sequence[CheckResult], *, color: bool = False, width: int | None = None
) -> str:
    """Each plan as format_text gives it; with several plans, a total line at the end."""
    return Plans(len(results), color=color, width=width).collect(results)


class Plans(PlansReport):
    """format_text_plans a plan at a time: each plan's text at once, the total line at the end."""

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.tally = Tally()

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        if self.tally.plans:
            yield "\n"
        self.tally.add(result)
        yield format_text(result, color=self.color, width=self.width)

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        if self.count > 1:
            yield "\n" + self.tally.line(color=self.color) + "\n"


_INDENT = "      "


def _wrap(text: str, width: int | None, first: str = "", rest: str = "") -> list[str]:
    """``first + text`` in lines of at most ``width`` characters, broken between words only."""
    if width is None or len(first) + len(text) <= width:
        return [first + text]
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first + text]


def _block(result: CheckResult, diag: Diagnostic, color: bool, width: int | None = None) -> str:
    loc = diag.location
    where = terminal(display_path(result.loaded.root, loc.file))
    label = f"{diag.code} {diag.severity.label}"
    plain = f"{where}:{loc.line}:{loc.col}: {label} "
    lines = _wrap(f"{plain}{terminal(diag.message)}", width, rest=_INDENT)
    if lines[0].startswith(plain):  # colour the place and the code once the line is laid out
        painted = f"{_paint(where, '1', color)}:{loc.line}:{loc.col}: "
        painted += f"{_paint(label, _COLORS[diag.severity], color)} "
        lines[0] = painted + lines[0][len(plain) :]
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
        also = terminal(place(result.loaded.root, rel.location))
        lines += _wrap(f"{also}: {terminal(rel.message)}", width, f"{_INDENT}zie ook ", _INDENT + "        ")
    if diag.hint:
        lines += _wrap(terminal(diag.hint), width, f"{_INDENT}tip: ", _INDENT + "     ")
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
    files = {d.location.file for d in result.diagnostics}
    counts = [severity.counted(result.count(severity)) for severity in Severity]
    total = len(files | {d.file for d in DOCUMENTS})  # "1 van de 8": not the plan's only file
    return f"{', '.join(counts)} in {len(files)} van de {total} bestanden van {terminal(_plan_name(root))}."


def _plan_name(root: Path) -> str:
    """The plan folder as typed, or its own name when that is '.' or '..' (never "van ..")."""
    shown = root.as_posix()
    return (root.resolve().name or shown) if set(shown) <= {".", "/"} else shown


def total_line(results: Sequence[CheckResult], *, color: bool = False) -> str:
    """One sentence over several plans: how many have errors, warnings, or neither."""
    tally = Tally()
    for result in results:
        tally.add(result)
    return tally.line(color=color)


class Tally:
    """What the total line needs of each plan, so the plans themselves can be let go."""

    def __init__(self) -> None:
        self.plans = self.errors = self.warnings = 0

    def add(self, result: CheckResult) -> None:
        """Count one plan: with errors, with only warnings, or neither."""
        self.plans += 1
        if result.count(Severity.ERROR):
            self.errors += 1
        elif result.count(Severity.WARNING):
            self.warnings += 1

    def line(self, *, color: bool = False) -> str:
        """The total line of the plans counted so far."""
        rest = self.plans - self.errors - self.warnings
        line = (
            f"{_plural(self.plans, 'plan', 'plannen')} gecontroleerd: {self.errors} met fouten, "
            f"{self.warnings} met alleen waarschuwingen, {rest} zonder fouten of waarschuwingen."
        )
        return _paint(line, "1", color)
