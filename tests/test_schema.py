"""`samenplan schema`: draft-07 JSON Schemas that accept the example and refuse broken files."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from samenplan.check.run import check_plan
from samenplan.load.source import read_source
from samenplan.plan import datum
from samenplan.plan.steps import DOCUMENTS
from samenplan.scaffold.schemafiles import print_schema, write_schemas
from support import HEIDEDORPEN, Cli, copy_example, run_process

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILES = {doc.file: doc.file.removesuffix(".yaml") + ".schema.json" for doc in DOCUMENTS}


def keys_anywhere(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*(keys_anywhere(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(keys_anywhere(v) for v in node))
    return set()


def refs_anywhere(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in refs_anywhere(v)]
    if isinstance(node, list):
        return [r for v in node for r in refs_anywhere(v)]
    return []


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("schemas") / "schemas"
    proc = run_process("schema", target)  # one real process for the whole module
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return target


def load(schema_dir: Path, plan_file: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((schema_dir / SCHEMA_FILES[plan_file]).read_text("utf-8"))
    return result


def test_schema_writes_eight_files(schema_dir: Path) -> None:
    assert len(DOCUMENTS) == 8
    assert sorted(p.name for p in schema_dir.iterdir()) == sorted(SCHEMA_FILES.values())


def test_schema_reports_written_files(cli: Cli, tmp_path: Path) -> None:
    proc = cli("schema", tmp_path / "s")
    assert proc.returncode == 0
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 8
    assert all(any(name in line for line in lines) for name in SCHEMA_FILES.values())


@pytest.mark.parametrize("plan_file", list(SCHEMA_FILES))
def test_each_schema_is_valid_draft07(schema_dir: Path, plan_file: str) -> None:
    schema = load(schema_dir, plan_file)
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT_07
    assert "$defs" not in keys_anywhere(schema)
    for ref in refs_anywhere(schema):
        assert ref.startswith("#/definitions/"), ref
        assert ref.removeprefix("#/definitions/") in schema.get("definitions", {}), ref


@pytest.mark.parametrize("plan_file", list(SCHEMA_FILES))
def test_example_files_validate(schema_dir: Path, plan_file: str) -> None:
    source = read_source(HEIDEDORPEN / plan_file, plan_file)
    assert source.ok
    validator = Draft7Validator(load(schema_dir, plan_file))  # no format checker
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(source.data)]
    assert errors == []


@pytest.mark.parametrize("plan_file", list(SCHEMA_FILES))
def test_unknown_top_level_key_fails(schema_dir: Path, plan_file: str) -> None:
    data = read_source(HEIDEDORPEN / plan_file, plan_file).data
    data["onbekend_veld"] = "x"
    assert not Draft7Validator(load(schema_dir, plan_file)).is_valid(data)


def test_broken_documents_fail(schema_dir: Path) -> None:
    validator = Draft7Validator(load(schema_dir, "02-samenwerking.yaml"))
    data = read_source(HEIDEDORPEN / "02-samenwerking.yaml", "02-samenwerking.yaml").data
    assert validator.is_valid(data)
    partner = data["partners"][0]

    partner["nam"] = partner.pop("naam")  # unknown nested key and missing required key
    assert not validator.is_valid(data)
    partner["naam"] = partner.pop("nam")
    assert validator.is_valid(data)

    partner["soort"] = "gemeentes"  # outside the closed list
    assert not validator.is_valid(data)
    partner["soort"] = "gemeente"

    data["geldstromen"][0]["bedrag"] = -1  # negative amount
    assert not validator.is_valid(data)
    data["geldstromen"][0]["bedrag"] = 1

    data["partners"] = {"a": 1}  # wrong type
    assert not validator.is_valid(data)


def test_manifest_schema_refuses_missing_required(schema_dir: Path) -> None:
    validator = Draft7Validator(load(schema_dir, "samenplan.yaml"))
    data = read_source(HEIDEDORPEN / "samenplan.yaml", "samenplan.yaml").data
    del data["titel"]
    assert not validator.is_valid(data)


def test_second_run_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "schemas"
    assert cli("schema", target).returncode == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in target.iterdir()}
    proc = cli("schema", target)
    assert proc.returncode == 0
    assert proc.stdout.strip() == ""
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in target.iterdir()}
    assert after == before
    assert write_schemas(target) == []


def test_changed_samenplan_schema_is_rewritten(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "schemas"
    assert cli("schema", target).returncode == 0
    path = target / SCHEMA_FILES["05-aanpak.yaml"]
    original = path.read_text("utf-8")
    path.write_text(original.replace('"title"', '"titel_oud"', 1), encoding="utf-8")
    proc = cli("schema", target)
    assert proc.returncode == 0
    assert SCHEMA_FILES["05-aanpak.yaml"] in proc.stdout
    assert len([line for line in proc.stdout.splitlines() if line.strip()]) == 1
    assert path.read_text("utf-8") == original


def test_refuses_to_overwrite_foreign_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "schemas"
    target.mkdir()
    foreign = target / SCHEMA_FILES["05-aanpak.yaml"]
    foreign.write_text('{"mijn": "eigen schema"}\n', encoding="utf-8")
    stat = foreign.stat()
    proc = cli("schema", target)
    assert proc.returncode == 2
    assert proc.stderr.strip() != ""
    assert "Traceback" not in proc.stderr
    assert foreign.read_text("utf-8") == '{"mijn": "eigen schema"}\n'
    assert foreign.stat().st_mtime_ns == stat.st_mtime_ns
    # Nothing else was written either.
    assert [p.name for p in target.iterdir()] == [foreign.name]


def test_refuses_a_file_as_target(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "schemas"
    target.write_text("niet een map\n", encoding="utf-8")
    proc = cli("schema", target)
    assert proc.returncode == 2
    assert target.read_text("utf-8") == "niet een map\n"
    assert "Traceback" not in proc.stderr


def test_toon_prints_valid_json(cli: Cli) -> None:
    proc = cli("schema", "--toon", "05-aanpak.yaml")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT_07
    assert proc.stdout == print_schema("05-aanpak.yaml")


def test_toon_matches_written_file(cli: Cli, schema_dir: Path) -> None:
    proc = cli("schema", "--toon", "05-aanpak.yaml")
    assert proc.stdout == (schema_dir / SCHEMA_FILES["05-aanpak.yaml"]).read_text("utf-8")


def test_toon_does_not_write_files(cli: Cli, tmp_path: Path) -> None:
    proc = cli("schema", "--toon", "samenplan.yaml", cwd=tmp_path)
    assert proc.returncode == 0
    assert list(tmp_path.iterdir()) == []


def test_toon_unknown_file_suggests(cli: Cli) -> None:
    proc = cli("schema", "--toon", "05-aanpak.yml")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "05-aanpak.yaml" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_number_where_text_is_expected_is_text_in_the_editor_as_in_check(tmp_path: Path) -> None:
    # `titel: 2024` passes check (the number is read as the text '2024'); the editor agrees.
    import jsonschema

    from samenplan.load.planfolder import load_plan
    from samenplan.plan.schema import build_schema
    from samenplan.plan.steps import BY_FILE

    manifest = {
        "formaatversie": 2,
        "titel": 2024,
        "gemeenten": [{"naam": "Rivierstad"}],
        "periode": {"van": "2024-01-01", "tot": "2025-12-31"},
        "fase": "concept",
    }
    validator = jsonschema.Draft7Validator(build_schema(BY_FILE["samenplan.yaml"]))
    assert not list(validator.iter_errors(manifest))
    assert list(validator.iter_errors({**manifest, "titel": True})), "true is no text"
    assert list(validator.iter_errors({**manifest, "fase": 2024})), "a vocabulary stays strict"
    plan = copy_example(tmp_path)
    path = plan / "samenplan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("titel: Samen Sterker in de Heidedorpen 2023-2025", "titel: 2024"), "utf-8")
    loaded = load_plan(plan)
    assert loaded.plan is not None and loaded.plan.manifest.titel == "2024"


def test_schema_refuses_an_id_with_spaces_as_the_loader_does() -> None:
    import jsonschema

    from samenplan.plan.schema import build_schema
    from samenplan.plan.steps import BY_FILE

    schema = build_schema(BY_FILE["05-aanpak.yaml"])
    bad = {"interventies": [{"id": "Huiswerk Klas", "naam": "Huiswerkklas"}]}
    good = {"interventies": [{"id": "huiswerk-klas", "naam": "Huiswerkklas"}]}
    validator = jsonschema.Draft7Validator(schema)
    assert list(validator.iter_errors(bad)), "an id with spaces and capitals must be refused"
    assert not list(validator.iter_errors(good))


# --- what the editor shows: Dutch, never a docstring or a regular expression --------------------

# Words that mark English text; none of them is a Dutch word.
# ("of" and "kind" are Dutch words too: "or" and "child".)
ENGLISH = {
    "the",
    "and",
    "which",
    "where",
    "with",
    "for",
    "that",
    "this",
    "how",
    "what",
    "when",
    "its",
    "lives",
}


def all_docstrings() -> set[str]:
    """Every docstring of the plan models and the vocabularies (which are English)."""
    import inspect

    from samenplan.plan import vocab
    from samenplan.plan.models import (
        aanpak,
        analyse,
        common,
        manifest,
        meten,
        regeling,
        resultaten,
        samenwerking,
        uitvoering,
        urgentie,
    )

    found = set()
    for module in (vocab, aanpak, analyse, common, manifest, meten, regeling, resultaten, samenwerking):
        found |= {inspect.getdoc(c) or "" for _, c in inspect.getmembers(module, inspect.isclass)}
    for module in (uitvoering, urgentie):
        found |= {inspect.getdoc(c) or "" for _, c in inspect.getmembers(module, inspect.isclass)}
    return {d for d in found if d}


def built() -> list[tuple[str, dict[str, Any]]]:
    from samenplan.plan.schema import build_schema

    return [(doc.file, build_schema(doc)) for doc in DOCUMENTS]


def nodes(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(n for v in node.values() for n in nodes(v))]
    if isinstance(node, list):
        return [n for v in node for n in nodes(v)]
    return []


def objects(node: Any) -> list[dict[str, Any]]:
    """Every schema node that may hold fields; not the catalog's if/then conditions on them."""
    if isinstance(node, list):
        return [n for v in node for n in objects(v)]
    if not isinstance(node, dict):
        return []
    inner = [v for k, v in node.items() if k not in ("allOf", "if", "then", "else")]
    return [node, *(n for v in inner for n in objects(v))]


