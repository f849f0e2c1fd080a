"""Meten: step 6 measures what step 4 promised and accounts for the money; step 7 reports."""

import re
from collections.abc import Iterator

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity, Weight
from samenplan.dutch import datum, euro
from samenplan.plan.models.samenwerking import Geldstroom
from samenplan.plan.money import Som, som
from samenplan.plan.vocab import Fase, IndicatorSoort
from samenplan.suggest import did_you_mean


@rule(
    "SP701",
    "indicator-zonder-meting",
    Severity.WARNING,
    "Een indicator wordt in stap 6 niet gemeten.",
    theme="meten",
    error_from=Fase.BESLUIT,
    bad="""
# 04-resultaten.yaml heeft indicator ind_lezen; 06-meten-en-bijsturen.yaml:
metingen: []
""",
    good="""
# 04-resultaten.yaml heeft indicator ind_lezen; 06-meten-en-bijsturen.yaml:
metingen:
  - indicator: ind_lezen
    frequentie: jaarlijks, in juni
    wie: sb_scholen
    bron: b_toets_groep8
""",
)
def indicator_zonder_meting(ctx: RuleContext) -> Iterator[Finding]:
    """In stap 4 beloven de partners resultaten, met indicatoren waaraan je ziet of het lukt.
    In stap 6 spreken ze af hoe ze die indicatoren meten: hoe vaak, door wie, met welke
    methode en uit welke bron. Een indicator zonder meting is een belofte die niemand
    controleert; bijsturen kan dan niet. In een concept is dit een waarschuwing; vanaf de
    fase besluit een fout.

    Oplossing: zet in 06-meten-en-bijsturen.yaml onder `metingen` een meting met
    `indicator:` en de id van de indicator. Meet je de indicator echt niet, haal hem dan weg
    uit 04-resultaten.yaml.
    """
    gemeten = {m.indicator for m in ctx.plan.meten_en_bijsturen.metingen}
    for i, r in enumerate(ctx.plan.resultaten.resultaten):
        for j, ind in enumerate(r.indicatoren):
            if ind.id not in gemeten:
                yield Finding(
                    "resultaten",
                    ("resultaten", i, "indicatoren", j, "id"),
                    f"Indicator '{ind.id}' van resultaat '{r.id}' wordt nergens gemeten: "
                    "stap 6 heeft er geen meting voor.",
                    f"Zet in 06-meten-en-bijsturen.yaml onder metingen een meting met "
                    f"'indicator: {ind.id}': hoe vaak, door wie, met welke methode en bron.",
                    related=(Ref("meten_en_bijsturen", ("metingen",), "hier horen de metingen"),),
                )


@rule(
    "SP702",
    "geldstroom-zonder-verantwoording",
    Severity.WARNING,
    "Voor een geldstroom staat in stap 6 niet hoe hij verantwoord wordt.",
    theme="meten",
    weight=Weight.ONDERDEEL,
    applies_from=Fase.BESLUIT,
    error_from=Fase.BESLUIT,
    bad="""
# 02-samenwerking.yaml heeft geldstroom gs_npo; 06-meten-en-bijsturen.yaml:
verantwoording: []
""",
    good="""
# 02-samenwerking.yaml heeft geldstroom gs_npo; 06-meten-en-bijsturen.yaml:
verantwoording:
  - geldstroom: gs_npo
    vorm: sisa
    deadline: 2026-07-15
    wie: gem_stad
""",
)
def geldstroom_zonder_verantwoording(ctx: RuleContext) -> Iterator[Finding]:
    """Wie geld krijgt uit een regeling, moet laten zien waaraan het is besteed: een
    gemeente in SiSa bij de jaarrekening, een schoolbestuur in het jaarverslag, een
    subsidieontvanger met een verslag. Stap 6 zegt per geldstroom hoe, wanneer en door wie.
    Zo weet iedereen op tijd welke cijfers nodig zijn. In een concept wordt dit nog niet
    gecontroleerd; vanaf de fase besluit is het een fout.

    Oplossing: zet in 06-meten-en-bijsturen.yaml onder `verantwoording` een regel met
    `geldstroom:` en de id van de geldstroom, de vorm (bijvoorbeeld `sisa` of `jaarverslag`),
    de deadline en wie het doet.
    """
    verantwoord = {v.geldstroom for v in ctx.plan.meten_en_bijsturen.verantwoording}
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        if g.id not in verantwoord:
            yield Finding(
                "samenwerking",
                ("geldstromen", i, "id"),
                f"Voor geldstroom '{g.id}' staat in stap 6 niet hoe de besteding verantwoord wordt.",
                f"Zet in 06-meten-en-bijsturen.yaml onder verantwoording een regel met "
                f"'geldstroom: {g.id}', de vorm (bijvoorbeeld sisa of jaarverslag), de deadline "
                "en wie het doet.",
                related=(Ref("meten_en_bijsturen", ("verantwoording",), "hier hoort de verantwoording"),),
            )


