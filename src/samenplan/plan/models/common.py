"""Building blocks shared by all plan files: base config, ids, dates, amounts, periods."""

import functools
import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from samenplan.dutch import THOUSANDS
from samenplan.plan.datum import Datum as Datum  # the date type; models import it from here
from samenplan.plan.datum import VanTot
from samenplan.plan.vocab import BedragSoort

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
_ID_RE = re.compile(ID_PATTERN)
CBS_PATTERN = r"^GM\d{4}$"
_CBS_RE = re.compile(CBS_PATTERN)


def config(description: str) -> ConfigDict:
    """Model config shared by every plan model, with the Dutch description editors show."""
    return ConfigDict(
        extra="forbid",
        json_schema_extra={"description": description},
        coerce_numbers_to_str=True,
        # Import collects the fields only; the validators are built on first use, or made
        # from the user's cache (plan/validators.py).
        defer_build=True,
    )


class Model(BaseModel):
    """Base of all plan models: unknown keys are refused; an empty optional field is absent."""

    model_config = config("")

    @model_validator(mode="before")
    @classmethod
    def _drop_empty_optional(cls, data: Any) -> Any:
        # `signalen:` with nothing after it reads as null; treat it as "not filled in yet".
        if isinstance(data, dict) and None in data.values():
            optional = _optional_fields(cls)
            return {k: v for k, v in data.items() if not (v is None and k in optional)}
        return data


