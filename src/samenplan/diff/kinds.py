"""What the diff compares, per kind of entry: one table.

Each kind says where its entries are in a plan, what identifies an entry (its id, or for the
few lists without ids what stands in for one), how the report names it, and which fields are
compared and how a value reads (diff/values.py). Every field of the kind's model is either an
``Aspect`` or named in ``elsewhere`` with the reason; tests/test_diff_kinds.py holds the table
to that, so a new field in the format cannot be forgotten. Amounts are not compared here:
they come from plan/money.py (diff/geld.py).
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from samenplan.diff import values as v
from samenplan.diff.values import Names, Show
from samenplan.dutch import datum
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.models.aanpak import Interventie, Taak
from samenplan.plan.models.analyse import Bevinding, Bron
from samenplan.plan.models.manifest import Gebied, Gerelateerd, Kader, Manifest, Wijziging
from samenplan.plan.models.meten import Meting, Verantwoording
from samenplan.plan.models.resultaten import Indicator, Resultaat
from samenplan.plan.models.samenwerking import (
    Besluit,
    Geldstroom,
    Overleg,
    Participatie,
    Partner,
    Post,
)
from samenplan.plan.models.uitvoering import Planning, Voortgang
from samenplan.plan.models.urgentie import Doelgroep

#: Reasons a field is not an aspect of its kind.
KEY = "identifies the entry"
MONEY = "an amount: diff/geld.py compares it with plan/money.py"
OWN_KIND = "its entries are a kind of their own"
SETTING = "a setting of the tool, not part of the plan"


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
    source: str  # where the entries are: step slug and list field, 'samenwerking.partners'
    model: type[BaseModel] | None  # the model of its entries; None for plan-wide texts
    entries: Callable[[Plan], Iterable[tuple[str, Any]]]  # (key, entry); first of a key wins
    title: Callable[[Any, Names], str]
    aspects: tuple[Aspect, ...]
    elsewhere: dict[str, str] | None = None  # fields of ``model`` that are no aspect, and why
    whole: bool = False  # the plan itself, not one of a list: no 'nieuw' or 'weg'
    told_when_new: tuple[str, ...] = ()  # fields of ``aspects`` a new entry is shown with
    part_of: str = ""  # a kind whose entry of the same key, new or gone, says it all


def value(entry: Any, dotted: str) -> Any:
    """The field ``dotted`` of ``entry``; None when a step on the way is absent.

    Through a list of texts (the toelichting of each onderbouwing) it is the texts together."""
    for part in dotted.split("."):
        if entry is None:
            return None
        if isinstance(entry, list):
            return "\n\n".join(t for x in entry if (t := getattr(x, part)))
        entry = getattr(entry, part)
    return entry


def _occurrences(keys: Iterable[tuple[str, Any]]) -> Iterable[tuple[str, Any]]:
    """Number repeated keys of lists without ids: 'x', 'x (2)'."""
    seen: Counter[str] = Counter()
    for key, entry in keys:
        seen[key] += 1
        yield (key if seen[key] == 1 else f"{key} ({seen[key]})"), entry


def _name(kind: str) -> Callable[[Any, Names], str]:
    return lambda e, n: n.lookup.name(kind, e.id)


def _besluit(e: Any, n: Names) -> str:
    return f"{n.lookup.name('partner', e.partner)} ({label(e.orgaan)})"


def _voortgang(e: Any, n: Names) -> str:
    return f"{n.lookup.name('interventie', e.interventie)} op {datum(e.datum)}"


def _text(field: str, name: str) -> Aspect:
    return Aspect(field, name)


KINDS: tuple[Kind, ...] = (
    Kind(
        "plan",
        "plan",
        "manifest",
        Manifest,
        lambda p: [("plan", p.manifest)],
        lambda e, n: " ".join(e.titel.split()),
        (
            _text("titel", "titel"),
            Aspect("fase", "fase", v.vocab),
            Aspect("periode", "periode", v.span),
            Aspect("gemeenten", "gemeenten", v.gemeenten),
            Aspect("regio", "regio", v.plain),
            Aspect("vastgesteld_op", "vastgesteld op", v.day),
            _text("vervolg", "vervolg"),
        ),
        {
            "formaatversie": SETTING,
            "controle": SETTING,
            "regelingen": "read through the geldstromen",
            "kader": OWN_KIND,
            "gerelateerd": OWN_KIND,
            "wijzigingen": OWN_KIND,
            "gebieden": OWN_KIND,
        },
        whole=True,
    ),
    Kind(
        "kader",
        "plan",
        "manifest.kader",
        Kader,
        lambda p: _occurrences((" ".join(k.naam.split()), k) for k in p.manifest.kader),
        lambda e, n: " ".join(e.naam.split()),
        (Aspect("link", "link", v.plain),),
        {"naam": KEY},
    ),
    Kind(
        "gerelateerd project",
        "plan",
        "manifest.gerelateerd",
        Gerelateerd,
        lambda p: _occurrences((" ".join(g.naam.split()), g) for g in p.manifest.gerelateerd),
        lambda e, n: " ".join(e.naam.split()),
        (Aspect("budget", "eigen budget", v.money), _text("toelichting", "toelichting")),
        {"naam": KEY},
        told_when_new=("budget",),
    ),
    Kind(
        "wijziging",
        "plan",
        "manifest.wijzigingen",
        Wijziging,
        lambda p: _occurrences((str(w.datum), w) for w in p.manifest.wijzigingen),
        lambda e, n: datum(e.datum),
        (Aspect("wat", "wat", v.plain),),
        {"datum": KEY},
        told_when_new=("wat",),
    ),
    Kind(
        "tekst",
        "plan",
        "",
        None,
        lambda p: [("plan", p)],
        lambda e, n: "",
        (
            _text("urgentie.aanleiding", "aanleiding"),
            _text("urgentie.gedeelde_urgentie", "gedeelde urgentie"),
            _text("analyse.duiding", "duiding van de analyse"),
            _text("aanpak.samenhang", "samenhang van de aanpak"),
            _text("uitvoering.borging", "borging"),
        ),
        whole=True,
    ),
    Kind(
        "partner",
        "samenwerking",
        "samenwerking.partners",
        Partner,
        lambda p: ((x.id, x) for x in p.samenwerking.partners),
        _name("partner"),
        (
            _text("naam", "naam"),
            Aspect("soort", "soort", v.vocab),
            Aspect("onder", "deel van", v.one("partner")),
            Aspect("brin", "BRIN-nummer", v.plain),
            _text("rol", "rol"),
        ),
        {"id": KEY},
    ),
    Kind(
        "gebied",
        "samenwerking",
        "manifest.gebieden",
        Gebied,
        lambda p: ((x.id, x) for x in p.manifest.gebieden),
        _name("gebied"),
        (
            _text("naam", "naam"),
            Aspect("soort", "soort", v.vocab),
            Aspect("binnen", "ligt in", v.one("gebied")),
        ),
        {"id": KEY},
    ),
    Kind(
        "besluit",
        "samenwerking",
        "samenwerking.besluitvorming",
        Besluit,
        lambda p: _occurrences((f"{b.partner}/{b.orgaan}", b) for b in p.samenwerking.besluitvorming),
        _besluit,
        (_text("wat", "wat"), Aspect("datum", "datum", v.day)),
        {"partner": KEY, "orgaan": KEY},
    ),
    Kind(
        "participatie",
        "samenwerking",
        "samenwerking.participatie",
        Participatie,
        lambda p: [("participatie", p.samenwerking.participatie)],
        lambda e, n: "",
        (_text("jongeren", "participatie van jongeren"), _text("ouders", "participatie van ouders")),
        {},
        whole=True,
    ),
    Kind(
        "doelgroep",
        "samenwerking",
        "urgentie.doelgroepen",
        Doelgroep,
        lambda p: ((x.id, x) for x in p.urgentie.doelgroepen),
        _name("doelgroep"),
        (
            _text("naam", "naam"),
            Aspect("leeftijd", "leeftijd", v.leeftijd),
            Aspect("gebieden", "gebieden", v.ids("gebied"), members=True),
            _text("omschrijving", "omschrijving"),
        ),
        {"id": KEY},
    ),
    Kind(
        "geldstroom",
        "geld",
        "samenwerking.geldstromen",
        Geldstroom,
        lambda p: ((x.id, x) for x in p.samenwerking.geldstromen),
        _name("geldstroom"),
        (
            _text("naam", "naam"),
            Aspect("regeling", "regeling", v.one("regeling")),
            Aspect("ontvanger", "ontvanger", v.one("partner")),
            Aspect("voor", "ontvangen voor", v.ids("partner"), members=True),
            Aspect("periode", "bestedingsperiode", v.span),
            Aspect("verlenging", "verlenging", v.verlenging),
            Aspect("begrotingsjaren", "begrotingsjaren", v.vocab),
            Aspect("bestedingsdoelen", "bestedingsdoelen", v.doelen, members=True),
            _text("subsidie.aanvragers", "aanvragers van de subsidie"),
            _text("subsidie.voorwaarden", "voorwaarden van de subsidie"),
            Aspect("subsidie.rondes", "rondes van de subsidie", v.rondes),
            _text("subsidie.herverdeling", "herverdeling van de subsidie"),
            _text("subsidie.toelichting", "toelichting bij de subsidie"),
            _text("toelichting", "toelichting"),
        ),
        {"id": KEY, "bedrag": MONEY, "posten": OWN_KIND, "verdelingen": MONEY},
    ),
    Kind(
        "post",
        "geld",
        "samenwerking.geldstromen.posten",
        Post,
        lambda p: ((r.id, r) for g in p.samenwerking.geldstromen for r in g.posten),
        _name("post"),
        (
            _text("naam", "naam"),
            Aspect("bestedingsdoel", "bestedingsdoel", v.doel),
            Aspect("gebied", "gebied", v.plain),
            Aspect("partner", "partner", v.one("partner")),
            Aspect("open", "open voor aanvragen", v.ja_nee),
            _text("toelichting", "toelichting"),
        ),
        {"id": KEY, "bedrag": MONEY},
    ),
    Kind(
        "interventie",
        "interventies",
        "aanpak.interventies",
        Interventie,
        lambda p: ((x.id, x) for x in p.aanpak.interventies),
        _name("interventie"),
        (
            _text("naam", "naam"),
            Aspect("periode", "periode", v.span),
            Aspect("doorloop", "doorloop", v.doorloop),
            Aspect("trekkers", "trekkers", v.ids("partner"), members=True),
            Aspect("partners", "partners", v.ids("partner"), members=True),
            Aspect("doelgroepen", "doelgroepen", v.ids("doelgroep"), members=True),
            Aspect("leefdomeinen", "leefdomeinen", v.vocab, members=True),
            Aspect("ontwikkelgebieden", "ontwikkelgebieden", v.vocab, members=True),
            Aspect("randvoorwaardelijk", "randvoorwaardelijk", v.ja_nee),
            Aspect("resultaten", "resultaten", v.ids("resultaat"), members=True),
            Aspect("onderbouwing", "onderbouwing", v.onderbouwing),
            _text("onderbouwing.toelichting", "toelichting bij de onderbouwing"),
            Aspect("bereik", "bereik", v.bereik),
            Aspect("toekenning", "toekenning", v.toekenning),
            Aspect("gebieden", "gebieden", v.ids("gebied"), members=True),
            _text("omschrijving", "omschrijving"),
        ),
        {"id": KEY, "begroting": MONEY},
    ),
    Kind(
        "taakverdeling",
        "interventies",
        "aanpak.taakverdeling",
        Taak,
        lambda p: _occurrences((" en ".join(t.wie), t) for t in p.aanpak.taakverdeling),
        lambda e, n: " en ".join(n.lookup.names("partner", e.wie)),
        (
            Aspect("ontwikkelgebieden", "ontwikkelgebieden", v.vocab, members=True),
            Aspect("leefdomeinen", "leefdomeinen", v.vocab, members=True),
            _text("toelichting", "toelichting"),
        ),
        {"wie": KEY},
        told_when_new=("ontwikkelgebieden", "leefdomeinen"),
    ),
    Kind(
        "planning",
        "interventies",
        "uitvoering.planning",
        Planning,
        lambda p: ((x.interventie, x) for x in p.uitvoering.planning),
        lambda e, n: n.lookup.name("interventie", e.interventie),
        (
            Aspect("start", "start", v.day),
            Aspect("eind", "eind", v.day),
            Aspect("mijlpalen", "mijlpalen", v.mijlpalen, members=True),
        ),
        {"interventie": KEY},
        part_of="interventie",
    ),
    Kind(
        "voortgang",
        "interventies",
        "uitvoering.voortgang",
        Voortgang,
        lambda p: _occurrences((f"{x.interventie}/{x.datum}", x) for x in p.uitvoering.voortgang),
        _voortgang,
        (
            Aspect("status", "status", v.vocab),
            Aspect("besteed", "besteed", v.money),
            _text("toelichting", "toelichting"),
        ),
        {"interventie": KEY, "datum": KEY},
        told_when_new=("status", "besteed"),
    ),
    Kind(
        "resultaat",
        "resultaten",
        "resultaten.resultaten",
        Resultaat,
        lambda p: ((x.id, x) for x in p.resultaten.resultaten),
        _name("resultaat"),
        (
            _text("ambitie", "ambitie"),
            _text("resultaat", "resultaat"),
            Aspect("soort", "soort", v.vocab),
            Aspect("doelgroepen", "doelgroepen", v.ids("doelgroep"), members=True),
            Aspect("leefdomeinen", "leefdomeinen", v.vocab, members=True),
            Aspect("ontwikkelgebieden", "ontwikkelgebieden", v.vocab, members=True),
            Aspect("bevindingen", "bevindingen", v.codes, members=True),
        ),
        {"id": KEY, "indicatoren": OWN_KIND},
    ),
    Kind(
        "indicator",
        "resultaten",
        "resultaten.resultaten.indicatoren",
        Indicator,
        lambda p: ((i.id, i) for r in p.resultaten.resultaten for i in r.indicatoren),
        _name("indicator"),
        (
            _text("naam", "naam"),
            Aspect("soort", "soort", v.vocab),
            Aspect("eenheid", "eenheid", v.plain),
            Aspect("bron", "bron", v.one("bron")),
            Aspect("nulmeting", "nulmeting", v.meetwaarde),
            Aspect("metingen", "metingen", v.meetwaarden, members=True),
            Aspect("tussendoelen", "tussendoelen", v.meetwaarden, members=True),
            Aspect("streefwaarde", "streefwaarde", v.meetwaarde),
        ),
        {"id": KEY},
    ),
    Kind(
        "overleg",
        "samenwerking",
        "samenwerking.overleg",
        Overleg,
        lambda p: _occurrences((o.naam, o) for o in p.samenwerking.overleg),
        lambda e, n: " ".join(e.naam.split()),
        (
            Aspect("soort", "soort", v.vocab),
            Aspect("deelnemers", "deelnemers", v.ids("partner"), members=True),
            Aspect("frequentie", "frequentie", v.plain),
            _text("besluit_over", "besluit over"),
        ),
        {"naam": KEY},
    ),
    Kind(
        "meting",
        "resultaten",
        "meten_en_bijsturen.metingen",
        Meting,
        lambda p: _occurrences((m.indicator, m) for m in p.meten_en_bijsturen.metingen),
        lambda e, n: n.lookup.name("indicator", e.indicator),
        (
            Aspect("frequentie", "frequentie", v.plain),
            Aspect("wie", "wie", v.one("partner")),
            Aspect("bron", "bron", v.one("bron")),
            _text("methode", "methode"),
        ),
        {"indicator": KEY},
        part_of="indicator",
    ),
    Kind(
        "verantwoording",
        "geld",
        "meten_en_bijsturen.verantwoording",
        Verantwoording,
        lambda p: _occurrences((x.geldstroom, x) for x in p.meten_en_bijsturen.verantwoording),
        lambda e, n: n.lookup.name("geldstroom", e.geldstroom),
        (
            Aspect("vorm", "vorm", v.vocab),
            Aspect("deadline", "deadline", v.day),
            Aspect("wie", "wie", v.ids("partner"), members=True),
            _text("toelichting", "toelichting"),
            Aspect("kanaal", "kanaal", v.vocab),
            Aspect("kenmerk", "kenmerk", v.plain),
            Aspect("uitvoerders", "uitvoerders", v.ids("partner"), members=True),
            Aspect("besteed", "besteed", v.bestedingen, members=True),
            Aspect("restant", "restant", v.restant),
            _text("restant.toelichting", "toelichting bij het restant"),
        ),
        {"geldstroom": KEY},
        part_of="geldstroom",
    ),
    Kind(
        "bron",
        "analyse",
        "analyse.bronnen",
        Bron,
        lambda p: ((x.id, x) for x in p.analyse.bronnen),
        _name("bron"),
        (
            _text("naam", "naam"),
            Aspect("soort", "soort", v.vocab),
            Aspect("peildatum", "peildatum", v.day),
            Aspect("link", "link", v.plain),
        ),
        {"id": KEY},
    ),
    Kind(
        "bevinding",
        "analyse",
        "analyse.bevindingen",
        Bevinding,
        lambda p: ((x.id, x) for x in p.analyse.bevindingen),
        lambda e, n: e.id,
        (
            _text("tekst", "tekst"),
            Aspect("cijfer", "cijfer", v.cijfer),
            Aspect("leefdomeinen", "leefdomeinen", v.vocab, members=True),
            Aspect("ontwikkelgebieden", "ontwikkelgebieden", v.vocab, members=True),
            Aspect("doelgroepen", "doelgroepen", v.ids("doelgroep"), members=True),
            Aspect("bronnen", "bronnen", v.ids("bron"), members=True),
            Aspect("gebieden", "gebieden", v.ids("gebied"), members=True),
            _text("geparkeerd", "geparkeerd"),
        ),
        {"id": KEY},
    ),
)

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}

#: Lists of the format the diff does not compare yet; a new list must be a kind or stand here.
NOT_COMPARED: tuple[str, ...] = (
    "urgentie.signalen",
    "urgentie.bestaand_beleid",
    "samenwerking.werkgroep",
    "analyse.bestaand_aanbod",
    "analyse.witte_vlekken",
    "meten_en_bijsturen.momenten",
    "meten_en_bijsturen.bijsturing",
    "uitvoering.communicatie",
    "uitvoering.risicos",
    "uitvoering.risicos.interventies",
)
