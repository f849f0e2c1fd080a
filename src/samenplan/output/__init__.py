"""Reporters: pure functions from a check result to text in one output format.

The registry names each format and where its function lives. A reporter module is imported
only when its format is used, so `samenplan check` in text mode never loads json or xml.
Each function has a twin for several plans in one report, named with ``_plans`` at the end
(format_sarif → format_sarif_plans), that takes a sequence of check results. That twin is
the module's ``Plans`` class (a PlansReport) collected into one text; `samenplan check` uses
the class itself, so that each plan is reported and let go before the next is read.
"""

import importlib
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from samenplan.check.run import CheckResult

Reporter = Callable[["CheckResult"], str]
PlansReporter = Callable[[Sequence["CheckResult"]], str]

#: Format name → "module:function". The order is the order shown in the help.
FORMATS: dict[str, str] = {
    "text": "samenplan.output.text:format_text",
    "concise": "samenplan.output.concise:format_concise",
    "json": "samenplan.output.json_report:format_json",
    "github": "samenplan.output.github:format_github",
    "gitlab": "samenplan.output.gitlab:format_gitlab",
    "sarif": "samenplan.output.sarif:format_sarif",
    "junit": "samenplan.output.junit:format_junit",
}


def reporter(name: str) -> Reporter:
    """The reporter function of format ``name`` (a key of FORMATS)."""
    module, function = FORMATS[name].split(":")
    return cast(Reporter, getattr(importlib.import_module(module), function))


def plans_reporter(name: str) -> PlansReporter:
    """The function of format ``name`` for several plans: the reporter's ``_plans`` twin."""
    module, function = FORMATS[name].split(":")
    return cast(PlansReporter, getattr(importlib.import_module(module), f"{function}_plans"))


class PlansReport:
    """One report over several plans, written a plan at a time.

    ``add`` takes each plan's result in turn and gives the text that can be written now;
    ``end`` gives the rest. A report keeps only what its end needs (counts, or parts spooled
    to a temporary file), never the results themselves. ``count`` is the number of plans,
    known before the first is checked; ``color`` and ``width`` are used by text only.
    """

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        self.count = count
        self.color = color
        self.width = width

    def add(self, result: "CheckResult") -> Iterable[str]:
        """Text to write for this plan, now."""
        raise NotImplementedError

    def end(self) -> Iterable[str]:
        """Text to write after the last plan."""
        return ()

    def collect(self, results: Sequence["CheckResult"]) -> str:
        """The whole report of ``results`` as one text."""
        parts: list[str] = []
        for result in results:
            parts.extend(self.add(result))
        parts.extend(self.end())
        return "".join(parts)


def plans_report(name: str, count: int, *, color: bool = False, width: int | None = None) -> PlansReport:
    """A PlansReport of format ``name`` over ``count`` plans."""
    module = FORMATS[name].split(":")[0]
    report = cast(type[PlansReport], importlib.import_module(module).Plans)
    return report(count, color=color, width=width)
