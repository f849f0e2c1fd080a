"""Geld: geldstromen horen bij hun regeling, en het geld gaat naar hun bestedingsdoelen.

Whether the amounts add up is checked in :mod:`samenplan.check.rules.bedragen`.
"""

from collections.abc import Iterable, Iterator, Sequence

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity, Weight
from samenplan.plan.models.common import Begrotingsjaar
from samenplan.plan.models.regeling import DoelenStatus, Regeling
from samenplan.plan.models.samenwerking import Geldstroom
from samenplan.plan.money import Regel, StroomGeld
from samenplan.plan.vocab import Fase
from samenplan.suggest import did_you_mean


def _listing(values: Sequence[str]) -> str:
    quoted = [f"'{v}'" for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " en " + quoted[-1]


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _naam(regeling: Regeling) -> str:
    return regeling.korte_naam or regeling.naam


def _doelen(regeling: Regeling) -> str:
    return "; ".join(f"{d.id} ({d.naam})" for d in regeling.bestedingsdoelen)


# --- Rule group 2: every geldstroom names bestedingsdoelen of its regeling -----------------


@rule(
    "SP301",
    "geldstroom-zonder-bestedingsdoel",
    Severity.ERROR,
    "Een geldstroom noemt geen bestedingsdoel.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
geldstromen:
  - id: npo_gemeente
    naam: NPO-geld gemeente
    regeling: npo_gemeenten
    ontvanger: gemeente
    bedrag: 250000
""",
    good="""
geldstromen:
  - id: npo_gemeente
    naam: NPO-geld gemeente
    regeling: npo_gemeenten
    ontvanger: gemeente
    bedrag: 250000
    bestedingsdoelen: [bovenschools, zorg_welzijn]
""",
)
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
        keuze = (
            f"Kies uit de bestedingsdoelen van {_naam(regeling)}: {_doelen(regeling)}."
            if regeling
            else "Zet er de ids van de bestedingsdoelen van de regeling."
        )
        yield Finding(
            "samenwerking",
            ("geldstromen", i, "bestedingsdoelen"),
            f"Geldstroom '{g.id}' noemt geen bestedingsdoel; dan is niet te zien waaraan "
            "het geld besteed wordt.",
            _join("Zet onder `bestedingsdoelen:` waaraan dit geld gaat.", keuze),
            at_key=True,
        )


@rule(
    "SP302",
    "bestedingsdoel-niet-van-regeling",
    Severity.ERROR,
    "Een geldstroom noemt een bestedingsdoel dat niet bij zijn regeling hoort.",
    theme="geld",
    bad="""
geldstromen:
  - id: npo_school
    regeling: npo_scholen
    bestedingsdoelen: [a_meer_onderwijs, jongerenwerk]
""",
    good="""
geldstromen:
  - id: npo_school
    regeling: npo_scholen
    bestedingsdoelen: [a_meer_onderwijs, c_sociaal_emotioneel_fysiek]
""",
)
def bestedingsdoel_niet_van_regeling(ctx: RuleContext) -> Iterator[Finding]:
    """Elke regeling heeft vaste bestedingsdoelen: alleen daaraan mag het geld besteed worden.
    Een geldstroom noemt een bestedingsdoel dat niet bij zijn regeling hoort. Vaak is het een
    tikfout, of een doel van een andere regeling (jongerenwerk past bij het steunpakket
    welzijn, niet bij NP Onderwijs voor scholen). Geld dat aan een verkeerd doel wordt
    besteed, moet mogelijk terug.

    Deze regel geldt voor regelingen waarvan de lijst met bestedingsdoelen vastligt, en voor
    eigen regelingen in samenplan.yaml. Is de lijst in de catalogus niet nagekeken of niet
    compleet, dan geeft samenplan een waarschuwing (SP309).

    Oplossing: kies een bestedingsdoel van de regeling; de melding noemt ze. Hoort het geld bij
    een andere regeling, verander dan `regeling:` van de geldstroom.
    """
    for i, j, doel, g, regeling in _onbekende_doelen(ctx):
        if regeling.bestedingsdoelen_status is not DoelenStatus.VASTGESTELD:
            continue  # SP309: the list may be incomplete
        ids = [d.id for d in regeling.bestedingsdoelen]
        yield Finding(
            "samenwerking",
            ("geldstromen", i, "bestedingsdoelen", j),
            f"Bestedingsdoel '{doel}' van geldstroom '{g.id}' hoort niet bij "
            f"regeling '{regeling.id}' ({_naam(regeling)}).",
            _join(
                did_you_mean(doel, ids),
                f"De bestedingsdoelen van {_naam(regeling)} zijn: {_doelen(regeling)}.",
            ),
        )


def _onbekende_doelen(ctx: RuleContext) -> Iterator[tuple[int, int, str, Geldstroom, Regeling]]:
    """(geldstroom index, doel index, doel, geldstroom, regeling) of every bestedingsdoel of a
    geldstroom that is not in the list of its (known) regeling."""
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        regeling = ctx.plan.regelingen.get(g.regeling)
        if regeling is None:
            continue  # SP303
        ids = {d.id for d in regeling.bestedingsdoelen}
        for j, doel in enumerate(g.bestedingsdoelen):
            if doel not in ids:
                yield i, j, doel, g, regeling


@rule(
    "SP309",
    "bestedingsdoel-niet-in-lijst",
    Severity.WARNING,
    "Een geldstroom noemt een bestedingsdoel dat niet in de (onvolledige) lijst van zijn regeling staat.",
    theme="geld",
    bad="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeenten
    bestedingsdoelen: [lokale_samenwerking]
""",
    good="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeenten
    bestedingsdoelen: [bovenschools]
    # of, als het doel in de regeling staat:
    # bestedingsdoelen: [lokale_samenwerking]  # samenplan: negeer SP309 reden: <artikel>
""",
)
def bestedingsdoel_niet_in_lijst(ctx: RuleContext) -> Iterator[Finding]:
    """Van sommige regelingen is de lijst met bestedingsdoelen in de catalogus niet compleet
    of niet nagekeken. De lijst komt dan uit toelichtingen (van het ministerie, NJi of een
    ondersteuningsorganisatie), omdat de officiële tekst niet helemaal gelezen kon worden. Of
    het geld komt uit de algemene uitkering en is niet geoormerkt: dan beslist de
    gemeenteraad waaraan het besteed wordt, en volgen de doelen de brief waarin het geld werd
    aangekondigd. Noemt een geldstroom een doel dat niet in zo'n lijst staat, dan kan
    samenplan niet zeggen of dat mag. Daarom is dit een waarschuwing, geen fout.
    `samenplan regelingen ID` laat zien wat er van een regeling niet is nagekeken.

    Oplossing: kijk in de regeling zelf of het doel mag; de melding zegt waar. Mag het,
    schrijf dan in de `toelichting` van de geldstroom waar het staat, en zet achter het doel
    `# samenplan: negeer SP309 reden: ...` met het artikel of het raadsbesluit. Was het een
    tikfout, kies dan een doel uit de lijst.
    """
    for i, j, doel, g, regeling in _onbekende_doelen(ctx):
        status = regeling.bestedingsdoelen_status
        if status is DoelenStatus.VASTGESTELD:
            continue  # SP302
        ids = [d.id for d in regeling.bestedingsdoelen]
        if status is DoelenStatus.NIET_GEOORMERKT:
            waarom = (
                "Dat geld is niet geoormerkt: de gemeenteraad beslist waaraan het besteed "
                "wordt; de lijst volgt de brief waarin het geld werd aangekondigd."
            )
            nakijken = "Schrijf in de toelichting van de geldstroom welk besluit van de raad dit doel dekt."
        else:
            waarom = (
                "Die lijst komt niet uit de officiële tekst van de regeling en is misschien "
                "niet compleet; samenplan kan niet zeggen of dit doel mag."
            )
            nakijken = f"Kijk in de regeling of dit doel mag: {regeling.doelen_bron}."
        yield Finding(
            "samenwerking",
            ("geldstromen", i, "bestedingsdoelen", j),
            f"Bestedingsdoel '{doel}' van geldstroom '{g.id}' staat niet in de lijst van "
            f"regeling '{regeling.id}' ({_naam(regeling)}). {waarom}",
            _join(
                did_you_mean(doel, ids),
                nakijken,
                f"De bekende bestedingsdoelen zijn: {_doelen(regeling)}.",
            ),
        )


@rule(
    "SP303",
    "onbekende-regeling",
    Severity.ERROR,
    "Een geldstroom verwijst naar een regeling die samenplan niet kent.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeente
""",
    good="""
geldstromen:
  - id: npo_gemeente
    regeling: npo_gemeenten
""",
)
def onbekende_regeling(ctx: RuleContext) -> Iterator[Finding]:
    """Elke geldstroom komt uit een regeling. samenplan kent de landelijke regelingen uit de
    catalogus (`samenplan regelingen` toont ze, bijvoorbeeld de Brede SPUK, GOAB en NP
    Onderwijs) en de eigen regelingen die het plan zelf beschrijft in samenplan.yaml. De
    regeling van deze geldstroom staat op geen van beide plekken, dus weet samenplan niet aan
    welke bestedingsdoelen het geld besteed mag worden.

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
            "samenwerking",
            ("geldstromen", i, "regeling"),
            f"Geldstroom '{g.id}' komt uit regeling '{g.regeling}', maar die staat niet in de "
            "catalogus en niet bij de eigen regelingen in samenplan.yaml.",
            _join(
                did_you_mean(g.regeling, known),
                "'samenplan regelingen' toont de regelingen van de catalogus.",
                "Komt het geld uit een eigen budget of een lokale subsidie? Beschrijf de "
                "regeling dan in samenplan.yaml onder `regelingen:`, met een id, een naam en "
                "minstens één bestedingsdoel (id en naam).",
            ),
        )


# --- Begroting lines and posten choose from their geldstroom's bestedingsdoelen -----


def _niet_gekozen_hint(doel: str, g: Geldstroom, regeling: Regeling | None) -> str:
    if regeling is not None and doel in {d.id for d in regeling.bestedingsdoelen}:
        return (
            f"'{doel}' hoort wel bij {_naam(regeling)}. Wil de werkgroep dit geld daaraan "
            f"besteden, zet het dan bij de bestedingsdoelen van geldstroom '{g.id}' in "
            "02-samenwerking.yaml."
        )
    return _join(
        did_you_mean(doel, g.bestedingsdoelen),
        f"Kies uit de bestedingsdoelen van geldstroom '{g.id}': {_listing(g.bestedingsdoelen)}.",
    )


def _niet_gekozen(doel: str, g: Geldstroom, regeling: Regeling | None) -> tuple[str, str]:
    """Message and hint for a bestedingsdoel its geldstroom did not declare."""
    return (
        f"Bestedingsdoel '{doel}' is niet gekozen bij geldstroom '{g.id}'; die noemt "
        f"alleen {_listing(g.bestedingsdoelen)}.",
        _niet_gekozen_hint(doel, g, regeling),
    )


@rule(
    "SP306",
    "bestedingsdoel-niet-gekozen",
    Severity.ERROR,
    "Een begrotingsregel gebruikt een bestedingsdoel dat de geldstroom niet noemt.",
    theme="geld",
    bad="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bestedingsdoelen: [bovenschools]
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""",
    good="""
# 02-samenwerking.yaml: geldstroom npo_gemeente, bestedingsdoelen: [bovenschools, zorg_welzijn]
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: zorg_welzijn, bedrag: 30000}
""",
)
def bestedingsdoel_niet_gekozen(ctx: RuleContext) -> Iterator[Finding]:
    """Bij elke geldstroom staat aan welke bestedingsdoelen het geld gaat. Een begrotingsregel
    van een interventie (en een post met een bestedingsdoel) kiest daar één uit. Staat het
    bestedingsdoel niet bij de geldstroom, dan past de begroting niet bij wat in stap 2 is
    afgesproken, en klopt de verantwoording per bestedingsdoel niet.

    Een begrotingsregel mag het bestedingsdoel weglaten als het uit haar post volgt (de post
    heeft een `bestedingsdoel`) of als de geldstroom maar één bestedingsdoel heeft. Anders
    meldt deze regel dat het bestedingsdoel ontbreekt.

    Oplossing: kies een bestedingsdoel dat bij de geldstroom staat. Hoort het doel wel bij de
    regeling, maar is het nog niet gekozen? Zet het dan bij de bestedingsdoelen van de
    geldstroom in 02-samenwerking.yaml. Geldstromen zonder bestedingsdoel meldt regel SP301.
    """
    money = ctx.geld
    by_id = money.uniek
    for regel in money.regels:
        stroom = by_id.get(regel.line.geldstroom)
        if stroom is None or not stroom.geldstroom.bestedingsdoelen:
            continue  # unknown geldstroom: reference rules; none declared: SP301
        doel = stroom.doel(regel)
        if doel in stroom.geldstroom.bestedingsdoelen:
            continue
        regeling = ctx.plan.regelingen.get(stroom.geldstroom.regeling)
        if doel is None:
            yield Finding(
                "aanpak",
                regel.path,
                f"Een begrotingsregel van interventie '{regel.interventie}' noemt geen bestedingsdoel "
                f"van geldstroom '{stroom.geldstroom.id}', en komt niet uit een post met een bestedingsdoel.",
                "Zet `bestedingsdoel:` bij de begrotingsregel; kies uit "
                f"{_listing(stroom.geldstroom.bestedingsdoelen)}.",
            )
            continue
        message, hint = _niet_gekozen(doel, stroom.geldstroom, regeling)
        yield Finding(
            "aanpak",
            (*regel.path, "bestedingsdoel"),
            message,
            hint,
            related=(
                Ref(
                    "samenwerking",
                    (*stroom.path, "bestedingsdoelen"),
                    f"bestedingsdoelen van geldstroom '{stroom.geldstroom.id}'",
                ),
            ),
        )
    yield from _post_niet_gekozen(ctx, by_id.values())