def test_every_field_and_vocabulary_has_a_dutch_description() -> None:
    docstrings = all_docstrings()
    for file, schema in built():
        definitions = schema.get("definitions", {})
        for name, definition in definitions.items():
            assert definition.get("description"), (file, name)
        # every object anywhere (also inside anyOf and items), so a new field cannot slip through
        for owner, node in [("", schema), *definitions.items(), *(("inline", n) for n in objects(schema))]:
            for key, prop in node.get("properties", {}).items():
                refs = [prop, *prop.get("anyOf", [])]
                # pydantic leaves out a field's description when it equals its model's
                text = prop.get("description") or next(
                    (
                        definitions.get(r.get("$ref", "").rsplit("/", 1)[-1], {}).get("description")
                        for r in refs
                        if "$ref" in r
                    ),
                    None,
                )
                assert text, f"{file}: {owner}.{key} has no description"
        for node in nodes(schema):
            text = node.get("description")
            if isinstance(text, str):
                assert text not in docstrings, (file, text)
                words = set(re.findall(r"[a-z]+", text.lower()))
                assert not words & ENGLISH, (file, text, words & ENGLISH)


def test_the_fields_users_missed_are_described() -> None:
    schemas = dict(built())
    manifest = schemas["samenplan.yaml"]
    assert (
        manifest["properties"]["periode"].get("description")
        or manifest["definitions"]["Periode"]["description"]
    )
    interventie = schemas["05-aanpak.yaml"]["definitions"]["Interventie"]["properties"]
    for key in ("leefdomeinen", "naam", "begroting", "periode", "bereik"):
        assert interventie[key]["description"], key
    for key in ("kader", "gerelateerd", "vastgesteld_op", "wijzigingen", "vervolg"):
        assert manifest["properties"][key]["description"], key
    for model, keys in {"Kader": ("naam", "link"), "Gerelateerd": ("naam", "budget", "toelichting")}.items():
        for key in keys:
            assert manifest["definitions"][model]["properties"][key]["description"], (model, key)
    leefdomein = schemas["05-aanpak.yaml"]["definitions"]["Leefdomein"]
    assert leefdomein["description"].startswith("Waar een kind leeft")


