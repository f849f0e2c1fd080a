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
    """Key paths of every placeholder in plain YAML data."""
    if is_placeholder(data):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from find_placeholders(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from find_placeholders(value, (*path, index))
