"""A date as a plan knows it: a day, a month, a year, a school year, or unknown.

Real plans say "oktober 2021", "in 2022", "schooljaar 2022-2023" or do not know yet. A
``Datum`` keeps what was written and the first and last day it can mean; rules compare those
explicitly (a period ends on ``tot.laatste`` and starts on ``van.eerste``) and never compare an
unknown date. The Dutch wording lives in dutch.py.
"""

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

#: The years a plan's dates lie in; a year outside is a typing error (20222, 1022).
EERSTE_JAAR = 1900
LAATSTE_JAAR = 2100

#: First month and day of a school year (1 August to 31 July).
SCHOOLJAAR_START = (8, 1)

DAG_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MAAND_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
JAAR_PATTERN = r"^\d{4}$"
SCHOOLJAAR_PATTERN = r"^\d{4}-\d{4}$"
ONBEKEND = "onbekend"

_DAG = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MAAND = re.compile(r"^(\d{4})-(\d{1,2})$")
_JAAR = re.compile(r"^(\d{4})$")
_SCHOOLJAAR = re.compile(r"^(\d{4})-(\d{4})$")


class DatumSoort(StrEnum):
    """How precise a date is."""

    DAG = "dag"
    MAAND = "maand"
    JAAR = "jaar"
    SCHOOLJAAR = "schooljaar"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Datum:
    """A date of the plan with the first and last day it can mean (both None when unknown)."""

    soort: DatumSoort
    eerste: date | None
    laatste: date | None

    @classmethod
    def dag(cls, day: date) -> "Datum":
        """One day."""
        return cls(DatumSoort.DAG, day, day)

    @classmethod
    def maand(cls, year: int, month: int) -> "Datum":
        """A calendar month."""
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(DatumSoort.MAAND, first, following - timedelta(days=1))

    @classmethod
    def jaar(cls, year: int) -> "Datum":
        """A calendar year."""
        return cls(DatumSoort.JAAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def schooljaar(cls, year: int) -> "Datum":
        """The school year that starts in ``year``: 1 August ``year`` to 31 July ``year + 1``."""
        month, day = SCHOOLJAAR_START
        return cls(
            DatumSoort.SCHOOLJAAR, date(year, month, day), date(year + 1, month, day) - timedelta(days=1)
        )

    @classmethod
    def onbekend(cls) -> "Datum":
        """A date the plan does not know yet."""
        return cls(DatumSoort.ONBEKEND, None, None)

    @property
    def bekend(self) -> bool:
        """Whether the plan knows this date (at least its year)."""
        return self.eerste is not None and self.laatste is not None

    @property
    def tekst(self) -> str:
        """The date as a plan file writes it: 2022-03-15, 2021-10, 2022, 2022-2023, onbekend."""
        if self.eerste is None or self.laatste is None:
            return ONBEKEND
        if self.soort is DatumSoort.DAG:
            return self.eerste.isoformat()
        if self.soort is DatumSoort.MAAND:
            return f"{self.eerste.year:04d}-{self.eerste.month:02d}"
        if self.soort is DatumSoort.JAAR:
            return f"{self.eerste.year:04d}"
        return f"{self.eerste.year:04d}-{self.laatste.year:04d}"

    @property
    def volgorde(self) -> tuple[date, date]:
        """Sort key: by first day, then by last; an unknown date sorts last."""
        return (self.eerste or date.max, self.laatste or date.max)

    def __str__(self) -> str:
        return self.tekst

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            parse_datum,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.tekst),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return dict(JSON_SCHEMA)


#: What an editor says for a date in none of the allowed forms.
SCHRIJFWIJZE = (
    "Schrijf een datum als 2022-03-15 (dag), 2021-10 (maand), 2022 (jaar), 2022-2023 "
    "(schooljaar) of onbekend."
)

_BRANCHES: list[dict[str, Any]] = [
    {"type": "string", "format": "date", "pattern": DAG_PATTERN},
    {"type": "string", "pattern": MAAND_PATTERN},
    {"type": "integer", "minimum": EERSTE_JAAR, "maximum": LAATSTE_JAAR},
    {"type": "string", "pattern": JAAR_PATTERN},
    {"type": "string", "pattern": SCHOOLJAAR_PATTERN},
    {"const": ONBEKEND},
]

JSON_SCHEMA: dict[str, Any] = {
    "anyOf": [{**branch, "errorMessage": SCHRIJFWIJZE} for branch in _BRANCHES],
    "errorMessage": SCHRIJFWIJZE,
    "description": (
        "Datum: een dag (2022-03-15), een maand (2021-10), een jaar (2022), een schooljaar "
        "(2022-2023, van 1 augustus tot en met 31 juli) of onbekend."
    ),
}


class _HeeftVanTot(Protocol):
    @property
    def van(self) -> Datum: ...

    @property
    def tot(self) -> Datum: ...


class VanTot:
    """A period from ``van`` to ``tot``: it starts on the first day of ``van`` and runs to the
    last day of ``tot``, so a month, year or school year counts whole.

    The one place that says so: a Periode in the plan, a rule's Termijn and a geldstroom's
    Bestedingstermijn take ``begin`` and ``einde`` from here.
    """

    __slots__ = ()

    @property
    def begin(self: _HeeftVanTot) -> date | None:
        """The first day of the period; None when its start is unknown."""
        return self.van.eerste

    @property
    def einde(self: _HeeftVanTot) -> date | None:
        """The last day of the period; None when its end is unknown."""
        return self.tot.laatste


def _fout(kind: str, message: str, value: Any) -> Exception:
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(kind, message, {"value": value})


def _year(text: str, value: Any) -> int:
    year = int(text)
    if not EERSTE_JAAR <= year <= LAATSTE_JAAR:
        raise _fout("datum_jaar", "jaar {value} ligt buiten 1900-2100", value)
    return year


def _month(text: str, value: Any) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise _fout("datum_maand", "maand in '{value}' bestaat niet", value)
    return month


def parse_datum(value: Any) -> Datum:
    """A Datum from what a plan file (or Python) holds; a Dutch-typed error otherwise."""
    if isinstance(value, Datum):
        return value
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise _fout("datum_ongeldig", "'{value}' is geen datum", str(value))
        return Datum.dag(value.date())
    if isinstance(value, date):
        return Datum.dag(value)
    if isinstance(value, str):
        return _from_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Datum.jaar(_year(str(value), value))
    raise _fout("datum_ongeldig", "'{value}' is geen datum", value)


@functools.lru_cache(maxsize=4096)
def _from_text(value: str) -> Datum:
    """The Datum a text means; the same text is read once (a plan repeats its dates).

    Datum is frozen, so one object can stand for every place that has the same text.
    """
    text = value.strip()
    if text.lower() == ONBEKEND:
        return Datum.onbekend()
    if match := _DAG.match(text):
        year = _year(match[1], value)
        month = _month(match[2], value)
        try:
            return Datum.dag(date(year, month, int(match[3])))
        except ValueError:
            raise _fout("datum_bestaat_niet", "'{value}' bestaat niet", value) from None
    if match := _MAAND.match(text):
        year = _year(match[1], value)
        return Datum.maand(year, _month(match[2], value))
    if match := _JAAR.match(text):
        return Datum.jaar(_year(match[1], value))
    if match := _SCHOOLJAAR.match(text):
        first, second = _year(match[1], value), _year(match[2], value)
        if second != first + 1:
            raise _fout("datum_schooljaar", "'{value}' is geen schooljaar", value)
        return Datum.schooljaar(first)
    raise _fout("datum_ongeldig", "'{value}' is geen datum", value)
