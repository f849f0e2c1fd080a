"""JSON Schemas (draft-07, what VS Code's YAML extension reads) for every plan file."""

import json
from typing import Any

from samenplan.plan.schema_catalog import add_catalog_completion
from samenplan.plan.steps import DOCUMENTS, Document

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
MARKER = "Gemaakt door 'samenplan schema'; niet met de hand aanpassen."


def schema_file_name(doc: Document) -> str:
    """File name of the schema for ``doc``: '05-aanpak.schema.json'."""
    return doc.file.removesuffix(".yaml") + ".schema.json"


def build_schema(doc: Document) -> dict[str, Any]:
    """The draft-07 JSON Schema of one plan file, with Dutch descriptions."""
    schema = doc.model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    result: dict[str, Any] = {
        "$schema": DRAFT_07,
        "$comment": MARKER,
        **schema,
        "title": f"{doc.label}: {doc.title}" if doc.number else "samenplan.yaml",
    }
    if definitions:
        result["definitions"] = definitions
    add_catalog_completion(result)  # regeling and bestedingsdoel ids from the catalog
    _add_markdown(result)
    return result


def _add_markdown(node: Any) -> None:
    # VS Code shows markdownDescription in hovers; keep it equal to the description.
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            node.setdefault("markdownDescription", node["description"])
        for value in node.values():
            _add_markdown(value)
    elif isinstance(node, list):
        for value in node:
            _add_markdown(value)


def render_schemas() -> dict[str, str]:
    """Schema file name → JSON text, for every document of a plan."""
    return {
        schema_file_name(doc): json.dumps(build_schema(doc), ensure_ascii=False, indent=2) + "\n"
        for doc in DOCUMENTS
    }
