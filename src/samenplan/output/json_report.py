"""The JSON format, version 1, for scripts and dashboards (described in docs/json-formaat.md)."""

import json
from collections.abc import Iterator, Sequence
from typing import Any

from samenplan import __version__
from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Location, Severity
from samenplan.output import PlansReport
from samenplan.output.fingerprint import fingerprints
from samenplan.output.spool import Spool, indented
from samenplan.output.text import display_path
from samenplan.plan.steps import STEPS
from samenplan.safetext import valid_unicode

#: Raise when a key is removed or changes meaning; adding a key keeps the version.
FORMAT_VERSION = 1


def format_json(result: CheckResult) -> str:
    """The whole check result as one JSON object, keys in a fixed order."""
    return json.dumps(report_data(result), ensure_ascii=False, indent=2) + "\n"


def format_json_plans(results: Sequence[CheckResult]) -> str:
    """One plan: as format_json. Several: {"version", "tool", "counts", "plans": [...]}."""
    return Plans(len(results)).collect(results)


class Plans(PlansReport):
    """format_json_plans a plan at a time: each plan's object waits in a spool, since the
    counts before it are known only after the last plan."""

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.spool = Spool()
        self.counts = {s.value: 0 for s in Severity} | {"total": 0}

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        data = report_data(result)
        if self.count == 1:
            yield json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            return
        for key in self.counts:
            self.counts[key] += data["counts"][key]
        text = indented(json.dumps(data, ensure_ascii=False, indent=2), 4)
        self.spool.write(("" if self.spool.empty else ",\n") + text)

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        if self.count == 1:
            return
        head = json.dumps(_wrapper(self.count, self.counts, []), ensure_ascii=False, indent=2)
        before, after = head.split('\n  "plans": []', 1)
        if self.spool.empty:
            yield head + "\n"
            return
        yield before + '\n  "plans": [\n'
        yield from self.spool.chunks()
        yield "\n  ]" + after + "\n"


def _wrapper(count: int, counts: dict[str, int], plans: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "samenplan", "version": __version__},
        "counts": {"plans": count, **counts},
        "plans": plans,
    }


def report_data(result: CheckResult) -> dict[str, Any]:
    """The JSON document as plain data."""
    plan = result.loaded.plan
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "samenplan", "version": __version__},
        "plan": valid_unicode(result.loaded.root.as_posix()),
        "phase": plan.manifest.fase.value if plan is not None else None,
        "rules_ran": result.rules_ran,
        "counts": _counts(result),
        "completeness": _completeness(result),
        "findings": [
            _finding(result, d, fp) for d, fp in zip(result.diagnostics, fingerprints(result), strict=True)
        ],
    }


def _counts(result: CheckResult) -> dict[str, int]:
    counts = {s.value: result.count(s) for s in Severity}
    return {**counts, "total": len(result.diagnostics)}


def _completeness(result: CheckResult) -> list[dict[str, Any]] | None:
    scores = result.completeness
    if scores is None:
        return None
    return [
        {"step": s.number, "title": s.title, "file": s.file, "percent": scores[s.number]}
        for s in STEPS
        if s.number in scores
    ]


def _finding(result: CheckResult, diag: Diagnostic, fingerprint: str) -> dict[str, Any]:
    entry = all_codes().get(diag.code)
    return {
        "code": diag.code,
        "slug": entry.slug if entry is not None else "",
        "severity": diag.severity.value,
        "message": diag.message,
        "hint": diag.hint,
        **_place(result, diag.location),
        "key_path": list(diag.key_path),
        "fingerprint": fingerprint,
        "related": [{**_place(result, r.location), "message": r.message} for r in diag.related],
        "weight": int(diag.weight),
        "weight_label": diag.weight.label,
    }


def _place(result: CheckResult, loc: Location) -> dict[str, Any]:
    return {"file": display_path(result.loaded.root, loc.file), "line": loc.line, "column": loc.col}
