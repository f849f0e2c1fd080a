"""What the diff compares, per kind of entry: one table.

Each kind says where its entries are in a plan, what identifies an entry (its id, or for the
few lists without ids what stands in for one), how the report names it, and which fields are
compared and how a value reads. A new field in the format is one ``Aspect`` line; a new kind
of entry is one ``Kind``. Amounts are not here: they come from plan/money.py (diff/geld.py).
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from samenplan.document.labels import label, labels
from samenplan.document.lookup import Lookup, bestedingsdoel_name
from samenplan.dutch import datum, euro, measure, number, periode
from samenplan.plan.bundle import Plan

GEEN = "geen"


@dataclass(frozen=True)
class Names:
    """One side's plan and its names by id, to show values in words."""

    plan: Plan
    lookup: Lookup


#: (value, the entry it belongs to, names of its side) → Dutch words
Show = Callable[[Any, Any, Names], str]


@dataclass(frozen=True)
class Aspect:
    """One compared field. ``show`` None: free text, summarised word by word. ``members``:
    a list compared as a set, reported as what came in and what went out."""

    field: str  # attribute, dotted for a nested one: 'onderbouwing.toelichting'
    label: str
    show: Show | None = None
    members: bool = False


@dataclass(frozen=True)
class Kind:
    """A kind of entry the diff matches by key and compares aspect by aspect."""

    name: str  # Dutch singular, as in the report: 'interventie'
    section: str  # the report section it belongs to: a key of report.SECTIONS
    entries: Callable[[Plan], Iterable[tuple[str, Any]]]  # (key, entry); first of a key wins
    title: Callable[[Any, Names], str]
    aspects: tuple[Aspect, ...]
    whole: bool = False  # the plan itself, not one of a list: no 'nieuw' or 'weg'
    told_when_new: tuple[str, ...] = ()  # fields of ``aspects`` a new entry is shown with
    part_of: str = ""  # a kind whose entry of the same key, new or gone, says it all


def value(entry: Any, dotted: str) -> Any:
    """The field ``dotted`` of ``entry``; None when a step on the way is absent."""
    for part in dotted.split("."):
        if entry is None:
            return None
        entry = getattr(entry, part)
    return entry


# --- How values read -----------------------------------------------------------------------


def _ids(kind: str) -> Show:
    return lambda v, _e, n: ", ".join(f"'{name}'" for name in n.lookup.names(kind, v)) or GEEN


def _id(kind: str) -> Show:
    return lambda v, _e, n: n.lookup.name(kind, v) or GEEN


def _vocab(v: Any, _e: Any, _n: Names) -> str:
    if isinstance(v, list | tuple):
        return labels(v) or GEEN
    return label(v) if isinstance(v, StrEnum | str) and v else GEEN


def _periode(v: Any, _e: Any, _n: Names) -> str:
    return periode(v.van, v.tot) if v is not None else GEEN


def _datum(v: Any, _e: Any, _n: Names) -> str:
    return datum(v) if v is not None else GEEN


def _meetwaarde(v: Any, e: Any, _n: Names) -> str:
    return f"{measure(v.waarde, e.eenheid)} op {datum(v.datum)}" if v is not None else GEEN


def _euro(v: Any, _e: Any, _n: Names) -> str:
    return euro(v) if v is not None else GEEN


def _plain(v: Any, _e: Any, _n: Names) -> str:
    return str(v) if v not in (None, "") else GEEN


def _onderbouwing(v: Any, _e: Any, _n: Names) -> str:
    if v is None:
        return GEEN
    parts = [label(v.soort)]
    if v.niveau is not None:
        parts.append(label(v.niveau))
    if v.doelgebied is not None:
        parts.append(f"doelgebied {v.doelgebied}")
    return ", ".join(parts)


def _bereik(v: Any, _e: Any, _n: Names) -> str:
    return f"{number(v.aantal)} {v.eenheid}" if v is not None else GEEN


def _leeftijd(v: Any, _e: Any, _n: Names) -> str:
    return f"{v.van} tot en met {v.tot} jaar" if v is not None else GEEN