@rule(
    "SP703",
    "interventie-zonder-voortgang",
    Severity.ERROR,
    "Een interventie in uitvoering heeft geen voortgang.",
    theme="meten",
    applies_from=Fase.UITVOERING,
    bad="""
# fase: uitvoering; 05-aanpak.yaml heeft interventie huiswerkklas
voortgang: []
""",
    good="""
# fase: uitvoering; 05-aanpak.yaml heeft interventie huiswerkklas
voortgang:
  - interventie: huiswerkklas
    datum: 2024-03-01
    status: loopt
    toelichting: 24 kinderen doen mee, twee middagen per week.
""",
)
def interventie_zonder_voortgang(ctx: RuleContext) -> Iterator[Finding]:
    """Als het plan wordt uitgevoerd (fase uitvoering of evaluatie), houden de partners per
    interventie bij hoe het gaat: gepland, loopt, afgerond of gestopt, met een korte uitleg
    en wat er tot nu toe is uitgegeven. Zonder voortgang kunnen werkgroep, college en
    schoolbesturen niet bijsturen en niet verantwoorden. In de fasen concept en besluit wordt
    dit niet gecontroleerd.

    Oplossing: zet in 07-uitvoering.yaml onder `voortgang` een regel met `interventie:` en de
    id, de datum en de status. Is de interventie nog niet begonnen, gebruik dan status
    `gepland`; is ze gestopt, gebruik `gestopt` en leg uit waarom.
    """
    gevolgd = {v.interventie for v in ctx.plan.uitvoering.voortgang}
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        if iv.id not in gevolgd:
            yield Finding(
                "aanpak",
                ("interventies", i, "id"),
                f"Interventie '{iv.id}' heeft geen voortgang: 07-uitvoering.yaml zegt niet hoe "
                "ze ervoor staat.",
                f"Zet in 07-uitvoering.yaml onder voortgang een regel met 'interventie: {iv.id}', "
                "de datum en de status (gepland, loopt, afgerond of gestopt).",
                related=(Ref("uitvoering", ("voortgang",), "hier hoort de voortgang"),),
            )