@functools.cache
def _optional_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` that may be left out (asked once per model: every item asks)."""
    return frozenset(name for name, info in model.model_fields.items() if not info.is_required())


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
        if THOUSANDS.match(text):
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


#: The words before a worded amount, each with the kind of amount it makes.
_BEDRAG_WORDS: dict[str, BedragSoort] = {
    "ongeveer": BedragSoort.ONGEVEER,
    "ca.": BedragSoort.ONGEVEER,
    "ca": BedragSoort.ONGEVEER,
    "circa": BedragSoort.ONGEVEER,
    "ruim": BedragSoort.ONGEVEER,
    "bijna": BedragSoort.ONGEVEER,
    "minstens": BedragSoort.MINSTENS,
    "ten minste": BedragSoort.MINSTENS,
    "tenminste": BedragSoort.MINSTENS,
    "minimaal": BedragSoort.MINSTENS,
    "hoogstens": BedragSoort.HOOGSTENS,
    "ten hoogste": BedragSoort.HOOGSTENS,
    "maximaal": BedragSoort.HOOGSTENS,
}
_WORDS_RE = "|".join(w.replace(".", r"\.") for w in sorted(_BEDRAG_WORDS, key=len, reverse=True))
#: The number of a worded amount: Dutch dots between thousands ('1.500.000'), cents optional.
_WORDED_NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d{1,2}))?"
_WORDED_RE = re.compile(rf"^({_WORDS_RE})\s*(?:€\s*)?{_WORDED_NUMBER}$")
#: What the JSON Schema accepts as text (editors check it while typing).
BEDRAG_PATTERN = rf"^\s*(onbekend|({_WORDS_RE})\s*(€\s*)?{_WORDED_NUMBER})\s*$"
ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Bedrag:
    """An amount in euro as the plan says it: exact, approximate, a bound, or unknown.

    ``waarde`` is None exactly when the amount is unknown. In YAML: ``950000``,
    ``onbekend``, ``ongeveer 1.500.000``, ``minstens 1200000``, ``hoogstens 300000``.
    """

    soort: BedragSoort
    waarde: Decimal | None

    @property
    def bekend(self) -> bool:
        """Whether there is a number."""
        return self.waarde is not None

    @property
    def exact(self) -> bool:
        """Whether this is an exact amount."""
        return self.soort is BedragSoort.EXACT

    @classmethod
    def euro(cls, value: int | str | Decimal) -> "Bedrag":
        """An exact amount: ``Bedrag.euro(25000)``."""
        return cls(BedragSoort.EXACT, Decimal(value))

    @classmethod
    def onbekend(cls) -> "Bedrag":
        """An unknown amount."""
        return cls(BedragSoort.ONBEKEND, None)

    def as_yaml(self) -> int | float | str:
        """How the amount is written in a plan file."""
        if self.waarde is None:
            return ONBEKEND
        number = int(self.waarde) if self.waarde == self.waarde.to_integral_value() else float(self.waarde)
        return number if self.exact else f"{self.soort.value} {number}"

    @classmethod
    def parse(cls, value: Any) -> "Bedrag":
        """The amount ``value`` from YAML; raises PydanticCustomError in Dutch terms."""
        if isinstance(value, Bedrag):
            return value
        if isinstance(value, str):
            return cls._parse_text(value)
        checked = _check_bedrag(value)
        return cls(
            BedragSoort.EXACT, Decimal(str(checked)) if isinstance(checked, float) else Decimal(checked)
        )

    @classmethod
    def _parse_text(cls, value: str) -> "Bedrag":
        text = " ".join(value.split()).lower()
        if text == ONBEKEND:
            return cls.onbekend()
        match = _WORDED_RE.match(text)
        if match is None:
            word = next((w for w in _BEDRAG_WORDS if text.startswith(w)), None)
            if word is not None:
                raise PydanticCustomError(
                    "bedrag_woord", "'{value}' is geen bedrag", {"value": value.strip(), "word": word}
                )
            _check_bedrag(value)  # raises: quoted number, thousands dot, comma, euro sign
        assert match is not None
        word, whole, cents = match.groups()
        number = Decimal(whole.replace(".", "") + (f".{cents}" if cents else ""))
        _check_size(number, "bedrag")
        return cls(_BEDRAG_WORDS[word], number)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda b: b.as_yaml()),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": BEDRAG_PATTERN}],
            "description": (
                "Bedrag in euro, zonder punt als duizendtal: 125000. Weet je het niet precies, "
                "schrijf dan 'ongeveer 1.500.000', 'minstens 1200000', 'hoogstens 300000' of "
                "'onbekend'."
            ),
        }


def _check_cbs(value: Any) -> Any:
    if isinstance(value, str) and not _CBS_RE.match(value):
        raise PydanticCustomError("cbs_ongeldig", "'{value}' is geen CBS-code", {"value": value})
    return value


def _check_getal(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("getal_ongeldig", "'{value}' is geen getal", {"value": value})
    # '1.250' may be 1250 or 1.25 (a Dutch thousands dot); '0.125' can only be a fraction.
    if isinstance(value, str) and THOUSANDS.match(text := value.strip()) and not text.startswith("0"):
        raise PydanticCustomError("getal_duizendtal", "'{value}' is onduidelijk", {"value": text})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("getal_ongeldig", "'{value}' is geen getal", {"value": value})
    _check_size(value, "getal")
    return value


Id = Annotated[
    str,
    # The pattern on the text itself, before the validator wraps it, so pydantic checks it
    # natively: after a validator it becomes a closure, which load/validators.py cannot keep.
    Field(pattern=ID_PATTERN),
    BeforeValidator(_check_id),
    Field(
        min_length=1,
        max_length=64,
        json_schema_extra={"pattern": ID_PATTERN},  # the BeforeValidator hides it otherwise
        description="Korte naam om naar te verwijzen: kleine letters, cijfers, - en _.",
    ),
]

CbsCode = Annotated[
    str,
    Field(pattern=CBS_PATTERN),  # before the validator, as for Id
    BeforeValidator(_check_cbs),
    Field(json_schema_extra={"pattern": CBS_PATTERN}),
]

Getal = Annotated[
    Decimal,
    BeforeValidator(_check_getal),
    WithJsonSchema({"type": "number", "description": "Een getal, bijvoorbeeld 12 of 12.5."}),
]

#: A whole number; YAML's true/false are not numbers (pydantic's lax mode would take them as 1/0).
Geheel = Annotated[int, Strict()]

Jaar = Annotated[Geheel, Field(ge=2000, le=2100, description="Kalenderjaar, bijvoorbeeld 2024.")]

_SCHOOLJAAR_RE = re.compile(r"^(\d{4})\s*[-/]\s*(\d{4})$")
#: A school year as the parser reads it ("2023-2024", "2023/2024"); distinct from a Datum.
BEGROTINGSJAAR_PATTERN = r"^\s*\d{4}\s*[-/]\s*\d{4}\s*$"


@dataclass(frozen=True, order=True)
class Begrotingsjaar:
    """The year a begroting line is spent in: a calendar year, or a school year '2023-2024'."""

    begin: int  # the calendar year, or the first year of the school year
    schooljaar: bool = False

    @property
    def eerste(self) -> date:
        """First day: 1 January, or 1 August for a school year."""
        return date(self.begin, 8, 1) if self.schooljaar else date(self.begin, 1, 1)

    @property
    def laatste(self) -> date:
        """Last day: 31 December, or 31 July of the next year for a school year."""
        return date(self.begin + 1, 7, 31) if self.schooljaar else date(self.begin, 12, 31)

    def __str__(self) -> str:
        return f"{self.begin}-{self.begin + 1}" if self.schooljaar else str(self.begin)

    def as_yaml(self) -> int | str:
        """How the year is written in a plan file."""
        return str(self) if self.schooljaar else self.begin

    @classmethod
    def parse(cls, value: Any) -> "Begrotingsjaar":
        """The year ``value`` from YAML; raises PydanticCustomError in Dutch terms."""
        if isinstance(value, Begrotingsjaar):
            return value
        text = str(value).strip() if isinstance(value, int | str) and not isinstance(value, bool) else ""
        if text.isdigit() and 2000 <= int(text) <= 2100:
            return cls(int(text))
        match = _SCHOOLJAAR_RE.match(text)
        if match and int(match[2]) == int(match[1]) + 1 and 2000 <= int(match[1]) <= 2100:
            return cls(int(match[1]), schooljaar=True)
        raise PydanticCustomError("jaar_ongeldig", "'{value}' is geen jaar", {"value": str(value)[:40]})

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda j: j.as_yaml()),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 2000, "maximum": 2100},
                {"type": "string", "pattern": BEGROTINGSJAAR_PATTERN},
            ],
            "description": "Kalenderjaar (2024) of schooljaar ('2023-2024', 1 augustus tot 31 juli).",
        }


Tekst = Annotated[str, Field(description="Vrije tekst; alinea's en opsommingen blijven bewaard.")]


class Periode(VanTot, Model):
    """A date range; it starts on ``van.eerste`` and ends on ``tot.laatste`` (``begin``, ``einde``)."""

    model_config = config("Periode met begin en einde.")

    van: Datum = Field(
        description="Begin van de periode: een dag (2023-08-01), maand (2023-08), jaar, schooljaar "
        "(2023-2024) of onbekend. De periode begint op de eerste dag daarvan."
    )
    tot: Datum = Field(
        description="Einde van de periode: een dag (2025-07-31), maand (2025-07), jaar, schooljaar "
        "(2024-2025) of onbekend. De periode loopt tot en met de laatste dag daarvan."
    )


class Meetwaarde(Model):
    """A value of an indicator at a date."""

    model_config = config("Een waarde op een datum.")

    waarde: Getal = Field(description="De gemeten of beoogde waarde.")
    datum: Datum = Field(
        description="Datum van de meting of het streefmoment: een dag, maand (2024-10), jaar of schooljaar."
    )
