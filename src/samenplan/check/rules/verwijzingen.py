"""Verwijzingen: every id a plan refers to exists, and ids are unique within their kind."""

from collections.abc import Collection, Iterator
from dataclasses import replace

from samenplan.check.registry import Finding, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity
from samenplan.plan.idkinds import BY_KIND, REFERENCES, Match, Reference, walk
from samenplan.plan.models.samenwerking import Geldstroom
from samenplan.suggest import did_you_mean

#: The reference fields SP201 checks (the others are checked by the money rules).
VERWIJZINGEN = tuple(r for r in REFERENCES if r.checked_by == "verwijzingen")


def gevonden(ctx: RuleContext, verwijzing: Reference) -> Iterator[Match]:
    """Every value of this reference field in the plan."""
    return walk(getattr(ctx.plan, verwijzing.doc), verwijzing.pattern)


def _hint(value: str, kind: str, options: list[str]) -> str:
    return " ".join(filter(None, (did_you_mean(value, options), BY_KIND[kind].where)))


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
    trekkers: [gemeente-rivierstd]
""",
    good="""
interventies:
  - id: huiswerkclub
    naam: Huiswerkclub
    trekkers: [gemeente-rivierstad]
""",
)
def onbekende_verwijzing(ctx: RuleContext) -> Iterator[Finding]:
    """De stappen van het plan verwijzen naar elkaar met korte namen (ids): een interventie
    noemt haar trekker, haar doelgroepen en de resultaten waaraan ze werkt; een meting noemt
    de indicator die ze meet. Zo blijft de rode draad van het plan zichtbaar. Staat een id
    nergens, dan is die draad stuk: vaak door een tikfout, of omdat iets een andere naam
    kreeg.

    Een begrotingsregel die een post noemt, moet een post van dezelfde geldstroom noemen:
    het geld komt uit die pot.

    Oplossing: verbeter de id (samenplan geeft een suggestie als er een id op lijkt), of
    voeg de partner, doelgroep, bron of wat er ontbreekt toe op de plek waar die hoort.
    """
    geldstromen = {g.id: g for g in ctx.plan.samenwerking.geldstromen}
    for verwijzing in VERWIJZINGEN:
        for ref in gevonden(ctx, verwijzing):
            known = _bekend(ctx, verwijzing, ref, geldstromen)
            if known is not None and ref.value not in known:
                yield _onbekend(ctx, verwijzing, ref, list(known))


def _bekend(
    ctx: RuleContext, verwijzing: Reference, ref: Match, geldstromen: dict[str, Geldstroom]
) -> Collection[str] | None:
    """The ids this reference may name; None when its geldstroom is itself unknown.

    ``geldstromen``: the plan's geldstromen by id (the last one of an id twice).
    """
    if not verwijzing.binnen:
        return ctx.ids(verwijzing.kind)
    geldstroom = geldstromen.get(getattr(ref.items[-1], verwijzing.binnen))
    return None if geldstroom is None else [r.id for r in geldstroom.posten]


def _onbekend(ctx: RuleContext, verwijzing: Reference, ref: Match, known: list[str]) -> Finding:
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


def _elders(ctx: RuleContext, finding: Finding, post: str, geldstroom: str) -> Finding:
    """A post of another geldstroom: say whose it is, and point there."""
    elders = ctx.ids("post").get(post)
    if elders is None:
        return finding
    owner = ctx.plan.samenwerking.geldstromen[int(elders.path[1])].id
    hint = (
        f"Post '{post}' hoort bij geldstroom '{owner}'. Zet die geldstroom "
        f"op deze begrotingsregel, of kies een post van '{geldstroom}'."
    )
    related = (elders.ref(f"Hier staat post '{post}', bij '{owner}'."),)
    return replace(finding, hint=hint, related=related)


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
    geldstroom en post heeft een eigen id. Andere delen van het plan verwijzen met
    die id; staat dezelfde id er twee keer, dan is niet duidelijk welke bedoeld is.
    Indicatoren zijn uniek over alle resultaten samen, posten over alle
    geldstromen samen.

    Een partner en een interventie mogen wel dezelfde id hebben: ids hoeven alleen uniek te
    zijn binnen hun soort.

    Oplossing: geef een van de twee een andere id en pas de verwijzingen daarnaar aan. Gaat
    het om hetzelfde ding dat per ongeluk twee keer is opgeschreven, voeg ze dan samen.
    """
    for kind, ids in ctx.definitions.items():
        plural = BY_KIND[kind].plural
        for ident, places in ids.items():
            first = places[0]
            for later in places[1:]:
                yield Finding(
                    later.doc,
                    later.path,
                    f"Er is al een {kind} met id '{ident}'; ids van {plural} moeten uniek zijn.",
                    "Geef een van beide een andere id en pas de verwijzingen daarnaar aan.",
                    related=(first.ref(f"Hier staat de eerste {kind} '{ident}'."),),
                )