@rule(
    "SP704",
    "geen-bijsturing",
    Severity.WARNING,
    "Stap 6 spreekt niet af wanneer de partners bijsturen.",
    theme="meten",
    applies_from=Fase.BESLUIT,
    error_from=Fase.BESLUIT,
    weight=Weight.PLAN,
    bad="""
bijsturing: []
""",
    good="""
bijsturing:
  - indicator: ind_lezen_2f
    signaalwaarde: onder 58% in juni 2024
    actie: De werkgroep kiest met de scholen extra leestijd in groep 7.
""",
)
def geen_bijsturing(ctx: RuleContext) -> Iterator[Finding]:
    """Meten heeft pas zin als de partners afspreken wat ze doen als het tegenvalt. Dat zijn
    de bijsturingsafspraken in stap 6: bij welke indicator, bij welke signaalwaarde, en wat
    de partners dan doen. Zonder die afspraken ziet de werkgroep misschien dat het niet
    lukt, maar beslist niemand iets. Het NJi noemt dit 'meten en bijsturen'. In een concept
    wordt dit nog niet gecontroleerd (de volledigheid per stap laat het wel zien); vanaf de
    fase besluit is het een fout.

    Oplossing: zet in 06-meten-en-bijsturen.yaml onder `bijsturing` minstens één afspraak,
    met `indicator:`, `signaalwaarde:` en `actie:`.
    """
    if not ctx.plan.meten_en_bijsturen.bijsturing:
        yield Finding(
            "meten_en_bijsturen",
            ("bijsturing",),
            "Stap 6 heeft geen bijsturingsafspraken: er staat niet bij welke signaalwaarde de "
            "partners wat doen.",
            "Zet onder `bijsturing:` minstens één afspraak met `indicator:`, `signaalwaarde:` "
            "(bijvoorbeeld 'onder 60%') en `actie:`.",
            at_key=True,
        )


@rule(
    "SP705",
    "geen-risicos",
    Severity.ERROR,
    "Stap 7 noemt geen risico's, of een risico zonder maatregel.",
    theme="meten",
    applies_from=Fase.BESLUIT,
    weight=Weight.PLAN,
    bad="""
risicos: []
""",
    good="""
risicos:
  - omschrijving: De scholen vinden niet genoeg leerkrachten voor de huiswerkklas.
    kans: middel
    impact: hoog
    maatregel: Studenten van de pabo inzetten, onder begeleiding van een leerkracht.
    eigenaar: sb_heidekring
""",
)
def geen_risicos(ctx: RuleContext) -> Iterator[Finding]:
    """Een plan dat ter besluitvorming ligt, zegt wat er mis kan gaan en wat de partners dan
    doen. De landelijke evaluaties van het NP Onderwijs noemen bekende risico's: geen
    personeel te vinden, geld dat niet op tijd besteed wordt, maatregelen die stoppen als het
    geld op is. Een plan zonder risico's laat college, raad en besturen besluiten zonder dat
    te weten. Een risico zonder maatregel zegt wel wat er mis kan gaan, maar niet wat de
    partners dan doen; ook dat meldt deze regel. Ze doet mee vanaf de fase besluit en is dan
    een fout. Staan er helemaal geen risico's, dan meldt regel SP706 (personeel) niets.

    Oplossing: zet in 07-uitvoering.yaml onder `risicos` de belangrijkste risico's, elk met
    `omschrijving`, `kans`, `impact`, `maatregel` en `eigenaar`.
    """
    if not ctx.plan.uitvoering.risicos:
        yield Finding(
            "uitvoering",
            ("risicos",),
            "Stap 7 noemt geen risico's: er staat niet wat er mis kan gaan en wat de partners dan doen.",
            "Zet onder `risicos:` de belangrijkste risico's, elk met omschrijving, kans, impact, "
            "maatregel en eigenaar. Denk aan personeel, geld dat niet op tijd besteed wordt en "
            "wat er gebeurt als het geld op is.",
            at_key=True,
        )
    for i, risico in enumerate(ctx.plan.uitvoering.risicos):
        if not risico.maatregel.strip():
            yield Finding(
                "uitvoering",
                ("risicos", i),
                "Bij dit risico staat geen maatregel: niet wat de partners doen als het gebeurt.",
                "Zet bij het risico `maatregel:` met wat de partners doen, en `eigenaar:` wie dat regelt.",
                weight=Weight.PLEK,
            )


#: Words that show an interventie leans on people who must be found or freed.
_PERSONEEL = (
    "leerkracht", "docent", "coach", "praktijkondersteuner", "jongerenwerker", "begeleider",
    "onderwijsassistent", "tutor", "mentor", "medewerker", "personeel", "pedagogisch",
    "fte",
)  # fmt: skip
#: Words that show a risico is about capacity.
_CAPACITEIT = (
    "personeel", "capaciteit", "tekort", "niet genoeg", "te weinig", "werven", "vacature",
    "inhuren", "bezetting", "uitval", "vinden",
)  # fmt: skip


