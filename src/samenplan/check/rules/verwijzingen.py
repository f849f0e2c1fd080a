"""Verwijzingen: every id a plan refers to exists, and ids are unique within their kind."""

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from typing import Any

from samenplan.check.registry import Finding, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import KeyPath, Severity
from samenplan.suggest import did_you_mean


@dataclass(frozen=True)
class Verwijzing:
    """A field that refers to an id of ``kind``, in document ``doc``.

    ``pattern`` is the key path with ``*`` for every list item. ``subject`` names the item
    in a message; it is formatted with the items matched by the ``*``s (``{0.id}``).
    ``rol`` is the word for the value when it is not the kind itself (trekker, ontvanger).
    ``binnen`` names the sibling key of the geldstroom whose own reserveringen count.
    """

    kind: str
    doc: str
    pattern: str
    subject: str
    rol: str = ""
    binnen: str = ""


#: Every reference field of the plan format. The bestedingsdoelen and regelingen of a
#: geldstroom are checked with the money rules (SP3xx), not here.
VERWIJZINGEN = (
    Verwijzing("partner", "urgentie", "signalen.*.partner", "Een signaal"),
    Verwijzing("partner", "samenwerking", "werkgroep.*.partner", "Werkgroeplid '{0.naam}'"),
    Verwijzing("partner", "samenwerking", "overleg.*.deelnemers.*", "Overleg '{0.naam}'", "deelnemer"),
    Verwijzing("partner", "samenwerking", "besluitvorming.*.partner", "Een besluit"),
    Verwijzing("partner", "samenwerking", "geldstromen.*.ontvanger", "Geldstroom '{0.id}'", "ontvanger"),
    Verwijzing("doelgroep", "analyse", "bevindingen.*.doelgroepen.*", "Bevinding '{0.id}'"),
    Verwijzing("bron", "analyse", "bevindingen.*.bronnen.*", "Bevinding '{0.id}'"),
    Verwijzing(
        "partner", "analyse", "bestaand_aanbod.*.aanbieder", "Bestaand aanbod '{0.naam}'", "aanbieder"
    ),
    Verwijzing("doelgroep", "resultaten", "resultaten.*.doelgroepen.*", "Resultaat '{0.id}'"),
    Verwijzing("bevinding", "resultaten", "resultaten.*.bevindingen.*", "Resultaat '{0.id}'"),
    Verwijzing("bron", "resultaten", "resultaten.*.indicatoren.*.bron", "Indicator '{1.id}'"),
    Verwijzing("doelgroep", "aanpak", "interventies.*.doelgroepen.*", "Interventie '{0.id}'"),
    Verwijzing("resultaat", "aanpak", "interventies.*.resultaten.*", "Interventie '{0.id}'"),
    Verwijzing("partner", "aanpak", "interventies.*.trekker", "Interventie '{0.id}'", "trekker"),
    Verwijzing("partner", "aanpak", "interventies.*.partners.*", "Interventie '{0.id}'"),
    Verwijzing(
        "geldstroom",
        "aanpak",
        "interventies.*.begroting.*.geldstroom",
        "Interventie '{0.id}'",
        "in de begroting geldstroom",
    ),
    Verwijzing(
        "reservering",
        "aanpak",
        "interventies.*.begroting.*.reservering",
        "Interventie '{0.id}'",
        "in de begroting reservering",
        binnen="geldstroom",
    ),
    Verwijzing("indicator", "meten_en_bijsturen", "metingen.*.indicator", "Een meting"),
    Verwijzing("partner", "meten_en_bijsturen", "metingen.*.wie", "De meting van '{0.indicator}'"),
    Verwijzing("bron", "meten_en_bijsturen", "metingen.*.bron", "De meting van '{0.indicator}'"),
    Verwijzing("partner", "meten_en_bijsturen", "momenten.*.wie.*", "Het moment van {0.datum}"),
    Verwijzing("indicator", "meten_en_bijsturen", "bijsturing.*.indicator", "Een bijsturingsafspraak"),
    Verwijzing("geldstroom", "meten_en_bijsturen", "verantwoording.*.geldstroom", "Een verantwoording"),
    Verwijzing(
        "partner", "meten_en_bijsturen", "verantwoording.*.wie", "De verantwoording van '{0.geldstroom}'"
    ),
    Verwijzing("interventie", "uitvoering", "planning.*.interventie", "De planning"),
    Verwijzing("interventie", "uitvoering", "voortgang.*.interventie", "Een voortgangsregel"),
    Verwijzing("partner", "uitvoering", "risicos.*.eigenaar", "Een risico", "eigenaar"),
)

