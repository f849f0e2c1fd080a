"""The regelingen catalog shipped with samenplan: loading, merging a plan's own, and time."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samenplan.plan.models.regeling import Regeling

#: Package-relative location of the catalog file.
CATALOG_PARTS: tuple[str, ...] = ("data", "regelingen.yaml")


def _read_catalog_text() -> str:
    """Return the text of the shipped catalog file."""
    from importlib.resources import files

    resource = files("samenplan")
    for part in CATALOG_PARTS:
        resource = resource / part
    return resource.read_text(encoding="utf-8")


def _parse_yaml(text: str) -> Any:
    """Parse YAML safely, with ruamel's C loader when installed (30× faster), else pure Python."""
    try:
        from ruamel.yaml.cyaml import CSafeLoader
    except ImportError:
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).load(text)
    loader = CSafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def parse_catalog(data: Any) -> dict[str, Regeling]:
    """Validate parsed catalog data into regelingen by id.

    Raises ValueError when the top-level shape is wrong, an id occurs twice, or an entry has
    no source link or no periode; pydantic's ValidationError when an entry does not fit the
    Regeling model (a date that does not parse, for one).
    """
    from samenplan.plan.models.regeling import Regeling
    from samenplan.plan.validators import validator

    if not isinstance(data, dict) or not isinstance(data.get("regelingen"), list):
        raise ValueError("catalog must be a mapping with a list under 'regelingen'")
    catalog: dict[str, Regeling] = {}
    for entry in data["regelingen"]:
        regeling = validator(Regeling).validate_python(entry)
        if regeling.id in catalog:
            raise ValueError(f"duplicate regeling id in catalog: {regeling.id!r}")
        if not regeling.bron.startswith(("https://", "http://")):
            raise ValueError(f"catalog regeling {regeling.id!r} has no source link ('bron')")
        term = termijn(regeling)
        if term is None or term[1] < term[0]:
            raise ValueError(f"catalog regeling {regeling.id!r} has no periode running forward")
        doel_ids = [doel.id for doel in regeling.bestedingsdoelen]
        if len(doel_ids) != len(set(doel_ids)):
            raise ValueError(f"duplicate bestedingsdoel id in regeling {regeling.id!r}")
        catalog[regeling.id] = regeling
    return catalog


@functools.cache
def load_catalog() -> dict[str, Regeling]:
    """Load and validate the shipped regelingen catalog (cached; do not mutate the result)."""
    return parse_catalog(_parsed(_read_catalog_text()))


def _parsed(text: str) -> Any:
    """The catalog's YAML parsed, kept in the user's cache (parsing takes longer than loading)."""
    from ruamel.yaml import __version__ as ruamel_version

    from samenplan import __version__
    from samenplan.files.usercache import remembered

    source = text.encode() + Path(__file__).read_bytes()  # the text, and how it is parsed
    name = f"catalog-{__version__}-ruamel.yaml-{ruamel_version}"
    return remembered(name, source, lambda: _parse_yaml(text), dict)


def merge_regelingen(catalog: Mapping[str, Regeling], own: Iterable[Regeling]) -> dict[str, Regeling]:
    """Return the catalog plus a plan's own regelingen as a new dict.

    An own regeling with the same id as a catalog entry replaces it; among own regelingen
    with the same id the last one wins (duplicate ids are reported by the checks).
    """
    merged = dict(catalog)
    for regeling in own:
        merged[regeling.id] = regeling
    return merged


# --- Time: which regelingen are open on a day, or for a plan's periode -----------------------

#: Environment variable that fixes "today" for `samenplan regelingen` (reproducible output).
DATUM_VARIABELE = "SAMENPLAN_DATUM"


class Stand(StrEnum):
    """Where a regeling stands on a given day."""

    OPEN = "open"
    NOG_NIET = "nog niet open"
    AFGELOPEN = "afgelopen"
    ONBEKEND = "geen periode bekend"


def termijn(regeling: Regeling) -> tuple[date, date] | None:
    """The first and last day money of ``regeling`` may be spent; None when either is unknown."""
    p = regeling.periode
    if p is None or p.begin is None or p.einde is None:
        return None
    return p.begin, p.einde


def stand_op(regeling: Regeling, dag: date) -> Stand:
    """Whether money of ``regeling`` may be spent on ``dag``."""
    term = termijn(regeling)
    if term is None:
        return Stand.ONBEKEND
    if dag < term[0]:
        return Stand.NOG_NIET
    if dag > term[1]:
        return Stand.AFGELOPEN
    return Stand.OPEN


def open_voor(regeling: Regeling, van: date, tot: date) -> bool:
    """Whether the spending term of ``regeling`` overlaps the period van–tot (unknown: yes)."""
    term = termijn(regeling)
    return term is None or (term[0] <= tot and van <= term[1])


def voor_periode(
    catalog: Mapping[str, Regeling], van: date, tot: date
) -> tuple[list[Regeling], list[Regeling]]:
    """The regelingen open for the period van–tot (catalog order), and the others: first those
    that start after it, then those that ended before it (most recently ended first)."""
    open_ = [r for r in catalog.values() if open_voor(r, van, tot)]
    terms = {r.id: t for r in catalog.values() if (t := termijn(r)) is not None}
    later = [r for r in catalog.values() if r.id in terms and terms[r.id][0] > tot]
    ended = [r for r in catalog.values() if r.id in terms and terms[r.id][1] < van]
    later.sort(key=lambda r: terms[r.id][0])
    ended.sort(key=lambda r: terms[r.id][1], reverse=True)
    return open_, later + ended


def op_volgorde(catalog: Mapping[str, Regeling], dag: date) -> list[Regeling]:
    """Every regeling, those open on ``dag`` first, then those still to come, then ended ones
    (most recently ended first)."""
    rank = {Stand.OPEN: 0, Stand.NOG_NIET: 1, Stand.ONBEKEND: 2, Stand.AFGELOPEN: 3}

    def key(r: Regeling) -> tuple[int, int]:
        stand = stand_op(r, dag)
        term = termijn(r)
        ended = -term[1].toordinal() if term and stand is Stand.AFGELOPEN else 0
        return rank[stand], ended

    return sorted(catalog.values(), key=key)


def periode_melding(regeling: Regeling, van: date, tot: date) -> str | None:
    """A Dutch warning when the spending term of ``regeling`` does not cover van–tot, else None."""
    from samenplan.dutch import datum, periode

    term = termijn(regeling)
    if term is None or (term[0] <= van and tot <= term[1]):
        return None
    begin, einde = term
    naam = f"Regeling '{regeling.id}' ({regeling.label})"
    plan = f"het plan loopt van {periode(van, tot)}"
    if einde < van:
        return f"{naam} is afgelopen: het geld mocht besteed worden tot en met {datum(einde)}; {plan}."
    if begin > tot:
        return f"{naam} begint pas op {datum(begin)}; {plan}."
    if einde < tot:
        return f"{naam} loopt af op {datum(einde)}, voor het einde van het plan; {plan}."
    return f"{naam} begint pas op {datum(begin)}, na het begin van het plan; {plan}."


def peildatum(text: str | None, today: date) -> date:
    """The day to compare with: ``text`` (JJJJ-MM-DD), else $SAMENPLAN_DATUM, else ``today``.

    Raises ValueError with a Dutch message when a given date does not parse.
    """
    import os

    for value, waar in ((text, "--datum"), (os.environ.get(DATUM_VARIABELE), DATUM_VARIABELE)):
        if value:
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(
                    f"'{value}' bij {waar} is geen datum. Schrijf JJJJ-MM-DD, bijvoorbeeld 2026-12-01."
                ) from None
    return today
