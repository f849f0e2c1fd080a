"""Geld: geldstromen horen bij hun regeling, en het geld in het plan telt op.

How the money adds up (one rule for all checks here):

- a geldstroom's bedrag is *toegewezen* by begroting lines in 05-aanpak.yaml and by its own
  reserveringen: toegewezen = sum(lines without a reservering of this geldstroom)
  + sum(reserveringen.bedrag);
- a line that names a reservering of its geldstroom draws from that reservering, so it counts
  inside the reservering and not a second time on the geldstroom;
- ``verdelingen`` (per sector, per thema) are views on the same money and never count.

Ids that do not resolve (an unknown or duplicated geldstroom, an unknown reservering) are
reported by the reference rules; here such a line is skipped or, for an unknown reservering,
counted directly on its geldstroom, so no money disappears from the sum.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from samenplan.diagnostics import KeyPath, Severity
from samenplan.dutch import euro
from samenplan.models.aanpak import Begrotingsregel
from samenplan.models.regeling import Regeling
from samenplan.models.samenwerking import Geldstroom, Reservering
from samenplan.rules.context import RuleContext
from samenplan.rules.registry import Finding, Ref, rule
from samenplan.suggest import did_you_mean
from samenplan.vocab import Fase

CENT = Decimal("0.01")
#: At most this many begroting lines are shown as related places of one finding.
MAX_RELATED = 5


def _total(amounts: Iterable[Decimal]) -> Decimal:
    return sum(amounts, Decimal(0))


def _listing(values: Sequence[str]) -> str:
    quoted = [f"'{v}'" for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " en " + quoted[-1]


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


# --- The plan's money, indexed ------------------------------------------------------------


@dataclass(frozen=True)
class Regel:
    """A begroting line of an interventie, with its place in 05-aanpak.yaml."""

    interventie: str
    path: KeyPath
    line: Begrotingsregel

    def ref(self) -> Ref:
        """This line as a related place."""
        return Ref("aanpak", self.path,
                   f"begrotingsregel van interventie '{self.interventie}': {euro(self.line.bedrag)}")


@dataclass(frozen=True)
class Stroom:
    """A geldstroom with a unique id, its place, and the begroting lines drawing on it."""

    index: int
    geldstroom: Geldstroom
    regels: tuple[Regel, ...]

    @property
    def path(self) -> KeyPath:
        """Key path of the geldstroom in 02-samenwerking.yaml."""
        return ("geldstromen", self.index)

    def uit_reservering(self, regel: Regel) -> bool:
        """Whether the line draws from one of this geldstroom's reserveringen."""
        return regel.line.reservering in {r.id for r in self.geldstroom.reserveringen}

    @property
    def direct(self) -> tuple[Regel, ...]:
        """Lines that count directly on the geldstroom (not inside a reservering)."""
        return tuple(r for r in self.regels if not self.uit_reservering(r))

    @property
    def gereserveerd(self) -> Decimal:
        """Sum of the reserveringen."""
        return _total(r.bedrag for r in self.geldstroom.reserveringen)

    @property
    def toegewezen(self) -> Decimal:
        """Money assigned: direct lines plus reserveringen; verdelingen never count."""
        return _total(r.line.bedrag for r in self.direct) + self.gereserveerd

    def uit(self, reservering: Reservering) -> tuple[Regel, ...]:
        """Lines drawing from this reservering."""
        return tuple(r for r in self.regels if r.line.reservering == reservering.id)


def begrotingsregels(ctx: RuleContext) -> list[Regel]:
    """Every begroting line of the plan, in file order."""
    return [Regel(iv.id, ("interventies", i, "begroting", j), line)
            for i, iv in enumerate(ctx.plan.aanpak.interventies)
            for j, line in enumerate(iv.begroting)]


def stromen(ctx: RuleContext) -> dict[str, Stroom]:
    """Geldstromen by id, with their lines; duplicated ids are left out (reported elsewhere)."""
    defined = ctx.definitions.get("geldstroom", {})
    regels = begrotingsregels(ctx)
    return {
        g.id: Stroom(i, g, tuple(r for r in regels if r.line.geldstroom == g.id))
        for i, g in enumerate(ctx.plan.samenwerking.geldstromen)
        if len(defined.get(g.id, ())) == 1
    }


