"""Closed vocabularies of the plan format (plan-method.md, "Closed vocabularies")."""

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from samenplan.diagnostics import Severity

if TYPE_CHECKING:
    from pydantic import GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

_Vocabulary = TypeVar("_Vocabulary", bound=type[StrEnum])


def described(text: str) -> Callable[[_Vocabulary], _Vocabulary]:
    """Give a closed vocabulary the Dutch text editors show for it (the description in its
    JSON Schema); the docstring stays for programmers."""

    def attach(vocabulary: _Vocabulary) -> _Vocabulary:
        def json_schema(cls: Any, schema: "CoreSchema", handler: "GetJsonSchemaHandler") -> "JsonSchemaValue":
            result = handler(schema)
            handler.resolve_ref_schema(result)["description"] = text
            return result

        vocabulary.__dutch__ = text  # type: ignore[attr-defined]
        vocabulary.__get_pydantic_json_schema__ = classmethod(json_schema)  # type: ignore[attr-defined]
        return vocabulary

    return attach


@described(
    "Waar een kind leeft: thuis, school, vrije_tijd en online (de vier van het stappenplan), en "
    "eventueel wijk."
)
class Leefdomein(StrEnum):
    """Where a child lives its life; the four of the method plus the optional wijk."""

    THUIS = "thuis"
    SCHOOL = "school"
    VRIJE_TIJD = "vrije_tijd"
    ONLINE = "online"
    WIJK = "wijk"


#: The four leefdomeinen every plan must reach (wijk is optional).
KERN_LEEFDOMEINEN: tuple[Leefdomein, ...] = (
    Leefdomein.THUIS,
    Leefdomein.SCHOOL,
    Leefdomein.VRIJE_TIJD,
    Leefdomein.ONLINE,
)


@described(
    "Ontwikkelgebied van een kind: cognitief, executief, sociaal en emotioneel (de vier van NP "
    "Onderwijs), en fysiek."
)
class Ontwikkelgebied(StrEnum):
    """Development areas: the four of NP Onderwijs plus fysiek."""

    COGNITIEF = "cognitief"
    EXECUTIEF = "executief"
    SOCIAAL = "sociaal"
    EMOTIONEEL = "emotioneel"
    FYSIEK = "fysiek"


#: The four NPO development areas every plan must address.
NPO_ONTWIKKELGEBIEDEN: tuple[Ontwikkelgebied, ...] = (
    Ontwikkelgebied.COGNITIEF,
    Ontwikkelgebied.EXECUTIEF,
    Ontwikkelgebied.SOCIAAL,
    Ontwikkelgebied.EMOTIONEEL,
)


@described(
    "Soort organisatie of groep die meedoet aan het plan. Ook: koepel, overleg (een bestuurlijk "
    "overleg als partner), kennisinstelling, bedrijf, afdeling (deel van een andere partner, met "
    "`onder`), schoollocatie (onder haar schoolbestuur) en open_groep (elke organisatie die "
    "aanvraagt)."
)
class PartnerSoort(StrEnum):
    """Kind of organisation or group that takes part in the plan."""

    GEMEENTE = "gemeente"
    SCHOOLBESTUUR = "schoolbestuur"
    SAMENWERKINGSVERBAND = "samenwerkingsverband"
    KINDEROPVANG = "kinderopvang"
    JGZ = "jgz"
    JEUGDHULP = "jeugdhulp"
    SOCIAAL_WERK = "sociaal_werk"
    WELZIJN = "welzijn"
    BIBLIOTHEEK = "bibliotheek"
    SPORT = "sport"
    CULTUUR = "cultuur"
    VERVOLGONDERWIJS = "vervolgonderwijs"
    JONGEREN = "jongeren"
    OUDERS = "ouders"
    KOEPEL = "koepel"  # an umbrella of organisations acting as one partner
    OVERLEG = "overleg"  # a bestuurlijk overleg or LEA table acting as a partner
    KENNISINSTELLING = "kennisinstelling"
    BEDRIJF = "bedrijf"
    AFDELING = "afdeling"  # part of an organisation, e.g. leerplicht of the gemeente (`onder`)
    SCHOOLLOCATIE = "schoollocatie"  # a school building under its schoolbestuur (`onder`, `brin`)
    OPEN_GROEP = "open_groep"  # "elke organisatie die aanvraagt"
    OVERIG = "overig"


@described("Soort gebied: stadsdeel, wijk, dorp, kern, school, gemeente of regio.")
class GebiedSoort(StrEnum):
    """Kind of area a plan names once and refers to (samenplan.yaml `gebieden`)."""

    STADSDEEL = "stadsdeel"
    WIJK = "wijk"
    DORP = "dorp"
    KERN = "kern"
    SCHOOL = "school"
    GEMEENTE = "gemeente"
    REGIO = "regio"


@described(
    "Fase van het plan: concept, besluit, uitvoering of evaluatie. Hoe later de fase, hoe "
    "strenger de controle."
)
class Fase(StrEnum):
    """Phase of the plan; later phases are checked more strictly."""

    CONCEPT = "concept"
    BESLUIT = "besluit"
    UITVOERING = "uitvoering"
    EVALUATIE = "evaluatie"

    @property
    def rank(self) -> int:
        """Position in the order concept → besluit → uitvoering → evaluatie."""
        return list(Fase).index(self)