def _noemt(risico: str, ident: str, naam: str) -> bool:
    """Whether a (lower-case) risico names the interventie by id or by name."""
    return ident in risico or naam.lower() in risico


def _woorden(text: str, words: tuple[str, ...]) -> set[str]:
    low = text.lower()
    return {w for w in words if re.search(rf"\b{re.escape(w)}", low)}


@rule(
    "SP706",
    "personeel-zonder-risico",
    Severity.WARNING,
    "Een interventie hangt af van personeel, maar geen risico gaat over personeel.",
    theme="meten",
    error_from=Fase.BESLUIT,
    bad="""
# 05-aanpak.yaml
interventies:
  - id: huiswerkklas
    omschrijving: Een leerkracht en een vrijwilliger helpen na school.
# 07-uitvoering.yaml
risicos:
  - {omschrijving: Er komen weinig kinderen., kans: laag, impact: middel}
""",
    good="""
# 07-uitvoering.yaml
risicos:
  - omschrijving: De scholen vinden niet genoeg leerkrachten.
    kans: middel
    impact: hoog
    maatregel: Studenten van de pabo inzetten, onder begeleiding.
    interventies: [huiswerkklas]
""",
)
def personeel_zonder_risico(ctx: RuleContext) -> Iterator[Finding]:
    """Veel interventies staan of vallen met mensen: leerkrachten, coaches,
    praktijkondersteuners, jongerenwerkers. De Algemene Rekenkamer vond dat ongeveer vier op
    de tien schoolleiders met NPO-geld geen extra leraren konden vinden. Noemt een interventie
    zulke mensen, dan hoort bij de risico's in stap 7 een risico over personeel of
    capaciteit dat over die mensen of die interventie gaat, of over personeel in het
    algemeen (het noemt 'personeel' of meer soorten mensen), met een maatregel.

    samenplan herkent personeel aan woorden als leerkracht, coach, praktijkondersteuner,
    jongerenwerker, begeleider, mentor of fte in de naam en de omschrijving. Een risico
    gaat over capaciteit als het woorden noemt als niet genoeg, tekort, werven, vinden of
    personeel. Noemt een risico onder `interventies:` de interventies waarover het gaat, dan
    telt het voor precies die interventies (en niet voor het hele plan). Staan er helemaal
    geen risico's, dan meldt regel SP705 dat, en deze regel niet. In een concept is dit een
    waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet in 07-uitvoering.yaml een risico over het personeel van deze interventie,
    met een maatregel (bijvoorbeeld starten waar de nood het grootst is, of samen werven), en
    zet de id van de interventie bij `interventies:` van het risico.
    """
    if not ctx.plan.uitvoering.risicos:
        return  # SP705 names the missing risico's
    capaciteit = [
        (f"{r.omschrijving} {r.maatregel}".lower(), r.interventies)
        for r in ctx.plan.uitvoering.risicos
        if _woorden(f"{r.omschrijving} {r.maatregel}", _CAPACITEIT)
    ]
    algemeen = [(tekst, _woorden(tekst, _PERSONEEL)) for tekst, ivs in capaciteit if not ivs]
    if any(len(w) >= 2 or "personeel" in tekst for tekst, w in algemeen):
        return  # a risico about staff in general covers every interventie
    covered = set().union(*(w for _, w in algemeen))
    gekoppeld = {iv for _, ivs in capaciteit for iv in ivs}
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        mensen = _woorden(f"{iv.naam} {iv.omschrijving}", _PERSONEEL)
        if not mensen or iv.id in gekoppeld or mensen & covered:
            continue
        if any(_noemt(tekst, iv.id, iv.naam) for tekst, _ in capaciteit):
            continue
        yield Finding(
            "aanpak",
            ("interventies", i, "id"),
            f"Interventie '{iv.id}' hangt af van mensen ({', '.join(sorted(mensen))}), maar geen "
            "risico in stap 7 gaat over het vinden of vrijmaken van die mensen.",
            "Zet in 07-uitvoering.yaml onder `risicos:` een risico over dit personeel, met een "
            "maatregel en een eigenaar, en zet de id van de interventie bij `interventies:` van "
            "het risico.",
            related=(Ref("uitvoering", ("risicos",), "hier staan de risico's"),),
        )