#: The fields that say an item is part of a larger one of its own kind: (kind, doc, list, field).
DEEL_VAN = (
    ("partner", "samenwerking", "partners", "onder"),
    ("gebied", "manifest", "gebieden", "binnen"),
)


@rule(
    "SP203",
    "deel-van-zichzelf",
    Severity.ERROR,
    "Een partner valt onder zichzelf, of een gebied ligt in zichzelf (een kring).",
    theme="verwijzingen",
    bad="""
partners:
  - {id: leerplicht, naam: Leerplicht, soort: afdeling, onder: gemeente}
  - {id: gemeente, naam: Gemeente Rivierstad, soort: gemeente, onder: leerplicht}
""",
    good="""
partners:
  - {id: leerplicht, naam: Leerplicht, soort: afdeling, onder: gemeente}
  - {id: gemeente, naam: Gemeente Rivierstad, soort: gemeente}
""",
)
def deel_van_zichzelf(ctx: RuleContext) -> Iterator[Finding]:
    """Met `onder:` zeg je dat een partner deel is van een andere partner: een afdeling
    (leerplicht) van de gemeente, een schoollocatie van haar schoolbestuur. Met `binnen:`
    zeg je dat een gebied in een groter gebied ligt: een wijk in een stadsdeel. Dat gaat
    altijd naar iets groters. Kom je via `onder:` of `binnen:` weer uit bij waar je begon,
    dan klopt de indeling niet: niemand weet meer wat het grotere geheel is.

    Oplossing: haal `onder:` of `binnen:` weg bij het grootste van de twee (de gemeente,
    het stadsdeel), of laat het naar iets nog groters wijzen.
    """
    for kind, doc, key, veld in DEEL_VAN:
        items = list(getattr(getattr(ctx.plan, doc), key))
        parent = {x.id: getattr(x, veld) for x in reversed(items)}  # the first definition wins
        reported: set[str] = set()
        for i, item in enumerate(items):
            ring = _ring(item.id, parent)
            if ring and item.id not in reported:
                reported.update(ring)  # one finding per ring, at its first member
                route = " → ".join(f"'{x}'" for x in (*ring, item.id))
                yield Finding(
                    doc,
                    (key, i, veld),
                    f"{kind.capitalize()} '{item.id}' is deel van zichzelf: {route}.",
                    f"Haal `{veld}:` weg bij het grootste van deze {BY_KIND[kind].plural}, of laat "
                    "het naar iets nog groters wijzen.",
                )


def _ring(start: str, parent: dict[str, str | None]) -> tuple[str, ...]:
    """The ids from ``start`` back to itself along ``parent``; () when that never happens."""
    route: list[str] = []
    node: str | None = start
    while node is not None and node in parent:
        route.append(node)
        node = parent[node]
        if node == start:
            return tuple(route)
        if node in route:
            return ()  # a ring further up, reported at its own members
    return ()