def _post_niet_gekozen(ctx: RuleContext, all_stromen: Iterable[StroomGeld]) -> Iterator[Finding]:
    for stroom in all_stromen:
        g = stroom.geldstroom
        regeling = ctx.plan.regelingen.get(g.regeling)
        for j, res in enumerate(g.posten):
            doel = res.bestedingsdoel
            if doel is None or not g.bestedingsdoelen or doel in g.bestedingsdoelen:
                continue
            message, hint = _niet_gekozen(doel, g, regeling)
            yield Finding(
                "samenwerking",
                (*stroom.path, "posten", j, "bestedingsdoel"),
                f"Post '{res.id}': {message[0].lower()}{message[1:]}",
                hint,
            )


@rule(
    "SP311",
    "bestedingsdoel-zonder-geld",
    Severity.WARNING,
    "Een geldstroom noemt een bestedingsdoel waar geen geld naartoe gaat.",
    theme="geld",
    bad="""
# 02-samenwerking.yaml
geldstromen:
  - id: gs_npo
    bestedingsdoelen: [bovenschools, zorg_welzijn]
# 05-aanpak.yaml: alleen begrotingsregels met bestedingsdoel: bovenschools
""",
    good="""
# 02-samenwerking.yaml
geldstromen:
  - id: gs_npo
    bestedingsdoelen: [bovenschools]
# 05-aanpak.yaml: alleen begrotingsregels met bestedingsdoel: bovenschools
""",
)
def bestedingsdoel_zonder_geld(ctx: RuleContext) -> Iterator[Finding]:
    """Bij een geldstroom staat aan welke bestedingsdoelen het geld gaat. Gaat er naar een
    van die doelen geen enkele begrotingsregel en geen post, dan belooft het plan iets wat de
    begroting niet waarmaakt. Een lezer (de raad, de accountant) denkt dat er geld voor is,
    maar er staat niets.

    Een post zonder bestedingsdoel kan nog naar elk doel gaan; dan meldt deze regel
    niets voor die geldstroom. Wordt een geldstroom helemaal niet gebruikt, dan meldt regel
    SP307 dat en deze regel niet. Hoort het doel niet bij de regeling, dan meldt SP302 dat
    (of SP309, als de lijst van de regeling niet is nagekeken); heeft de geldstroom nog geen
    bedrag, dan SP804, en is het bedrag nog onbekend, dan SP316.

    Oplossing: zet een begrotingsregel of post op dit bestedingsdoel, of haal het doel weg
    bij de geldstroom.
    """
    money = ctx.geld
    for stroom in money.uniek.values():
        g = stroom.geldstroom
        if any(r.bestedingsdoel is None for r in g.posten):
            continue
        used = {stroom.doel(r) for r in stroom.regels} | {r.bestedingsdoel for r in g.posten}
        for j, doel in enumerate(g.bestedingsdoelen):
            if doel not in used and doel not in g.bestedingsdoelen[:j]:
                yield Finding(
                    "samenwerking",
                    (*stroom.path, "bestedingsdoelen", j),
                    f"Geldstroom '{g.id}' noemt bestedingsdoel '{doel}', maar er gaat geen geld "
                    "naartoe: geen begrotingsregel en geen post.",
                    f"Zet een begrotingsregel met `bestedingsdoel: {doel}` bij een interventie, "
                    f"of een post met dat bestedingsdoel, of haal '{doel}' weg bij de geldstroom.",
                )