# Verantwoording: what was spent and what is left (formaat 2) ------------------------------


def _geldstromen(ctx: RuleContext) -> dict[str, tuple[int, Geldstroom]]:
    """geldstroom id → (index, geldstroom), first definition wins (SP202 reports the others);
    from the money the rules count once (ctx.geld)."""
    return {s.geldstroom.id: (s.index, s.geldstroom) for s in ctx.geld.stromen}


def _bedrag(g: Geldstroom) -> Som | None:
    """The geldstroom's amount as a sum; None when it is unknown (nothing to compare with)."""
    bedrag = Som.van(g.bedrag)
    return None if bedrag.hoog is None else bedrag


@rule(
    "SP707",
    "meer-besteed-dan-geldstroom",
    Severity.ERROR,
    "Volgens de verantwoording is er meer besteed dan de geldstroom heeft.",
    theme="meten",
    bad="""
# 02-samenwerking.yaml: geldstroom gs_npo, bedrag: 100000
verantwoording:
  - geldstroom: gs_npo
    vorm: sisa
    besteed:
      - {bestedingsdoel: bovenschools, jaar: 2023, bedrag: 70000}
      - {bestedingsdoel: bovenschools, jaar: 2024, bedrag: 45000}
""",
    good="""
# 02-samenwerking.yaml: geldstroom gs_npo, bedrag: 100000
verantwoording:
  - geldstroom: gs_npo
    vorm: sisa
    besteed:
      - {bestedingsdoel: bovenschools, jaar: 2023, bedrag: 55000}
      - {bestedingsdoel: bovenschools, jaar: 2024, bedrag: 45000}
""",
)
def meer_besteed_dan_geldstroom(ctx: RuleContext) -> Iterator[Finding]:
    """In stap 6 staat per geldstroom wat er besteed is, per bestedingsdoel en jaar (onder
    `besteed`). Samen kan dat niet meer zijn dan het bedrag van de geldstroom: dan klopt het
    bedrag van de geldstroom niet, of een bedrag in de verantwoording, of er is geld uit een
    andere pot bij gekomen. Dat laatste hoort dan als eigen geldstroom in het plan. Staan er
    voor één geldstroom meer verantwoordingen, dan telt deze regel ze samen.

    Oplossing: verbeter het bedrag van de geldstroom in 02-samenwerking.yaml, of de bedragen
    onder `besteed` in 06-meten-en-bijsturen.yaml. Kwam er geld uit een andere pot bij, zet
    die dan als eigen geldstroom in het plan en verantwoord hem apart.
    """
    stromen = _geldstromen(ctx)
    verantwoording = ctx.plan.meten_en_bijsturen.verantwoording
    per_stroom: dict[str, list[int]] = {}
    for k, v in enumerate(verantwoording):
        if v.besteed:
            per_stroom.setdefault(v.geldstroom, []).append(k)
    for ident, plekken in per_stroom.items():
        if ident not in stromen:
            continue  # SP201 names the unknown geldstroom
        i, g = stromen[ident]
        bedrag = _bedrag(g)
        if bedrag is None:
            continue
        besteed = som(Som.van(b.bedrag) for k in plekken for b in verantwoording[k].besteed)
        te_veel = (bedrag - besteed).zeker_te_veel
        if te_veel is None:
            continue
        yield Finding(
            "meten_en_bijsturen",
            ("verantwoording", plekken[0], "besteed"),
            f"Volgens de verantwoording is uit geldstroom '{g.id}' {besteed.tekst} besteed, "
            f"{'minstens ' if not (besteed.exact and bedrag.exact) else ''}{euro(te_veel)} meer "
            f"dan de {bedrag.tekst} van de geldstroom.",
            "Verbeter het bedrag van de geldstroom of de bedragen onder `besteed`. Kwam er geld "
            "uit een andere pot bij, zet die dan als eigen geldstroom in het plan.",
            related=(
                Ref("samenwerking", ("geldstromen", i, "bedrag"), f"het bedrag van geldstroom '{g.id}'"),
                *(
                    Ref("meten_en_bijsturen", ("verantwoording", k, "besteed"), "ook besteed")
                    for k in plekken[1:]
                ),
            ),
            at_key=True,
        )


