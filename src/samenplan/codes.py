"""Registry of every diagnostic code: loader codes here, rule codes register themselves."""

from dataclasses import dataclass

from samenplan.diagnostics import Severity


@dataclass(frozen=True)
class Code:
    """Metadata of a diagnostic code; ``doc`` is the Dutch user documentation."""

    code: str
    slug: str
    severity: Severity
    summary: str
    doc: str


REGISTRY: dict[str, Code] = {}


def register(code: str, slug: str, severity: Severity, summary: str, doc: str) -> Code:
    """Add a code to the registry; codes and slugs must be unique."""
    if code in REGISTRY:
        raise ValueError(f"duplicate code {code}")
    if any(c.slug == slug for c in REGISTRY.values()):
        raise ValueError(f"duplicate slug {slug}")
    entry = Code(code, slug, severity, summary, doc.strip())
    REGISTRY[code] = entry
    return entry


def lookup(code_or_slug: str) -> Code | None:
    """Find a code by its code (SP101) or its slug."""
    key = code_or_slug.strip()
    if key.upper() in REGISTRY:
        return REGISTRY[key.upper()]
    return next((c for c in REGISTRY.values() if c.slug == key.lower()), None)


E = Severity.ERROR

YAML_SYNTAX = register(
    "SP001",
    "yaml-syntax",
    E,
    "Het bestand is geen geldige YAML.",
    """
Het bestand kan niet gelezen worden omdat de YAML-opbouw niet klopt: bijvoorbeeld een
vergeten dubbele punt, een haakje dat niet gesloten is of een inspringing die niet past.
Kijk op de genoemde regel en de regel erboven.
""",
)
FILE_MISSING = register(
    "SP002",
    "bestand-ontbreekt",
    E,
    "Een bestand van het plan ontbreekt.",
    """
Een plan bestaat uit samenplan.yaml en zeven stapbestanden (01-urgentie.yaml tot en met
07-uitvoering.yaml). Een ontbrekend bestand maak je met `samenplan init`, dat bestaande
bestanden nooit overschrijft.
""",
)
FILE_EMPTY = register(
    "SP003",
    "bestand-leeg",
    E,
    "Het bestand is leeg.",
    """
Het bestand bevat geen gegevens. Vul de velden in, of maak het bestand opnieuw met
`samenplan init`.
""",
)
NOT_MAPPING = register(
    "SP004",
    "geen-mapping",
    E,
    "Het bestand begint niet met velden.",
    """
Een plan-bestand bestaat uit velden in de vorm `naam: waarde`. Het bestand begint nu met
iets anders, bijvoorbeeld een lijst (`- ...`) of losse tekst.
""",
)
NOT_UTF8 = register(
    "SP005",
    "geen-utf8",
    E,
    "Het bestand is niet als UTF-8 opgeslagen.",
    """
samenplan leest bestanden als UTF-8. Het bestand bevat tekens in een andere codering,
bijvoorbeeld uit Word of een oud Windows-programma. Sla het op als UTF-8 (in VS Code:
rechtsonder op de codering klikken, 'Save with Encoding', 'UTF-8').
""",
)
DUPLICATE_KEY = register(
    "SP006",
    "dubbele-sleutel",
    E,
    "Een veld staat twee keer in dezelfde groep.",
    """
Hetzelfde veld staat twee keer op hetzelfde niveau. Dan is niet duidelijk welke waarde
geldt. Voeg de twee samen of haal er één weg.
""",
)
UNKNOWN_KEY = register(
    "SP007",
    "onbekend-veld",
    E,
    "Een veld is niet bekend.",
    """
Het veld hoort niet op deze plek. Vaak is het een tikfout; samenplan noemt dan het veld dat
je waarschijnlijk bedoelde. Velden die samenplan niet kent, worden niet gecontroleerd en
komen niet in het plan-document; daarom is dit een fout.
""",
)
MISSING_FIELD = register(
    "SP008",
    "veld-ontbreekt",
    E,
    "Een verplicht veld ontbreekt.",
    """
Een verplicht veld ontbreekt in deze groep. De melding staat bij de groep waar het veld in
hoort. Voeg het veld toe.
""",
)
WRONG_TYPE = register(
    "SP009",
    "verkeerd-soort-waarde",
    E,
    "Een waarde is van de verkeerde soort.",
    """
De waarde past niet bij het veld: bijvoorbeeld tekst waar een lijst hoort, of een lijst waar
één waarde hoort. Een lijst schrijf je met een streepje per regel (`- school`).
""",
)
UNKNOWN_VALUE = register(
    "SP010",
    "onbekende-waarde",
    E,
    "Een waarde staat niet in de vaste lijst.",
    """
Voor sommige velden ligt vast welke waarden mogen: leefdomeinen (thuis, school, vrije_tijd,
online, wijk), ontwikkelgebieden (cognitief, executief, sociaal, emotioneel, fysiek), soort
partner, fase en andere. samenplan noemt de toegestane waarden en de waarschijnlijk bedoelde.
""",
)
BAD_DATE = register(
    "SP011",
    "ongeldige-datum",
    E,
    "Een datum is niet geldig.",
    """
Een datum schrijf je als jaar-maand-dag met streepjes: `2024-08-01`. De datum moet ook
bestaan (geen 31 juni).
""",
)
BAD_AMOUNT = register(
    "SP012",
    "ongeldig-bedrag",
    E,
    "Een bedrag is niet geldig.",
    """
Een bedrag is een getal in euro, niet negatief, zonder euroteken en zonder punt of spatie
tussen de duizendtallen: `125000` of `125000.50`. Let op: YAML leest `12.000` als twaalf.
""",
)
BAD_VALUE = register(
    "SP013",
    "ongeldige-waarde",
    E,
    "Een waarde voldoet niet aan de eisen van het veld.",
    """
De waarde heeft de goede soort, maar past niet: bijvoorbeeld een id met hoofdletters of
spaties, een lege naam, of een getal buiten het toegestane bereik.
""",
)
BAD_TAG = register(
    "SP014",
    "niet-toegestane-tag",
    E,
    "Het bestand gebruikt een YAML-tag die niet mag.",
    """
YAML-tags zoals `!!python/object` kunnen in andere programma's code uitvoeren. samenplan
voert ze nooit uit en weigert ze. Haal de tag weg en schrijf de waarde gewoon op.
""",
)
TOO_COMPLEX = register(
    "SP015",
    "te-groot-of-te-diep",
    E,
    "Het bestand is te groot of te diep genest.",
    """
Het bestand is groter of dieper genest dan een plan ooit nodig heeft, of het gebruikt
verwijzingen (`&anker` en `*anker`) die samen te groot worden. samenplan stopt met lezen
om het systeem te beschermen.
""",
)
UNREADABLE = register(
    "SP016",
    "onleesbaar-bestand",
    E,
    "Het bestand kan niet geopend worden.",
    """
Het bestand bestaat, maar kan niet gelezen worden: het is een map, een kapotte snelkoppeling
of je hebt geen leesrechten. Zorg dat het een gewoon bestand is dat je kunt openen.

Een snelkoppeling naar een bestand buiten de planmap leest samenplan nooit, zodat wat daarin
staat (bijvoorbeeld een wachtwoord) niet in een rapport terechtkomt. Zet het bestand zelf in
de planmap.
""",
)
