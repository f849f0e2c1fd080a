"""Samenhang: interventies across leefdomeinen, and the plan across domains and areas."""

from collections.abc import Iterator, Sequence

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import KeyPath, Severity, Weight
from samenplan.plan import coverage
from samenplan.plan.labels import label
from samenplan.plan.models.aanpak import Interventie
from samenplan.plan.vocab import KERN_LEEFDOMEINEN, Fase, Leefdomein, ResultaatSoort

#: Adjective form of each ontwikkelgebied: 'de executieve ontwikkeling'.
ADJECTIEF = {
    "cognitief": "cognitieve",
    "executief": "executieve",
    "sociaal": "sociale",
    "emotioneel": "emotionele",
    "fysiek": "fysieke",
}


def _listing(values: Sequence[str]) -> str:
    names = [label(v) for v in values]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _distinct(values: Sequence[Leefdomein]) -> list[Leefdomein]:
    """Values once each, in their first order."""
    return list(dict.fromkeys(values))


def _inhoudelijk(ctx: RuleContext) -> list[tuple[int, Interventie]]:
    """(index, interventie) of every interventie that is not randvoorwaardelijk."""
    return [(i, iv) for i, iv in enumerate(ctx.plan.aanpak.interventies) if not iv.randvoorwaardelijk]


def _bereik(ivs: Sequence[tuple[int, Interventie]]) -> dict[tuple[str, str], set[Leefdomein]]:
    """('resultaat' or 'doelgroep', id) → the leefdomeinen its interventies reach together."""
    reached: dict[tuple[str, str], set[Leefdomein]] = {}
    for _, iv in ivs:
        for key in _sleutels(iv):
            reached.setdefault(key, set()).update(iv.leefdomeinen)
    return reached


def _sleutels(iv: Interventie) -> list[tuple[str, str]]:
    return [("resultaat", r) for r in iv.resultaten] + [("doelgroep", d) for d in iv.doelgroepen]


def _los(ctx: RuleContext) -> list[tuple[int, Interventie]]:
    """Interventies that stand alone: too few leefdomeinen, and no whole that reaches more.

    One without any leefdomein that is not randvoorwaardelijk is always reported: it reaches
    no child, so it cannot be part of a whole that does.
    """
    ivs = _inhoudelijk(ctx)
    minimum = ctx.min_leefdomeinen
    reached = _bereik(ivs)

    def samen(iv: Interventie) -> set[Leefdomein]:
        together = set(iv.leefdomeinen)
        for key in _sleutels(iv):
            together |= reached[key]
        return together

    return [
        (i, iv)
        for i, iv in ivs
        if not iv.leefdomeinen or (len(_distinct(iv.leefdomeinen)) < minimum and len(samen(iv)) < minimum)
    ]


def _ontbrekend(domeinen: Sequence[Leefdomein]) -> str:
    """'thuis, in de vrije tijd of online': the core leefdomeinen not yet reached."""
    missing = [WAAR[d] for d in KERN_LEEFDOMEINEN if d not in domeinen]
    if not missing:
        return "in de wijk"
    return missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " of " + missing[-1]


#: Where a leefdomein is, as a phrase: 'thuis', 'op school'.
WAAR = {
    Leefdomein.THUIS: "thuis",
    Leefdomein.SCHOOL: "op school",
    Leefdomein.VRIJE_TIJD: "in de vrije tijd",
    Leefdomein.ONLINE: "online",
    Leefdomein.WIJK: "in de wijk",
}


