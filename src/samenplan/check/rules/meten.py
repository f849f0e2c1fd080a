"""Meten: step 6 measures what step 4 promised and accounts for the money; step 7 reports."""

from collections.abc import Iterator

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity
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
