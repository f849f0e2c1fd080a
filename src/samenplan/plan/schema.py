"""JSON Schemas (draft-07, what VS Code's YAML extension reads) for every plan file."""

import json
from typing import Any

from samenplan.plan.models.common import ID_PATTERN
from samenplan.plan.schema_catalog import add_catalog_completion
from samenplan.plan.steps import DOCUMENTS, Document

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
MARKER = "Gemaakt door 'samenplan schema'; niet met de hand aanpassen."

#: What editors show for each closed vocabulary (the enums of plan/vocab.py), in Dutch.
VOCABULARIES = {
    "Leefdomein": "Waar een kind leeft: thuis, school, vrije_tijd en online (de vier van het "
    "stappenplan), en eventueel wijk.",
    "Ontwikkelgebied": "Ontwikkelgebied van een kind: cognitief, executief, sociaal en emotioneel "
    "(de vier van NP Onderwijs), en fysiek.",
    "PartnerSoort": "Soort organisatie of groep die meedoet aan het plan.",
    "Fase": "Fase van het plan: concept, besluit, uitvoering of evaluatie. Hoe later de fase, "
    "hoe strenger de controle.",
    "BronSoort": "Soort bron in de analyse: cijfers, signalen, gesprek of onderzoek.",
    "ResultaatSoort": "maatschappelijk: verandert iets in het leven van kinderen; proces: gaat "
    "over hoe de partners samenwerken.",
    "IndicatorSoort": "output telt hoeveel er gedaan is; outcome laat zien of kinderen en "
    "jongeren er beter van worden.",
    "OnderbouwingSoort": "Hoe de interventie onderbouwd is: uit de databank, de NPO-menukaart, "
    "of een eigen onderbouwing.",
    "Erkenningsniveau": "Erkenningsniveau in de Databank Effectieve Jeugdinterventies.",
    "Doelgebied": "Doelgebied van de NPO-menukaart, A tot en met F.",
    "BeleidSoort": "Soort bestaand beleid waarop het plan aansluit.",
    "OverlegSoort": "Soort overlegtafel: lea, oogo, bestuurlijk, werkgroep of overig.",
    "Orgaan": "Het orgaan dat voor een partner besluit.",
    "MomentSoort": "Soort moment: meetmoment, bijstuurmoment, rapportage of evaluatie.",
    "VerantwoordingVorm": "Hoe de besteding van een geldstroom verantwoord wordt.",
    "Status": "Hoe een interventie ervoor staat: gepland, loopt, afgerond of gestopt.",
    "Niveau": "laag, middel of hoog.",
    "Ernst": "Ernst van een melding: fout, waarschuwing of info.",
    "Kanaal": "Hoe het geld bij de ontvanger komt: specifieke_uitkering (SPUK), "
    "decentralisatie_uitkering, algemene_uitkering, bekostiging, subsidie, eigen_middelen of overig.",
    "DoelenStatus": "Hoe zeker de lijst met bestedingsdoelen is: vastgesteld (uit de officiële tekst), "
    "niet_nagekeken (kan onvolledig zijn) of niet_geoormerkt (geld zonder oormerk).",
}

#: The message the YAML language server shows when a text does not match a pattern
#: (its keyword is patternErrorMessage; without it the user sees the regular expression).
PATTERN_MESSAGES = {
    ID_PATTERN: "Een id bestaat uit kleine letters, cijfers, - en _, en begint met een letter of "
    "cijfer: geen spaties of hoofdletters. Bijvoorbeeld huiswerkklas-noord.",
    r"^GM\d{4}$": "Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0363.",
}


def schema_file_name(doc: Document) -> str:
    """File name of the schema for ``doc``: '05-aanpak.schema.json'."""
    return doc.file.removesuffix(".yaml") + ".schema.json"


#: What the YAML language server shows for a value of the wrong kind (its keyword errorMessage,
#: used for a type mismatch and a wrong date). Not for objects: there the same keyword would
#: replace the names of missing and unknown fields.
TYPE_MESSAGES = {
    "date": "Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2025-08-01.",
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
    for name, definition in definitions.items():
        if "enum" in definition:
            _describe_vocabulary(name, definition)
    if definitions:
        result["definitions"] = definitions
    add_catalog_completion(result)  # regeling and bestedingsdoel ids from the catalog
    _add_pattern_messages(result)
    _add_type_messages(result)
    _add_markdown(result)
    return result


def _describe_vocabulary(name: str, definition: dict[str, Any]) -> None:
    """Dutch text for a closed vocabulary (pydantic would show the enum's English docstring)."""
    values = [str(v) for v in definition["enum"]]
    allowed = ", ".join(values[:-1]) + f" of {values[-1]}" if len(values) > 1 else values[0]
    definition["description"] = VOCABULARIES[name]
    # Shown by the YAML language server for a value that is not in the list.
    definition["errorMessage"] = f"Deze waarde is niet toegestaan. Kies uit: {allowed}."


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
    return {
        schema_file_name(doc): json.dumps(build_schema(doc), ensure_ascii=False, indent=2) + "\n"
        for doc in DOCUMENTS
    }
