"""Closed vocabularies of the plan format (plan-method.md, "Closed vocabularies")."""

from enum import StrEnum

from samenplan.diagnostics import Severity


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


class GebiedSoort(StrEnum):
    """Kind of area a plan names once and refers to (samenplan.yaml `gebieden`)."""

    STADSDEEL = "stadsdeel"
    WIJK = "wijk"
    DORP = "dorp"
    KERN = "kern"
    SCHOOL = "school"
    GEMEENTE = "gemeente"
    REGIO = "regio"


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


class BronSoort(StrEnum):
    """Kind of source used in the analysis (step 3)."""

    CIJFERS = "cijfers"
    SIGNALEN = "signalen"
    GESPREK = "gesprek"
    ONDERZOEK = "onderzoek"


class ResultaatSoort(StrEnum):
    """A result that changes children's lives, or one about how partners work."""

    MAATSCHAPPELIJK = "maatschappelijk"
    PROCES = "proces"


class IndicatorSoort(StrEnum):
    """Output counts how much was done; outcome shows whether anyone is better off."""

    OUTPUT = "output"
    OUTCOME = "outcome"


class OnderbouwingSoort(StrEnum):
    """How an interventie is substantiated."""

    DATABANK = "databank"
    MENUKAART = "menukaart"
    EIGEN = "eigen"


class Erkenningsniveau(StrEnum):
    """Levels of the Databank Effectieve Jeugdinterventies."""

    GOED_ONDERBOUWD = "goed_onderbouwd"
    EERSTE_AANWIJZINGEN = "effectief_eerste_aanwijzingen"
    GOEDE_AANWIJZINGEN = "effectief_goede_aanwijzingen"
    STERKE_AANWIJZINGEN = "effectief_sterke_aanwijzingen"


class Doelgebied(StrEnum):
    """NPO menukaart doelgebieden A–F."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class BeleidSoort(StrEnum):
    """Existing policy a plan connects to (step 1)."""

    LEA = "lea"
    JEUGDBELEID = "jeugdbeleid"
    ONDERSTEUNINGSPLAN = "ondersteuningsplan"
    VVE_GOAB = "vve_goab"
    SCHOOLPROGRAMMA_NPO = "schoolprogramma_npo"
    OVERIG = "overig"


class OverlegSoort(StrEnum):
    """Kind of consultation table (step 2)."""

    LEA = "lea"
    OOGO = "oogo"
    BESTUURLIJK = "bestuurlijk"
    WERKGROEP = "werkgroep"
    OVERIG = "overig"


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


class MomentSoort(StrEnum):
    """Kind of meet- of bijstuurmoment (step 6)."""

    MEETMOMENT = "meetmoment"
    BIJSTUURMOMENT = "bijstuurmoment"
    RAPPORTAGE = "rapportage"
    EVALUATIE = "evaluatie"


class VerantwoordingVorm(StrEnum):
    """How spending of a geldstroom is accounted for (step 6)."""

    SISA = "sisa"
    JAARVERSLAG = "jaarverslag"
    SUBSIDIEVERANTWOORDING = "subsidieverantwoording"
    OVERIG = "overig"


class Status(StrEnum):
    """Progress status of an interventie (step 7)."""

    GEPLAND = "gepland"
    LOOPT = "loopt"
    AFGEROND = "afgerond"
    GESTOPT = "gestopt"


class Niveau(StrEnum):
    """Three-point scale for kans and impact of a risico."""

    LAAG = "laag"
    MIDDEL = "middel"
    HOOG = "hoog"


class Ernst(StrEnum):
    """Severity names a user writes in samenplan.yaml: the Dutch labels of Severity."""

    FOUT = Severity.ERROR.label
    WAARSCHUWING = Severity.WARNING.label
    INFO = Severity.INFO.label