def _most_related(regels: Sequence[Regel]) -> tuple[Ref, ...]:
    """Refs to the largest lines (at most MAX_RELATED), in file order."""
    largest = sorted(regels, key=lambda r: r.line.bedrag, reverse=True)[:MAX_RELATED]
    return tuple(r.ref() for r in regels if r in largest)


def _naam(regeling: Regeling) -> str:
    return regeling.korte_naam or regeling.naam


def _doelen(regeling: Regeling) -> str:
    return "; ".join(f"{d.id} ({d.naam})" for d in regeling.bestedingsdoelen)


# --- Rule group 2: every geldstroom names bestedingsdoelen of its regeling -----------------


@rule("SP301", "geldstroom-zonder-bestedingsdoel", Severity.ERROR,
      "Een geldstroom noemt geen bestedingsdoel.", theme="geld",
      bad="""
geldstromen:
  - id: npo_gemeente
    naam: NPO-geld gemeente
    regeling: npo_gemeenten
    ontvanger: gemeente
    bedrag: 250000
""", good="""
geldstromen:
  - id: npo_gemeente
    naam: NPO-geld gemeente
    regeling: npo_gemeenten
    ontvanger: gemeente
    bedrag: 250000
    bestedingsdoelen: [bovenschools, zorg_welzijn]
""")
def geldstroom_zonder_bestedingsdoel(ctx: RuleContext) -> Iterator[Finding]:
    """Geld uit een regeling mag alleen besteed worden aan de doelen van die regeling. Bij
    elke geldstroom in 02-samenwerking.yaml staat daarom onder `bestedingsdoelen:` aan welke
    doelen van de regeling de werkgroep dit geld besteedt. Zo ziet iedereen (ook de
    accountant bij de verantwoording) dat het plan binnen de regeling blijft, en kan samenplan
    controleren dat de begroting van de interventies daarbij past.

    Oplossing: zet de ids van de bestedingsdoelen bij de geldstroom. De melding noemt de
    bestedingsdoelen van de regeling.
    """
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        if g.bestedingsdoelen:
            continue
        regeling = ctx.plan.regelingen.get(g.regeling)
        keuze = (f"Kies uit de bestedingsdoelen van {_naam(regeling)}: {_doelen(regeling)}."
                 if regeling else "Zet er de ids van de bestedingsdoelen van de regeling.")
        yield Finding(
            "samenwerking", ("geldstromen", i, "bestedingsdoelen"),
            f"Geldstroom '{g.id}' noemt geen bestedingsdoel; dan is niet te zien waaraan "
            "het geld besteed wordt.",
            _join("Zet onder `bestedingsdoelen:` waaraan dit geld gaat.", keuze),
            at_key=True,
        )


@rule("SP302", "bestedingsdoel-niet-van-regeling", Severity.ERROR,
      "Een geldstroom noemt een bestedingsdoel dat niet bij zijn regeling hoort.", theme="geld",
      bad="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeenten
    bestedingsdoelen: [bovenschool, jongerenwerk]
""", good="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeenten
    bestedingsdoelen: [bovenschools, zorg_welzijn]
""")
def bestedingsdoel_niet_van_regeling(ctx: RuleContext) -> Iterator[Finding]:
    """Elke regeling heeft vaste bestedingsdoelen: alleen daaraan mag het geld besteed worden.
    Een geldstroom noemt een bestedingsdoel dat niet bij zijn regeling hoort. Vaak is het een
    tikfout, of een doel van een andere regeling (jongerenwerk past bij het steunpakket
    welzijn, niet bij NP Onderwijs). Geld dat aan een verkeerd doel wordt besteed, moet
    mogelijk terug.

    Oplossing: kies een bestedingsdoel van de regeling; de melding noemt ze. Hoort het geld bij
    een andere regeling, verander dan `regeling:` van de geldstroom.
    """
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        regeling = ctx.plan.regelingen.get(g.regeling)
        if regeling is None:
            continue  # SP303
        ids = [d.id for d in regeling.bestedingsdoelen]
        for j, doel in enumerate(g.bestedingsdoelen):
            if doel not in ids:
                yield Finding(
                    "samenwerking", ("geldstromen", i, "bestedingsdoelen", j),
                    f"Bestedingsdoel '{doel}' van geldstroom '{g.id}' hoort niet bij "
                    f"regeling '{regeling.id}' ({_naam(regeling)}).",
                    _join(did_you_mean(doel, ids),
                          f"De bestedingsdoelen van {_naam(regeling)} zijn: {_doelen(regeling)}."),
                )


