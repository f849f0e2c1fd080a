"""Completeness: placeholders from `samenplan init` and empty texts that a plan needs."""

from collections.abc import Iterator

from samenplan.check.registry import Finding, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import Severity, Weight
from samenplan.plan.placeholders import find_placeholders
from samenplan.plan.steps import DOCUMENTS
from samenplan.plan.vocab import Fase

#: Texts every plan needs, as (document slug, key path, what it is).
REQUIRED_TEXTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("urgentie", ("aanleiding",), "de aanleiding"),
    ("urgentie", ("gedeelde_urgentie",), "de gedeelde urgentie"),
    ("analyse", ("duiding",), "de gezamenlijke duiding van de cijfers"),
    ("aanpak", ("samenhang",), "hoe de interventies samen één geheel vormen"),
    ("uitvoering", ("borging",), "de borging na afloop van het geld"),
)


@rule(
    "SP801",
    "nog-invullen",
    Severity.WARNING,
    "Er staat nog tekst van 'samenplan init' die ingevuld moet worden.",
    theme="volledigheid",
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    bad="""
aanleiding: <Waarom maken jullie dit plan? Wat zien jullie bij kinderen en jongeren?>
""",
    good="""
aanleiding: |
  Sinds de scholen weer open zijn, zien leerkrachten en jongerenwerkers meer kinderen
  die somber zijn en achterlopen met lezen.
""",
)
def nog_invullen(ctx: RuleContext) -> Iterator[Finding]:
    """`samenplan init` zet op elke plek die de werkgroep moet invullen een tekst tussen
    punthaken, zoals `<Waarom maken jullie dit plan?>`. Zolang zo'n tekst er staat, is het plan
    niet af. In een concept is dit een waarschuwing, in de fase besluit een fout: een plan
    dat naar het college of het schoolbestuur gaat, bevat geen invulteksten meer. Wordt het
    plan uitgevoerd, dan is het weer een waarschuwing: dan gaat het om de voortgang.

    Oplossing: vervang de tekst tussen punthaken door jullie eigen tekst, of haal het veld of
    het lijstitem weg als het niet van toepassing is.
    """
    for doc in DOCUMENTS:
        for path in find_placeholders(ctx.raw.get(doc.slug)):
            field = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
            yield Finding(
                doc.slug,
                path,
                f"Vul '{field}' in: hier staat nog een invultekst.",
                "Vervang de tekst tussen < en > door jullie eigen tekst.",
            )


@rule(
    "SP802",
    "tekst-ontbreekt",
    Severity.WARNING,
    "Een tekst die elk plan nodig heeft, is leeg.",
    theme="volledigheid",
    weight=Weight.ONDERDEEL,
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    bad="""
samenhang: ""
""",
    good="""
samenhang: |
  De interventies versterken elkaar: wat kinderen op school oefenen, komt terug
  in de bibliotheek en bij de sportclub.
""",
)
def tekst_ontbreekt(ctx: RuleContext) -> Iterator[Finding]:
    """Sommige teksten maken van losse onderdelen één plan: de aanleiding en de gedeelde
    urgentie (stap 1), de gezamenlijke duiding van de cijfers (stap 3), hoe de interventies
    samen één geheel vormen (stap 5) en hoe het doorgaat als het geld op is (stap 7). Zijn die
    leeg, dan mist de lezer de rode draad.

    Oplossing: schrijf de tekst, kort en in gewone taal. Een paar zinnen is genoeg.
    """
    for slug, path, what in REQUIRED_TEXTS:
        value = getattr(getattr(ctx.plan, slug), path[0])
        if not value.strip():  # a placeholder is reported by SP801
            doc = next(d for d in DOCUMENTS if d.slug == slug)
            yield Finding(
                slug,
                path,
                f"In {doc.file} ontbreekt {what} ('{path[0]}').",
                f"Schrijf onder '{path[0]}:' een paar zinnen.",
                at_key=True,
            )