def _gemeenten(v: Any, _e: Any, _n: Names) -> str:
    return ", ".join(g.naam for g in v) or GEEN


def _doelen(v: Any, e: Any, n: Names) -> str:
    return ", ".join(bestedingsdoel_name(n.plan, e.regeling, d) for d in v) or GEEN


def _doel(v: Any, _e: Any, n: Names) -> str:
    return GEEN if v is None else v


# --- Where entries are ---------------------------------------------------------------------


def _occurrences(keys: Iterable[tuple[str, Any]]) -> Iterable[tuple[str, Any]]:
    """Number repeated keys of lists without ids: 'x', 'x (2)'."""
    seen: Counter[str] = Counter()
    for key, entry in keys:
        seen[key] += 1
        yield (key if seen[key] == 1 else f"{key} ({seen[key]})"), entry


def _besluiten(p: Plan) -> Iterable[tuple[str, Any]]:
    return _occurrences((f"{b.partner}/{b.orgaan}", b) for b in p.samenwerking.besluitvorming)


def _name(kind: str) -> Callable[[Any, Names], str]:
    return lambda e, n: n.lookup.name(kind, e.id)


def _besluit_title(e: Any, n: Names) -> str:
    return f"{n.lookup.name('partner', e.partner)} ({label(e.orgaan)})"


def _voortgang_title(e: Any, n: Names) -> str:
    return f"{n.lookup.name('interventie', e.interventie)} op {datum(e.datum)}"