@rule("SP303", "onbekende-regeling", Severity.ERROR,
      "Een geldstroom verwijst naar een regeling die samenplan niet kent.", theme="geld",
      bad="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeente
""", good="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeenten
""")
def onbekende_regeling(ctx: RuleContext) -> Iterator[Finding]:
    """Elke geldstroom komt uit een regeling. samenplan kent de landelijke regelingen uit de
    catalogus (NP Onderwijs voor gemeenten en voor scholen, het steunpakket welzijn jeugd,
    sport en leefstijl en andere) en de eigen regelingen die het plan zelf beschrijft in
    samenplan.yaml. De regeling van deze geldstroom staat op geen van beide plekken, dus
    weet samenplan niet aan welke bestedingsdoelen het geld besteed mag worden.

    Oplossing: verbeter de id van de regeling (let op tikfouten). Komt het geld uit een eigen
    budget van de gemeente of het schoolbestuur, of uit een lokale subsidieregeling? Beschrijf
    die regeling dan in samenplan.yaml onder `regelingen:`, met een id, een naam en minstens
    één bestedingsdoel.
    """
    known = list(ctx.plan.regelingen)
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        if g.regeling in ctx.plan.regelingen:
            continue
        yield Finding(
            "samenwerking", ("geldstromen", i, "regeling"),
            f"Geldstroom '{g.id}' komt uit regeling '{g.regeling}', maar die staat niet in de "
            "catalogus en niet bij de eigen regelingen in samenplan.yaml.",
            _join(did_you_mean(g.regeling, known),
                  "Komt het geld uit een eigen budget of een lokale subsidie? Beschrijf de "
                  "regeling dan in samenplan.yaml onder `regelingen:`, met een id, een naam en "
                  "minstens één bestedingsdoel (id en naam)."),
        )


# --- Rule group 5: money adds up ------------------------------------------------------------


def _toewijzing(stroom: Stroom) -> str:
    """'€ 330.000 toegewezen (€ 240.000 in begrotingsregels en € 90.000 in reserveringen)'."""
    total = stroom.toegewezen
    if not stroom.geldstroom.reserveringen:
        return f"{euro(total)} toegewezen in begrotingsregels"
    if not stroom.direct:
        return f"{euro(total)} gereserveerd"
    lines = total - stroom.gereserveerd
    return (f"{euro(total)} toegewezen ({euro(lines)} in begrotingsregels en "
            f"{euro(stroom.gereserveerd)} in reserveringen)")


@rule("SP304", "geldstroom-overschreden", Severity.ERROR,
      "Er is meer geld toegewezen dan een geldstroom heeft.", theme="geld",
      bad="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bedrag: 100000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 80000}
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""", good="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bedrag: 100000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 70000}
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""")
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
    for stroom in stromen(ctx).values():
        g = stroom.geldstroom
        if stroom.toegewezen <= g.bedrag:
            continue
        yield Finding(
            "samenwerking", (*stroom.path, "bedrag"),
            f"Geldstroom '{g.id}' heeft {euro(g.bedrag)}, maar er is {_toewijzing(stroom)}: "
            f"{euro(stroom.toegewezen - g.bedrag)} te veel.",
            "Verlaag bedragen in de begrotingsregels (05-aanpak.yaml) of de reserveringen, of "
            "betaal een deel uit een andere geldstroom. Is er echt meer geld, verhoog dan het "
            "bedrag van de geldstroom.",
            related=_most_related(stroom.direct),
        )


