"""Samenhang: interventies across leefdomeinen, and the plan across domains and areas."""

from collections.abc import Iterator, Sequence

from samenplan.check.registry import Finding, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity
from samenplan.plan.labels import label
from samenplan.plan.vocab import KERN_LEEFDOMEINEN, NPO_ONTWIKKELGEBIEDEN, Fase

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
""",
    good="""
interventies:
  - id: huiswerkklas
    naam: Huiswerkklas met ouderavonden
    leefdomeinen: [school, thuis]
""",
)
def interventie_leefdomeinen(ctx: RuleContext) -> Iterator[Finding]:
    """Een kind leeft thuis, op school, in zijn vrije tijd en online. Een los project in één
    leefdomein heeft weinig effect: wat een kind op school leert, beklijft beter als ouders,
    sportclub of jongerenwerk meedoen. Daarom raakt elke interventie minstens twee leefdomeinen
    (instelbaar met `controle: min_leefdomeinen:` in samenplan.yaml).

    Oplossing: laat de interventie een tweede leefdomein raken (bijvoorbeeld ouders betrekken,
    of een activiteit na schooltijd) en zet dat leefdomein erbij. Past dat echt niet, voeg de
    interventie dan samen met een andere die een ander leefdomein raakt.
    """
    minimum = ctx.min_leefdomeinen
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        domeinen = sorted(set(iv.leefdomeinen), key=list(iv.leefdomeinen).index)
        if len(domeinen) >= minimum:
            continue
        if domeinen:
            what = (
                f"raakt alleen leefdomein {_listing(domeinen)}"
                if len(domeinen) == 1
                else f"raakt alleen de leefdomeinen {_listing(domeinen)}"
            )
        else:
            what = "noemt geen leefdomein"
        yield Finding(
            "aanpak",
            ("interventies", i, "leefdomeinen"),
            f"Interventie '{iv.id}' {what}; een samenhangende aanpak raakt er minstens {minimum}.",
            "Laat de interventie ook thuis, in de vrije tijd, online of in de wijk werken, "
            "en zet dat leefdomein erbij.",
            at_key=True,
        )


@rule(
    "SP102",
    "leefdomein-niet-bereikt",
    Severity.WARNING,
    "Het plan bereikt een van de vier leefdomeinen met geen enkele interventie.",
    theme="samenhang",
    error_from=Fase.BESLUIT,
    bad="""
interventies:
  - {id: a, naam: A, leefdomeinen: [school, thuis]}
  - {id: b, naam: B, leefdomeinen: [school, vrije_tijd]}
""",
    good="""
interventies:
  - {id: a, naam: A, leefdomeinen: [school, thuis]}
  - {id: b, naam: B, leefdomeinen: [vrije_tijd, online]}
""",
)
def leefdomein_niet_bereikt(ctx: RuleContext) -> Iterator[Finding]:
    """Het plan als geheel bereikt kinderen in alle vier leefdomeinen: thuis, school, vrije
    tijd en online. Blijft een leefdomein leeg, dan mist het plan een deel van het leven van
    kinderen. In een concept is dit een waarschuwing; vanaf de fase besluit een fout.

    Oplossing: voeg een interventie toe die dit leefdomein bereikt, of breid een bestaande
    interventie uit.
    """
    if not ctx.plan.aanpak.interventies:
        return  # an empty step 5 is reported by SP803
    reached = {d for iv in ctx.plan.aanpak.interventies for d in iv.leefdomeinen}
    for domein in KERN_LEEFDOMEINEN:
        if domein not in reached:
            yield Finding(
                "aanpak",
                ("interventies",),
                f"Geen enkele interventie bereikt leefdomein {label(domein)}.",
                f"Voeg een interventie toe met '{domein}' in de leefdomeinen, of breid er een uit.",
                at_key=True,
            )


@rule(
    "SP103",
    "ontwikkelgebied-niet-bereikt",
    Severity.WARNING,
    "Het plan besteedt geen aandacht aan een van de vier NPO-ontwikkelgebieden.",
    theme="samenhang",
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

    Oplossing: zet het ontwikkelgebied bij een interventie die eraan werkt, of voeg er een toe.
    Werken de scholen er al aan in hun eigen NPO-schoolprogramma? Noem dat in `samenhang` in
    05-aanpak.yaml en zet deze regel met een reden uit.
    """
    if not ctx.plan.aanpak.interventies:
        return  # an empty step 5 is reported by SP803
    reached = {g for iv in ctx.plan.aanpak.interventies for g in iv.ontwikkelgebieden}
    for gebied in NPO_ONTWIKKELGEBIEDEN:
        if gebied not in reached:
            yield Finding(
                "aanpak",
                ("interventies",),
                f"Geen enkele interventie werkt aan de {ADJECTIEF[gebied]} ontwikkeling.",
                f"Zet '{gebied}' bij een interventie die eraan werkt, of voeg er een toe.",
                at_key=True,
            )
