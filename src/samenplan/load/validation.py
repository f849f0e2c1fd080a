"""Validate one file's data against its model; pydantic errors become Dutch diagnostics."""

import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from samenplan import codes
from samenplan.diagnostics import Diagnostic, KeyPath
from samenplan.dutch import datum
from samenplan.load.locate import PositionIndex
from samenplan.plan.idkinds import BY_KIND, reference_at
from samenplan.plan.names import data_at, describe_path, field_label
from samenplan.plan.steps import DOCUMENTS
from samenplan.plan.validators import validator
from samenplan.suggest import did_you_mean

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
    "bool_type": "true of false",
}


@dataclass(frozen=True)
class _Error:
    """One pydantic error, with what every message needs."""

    model: type[BaseModel]
    data: Any
    path: KeyPath
    kind: str
    value: Any
    ctx: dict[str, Any]

    @cached_property
    def field(self) -> str:
        """The field the error is about; '' for a list item."""
        return str(self.path[-1]) if self.path and isinstance(self.path[-1], str) else ""

    @cached_property
    def where(self) -> str:
        """' in interventie 'x'', or '' at the top of a file."""
        where = describe_path(self.path[:-1] if self.field else self.path, self.data)
        return f" in {where}" if where else ""

    @property
    def name(self) -> str:
        """'veld' in quotes, or 'De waarde' for a list item."""
        return f"'{self.field}'" if self.field else "De waarde"


Text = Callable[[_Error], tuple[str, str]]


@dataclass(frozen=True)
class _Mapping:
    """What an error type becomes: its code, its message and hint, and where it points."""

    code: codes.Code
    text: Text
    at_key: bool = False  # point at the key rather than the value
    at_parent: bool = False  # point at the group that lacks the field


def _missing(e: _Error) -> tuple[str, str]:
    return (
        f"Het verplichte veld '{e.field}' ontbreekt{e.where}.",
        f"Voeg '{e.field}:' toe met {field_label(e.field)}.",
    )


def _unknown_key(e: _Error) -> tuple[str, str]:
    allowed = _allowed_keys(e.model, e.path[:-1])
    hint = did_you_mean(e.field, allowed) or (
        "Toegestaan zijn: " + ", ".join(allowed) + "." if allowed else ""
    )
    return f"Het veld '{e.field}' is onbekend{e.where}.", hint


def _unknown_value(e: _Error) -> tuple[str, str]:
    allowed = _allowed_values(e.model, e.path)
    label = f"'{e.field}'" if e.field else describe_path(e.path[:-1], e.data) or "deze lijst"
    hint = " ".join(
        filter(None, [did_you_mean(str(e.value), allowed), "Toegestaan: " + ", ".join(allowed) + "."])
    )
    return f"'{e.value}' is geen toegestane waarde voor {label}.", hint


#: The forms a date may take, for every date message.
_DATUM_VORMEN = (
    "Schrijf een dag als 2024-08-01, een maand als 2024-08, een jaar als 2024, een schooljaar als "
    "2024-2025, of onbekend."
)


def _bad_date(e: _Error) -> tuple[str, str]:
    text = str(e.value).strip()
    if re.fullmatch(r"\d{4}\s*/\s*\d{4}", text):
        first = text.split("/")[0].strip()
        return (
            f"'{text}' is geen geldige datum{e.where}: een schooljaar schrijf je met een streepje.",
            f"Schrijf {first}-{int(first) + 1}.",
        )
    message = f"'{_show_date(e.value)}' is geen geldige datum{e.where}."
    from samenplan.plan.meant import datum_meant  # only for a message: its patterns load then

    meant = datum_meant(text) if isinstance(e.value, str) else None
    if meant is None:
        return message, _DATUM_VORMEN
    write = f"{e.field}: {meant.tekst}" if e.field else meant.tekst
    return message, f"Bedoel je {datum(meant)}? Schrijf dan {write}."


def _show_date(value: Any) -> str:
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    return str(value)[:60]


def _date_not_real(e: _Error) -> tuple[str, str]:
    return (
        f"De datum '{e.value}'{e.where} bestaat niet: die dag komt in die maand niet voor.",
        "Schrijf een bestaande dag als JJJJ-MM-DD, bijvoorbeeld 2024-02-29. Weet je alleen de maand? "
        "Schrijf dan 2024-02.",
    )


