"""Stap 2: partners, werkgroep, overleg, decision route, participation, geldstromen."""

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict
from pydantic_core import PydanticCustomError

from samenplan.plan.models.common import Bedrag, Datum, Id, Model, Periode, Tekst, config
from samenplan.plan.vocab import Begrotingsjaren, Orgaan, OverlegSoort, PartnerSoort

#: A BRIN number: two digits and two letters or digits (12AB); a vestiging adds two digits (12AB00).
BRIN_PATTERN = r"^[0-9]{2}[A-Za-z0-9]{2}([0-9]{2})?$"
_BRIN_RE = re.compile(BRIN_PATTERN)


def _check_brin(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        text = value.strip()
        if not _BRIN_RE.match(text):
            raise PydanticCustomError("brin_ongeldig", "'{value}' is geen BRIN-nummer", {"value": value})
        return text.upper()
    return value


Brin = Annotated[
    str,
    Field(pattern=BRIN_PATTERN),  # before the validator, as for Id (models/common.py)
    BeforeValidator(_check_brin),
    Field(json_schema_extra={"pattern": BRIN_PATTERN}),
]


class Partner(Model):
    """An organisation or group that takes part."""

    model_config = config("Een organisatie of groep die meedoet.")

    id: Id
    naam: str = Field(min_length=1, description="Naam van de organisatie.")
    soort: PartnerSoort = Field(description="Soort partner.")
    rol: Tekst = Field(default="", description="Wat deze partner in het plan doet.")
    onder: Id | None = Field(
        default=None,
        description="Id van de partner waar deze partner deel van is: een afdeling onder de "
        "gemeente, een schoollocatie onder haar schoolbestuur.",
    )
    brin: Brin | None = Field(
        default=None,
        description="BRIN-nummer van een school of schoolbestuur: 4 tekens (12AB), of 6 voor "
        "een vestiging (12AB00).",
    )


class Werkgroeplid(Model):
    """A member of the werkgroep that writes the plan."""

    model_config = config("Een lid van de werkgroep.")

    naam: str = Field(min_length=1, description="Naam of functie van het lid.")
    partner: Id = Field(description="Id van de partner waarvoor dit lid werkt.")
    functie: str = Field(default="", description="Functie of rol in de werkgroep.")


class Overleg(Model):
    """A consultation table where partners meet."""

    model_config = config("Een overlegtafel.")

    naam: str = Field(min_length=1, description="Naam van het overleg.")
    soort: OverlegSoort = Field(description="Soort overleg.")
    deelnemers: list[Id] = Field(default_factory=list, description="Ids van de partners.")
    frequentie: str = Field(default="", description="Hoe vaak het overleg is.")
    besluit_over: Tekst = Field(default="", description="Waarover dit overleg besluit.")


class Besluit(Model):
    """Where a partner takes its decision on the plan."""

    model_config = config("Hoe een partner besluit over het plan.")

    partner: Id = Field(description="Id van de partner.")
    orgaan: Orgaan = Field(description="Wie besluit.")
    wat: Tekst = Field(default="", description="Waarover besloten wordt.")
    datum: Datum | None = Field(default=None, description="Geplande datum van het besluit.")


class Participatie(Model):
    """How young people and parents take part."""

    model_config = config("Hoe jongeren en ouders meedoen.")

    jongeren: Tekst = Field(default="", description="Hoe kinderen en jongeren meedoen.")
    ouders: Tekst = Field(default="", description="Hoe ouders meedoen.")


class Post(Model):
    """A budget line of a geldstroom (per thema, pijler, sector or school); interventies draw from it."""

    model_config = config(
        "Een post van de geldstroom: geld voor een thema, pijler, sector of school. Interventies "
        "halen er geld uit met `post:` in hun begroting. Bij een subsidieregeling is een post een plafond."
    )

    id: Id
    naam: str = Field(min_length=1, description="Waarvoor het geld is, bijvoorbeeld 'Taal en lezen'.")
    bedrag: Bedrag = Field(description="Bedrag in euro; mag 'onbekend' of 'ongeveer ...' zijn.")
    bestedingsdoel: Id | None = Field(default=None, description="Bestedingsdoel, als dat vastligt.")
    gebied: Id | None = Field(default=None, description="Id van het gebied waarvoor het geld is.")
    partner: Id | None = Field(
        default=None, description="Id van de partner van wie dit budget is, bijvoorbeeld een school."
    )
    open: Annotated[bool, Strict()] = Field(
        default=False,
        description="true als er nog ruimte is: aanvragen kan nog (een open pot).",
    )
    toelichting: Tekst = Field(default="")


class Verdeelpost(Model):
    """One line of a view on how a geldstroom is split."""

    model_config = config("Een post in een verdeling.")

    naam: str = Field(min_length=1, description="Naam van de post, bijvoorbeeld 'po'.")
    bedrag: Bedrag = Field(description="Bedrag in euro; mag 'onbekend' of 'ongeveer ...' zijn.")


class Verdeling(Model):
    """A view on a geldstroom (per sector, per thema); never added to the allocation."""

    model_config = config("Een indeling van het geld (per sector, per thema); telt niet mee.")

    naam: str = Field(min_length=1, description="Naam van de indeling, bijvoorbeeld 'per sector'.")
    posten: list[Verdeelpost] = Field(
        default_factory=list, description="De posten van deze verdeling, elk met een bedrag."
    )


class Ronde(Model):
    """An application round of a local subsidieregeling."""

    model_config = config("Een aanvraagronde van de subsidieregeling.")

    naam: str = Field(min_length=1, description="Naam van de ronde, bijvoorbeeld 'Eerste ronde'.")
    tot: Datum | None = Field(default=None, description="Tot wanneer aanvragen kan (de deadline).")
    toelichting: Tekst = Field(default="")


class Subsidie(Model):
    """A geldstroom that is a local subsidieregeling: its posten are then the plafonds."""

    model_config = config(
        "Deze geldstroom is een lokale subsidieregeling of een menu van aanbod; de posten zijn "
        "dan de subsidieplafonds."
    )

    aanvragers: Tekst = Field(default="", description="Wie een aanvraag mag doen.")
    voorwaarden: Tekst = Field(default="", description="Onder welke voorwaarden.")
    rondes: list[Ronde] = Field(default_factory=list, description="De aanvraagrondes of deadlines.")
    herverdeling: Tekst = Field(
        default="", description="Of en hoe geld dat over is in een plafond naar een ander plafond mag."
    )
    toelichting: Tekst = Field(default="")


class Verlenging(Model):
    """A geldstroom's spending term extended, with the source of the extension."""

    model_config = config("De bestedingstermijn is verlengd: tot wanneer, en waar dat staat.")

    tot: Datum = Field(description="Nieuw einde van de bestedingstermijn, bijvoorbeeld 2025-07-31.")
    bron: str = Field(
        min_length=1,
        description="Waar de verlenging staat: de wijziging van de regeling, een brief of beschikking "
        "(link of vindplaats).",
    )
    toelichting: Tekst = Field(default="", description="Wat de verlenging betekent voor dit plan.")


class Geldstroom(Model):
    """Money at hand: how much, from which regeling, for which bestedingsdoelen."""

    model_config = config("Geld dat beschikbaar is, uit een regeling, voor bestedingsdoelen.")

    id: Id
    naam: str = Field(min_length=1, description="Naam van de geldstroom.")
    regeling: Id = Field(description="Id van de regeling (catalogus of eigen regeling).")
    ontvanger: Id = Field(description="Id van de partner die het geld ontvangt.")
    voor: list[Id] = Field(
        default_factory=list,
        description="Ids van de partners namens wie de ontvanger het geld ontvangt (als penvoerder).",
    )
    bedrag: Bedrag = Field(
        description="Bedrag in euro; mag 'onbekend', 'ongeveer 1.500.000' of 'minstens ...' zijn."
    )
    periode: Periode | None = Field(
        default=None, description="Bestedingsperiode; leeg = de periode van de regeling."
    )
    verlenging: Verlenging | None = Field(
        default=None,
        description="De bestedingstermijn is verlengd: het nieuwe einde (tot) en de bron van de verlenging.",
    )
    begrotingsjaren: Begrotingsjaren = Field(
        default=Begrotingsjaren.KALENDERJAAR,
        description="Of de jaren in de begroting kalenderjaren zijn (zoals in SiSa) of schooljaren "
        "(2023-2024, zoals bij schoolbesturen).",
    )
    bestedingsdoelen: list[Id] = Field(
        default_factory=list, description="Ids van de bestedingsdoelen waaraan het geld gaat."
    )
    posten: list[Post] = Field(
        default_factory=list,
        description=(
            "De posten van deze geldstroom: geld per thema, pijler, sector of school. Een post "
            "telt één keer; de begrotingsregels die eruit komen, tellen daarbinnen."
        ),
    )
    verdelingen: list[Verdeling] = Field(
        default_factory=list, description="Andere indelingen van hetzelfde geld; tellen nooit op."
    )
    subsidie: Subsidie | None = Field(
        default=None,
        description="Als deze geldstroom een lokale subsidieregeling is: wie aanvraagt, voorwaarden, rondes.",
    )
    toelichting: Tekst = Field(default="")


class Samenwerking(Model):
    """Content of 02-samenwerking.yaml."""

    model_config = config("Stap 2: Organiseer de samenwerking en besluitvorming.")

    partners: list[Partner] = Field(default_factory=list, description="Wie meedoen.")
    werkgroep: list[Werkgroeplid] = Field(default_factory=list, description="Wie het plan schrijven.")
    overleg: list[Overleg] = Field(default_factory=list, description="Overlegtafels.")
    besluitvorming: list[Besluit] = Field(default_factory=list, description="Hoe iedere partner besluit.")
    participatie: Participatie = Field(
        default_factory=Participatie, description="Hoe jongeren en ouders meedoen."
    )
    geldstromen: list[Geldstroom] = Field(default_factory=list, description="Het beschikbare geld.")