@rule(
    "SP708",
    "besteed-aan-ander-doel",
    Severity.ERROR,
    "De verantwoording noemt een besteding aan een bestedingsdoel dat de geldstroom niet heeft.",
    theme="meten",
    bad="""
# 02-samenwerking.yaml: geldstroom gs_npo, bestedingsdoelen: [bovenschools]
verantwoording:
  - geldstroom: gs_npo
    vorm: sisa
    besteed:
      - {bestedingsdoel: huisvesting, jaar: 2024, bedrag: 20000}
""",
    good="""
# 02-samenwerking.yaml: geldstroom gs_npo, bestedingsdoelen: [bovenschools]
verantwoording:
  - geldstroom: gs_npo
    vorm: sisa
    besteed:
      - {bestedingsdoel: bovenschools, jaar: 2024, bedrag: 20000}
""",
)
def besteed_aan_ander_doel(ctx: RuleContext) -> Iterator[Finding]:
    """Een geldstroom noemt in stap 2 de bestedingsdoelen waaraan het geld besteed mag
    worden. Noemt de verantwoording een besteding aan een ander doel, dan is dat geld besteed
    aan iets waarvoor het niet bedoeld is (bij een specifieke uitkering kan het dan terug
    moeten), of is het doel verkeerd geschreven. Een besteding zonder bestedingsdoel (niet
    per doel uitgesplitst) meldt deze regel niet.

    Oplossing: verbeter het bestedingsdoel onder `besteed`, of zet het doel bij de
    `bestedingsdoelen` van de geldstroom in 02-samenwerking.yaml als de regeling het toestaat.
    """
    stromen = _geldstromen(ctx)
    for k, v in enumerate(ctx.plan.meten_en_bijsturen.verantwoording):
        if v.geldstroom not in stromen:
            continue  # SP201 names the unknown geldstroom
        i, g = stromen[v.geldstroom]
        for j, b in enumerate(v.besteed):
            if b.bestedingsdoel is None or b.bestedingsdoel in g.bestedingsdoelen:
                continue
            doelen = ", ".join(g.bestedingsdoelen) or "geen"
            yield Finding(
                "meten_en_bijsturen",
                ("verantwoording", k, "besteed", j, "bestedingsdoel"),
                f"De verantwoording van '{g.id}' noemt {Som.van(b.bedrag).tekst} besteed aan "
                f"'{b.bestedingsdoel}', maar dat is geen bestedingsdoel van deze geldstroom "
                f"(die heeft: {doelen}).",
                " ".join(
                    filter(
                        None,
                        (
                            did_you_mean(b.bestedingsdoel, list(g.bestedingsdoelen)),
                            "Verbeter het bestedingsdoel, of zet het bij `bestedingsdoelen` van de "
                            "geldstroom als de regeling het toestaat.",
                        ),
                    )
                ),
                related=(
                    Ref("samenwerking", ("geldstromen", i, "bestedingsdoelen"), f"de doelen van '{g.id}'"),
                ),
            )


