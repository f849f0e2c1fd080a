"""JSON Schemas (draft-07, what VS Code's YAML extension reads) for every plan file."""

import functools
import json
from typing import Any

from samenplan.plan import datum
from samenplan.plan.models.common import BEDRAG_PATTERN, BEGROTINGSJAAR_PATTERN, ID_PATTERN
from samenplan.plan.models.samenwerking import BRIN_PATTERN
from samenplan.plan.schema_catalog import add_catalog_completion
from samenplan.plan.steps import DOCUMENTS, Document

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
MARKER = "Gemaakt door 'samenplan schema'; niet met de hand aanpassen."

#: The message the YAML language server shows when a text does not match a pattern
#: (its keyword is patternErrorMessage; without it the user sees the regular expression).
#: What the editor says for a date in none of the allowed forms.
DATUM_MESSAGE = datum.SCHRIJFWIJZE

PATTERN_MESSAGES = {
    ID_PATTERN: "Een id bestaat uit kleine letters, cijfers, - en _, en begint met een letter of "
    "cijfer: geen spaties of hoofdletters. Bijvoorbeeld huiswerkklas-noord.",
    r"^GM\d{4}$": "Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0363.",
    BEDRAG_PATTERN: "Een bedrag is een getal (125000), of onbekend, of een getal met ervoor "
    "ongeveer, minstens of hoogstens: ongeveer 1.500.000.",
    BEGROTINGSJAAR_PATTERN: "Een jaar is een kalenderjaar (2024) of een schooljaar (2023-2024).",
    **dict.fromkeys(
        (datum.DAG_PATTERN, datum.MAAND_PATTERN, datum.JAAR_PATTERN, datum.SCHOOLJAAR_PATTERN),
        DATUM_MESSAGE,
    ),
    BRIN_PATTERN: "Een BRIN-nummer heeft 4 tekens (twee cijfers en twee letters, 12AB), of 6 "
    "voor een vestiging (12AB00).",
}


def schema_file_name(doc: Document) -> str:
    """File name of the schema for ``doc``: '05-aanpak.schema.json'."""
    return doc.file.removesuffix(".yaml") + ".schema.json"


#: What the YAML language server shows for a value of the wrong kind (its keyword errorMessage,
#: used for a type mismatch and a wrong date). Not for objects: there the same keyword would
#: replace the names of missing and unknown fields.
TYPE_MESSAGES = {
    "date": datum.SCHRIJFWIJZE,
    "number": "Schrijf hier een getal, zonder punt of spatie als duizendtal: 125000 of 12.5.",
    "integer": "Schrijf hier een heel getal, bijvoorbeeld 12.",
    "boolean": "Schrijf hier true (ja) of false (nee).",
    "string": "Schrijf hier tekst.",
    "array": "Schrijf hier een lijst: [a, b] op één regel, of elke waarde op een eigen regel met '- '.",
}


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
    for definition in definitions.values():
        if "enum" in definition:
            _describe_vocabulary(definition)
    if definitions:
        result["definitions"] = definitions
    add_catalog_completion(result)  # regeling and bestedingsdoel ids from the catalog
    _numbers_as_text(result)
    _add_pattern_messages(result)
    _add_type_messages(result)
    _add_markdown(result)
    return result


def _describe_vocabulary(definition: dict[str, Any]) -> None:
    """The list of allowed values; the Dutch description comes with the enum (vocab.described)."""
    values = [str(v) for v in definition["enum"]]
    allowed = ", ".join(values[:-1]) + f" of {values[-1]}" if len(values) > 1 else values[0]
    # Shown by the YAML language server for a value that is not in the list.
    definition["errorMessage"] = f"Deze waarde is niet toegestaan. Kies uit: {allowed}."


#: A text field that also takes a number: ``titel: 2024`` reads as the text '2024' in check
#: (the models set coerce_numbers_to_str), so the editor accepts it too.
TEXT_OR_NUMBER = ["string", "number"]


#: An id that is a whole number (``id: 2024``) reads as the id '2024' in check, which the id
#: pattern allows; a negative or broken number does not fit the pattern in check either.
ID_OR_NUMBER = ["string", "integer"]


def _numbers_as_text(node: Any) -> None:
    """Let every free text accept a number, as check does, and an id a whole number from 0;
    codes and dates stay strict."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(node):
            node["type"] = TEXT_OR_NUMBER
            node.setdefault("errorMessage", TYPE_MESSAGES["string"])
        elif node.get("type") == "string" and node.get("pattern") == ID_PATTERN:
            node["type"] = ID_OR_NUMBER
            node["minimum"] = 0
            node.setdefault("errorMessage", TYPE_MESSAGES["string"])
        for value in node.values():
            _numbers_as_text(value)
    elif isinstance(node, list):
        for value in node:
            _numbers_as_text(value)


def _add_type_messages(node: Any) -> None:
    if isinstance(node, dict):
        kind = "date" if node.get("format") == "date" else node.get("type")
        if isinstance(kind, str) and kind in TYPE_MESSAGES:
            node.setdefault("errorMessage", TYPE_MESSAGES[kind])
        for value in node.values():
            _add_type_messages(value)
    elif isinstance(node, list):
        for value in node:
            _add_type_messages(value)


def _add_pattern_messages(node: Any) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            node["patternErrorMessage"] = PATTERN_MESSAGES[node["pattern"]]
        for value in node.values():
            _add_pattern_messages(value)
    elif isinstance(node, list):
        for value in node:
            _add_pattern_messages(value)


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
    return dict(_schema_texts())


@functools.cache
def _schema_texts() -> tuple[tuple[str, str], ...]:
    # Made once per process (a fifth of a second): the schemas follow from the models and the
    # shipped catalog only, and init, migrate and schema may each ask more than once.
    return tuple(
        (schema_file_name(doc), json.dumps(build_schema(doc), ensure_ascii=False, indent=2) + "\n")
        for doc in DOCUMENTS
    )