@rule("SP305", "geld-niet-toegewezen", Severity.WARNING,
      "Een deel van een geldstroom is nog niet toegewezen.", theme="geld",
      bad="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bedrag: 100000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 60000}
""", good="""
# 02-samenwerking.yaml:
geldstromen:
  - id: npo_gemeente
    bedrag: 100000
    reserveringen:
      - {id: res_zomer, thema: Zomerschool 2025, bedrag: 40000}
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 60000}
""")
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
    for stroom in stromen(ctx).values():
        g = stroom.geldstroom
        if not (stroom.regels or g.reserveringen) or stroom.toegewezen >= g.bedrag:
            continue
        yield Finding(
            "samenwerking", (*stroom.path, "bedrag"),
            f"{euro(g.bedrag - stroom.toegewezen)} van geldstroom '{g.id}' is nog niet "
            "toegewezen aan een interventie of reservering; geld dat niet besteed wordt, "
            "moet mogelijk terug.",
            "Zet het geld bij een interventie (begrotingsregel in 05-aanpak.yaml) of reserveer "
            "het voor een thema onder `reserveringen:` bij deze geldstroom.",
        )


def _niet_gekozen_hint(doel: str, stroom: Stroom, regeling: Regeling | None) -> str:
    g = stroom.geldstroom
    if regeling is not None and doel in {d.id for d in regeling.bestedingsdoelen}:
        return (f"'{doel}' hoort wel bij {_naam(regeling)}. Wil de werkgroep dit geld daaraan "
                f"besteden, zet het dan bij de bestedingsdoelen van geldstroom '{g.id}' in "
                "02-samenwerking.yaml.")
    return _join(did_you_mean(doel, g.bestedingsdoelen),
                 f"Kies uit de bestedingsdoelen van geldstroom '{g.id}': "
                 f"{_listing(g.bestedingsdoelen)}.")


def _niet_gekozen(doel: str, stroom: Stroom, regeling: Regeling | None) -> tuple[str, str]:
    """Message and hint for a bestedingsdoel its geldstroom did not declare."""
    g = stroom.geldstroom
    return (f"Bestedingsdoel '{doel}' is niet gekozen bij geldstroom '{g.id}'; die noemt "
            f"alleen {_listing(g.bestedingsdoelen)}.", _niet_gekozen_hint(doel, stroom, regeling))


@rule("SP306", "bestedingsdoel-niet-gekozen", Severity.ERROR,
      "Een begrotingsregel gebruikt een bestedingsdoel dat de geldstroom niet noemt.",
      theme="geld",
      bad="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bestedingsdoelen: [bovenschools]
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""", good="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bestedingsdoelen: [bovenschools, zorg_welzijn]
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""")
def bestedingsdoel_niet_gekozen(ctx: RuleContext) -> Iterator[Finding]:
    """Bij elke geldstroom staat aan welke bestedingsdoelen het geld gaat. Een begrotingsregel
    van een interventie (en een reservering met een bestedingsdoel) kiest daar één uit. Staat
    het bestedingsdoel niet bij de geldstroom, dan past de begroting niet bij wat in stap 2 is
    afgesproken, en klopt de verantwoording per bestedingsdoel niet.

    Oplossing: kies een bestedingsdoel dat bij de geldstroom staat. Hoort het doel wel bij de
    regeling, maar is het nog niet gekozen? Zet het dan bij de bestedingsdoelen van de
    geldstroom in 02-samenwerking.yaml. Geldstromen zonder bestedingsdoel meldt regel SP301.
    """
    by_id = stromen(ctx)
    for regel in begrotingsregels(ctx):
        stroom = by_id.get(regel.line.geldstroom)
        if stroom is None or not stroom.geldstroom.bestedingsdoelen:
            continue  # unknown geldstroom: reference rules; none declared: SP301
        if regel.line.bestedingsdoel in stroom.geldstroom.bestedingsdoelen:
            continue
        regeling = ctx.plan.regelingen.get(stroom.geldstroom.regeling)
        message, hint = _niet_gekozen(regel.line.bestedingsdoel, stroom, regeling)
        yield Finding("aanpak", (*regel.path, "bestedingsdoel"), message, hint, related=(
            Ref("samenwerking", (*stroom.path, "bestedingsdoelen"),
                f"bestedingsdoelen van geldstroom '{stroom.geldstroom.id}'"),))
    yield from _reservering_niet_gekozen(ctx, by_id.values())


def _reservering_niet_gekozen(ctx: RuleContext, all_stromen: Iterable[Stroom]) -> Iterator[Finding]:
    for stroom in all_stromen:
        g = stroom.geldstroom
        regeling = ctx.plan.regelingen.get(g.regeling)
        for j, res in enumerate(g.reserveringen):
            doel = res.bestedingsdoel
            if doel is None or not g.bestedingsdoelen or doel in g.bestedingsdoelen:
                continue
            message, hint = _niet_gekozen(doel, stroom, regeling)
            yield Finding("samenwerking", (*stroom.path, "reserveringen", j, "bestedingsdoel"),
                          f"Reservering '{res.id}': {message[0].lower()}{message[1:]}", hint)


@rule("SP307", "geldstroom-niet-besteed", Severity.WARNING,
      "Een geldstroom wordt nergens gebruikt.", theme="geld", error_from=Fase.BESLUIT,
      bad="""