@rule(
    "SP101",
    "interventie-een-leefdomein",
    Severity.ERROR,
    "Een interventie raakt te weinig leefdomeinen.",
    theme="samenhang",
    bad="""
interventies:
  - id: huiswerkklas
    naam: Huiswerkklas
    leefdomeinen: [school]
    resultaten: [r_lezen]
""",
    good="""
interventies:
  - id: huiswerkklas
    naam: Huiswerkklas
    leefdomeinen: [school]
    resultaten: [r_lezen]
  - id: voorleesouders
    naam: Voorlezen thuis, met de bibliotheek
    leefdomeinen: [thuis, vrije_tijd]
    resultaten: [r_lezen]
""",
)
def interventie_leefdomeinen(ctx: RuleContext) -> Iterator[Finding]:
    """Een kind leeft thuis, op school, in zijn vrije tijd en online. Het NJi waarschuwt: "De
    valkuil bestaat om vanuit de verschillende regelingen aparte plannen op te stellen.
    Hierdoor ontstaan losse projecten die zich richten op één leefdomein van een jongere. Maar
    losse projecten hebben weinig effect." Het NJi vraagt daarom om "een doelgericht en
    samenhangend plan [...] vanuit alle leefdomeinen" (NJi, bij het stappenplan voor gemeenten
    en onderwijs, 'Waarom is een samenhangend plan belangrijk?').

    Het gaat dus om de samenhang van het plan, niet om elke maatregel apart. Een interventie
    in één leefdomein is geen los project als ze samen met andere interventies werkt aan
    hetzelfde resultaat of voor dezelfde doelgroep, en die andere interventies de andere
    leefdomeinen bereiken. Een huiswerkklas op school die samen met voorlezen thuis werkt aan
    beter lezen, is deel van een geheel. Deze regel meldt alleen een interventie die los
    staat: zelf raakt ze minder leefdomeinen dan het minimum (2, instelbaar met
    `controle: min_leefdomeinen:` in samenplan.yaml), en ook samen met de interventies voor
    hetzelfde resultaat of dezelfde doelgroep niet.

    Een randvoorwaardelijke maatregel (samenwerking, professionalisering, coördinatie)
    bereikt zelf geen kinderen en heeft dus geen leefdomein. Zet daarbij
    `randvoorwaardelijk: true`; dan telt deze regel haar niet mee. Een interventie zonder
    leefdomein die niet randvoorwaardelijk is, meldt deze regel altijd. Regel SP104 kijkt per
    resultaat en per doelgroep welke leefdomeinen de interventies samen bereiken.

    Oplossing: laat de interventie werken aan een resultaat waaraan ook interventies in andere
    leefdomeinen werken (zet het bij `resultaten:`), laat haar zelf een tweede leefdomein
    raken, of voeg haar samen met een interventie die een ander leefdomein raakt.
    """
    minimum = ctx.min_leefdomeinen
    for i, iv in _los(ctx):
        domeinen = _distinct(iv.leefdomeinen)
        if domeinen:
            what = (
                f"raakt alleen leefdomein {_listing(domeinen)}"
                if len(domeinen) == 1
                else f"raakt alleen de leefdomeinen {_listing(domeinen)}"
            )
        else:
            yield Finding(
                "aanpak",
                ("interventies", i, "leefdomeinen"),
                f"Interventie '{iv.id}' noemt geen leefdomein: niet te zien waar ze kinderen bereikt.",
                "Zet bij `leefdomeinen:` waar de interventie werkt (thuis, school, vrije_tijd, "
                "online, wijk). Is het een randvoorwaarde (samenwerking, professionalisering, "
                "coördinatie)? Zet dan `randvoorwaardelijk: true` erbij.",
                at_key=True,
            )
            continue
        yield Finding(
            "aanpak",
            ("interventies", i, "leefdomeinen"),
            f"Interventie '{iv.id}' staat los: ze {what}, en geen interventie voor hetzelfde "
            f"resultaat of dezelfde doelgroep bereikt een ander leefdomein (minimum {minimum}).",
            f"Laat de interventie ook {_ontbrekend(domeinen)} werken, of koppel haar aan een "
            "resultaat waaraan ook interventies in andere leefdomeinen werken. Is het een "
            "randvoorwaarde (samenwerking, professionalisering, coördinatie)? Zet dan "
            "`randvoorwaardelijk: true` erbij.",
            at_key=True,
        )


