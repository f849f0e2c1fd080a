"""GitLab Code Quality: a JSON array of issues that GitLab shows in merge requests."""

import json
from collections.abc import Iterator, Sequence
from typing import Any

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.output import PlansReport
from samenplan.output.fingerprint import fingerprints
from samenplan.output.spool import indented
from samenplan.output.text import display_path

#: The file GitLab CI writes when no format is given (declare it under artifacts:reports).
DEFAULT_FILE = "gl-code-quality-report.json"

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab_severity(diag: Diagnostic) -> str:
    """info/minor/major/critical: an error that kept the plan from being read is critical."""
    if diag.severity is Severity.ERROR and diag.code.startswith("SP0"):
        return "critical"
    return _SEVERITY[diag.severity]


def format_gitlab(result: CheckResult) -> str:
    """All findings as GitLab Code Quality issues; an empty array when there are none."""
    return format_gitlab_plans([result])


def format_gitlab_plans(results: Sequence[CheckResult]) -> str:
    """The findings of every plan in one array; paths start with the plan's folder."""
    return Plans(len(results)).collect(results)


class Plans(PlansReport):
    """format_gitlab_plans a plan at a time: each issue is written as soon as it is found."""

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.issues = 0

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        for diag, fp in zip(result.diagnostics, fingerprints(result), strict=True):
            text = indented(json.dumps(_issue(result, diag, fp), ensure_ascii=False, indent=2), 2)
            yield ("[\n" if not self.issues else ",\n") + text
            self.issues += 1

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        yield "\n]\n" if self.issues else "[]\n"


def _issue(result: CheckResult, diag: Diagnostic, fingerprint: str) -> dict[str, Any]:
    description = f"{diag.code} {diag.message}"
    if diag.hint:
        description += f" Tip: {diag.hint}"
    return {
        "description": description,
        "check_name": diag.code,
        "fingerprint": fingerprint,
        "severity": gitlab_severity(diag),
        "location": {
            "path": display_path(result.loaded.root, diag.location.file),
            "lines": {"begin": diag.location.line},
        },
    }
