"""Rode draad: from bevinding to resultaat to interventie, and concrete, measurable results."""

import re
from collections.abc import Iterator

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity
from samenplan.plan.models.resultaten import Resultaat
from samenplan.plan.placeholders import is_placeholder
from samenplan.plan.vocab import Fase, IndicatorSoort, ResultaatSoort

_YEAR = re.compile(r"(?<!\w)(?:19|20)\d\d(?!\w)")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?!\w)")
_QUOTE_MAX = 60


@rule(
    "SP401",
    "resultaat-zonder-interventie",
    Severity.WARNING,
    "Geen enkele interventie werkt aan een resultaat.",
    theme="rodedraad",
    error_from=Fase.BESLUIT,
    bad="""
# 04-resultaten.yaml
resultaten:
  - id: r_lezen
# 05-aanpak.yaml
interventies:
  - id: zomerschool
    resultaten: []
""",
    good="""
# 05-aanpak.yaml
interventies:
  - id: zomerschool
    resultaten: [r_lezen]
""",
)
def resultaat_zonder_interventie(ctx: RuleContext) -> Iterator[Finding]:
    """Een resultaat in stap 4 is een belofte. Die belofte wordt alleen waar als er in stap 5
    minstens één interventie aan werkt. Een resultaat zonder interventie blijft een wens op
    papier. In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet de id van het resultaat bij `resultaten:` van de interventie die eraan
    werkt, in 05-aanpak.yaml. Werkt er nog niets aan? Kies dan een interventie, of schrap het
    resultaat als de partners er niet samen aan gaan werken.
    """
    served = {r for iv in ctx.plan.aanpak.interventies for r in iv.resultaten}
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        if res.id not in served:
            yield Finding(
                "resultaten",
                ("resultaten", i, "id"),
                f"Geen enkele interventie werkt aan resultaat '{res.id}'.",
                f"Zet '{res.id}' bij `resultaten:` van een interventie in 05-aanpak.yaml.",
                related=(Ref("aanpak", ("interventies",), "Hier staan de interventies."),),
            )


@rule(
    "SP402",
    "resultaat-zonder-indicator",
    Severity.WARNING,
    "Een resultaat heeft geen indicator.",
    theme="rodedraad",
    error_from=Fase.BESLUIT,
    bad="""
resultaten:
  - id: r_lezen
    resultaat: In 2025 haalt 62% van de leerlingen in groep 8 niveau 2F lezen.
""",
    good="""
resultaten:
  - id: r_lezen
    resultaat: In 2025 haalt 62% van de leerlingen in groep 8 niveau 2F lezen.
    indicatoren:
      - id: ind_lezen_2f
        naam: Percentage leerlingen groep 8 met niveau 2F lezen
        nulmeting: {waarde: 55, datum: 2023-06-30}
        streefwaarde: {waarde: 62, datum: 2025-06-30}
""",
)
def resultaat_zonder_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """Zonder indicator weet niemand of een resultaat gehaald wordt. Een indicator zegt wat je
    meet, bijvoorbeeld 'percentage leerlingen in groep 8 met niveau 2F lezen'. Zo kan de
    werkgroep tussendoor bijsturen en achteraf verantwoorden. In een concept is dit een
    waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet onder het resultaat een lijst `indicatoren:` met minstens één indicator,
    met een nulmeting en een streefwaarde.
    """
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        if not res.indicatoren:
            yield Finding(
                "resultaten",
                ("resultaten", i, "indicatoren"),
                f"Resultaat '{res.id}' heeft geen indicator; zo kun je niet zien of het gehaald wordt.",
                "Zet onder het resultaat `indicatoren:` met minstens één indicator, "
                "met een nulmeting en een streefwaarde.",
                at_key=True,
            )


