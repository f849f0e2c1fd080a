"""Samen: gemeente and onderwijs at the table, a trekker per interventie, youth and parents."""

from collections.abc import Iterator

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity, Weight
from samenplan.plan.vocab import Fase, OverlegSoort, PartnerSoort

ONDERWIJS = (PartnerSoort.SCHOOLBESTUUR, PartnerSoort.SAMENWERKINGSVERBAND)


def _soorten(ctx: RuleContext) -> set[PartnerSoort]:
    return {p.soort for p in ctx.plan.samenwerking.partners}


@rule(
    "SP501",
    "geen-gemeente",
    Severity.ERROR,
    "Er doet geen gemeente mee.",
    theme="samen",
    weight=Weight.PLAN,
    bad="""
partners:
  - {id: sb_heidekring, naam: Stichting Heidekring, soort: schoolbestuur}
""",
    good="""
partners:
  - {id: gem_heidebeek, naam: Gemeente Heidebeek, soort: gemeente}
  - {id: sb_heidekring, naam: Stichting Heidekring, soort: schoolbestuur}
""",
)
def geen_gemeente(ctx: RuleContext) -> Iterator[Finding]:
    """Een samenplan is één plan van gemeente en onderwijs samen. De gemeente brengt jeugd,
    welzijn, sport en het eigen NPO-geld in; zonder gemeente blijft het een plan van de
    scholen alleen. Daarom staat bij de partners minstens één partner met `soort: gemeente`.

    Oplossing: zet de gemeente bij `partners:` in 02-samenwerking.yaml, met `soort: gemeente`.
    Staat de gemeente er al, maar met een andere soort? Verbeter dan de soort.
    """
    if PartnerSoort.GEMEENTE not in _soorten(ctx):
        yield Finding(
            "samenwerking",
            ("partners",),
            "Bij de partners staat geen gemeente; een samenplan maken gemeente en onderwijs samen.",
            "Zet de gemeente bij `partners:` met `soort: gemeente`.",
            at_key=True,
        )


@rule(
    "SP502",
    "geen-onderwijspartner",
    Severity.ERROR,
    "Er doet geen schoolbestuur of samenwerkingsverband mee.",
    theme="samen",
    weight=Weight.PLAN,
    bad="""
partners:
  - {id: gem_heidebeek, naam: Gemeente Heidebeek, soort: gemeente}
""",
    good="""
partners:
  - {id: gem_heidebeek, naam: Gemeente Heidebeek, soort: gemeente}
  - {id: swv_deheide, naam: Samenwerkingsverband De Heide, soort: samenwerkingsverband}
""",
)
def geen_onderwijspartner(ctx: RuleContext) -> Iterator[Finding]:
    """Een samenplan is één plan van gemeente en onderwijs samen. Scholen zien elke dag hoe
    het met kinderen gaat en hebben hun eigen NPO-geld. Zonder schoolbestuur of
    samenwerkingsverband passend onderwijs blijft het een plan van de gemeente alleen.

    Oplossing: zet minstens één schoolbestuur (`soort: schoolbestuur`) of het
    samenwerkingsverband (`soort: samenwerkingsverband`) bij `partners:` in
    02-samenwerking.yaml.
    """
    if not _soorten(ctx) & set(ONDERWIJS):
        yield Finding(
            "samenwerking",
            ("partners",),
            "Bij de partners staat geen schoolbestuur en geen samenwerkingsverband; een "
            "samenplan maken gemeente en onderwijs samen.",
            "Zet een schoolbestuur of het samenwerkingsverband bij `partners:`, met "
            "`soort: schoolbestuur` of `soort: samenwerkingsverband`.",
            at_key=True,
        )


