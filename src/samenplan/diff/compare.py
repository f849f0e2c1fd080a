"""Entries matched by key, kind by kind (diff/kinds.py), compared aspect by aspect."""

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from samenplan.diff import words
from samenplan.diff.kinds import BY_NAME, KINDS, Aspect, Kind, value
from samenplan.diff.model import EntryChange, FieldChange
from samenplan.diff.values import Names
from samenplan.plan.bundle import Plan
from samenplan.plan.datum import Datum


def compare_entries(old: Names, new: Names) -> tuple[EntryChange, ...]:
    """Per kind: the entries gone (old order), new (new order), then changed (new order).

    A planning that comes or goes with its interventie is not told apart."""
    found: list[EntryChange] = []
    for kind in KINDS:
        found.extend(_compare_kind(kind, old, new))
    whole = {(e.kind, e.key, e.status) for e in found if e.status != "gewijzigd"}
    return tuple(e for e in found if (BY_NAME[e.kind].part_of, e.key, e.status) not in whole)


def _index(kind: Kind, plan: Plan) -> dict[str, Any]:
    entries: dict[str, Any] = {}
    for key, entry in kind.entries(plan):
        entries.setdefault(key, entry)
    return entries


def _compare_kind(kind: Kind, old: Names, new: Names) -> list[EntryChange]:
    before, after = _index(kind, old.plan), _index(kind, new.plan)
    gone = [EntryChange(kind.name, k, kind.title(e, old), "weg") for k, e in before.items() if k not in after]
    came = [
        EntryChange(kind.name, k, kind.title(e, new), "nieuw", _told(kind, e, new))
        for k, e in after.items()
        if k not in before
    ]
    changed = []
    for key, entry in after.items():
        if key in before:
            fields = tuple(
                change
                for aspect in kind.aspects
                if (change := _field(aspect, before[key], entry, old, new)) is not None
            )
            if fields:
                changed.append(EntryChange(kind.name, key, kind.title(entry, new), "gewijzigd", fields))
    return [*gone, *came, *changed]


def _told(kind: Kind, entry: Any, side: Names) -> tuple[FieldChange, ...]:
    """The fields a new entry is shown with, when they are filled in."""
    found = []
    for aspect in kind.aspects:
        v = value(entry, aspect.field)
        if aspect.field in kind.told_when_new and v not in (None, "", []) and aspect.show is not None:
            found.append(
                FieldChange(aspect.field, aspect.label, None, jsonable(v), aspect.show(v, entry, side))
            )
    return tuple(found)


def _field(aspect: Aspect, was: Any, now: Any, old: Names, new: Names) -> FieldChange | None:
    b, a = value(was, aspect.field), value(now, aspect.field)
    if aspect.members:
        return _members(aspect, was, now, b or [], a or [], old, new)
    if aspect.show is None:
        if (b or "") == (a or ""):
            return None
        return FieldChange(aspect.field, aspect.label, b or "", a or "", words.summary(b or "", a or ""))
    shown_b, shown_a = aspect.show(b, was, old), aspect.show(a, now, new)
    if b == a or shown_b == shown_a:
        return None
    return FieldChange(aspect.field, aspect.label, jsonable(b), jsonable(a), f"{shown_b} → {shown_a}")


def _members(
    aspect: Aspect, was: Any, now: Any, b: list[Any], a: list[Any], old: Names, new: Names
) -> FieldChange | None:
    came, gone = [x for x in a if x not in b], [x for x in b if x not in a]
    if not came and not gone:
        return None
    assert aspect.show is not None
    parts = []
    if came:
        parts.append(f"erbij: {aspect.show(came, now, new)}")
    if gone:
        parts.append(f"weg: {aspect.show(gone, was, old)}")
    return FieldChange(aspect.field, aspect.label, jsonable(b), jsonable(a), "; ".join(parts))


def jsonable(v: Any) -> Any:
    """A plan value as JSON data: models as objects, dates as JJJJ-MM-DD, amounts as numbers."""
    if isinstance(v, BaseModel):
        return jsonable(v.model_dump(exclude_defaults=True))
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [jsonable(x) for x in v]
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, Datum):
        return v.tekst
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return number(v)
    return v


def number(v: Decimal) -> int | float:
    """An amount or figure as a JSON number: whole numbers stay whole."""
    return int(v) if v == v.to_integral_value() else float(v)