#: Where the ids of each kind are defined, for the hint.
WAAR = {
    "partner": "Partners staan in 02-samenwerking.yaml onder partners.",
    "doelgroep": "Doelgroepen staan in 01-urgentie.yaml onder doelgroepen.",
    "bron": "Bronnen staan in 03-analyse.yaml onder bronnen.",
    "bevinding": "Bevindingen staan in 03-analyse.yaml onder bevindingen.",
    "resultaat": "Resultaten staan in 04-resultaten.yaml onder resultaten.",
    "indicator": "Indicatoren staan in 04-resultaten.yaml onder indicatoren, bij hun resultaat.",
    "interventie": "Interventies staan in 05-aanpak.yaml onder interventies.",
    "geldstroom": "Geldstromen staan in 02-samenwerking.yaml onder geldstromen.",
    "reservering": "Reserveringen staan in 02-samenwerking.yaml onder reserveringen, bij hun geldstroom.",
}


@dataclass(frozen=True)
class Gevonden:
    """One reference value in the plan: where, which value, and the items on its path."""

    path: KeyPath
    value: str
    items: tuple[Any, ...]


def _walk(node: Any, parts: list[str], path: KeyPath, items: tuple[Any, ...]) -> Iterator[Gevonden]:
    if node is None:
        return
    if not parts:
        yield Gevonden(path, str(node), items)
    elif parts[0] == "*":
        for i, item in enumerate(node):
            yield from _walk(item, parts[1:], (*path, i), (*items, item))
    else:
        yield from _walk(getattr(node, parts[0]), parts[1:], (*path, parts[0]), items)


def gevonden(ctx: RuleContext, verwijzing: Verwijzing) -> Iterator[Gevonden]:
    """Every value of this reference field in the plan."""
    root = getattr(ctx.plan, verwijzing.doc)
    yield from _walk(root, verwijzing.pattern.split("."), (), ())


def _hint(value: str, kind: str, options: list[str]) -> str:
    return " ".join(filter(None, (did_you_mean(value, options), WAAR[kind])))


@rule(
    "SP201",
    "onbekende-verwijzing",
    Severity.ERROR,
    "Een verwijzing noemt een id die nergens in het plan staat.",
    theme="verwijzingen",
    bad="""
interventies:
  - id: huiswerkclub
    naam: Huiswerkclub
    trekker: gemeente-rivierstd
""",
    good="""
interventies:
  - id: huiswerkclub
    naam: Huiswerkclub
    trekker: gemeente-rivierstad
""",
)
def onbekende_verwijzing(ctx: RuleContext) -> Iterator[Finding]:
    """De stappen van het plan verwijzen naar elkaar met korte namen (ids): een interventie
    noemt haar trekker, haar doelgroepen en de resultaten waaraan ze werkt; een meting noemt
    de indicator die ze meet. Zo blijft de rode draad van het plan zichtbaar. Staat een id
    nergens, dan is die draad stuk: vaak door een tikfout, of omdat iets een andere naam
    kreeg.

    Een begrotingsregel die een reservering noemt, moet een reservering van dezelfde
    geldstroom noemen: het geld komt uit die pot.

    Oplossing: verbeter de id (samenplan geeft een suggestie als er een id op lijkt), of
    voeg de partner, doelgroep, bron of wat er ontbreekt toe op de plek waar die hoort.
    """
    for verwijzing in VERWIJZINGEN:
        for ref in gevonden(ctx, verwijzing):
            known = _bekend(ctx, verwijzing, ref)
            if known is not None and ref.value not in known:
                yield _onbekend(ctx, verwijzing, ref, list(known))


