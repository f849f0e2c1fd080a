"""Helpers for rule tests: copy a good example, break it in one place, find the finding."""

from pathlib import Path

from samenplan.check.run import CheckResult, check_plan
from samenplan.diagnostics import Diagnostic
from support import EXAMPLES, copy_example  # noqa: F401  (rule tests import them from here)


def replace_once(plan: Path, file: str, old: str, new: str) -> int:
    """Replace ``old`` (which must occur exactly once) and return the 1-based line of ``new``."""
    path = plan / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:start].count("\n") + 1


def line_of(plan: Path, file: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing ``needle``."""
    seen = 0
    for number, line in enumerate((plan / file).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not found in {file}")


def col_of(plan: Path, file: str, line: int, needle: str) -> int:
    """1-based column of ``needle`` on ``line``."""
    text = (plan / file).read_text(encoding="utf-8").splitlines()[line - 1]
    assert needle in text, f"{needle!r} not on line {line}: {text!r}"
    return text.index(needle) + 1


def with_code(result: CheckResult, code: str) -> list[Diagnostic]:
    """All diagnostics with this code."""
    return [d for d in result.diagnostics if d.code == code]


def check(plan: Path) -> CheckResult:
    """Run the real check on a plan folder."""
    return check_plan(plan)


def codes_at(result: CheckResult) -> set[tuple[str, str, int, int]]:
    """(code, file, line, col) of every diagnostic."""
    return {(d.code, d.location.file, d.location.line, d.location.col) for d in result.diagnostics}


def replace_line(plan: Path, file: str, line: int, new: str) -> None:
    """Replace the whole 1-based ``line`` of ``file`` with ``new``."""
    path = plan / file
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def indent_of(plan: Path, file: str, line: int) -> str:
    """The leading whitespace of a line."""
    text = (plan / file).read_text(encoding="utf-8").splitlines()[line - 1]
    return text[: len(text) - len(text.lstrip())]