# 02-samenwerking.yaml: geldstroom sport_restant, bedrag: 54000
# 05-aanpak.yaml: geen begrotingsregel met geldstroom: sport_restant
""", good="""
# 05-aanpak.yaml:
begroting:
  - {geldstroom: sport_restant, bestedingsdoel: buurtsportcoaches, bedrag: 54000}
""")
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
    for stroom in stromen(ctx).values():
        g = stroom.geldstroom
        if stroom.regels or g.reserveringen or g.bedrag == 0:
            continue  # a bedrag of 0 is still to be filled in: SP804 reports it
        yield Finding(
            "samenwerking", (*stroom.path, "id"),
            f"Geldstroom '{g.id}' ({euro(g.bedrag)}) wordt nergens gebruikt: geen "
            "begrotingsregel en geen reservering.",
            f"Zet een begrotingsregel met `geldstroom: {g.id}` bij een interventie in "
            "05-aanpak.yaml, of reserveer het geld onder `reserveringen:`. Hoort het geld niet "
            "bij dit plan, haal de geldstroom dan weg.",
        )


@rule("SP308", "reservering-overschreden", Severity.ERROR,
      "Er wordt meer uit een reservering gehaald dan erin zit.", theme="geld",
      bad="""
# 02-samenwerking.yaml: reservering res_zomer, bedrag: 40000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 45000,
     reservering: res_zomer}
""", good="""
# 02-samenwerking.yaml: reservering res_zomer, bedrag: 40000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 25000,
     reservering: res_zomer}
""")
def reservering_overschreden(ctx: RuleContext) -> Iterator[Finding]:
    """Een reservering zet geld van een geldstroom apart voor een thema, bijvoorbeeld een
    subsidiemenu of schuifruimte. Komt er later een interventie uit, dan krijgt die een
    begrotingsregel met `reservering:`. Die regels samen mogen niet meer zijn dan het bedrag
    van de reservering. Wat er nog niet uit gehaald is, blijft gereserveerd; dat is geen
    probleem.

    Oplossing: verlaag de begrotingsregels die uit de reservering komen, of verhoog de
    reservering (dan moet er bij de geldstroom genoeg geld over zijn, zie regel SP304).
    """
    for stroom in stromen(ctx).values():
        for j, res in enumerate(stroom.geldstroom.reserveringen):
            regels = stroom.uit(res)
            drawn = _total(r.line.bedrag for r in regels)
            if drawn <= res.bedrag:
                continue
            yield Finding(
                "samenwerking", (*stroom.path, "reserveringen", j, "bedrag"),
                f"Uit reservering '{res.id}' ({euro(res.bedrag)}) halen begrotingsregels "
                f"{euro(drawn)}: {euro(drawn - res.bedrag)} te veel.",
                f"Verlaag de begrotingsregels met `reservering: {res.id}` in 05-aanpak.yaml, "
                "of verhoog de reservering als er bij de geldstroom nog geld over is.",
                related=_most_related(regels),
            )
