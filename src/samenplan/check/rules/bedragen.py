"""Bedragen: het geld in het plan telt op, per geldstroom en per reservering.

The counting itself (what is toegewezen, what sits inside a reservering, why verdelingen never
count) lives in :mod:`samenplan.plan.money`, which the report uses too; these rules only compare its
sums and say where. Geldstroom ids defined twice are left out here: the reference rules report
them.
"""

from collections.abc import Iterable, Iterator, Sequence

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity
from samenplan.dutch import euro
from samenplan.plan.money import Regel, StroomGeld, geld
from samenplan.plan.vocab import Fase

#: At most this many begroting lines are shown as related places of one finding.
MAX_RELATED = 5


def _stromen(ctx: RuleContext) -> Iterable[StroomGeld]:
    """Geldstromen whose id is defined once."""
    return geld(ctx.plan).uniek.values()


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
    gebruikt, dan meldt regel SP307 dat en deze regel niet.
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