def _groepen(ctx: RuleContext) -> Iterator[tuple[str, KeyPath, str, list[Interventie]]]:
    """(doc, path, what, interventies) per resultaat and per doelgroep."""
    per: dict[tuple[str, str], list[Interventie]] = {}
    for _, iv in _inhoudelijk(ctx):
        for key in dict.fromkeys(_sleutels(iv)):
            per.setdefault(key, []).append(iv)
    for i, res in enumerate(ctx.plan.resultaten.resultaten):
        if res.soort is ResultaatSoort.PROCES:
            continue  # about how partners work together, not about where children live
        yield (
            "resultaten",
            ("resultaten", i, "id"),
            f"resultaat '{res.id}'",
            per.get(("resultaat", res.id), []),
        )
    for i, dg in enumerate(ctx.plan.urgentie.doelgroepen):
        yield "urgentie", ("doelgroepen", i, "id"), f"doelgroep '{dg.id}'", per.get(("doelgroep", dg.id), [])


@rule(
    "SP104",
    "samen-een-leefdomein",
    Severity.WARNING,
    "De interventies voor een resultaat of doelgroep bereiken samen te weinig leefdomeinen.",
    theme="samenhang",
    error_from=Fase.BESLUIT,
    weight=Weight.ONDERDEEL,
    bad="""
# 05-aanpak.yaml
interventies:
  - {id: huiswerkklas, naam: Huiswerkklas, leefdomeinen: [school], resultaten: [r_lezen]}
  - {id: leesles, naam: Extra leesles, leefdomeinen: [school], resultaten: [r_lezen]}
""",
    good="""
# 05-aanpak.yaml
interventies:
  - {id: huiswerkklas, naam: Huiswerkklas, leefdomeinen: [school], resultaten: [r_lezen]}
  - {id: voorlezen, naam: Voorlezen thuis, leefdomeinen: [thuis], resultaten: [r_lezen]}
""",
)
def samen_een_leefdomein(ctx: RuleContext) -> Iterator[Finding]:
    """Dit is de kijk op het hele plan die het NJi vraagt: werken de interventies voor een
    resultaat, of voor een doelgroep, samen in meer dan één leefdomein? Zo niet, dan is de
    aanpak voor dat resultaat of die groep toch een los project in één leefdomein, ook als
    er meerdere interventies zijn. Randvoorwaardelijke maatregelen (`randvoorwaardelijk:
    true`) tellen niet mee, en een procesresultaat (`soort: proces`, over hoe de partners
    samenwerken) ook niet: dat gaat niet over waar kinderen leven. Het minimum is hetzelfde
    als bij SP101.

    Staat er maar één interventie bij het resultaat en meldt SP101 die al, dan meldt deze
    regel het resultaat niet nog een keer. In een concept is dit een waarschuwing, vanaf de
    fase besluit een fout.

    Oplossing: voeg voor dit resultaat of deze doelgroep een interventie toe in een ander
    leefdomein (bijvoorbeeld thuis met ouders, of in de vrije tijd), of breid een bestaande
    uit.
    """
    minimum = ctx.min_leefdomeinen
    los = {iv.id for _, iv in _los(ctx)}
    index = {id(iv): k for k, iv in enumerate(ctx.plan.aanpak.interventies)}
    for doc, path, what, ivs in _groepen(ctx):
        if not ivs or all(iv.id in los for iv in ivs):
            continue  # nothing to judge (SP401), or SP101 names each interventie already
        domeinen = _distinct([d for iv in ivs for d in iv.leefdomeinen])
        if len(domeinen) >= minimum:
            continue
        bereik = f"alleen leefdomein {_listing(domeinen)}" if domeinen else "geen leefdomein"
        yield Finding(
            doc,
            path,
            f"De interventies voor {what} bereiken samen {bereik}; een samenhangende aanpak "
            f"bereikt er minstens {minimum}.",
            f"Voeg een interventie toe die {_ontbrekend(domeinen)} werkt, of breid er een uit.",
            related=tuple(
                Ref("aanpak", ("interventies", index[id(iv)], "id"), f"interventie '{iv.id}'")
                for iv in ivs[:5]
            ),
        )


