"""Bedragen: het geld in het plan telt op, per geldstroom en per reservering.

The counting itself (what is toegewezen, what sits inside a reservering, why verdelingen never
count) lives in :mod:`samenplan.plan.money`, which the report uses too; these rules only compare its
sums and say where. Geldstroom ids defined twice are left out here: the reference rules report
them.
"""

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.check.rules.tijd import geldperioden
from samenplan.diagnostics import Severity, Weight
from samenplan.dutch import datum, euro
from samenplan.plan.money import Regel, StroomGeld, total
from samenplan.plan.vocab import Fase

#: At most this many begroting lines are shown as related places of one finding.
MAX_RELATED = 5


def _stromen(ctx: RuleContext) -> Iterable[StroomGeld]:
    """Geldstromen whose id is defined once."""
    return ctx.geld.uniek.values()


def _ref(regel: Regel) -> Ref:
    """A begroting line as a related place."""
    return Ref(
        "aanpak", regel.path, f"begrotingsregel van interventie '{regel.interventie}': {euro(regel.bedrag)}"
    )


def _most_related(regels: Sequence[Regel]) -> tuple[Ref, ...]:
    """Refs to the largest lines (at most MAX_RELATED), in file order."""
    largest = sorted(regels, key=lambda r: r.bedrag, reverse=True)[:MAX_RELATED]
    return tuple(_ref(r) for r in regels if r in largest)


def _toewijzing(stroom: StroomGeld) -> str:
    """'€ 330.000 toegewezen (€ 240.000 in begrotingsregels en € 90.000 in reserveringen)'."""
    total = stroom.toegewezen
    if not stroom.geldstroom.reserveringen:
        return f"{euro(total)} toegewezen in begrotingsregels"
    if not stroom.direct:
        return f"{euro(total)} gereserveerd"
    return (
        f"{euro(total)} toegewezen ({euro(stroom.direct_bedrag)} in begrotingsregels en "
        f"{euro(stroom.gereserveerd)} in reserveringen)"
    )


@rule(
    "SP304",
    "geldstroom-overschreden",
    Severity.ERROR,
    "Er is meer geld toegewezen dan een geldstroom heeft.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bedrag: 100000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 80000}
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""",
    good="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bedrag: 100000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 70000}
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""",
)
def geldstroom_overschreden(ctx: RuleContext) -> Iterator[Finding]:
    """Je kunt niet meer uitgeven dan je hebt. Voor elke geldstroom telt samenplan op wat
    eraan is toegewezen: de begrotingsregels van alle interventies in 05-aanpak.yaml en de
    reserveringen bij de geldstroom. Een begrotingsregel die uit een reservering komt
    (`reservering:`), telt binnen die reservering en dus niet twee keer. Een verdeling (per
    sector of per thema) is alleen een andere kijk op hetzelfde geld en telt niet mee.

    Is het totaal hoger dan het bedrag van de geldstroom, dan klopt de begroting niet: dit is
    altijd een fout.

    Oplossing: verlaag bedragen in de begrotingsregels of de reserveringen, of betaal een deel
    uit een andere geldstroom. Is er echt meer geld, verhoog dan het bedrag van de geldstroom.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if stroom.over >= 0:
            continue
        yield Finding(
            "samenwerking",
            (*stroom.path, "bedrag"),
            f"Geldstroom '{g.id}' heeft {euro(g.bedrag)}, maar er is {_toewijzing(stroom)}: "
            f"{euro(-stroom.over)} te veel.",
            "Verlaag bedragen in de begrotingsregels (05-aanpak.yaml) of de reserveringen, of "
            "betaal een deel uit een andere geldstroom. Is er echt meer geld, verhoog dan het "
            "bedrag van de geldstroom.",
            related=_most_related(stroom.direct),
        )


@rule(
    "SP305",
    "geld-niet-toegewezen",
    Severity.WARNING,
    "Een deel van een geldstroom is nog niet toegewezen.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bedrag: 100000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 60000}
""",
    good="""
# 02-samenwerking.yaml:
geldstromen:
  - id: npo_gemeente
    bedrag: 100000
    reserveringen:
      - {id: res_zomer, thema: Zomerschool 2025, bedrag: 40000}
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 60000}
""",
)
def geld_niet_toegewezen(ctx: RuleContext) -> Iterator[Finding]:
    """samenplan telt voor elke geldstroom op wat is toegewezen: de begrotingsregels van de
    interventies en de reserveringen bij de geldstroom (een verdeling per sector of thema telt
    niet mee). Is dat minder dan het bedrag, dan ligt er nog geld zonder bestemming. Dat mag:
    vaak is nog niet alles verdeeld. Maar geld dat niet op tijd besteed wordt, moet bij veel
    regelingen terug. Daarom noemt samenplan het bedrag.

    Oplossing: zet het geld bij een interventie met een begrotingsregel, of leg het vast als
    reservering bij de geldstroom (`reserveringen:`, met een thema en een bedrag) als het
    voor een thema bestemd is maar nog niet voor een interventie. Wordt een geldstroom nergens
    gebruikt, dan meldt regel SP307 dat en deze regel niet. Is de bestedingstermijn al
    voorbij, dan meldt regel SP313 het geld dat over is, en deze regel niet.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if not (stroom.regels or g.reserveringen) or stroom.over <= 0:
            continue
        yield Finding(
            "samenwerking",
            (*stroom.path, "bedrag"),
            f"{euro(stroom.over)} van geldstroom '{g.id}' is nog niet "
            "toegewezen aan een interventie of reservering; geld dat niet besteed wordt, "
            "moet mogelijk terug.",
            "Zet het geld bij een interventie (begrotingsregel in 05-aanpak.yaml) of reserveer "
            "het voor een thema onder `reserveringen:` bij deze geldstroom.",
        )


@rule(
    "SP307",
    "geldstroom-niet-besteed",
    Severity.WARNING,
    "Een geldstroom wordt nergens gebruikt.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    error_from=Fase.BESLUIT,
    bad="""
