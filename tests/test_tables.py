"""Each domain fact has one table: id kinds, reference fields, the steps of the Plan."""

import types
import typing
from typing import Any

from pydantic import BaseModel, Field

from samenplan.plan.idkinds import BY_KIND, KINDS, REFERENCES
from samenplan.plan.models.common import Id
from samenplan.plan.steps import DOCUMENTS, STEPS

_ID_METADATA = typing.get_args(Id)[1:]


def _is_id(annotation: Any) -> bool:
    return (
        typing.get_origin(annotation) is typing.Annotated and typing.get_args(annotation)[1:] == _ID_METADATA
    )


def _has_id_metadata(metadata: list[Any]) -> bool:
    """pydantic moves the metadata of a plain ``Id`` field from the annotation to the field."""
    return any(m in metadata for m in _ID_METADATA if not isinstance(m, type(Field())))


def _inner(annotation: Any) -> tuple[Any, bool]:
    """The annotation without Optional, and whether it was a list (the list adds a '*')."""
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0], True
    return annotation, False


def _fields(model: type[BaseModel], prefix: str) -> typing.Iterator[tuple[str, str]]:
    """(pattern, 'id' | 'ref') for every Id-typed field under ``model``."""
    for name, info in model.model_fields.items():
        inner, is_list = _inner(info.annotation)
        pattern = f"{prefix}{name}" + (".*" if is_list else "")
        if _is_id(inner) or _has_id_metadata(info.metadata):
            yield pattern, "id" if name == "id" else "ref"
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            yield from _fields(inner, pattern + ".")


def _model_fields() -> list[tuple[str, str, str]]:
    # A plan's own regelingen are catalog entries (plan/catalog.py), not an id kind of the plan.
    return [
        (doc.slug, pattern, role)
        for doc in DOCUMENTS
        for pattern, role in _fields(doc.model, "")
        if not (doc.slug == "manifest" and pattern.startswith("regelingen."))
    ]


def test_every_reference_field_in_the_models_is_in_the_table() -> None:
    in_models = {(doc, pattern) for doc, pattern, role in _model_fields() if role == "ref"}
    in_table = {(r.doc, r.pattern) for r in REFERENCES}
    assert in_models - in_table == set(), "reference fields missing from plan/idkinds.REFERENCES"
    assert in_table - in_models == set(), "REFERENCES names fields the models do not have"


def test_every_id_list_in_the_models_is_an_id_kind() -> None:
    in_models = {(doc, pattern.removesuffix(".id")) for doc, pattern, role in _model_fields() if role == "id"}
    assert in_models == {(k.doc, k.pattern) for k in KINDS}


def test_references_name_known_kinds() -> None:
    outside = {"regeling", "bestedingsdoel"}  # defined by the catalog, checked by money or meten rules
    for ref in REFERENCES:
        assert ref.kind in BY_KIND or (ref.kind in outside and ref.checked_by in {"geld", "meten"}), ref


def test_where_names_the_file_and_the_owner() -> None:
    assert BY_KIND["partner"].where == "Partners staan in 02-samenwerking.yaml onder partners."
    assert BY_KIND["post"].where == ("Posten staan in 02-samenwerking.yaml onder posten, bij hun geldstroom.")


def test_the_plan_has_one_field_per_document_of_its_model() -> None:
    from dataclasses import fields

    from samenplan.plan.bundle import Plan
    from samenplan.plan.completeness import PARTS
    from samenplan.plan.steps import DOCUMENTS

    types_by_field = {f.name: f.type for f in fields(Plan)}
    assert {d.slug: d.model for d in DOCUMENTS} == {
        name: kind for name, kind in types_by_field.items() if name != "regelingen"
    }
    assert set(PARTS) == {d.slug for d in STEPS}


def test_every_rule_module_is_listed_and_every_code_is_unique() -> None:
    from importlib.resources import files

    from samenplan.check import rules
    from samenplan.check.codebook import all_codes

    on_disk = {p.name.removesuffix(".py") for p in files(rules).iterdir() if p.name.endswith(".py")}
    assert on_disk - {"__init__"} == {m.__name__.rsplit(".", 1)[1] for m in rules.THEMES}
    assert all(rules.rules_of(m) for m in rules.THEMES), "a theme module without rules"
    listed = [r.code.code for r in rules.all_rules()]
    assert len(listed) == len(set(listed))
    assert set(listed) <= set(all_codes())


def test_reference_at_finds_every_reference_field_and_nothing_else() -> None:
    from samenplan.plan.idkinds import REFERENCES, reference_at

    for ref in REFERENCES:
        path = tuple(3 if part == "*" else part for part in ref.pattern.split("."))
        assert reference_at(ref.doc, path) is ref, ref.pattern
        assert reference_at(ref.doc, (*path, 0)) is None  # one level deeper is no reference
        assert reference_at("ergens", path) is None
    assert reference_at("aanpak", ("interventies", "x", "trekkers", 0)) is None  # a key is no index
    assert reference_at("aanpak", ("interventies", 0, "naam")) is None
