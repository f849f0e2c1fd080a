"""The coherence rules, one module per theme. A module listed here ships its rules.

Every ``@rule`` function in a listed module is a rule; nothing registers itself on import.
"""

from functools import cache
from types import ModuleType

from samenplan.check.registry import Rule
from samenplan.check.rules import (
    bedragen,
    geld,
    meten,
    rodedraad,
    samen,
    samenhang,
    termijn,
    tijd,
    verwijzingen,
    volledigheid,
)

#: The theme modules, in the order of their codes (SP1xx samenhang, SP2xx verwijzingen, ...).
THEMES: tuple[ModuleType, ...] = (
    samenhang,
    verwijzingen,
    geld,
    termijn,
    bedragen,
    rodedraad,
    samen,
    tijd,
    meten,
    volledigheid,
)


def rules_of(module: ModuleType) -> list[Rule]:
    """The rules defined in one theme module."""
    return [value for value in vars(module).values() if isinstance(value, Rule)]


@cache
def all_rules() -> list[Rule]:
    """Every rule of every theme, sorted by code."""
    return sorted((r for module in THEMES for r in rules_of(module)), key=lambda r: r.code.code)