@rule(
    "SP403",
    "indicator-zonder-nul-of-streefwaarde",
    Severity.WARNING,
    "Een indicator mist de nulmeting of de streefwaarde.",
    theme="rodedraad",
    error_from=Fase.BESLUIT,
    bad="""
indicatoren:
  - id: ind_lezen_2f
    naam: Percentage leerlingen groep 8 met niveau 2F lezen
    streefwaarde: {waarde: 62, datum: 2025-06-30}
""",
    good="""
indicatoren:
  - id: ind_lezen_2f
    naam: Percentage leerlingen groep 8 met niveau 2F lezen
    nulmeting: {waarde: 55, datum: 2023-06-30}
    streefwaarde: {waarde: 62, datum: 2025-06-30}
""",
)
def indicator_zonder_nul_of_streefwaarde(ctx: RuleContext) -> Iterator[Finding]:
    """Een indicator zegt pas iets met twee getallen: waar je begint (de nulmeting) en waar
    je naartoe wilt (de streefwaarde), elk met een waarde en een datum. Zonder nulmeting weet
    je niet of het beter gaat; zonder streefwaarde weet je niet wanneer het goed genoeg is.
    In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: vul `nulmeting:` en `streefwaarde:` in, elk met `waarde:` en `datum:`. Is er
    nog geen nulmeting? Spreek dan af wanneer die gedaan wordt en zet die datum erbij.
    """
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        for j, ind in enumerate(res.indicatoren):
            missing = [
                name
                for name, value in (("nulmeting", ind.nulmeting), ("streefwaarde", ind.streefwaarde))
                if value is None
            ]
            if missing:
                yield Finding(
                    "resultaten",
                    ("resultaten", i, "indicatoren", j, missing[0]),
                    f"Indicator '{ind.id}' van resultaat '{res.id}' heeft geen {' en geen '.join(missing)}.",
                    f"Vul {' en '.join(f'`{m}:`' for m in missing)} in, met `waarde:` en `datum:`.",
                    at_key=True,
                )


@rule(
    "SP404",
    "interventie-zonder-resultaat",
    Severity.WARNING,
    "Een interventie werkt aan geen enkel resultaat.",
    theme="rodedraad",
    error_from=Fase.BESLUIT,
    bad="""
interventies:
  - id: zomerschool
    naam: Zomerschool
""",
    good="""
interventies:
  - id: zomerschool
    naam: Zomerschool
    resultaten: [r_lezen]
""",
)
def interventie_zonder_resultaat(ctx: RuleContext) -> Iterator[Finding]:
    """Elke interventie moet bijdragen aan een resultaat uit stap 4. Anders is het een los
    project: niemand kan zeggen waarom het geld eraan besteed wordt, of het werkt en wanneer
    het klaar is. In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet bij `resultaten:` van de interventie de id van het resultaat waaraan zij
    werkt. Past de interventie bij geen enkel resultaat? Voeg dan een resultaat toe in
    04-resultaten.yaml, of schrap de interventie.
    """
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        if not iv.resultaten:
            yield Finding(
                "aanpak",
                ("interventies", i, "resultaten"),
                f"Interventie '{iv.id}' werkt aan geen enkel resultaat.",
                "Zet bij `resultaten:` de id van een resultaat uit 04-resultaten.yaml.",
                related=(Ref("resultaten", ("resultaten",), "Hier staan de resultaten."),),
                at_key=True,
            )


@rule(
    "SP405",
    "bevinding-niet-opgepakt",
    Severity.WARNING,
    "Geen enkel resultaat pakt een bevinding op.",
    theme="rodedraad",
    bad="""
bevindingen:
  - id: bev_bewegen
    tekst: Kinderen bewegen minder dan voor corona.
""",
    good="""
bevindingen:
  - id: bev_bewegen
    tekst: Kinderen bewegen minder dan voor corona.
    geparkeerd: Dit pakt het sportakkoord al op; daar sluiten we bij aan.
""",
)
def bevinding_niet_opgepakt(ctx: RuleContext) -> Iterator[Finding]:
    """Wat de werkgroep in stap 3 ontdekt, hoort terug te komen in de resultaten van stap 4.
    Een bevinding die nergens landt, is werk voor niets, of een gat in het plan.

    Oplossing: zet de id van de bevinding bij `bevindingen:` van het resultaat dat erop
    antwoordt, in 04-resultaten.yaml. Kiest de werkgroep bewust om deze bevinding (nu) niet
    op te pakken? Schrijf dan bij de bevinding onder `geparkeerd:` waarom, bijvoorbeeld omdat
    een ander plan het al doet.
    """
    taken = {b for res in ctx.plan.resultaten.resultaten for b in res.bevindingen}
    for i, bev in enumerate(ctx.plan.analyse.bevindingen):
        if bev.id not in taken and not bev.geparkeerd.strip():
            yield Finding(
                "analyse",
                ("bevindingen", i, "id"),
                f"Geen enkel resultaat pakt bevinding '{bev.id}' op, en er staat niet bij waarom.",
                f"Zet '{bev.id}' bij `bevindingen:` van een resultaat in 04-resultaten.yaml, "
                "of schrijf onder `geparkeerd:` waarom het plan dit niet oppakt.",
                related=(Ref("resultaten", ("resultaten",), "Hier staan de resultaten."),),
            )


