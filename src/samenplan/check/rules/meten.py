"""Meten: step 6 measures what step 4 promised and accounts for the money; step 7 reports."""

import re
from collections.abc import Iterator

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity, Weight
from samenplan.plan.vocab import Fase


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
  - omschrijving: De scholen vinden niet genoeg leerkrachten voor de huiswerkklas.
    kans: middel
    impact: hoog
    maatregel: Studenten van de pabo inzetten, onder begeleiding.
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
    personeel. Staan er helemaal geen risico's, dan meldt regel SP705 dat, en deze regel
    niet. In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet in 07-uitvoering.yaml een risico over het personeel van deze interventie,
    met een maatregel (bijvoorbeeld starten waar de nood het grootst is, of samen werven).
    """
    if not ctx.plan.uitvoering.risicos:
        return  # SP705 names the missing risico's
    risicos = [f"{r.omschrijving} {r.maatregel}".lower() for r in ctx.plan.uitvoering.risicos]
    capaciteit = [r for r in risicos if _woorden(r, _CAPACITEIT)]
    genoemd = [_woorden(r, _PERSONEEL) for r in capaciteit]
    if any(len(w) >= 2 or "personeel" in r for r, w in zip(capaciteit, genoemd, strict=True)):
        return  # a risico about staff in general covers every interventie
    covered = set().union(*genoemd)
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        mensen = _woorden(f"{iv.naam} {iv.omschrijving}", _PERSONEEL)
        if not mensen or mensen & covered or any(_noemt(r, iv.id, iv.naam) for r in capaciteit):
            continue
        yield Finding(
            "aanpak",
            ("interventies", i, "id"),
            f"Interventie '{iv.id}' hangt af van mensen ({', '.join(sorted(mensen))}), maar geen "
            "risico in stap 7 gaat over het vinden of vrijmaken van die mensen.",
            "Zet in 07-uitvoering.yaml onder `risicos:` een risico over dit personeel, met een "
            "maatregel en een eigenaar.",
            related=(Ref("uitvoering", ("risicos",), "hier staan de risico's"),),
        )