KINDS: tuple[Kind, ...] = (
    Kind(
        "plan",
        "plan",
        lambda p: [("plan", p.manifest)],
        lambda e, n: " ".join(e.titel.split()),
        (
            Aspect("titel", "titel"),
            Aspect("fase", "fase", _vocab),
            Aspect("periode", "periode", _periode),
            Aspect("gemeenten", "gemeenten", _gemeenten),
            Aspect("regio", "regio", _plain),
        ),
        whole=True,
    ),
    Kind(
        "tekst",
        "plan",
        lambda p: [("plan", p)],
        lambda e, n: "",
        (
            Aspect("urgentie.aanleiding", "aanleiding"),
            Aspect("urgentie.gedeelde_urgentie", "gedeelde urgentie"),
            Aspect("analyse.duiding", "duiding van de analyse"),
            Aspect("aanpak.samenhang", "samenhang van de aanpak"),
            Aspect("uitvoering.borging", "borging"),
        ),
        whole=True,
    ),
    Kind(
        "partner",
        "samenwerking",
        lambda p: ((x.id, x) for x in p.samenwerking.partners),
        _name("partner"),
        (Aspect("naam", "naam"), Aspect("soort", "soort", _vocab), Aspect("rol", "rol")),
    ),
    Kind(
        "besluit",
        "samenwerking",
        _besluiten,
        _besluit_title,
        (Aspect("wat", "wat"), Aspect("datum", "datum", _datum)),
    ),
    Kind(
        "participatie",
        "samenwerking",
        lambda p: [("participatie", p.samenwerking.participatie)],
        lambda e, n: "",
        (Aspect("jongeren", "participatie van jongeren"), Aspect("ouders", "participatie van ouders")),
        whole=True,
    ),
    Kind(
        "doelgroep",
        "samenwerking",
        lambda p: ((x.id, x) for x in p.urgentie.doelgroepen),
        _name("doelgroep"),
        (
            Aspect("naam", "naam"),
            Aspect("leeftijd", "leeftijd", _leeftijd),
            Aspect("omschrijving", "omschrijving"),
        ),
    ),
    Kind(
        "geldstroom",
        "geld",
        lambda p: ((x.id, x) for x in p.samenwerking.geldstromen),
        _name("geldstroom"),
        (
            Aspect("naam", "naam"),
            Aspect("regeling", "regeling", _id("regeling")),
            Aspect("ontvanger", "ontvanger", _id("partner")),
            Aspect("periode", "bestedingsperiode", _periode),
            Aspect("bestedingsdoelen", "bestedingsdoelen", _doelen, members=True),
            Aspect("toelichting", "toelichting"),
        ),
    ),
    Kind(
        "reservering",
        "geld",
        lambda p: ((r.id, r) for g in p.samenwerking.geldstromen for r in g.reserveringen),
        _name("reservering"),
        (
            Aspect("thema", "thema"),
            Aspect("bestedingsdoel", "bestedingsdoel", _doel),
            Aspect("toelichting", "toelichting"),
        ),
    ),
    Kind(
        "interventie",
        "interventies",
        lambda p: ((x.id, x) for x in p.aanpak.interventies),
        _name("interventie"),
        (
            Aspect("naam", "naam"),
            Aspect("periode", "periode", _periode),
            Aspect("trekker", "trekker", _id("partner")),
            Aspect("partners", "partners", _ids("partner"), members=True),
            Aspect("doelgroepen", "doelgroepen", _ids("doelgroep"), members=True),
            Aspect("leefdomeinen", "leefdomeinen", _vocab, members=True),
            Aspect("ontwikkelgebieden", "ontwikkelgebieden", _vocab, members=True),
            Aspect("resultaten", "resultaten", _ids("resultaat"), members=True),
            Aspect("onderbouwing", "onderbouwing", _onderbouwing),
            Aspect("onderbouwing.toelichting", "toelichting bij de onderbouwing"),
            Aspect("bereik", "bereik", _bereik),
            Aspect("locaties", "locaties", _vocab, members=True),
            Aspect("omschrijving", "omschrijving"),
        ),
    ),
    Kind(
        "planning",
        "interventies",
        lambda p: ((x.interventie, x) for x in p.uitvoering.planning),
        lambda e, n: n.lookup.name("interventie", e.interventie),
        (Aspect("start", "start", _datum), Aspect("eind", "eind", _datum)),
        part_of="interventie",
    ),
    Kind(
        "voortgang",
        "interventies",
        lambda p: _occurrences((f"{v.interventie}/{v.datum}", v) for v in p.uitvoering.voortgang),
        _voortgang_title,
        (
            Aspect("status", "status", _vocab),
            Aspect("besteed", "besteed", _euro),
            Aspect("toelichting", "toelichting"),
        ),
        told_when_new=("status", "besteed"),
    ),
    Kind(
        "resultaat",
        "resultaten",
        lambda p: ((x.id, x) for x in p.resultaten.resultaten),
        _name("resultaat"),
        (
            Aspect("ambitie", "ambitie"),
            Aspect("resultaat", "resultaat"),
            Aspect("soort", "soort", _vocab),
            Aspect("doelgroepen", "doelgroepen", _ids("doelgroep"), members=True),
            Aspect("leefdomeinen", "leefdomeinen", _vocab, members=True),
            Aspect("ontwikkelgebieden", "ontwikkelgebieden", _vocab, members=True),
        ),
    ),
    Kind(
        "indicator",
        "resultaten",
        lambda p: ((i.id, i) for r in p.resultaten.resultaten for i in r.indicatoren),
        _name("indicator"),
        (
            Aspect("naam", "naam"),
            Aspect("soort", "soort", _vocab),
            Aspect("eenheid", "eenheid", _plain),
            Aspect("bron", "bron", _id("bron")),
            Aspect("nulmeting", "nulmeting", _meetwaarde),
            Aspect("streefwaarde", "streefwaarde", _meetwaarde),
        ),
    ),
    Kind(
        "bevinding",
        "analyse",
        lambda p: ((x.id, x) for x in p.analyse.bevindingen),
        lambda e, n: e.id,
        (
            Aspect("tekst", "tekst"),
            Aspect("leefdomeinen", "leefdomeinen", _vocab, members=True),
            Aspect("ontwikkelgebieden", "ontwikkelgebieden", _vocab, members=True),
            Aspect("doelgroepen", "doelgroepen", _ids("doelgroep"), members=True),
            Aspect("geparkeerd", "geparkeerd"),
        ),
    ),
)

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