@rule(
    "SP314",
    "dubbele-financiering",
    Severity.WARNING,
    "Een interventie krijgt voor hetzelfde bestedingsdoel geld uit twee geldstromen, zonder verdeling.",
    theme="geld",
    error_from=Fase.BESLUIT,
    bad="""
begroting:
  - {geldstroom: gs_npo_2023, bestedingsdoel: bovenschools, bedrag: 20000}
  - {geldstroom: gs_npo_2024, bestedingsdoel: bovenschools, bedrag: 20000}
""",
    good="""
begroting:
  - {geldstroom: gs_npo_2023, bestedingsdoel: bovenschools, bedrag: 20000, jaar: 2023}
  - {geldstroom: gs_npo_2024, bestedingsdoel: bovenschools, bedrag: 20000, jaar: 2024}
""",
)
def dubbele_financiering(ctx: RuleContext) -> Iterator[Finding]:
    """Een interventie mag uit meer geldstromen betaald worden. Maar krijgt ze voor hetzelfde
    bestedingsdoel geld uit twee geldstromen, in hetzelfde jaar (of zonder jaar), dan is niet
    te zien welk deel van het werk uit welk geld komt. Bij de verantwoording lijkt het dan of
    hetzelfde werk twee keer betaald is (dubbele financiering), en dat geld kan terug moeten.

    Oplossing: zeg hoe het geld verdeeld is. Zet bij elke begrotingsregel het `jaar` waarin
    het geld besteed wordt, of laat een van de regels uit een post komen. Is het één pot, zet
    het bedrag dan op één geldstroom.
    """
    stromen = ctx.geld.uniek
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        seen: dict[tuple[str | None, Begrotingsjaar | None, str | None], tuple[int, str]] = {}
        reported: set[tuple[str | None, Begrotingsjaar | None, str | None]] = set()
        for j, line in enumerate(iv.begroting):
            stroom = stromen.get(line.geldstroom)
            doel = stroom.doel(Regel(iv.id, ("interventies", i, "begroting", j), line)) if stroom else None
            key = (doel or line.bestedingsdoel, line.jaar, line.post)
            first = seen.setdefault(key, (j, line.geldstroom))
            if first[1] == line.geldstroom or key in reported:
                continue
            reported.add(key)
            jaar = f" in {line.jaar}" if line.jaar is not None else ""
            yield Finding(
                "aanpak",
                ("interventies", i, "begroting", j, "geldstroom"),
                f"Interventie '{iv.id}' krijgt voor bestedingsdoel '{key[0]}'{jaar} "
                f"geld uit '{first[1]}' en uit '{line.geldstroom}', zonder te zeggen hoe dat "
                "verdeeld is; dat lijkt op dubbele financiering.",
                "Zet bij elke begrotingsregel het `jaar` waarin het geld besteed wordt, of laat "
                "een regel uit een post komen. Is het één pot, zet het bedrag dan op één "
                "geldstroom.",
                related=(
                    Ref("aanpak", ("interventies", i, "begroting", first[0]), "de andere begrotingsregel"),
                ),
            )
