"""Validate one file's data against its model; pydantic errors become Dutch diagnostics."""

import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from samenplan import codes
from samenplan.diagnostics import Diagnostic, KeyPath
from samenplan.load.locate import PositionIndex
from samenplan.plan.names import describe_path, field_label
from samenplan.suggest import did_you_mean

_DATE_ERRORS = {
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_type",
    "datum_ongeldig",
    "date_future",
    "date_past",
}
_AMOUNT_FIELDS = {"bedrag", "besteed"}
_KIND = {
    "string_type": "tekst",
    "list_type": "een lijst (met een streepje per regel)",
    "model_type": "een groep velden",
    "model_attributes_type": "een groep velden",
    "dict_type": "een groep velden",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "decimal_parsing": "een getal",
    "decimal_type": "een getal",
    "float_parsing": "een getal",
    "float_type": "een getal",
    "getal_ongeldig": "een getal",
    "bool_type": "ja of nee (true/false)",
}


def validate(
    model: type[BaseModel], data: Any, positions: PositionIndex
) -> tuple[BaseModel | None, list[Diagnostic]]:
    """The validated model, or None and one diagnostic per problem."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_diagnostic(model, data, err, positions) for err in exc.errors()]


def _diagnostic(model: type[BaseModel], data: Any, err: ErrorDetails, positions: PositionIndex) -> Diagnostic:
    path: KeyPath = tuple(err["loc"])
    kind = err["type"]
    field = str(path[-1]) if path and isinstance(path[-1], str) else ""
    where = describe_path(path[:-1] if field else path, data)
    where_text = f" in {where}" if where else ""
    value = err.get("input")
    at_key = False

    if kind == "missing":
        code, at_key = codes.MISSING_FIELD, True
        message = f"Het verplichte veld '{field}' ontbreekt{where_text}."
        hint = f"Voeg '{field}:' toe met {field_label(field)}."
        path = path[:-1]
    elif kind == "extra_forbidden":
        code, at_key = codes.UNKNOWN_KEY, True
        allowed = _allowed_keys(model, path[:-1])
        message = f"Het veld '{field}' is onbekend{where_text}."
        hint = did_you_mean(field, allowed) or (
            "Toegestaan zijn: " + ", ".join(allowed) + "." if allowed else ""
        )
    elif kind in ("enum", "literal_error"):
        code = codes.UNKNOWN_VALUE
        allowed = _allowed_values(model, path)
        label = f"'{field}'" if field else describe_path(path[:-1], data) or "deze lijst"
        message = f"'{value}' is geen toegestane waarde voor {label}."
        hint = " ".join(
            filter(None, [did_you_mean(str(value), allowed), "Toegestaan: " + ", ".join(allowed) + "."])
        )
    elif kind in _DATE_ERRORS:
        code = codes.BAD_DATE
        message = f"'{value}' is geen geldige datum{where_text}."
        hint = "Schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2024-08-01."
    elif kind.startswith("bedrag_") or (field in _AMOUNT_FIELDS and kind in _KIND):
        code = codes.BAD_AMOUNT
        message, hint = _amount_text(kind, value, where_text)
    elif kind in _KIND:
        code = codes.WRONG_TYPE
        name = f"'{field}'" if field else "deze waarde"
        empty = value is None or value == ""
        message = (
            f"{name.capitalize() if not field else name} is leeg{where_text}."
            if empty
            else f"{name} moet {_KIND[kind]} zijn{where_text}."
        )
        hint = f"Vul {_KIND[kind]} in, of haal de regel weg." if empty else f"Nu staat er: {_show(value)}."
    else:
        code = codes.BAD_VALUE
        message, hint = _value_text(kind, field, value, err, where_text)
    return Diagnostic(
        code.code, code.severity, message, positions.locate(path, at_key=at_key), hint, key_path=path
    )


def _amount_text(kind: str, value: Any, where: str) -> tuple[str, str]:
    if kind == "bedrag_duizendtal":
        plain = str(value).replace(".", "")
        return (
            f"Het bedrag '{value}'{where} heeft een punt tussen de duizendtallen.",
            f"YAML leest dat als een kommagetal. Schrijf {plain} zonder punt.",
        )
    if kind == "bedrag_negatief":
        return (
            f"Het bedrag {value}{where} is negatief.",
            "Een bedrag is 0 of meer. Geld dat terug moet, schrijf je in de toelichting.",
        )
    if kind == "bedrag_te_groot":
        return (f"Het bedrag {_show(value)}{where} is te groot.", _TOO_LARGE)
    return (
        f"{_show(value)}{where} is geen geldig bedrag.",
        "Schrijf een bedrag in euro als getal, zonder euroteken of punten: 125000.",
    )


_TOO_LARGE = "Een getal of bedrag in een plan is kleiner dan een miljoen miljard (10^15)."


def _value_text(kind: str, field: str, value: Any, err: ErrorDetails, where: str) -> tuple[str, str]:
    name = f"'{field}'" if field else "De waarde"
    ctx = err.get("ctx") or {}
    if kind == "getal_te_groot":
        return f"{name} is te groot{where}: {_show(value)}.", _TOO_LARGE
    if kind == "id_ongeldig" or (kind == "string_pattern_mismatch" and field != "cbs_code"):
        return (
            f"'{value}' is geen geldige id{where}.",
            "Een id bestaat uit kleine letters, cijfers, - en _, zonder spaties: 'huiswerkklas-noord'.",
        )
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is geen geldige CBS-code{where}.",
            "Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0363.",
        )
    if kind == "string_too_short":
        return f"{name} is leeg{where}.", "Vul een waarde in."
    if kind == "too_short":
        return f"{name} bevat geen enkele waarde{where}.", "Zet er minstens één in."
    if kind == "string_too_long":
        return (f"{name} is te lang{where}.", f"Maximaal {ctx.get('max_length')} tekens.")
    if kind in ("greater_than_equal", "greater_than"):
        return (
            f"{name} is {value}{where}, maar moet minstens {ctx.get('ge', ctx.get('gt'))} zijn.",
            "Pas de waarde aan.",
        )
    if kind in ("less_than_equal", "less_than"):
        return (
            f"{name} is {value}{where}, maar mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn.",
            "Pas de waarde aan.",
        )
    return (
        f"{name} klopt niet{where}: {_show(value)}.",
        f"Controleer de waarde; 'samenplan explain {codes.BAD_VALUE.code}' legt uit wat er mag.",
    )


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _unwrap(tp: Any) -> Any:
    """Strip Annotated, Optional and list[...] down to the element type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp


def _type_at(model: type[BaseModel], path: KeyPath) -> Any:
    tp: Any = model
    for part in path:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if isinstance(part, int) and origin is list:
            tp = typing.get_args(tp)[0]
        elif isinstance(part, str) and origin is dict:
            tp = typing.get_args(tp)[1]
        elif isinstance(part, str) and isinstance(tp, type) and issubclass(tp, BaseModel):
            info = tp.model_fields.get(part)
            if info is None:
                return None
            tp = info.annotation
        else:
            return None
    return _unwrap(tp)


def _allowed_keys(model: type[BaseModel], path: KeyPath) -> list[str]:
    tp = _type_at(model, path)
    return list(tp.model_fields) if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def _allowed_values(model: type[BaseModel], path: KeyPath) -> list[str]:
    tp = _type_at(model, path)
    if typing.get_origin(tp) is list:
        tp = _unwrap(typing.get_args(tp)[0])
    if isinstance(tp, type) and issubclass(tp, Enum):
        return [str(m.value) for m in tp]
    return []