# 02-samenwerking.yaml: geldstroom sport_restant, bedrag: 54000
# 05-aanpak.yaml: geen begrotingsregel met geldstroom: sport_restant
""",
    good="""
# 05-aanpak.yaml:
begroting:
  - {geldstroom: sport_restant, bestedingsdoel: buurtsportcoaches, bedrag: 54000}
""",
)
def geldstroom_niet_besteed(ctx: RuleContext) -> Iterator[Finding]:
    """Een geldstroom staat in 02-samenwerking.yaml, maar geen enkele interventie krijgt er geld
    uit en er is ook niets van gereserveerd. Dan is niet duidelijk waarvoor het geld is. In een
    concept kan dat nog (de begroting wordt vaak als laatste ingevuld); daarom is het dan een
    waarschuwing. Vanaf de fase besluit is het een fout: het college, de raad en de
    schoolbesturen moeten zien waar al het geld heen gaat.

    Oplossing: zet bij een interventie in 05-aanpak.yaml een begrotingsregel met deze
    geldstroom, of reserveer het geld voor een thema onder `reserveringen:`. Hoort het geld
    niet bij dit plan, haal de geldstroom dan weg.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if stroom.regels or g.reserveringen or g.bedrag == 0:
            continue  # a bedrag of 0 is still to be filled in: SP804 reports it
        yield Finding(
            "samenwerking",
            (*stroom.path, "id"),
            f"Geldstroom '{g.id}' ({euro(g.bedrag)}) wordt nergens gebruikt: geen "
            "begrotingsregel en geen reservering.",
            f"Zet een begrotingsregel met `geldstroom: {g.id}` bij een interventie in "
            "05-aanpak.yaml, of reserveer het geld onder `reserveringen:`. Hoort het geld niet "
            "bij dit plan, haal de geldstroom dan weg.",
        )


@rule(
    "SP308",
    "reservering-overschreden",
    Severity.ERROR,
    "Er wordt meer uit een reservering gehaald dan erin zit.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
# 02-samenwerking.yaml: reservering res_zomer, bedrag: 40000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 45000,
     reservering: res_zomer}
