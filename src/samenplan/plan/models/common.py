"""Building blocks shared by all plan files: base config, ids, dates, amounts, periods."""

import math
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from samenplan.plan.datum import Datum as Datum  # the date type; models import it from here

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
_ID_RE = re.compile(ID_PATTERN)
CBS_PATTERN = r"^GM\d{4}$"
_CBS_RE = re.compile(CBS_PATTERN)
# "12.000" or "1.250.000": a Dutch thousands separator that YAML would read as 12.0.
_THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")


def config(description: str) -> ConfigDict:
    """Model config shared by every plan model, with the Dutch description editors show."""
    return ConfigDict(
        extra="forbid",
        json_schema_extra={"description": description},
        coerce_numbers_to_str=True,
    )


class Model(BaseModel):
    """Base of all plan models: unknown keys are refused; an empty optional field is absent."""

    model_config = config("")

    @model_validator(mode="before")
    @classmethod
    def _drop_empty_optional(cls, data: Any) -> Any:
        # `signalen:` with nothing after it reads as null; treat it as "not filled in yet".
        if isinstance(data, dict):
            fields = cls.model_fields
            return {
                k: v
                for k, v in data.items()
                if not (v is None and k in fields and not fields[k].is_required())
            }
        return data


def _check_id(value: Any) -> Any:
    if isinstance(value, str) and not _ID_RE.match(value):
        raise PydanticCustomError(
            "id_ongeldig",
            "'{value}' is geen geldige id",
            {"value": value},
        )
    return value


#: Larger than any amount or number a plan holds (a million times a billion): a larger one
#: ('1e5000', a 5,000-digit number) cannot be written out in the document.
LARGEST = Decimal(10) ** 15


def _as_decimal(value: Any) -> Decimal | None:
    """``value`` as a Decimal when it is a number or a number's text; None otherwise."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, str):
            return Decimal(value.strip())
        if isinstance(value, int | float | Decimal):
            return Decimal(value)
    except (InvalidOperation, ValueError):
        return None
    return None


def _check_size(value: Any, kind: str) -> None:
    number = _as_decimal(value)
    if number is None:
        return
    if not number.is_finite():
        raise PydanticCustomError(f"{kind}_ongeldig", "'{value}' is geen getal", {"value": str(value)[:40]})
    if abs(number) >= LARGEST:
        raise PydanticCustomError(f"{kind}_te_groot", "'{value}' is te groot", {"value": str(value)[:40]})


def _check_bedrag(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("bedrag_ongeldig", "'{value}' is geen bedrag", {"value": value})
    if isinstance(value, str):
        text = value.strip()
        if _THOUSANDS_RE.match(text):
            raise PydanticCustomError(
                "bedrag_duizendtal", "'{value}' bevat een punt als duizendtal", {"value": text}
            )
        raise PydanticCustomError("bedrag_ongeldig", "'{value}' is geen bedrag", {"value": text})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("bedrag_ongeldig", "'{value}' is geen bedrag", {"value": value})
    if isinstance(value, int | float | Decimal) and value < 0:
        raise PydanticCustomError("bedrag_negatief", "bedrag {value} is negatief", {"value": value})
    if not isinstance(value, int | float | Decimal):  # a list, a group of fields, nothing
        raise PydanticCustomError("bedrag_ongeldig", "'{value}' is geen bedrag", {"value": value})
    _check_size(value, "bedrag")
    return value


def _check_cbs(value: Any) -> Any:
    if isinstance(value, str) and not _CBS_RE.match(value):
        raise PydanticCustomError("cbs_ongeldig", "'{value}' is geen CBS-code", {"value": value})
    return value


def _check_getal(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("getal_ongeldig", "'{value}' is geen getal", {"value": value})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("getal_ongeldig", "'{value}' is geen getal", {"value": value})
    _check_size(value, "getal")
    return value


Id = Annotated[
    str,
    BeforeValidator(_check_id),
    Field(
        min_length=1,
        max_length=64,
        pattern=ID_PATTERN,
        json_schema_extra={"pattern": ID_PATTERN},  # the BeforeValidator hides it otherwise
        description="Korte naam om naar te verwijzen: kleine letters, cijfers, - en _.",
    ),
]

CbsCode = Annotated[
    str,
    BeforeValidator(_check_cbs),
    Field(pattern=CBS_PATTERN, json_schema_extra={"pattern": CBS_PATTERN}),
]

Bedrag = Annotated[
    Decimal,
    BeforeValidator(_check_bedrag),
    WithJsonSchema(
        {
            "type": "number",
            "minimum": 0,
            "description": "Bedrag in euro, zonder punt of spatie als duizendtal: 125000.",
        }
    ),
]

Getal = Annotated[
    Decimal,
    BeforeValidator(_check_getal),
    WithJsonSchema({"type": "number", "description": "Een getal, bijvoorbeeld 12 of 12.5."}),
]

#: A whole number; YAML's true/false are not numbers (pydantic's lax mode would take them as 1/0).
Geheel = Annotated[int, Strict()]

Jaar = Annotated[Geheel, Field(ge=2000, le=2100, description="Kalenderjaar, bijvoorbeeld 2024.")]

Tekst = Annotated[str, Field(description="Vrije tekst; alinea's en opsommingen blijven bewaard.")]


class Periode(Model):
    """A date range; it starts on ``van.eerste`` and ends on ``tot.laatste``."""

    model_config = config("Periode met begin en einde.")

    van: Datum = Field(
        description="Begin van de periode: een dag (2023-08-01), maand (2023-08), jaar, schooljaar "
        "(2023-2024) of onbekend. De periode begint op de eerste dag daarvan."
    )
    tot: Datum = Field(
        description="Einde van de periode: een dag (2025-07-31), maand (2025-07), jaar, schooljaar "
        "(2024-2025) of onbekend. De periode loopt tot en met de laatste dag daarvan."
    )

    @property
    def begin(self) -> "date | None":
        """The first day of the period (``van.eerste``); None when the start is unknown."""
        return self.van.eerste

    @property
    def einde(self) -> "date | None":
        """The last day of the period (``tot.laatste``); None when the end is unknown."""
        return self.tot.laatste


class Meetwaarde(Model):
    """A value of an indicator at a date."""

    model_config = config("Een waarde op een datum.")

    waarde: Getal = Field(description="De gemeten of beoogde waarde.")
    datum: Datum = Field(
        description="Datum van de meting of het streefmoment: een dag, maand (2024-10), jaar of schooljaar."
    )