@rule(
    "SP503",
    "interventie-zonder-trekker",
    Severity.WARNING,
    "Een interventie heeft geen trekker.",
    theme="samen",
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
    trekkers: [sb_heidekring]
""",
)
def interventie_zonder_trekker(ctx: RuleContext) -> Iterator[Finding]:
    """Elke interventie heeft een partner die haar trekt: die zorgt dat het gebeurt, houdt
    de voortgang bij en spreekt de anderen aan. Zonder trekker voelt niemand zich
    verantwoordelijk. Trekken twee partners samen (de GGD en het welzijnswerk), zet ze dan
    allebei bij `trekkers:`. In een concept is dit een waarschuwing; vanaf de fase besluit een
    fout.

    Oplossing: zet bij `trekkers:` de id van een partner uit 02-samenwerking.yaml, of van
    meer partners: `trekkers: [ggd, welzijn]`. Andere partners die meedoen, zet je bij
    `partners:`.
    """
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        if not iv.trekkers:
            yield Finding(
                "aanpak",
                ("interventies", i, "trekkers"),
                f"Interventie '{iv.id}' heeft geen trekker.",
                "Zet bij `trekkers:` de id van de partner die de interventie trekt, of van "
                "meer partners: [ggd, welzijn].",
                related=(Ref("samenwerking", ("partners",), "Hier staan de partners."),),
                at_key=True,
            )


@rule(
    "SP504",
    "geen-participatie",
    Severity.WARNING,
    "Stap 2 zegt niet hoe jongeren of ouders meedoen.",
    theme="samen",
    weight=Weight.PLAN,
    error_from=Fase.BESLUIT,
    bad="""
participatie:
  jongeren: ''
  ouders: ''
""",
    good="""
participatie:
  jongeren: Een jongerenpanel van 8 jongeren denkt mee en beoordeelt aanvragen.
  ouders: Op 3 ouderavonden vertelden 85 ouders wat zij nodig hebben.
""",
)
def geen_participatie(ctx: RuleContext) -> Iterator[Finding]:
    """Het NJi vraagt bijzondere aandacht voor het betrekken van kinderen, jongeren en
    ouders. Zij weten zelf het best wat corona met hen deed en wat helpt. Een plan dat over
    hen gaat maar zonder hen gemaakt is, mist vaak waar het om gaat. Daarom staat in stap 2
    onder `participatie:` hoe jongeren (`jongeren:`) en hoe ouders (`ouders:`) meedoen. In
    een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: beschrijf kort wat jullie doen of gaan doen, bijvoorbeeld gesprekken,
    een jongerenpanel, ouderavonden of een klankbordgroep, en wat er met hun inbreng gebeurt.
    """
    participatie = ctx.plan.samenwerking.participatie
    for wie, tekst in (("jongeren", participatie.jongeren), ("ouders", participatie.ouders)):
        if not tekst.strip():
            yield Finding(
                "samenwerking",
                ("participatie", wie),
                f"Stap 2 zegt niet hoe {wie} meedoen; het NJi vraagt bijzondere aandacht "
                "voor het betrekken van jongeren en ouders.",
                f"Beschrijf onder `participatie:` bij `{wie}:` hoe {wie} meedenken en wat "
                "er met hun inbreng gebeurt.",
                at_key=True,
            )


@rule(
    "SP506",
    "besluit-zonder-datum",
    Severity.WARNING,
    "Bij een besluit staat niet wanneer het genomen wordt.",
    theme="samen",
    applies_from=Fase.BESLUIT,
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    bad="""
besluitvorming:
  - partner: gem_heidebeek
    orgaan: raad
    wat: Vaststellen van het plan en de begroting.
""",
    good="""
besluitvorming:
  - partner: gem_heidebeek
    orgaan: raad
    wat: Vaststellen van het plan en de begroting.
    datum: 2023-10-26
""",
)
def besluit_zonder_datum(ctx: RuleContext) -> Iterator[Finding]:
    """Een plan dat ter besluitvorming ligt, zegt per partner wie besluit en wanneer. Zonder
    datum weet de werkgroep niet wanneer het plan bij de raad, het college of het bestuur
    moet liggen, en kan niemand de planning van de interventies daarop afstemmen. Deze regel
    doet mee vanaf de fase besluit. In die fase is het een fout; als het plan wordt
    uitgevoerd, is het besluit genomen en is het een waarschuwing.

    Oplossing: zet bij het besluit `datum:` met de (geplande) datum, als JJJJ-MM-DD.
    """
    for i, besluit in enumerate(ctx.plan.samenwerking.besluitvorming):
        if besluit.datum is None:
            yield Finding(
                "samenwerking",
                ("besluitvorming", i),
                f"Bij het besluit van '{besluit.partner}' ({besluit.orgaan.value}) staat geen datum.",
                "Zet `datum:` bij het besluit, de geplande datum als JJJJ-MM-DD, bijvoorbeeld 2024-03-14.",
            )


#: Regelingen whose money the LEA and the OOGO are the joint tables for.
ONDERWIJSGELD = ("npo_gemeenten", "npo_scholen")


@rule(
    "SP507",
    "geen-lea-of-oogo",
    Severity.WARNING,
    "Een plan met NPO-geld noemt geen overleg in de LEA of het OOGO.",
    theme="samen",
    applies_from=Fase.BESLUIT,
    weight=Weight.PLAN,
    bad="""
overleg:
  - {naam: Werkgroep samenplan, soort: werkgroep}
""",
    good="""
overleg:
  - {naam: Werkgroep samenplan, soort: werkgroep}
  - {naam: Lokale Educatieve Agenda, soort: lea, frequentie: vier keer per jaar}
""",
)
def geen_lea_of_oogo(ctx: RuleContext) -> Iterator[Finding]:
    """Gemeente en onderwijs hebben al vaste tafels om samen te besluiten: de Lokale
    Educatieve Agenda (LEA) en het op overeenstemming gericht overleg (OOGO) met het
    samenwerkingsverband. Het NP Onderwijs vraagt gemeenten hun aanpak daar te bespreken. De
    Inspectie zag dat de LEA pas werkt als de partners er samen de cijfers en de opgave
    kennen. Een plan met NPO-geld dat geen van beide tafels noemt, mist de plek waar
    gemeente, scholen en samenwerkingsverband er samen over beslissen. Deze regel doet mee
    vanaf de fase besluit.

    Oplossing: zet in 02-samenwerking.yaml onder `overleg` de LEA (`soort: lea`) of het OOGO
    (`soort: oogo`), met wie er meedoen, hoe vaak en waarover zij besluiten.
    """
    regelingen = {g.regeling for g in ctx.plan.samenwerking.geldstromen}
    if not regelingen & set(ONDERWIJSGELD):
        return
    soorten = {o.soort for o in ctx.plan.samenwerking.overleg}
    if soorten & {OverlegSoort.LEA, OverlegSoort.OOGO}:
        return
    yield Finding(
        "samenwerking",
        ("overleg",),
        "Het plan heeft NPO-geld, maar noemt geen overleg in de LEA of het OOGO.",
        "Zet onder `overleg:` de Lokale Educatieve Agenda (`soort: lea`) of het OOGO met het "
        "samenwerkingsverband (`soort: oogo`), met deelnemers, frequentie en waarover het besluit.",
        at_key=True,
    )
