"""Import every rule module once, so all rules are registered; the sorted list of rules."""

import importlib
from functools import cache

from samenplan.check.registry import RULES, Rule

#: Rule modules, one per theme. Adding a module here is all it takes to ship its rules.
MODULES = (
    "samenhang",
    "verwijzingen",
    "geld",
    "bedragen",
    "termijn",
    "rodedraad",
    "samen",
    "tijd",
    "meten",
    "volledigheid",
)


@cache
def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    import samenplan.check.waivers  # noqa: F401  (registers the waiver codes)

    for name in MODULES:
        try:
            importlib.import_module(f"samenplan.check.rules.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"samenplan.check.rules.{name}":
                raise
    return sorted(RULES, key=lambda r: r.code.code)