@rule(
    "SP709",
    "restant-terugbetalen-onbekend",
    Severity.WARNING,
    "Er is geld over aan het eind van de termijn, en er staat niet of het terug moet.",
    theme="meten",
    error_from=Fase.UITVOERING,
    bad="""
verantwoording:
  - geldstroom: gs_npo
    vorm: sisa
    restant:
      bedrag: 15000
""",
    good="""
verantwoording:
  - geldstroom: gs_npo
    vorm: sisa
    restant:
      bedrag: 15000
      terugbetalen: true
      toelichting: Het Rijk vordert het restant terug na de SiSa-verantwoording over 2025.
""",
)
def restant_terugbetalen_onbekend(ctx: RuleContext) -> Iterator[Finding]:
    """Wat aan het eind van de bestedingstermijn over is, moet bij veel regelingen terug: bij
    een specifieke uitkering na de SiSa-verantwoording, bij een subsidie na de
    vaststelling. De landelijke evaluaties van het NP Onderwijs noemen geld dat aan het eind
    over was als een van de grote problemen. Noemt de verantwoording een restant, dan zegt
    ze ook of dat geld terug moet (`terugbetalen: true`) of mag blijven (`false`). Zo weten
    college, raad en besturen op tijd wat het plan kost. In een concept of besluit is dit
    een waarschuwing; vanaf de fase uitvoering een fout.

    Staat er een restant bij de verantwoording, dan meldt regel SP313 (geld over na de
    termijn) voor die geldstroom niets: de verantwoording zegt al wat er over is.

    Oplossing: zet bij `restant:` `terugbetalen: true` of `false`, met in de `toelichting`
    waarom (bijvoorbeeld de regel van de regeling, of de beschikking).
    """
    for k, v in enumerate(ctx.plan.meten_en_bijsturen.verantwoording):
        r = v.restant
        if r is None or r.terugbetalen is not None or Som.van(r.bedrag).zeker_over is None:
            continue
        yield Finding(
            "meten_en_bijsturen",
            ("verantwoording", k, "restant"),
            f"Van geldstroom '{v.geldstroom}' is {Som.van(r.bedrag).tekst} over, maar er staat niet of dat "
            "terug moet: een terugbetaalrisico dat niemand kent.",
            "Zet bij `restant:` `terugbetalen: true` (het moet terug) of `false` (het mag blijven), "
            "met in de `toelichting` waarom.",
            at_key=True,
        )


# Monitoring over time (formaat 2) ---------------------------------------------------------


@rule(
    "SP710",
    "meting-zonder-bron",
    Severity.WARNING,
    "Een gemeten waarde van een indicator zegt niet waar ze vandaan komt.",
    theme="meten",
    bad="""
indicatoren:
  - id: ind_lezen
    naam: Percentage leerlingen groep 8 met niveau 2F lezen
    metingen:
      - {waarde: 58, datum: 2024-06-30}
""",
    good="""
indicatoren:
  - id: ind_lezen
    naam: Percentage leerlingen groep 8 met niveau 2F lezen
    bron: b_toets_groep8
    metingen:
      - {waarde: 58, datum: 2024-06-30}
      - {waarde: 60, datum: 2025-06-30, bron: b_monitor}
""",
)
def meting_zonder_bron(ctx: RuleContext) -> Iterator[Finding]:
    """Een gemeten waarde is pas te vertrouwen als je weet waar ze vandaan komt: welke toets,
    welke monitor, welke telling. Dan kan een lezer het nagaan, en meet de werkgroep de
    volgende keer op dezelfde manier. Een meting zonder eigen `bron` komt uit de bron van de
    indicator, of uit de bron van de meting in stap 6; heeft die ook geen bron, dan meldt
    deze regel het.

    Oplossing: zet `bron:` bij de indicator (voor al haar metingen), of bij de meting zelf
    als die uit een andere bron komt. De bron staat in 03-analyse.yaml onder `bronnen`.
    """
    afgesproken = {m.indicator for m in ctx.plan.meten_en_bijsturen.metingen if m.bron}
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        for j, ind in enumerate(res.indicatoren):
            if ind.bron or ind.id in afgesproken:
                continue
            for k, m in enumerate(ind.metingen):
                if m.bron is None:
                    yield Finding(
                        "resultaten",
                        ("resultaten", i, "indicatoren", j, "metingen", k),
                        f"De meting van indicator '{ind.id}' op {datum(m.datum)} zegt niet waar de "
                        "waarde vandaan komt.",
                        "Zet `bron:` bij de indicator of bij de meting, met de id van een bron uit "
                        "03-analyse.yaml.",
                    )


