"""Findings of `samenplan check` matched across versions by code and key path, never by line.

A list index in a key path is replaced by the id of the entry at that index (or the id it is
about, for lists without ids), so a finding stays the same finding when entries above it are
added, removed or reordered. A finding without a key path (a file that cannot be read) is
matched by code, file and message.
"""

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, Literal

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, KeyPath
from samenplan.diff.model import FindingChange
from samenplan.plan.steps import BY_SLUG

#: Keys that identify an entry of a list, most specific first.
_IDENTIFYING = ("id", "interventie", "indicator", "partner", "geldstroom")


def stable_path(path: KeyPath, data: Any) -> tuple[Hashable, ...]:
    """``path`` with each list index replaced by what identifies the entry there.

    A rule's key path starts with the step slug ('aanpak'), a loader's inside the file."""
    node = data
    found: list[Hashable] = []
    if path and isinstance(path[0], str) and path[0] in BY_SLUG and not _has(data, path[0]):
        found.append(path[0])
        path = path[1:]
    for part in path:
        child = _child(node, part)
        if isinstance(part, int) and isinstance(child, dict):
            ident = next((child[k] for k in _IDENTIFYING if isinstance(child.get(k), str)), None)
            found.append(("=", ident) if ident else part)
        else:
            found.append(part)
        node = child
    return tuple(found)


def _has(data: Any, key: str) -> bool:
    return isinstance(data, dict) and key in data


def _child(node: Any, part: str | int) -> Any:
    if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
        return node[part]
    if isinstance(part, str) and isinstance(node, dict):
        return node.get(part)
    return None


def identity(result: CheckResult, diag: Diagnostic) -> tuple[Hashable, ...]:
    """What makes a finding the same finding in another version of the plan."""
    file = diag.location.file
    if not diag.key_path:
        return (diag.code, file, diag.message)
    source = result.loaded.sources.get(file)
    return (diag.code, file, stable_path(diag.key_path, source.data if source else None))


def only_in(result: CheckResult, other: CheckResult) -> list[Diagnostic]:
    """The findings of ``result`` that ``other`` does not have (each counted as often as it
    occurs), in the order of ``result``."""
    left = Counter(identity(other, d) for d in other.diagnostics)
    found = []
    for diag in result.diagnostics:
        key = identity(result, diag)
        if left[key]:
            left[key] -= 1
        else:
            found.append(diag)
    return found


def compare_findings(old: CheckResult, new: CheckResult) -> tuple[FindingChange, ...]:
    """Findings that are new in ``new``, then those that ``new`` no longer has."""
    return (*_changes("nieuw", only_in(new, old)), *_changes("opgelost", only_in(old, new)))


def _changes(status: Literal["nieuw", "opgelost"], diags: Iterable[Diagnostic]) -> Sequence[FindingChange]:
    return [
        FindingChange(status, d.code, d.severity, d.message, d.location.file, d.location.line, d.key_path)
        for d in diags
    ]
