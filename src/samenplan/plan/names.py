"""How parts of a plan are named in Dutch messages: 'interventie 'huiswerkklas''."""

from typing import Any

from samenplan.diagnostics import KeyPath
from samenplan.plan.idkinds import KINDS

#: Singular noun for the items of each list in the format that is not an id kind.
_OTHER_SINGULAR: dict[str, str] = {
    "signalen": "signaal",
    "bestaand_beleid": "beleid",
    "werkgroep": "werkgroeplid",
    "overleg": "overleg",
    "besluitvorming": "besluit",
    "verdelingen": "verdeling",
    "posten": "post",
    "rondes": "ronde",
    "bestaand_aanbod": "aanbod",
    "witte_vlekken": "witte vlek",
    "begroting": "begrotingsregel",
    "metingen": "meting",
    "momenten": "moment",
    "bijsturing": "bijsturingsregel",
    "verantwoording": "verantwoording",
    "planning": "planning",
    "mijlpalen": "mijlpaal",
    "voortgang": "voortgang",
    "communicatie": "communicatie",
    "risicos": "risico",
    "gemeenten": "gemeente",
    "regelingen": "regeling",
    "bestedingsdoelen": "bestedingsdoel",
}

#: Singular noun for the items of each list in the format.
SINGULAR: dict[str, str] = {**{k.list_key: k.kind for k in KINDS}, **_OTHER_SINGULAR}

_FIELD_HINTS: dict[str, str] = {
    "id": "een korte id (kleine letters, bijvoorbeeld 'huiswerkklas')",
    "naam": "een naam",
    "soort": "de soort",
    "bedrag": "het bedrag in euro",
    "periode": "een periode met 'van:' en 'tot:'",
    "van": "een datum (een dag als 2024-08-01, een maand als 2024-08 of een schooljaar als 2024-2025)",
    "tot": "een datum (een dag als 2025-07-31, een maand als 2025-07 of een schooljaar als 2024-2025)",
    "datum": "een datum (een dag als 2024-03-15, een maand als 2024-03 of een jaar als 2024)",
    "fase": "de fase (concept, besluit, uitvoering of evaluatie)",
    "regeling": "de id van een regeling",
    "ontvanger": "de id van een partner",
    "geldstroom": "de id van een geldstroom",
    "bestedingsdoel": "de id van een bestedingsdoel",
    "indicator": "de id van een indicator",
    "interventie": "de id van een interventie",
    "partner": "de id van een partner",
}


def field_label(field: str) -> str:
    """What to fill in for a missing field."""
    return _FIELD_HINTS.get(field, "een waarde")


def describe_path(path: KeyPath, data: Any) -> str:
    """Dutch description of the innermost list items on ``path``, innermost first."""
    parts: list[str] = []
    node = data
    for i, part in enumerate(path):
        if isinstance(part, int) and i > 0 and isinstance(path[i - 1], str):
            noun = SINGULAR.get(str(path[i - 1]), str(path[i - 1]))
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"{noun} '{ident}'" if isinstance(ident, str) and ident else f"{noun} {part + 1}")
        node = _child(node, part)
    return " van ".join(reversed(parts))


def data_at(data: Any, path: KeyPath) -> Any:
    """The value at ``path`` in plain YAML data (dicts and lists); None when it is not there."""
    for part in path:
        data = _child(data, part)
    return data


def _child(node: Any, part: str | int) -> Any:
    if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
        return node[part]
    if isinstance(part, str) and isinstance(node, dict):
        return node.get(part)
    return None
