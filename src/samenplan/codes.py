"""The diagnostic code type, and every code that is not a rule: loader SP0xx, waivers and settings SP9xx."""

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


def define(code: str, slug: str, severity: Severity, summary: str, doc: str) -> Code:
    """A code with its documentation (surrounding blank lines removed); registers nothing.

    check/codebook.py lists every code of samenplan and checks that codes and slugs are unique.
    """
    return Code(code, slug, severity, summary, doc.strip())


E = Severity.ERROR

YAML_SYNTAX = define(
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
FILE_MISSING = define(
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
FILE_EMPTY = define(
    "SP003",
    "bestand-leeg",
    E,
    "Het bestand is leeg.",
    """
Het bestand bevat geen gegevens. Vul de velden in, of maak het bestand opnieuw met
`samenplan init`.
""",
)
NOT_MAPPING = define(
    "SP004",
    "geen-mapping",
    E,
    "Het bestand begint niet met velden.",
    """
Een plan-bestand bestaat uit velden in de vorm `naam: waarde`. Het bestand begint nu met
iets anders, bijvoorbeeld een lijst (`- ...`) of losse tekst.
""",
)
NOT_UTF8 = define(
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
DUPLICATE_KEY = define(
    "SP006",
    "dubbele-sleutel",
    E,
    "Een veld staat twee keer in dezelfde groep.",
    """
Hetzelfde veld staat twee keer op hetzelfde niveau. Dan is niet duidelijk welke waarde
geldt. Voeg de twee samen of haal er één weg.

Staan in een item van een lijst ineens alle velden nog een keer, dan is meestal het streepje
vergeten waarmee een nieuw item begint (`- id: ...`). samenplan meldt dat één keer, op de regel
waar het nieuwe item begint: zet daar `- ` voor, recht onder het streepje van het item erboven.
""",
)
UNKNOWN_KEY = define(
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
MISSING_FIELD = define(
    "SP008",
    "veld-ontbreekt",
    E,
    "Een verplicht veld ontbreekt.",
    """
Een verplicht veld ontbreekt in deze groep. De melding staat bij de groep waar het veld in
hoort. Voeg het veld toe.
""",
)
WRONG_TYPE = define(
    "SP009",
    "verkeerd-soort-waarde",
    E,
    "Een waarde is van de verkeerde soort.",
    """
De waarde past niet bij het veld: bijvoorbeeld tekst waar een lijst hoort, of een lijst waar
één waarde hoort. Een lijst schrijf je met een streepje per regel (`- school`), of tussen
blokhaken (`[school, thuis]`). Ja of nee schrijf je als `true` of `false`; een getal met een
punt (`5.5`), zonder `%`.
""",
)
UNKNOWN_VALUE = define(
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
BAD_DATE = define(
    "SP011",
    "ongeldige-datum",
    E,
    "Een datum is niet geldig.",
    """
Een datum schrijf je als jaar-maand-dag met streepjes: `2024-08-01`. Weet je alleen de maand,
het jaar of het schooljaar, schrijf dan `2024-08`, `2024` of `2024-2025`; weet je het nog niet,
schrijf `onbekend`. De datum moet bestaan (geen 31 juni). Staat er een datum zoals in een brief
(`1-8-2024`, `1 augustus 2024`, `aug 2024`), dan zegt de melding welke datum dat is en hoe je
hem schrijft.
""",
)
BAD_AMOUNT = define(
    "SP012",
    "ongeldig-bedrag",
    E,
    "Een bedrag is niet geldig.",
    """
Een bedrag is een getal in euro, niet negatief, zonder euroteken en zonder punt of spatie
tussen de duizendtallen: `125000` of `125000.50`. Let op: YAML leest `12.000` als twaalf.
Weet je het bedrag niet precies, schrijf dan `onbekend`, of een getal met een woord ervoor:
`ongeveer 1.500.000` (ook `ca.`, `circa`, `ruim`, `bijna`), `minstens 1200000` (ook
`ten minste`, `minimaal`) of `hoogstens 300000` (ook `maximaal`, `ten hoogste`). Na zo'n
woord mag een punt tussen de duizendtallen. Staat er een bedrag zoals in een brief
(`€ 12.500,-`, `250.000 euro`, `1,5 miljoen`, `2 ton`), dan zegt de melding welk getal je schrijft.
""",
)
BAD_VALUE = define(
    "SP013",
    "ongeldige-waarde",
    E,
    "Een waarde voldoet niet aan de eisen van het veld.",
    """
De waarde heeft de goede soort, maar past niet: bijvoorbeeld een id met hoofdletters of
spaties, een lege naam, of een getal buiten het toegestane bereik. Een getal als `1.250` is
niet duidelijk: YAML leest 1,25, terwijl het in het Nederlands 1250 kan zijn. Schrijf `1250`
of `1.25`.
""",
)
BAD_TAG = define(
    "SP014",
    "niet-toegestane-tag",
    E,
    "Het bestand gebruikt een YAML-tag die niet mag.",
    """
YAML-tags zoals `!!python/object` kunnen in andere programma's code uitvoeren. samenplan
voert ze nooit uit en weigert ze. Haal de tag weg en schrijf de waarde gewoon op.
""",
)
TOO_COMPLEX = define(
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
UNREADABLE = define(
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
STRAY_FILE = define(
    "SP017",
    "los-planbestand",
    Severity.WARNING,
    "Een bestand in de planmap lijkt een stapbestand, maar heeft niet de naam van een stap.",
    """
samenplan leest alleen de bestanden met de vaste namen (samenplan.yaml, 01-urgentie.yaml tot
en met 07-uitvoering.yaml). Een bestand met een andere naam, zoals `06-meten.yaml` of
`05-aanpak (kopie).yaml`, wordt niet gecontroleerd en komt niet in het plandocument. Geef het
de vaste naam, of haal het uit de planmap als het een oude kopie is.
""",
)

OLD_FORMAT = define(
    "SP018",
    "oude-formaatversie",
    E,
    "Het plan is geschreven in een oudere formaatversie.",
    """
Het plan staat in formaatversie 1; deze samenplan leest formaatversie 2. Sommige velden
hebben in formaat 2 een andere naam of vorm (bijvoorbeeld `posten` in plaats van
`reserveringen`). `samenplan migrate PLANMAP` werkt het plan bij: je ziet eerst wat er
verandert, er gaat geen waarde of opmerking verloren en de oude bestanden blijven bewaard in
een reservekopie. samenplan leest de andere bestanden pas als het plan is bijgewerkt.
""",
)
NEWER_FORMAT = define(
    "SP019",
    "nieuwere-formaatversie",
    E,
    "Het plan is geschreven voor een nieuwere versie van samenplan.",
    """
Het plan staat in een formaatversie die deze samenplan nog niet kent: het is gemaakt of
bijgewerkt met een nieuwere samenplan. Werk samenplan bij (`pip install --upgrade
samenplan`, of de vaste versie in jullie CI-instellingen) en controleer opnieuw. Verander de
formaatversie niet zelf terug: dan passen de velden niet meer.
""",
)
CUT_BY_COMMENT = define(
    "SP020",
    "tekst-afgebroken-door-hekje",
    Severity.WARNING,
    "Een tekst stopt bij een # die waarschijnlijk bij de tekst hoort.",
    """
In YAML begint na een spatie en een `#` een opmerking: wat daarna op de regel staat, hoort
niet meer bij de waarde. `middel: Campagne #SamenSterk op Instagram` zet in het plan
alleen `Campagne`; de rest komt niet in het plandocument. check meldt dit als er direct na de
`#` een letter of cijfer staat, zoals bij een hashtag of `groep #3`. Hoort het bij de tekst,
zet de hele tekst dan tussen aanhalingstekens. Is het een opmerking, zet dan een spatie na de
`#`.
""",
)

#: Every loader code, in order.
LOADER_CODES: tuple[Code, ...] = (
    YAML_SYNTAX,
    FILE_MISSING,
    FILE_EMPTY,
    NOT_MAPPING,
    NOT_UTF8,
    DUPLICATE_KEY,
    UNKNOWN_KEY,
    MISSING_FIELD,
    WRONG_TYPE,
    UNKNOWN_VALUE,
    BAD_DATE,
    BAD_AMOUNT,
    BAD_VALUE,
    BAD_TAG,
    TOO_COMPLEX,
    UNREADABLE,
    STRAY_FILE,
    OLD_FORMAT,
    NEWER_FORMAT,
    CUT_BY_COMMENT,
)

NO_REASON = define(
    "SP901",
    "negeer-zonder-reden",
    Severity.ERROR,
    "Een regel wordt genegeerd zonder reden.",
    """
Met een opmerking `# samenplan: negeer SP101 reden: ...` aan het eind van een regel zet je een
melding op die regel uit. De reden is verplicht: wie het plan later leest, moet kunnen zien
waarom de werkgroep hiervan afwijkt. Schrijf de reden achter `reden:`.
""",
)
WAIVER_UNUSED = define(
    "SP902",
    "negeer-ongebruikt",
    Severity.WARNING,
    "Een negeer-opmerking zet geen melding uit.",
    """
Op deze regel staat `# samenplan: negeer ...`, maar er is op die regel geen melding met die
code (meer). Misschien is het probleem al opgelost. Haal de opmerking weg, zodat hij later
geen echt probleem verbergt.
""",
)


UNKNOWN_RULE = define(
    "SP903",
    "onbekende-regel",
    Severity.ERROR,
    "samenplan.yaml noemt een regel die niet bestaat.",
    """
Onder `controle:` in samenplan.yaml kun je regels uitzetten (`regels_uit`) of hun ernst
veranderen (`ernst`). Daar staat een code of naam die samenplan niet kent. Gebruik de code
(bijvoorbeeld SP101) of de naam uit `samenplan rules`.
""",
)

#: The codes of the waiver comments and the settings in samenplan.yaml.
NINE_CODES: tuple[Code, ...] = (NO_REASON, WAIVER_UNUSED, UNKNOWN_RULE)