def _date_month(e: _Error) -> tuple[str, str]:
    return (
        f"De datum '{e.value}'{e.where} heeft een maand die niet bestaat.",
        "Een maand is 01 tot en met 12: schrijf bijvoorbeeld 2021-10 voor oktober 2021.",
    )


def _date_year(e: _Error) -> tuple[str, str]:
    return (
        f"Het jaar in '{e.value}'{e.where} ligt niet tussen 1900 en 2100.",
        "Kijk of er een cijfer te veel of te weinig staat. " + _DATUM_VORMEN,
    )


def _school_year(e: _Error) -> tuple[str, str]:
    first = str(e.value).strip()[:4]
    hint = f"Bedoel je schooljaar {first}-{int(first) + 1}? " if first.isdigit() else ""
    return (
        f"'{e.value}'{e.where} is geen schooljaar: een schooljaar loopt van het ene jaar naar "
        "het volgende, bijvoorbeeld 2022-2023.",
        hint + "Een schooljaar loopt van 1 augustus tot en met 31 juli.",
    )


def _thousands(e: _Error) -> tuple[str, str]:
    plain = str(e.value).replace(".", "")
    return (
        f"Het bedrag '{e.value}'{e.where} heeft een punt tussen de duizendtallen.",
        f"YAML leest dat als een kommagetal. Schrijf {plain} zonder punt.",
    )


def _number_thousands(e: _Error) -> tuple[str, str]:
    text = str(e.value)
    name = e.field or "getal"
    whole = text.replace(".", "")
    if text.count(".") > 1:
        return (
            f"'{text}'{e.where} heeft punten tussen de duizendtallen.",
            f"Een getal in het plan heeft geen punt tussen de duizendtallen. Schrijf {name}: {whole}.",
        )
    decimal = text.rstrip("0").rstrip(".")
    return (
        f"'{text}'{e.where} is niet duidelijk: bedoel je {whole} (met een punt tussen de "
        f"duizendtallen) of {decimal.replace('.', ',')}?",
        f"Schrijf {name}: {whole} voor {whole}, of {name}: {decimal} voor {decimal.replace('.', ',')}. "
        "Een getal in het plan heeft geen punt tussen de duizendtallen.",
    )


def _negative(e: _Error) -> tuple[str, str]:
    return (
        f"Het bedrag {e.value}{e.where} is negatief.",
        "Een bedrag is 0 of meer. Geld dat terug moet, schrijf je in de toelichting.",
    )


_TOO_LARGE = "Een getal of bedrag in een plan is kleiner dan een miljoen miljard (10^15)."


def _amount_too_large(e: _Error) -> tuple[str, str]:
    return f"Het bedrag {_show(e.value)}{e.where} is te groot.", _TOO_LARGE


def _number_too_large(e: _Error) -> tuple[str, str]:
    return f"{e.name} is te groot{e.where}: {_show(e.value)}.", _TOO_LARGE


def _bad_amount(e: _Error) -> tuple[str, str]:
    name = e.field or "bedrag"
    if e.value is None:
        return (
            f"'{name}' is leeg{e.where}.",
            "Vul het bedrag in euro in, als getal zonder punten: 125000. Weet je het nog niet? "
            f"Schrijf dan {name}: onbekend; check meldt dat tot het is ingevuld.",
        )
    text = str(e.value).strip()
    if text.isdigit() and len(text) > 15:  # a number the loader kept as text: too large to be one
        return _amount_too_large(e)
    if text.isdigit():
        return (
            f"Het bedrag '{text}'{e.where} staat tussen aanhalingstekens; dan is het tekst, geen getal.",
            f"Schrijf het bedrag zonder aanhalingstekens: {name}: {text}.",
        )
    if match := _COMMA_THOUSANDS.match(text):
        whole, part = match.groups()
        decimal = f"{whole}.{part}".rstrip("0").rstrip(".")
        return (
            f"'{text}'{e.where} is geen geldig bedrag: een komma hoort niet in een bedrag.",
            f"Bedoel je {whole}{part} euro? Schrijf {name}: {whole}{part}. Bedoel je {decimal} "
            f"euro? Schrijf {name}: {decimal}.",
        )
    from samenplan.plan.meant import plain_amount

    plain = plain_amount(text)
    if plain is not None:
        return (
            f"'{text}'{e.where} is geen geldig bedrag: er staat meer dan het getal.",
            "Schrijf het bedrag als één getal in euro, zonder euroteken, punten, ',-' of woorden "
            f"als miljoen: {name}: {plain}.",
        )
    return (
        f"{_show(e.value)}{e.where} is geen geldig bedrag.",
        "Schrijf een bedrag in euro als getal, zonder euroteken of punten: 125000.",
    )


