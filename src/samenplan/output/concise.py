"""One line per finding, `file:line:col: CODE message`, for editors and grep; then the summary."""

from collections.abc import Iterator, Sequence

from samenplan.check.run import CheckResult
from samenplan.output import PlansReport
from samenplan.output.text import Tally, place, summary
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
    return Plans(len(results)).collect(results)


class Plans(PlansReport):
    """format_concise_plans a plan at a time."""

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.tally = Tally()

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        self.tally.add(result)
        yield format_concise(result)

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        if self.count > 1:
            yield self.tally.line() + "\n"
