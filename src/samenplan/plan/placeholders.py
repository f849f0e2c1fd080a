"""Placeholders that `samenplan init` writes and `check` recognises: text like ``<vul in: …>``."""

from collections.abc import Iterator
from typing import Any

from samenplan.diagnostics import KeyPath


def is_placeholder(value: object) -> bool:
    """Whether ``value`` is a placeholder still to be filled in: text between < and >."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return len(text) > 2 and text.startswith("<") and text.endswith(">") and "\n" not in text


def is_filled(value: object) -> bool:
    """Whether a field holds real content: not empty, not only placeholders."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip()) and not is_placeholder(value)
    if isinstance(value, list | tuple):
        return any(is_filled(v) for v in value)
    if isinstance(value, dict):
        return any(is_filled(v) for v in value.values())
    return True


def find_placeholders(data: Any, path: KeyPath = ()) -> Iterator[KeyPath]:
    """Key paths of every placeholder in plain YAML data, in the order of the data."""
    if is_placeholder(data):
        return iter([path])
    found: list[KeyPath] = []
    _collect(data, path, found)
    return iter(found)


def _collect(data: Any, path: KeyPath, found: list[KeyPath]) -> None:
    """Add the paths of the placeholders in a dict or list to ``found``.

    Every value of a plan passes here: a text is looked at only when it holds a '>', and a
    path is made only for a placeholder or a dict or list to go into.
    """
    if isinstance(data, dict):
        entries: Any = data.items()
    elif isinstance(data, list):
        entries = enumerate(data)
    else:
        return
    for key, value in entries:
        if isinstance(value, str):
            if ">" in value and is_placeholder(value):
                found.append((*path, key))
        elif isinstance(value, dict | list):
            _collect(value, (*path, key), found)
