"""One line per finding, `file:line:col: CODE message`, for editors and grep; then the summary."""

from samenplan.check import CheckResult
from samenplan.reporters.text import place, summary


def format_concise(result: CheckResult) -> str:
    """Every finding on one line, then the summary lines of the text format."""
    root = result.loaded.root
    lines = [f"{place(root, d.location)}: {d.code} {d.message}" for d in result.diagnostics]
    return "\n".join([*lines, summary(result)]) + "\n"