def test_every_vocabulary_and_pattern_has_a_dutch_error_message() -> None:
    for file, schema in built():
        for node in nodes(schema):
            if "pattern" in node:
                message = node["patternErrorMessage"]
                assert any(
                    word in message for word in ("kleine letters", "GM", "onbekend", "schooljaar", "BRIN")
                )
            if "enum" in node:
                # as a user writes them in YAML: true and false, not Python's True and False
                allowed = ", ".join(
                    str(v).lower() if isinstance(v, bool) else str(v) for v in node["enum"][:-1]
                )
                assert node["errorMessage"].startswith("Deze waarde is niet toegestaan. Kies uit: "), file
                assert allowed in node["errorMessage"]


def _date_branch(node: dict[str, object]) -> bool:
    """Whether ``node`` is one branch of the anyOf of a Datum (plan/datum.py)."""
    patterns = {datum.DAG_PATTERN, datum.MAAND_PATTERN, datum.JAAR_PATTERN, datum.SCHOOLJAAR_PATTERN}
    year = node.get("type") == "integer" and node.get("minimum") == datum.EERSTE_JAAR
    return node.get("pattern") in patterns or year or node.get("const") == datum.ONBEKEND


def test_every_leaf_of_a_kind_has_a_dutch_message_for_a_wrong_value() -> None:
    from samenplan.plan.schema import ID_OR_NUMBER, TEXT_OR_NUMBER, TYPE_MESSAGES

    for file, schema in built():
        for node in nodes(schema):
            kind = "date" if node.get("format") == "date" else node.get("type")
            kind = "string" if kind in (TEXT_OR_NUMBER, ID_OR_NUMBER) else kind
            if kind == "object":
                assert "errorMessage" not in node, (file, "it would hide which field is missing")
            elif "enum" in node:
                assert node["errorMessage"].startswith("Deze waarde is niet toegestaan.")
            elif _date_branch(node):  # one form of a Datum: the message names every form
                assert node["errorMessage"] == datum.SCHRIJFWIJZE, (file, node)
            elif "const" in node and kind:  # one allowed value (formaatversie) says what to do instead
                assert "Staat hier" in node["errorMessage"], (file, node)
            elif kind in TYPE_MESSAGES:
                assert node["errorMessage"] == TYPE_MESSAGES[kind], (file, node)