@described("Soort bron in de analyse: cijfers, signalen, gesprek of onderzoek.")
class BronSoort(StrEnum):
    """Kind of source used in the analysis (step 3)."""

    CIJFERS = "cijfers"
    SIGNALEN = "signalen"
    GESPREK = "gesprek"
    ONDERZOEK = "onderzoek"


@described(
    "maatschappelijk: verandert iets in het leven van kinderen; proces: gaat over hoe de "
    "partners samenwerken."
)
class ResultaatSoort(StrEnum):
    """A result that changes children's lives, or one about how partners work."""

    MAATSCHAPPELIJK = "maatschappelijk"
    PROCES = "proces"


@described("output telt hoeveel er gedaan is; outcome laat zien of kinderen en jongeren er beter van worden.")
class IndicatorSoort(StrEnum):
    """Output counts how much was done; outcome shows whether anyone is better off."""

    OUTPUT = "output"
    OUTCOME = "outcome"


@described("Hoe de interventie onderbouwd is: uit de databank, de NPO-menukaart, of een eigen onderbouwing.")
class OnderbouwingSoort(StrEnum):
    """How an interventie is substantiated."""

    DATABANK = "databank"
    MENUKAART = "menukaart"
    EIGEN = "eigen"


@described("Erkenningsniveau in de Databank Effectieve Jeugdinterventies.")
class Erkenningsniveau(StrEnum):
    """Levels of the Databank Effectieve Jeugdinterventies."""

    GOED_ONDERBOUWD = "goed_onderbouwd"
    EERSTE_AANWIJZINGEN = "effectief_eerste_aanwijzingen"
    GOEDE_AANWIJZINGEN = "effectief_goede_aanwijzingen"
    STERKE_AANWIJZINGEN = "effectief_sterke_aanwijzingen"


@described("Doelgebied van de NPO-menukaart, A tot en met F.")
class Doelgebied(StrEnum):
    """NPO menukaart doelgebieden A–F."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


@described("Soort bestaand beleid waarop het plan aansluit.")
class BeleidSoort(StrEnum):
    """Existing policy a plan connects to (step 1)."""

    LEA = "lea"
    JEUGDBELEID = "jeugdbeleid"
    ONDERSTEUNINGSPLAN = "ondersteuningsplan"
    VVE_GOAB = "vve_goab"
    SCHOOLPROGRAMMA_NPO = "schoolprogramma_npo"
    OVERIG = "overig"


@described("Soort overlegtafel: lea, oogo, bestuurlijk, werkgroep of overig.")
class OverlegSoort(StrEnum):
    """Kind of consultation table (step 2)."""

    LEA = "lea"
    OOGO = "oogo"
    BESTUURLIJK = "bestuurlijk"
    WERKGROEP = "werkgroep"
    OVERIG = "overig"


@described("Het orgaan dat voor een partner besluit.")
class Orgaan(StrEnum):
    """Body that takes the decision for a partner (step 2)."""

    COLLEGE = "college"
    RAAD = "raad"
    COLLEGE_VAN_BESTUUR = "college_van_bestuur"
    RAAD_VAN_TOEZICHT = "raad_van_toezicht"
    MR = "mr"
    GMR = "gmr"
    BESTUUR_SWV = "bestuur_swv"
    DIRECTIE = "directie"
    OVERIG = "overig"


@described("Soort moment: meetmoment, bijstuurmoment, rapportage of evaluatie.")
class MomentSoort(StrEnum):
    """Kind of meet- of bijstuurmoment (step 6)."""

    MEETMOMENT = "meetmoment"
    BIJSTUURMOMENT = "bijstuurmoment"
    RAPPORTAGE = "rapportage"
    EVALUATIE = "evaluatie"


@described("Hoe de besteding van een geldstroom verantwoord wordt.")
class VerantwoordingVorm(StrEnum):
    """How spending of a geldstroom is accounted for (step 6)."""

    SISA = "sisa"
    JAARVERSLAG = "jaarverslag"
    SUBSIDIEVERANTWOORDING = "subsidieverantwoording"
    OVERIG = "overig"


@described(
    "Soort jaren in de begroting: kalenderjaar (zoals in SiSa) of schooljaar "
    "(1 augustus tot en met 31 juli, zoals bij schoolbesturen)."
)
class Begrotingsjaren(StrEnum):
    """What the budget years of a geldstroom are: calendar years (SiSa) or school years."""

    KALENDERJAAR = "kalenderjaar"
    SCHOOLJAAR = "schooljaar"


@described("Hoe een interventie ervoor staat: gepland, loopt, afgerond of gestopt.")
class Status(StrEnum):
    """Progress status of an interventie (step 7)."""

    GEPLAND = "gepland"
    LOOPT = "loopt"
    AFGEROND = "afgerond"
    GESTOPT = "gestopt"


@described("laag, middel of hoog.")
class Niveau(StrEnum):
    """Three-point scale for kans and impact of a risico."""

    LAAG = "laag"
    MIDDEL = "middel"
    HOOG = "hoog"


@described("Ernst van een melding: fout, waarschuwing of info.")
class Ernst(StrEnum):
    """Severity names a user writes in samenplan.yaml: the Dutch labels of Severity."""

    FOUT = Severity.ERROR.label
    WAARSCHUWING = Severity.WARNING.label
    INFO = Severity.INFO.label


class BedragSoort(StrEnum):
    """How sure an amount is: exact, approximate, a bound, or unknown."""

    EXACT = "exact"
    ONGEVEER = "ongeveer"
    MINSTENS = "minstens"
    HOOGSTENS = "hoogstens"
    ONBEKEND = "onbekend"