def _bad_year(e: _Error) -> tuple[str, str]:
    return (
        f"'{e.value}'{e.where} is geen geldig jaar.",
        "Schrijf een kalenderjaar (jaar: 2024) of een schooljaar (jaar: 2023-2024).",
    )


def _bad_amount_word(e: _Error) -> tuple[str, str]:
    name = e.field or "bedrag"
    text = " ".join(str(e.value).split())
    word = str(e.ctx.get("word") or "")  # the word the amount starts with (plan/models/common.py)
    from samenplan.plan.meant import plain_amount

    plain = plain_amount(text[len(word) :]) if word else None
    if plain is not None:
        return (
            f"'{e.value}'{e.where} is geen geldig bedrag: na '{word}' hoort alleen het getal.",
            f"Schrijf {name}: {word} {plain}.",
        )
    return (
        f"'{e.value}'{e.where} is geen geldig bedrag.",
        f"Schrijf een getal ({name}: 125000), {name}: onbekend, of een getal met ervoor "
        f"ongeveer, minstens of hoogstens: {name}: ongeveer 1.500.000.",
    )


#: '12,500': a comma before three digits, a thousands separator or a decimal comma.
_COMMA_THOUSANDS = re.compile(r"^(\d{1,3}),(\d{3})$")


#: What a person means by a yes or no written in Dutch, where the plan takes true or false.
_JA_NEE = {"ja": "true", "j": "true", "waar": "true", "nee": "false", "n": "false", "onwaar": "false"}


def _bad_bool(e: _Error) -> tuple[str, str]:
    name = e.field or "de waarde"
    meant = _JA_NEE.get(str(e.value).strip().lower())
    return (
        f"{e.name} moet true of false zijn{e.where}; nu staat er {_show(e.value)}.",
        f"Schrijf {name}: {meant}." if meant else f"Schrijf {name}: true (ja) of {name}: false (nee).",
    )


def _wrong_type(e: _Error) -> tuple[str, str]:
    name = f"'{e.field}'" if e.field else "deze waarde"
    kind = _KIND[e.kind]
    if e.value is None or e.value == "":
        return (
            f"{name if e.field else name.capitalize()} is leeg{e.where}.",
            f"Vul {kind} in, of haal de regel weg.",
        )
    hint = f"Nu staat er: {_show(e.value)}."
    if e.kind == "list_type" and e.field and _short_line(e.value):
        # 'leefdomeinen: school, thuis': the brackets are missing
        hint += f" Zet de waarden tussen blokhaken: {e.field}: [{e.value}]."
    elif e.kind == "decimal_parsing" and e.field and isinstance(e.value, str):
        hint += _number_hint(e.field, e.value)
    return f"{name} moet {kind} zijn{e.where}.", hint


#: '5,5' (a decimal comma) and '55%' or '5,5 %' (a percentage sign) where a number belongs.
_DECIMAL_COMMA_NUMBER = re.compile(r"^\d+,\d+$")
_PERCENTAGE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%$")


def _number_hint(field: str, value: str) -> str:
    text = value.strip()
    if _DECIMAL_COMMA_NUMBER.match(text):
        return f" Schrijf een punt in plaats van de komma: {field}: {text.replace(',', '.')}."
    if match := _PERCENTAGE.match(text):
        number = match[1].replace(",", ".")
        return (
            f" Schrijf alleen het getal: {field}: {number}. Dat het om procenten gaat, zet je bij "
            "de eenheid: eenheid: '%'."
        )
    return ""


