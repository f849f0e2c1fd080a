"""Editor completion for money: regeling ids and, per regeling, its bestedingsdoelen (JSON Schema).

The completion source is what yaml-language-server reads: ``const`` values in ``anyOf``
branches, from the schemas that match a node, including the ``then`` of an ``if`` that holds
(draft-07). These tests evaluate the ``if`` with the jsonschema package, as the editor does.
"""

from typing import Any

import pytest
from jsonschema import Draft7Validator

from samenplan.plan.catalog import load_catalog
from samenplan.plan.schema import build_schema
from samenplan.plan.steps import BY_FILE

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return build_schema(BY_FILE["02-samenwerking.yaml"])


def consts(node: dict[str, Any]) -> dict[str, str]:
    """const → description of the anyOf branches of ``node``."""
    return {b["const"]: b["description"] for b in node.get("anyOf", []) if "const" in b}


def offered(schema: dict[str, Any], geldstroom: dict[str, Any], *path: str) -> dict[str, str]:
    """The values an editor offers at ``path`` inside ``geldstroom``: consts of every matching
    schema (the Geldstroom definition and the ``then`` of each ``if`` that holds)."""
    definition = schema["definitions"]["Geldstroom"]
    matching = [definition] + [
        branch["then"]
        for branch in definition.get("allOf", [])
        if Draft7Validator(branch["if"]).is_valid(geldstroom)
    ]
    found: dict[str, str] = {}
    for node in matching:
        for key in path:
            node = node.get("properties", {}).get(key, {}) if key != "[]" else node.get("items", {})
        found.update(consts(node))
    return found


def test_regeling_offers_every_catalog_id_with_its_dutch_name(schema: dict[str, Any]) -> None:
    ids = offered(schema, {}, "regeling")
    assert list(ids) == list(CATALOG)
    for ident, description in ids.items():
        assert description.startswith(CATALOG[ident].naam)
    assert ids["npo_gemeenten"].endswith("(NP Onderwijs gemeenten; 1-7-2021 t/m 31-7-2025)")


@pytest.mark.parametrize("regeling_id", sorted(CATALOG))
def test_bestedingsdoelen_follow_the_regeling(schema: dict[str, Any], regeling_id: str) -> None:
    regeling = CATALOG[regeling_id]
    expected = {d.id: d.naam for d in regeling.bestedingsdoelen}
    geldstroom = {"id": "gs", "regeling": regeling_id}
    assert offered(schema, geldstroom, "bestedingsdoelen", "[]") == expected
    assert offered(schema, geldstroom, "posten", "[]", "bestedingsdoel") == expected


def test_no_doelen_offered_for_an_own_regeling_or_none(schema: dict[str, Any]) -> None:
    assert offered(schema, {"regeling": "eigen_budget"}, "bestedingsdoelen", "[]") == {}
    assert offered(schema, {}, "bestedingsdoelen", "[]") == {}


def test_npo_doelen_are_not_offered_for_brede_spuk(schema: dict[str, Any]) -> None:
    doelen = offered(schema, {"regeling": "brede_spuk"}, "bestedingsdoelen", "[]")
    assert "mentale_gezondheid" in doelen
    assert "bovenschools" not in doelen


def test_completion_adds_no_validation_errors(schema: dict[str, Any]) -> None:
    validator = Draft7Validator(schema)
    base = {"naam": "Geld", "ontvanger": "gemeente", "bedrag": 1000}
    ok = [
        {**base, "id": "a", "regeling": "npo_gemeenten", "bestedingsdoelen": ["bovenschools"]},
        # An own regeling, and a doel outside an unverified list (SP309 warns, the editor not).
        {**base, "id": "b", "regeling": "eigen_budget", "bestedingsdoelen": ["activiteiten"]},
        {**base, "id": "c", "regeling": "npo_gemeenten", "bestedingsdoelen": ["lokale_samenwerking"]},
        {
            **base,
            "id": "d",
            "regeling": "npo_gemeenten",
            "posten": [{"id": "r", "naam": "T", "bedrag": "ongeveer 10", "bestedingsdoel": None}],
        },
    ]
    for geldstroom in ok:
        errors = list(validator.iter_errors({"geldstromen": [geldstroom]}))
        assert errors == [], (geldstroom, [e.message for e in errors])
    # What was refused before still is: an id with a capital letter.
    bad = {**base, "id": "e", "regeling": "NPO", "bestedingsdoelen": ["bovenschools"]}
    assert not validator.is_valid({"geldstromen": [bad]})


def test_other_files_are_untouched() -> None:
    aanpak = build_schema(BY_FILE["05-aanpak.yaml"])
    assert "npo_gemeenten" not in str(aanpak)