def _bekend(ctx: RuleContext, verwijzing: Verwijzing, ref: Gevonden) -> Collection[str] | None:
    """The ids this reference may name; None when its geldstroom is itself unknown."""
    if not verwijzing.binnen:
        return ctx.ids(verwijzing.kind).keys()
    owner = getattr(ref.items[-1], verwijzing.binnen)
    geldstroom = {g.id: g for g in ctx.plan.samenwerking.geldstromen}.get(owner)
    return None if geldstroom is None else [r.id for r in geldstroom.reserveringen]


def _onbekend(ctx: RuleContext, verwijzing: Verwijzing, ref: Gevonden, known: list[str]) -> Finding:
    kind = verwijzing.kind
    subject = verwijzing.subject.format(*ref.items)
    named = f"{subject} noemt {verwijzing.rol or kind} '{ref.value}'"
    if not verwijzing.binnen:
        return Finding(
            verwijzing.doc,
            ref.path,
            f"{named}, maar er is geen {kind} met die id.",
            _hint(ref.value, kind, known),
        )
    owner = getattr(ref.items[-1], verwijzing.binnen)
    return _elders(
        ctx,
        Finding(
            verwijzing.doc,
            ref.path,
            f"{named}, maar {verwijzing.binnen} '{owner}' heeft geen {kind} met die id.",
            _hint(ref.value, kind, known),
        ),
        ref.value,
        owner,
    )


def _elders(ctx: RuleContext, finding: Finding, reservering: str, geldstroom: str) -> Finding:
    """A reservering of another geldstroom: say whose it is, and point there."""
    elders = ctx.ids("reservering").get(reservering)
    if elders is None:
        return finding
    owner = ctx.plan.samenwerking.geldstromen[int(elders.path[1])].id
    hint = (
        f"Reservering '{reservering}' hoort bij geldstroom '{owner}'. Zet die geldstroom "
        f"op deze begrotingsregel, of kies een reservering van '{geldstroom}'."
    )
    related = (elders.ref(f"Hier staat reservering '{reservering}', bij '{owner}'."),)
    return replace(finding, hint=hint, related=related)


MEERVOUD = {
    "partner": "partners",
    "doelgroep": "doelgroepen",
    "geldstroom": "geldstromen",
    "reservering": "reserveringen",
    "bron": "bronnen",
    "bevinding": "bevindingen",
    "resultaat": "resultaten",
    "indicator": "indicatoren",
    "interventie": "interventies",
}


@rule(
    "SP202",
    "dubbele-id",
    Severity.ERROR,
    "Twee dingen van dezelfde soort hebben dezelfde id.",
    theme="verwijzingen",
    bad="""
partners:
  - {id: gem_rivierstad, naam: Gemeente Rivierstad, soort: gemeente}
  - {id: gem_rivierstad, naam: Stichting Rivierscholen, soort: schoolbestuur}
""",
    good="""
partners:
  - {id: gem_rivierstad, naam: Gemeente Rivierstad, soort: gemeente}
  - {id: sb_rivierscholen, naam: Stichting Rivierscholen, soort: schoolbestuur}
""",
)
def dubbele_id(ctx: RuleContext) -> Iterator[Finding]:
    """Elke partner, doelgroep, bron, bevinding, resultaat, indicator, interventie,
    geldstroom en reservering heeft een eigen id. Andere delen van het plan verwijzen met
    die id; staat dezelfde id er twee keer, dan is niet duidelijk welke bedoeld is.
    Indicatoren zijn uniek over alle resultaten samen, reserveringen over alle
    geldstromen samen.

    Een partner en een interventie mogen wel dezelfde id hebben: ids hoeven alleen uniek te
    zijn binnen hun soort.

    Oplossing: geef een van de twee een andere id en pas de verwijzingen daarnaar aan. Gaat
    het om hetzelfde ding dat per ongeluk twee keer is opgeschreven, voeg ze dan samen.
    """
    for kind, ids in ctx.definitions.items():
        for ident, places in ids.items():
            first = places[0]
            for later in places[1:]:
                yield Finding(
                    later.doc,
                    later.path,
                    f"Er is al een {kind} met id '{ident}'; ids van {MEERVOUD[kind]} moeten uniek zijn.",
                    "Geef een van beide een andere id en pas de verwijzingen daarnaar aan.",
                    related=(first.ref(f"Hier staat de eerste {kind} '{ident}'."),),
                )
