"""Reporters: pure functions from a check result to text in one output format.

The registry names each format and where its function lives. A reporter module is imported
only when its format is used, so `samenplan check` in text mode never loads json or xml.
Each function has a twin for several plans in one report, named with ``_plans`` at the end
(format_sarif → format_sarif_plans), that takes a sequence of check results.
"""

import importlib
from collections.abc import Callable, Sequence
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
