"""Rode draad: from bevinding to resultaat to interventie, and concrete, measurable results."""

import re
from collections.abc import Iterator

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity, Weight
from samenplan.plan.models.aanpak import Onderbouwing
from samenplan.plan.models.resultaten import Resultaat
from samenplan.plan.placeholders import is_placeholder
from samenplan.plan.vocab import BronSoort, Fase, IndicatorSoort, OnderbouwingSoort, ResultaatSoort

_YEAR = re.compile(r"(?<![\w-])(?:19|20)\d\d(?:\s*[-/]\s*(?:19|20)?\d\d)?(?![\w-])")
#: A figure: 12, 12,5, 1.250, 80%, € 40.000; not part of a name such as COVID-19 or 2F.
_NUMBER = re.compile(r"(?<![\w.,-])(?:€\s*)?\d+(?:[.,]\d+)*(?:\s*%|\s*procent)?(?![\w-])")
#: Words for numbers and shares: 'twee', 'tien', 'de helft', 'een derde', 'alle'.
_NUMBER_WORDS = re.compile(
    r"\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    r"vijftien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|"
    r"duizend|helft|derde|kwart|driekwart|(?:ge)?verdubbel\w*|(?:ge)?halve[er]\w*)\b",
    re.IGNORECASE,
)
#: Names with a number that are not a target: 'groep 8', 'klas 2', 'leerjaar 3', 'niveau 1F'.
_NAMED_NUMBER = re.compile(
    r"\b(?:groep|groepen|klas|klassen|leerjaar|leerjaren|niveau|fase|stap|artikel|lid|"
    r"week|weken)\s+\d+(?:\s*(?:tot en met|t/m|en|-)\s*\d+)?\b",
    re.IGNORECASE,
)
_QUOTE_MAX = 60
#: From this many items on, "none of them has it" is one finding for the whole plan.
PLAN_WIDE = 2


