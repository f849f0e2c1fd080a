"""A name where an id belongs: 'trekkers: [Stichting Heidekring]' gets the partner's id.

People name a partner, a doelgroep or a bron by its name, as they would in a letter. The id
is what the plan uses to refer. After every file is read and validated, this looks the
value of each refused id at a reference field up among the names (and ids) of that kind,
in the plain data of the file that defines them, and says which id to write. Only a hint
changes; nothing is guessed into the plan.
"""

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from samenplan import codes
from samenplan.diagnostics import Diagnostic
from samenplan.load.source import Source
from samenplan.plan.idkinds import BY_KIND, IdKind, reference_at
from samenplan.plan.names import data_at
from samenplan.plan.steps import BY_FILE, BY_SLUG

_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def with_name_hints(diagnostics: list[Diagnostic], sources: Mapping[str, Source]) -> list[Diagnostic]:
    """``diagnostics``, where a refused id at a reference names an item: with that item's id."""
    names = _Names(sources)
    return [_with_hint(d, sources, names) for d in diagnostics]


def _with_hint(d: Diagnostic, sources: Mapping[str, Source], names: "_Names") -> Diagnostic:
    if d.code != codes.BAD_VALUE.code:
        return d
    doc = BY_FILE.get(d.location.file)
    ref = reference_at(doc.slug, d.key_path) if doc is not None else None
    kind = BY_KIND.get(ref.kind) if ref is not None else None
    source = sources.get(d.location.file)
    value = data_at(source.data, d.key_path) if source is not None else None
    if kind is None or not isinstance(value, str):
        return d
    found = names.find(kind, value)
    if found is None:
        return d
    item_id, name, exact = found
    if not exact:
        hint = f"Bedoel je {kind.kind} '{item_id}' ({name})? Schrijf dan de id: {item_id}."
    elif _fold(value) == _fold(item_id):
        hint = f"Bedoel je {kind.kind} '{item_id}'? Schrijf de id zoals hij er staat: {item_id}."
    else:
        hint = f"'{value}' is de naam van {kind.kind} '{item_id}'. Schrijf de id: {item_id}."
    return replace(d, hint=hint)


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").replace("-", " ").split())


#: Close matches are looked for among this many names of a kind at most, this many times a
#: plan: a hostile plan with a hundred thousand names and as many wrong ids would take hours.
_MAX_CLOSE_NAMES = 2_000
_MAX_CLOSE_LOOKUPS = 200


class _Names:
    """Per id kind, its items' names and ids (folded) → (id, name); made when first asked."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.by_kind: dict[str, dict[str, tuple[str, str]]] = {}
        self.close_lookups = 0

    def find(self, kind: IdKind, value: str) -> tuple[str, str, bool] | None:
        """(id, name, exact) of the item ``value`` names; None when no item is close."""
        known = self.by_kind.get(kind.kind)
        if known is None:
            known = self.by_kind[kind.kind] = self._collect(kind)
        folded = _fold(value)
        if folded in known:
            return (*known[folded], True)
        if len(known) > _MAX_CLOSE_NAMES or self.close_lookups >= _MAX_CLOSE_LOOKUPS:
            return None
        self.close_lookups += 1
        close = difflib.get_close_matches(folded, list(known), n=1, cutoff=0.85)
        return (*known[close[0]], False) if close else None

    def _collect(self, kind: IdKind) -> dict[str, tuple[str, str]]:
        source = self.sources.get(BY_SLUG[kind.doc].file)
        known: dict[str, tuple[str, str]] = {}
        for item in _items(source.data if source is not None else None, kind.pattern.split(".")):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            name = next((v for f in kind.name_fields if isinstance(v := item.get(f), str) and v), "")
            for text in (name, _PARENTHESES.sub("", name), item_id):
                if text:
                    known.setdefault(_fold(text), (item_id, name or item_id))
        return known


def _items(data: Any, parts: list[str]) -> Iterator[dict[str, Any]]:
    """The mappings at ``parts`` (``*`` for every list item) in plain data."""
    if not parts:
        if isinstance(data, dict):
            yield data
        return
    first, rest = parts[0], parts[1:]
    if first == "*":
        for item in data if isinstance(data, list) else []:
            yield from _items(item, rest)
    elif isinstance(data, dict):
        yield from _items(data.get(first), rest)