@rule(
    "SP406",
    "resultaat-niet-concreet",
    Severity.WARNING,
    "Een resultaat noemt geen getal en jaar, en heeft geen streefwaarde.",
    theme="rodedraad",
    error_from=Fase.BESLUIT,
    bad="""
resultaten:
  - id: r_veilig
    resultaat: Kinderen voelen zich veiliger.
""",
    good="""
resultaten:
  - id: r_veilig
    resultaat: "In 2025 voelt 80% van de leerlingen zich veilig op school (2023: 72%)."
""",
)
def resultaat_niet_concreet(ctx: RuleContext) -> Iterator[Finding]:
    """Het NJi vraagt om concrete resultaten: noem een percentage (of aantal) en een jaar.
    'Kinderen voelen zich veiliger' is een goede ambitie, maar niemand kan zeggen of het
    gelukt is. 'In 2025 voelt 80% van de leerlingen zich veilig' kan dat wel. Dat geldt ook
    voor procesresultaten, bijvoorbeeld 'In 2024 werken alle 12 scholen met één
    aanspreekpunt'.

    Een resultaat is concreet als de tekst een getal en een jaartal noemt, of als een van de
    indicatoren een streefwaarde heeft met waarde en datum. In een concept is dit een
    waarschuwing; vanaf de fase besluit een fout.

    Oplossing: schrijf in `resultaat:` hoeveel en wanneer, of geef een indicator een
    `streefwaarde:`.
    """
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        missing = _not_concrete(res)
        if missing:
            yield Finding(
                "resultaten",
                ("resultaten", i, "resultaat"),
                f"Resultaat '{res.id}' is niet concreet: '{_quote(res.resultaat)}' noemt {missing}.",
                "Schrijf op hoeveel en wanneer, bijvoorbeeld 'In 2025 voelt 80% van de "
                "leerlingen zich veilig (2023: 72%)', of geef een indicator een streefwaarde.",
                at_key=True,
            )


def _not_concrete(res: Resultaat) -> str:
    """What the text lacks ('geen getal', …), or '' when the resultaat is concrete."""
    if is_placeholder(res.resultaat):
        return ""  # reported by SP801
    if any(ind.streefwaarde is not None for ind in res.indicatoren):
        return ""
    has_year = _YEAR.search(res.resultaat) is not None
    has_number = any(not _YEAR.fullmatch(n) for n in _NUMBER.findall(res.resultaat))
    missing = [what for what, found in (("geen getal", has_number), ("geen jaartal", has_year)) if not found]
    return " en ".join(missing)


def _quote(text: str) -> str:
    """The start of a text on one line, at most about 60 characters."""
    flat = " ".join(text.split())
    if len(flat) <= _QUOTE_MAX:
        return flat
    return flat[:_QUOTE_MAX].rsplit(" ", 1)[0] + " …"


@rule(
    "SP407",
    "alleen-output-indicatoren",
    Severity.INFO,
    "Een resultaat meet alleen hoeveel er gedaan wordt, niet of kinderen erop vooruitgaan.",
    theme="rodedraad",
    bad="""
indicatoren:
  - id: ind_bereik
    naam: Aantal kinderen op de zomerschool
    soort: output
""",
    good="""
indicatoren:
  - id: ind_bereik
    naam: Aantal kinderen op de zomerschool
    soort: output
  - id: ind_lezen
    naam: Percentage kinderen dat na de zomer op leesniveau is
    soort: outcome
""",
)
def alleen_output_indicatoren(ctx: RuleContext) -> Iterator[Finding]:
    """Veel plannen tellen alleen wat er gedaan wordt: hoeveel groepen, hoeveel kinderen
    bereikt. Dat heet output. Het doel van het plan is dat kinderen erop vooruitgaan: lezen
    ze beter, voelen ze zich minder eenzaam? Dat heet outcome. Een maatschappelijk resultaat
    met alleen output-indicatoren laat niet zien of het werkt.

    Oplossing: voeg een indicator met `soort: outcome` toe, die meet of kinderen, jongeren of
    ouders beter af zijn. Procesresultaten (`soort: proces`) vallen niet onder deze regel.
    """
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        if res.soort is ResultaatSoort.PROCES or not res.indicatoren:
            continue
        if all(ind.soort is IndicatorSoort.OUTPUT for ind in res.indicatoren):
            yield Finding(
                "resultaten",
                ("resultaten", i, "indicatoren"),
                f"Resultaat '{res.id}' meet alleen output (hoeveel er gedaan wordt), niet "
                "of kinderen erop vooruitgaan.",
                "Voeg een indicator toe met `soort: outcome`, bijvoorbeeld het percentage "
                "kinderen dat beter leest of zich minder eenzaam voelt.",
                at_key=True,
            )
