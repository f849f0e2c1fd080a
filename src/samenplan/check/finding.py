"""What a rule yields: a finding at a key path, with related places."""

from dataclasses import dataclass

from samenplan.diagnostics import KeyPath


@dataclass(frozen=True)
class Ref:
    """A place in a plan file: document slug and key path."""

    doc: str
    path: KeyPath
    message: str = ""


@dataclass(frozen=True)
class Finding:
    """What a rule yields: where (document slug + key path), what, and how to fix it."""

    doc: str
    path: KeyPath
    message: str
    hint: str = ""
    related: tuple[Ref, ...] = ()
    at_key: bool = False
    weight: int | None = None  # None: the rule's weight
