"""One line per finding, `file:line:col: CODE message`, for editors and grep; then the summary."""

from collections.abc import Sequence

from samenplan.check.run import CheckResult
from samenplan.output.text import place, summary, total_line
from samenplan.safetext import terminal


def format_concise(result: CheckResult) -> str:
    """Every finding on one line, then the summary lines of the text format."""
    root = result.loaded.root
    lines = [
        f"{terminal(place(root, d.location))}: {d.code} {terminal(d.message)}" for d in result.diagnostics
    ]
    return "\n".join([*lines, summary(result)]) + "\n"


def format_concise_plans(results: Sequence[CheckResult]) -> str:
    """Each plan as format_concise gives it; with several plans, a total line at the end."""
    parts = [format_concise(result) for result in results]
    if len(results) > 1:
        parts.append(total_line(results) + "\n")
    return "".join(parts)
