"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers."""

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from samenplan import __version__
from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult
from samenplan.codes import Code
from samenplan.diagnostics import Diagnostic, Location, Severity, Weight
from samenplan.output import PlansReport
from samenplan.output.fingerprint import fingerprints
from samenplan.output.spool import Spool, indented
from samenplan.output.text import display_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Relative paths in the log are relative to the folder samenplan check ran in.
BASE = "%SRCROOT%"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: SARIF 'rank' (0-100, higher is more important) per weight of a finding.
_RANK = {Weight.PLAN: 90.0, Weight.ONDERDEEL: 60.0, Weight.PLEK: 30.0}


def format_sarif(result: CheckResult) -> str:
    """A SARIF log with one run: the rules that gave findings, and every finding."""
    return format_sarif_plans([result])


def format_sarif_plans(results: Sequence[CheckResult]) -> str:
    """One run with the findings of every plan; paths start with the plan's folder."""
    return Plans(len(results)).collect(results)


class Plans(PlansReport):
    """format_sarif_plans a plan at a time.

    A result's ruleIndex points into the sorted list of every code found, known only after
    the last plan: each result waits in a spool as one compact JSON line, without it.
    """

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.spool = Spool()
        self.codes: set[str] = set()

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        for diag, fp in zip(result.diagnostics, fingerprints(result), strict=True):
            self.codes.add(diag.code)
            self.spool.write(json.dumps(_result(result, diag, -1, fp)) + "\n")
        return iter(())

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        codes = sorted(self.codes)
        index = {code: i for i, code in enumerate(codes)}
        head = json.dumps(_log(codes, []), ensure_ascii=False, indent=2)
        if self.spool.empty:
            yield head + "\n"
            return
        before, after = head.split('\n      "results": []', 1)
        yield before + '\n      "results": [\n'
        for n, line in enumerate(self.spool.lines()):
            found = json.loads(line)
            found["ruleIndex"] = index[found["ruleId"]]
            yield ("" if n == 0 else ",\n") + indented(json.dumps(found, ensure_ascii=False, indent=2), 8)
        yield "\n      ]" + after + "\n"


def sarif_log(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as plain data (what format_sarif writes)."""
    codes = sorted({d.code for d in result.diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    found = [
        _result(result, d, index[d.code], fp)
        for d, fp in zip(result.diagnostics, fingerprints(result), strict=True)
    ]
    return _log(codes, found)


def _log(codes: list[str], results: list[dict[str, Any]]) -> dict[str, Any]:
    driver = {
        "name": "samenplan",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(code) for code in codes],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {BASE: {"description": {"text": "De map waarin 'samenplan check' draaide."}}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(code: str) -> dict[str, Any]:
    entry = all_codes().get(code) or Code(code, code.lower(), Severity.ERROR, code, "")
    return {
        "id": entry.code,
        "name": entry.slug,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": entry.doc or entry.summary},
        "help": {"text": entry.doc or entry.summary},
        "defaultConfiguration": {"level": _LEVEL[entry.severity]},
    }


def _result(result: CheckResult, diag: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, Any]:
    text = diag.message + (f"\nTip: {diag.hint}" if diag.hint else "")
    found: dict[str, Any] = {
        "ruleId": diag.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[diag.severity],
        "rank": _RANK[diag.weight],
        "message": {"text": text},
        "locations": [_location(result, diag.location)],
        "partialFingerprints": {"samenplan/v1": fingerprint},
        "properties": {"weight": diag.weight.label},
    }
    if diag.related:
        found["relatedLocations"] = [
            {"id": i, **_location(result, r.location), "message": {"text": r.message}}
            for i, r in enumerate(diag.related, start=1)
        ]
    return found


def _location(result: CheckResult, loc: Location) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": loc.line, "startColumn": loc.col}
    source = result.loaded.sources.get(loc.file)
    if source is not None and 1 <= loc.line <= len(source.lines):
        region["snippet"] = {"text": source.lines[loc.line - 1]}
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(display_path(result.loaded.root, loc.file)),
            "region": region,
        }
    }


def _artifact(path: str) -> dict[str, str]:
    """A relative URI against %SRCROOT%, or a file: URI when the plan was named absolutely."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": BASE}