def _short_line(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 80 and "\n" not in value


def _bad_id(e: _Error) -> tuple[str, str]:
    message = f"'{e.value}' is geen geldige id{e.where}."
    doc = next((d for d in DOCUMENTS if d.model is e.model), None)
    ref = reference_at(doc.slug, e.path) if doc is not None else None
    if ref is not None:  # the id of an item elsewhere; load/namedids.py may name the item
        kind = BY_KIND.get(ref.kind)
        if kind is not None:
            return message, (
                f"Hier hoort de id van een {kind.kind}: wat bij die {kind.kind} achter 'id:' staat, "
                f"niet de naam. {kind.where}"
            )
        return message, f"{_ID_FORM}: 'huiswerkklas-noord'."
    from samenplan.plan.meant import id_meant

    meant = id_meant(e.value) if isinstance(e.value, str) else None
    if meant is None or meant == e.value:
        return message, f"{_ID_FORM}: 'huiswerkklas-noord'."
    return message, f"{_ID_FORM}. Schrijf bijvoorbeeld '{meant}', en noem het overal in het plan zo."


_ID_FORM = "Een id bestaat uit kleine letters, cijfers, - en _, zonder spaties"


def _bad_cbs(e: _Error) -> tuple[str, str]:
    return (
        f"'{e.value}' is geen geldige CBS-code{e.where}.",
        "Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0363.",
    )


def _bad_brin(e: _Error) -> tuple[str, str]:
    return (
        f"'{e.value}' is geen geldig BRIN-nummer{e.where}.",
        "Een BRIN-nummer heeft 4 tekens: twee cijfers en twee letters, bijvoorbeeld 12AB. Een "
        "vestiging heeft er 6: 12AB00. Weet je het niet? Laat `brin:` dan weg.",
    )


def _empty(e: _Error) -> tuple[str, str]:
    return f"{e.name} is leeg{e.where}.", "Vul een waarde in."


def _no_items(e: _Error) -> tuple[str, str]:
    return f"{e.name} bevat geen enkele waarde{e.where}.", "Zet er minstens één in."


def _too_long(e: _Error) -> tuple[str, str]:
    return f"{e.name} is te lang{e.where}.", f"Maximaal {e.ctx.get('max_length')} tekens."


def _too_small(e: _Error) -> tuple[str, str]:
    bound = e.ctx.get("ge", e.ctx.get("gt"))
    return f"{e.name} is {e.value}{e.where}, maar moet minstens {bound} zijn.", "Pas de waarde aan."


def _too_large(e: _Error) -> tuple[str, str]:
    bound = e.ctx.get("le", e.ctx.get("lt"))
    return f"{e.name} is {e.value}{e.where}, maar mag hoogstens {bound} zijn.", "Pas de waarde aan."


_DATE = _Mapping(codes.BAD_DATE, _bad_date)
_WRONG_TYPE = _Mapping(codes.WRONG_TYPE, _wrong_type)

#: pydantic error type (or a custom one raised by a type in plan/models/common.py) → what it becomes.
BY_TYPE: dict[str, _Mapping] = {
    "missing": _Mapping(codes.MISSING_FIELD, _missing, at_key=True, at_parent=True),
    "extra_forbidden": _Mapping(codes.UNKNOWN_KEY, _unknown_key, at_key=True),
    "enum": _Mapping(codes.UNKNOWN_VALUE, _unknown_value),
    "literal_error": _Mapping(codes.UNKNOWN_VALUE, _unknown_value),
    **dict.fromkeys(
        (
            "date_parsing",
            "date_from_datetime_parsing",
            "date_from_datetime_inexact",
            "date_type",
            "datum_ongeldig",
            "date_future",
            "date_past",
        ),
        _DATE,
    ),
    "datum_bestaat_niet": _Mapping(codes.BAD_DATE, _date_not_real),
    "datum_maand": _Mapping(codes.BAD_DATE, _date_month),
    "datum_jaar": _Mapping(codes.BAD_DATE, _date_year),
    "datum_schooljaar": _Mapping(codes.BAD_DATE, _school_year),
    "bedrag_duizendtal": _Mapping(codes.BAD_AMOUNT, _thousands),
    "getal_duizendtal": _Mapping(codes.BAD_VALUE, _number_thousands),
    "bedrag_negatief": _Mapping(codes.BAD_AMOUNT, _negative),
    "bedrag_ongeldig": _Mapping(codes.BAD_AMOUNT, _bad_amount),
    "bedrag_woord": _Mapping(codes.BAD_AMOUNT, _bad_amount_word),
    "jaar_ongeldig": _Mapping(codes.BAD_VALUE, _bad_year),
    "bedrag_te_groot": _Mapping(codes.BAD_AMOUNT, _amount_too_large),
    "getal_te_groot": _Mapping(codes.BAD_VALUE, _number_too_large),
    **dict.fromkeys(_KIND, _WRONG_TYPE),
    "bool_parsing": _Mapping(codes.WRONG_TYPE, _bad_bool),
    "id_ongeldig": _Mapping(codes.BAD_VALUE, _bad_id),
    "string_pattern_mismatch": _Mapping(codes.BAD_VALUE, _bad_id),
    "cbs_ongeldig": _Mapping(codes.BAD_VALUE, _bad_cbs),
    "brin_ongeldig": _Mapping(codes.BAD_VALUE, _bad_brin),
    "string_too_short": _Mapping(codes.BAD_VALUE, _empty),
    "too_short": _Mapping(codes.BAD_VALUE, _no_items),
    "string_too_long": _Mapping(codes.BAD_VALUE, _too_long),
    "too_long": _Mapping(codes.BAD_VALUE, _too_long),  # a length checked after a validator (Id)
    "greater_than_equal": _Mapping(codes.BAD_VALUE, _too_small),
    "greater_than": _Mapping(codes.BAD_VALUE, _too_small),
    "less_than_equal": _Mapping(codes.BAD_VALUE, _too_large),
    "less_than": _Mapping(codes.BAD_VALUE, _too_large),
}


def validate(
    model: type[BaseModel], data: Any, positions: PositionIndex
) -> tuple[BaseModel | None, list[Diagnostic]]:
    """The validated model, or None and one diagnostic per problem."""
    try:
        return validator(model).validate_python(data), []
    except ValidationError as exc:
        errors = exc.errors()
        split, rest = _split_amounts(data, errors, positions)
        return None, split + [_diagnostic(model, data, err, positions) for err in rest]


#: Fields that hold an amount in euro; a comma in { } can split them into an unknown key.
_AMOUNT_FIELDS = ("bedrag", "besteed")


def _split_amounts(
    data: Any, errors: list[ErrorDetails], positions: PositionIndex
) -> tuple[list[Diagnostic], list[ErrorDetails]]:
    """'{bedrag: 12,500}' and '{bedrag: € 12.500,-}': one finding at the amount, not a stray key.

    Between { and } YAML splits at every comma: 'bedrag: 12,500' becomes bedrag 12 and a
    field '500', and ',-' becomes a field '-'. The amount would silently be wrong.
    """
    from samenplan.plan.meant import plain_amount  # only for a message: its patterns load then

    found: list[Diagnostic] = []
    dropped: set[tuple[Any, ...]] = set()
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] != "extra_forbidden" or not loc or not isinstance(loc[-1], str):
            continue
        key, parent_path = loc[-1], loc[:-1]
        parent = data_at(data, parent_path)
        field = next((f for f in _AMOUNT_FIELDS if isinstance(parent, dict) and f in parent), None)
        if field is None or not (key.isdigit() or key.strip("-") == ""):
            continue
        amount = str(parent[field])
        raw = f"{amount},{key}"
        plain = plain_amount(f"{amount}{key}" if key.isdigit() else amount)
        where = describe_path(parent_path, data)
        where = f" in {where}" if where else ""
        if key.isdigit():
            message = (
                f"Het bedrag{where} is in tweeën gesplitst: tussen {{ en }} leest YAML een komma "
                f"als scheiding. Nu staat er {field} {amount} en een veld '{key}'."
            )
        else:
            message = f"Achter het bedrag{where} staat ',{key}': '{raw}' is geen getal."
        hint = f"Schrijf het bedrag als één getal, zonder komma, punt of ',-': {field}: {plain or '125000'}."
        path = (*parent_path, field)
        found.append(
            Diagnostic(
                codes.BAD_AMOUNT.code,
                codes.BAD_AMOUNT.severity,
                message,
                positions.locate(path),
                hint,
                key_path=path,
            )
        )
        dropped |= {loc, path}
    return found, [err for err in errors if tuple(err["loc"]) not in dropped]


def _diagnostic(model: type[BaseModel], data: Any, err: ErrorDetails, positions: PositionIndex) -> Diagnostic:
    error = _Error(model, data, tuple(err["loc"]), err["type"], err.get("input"), dict(err.get("ctx") or {}))
    mapping = BY_TYPE.get(error.kind) or _Mapping(codes.BAD_VALUE, _fallback)
    message, hint = mapping.text(error)
    path = error.path[:-1] if mapping.at_parent else error.path
    location = positions.locate(path, at_key=mapping.at_key)
    return Diagnostic(mapping.code.code, mapping.code.severity, message, location, hint, key_path=path)


def _fallback(e: _Error) -> tuple[str, str]:
    """Any other pydantic error: Dutch only, never pydantic's English text."""
    return (
        f"{e.name} klopt niet{e.where}: {_show(e.value)}.",
        f"Controleer de waarde; 'samenplan explain {codes.BAD_VALUE.code}' legt uit wat hier mag.",
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
