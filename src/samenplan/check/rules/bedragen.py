"""Bedragen: het geld in het plan telt op, per geldstroom en per post.

The counting itself (what is toegewezen, what sits inside a post, why verdelingen never
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
from samenplan.diagnostics import KeyPath, Severity, Weight
from samenplan.dutch import datum, euro
from samenplan.plan.money import Regel, Som, StroomGeld, som
from samenplan.plan.vocab import Fase

#: At most this many begroting lines are shown as related places of one finding.
MAX_RELATED = 5


def _stromen(ctx: RuleContext) -> Iterable[StroomGeld]:
    """Geldstromen whose id is defined once."""
    return ctx.geld.uniek.values()


def _ref(regel: Regel) -> Ref:
    """A begroting line as a related place."""
    return Ref(
        "aanpak", regel.path, f"begrotingsregel van interventie '{regel.interventie}': {regel.bedrag.tekst}"
    )


def _most_related(regels: Sequence[Regel]) -> tuple[Ref, ...]:
    """Refs to the largest lines (at most MAX_RELATED), in file order; unknown amounts last."""
    largest = sorted(regels, key=lambda r: r.bedrag.laag or Decimal(0), reverse=True)[:MAX_RELATED]
    return tuple(_ref(r) for r in regels if r in largest)


def _geldstroom_ref(stroom: StroomGeld) -> Ref:
    g = stroom.geldstroom
    return Ref(
        "samenwerking", (*stroom.path, "bedrag"), f"het bedrag van geldstroom '{g.id}': {stroom.bedrag.tekst}"
    )


def _toewijzing(stroom: StroomGeld) -> str:
    """'€ 330.000 toegewezen (€ 240.000 in begrotingsregels en € 90.000 in posten)'."""
    total = stroom.toegewezen.tekst
    if not stroom.geldstroom.posten:
        return f"{total} toegewezen in begrotingsregels"
    if not stroom.direct:
        return f"{total} verdeeld over posten"
    return (
        f"{total} toegewezen ({stroom.direct_bedrag.tekst} in begrotingsregels en "
        f"{stroom.in_posten.tekst} in posten)"
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
    posten bij de geldstroom. Een begrotingsregel die uit een post komt (`post:`), telt
    binnen die post en dus niet twee keer. Een verdeling (per sector of per thema) is alleen
    een andere kijk op hetzelfde geld en telt niet mee.

    Is het totaal zeker hoger dan het bedrag van de geldstroom, dan klopt de begroting niet:
    dit is altijd een fout. Een onbekend bedrag telt nooit als 0: staat er bij de geldstroom
    `onbekend`, dan kan samenplan niet zeggen dat er te veel is toegewezen. Bij `ongeveer`
    rekent samenplan met het genoemde bedrag. Zijn alleen de posten samen al meer dan de
    geldstroom, dan meldt regel SP315 dat, en deze regel niet.

    Oplossing: verlaag bedragen in de begrotingsregels of de posten, of betaal een deel uit
    een andere geldstroom. Is er echt meer geld, verhoog dan het bedrag van de geldstroom.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        te_veel = stroom.over.zeker_te_veel
        if te_veel is None:
            continue
        yield Finding(
            "samenwerking",
            (*stroom.path, "bedrag"),
            f"Geldstroom '{g.id}' heeft {stroom.bedrag.tekst}, maar er is {_toewijzing(stroom)}: "
            f"{stroom.over.rest_tekst}.",
            "Verlaag bedragen in de begrotingsregels (05-aanpak.yaml) of de posten, of "
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
    posten:
      - {id: zomer, naam: Zomerschool 2025, bedrag: 40000}
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, bestedingsdoel: bovenschools, bedrag: 60000}
""",
)
def geld_niet_toegewezen(ctx: RuleContext) -> Iterator[Finding]:
    """samenplan telt voor elke geldstroom op wat is toegewezen: de begrotingsregels van de
    interventies en de posten bij de geldstroom (een verdeling per sector of thema telt niet
    mee). Is dat zeker minder dan het bedrag, dan ligt er nog geld zonder bestemming. Dat mag:
    vaak is nog niet alles verdeeld. Maar geld dat niet op tijd besteed wordt, moet bij veel
    regelingen terug. Daarom noemt samenplan het bedrag. Is een deel onbekend (een
    begrotingsregel zonder bedrag, of een bedrag `onbekend`), dan noemt samenplan alleen wat
    zeker over is, en niets als dat niet te zeggen is.

    Oplossing: zet het geld bij een interventie met een begrotingsregel, of leg het vast als
    post bij de geldstroom (`posten:`, met een naam en een bedrag) als het voor een thema
    bestemd is maar nog niet voor een interventie. Wordt een geldstroom nergens gebruikt, dan
    meldt regel SP307 dat en deze regel niet. Is de bestedingstermijn al voorbij, dan meldt
    regel SP313 het geld dat over is, en deze regel niet.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if not stroom.gebruikt or stroom.over.zeker_over is None:
            continue
        yield Finding(
            "samenwerking",
            (*stroom.path, "bedrag"),
            f"{_capital(stroom.over.rest_tekst)} van geldstroom '{g.id}' is nog niet "
            "toegewezen aan een interventie of post; geld dat niet besteed wordt, "
            "moet mogelijk terug.",
            "Zet het geld bij een interventie (begrotingsregel in 05-aanpak.yaml) of leg het "
            "vast in een post onder `posten:` bij deze geldstroom.",
        )


def _meer(verschil: Som) -> str:
    """How much a breakdown is too large: '€ 50.000 te veel', 'minstens € 50.000 te veel'."""
    if verschil.bekend and verschil.waarde is not None:
        return f"{'ongeveer ' if verschil.benaderd else ''}{euro(verschil.waarde)} te veel"
    return f"minstens {euro(verschil.laag or Decimal(0))} te veel"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


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
    uit en het geld is ook niet in posten verdeeld. Dan is niet duidelijk waarvoor het geld
    is. In een concept kan dat nog (de begroting wordt vaak als laatste ingevuld); daarom is
    het dan een waarschuwing. Vanaf de fase besluit is het een fout: het college, de raad en
    de schoolbesturen moeten zien waar al het geld heen gaat.

    Een geldstroom die alleen via posten gebruikt wordt, of via begrotingsregels zonder
    bedrag ("deel onbekend"), wordt wel gebruikt en wordt hier niet gemeld. Staat het bedrag
    van de geldstroom nog op 0 of `onbekend`, dan meldt regel SP804 of SP316 dat eerst.

    Oplossing: zet bij een interventie in 05-aanpak.yaml een begrotingsregel met deze
    geldstroom (een bedrag mag nog ontbreken), of verdeel het geld in posten onder `posten:`.
    Hoort het geld niet bij dit plan, haal de geldstroom dan weg.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if stroom.gebruikt or (g.bedrag.exact and g.bedrag.waarde == 0) or not g.bedrag.bekend:
            continue  # a bedrag of 0 or onbekend is still to be filled in: SP804 or SP316 says so
        yield Finding(
            "samenwerking",
            (*stroom.path, "id"),
            f"Geldstroom '{g.id}' ({stroom.bedrag.tekst}) wordt nergens gebruikt: geen "
            "begrotingsregel en geen post.",
            f"Zet een begrotingsregel met `geldstroom: {g.id}` bij een interventie in "
            "05-aanpak.yaml (een bedrag mag nog ontbreken), of verdeel het geld in posten "
            "onder `posten:`. Hoort het geld niet bij dit plan, haal de geldstroom dan weg.",
        )


@rule(
    "SP308",
    "post-overschreden",
    Severity.ERROR,
    "Er wordt meer uit een post gehaald dan erin zit.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
# 02-samenwerking.yaml: post zomer, bedrag: 40000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, post: zomer, bedrag: 45000}
""",
    good="""
# 02-samenwerking.yaml: post zomer, bedrag: 40000
# 05-aanpak.yaml:
begroting:
  - {geldstroom: npo_gemeente, post: zomer, bedrag: 25000}
""",
)
def post_overschreden(ctx: RuleContext) -> Iterator[Finding]:
    """Een post is een deel van een geldstroom voor een thema, pijler, sector of school, of
    bij een subsidieregeling een plafond. Een interventie die eruit betaald wordt, krijgt een
    begrotingsregel met `post:`. Die regels samen mogen niet meer zijn dan het bedrag van de
    post. Wat er nog niet uit gehaald is, blijft in de post; dat is geen probleem. Regels
    zonder bedrag ("deel onbekend") tellen niet als 0 en niet als te veel.

    Oplossing: verlaag de begrotingsregels die uit de post komen, of verhoog de post (dan
    moet er bij de geldstroom genoeg geld over zijn, zie regel SP304).
    """
    for stroom in _stromen(ctx):
        for post in stroom.posten:
            if post.vrij.zeker_te_veel is None:
                continue
            pid = post.post.id
            yield Finding(
                "samenwerking",
                (*stroom.path, "posten", post.index, "bedrag"),
                f"Uit post '{pid}' ({post.bedrag.tekst}) halen begrotingsregels "
                f"{post.opgenomen.tekst}: {post.vrij.rest_tekst}.",
                f"Verlaag de begrotingsregels met `post: {pid}` in 05-aanpak.yaml, "
                "of verhoog de post als er bij de geldstroom nog geld over is.",
                related=_most_related(post.regels),
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
          - {naam: po, bedrag: 600000}
          - {naam: vo, bedrag: 400000}
""",
    good="""
geldstromen:
  - id: gs_npo
    bedrag: 950000
    verdelingen:
      - naam: per sector
        posten:
          - {naam: po, bedrag: 570000}
          - {naam: vo, bedrag: 380000}
""",
)
def verdeling_groter_dan_geldstroom(ctx: RuleContext) -> Iterator[Finding]:
    """Een verdeling laat zien hoe het geld van een geldstroom is opgedeeld, bijvoorbeeld per
    sector (po en vo) of per thema. Het is een andere kijk op hetzelfde geld, dus telt ze niet
    mee bij wat is toegewezen (regel SP304). Maar de posten van één verdeling kunnen samen
    niet meer zijn dan de geldstroom zelf: dan klopt de verdeling of het bedrag niet. Elke
    verdeling wordt apart vergeleken; twee verdelingen van hetzelfde geld tellen nooit op.
    Onbekende bedragen tellen niet als 0: alleen wat zeker te veel is, wordt gemeld.

    Oplossing: verbeter de bedragen van de posten, of het bedrag van de geldstroom.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        for k, verdeling in enumerate(g.verdelingen):
            samen = som(Som.van(p.bedrag) for p in verdeling.posten)
            if (samen - stroom.bedrag).zeker_over is None:
                continue
            yield Finding(
                "samenwerking",
                (*stroom.path, "verdelingen", k),
                f"De posten van verdeling '{verdeling.naam}' zijn samen {samen.tekst}, maar "
                f"geldstroom '{g.id}' heeft {stroom.bedrag.tekst}: {_meer(samen - stroom.bedrag)}.",
                "Verbeter de bedragen van de posten, of het bedrag van de geldstroom.",
                related=(_geldstroom_ref(stroom),),
            )


@rule(
    "SP315",
    "posten-groter-dan-geldstroom",
    Severity.ERROR,
    "De posten van een geldstroom zijn samen meer dan de geldstroom.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    bad="""
geldstromen:
  - id: gs_npo
    bedrag: 950000
    posten:
      - {id: taal, naam: Taal en lezen, bedrag: 600000}
      - {id: welzijn, naam: Welzijn, bedrag: 400000}
""",
    good="""
geldstromen:
  - id: gs_npo
    bedrag: 950000
    posten:
      - {id: taal, naam: Taal en lezen, bedrag: 550000}
      - {id: welzijn, naam: Welzijn, bedrag: 400000}
""",
)
def posten_groter_dan_geldstroom(ctx: RuleContext) -> Iterator[Finding]:
    """De posten van een geldstroom (`posten:`) verdelen het geld per thema, pijler, sector
    of school, of zijn bij een subsidieregeling de plafonds. Samen kunnen ze niet meer zijn
    dan de geldstroom zelf: dan klopt een post of het bedrag van de geldstroom niet. Een
    onbekend bedrag telt niet als 0: alleen wat zeker te veel is, wordt gemeld. Dan meldt
    regel SP304 ('meer toegewezen dan er is') hetzelfde niet nog een keer.

    Oplossing: verbeter de bedragen van de posten, of het bedrag van de geldstroom.
    """
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if (stroom.in_posten - stroom.bedrag).zeker_over is None:
            continue
        yield Finding(
            "samenwerking",
            (*stroom.path, "posten"),
            f"De posten van geldstroom '{g.id}' zijn samen {stroom.in_posten.tekst}, maar de "
            f"geldstroom heeft {stroom.bedrag.tekst}: {_meer(stroom.in_posten - stroom.bedrag)}.",
            "Verbeter de bedragen van de posten, of het bedrag van de geldstroom.",
            related=(_geldstroom_ref(stroom),),
        )


def _onbekend(ctx: RuleContext) -> Iterator[tuple[KeyPath, str]]:
    """Every amount written as 'onbekend' in 02-samenwerking.yaml: its path and what it is."""
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        if not g.bedrag.bekend:
            yield ("geldstromen", i, "bedrag"), f"Het bedrag van geldstroom '{g.id}'"
        for j, post in enumerate(g.posten):
            if not post.bedrag.bekend:
                yield ("geldstromen", i, "posten", j, "bedrag"), f"Het bedrag van post '{post.id}'"
        for k, v in enumerate(g.verdelingen):
            for j, vp in enumerate(v.posten):
                if not vp.bedrag.bekend:
                    yield (
                        ("geldstromen", i, "verdelingen", k, "posten", j, "bedrag"),
                        f"Het bedrag van '{vp.naam}' in verdeling '{v.naam}'",
                    )


@rule(
    "SP316",
    "bedrag-onbekend",
    Severity.INFO,
    "Een bedrag is nog onbekend.",
    theme="geld",
    weight=Weight.ONDERDEEL,
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    bad="""
geldstromen:
  - id: gs_npo
    bedrag: onbekend
""",
    good="""
geldstromen:
  - id: gs_npo
    bedrag: ongeveer 1.500.000
""",
)
def bedrag_onbekend(ctx: RuleContext) -> Iterator[Finding]:
    """Een bedrag mag `onbekend` zijn: dat is eerlijker dan 0 invullen. samenplan telt een
    onbekend bedrag nooit als 0 mee; in het plandocument staat dan 'onbekend' of 'minstens
    …, plus een onbekend deel'. Maar het plan is nog niet af. In een concept is dit een
    opmerking (info), in de fase besluit een fout: wie besluit, moet weten om hoeveel geld
    het gaat. Daarna, als het plan loopt, is het weer een opmerking.

    Weet je het ongeveer, schrijf dan `ongeveer 1.500.000`, `minstens 1200000` of
    `hoogstens 300000`; dat wordt niet gemeld. Een begrotingsregel zonder bedrag ("deel
    onbekend") wordt ook niet gemeld: de interventie krijgt geld uit de geldstroom of post,
    en het bedrag van die geldstroom of post telt.

    Oplossing: vul het bedrag in, of een schatting met `ongeveer`.
    """
    for path, wat in _onbekend(ctx):
        yield Finding(
            "samenwerking",
            path,
            f"{wat} is nog onbekend.",
            "Vul het bedrag in euro in (125000), of een schatting: ongeveer 125000.",
        )


def _besteed(ctx: RuleContext, stroom: StroomGeld) -> Som | None:
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
    latest: dict[str, tuple[date, Som]] = {}
    for v in ctx.plan.uitvoering.voortgang:
        if v.interventie not in ids or v.besteed is None:
            continue
        if v.datum.eerste is None:
            return None  # an undated report: which one is the latest is unknown
        if v.interventie not in latest or v.datum.eerste >= latest[v.interventie][0]:
            latest[v.interventie] = (v.datum.eerste, Som.van(v.besteed))
    if set(latest) != ids:
        return None
    return som(b for _, b in latest.values())


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
    Is de termijn verlengd? Zet dan bij de geldstroom `verlenging:` met `tot:` (het nieuwe
    einde) en `bron:` (waar de verlenging staat); dan telt het nieuwe einde.
    """
    perioden = geldperioden(ctx)
    # A verantwoording with a restant already says what is left (SP709 asks whether it goes back).
    met_restant = {v.geldstroom for v in ctx.plan.meten_en_bijsturen.verantwoording if v.restant}
    for stroom in _stromen(ctx):
        g = stroom.geldstroom
        if g.id in met_restant:
            continue
        gp = perioden.get(g.id)
        if gp is None or gp.termijn.loopt_terug or gp.termijn.einde is None:
            continue
        if gp.termijn.einde >= ctx.today:
            continue
        if not stroom.gebruikt:
            continue  # SP307: nobody spends it
        besteed = _besteed(ctx, stroom)
        over = stroom.bedrag - besteed if besteed is not None else stroom.over
        if over.zeker_over is None:
            continue
        wat = "is niet besteed volgens de voortgang" if besteed is not None else "is niet toegewezen"
        yield Finding(
            "samenwerking",
            (*stroom.path, "bedrag"),
            f"De bestedingstermijn van geldstroom '{g.id}' is op {datum(gp.termijn.einde)} "
            f"afgelopen, maar {over.rest_tekst} {wat}; dat geld moet mogelijk terug{gp.herkomst}.",
            "Zoek uit of het geld terug moet en zet dat in stap 6 bij de verantwoording, onder "
            "`restant:`. Is de termijn verlengd? Zet dan `verlenging:` met `tot:` en `bron:` bij "
            "de geldstroom.",
            related=(gp.ref,),
        )


@rule(
    "SP317",
    "toekenning-zonder-subsidie",
    Severity.WARNING,
    "Een toegekende aanvraag komt niet uit een plafond, of noemt een ronde die er niet is.",
    theme="geld",
    bad="""
# 02-samenwerking.yaml: geldstroom gs_menu met subsidie, rondes: [Eerste ronde]
# 05-aanpak.yaml:
toekenning: {aanvrager: vv_heidebeek, ronde: Voorjaarsronde}
begroting:
  - {geldstroom: gs_menu, post: p_sport, bedrag: 5000}
""",
    good="""
toekenning: {aanvrager: vv_heidebeek, ronde: Eerste ronde}
begroting:
  - {geldstroom: gs_menu, post: p_sport, bedrag: 5000}
""",
)
def toekenning_zonder_subsidie(ctx: RuleContext) -> Iterator[Finding]:
    """Een interventie met `toekenning:` is een toegekende aanvraag uit een lokale
    subsidieregeling of een menu van aanbod. Zo'n regeling staat in 02-samenwerking.yaml als
    geldstroom met `subsidie:`, en haar plafonds zijn de posten van die geldstroom; een
    subsidiemenu kan ook een post van een andere geldstroom zijn. Komt het geld van de
    interventie niet uit zo'n geldstroom of post, dan is niet te zien uit welk plafond de
    aanvraag is betaald en hoeveel ruimte er nog is. Noemt de toekenning een `ronde`, dan
    hoort dat een ronde van die subsidieregeling te zijn.

    Oplossing: zet in de begroting van de interventie een regel met `post:` het plafond
    waaruit de aanvraag betaald wordt, en schrijf de naam van de ronde zoals bij `rondes:`
    van de subsidie staat.
    """
    stromen = ctx.geld.uniek
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        t = iv.toekenning
        if t is None:
            continue
        used = [s for line in iv.begroting if (s := stromen.get(line.geldstroom)) is not None]
        subsidies = [s.geldstroom for s in used if s.geldstroom.subsidie is not None]
        uit_post = any(
            line.post in {p.id for p in s.geldstroom.posten} for s in used for line in iv.begroting
        )
        if not subsidies and not uit_post:
            yield Finding(
                "aanpak",
                ("interventies", i, "toekenning"),
                f"Interventie '{iv.id}' is een toegekende aanvraag, maar haar geld komt niet uit een "
                "subsidieregeling (een geldstroom met `subsidie:`) of een post daarvan.",
                "Zet in de begroting een regel met de geldstroom van de subsidieregeling en `post:` "
                "het plafond waaruit de aanvraag betaald wordt.",
            )
            continue
        rondes = [r.naam for g in subsidies if g.subsidie for r in g.subsidie.rondes]
        if t.ronde and subsidies and t.ronde not in rondes:
            known = ", ".join(f"'{r}'" for r in dict.fromkeys(rondes)) or "geen rondes"
            yield Finding(
                "aanpak",
                ("interventies", i, "toekenning", "ronde"),
                f"De toekenning van interventie '{iv.id}' noemt ronde '{t.ronde}', maar de "
                f"subsidieregeling noemt {known}.",
                "Schrijf de naam van de ronde zoals bij `rondes:` van de subsidie staat.",
            )