@rule(
    "SP102",
    "leefdomein-niet-bereikt",
    Severity.WARNING,
    "Het plan bereikt een van de vier leefdomeinen met geen enkele interventie.",
    theme="samenhang",
    error_from=Fase.BESLUIT,
    weight=Weight.PLAN,
    bad="""
interventies:
  - {id: a, naam: A, leefdomeinen: [school, thuis]}
  - {id: b, naam: B, leefdomeinen: [school, vrije_tijd]}
""",
    good="""
interventies:
  - {id: a, naam: A, leefdomeinen: [school, thuis]}
  - {id: b, naam: B, leefdomeinen: [vrije_tijd]}
taakverdeling:
  - wie: [jongerenwerk]
    leefdomeinen: [online]
    toelichting: Het jongerenwerk is online aanwezig uit het eigen jeugdbudget.
""",
)
def leefdomein_niet_bereikt(ctx: RuleContext) -> Iterator[Finding]:
    """Het plan als geheel bereikt kinderen in alle vier leefdomeinen: thuis, school, vrije
    tijd en online. Blijft een leefdomein leeg, dan mist het plan een deel van het leven van
    kinderen. In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Een leefdomein dat een partner buiten de interventies van dit plan voor zijn rekening
    neemt, telt als bereikt als dat in de `taakverdeling` van 05-aanpak.yaml staat, met wie
    het doet. Het plandocument zegt dan wie dat leefdomein doet.

    Oplossing: voeg een interventie toe die dit leefdomein bereikt, breid een bestaande
    interventie uit, of schrijf in `taakverdeling:` welke partner het buiten dit plan doet.
    """
    aanpak = ctx.plan.aanpak
    if not aanpak.interventies:
        return  # an empty step 5 is reported by SP803
    for domein in coverage.leefdomeinen(aanpak.interventies, aanpak.taakverdeling).gaps:
        yield Finding(
            "aanpak",
            ("interventies",),
            f"Geen enkele interventie bereikt leefdomein {label(domein)}.",
            f"Voeg een interventie toe met '{domein}' in de leefdomeinen, of breid er een uit. "
            "Doet een partner het buiten dit plan? Zet dat in `taakverdeling:`.",
            at_key=True,
        )


@rule(
    "SP103",
    "ontwikkelgebied-niet-bereikt",
    Severity.WARNING,
    "Het plan besteedt geen aandacht aan een van de vier NPO-ontwikkelgebieden.",
    theme="samenhang",
    weight=Weight.PLAN,
    bad="""
interventies:
  - {id: a, naam: A, ontwikkelgebieden: [cognitief, sociaal]}
""",
    good="""
interventies:
  - {id: a, naam: A, ontwikkelgebieden: [cognitief, sociaal]}
  - {id: b, naam: B, ontwikkelgebieden: [executief, emotioneel]}
""",
)
def ontwikkelgebied_niet_bereikt(ctx: RuleContext) -> Iterator[Finding]:
    """NP Onderwijs gaat over vertraging op cognitief, executief, sociaal en emotioneel vlak.
    Het plan besteedt aan alle vier aandacht, met minstens één interventie per gebied.
    Fysieke ontwikkeling (`fysiek`) is welkom maar niet verplicht.

    Vaak doen de scholen de cognitieve inhaalslag met hun eigen NPO-schoolprogramma, en doet
    de gemeente de sociaal-emotionele kant. Staat die afspraak in de `taakverdeling` van
    05-aanpak.yaml (wie, welk ontwikkelgebied, en een toelichting), dan telt het
    ontwikkelgebied als bereikt, en zegt het plandocument wie het doet.

    Oplossing: zet het ontwikkelgebied bij een interventie die eraan werkt, of voeg er een toe.
    Werken de scholen er al aan in hun eigen NPO-schoolprogramma? Zet dat in `taakverdeling:`,
    bijvoorbeeld `- {wie: [sb_heidekring], ontwikkelgebieden: [cognitief]}`.
    """
    aanpak = ctx.plan.aanpak
    if not aanpak.interventies:
        return  # an empty step 5 is reported by SP803
    for gebied in coverage.ontwikkelgebieden(aanpak.interventies, aanpak.taakverdeling).gaps:
        yield Finding(
            "aanpak",
            ("interventies",),
            f"Geen enkele interventie werkt aan de {ADJECTIEF[gebied]} ontwikkeling.",
            f"Zet '{gebied}' bij een interventie die eraan werkt, of voeg er een toe. Doen de "
            "scholen het met hun eigen NPO-schoolprogramma? Zet dat in `taakverdeling:`.",
            at_key=True,
        )