@rule(
    "SP401",
    "resultaat-zonder-interventie",
    Severity.WARNING,
    "Geen enkele interventie werkt aan een resultaat.",
    theme="rodedraad",
    weight=Weight.ONDERDEEL,
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
    weight=Weight.ONDERDEEL,
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

    Noemt de tekst van het resultaat ook geen getal of jaartal, dan zegt deze melding dat
    erbij; regel SP406 meldt het dan niet apart (één melding per zwakte). Heeft geen enkel
    resultaat een indicator, dan komt er één melding voor het hele plan.

    Oplossing: zet onder het resultaat een lijst `indicatoren:` met minstens één indicator,
    met een nulmeting en een streefwaarde.
    """
    resultaten = ctx.plan.resultaten.resultaten
    if len(resultaten) >= PLAN_WIDE and not any(res.indicatoren for res in resultaten):
        yield Finding(
            "resultaten",
            ("resultaten",),
            f"Geen enkel resultaat heeft een indicator (alle {len(resultaten)} niet); zo kan "
            "niemand zien of het plan werkt.",
            "Zet onder elk resultaat `indicatoren:` met minstens één indicator, met een "
            "nulmeting en een streefwaarde, en schrijf in `resultaat:` hoeveel en wanneer.",
            at_key=True,
            weight=Weight.PLAN,
        )
        return
    for i, res in enumerate(resultaten):
        if not res.indicatoren:
            missing = _not_concrete(res)
            tekst = f", en de tekst noemt {missing}" if missing else ""
            yield Finding(
                "resultaten",
                ("resultaten", i, "indicatoren"),
                f"Resultaat '{res.id}' heeft geen indicator{tekst}; zo kun je niet zien of het "
                "gehaald wordt.",
                "Zet onder het resultaat `indicatoren:` minstens één indicator, met een "
                "nulmeting en een streefwaarde"
                + (", en schrijf in `resultaat:` hoeveel en wanneer." if missing else "."),
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

    Heeft geen enkele indicator een streefwaarde, dan komt daarvoor één melding voor het
    hele plan, en niet een per indicator.

    Oplossing: vul `nulmeting:` en `streefwaarde:` in, elk met `waarde:` en `datum:`. Is er
    nog geen nulmeting? Spreek dan af wanneer die gedaan wordt en zet die datum erbij.
    """
    indicatoren = [ind for res in ctx.plan.resultaten.resultaten for ind in res.indicatoren]
    geen_streef = len(indicatoren) >= PLAN_WIDE and all(ind.streefwaarde is None for ind in indicatoren)
    if geen_streef:
        yield Finding(
            "resultaten",
            ("resultaten",),
            f"Geen enkele indicator heeft een streefwaarde (alle {len(indicatoren)} niet): het "
            "plan zegt nergens waar het naartoe wil.",
            "Geef elke indicator een `streefwaarde:` met `waarde:` en `datum:`.",
            at_key=True,
            weight=Weight.PLAN,
        )
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        for j, ind in enumerate(res.indicatoren):
            missing = [
                name
                for name, value in (("nulmeting", ind.nulmeting), ("streefwaarde", ind.streefwaarde))
                if value is None and not (geen_streef and name == "streefwaarde")
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
    weight=Weight.ONDERDEEL,
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
    indicatoren een streefwaarde heeft met waarde en datum. Een getal mag in cijfers of in
    woorden staan: '80%', '€ 40.000', 'twee', 'tien', 'de helft'. Een jaartal of een getal
    dat bij een naam hoort ('COVID-19', 'groep 8', 'niveau 2F', 'klas 2') is geen doel en
    telt niet als getal. In een concept is dit een waarschuwing; vanaf de fase besluit een
    fout.

    Heeft het resultaat helemaal geen indicator, dan meldt regel SP402 dat, met wat er in de
    tekst ontbreekt; deze regel meldt het dan niet nog een keer.

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
    has_year, has_number = concrete_parts(res.resultaat)
    missing = [what for what, found in (("geen getal", has_number), ("geen jaartal", has_year)) if not found]
    return " en ".join(missing)


def concrete_parts(text: str) -> tuple[bool, bool]:
    """Whether a text names a year, and whether it names a figure (in digits or in words).

    Years, ranges of school years and numbers that are part of a name ('COVID-19', 'groep 8',
    'niveau 2F') are no figure; 'twee', 'de helft' and '80%' are.
    """
    has_year = _YEAR.search(text) is not None
    rest = _NAMED_NUMBER.sub(" ", _YEAR.sub(" ", text))
    has_number = _NUMBER.search(rest) is not None or _NUMBER_WORDS.search(rest) is not None
    return has_year, has_number


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


@rule(
    "SP408",
    "interventie-zonder-onderbouwing",
    Severity.WARNING,
    "Een interventie zegt niet waarom ze zou werken.",
    theme="rodedraad",
    error_from=Fase.BESLUIT,
    bad="""
interventies:
  - id: huiswerkklas
    naam: Huiswerkklas
""",
    good="""
interventies:
  - id: huiswerkklas
    naam: Huiswerkklas
    onderbouwing:
      - soort: menukaart
        doelgebied: A
        toelichting: Extra instructie in kleine groepen staat op de NPO-menukaart.
      - soort: eigen
        toelichting: Een proef op twee scholen in 2022 werkte goed.
""",
)
def interventie_zonder_onderbouwing(ctx: RuleContext) -> Iterator[Finding]:
    """Waarom verwacht de werkgroep dat deze interventie werkt? Dat is de onderbouwing: een
    erkenning in de Databank Effectieve Jeugdinterventies, een doelgebied van de
    NPO-menukaart, of een eigen onderbouwing met uitleg (bijvoorbeeld een proef die goed
    ging). De landelijke evaluaties zagen vaak maatregelen zonder probleemanalyse of
    onderbouwing; dan is achteraf ook niet te zeggen of ze werkten. Een interventie mag
    meer onderbouwingen hebben, bijvoorbeeld een doelgebied van de menukaart en een eigen
    uitleg. Elke onderbouwing moet iets zeggen: een eigen onderbouwing zonder toelichting,
    een databank zonder erkenningsniveau of een menukaart zonder doelgebied meldt deze regel
    ook. Heeft geen enkele interventie een onderbouwing, dan komt er één melding voor het
    hele plan. In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet `onderbouwing:` bij de interventie, een lijst met per onderbouwing
    `soort:` (databank, menukaart of eigen) en bij databank het `niveau`, bij menukaart het
    `doelgebied`, bij eigen een `toelichting`.
    """
    interventies = ctx.plan.aanpak.interventies
    if len(interventies) >= PLAN_WIDE and not any(iv.onderbouwing for iv in interventies):
        yield Finding(
            "aanpak",
            ("interventies",),
            f"Geen enkele interventie heeft een onderbouwing (alle {len(interventies)} niet): het "
            "plan zegt nergens waarom de aanpak zou werken.",
            "Zet bij elke interventie `onderbouwing:` met `soort:` databank, menukaart of eigen.",
            at_key=True,
            weight=Weight.PLAN,
        )
        return
    for i, iv in enumerate(interventies):
        if not iv.onderbouwing:
            yield Finding(
                "aanpak",
                ("interventies", i, "id"),
                f"Interventie '{iv.id}' heeft geen onderbouwing: er staat niet waarom ze zou werken.",
                "Zet `onderbouwing:` bij de interventie: een lijst met per onderbouwing `soort:` "
                "databank, menukaart of eigen, en het niveau, het doelgebied of een toelichting.",
            )
        for j, ob in enumerate(iv.onderbouwing):
            missing = _onderbouwing_mist(ob)
            if missing:
                yield Finding(
                    "aanpak",
                    ("interventies", i, "onderbouwing", j, "soort"),
                    f"Interventie '{iv.id}' heeft {missing[0]}.",
                    missing[1],
                )


def _onderbouwing_mist(ob: Onderbouwing) -> tuple[str, str] | None:
    """What an onderbouwing lacks to say why the interventie works, and the fix; None if whole."""
    if ob.soort is OnderbouwingSoort.EIGEN and not ob.toelichting.strip():
        return (
            "een eigen onderbouwing zonder toelichting",
            "Schrijf bij `toelichting:` waarom de werkgroep verwacht dat het werkt, "
            "bijvoorbeeld een proef of ervaring elders.",
        )
    if ob.soort is OnderbouwingSoort.DATABANK and ob.niveau is None:
        return (
            "een onderbouwing uit de databank zonder erkenningsniveau",
            "Zet bij `niveau:` het erkenningsniveau uit de Databank Effectieve Jeugdinterventies, "
            "bijvoorbeeld goed_onderbouwd of effectief_eerste_aanwijzingen.",
        )
    if ob.soort is OnderbouwingSoort.MENUKAART and ob.doelgebied is None:
        return (
            "een onderbouwing uit de NPO-menukaart zonder doelgebied",
            "Zet bij `doelgebied:` de letter van het doelgebied op de NPO-menukaart (A tot en met F).",
        )
    return None


@rule(
    "SP409",
    "bevinding-zonder-bron",
    Severity.WARNING,
    "Een bevinding zegt niet waar ze vandaan komt.",
    theme="rodedraad",
    bad="""
bevindingen:
  - id: bev_lezen
    tekst: Kinderen lezen slechter dan voor corona.
""",
    good="""
bevindingen:
  - id: bev_lezen
    tekst: Kinderen lezen slechter dan voor corona.
    bronnen: [b_toets_groep8]
    cijfer: {waarde: 55, eenheid: "%", vergelijkingen: [{waarde: 62, met: Nederland}]}
""",
)
def bevinding_zonder_bron(ctx: RuleContext) -> Iterator[Finding]:
    """'Cijfers spreken niet voor zich', zegt het NJi, maar een bevinding zonder bron spreekt
    helemaal niet. Elke bevinding in stap 3 noemt de bron waarop ze rust (cijfers, signalen
    van partners, een gesprek of onderzoek). Zo kan een lezer nagaan waar het vandaan komt, en
    kan de werkgroep later opnieuw meten. Rust een bevinding alleen op bronnen met cijfers,
    dan noemt ze ook het cijfer: in de tekst of onder `cijfer:`.

    Oplossing: zet bij `bronnen:` de id van de bron uit dezelfde file. Komt de bevinding uit
    cijfers, zet dan ook `cijfer:` met de waarde (en zo mogelijk vergelijkingen).
    """
    cijferbronnen = {b.id for b in ctx.plan.analyse.bronnen if b.soort is BronSoort.CIJFERS}
    for i, bev in enumerate(ctx.plan.analyse.bevindingen):
        if not bev.bronnen:
            zonder = " en geen cijfer" if bev.cijfer is None else ""
            yield Finding(
                "analyse",
                ("bevindingen", i, "id"),
                f"Bevinding '{bev.id}' noemt geen bron{zonder}: niet te zien waar ze vandaan komt.",
                "Zet bij `bronnen:` de id van een bron uit 03-analyse.yaml"
                + (", en bij `cijfer:` het cijfer." if zonder else "."),
            )
        elif bev.cijfer is None and set(bev.bronnen) <= cijferbronnen and not concrete_parts(bev.tekst)[1]:
            yield Finding(
                "analyse",
                ("bevindingen", i, "id"),
                f"Bevinding '{bev.id}' rust op cijfers, maar noemt geen cijfer.",
                "Zet `cijfer:` bij de bevinding, met `waarde:` en `eenheid:` en zo mogelijk "
                "`vergelijkingen:`.",
            )


@rule(
    "SP410",
    "resultaat-zonder-bevinding",
    Severity.WARNING,
    "Een maatschappelijk resultaat zegt niet op welke bevinding het antwoordt.",
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
    bevindingen: [bev_lezen]
""",
)
def resultaat_zonder_bevinding(ctx: RuleContext) -> Iterator[Finding]:
    """Een resultaat antwoordt op wat de werkgroep in stap 3 heeft gezien. Zonder die
    koppeling is niet te zien waarom juist dit resultaat gekozen is. Bij eerdere
    onderwijsprogramma's bleek dat maatregelen zonder gedegen probleemanalyse achteraf
    moeilijk te evalueren waren. Procesresultaten (`soort: proces`) vallen niet onder deze
    regel. In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet bij `bevindingen:` van het resultaat de ids van de bevindingen uit
    03-analyse.yaml waarop het antwoordt. Is er geen bevinding? Voeg die dan toe in stap 3,
    met de bron waar ze vandaan komt.
    """
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        if res.soort is ResultaatSoort.MAATSCHAPPELIJK and not res.bevindingen:
            yield Finding(
                "resultaten",
                ("resultaten", i, "id"),
                f"Resultaat '{res.id}' zegt niet op welke bevinding uit stap 3 het antwoordt.",
                "Zet bij `bevindingen:` de ids van de bevindingen uit 03-analyse.yaml waarop "
                "dit resultaat antwoordt.",
                related=(Ref("analyse", ("bevindingen",), "hier staan de bevindingen"),),
            )