def test_a_whole_number_as_id_is_an_id_in_the_editor_as_in_check(tmp_path: Path) -> None:
    """`id: 2024` is the id '2024' in check (the pattern allows digits); the editor agrees, and
    both refuse a negative or broken number."""
    import jsonschema

    from samenplan.plan.schema import build_schema
    from samenplan.plan.steps import BY_FILE

    validator = jsonschema.Draft7Validator(build_schema(BY_FILE["05-aanpak.yaml"]))

    def editor_accepts(ident: object) -> bool:
        errors = validator.iter_errors({"interventies": [{"id": ident, "naam": "Huiswerkklas"}]})
        return not [e for e in errors if "id" in e.absolute_path]

    plan = copy_example(tmp_path)
    path = plan / "05-aanpak.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.split("  - id: ", 1)[1].split("\n", 1)[0]
    for written, accepted in (("2024", True), ("-5", False), ("1.5", False)):
        path.write_text(text.replace(f"  - id: {first}\n", f"  - id: {written}\n", 1), encoding="utf-8")
        found = check_plan(plan).diagnostics
        where = [(d.code, d.location and (d.location.file, d.location.line)) for d in found]
        codes = [code for code, at in where if at == ("05-aanpak.yaml", 2)]
        assert (codes == []) is accepted, (written, codes)
        assert editor_accepts(int(written) if "." not in written else float(written)) is accepted, written
