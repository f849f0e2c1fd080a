"""SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers."""

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from samenplan import __version__
from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult
from samenplan.codes import Code
from samenplan.diagnostics import Diagnostic, Location, Severity, Weight
from samenplan.output.fingerprint import fingerprints
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
    return json.dumps(sarif_log_plans(results), ensure_ascii=False, indent=2) + "\n"


def sarif_log(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as plain data."""
    return sarif_log_plans([result])


def sarif_log_plans(checked: Sequence[CheckResult]) -> dict[str, Any]:
    """The SARIF log of several plans as plain data: one run, one list of rules."""
    codes = sorted({d.code for r in checked for d in r.diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    results = [
        _result(r, d, index[d.code], fp)
        for r in checked
        for d, fp in zip(r.diagnostics, fingerprints(r), strict=True)
    ]
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
