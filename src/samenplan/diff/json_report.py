"""The JSON form of `samenplan diff`, version 1, for tools (described in docs/diff.md)."""

import json
from typing import Any

from samenplan import __version__
from samenplan.diff.compare import number
from samenplan.diff.model import Amount, EntryChange, FieldChange, FindingChange, PlanDiff, Version
from samenplan.diff.report import sections
from samenplan.plan.money import Som

#: Raise when a key is removed or changes meaning; adding a key keeps the version.
FORMAT_VERSION = 1

_STATUS = {"nieuw": "added", "weg": "removed", "gewijzigd": "changed"}
_FINDING = {"nieuw": "new", "opgelost": "solved"}


def format_json(diff: PlanDiff) -> str:
    """The whole diff as one JSON object, keys in a fixed order."""
    return json.dumps(diff_data(diff), ensure_ascii=False, indent=2) + "\n"


def diff_data(diff: PlanDiff) -> dict[str, Any]:
    """The JSON document as plain data."""
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "samenplan", "version": __version__},
        "old": _version(diff.old),
        "new": _version(diff.new),
        "changed": not diff.empty,
        "money": [_amount(a) for a in diff.money],
        "moves": [
            {
                "geldstroom": m.geldstroom,
                "geldstroom_name": m.geldstroom_name,
                "from": m.van,
                "from_name": m.van_name,
                "to": m.naar,
                "to_name": m.naar_name,
                "amount": number(m.bedrag),
            }
            for m in diff.moves
        ],
        "entries": [_entry(e) for e in diff.entries],
        "coverage": [
            {"vocabulary": c.vocabulary, "value": c.value, "before": c.before, "after": c.after}
            for c in diff.coverage
        ],
        "findings": [_finding(f) for f in diff.findings],
        "report": [
            {"section": s.key, "title": s.title, "lines": [t for line in s.lines for t in line.flat()]}
            for s in sections(diff)
        ],
    }


def _version(v: Version) -> dict[str, Any]:
    return {
        "label": v.label,
        "commit": v.commit,
        "folder": v.folder,
        "title": v.title,
        "readable": v.readable,
        "errors": v.errors,
    }


def _money(amount: Som | None) -> int | float | str | None:
    """A number when the amount is exact; its Dutch wording ('ongeveer € 1.500.000') otherwise."""
    if amount is None:
        return None
    return number(amount.waarde) if amount.exact and amount.waarde is not None else amount.tekst


def _amount(a: Amount) -> dict[str, Any]:
    return {
        "kind": a.kind,
        "key": a.key,
        "name": a.name,
        "within": a.within,
        "verdeling": a.verdeling,
        "measure": a.measure,
        "before": _money(a.before),
        "after": _money(a.after),
        "difference": number(a.difference) if a.difference is not None else None,
    }


def _entry(e: EntryChange) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "key": e.key,
        "name": e.name,
        "status": _STATUS[e.status],
        "fields": [_field(f) for f in e.fields],
    }


def _field(f: FieldChange) -> dict[str, Any]:
    return {"field": f.field, "label": f.label, "before": f.before, "after": f.after, "summary": f.summary}


def _finding(f: FindingChange) -> dict[str, Any]:
    return {
        "status": _FINDING[f.status],
        "code": f.code,
        "severity": f.severity.value,
        "message": f.message,
        "file": f.file,
        "line": f.line,
        "key_path": list(f.key_path),
    }