def _output_gemeten(ctx: RuleContext) -> int:
    """How many output values the plan reports: metingen of output indicators, counts of bereik."""
    indicatoren = [ind for res in ctx.plan.resultaten.resultaten for ind in res.indicatoren]
    output = sum(len(ind.metingen) for ind in indicatoren if ind.soort is IndicatorSoort.OUTPUT)
    return output + sum(len(iv.bereik.gerealiseerd) for iv in ctx.plan.aanpak.interventies if iv.bereik)


@rule(
    "SP711",
    "alleen-output-gemeten",
    Severity.WARNING,
    "Het plan meet alleen hoeveel er gedaan is, niet of kinderen erop vooruitgaan.",
    theme="meten",
    applies_from=Fase.UITVOERING,
    weight=Weight.PLAN,
    bad="""
# fase: uitvoering; 05-aanpak.yaml: bereik.gerealiseerd van de zomerschool
# 04-resultaten.yaml: de outcome-indicator ind_lezen heeft geen metingen
""",
    good="""
indicatoren:
  - id: ind_lezen
    soort: outcome
    nulmeting: {waarde: 55, datum: 2023-06-30}
    metingen:
      - {waarde: 58, datum: 2024-06-30}
""",
)
def alleen_output_gemeten(ctx: RuleContext) -> Iterator[Finding]:
    """De landelijke evaluaties van het NP Onderwijs en van het jeugdbeleid zagen vaak dat er
    alleen output gemeten werd: hoeveel kinderen meededen, hoeveel uren er waren. Of het
    kinderen beter gaat (outcome), bleef onbekend. Een plan in uitvoering dat wel telt wat
    het doet (metingen van output-indicatoren, of `bereik.gerealiseerd` bij interventies),
    maar geen enkele meting heeft van een outcome-indicator, laat dat gat zien. Deze regel
    doet mee vanaf de fase uitvoering, met één melding voor het hele plan.

    Regel SP407 kijkt naar het ontwerp (een resultaat met alleen output-indicatoren); deze
    regel kijkt naar wat er echt gemeten is.

    Oplossing: zet bij een outcome-indicator in 04-resultaten.yaml onder `metingen` wat er
    gemeten is, met datum en bron. Is er nog niet gemeten, spreek dan in stap 6 af wanneer.
    """
    output = _output_gemeten(ctx)
    if not output:
        return
    indicatoren = [ind for res in ctx.plan.resultaten.resultaten for ind in res.indicatoren]
    outcome = [ind for ind in indicatoren if ind.soort is IndicatorSoort.OUTCOME]
    if any(ind.metingen for ind in outcome):
        return
    geen = (
        "het plan heeft geen enkele outcome-indicator"
        if not outcome
        else f"geen van de {len(outcome)} outcome-indicatoren heeft een meting"
    )
    yield Finding(
        "resultaten",
        ("resultaten",),
        f"Het plan meet alleen output: er {'is 1 telling' if output == 1 else f'zijn {output} tellingen'} "
        f"van wat er gedaan is, maar {geen}; zo is niet te zien of het kinderen beter gaat.",
        "Zet bij een outcome-indicator onder `metingen` wat er gemeten is, met waarde, datum en "
        "bron, of spreek in stap 6 af wanneer dat gemeten wordt.",
        at_key=True,
    )