#: Lists that hold the core of each step, as (document slug, field, what it holds).
REQUIRED_LISTS: tuple[tuple[str, str, str], ...] = (
    ("urgentie", "doelgroepen", "doelgroepen"),
    ("samenwerking", "partners", "partners"),
    ("samenwerking", "werkgroep", "werkgroep"),
    ("samenwerking", "besluitvorming", "besluitvorming"),
    ("samenwerking", "geldstromen", "geldstromen"),
    ("analyse", "bevindingen", "bevindingen"),
    ("resultaten", "resultaten", "resultaten"),
    ("aanpak", "interventies", "interventies"),
    ("meten_en_bijsturen", "metingen", "metingen"),
    ("uitvoering", "planning", "planning"),
)


@rule(
    "SP803",
    "lijst-nog-leeg",
    Severity.WARNING,
    "Een onderdeel dat elk plan nodig heeft, is nog leeg.",
    theme="volledigheid",
    weight=Weight.PLAN,
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    bad="""
interventies: []
""",
    good="""
interventies:
  - id: huiswerkklas
    naam: Huiswerkklas met ouderavonden
    leefdomeinen: [school, thuis]
""",
)
def lijst_nog_leeg(ctx: RuleContext) -> Iterator[Finding]:
    """Elk plan heeft doelgroepen, partners, een werkgroep, een besluitvorming, geldstromen,
    bevindingen, resultaten, interventies, metingen en een planning. Zolang zo'n lijst leeg
    is, kan samenplan de samenhang daar nog niet controleren, en is het plan niet af. In een
    concept is dit een waarschuwing, in de fase besluit een fout (één melding per ontbrekend onderdeel). Wordt
    het plan uitgevoerd, dan is het weer een waarschuwing.

    Oplossing: vul de lijst. Bovenaan elk bestand dat `samenplan init` maakt, staat een
    voorbeeld in commentaar dat je kunt overnemen.
    """
    for slug, field, what in REQUIRED_LISTS:
        if not getattr(getattr(ctx.plan, slug), field):
            doc = next(d for d in DOCUMENTS if d.slug == slug)
            yield Finding(
                slug,
                (field,),
                f"{doc.file} bevat nog geen {what}.",
                f"Zet onder '{field}:' de {what} van het plan.",
                at_key=True,
            )


@rule(
    "SP804",
    "bedrag-nog-nul",
    Severity.WARNING,
    "Een geldstroom heeft nog geen bedrag.",
    theme="volledigheid",
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    bad="""
geldstromen:
  - {id: npo-gemeente, naam: NPO gemeente, regeling: npo_gemeenten, ontvanger: gemeente,
     bedrag: 0, bestedingsdoelen: [bovenschools]}
""",
    good="""
geldstromen:
  - {id: npo-gemeente, naam: NPO gemeente, regeling: npo_gemeenten, ontvanger: gemeente,
     bedrag: 250000, bestedingsdoelen: [bovenschools]}
""",
)
def bedrag_nog_nul(ctx: RuleContext) -> Iterator[Finding]:
    """`samenplan init` zet bij elke geldstroom die je kiest het bedrag op 0, omdat alleen
    jullie weten hoeveel geld er is. Een geldstroom van € 0 hoort niet in een plan dat af is.
    In een concept is dit een waarschuwing, in de fase besluit een fout, daarna weer een
    waarschuwing.

    Oplossing: vul het bedrag in euro in, zonder punten (250000), of haal de geldstroom weg.
    """
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        if g.bedrag.exact and g.bedrag.waarde == 0:
            yield Finding(
                "samenwerking",
                ("geldstromen", i, "bedrag"),
                f"Geldstroom '{g.id}' heeft nog geen bedrag (€ 0).",
                "Vul het bedrag in euro in, zonder punten: 250000. Weet je het nog niet precies, "
                "schrijf dan een schatting (ongeveer 250000) of onbekend.",
            )
