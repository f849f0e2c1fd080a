"""Editor completion for money: the catalog's regeling ids, and per regeling its bestedingsdoelen.

The JSON Schema of 02-samenwerking.yaml gets, on a geldstroom:

- ``regeling``: one ``const`` branch per catalog regeling, with its Dutch name as description,
  plus a plain string branch for a plan's own regelingen;
- per catalog regeling a draft-07 ``if``/``then``: when ``regeling`` is that id, the items of
  ``bestedingsdoelen`` and a post's ``bestedingsdoel`` offer that regeling's doelen.

yaml-language-server takes value completions from ``const`` in ``anyOf`` branches and from the
``then`` of an ``if`` that holds. Every ``anyOf`` keeps an open string branch, so the schema
completes but never refuses what ``samenplan check`` would accept (an own regeling with the
same id, a bestedingsdoel of an unverified list): validation stays as it was.
"""

from typing import Any

from samenplan.plan.catalog import load_catalog
from samenplan.plan.catalogtext import kort
from samenplan.plan.models.regeling import Regeling

#: Any string: what a plan's own regeling or doel may be (the base schema checks the pattern).
_ANY: dict[str, Any] = {"type": "string"}


def _const(value: str, description: str) -> dict[str, Any]:
    return {"const": value, "description": description, "markdownDescription": description}


def _regeling_beschrijving(r: Regeling) -> str:
    if r.periode is None:
        return f"{r.naam} ({r.label})"
    return f"{r.naam} ({r.label}; {kort(r.periode.van)} t/m {kort(r.periode.tot)})"


def _doelen(r: Regeling) -> list[dict[str, Any]]:
    return [_const(d.id, d.naam) for d in r.bestedingsdoelen]


def _branch(r: Regeling) -> dict[str, Any]:
    """When ``regeling`` is ``r.id``, offer its bestedingsdoelen."""
    doelen = _doelen(r)
    return {
        "if": {"properties": {"regeling": {"const": r.id}}, "required": ["regeling"]},
        "then": {
            "properties": {
                "bestedingsdoelen": {"items": {"anyOf": [*doelen, _ANY]}},
                "posten": {
                    "items": {"properties": {"bestedingsdoel": {"anyOf": [*doelen, _ANY, {"type": "null"}]}}}
                },
            }
        },
    }


def add_catalog_completion(schema: dict[str, Any]) -> None:
    """Add the catalog's ids to a plan file's schema, in place, where it has geldstromen."""
    geldstroom = schema.get("definitions", {}).get("Geldstroom")
    if geldstroom is None:
        return
    catalog = load_catalog()
    regeling = geldstroom["properties"]["regeling"]
    regeling["anyOf"] = [*(_const(r.id, _regeling_beschrijving(r)) for r in catalog.values()), _ANY]
    geldstroom["allOf"] = [_branch(r) for r in catalog.values()]