""",
    good="""
# 02-samenwerking.yaml: reservering res_zomer, bedrag: 40000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 25000,
     reservering: res_zomer}
""",
)
def reservering_overschreden(ctx: RuleContext) -> Iterator[Finding]:
    """Een reservering zet geld van een geldstroom apart voor een thema, bijvoorbeeld een
    subsidiemenu of schuifruimte. Komt er later een interventie uit, dan krijgt die een
    begrotingsregel met `reservering:`. Die regels samen mogen niet meer zijn dan het bedrag
    van de reservering. Wat er nog niet uit gehaald is, blijft gereserveerd; dat is geen
    probleem.

    Oplossing: verlaag de begrotingsregels die uit de reservering komen, of verhoog de
    reservering (dan moet er bij de geldstroom genoeg geld over zijn, zie regel SP304).
    """
    for stroom in _stromen(ctx):
        for res in stroom.reserveringen:
            if res.vrij >= 0:
                continue
            rid = res.reservering.id
            yield Finding(
                "samenwerking",
                (*stroom.path, "reserveringen", res.index, "bedrag"),
                f"Uit reservering '{rid}' ({euro(res.bedrag)}) halen begrotingsregels "
                f"{euro(res.opgenomen)}: {euro(-res.vrij)} te veel.",
                f"Verlaag de begrotingsregels met `reservering: {rid}` in 05-aanpak.yaml, "
                "of verhoog de reservering als er bij de geldstroom nog geld over is.",
                related=_most_related(res.regels),
            )


@rule(
    "SP312",
    "verdeling-groter-dan-geldstroom",
    Severity.ERROR,
    "De posten van een verdeling zijn samen meer dan de geldstroom.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
geldstromen:
  - id: gs_npo
    bedrag: 950000
    verdelingen:
      - naam: per sector
        posten:
          - {label: po, bedrag: 600000}
          - {label: vo, bedrag: 400000}
""",
    good="""
geldstromen:
  - id: gs_npo
    bedrag: 950000
    verdelingen:
      - naam: per sector
        posten:
          - {label: po, bedrag: 570000}
          - {label: vo, bedrag: 380000}
""",
)
def verdeling_groter_dan_geldstroom(ctx: RuleContext) -> Iterator[Finding]:
    """Een verdeling laat zien hoe het geld van een geldstroom is opgedeeld, bijvoorbeeld per
    sector (po en vo) of per thema. Het is een andere kijk op hetzelfde geld, dus telt ze niet
    mee bij wat is toegewezen (regel SP304). Maar de posten van één verdeling kunnen samen
    niet meer zijn dan de geldstroom zelf: dan klopt de verdeling of het bedrag niet. Elke
    verdeling wordt apart vergeleken; twee verdelingen van hetzelfde geld tellen nooit op.

    Oplossing: verbeter de bedragen van de posten, of het bedrag van de geldstroom.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        for k, verdeling in enumerate(g.verdelingen):
            som = total(p.bedrag for p in verdeling.posten)
            if som <= g.bedrag:
                continue
            yield Finding(
                "samenwerking",
                (*stroom.path, "verdelingen", k),
                f"De posten van verdeling '{verdeling.naam}' zijn samen {euro(som)}, maar "
                f"geldstroom '{g.id}' heeft {euro(g.bedrag)}: {euro(som - g.bedrag)} te veel.",
                "Verbeter de bedragen van de posten, of het bedrag van de geldstroom.",
                related=(
                    Ref("samenwerking", (*stroom.path, "bedrag"), f"het bedrag van geldstroom '{g.id}'"),
                ),
            )


def _besteed(ctx: RuleContext, stroom: StroomGeld) -> Decimal | None:
    """What is spent from a geldstroom according to voortgang, when that can be known.

    Only when every interventie on the geldstroom is paid from it alone and has a voortgang
    with `besteed`; the latest report per interventie counts.
    """
    ids = {r.interventie for r in stroom.regels}
    if not ids:
        return None
    for iv in ctx.plan.aanpak.interventies:
        if iv.id in ids and {b.geldstroom for b in iv.begroting} != {stroom.geldstroom.id}:
            return None
    latest: dict[str, tuple[date, Decimal]] = {}
    for v in ctx.plan.uitvoering.voortgang:
        if v.interventie not in ids or v.besteed is None:
            continue
        if v.interventie not in latest or v.datum >= latest[v.interventie][0]:
            latest[v.interventie] = (v.datum, v.besteed)
    if set(latest) != ids:
        return None
    return total(b for _, b in latest.values())


@rule(
    "SP313",
    "geld-over-na-termijn",
    Severity.ERROR,
    "De bestedingstermijn van een geldstroom is voorbij en er is geld over.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
# 02-samenwerking.yaml: geldstroom gs_welzijn, bedrag: 40000, periode tot 2024-12-31
# 05-aanpak.yaml: begrotingsregels op gs_welzijn: samen 25000
""",
    good="""
# 02-samenwerking.yaml: geldstroom gs_welzijn, bedrag: 40000, periode tot 2024-12-31
# 05-aanpak.yaml: begrotingsregels op gs_welzijn: samen 40000
""",
)
def geld_over_na_termijn(ctx: RuleContext) -> Iterator[Finding]:
    """Geld uit een regeling moet binnen de bestedingstermijn besteed worden. Wat aan het eind
    van de termijn over is, moet bij veel regelingen terug naar het Rijk of de gemeente: een
    terugbetaalrisico. De landelijke evaluaties van het NP Onderwijs noemen onderbesteding en
    geld dat aan het eind over was als een van de grote problemen.

    Deze regel kijkt naar geldstromen waarvan de termijn (de periode van de geldstroom, of
    anders die van de regeling) voorbij is. Is dan nog geld niet toegewezen, dan noemt ze het
    bedrag. Dan meldt regel SP305 ('nog niet toegewezen') hetzelfde geld niet nog een keer.
    Staat in de voortgang bij elke interventie van de geldstroom hoeveel er besteed is (en
    betaalt alleen deze geldstroom die interventies), dan telt ze ook wat er echt besteed is.

    Noemt de verantwoording van de geldstroom in stap 6 een `restant`, dan zegt het plan al
    wat er over is, en meldt deze regel niets; regel SP709 vraagt dan of het terug moet.

    Oplossing: zoek uit of het geld terug moet en zet dat bij de verantwoording van de
    geldstroom in stap 6, onder `restant:` met `bedrag`, `terugbetalen` en `toelichting`.
    Is de termijn verlengd? Zet dan de nieuwe `periode` bij de geldstroom, met de bron van de
    verlenging in de toelichting.
    """
    perioden = geldperioden(ctx)
    # A verantwoording with a restant already says what is left (SP709 asks whether it goes back).
    met_restant = {v.geldstroom for v in ctx.plan.meten_en_bijsturen.verantwoording if v.restant}
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if g.id in met_restant:
            continue
        gp = perioden.get(g.id)
        if gp is None or not gp.termijn.loopt_vooruit or gp.termijn.tot >= ctx.today:
            continue
        if not (stroom.regels or g.reserveringen):
            continue  # SP307: nobody spends it
        besteed = _besteed(ctx, stroom)
        over = g.bedrag - besteed if besteed is not None else stroom.over
        if over <= 0:
            continue
        wat = "is niet besteed volgens de voortgang" if besteed is not None else "is niet toegewezen"
        yield Finding(
            "samenwerking",
            (*stroom.path, "bedrag"),
            f"De bestedingstermijn van geldstroom '{g.id}' is op {datum(gp.termijn.tot)} "
            f"afgelopen, maar {euro(over)} {wat}; dat geld moet mogelijk terug{gp.herkomst}.",
            "Zoek uit of het geld terug moet en zet dat in stap 6 bij de verantwoording, onder `restant:`. "
            "Is de termijn verlengd? Zet dan de nieuwe periode bij de geldstroom.",
            related=(gp.ref,),
        )
