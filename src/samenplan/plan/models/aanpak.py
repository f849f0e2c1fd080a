"""Stap 5: the interventies, their substantiation and their begroting."""

from typing import Annotated

from pydantic import Field, Strict

from samenplan.plan.models.common import Bedrag, Geheel, Id, Jaar, Model, Periode, Tekst, config
from samenplan.plan.vocab import (
    Doelgebied,
    Erkenningsniveau,
    Leefdomein,
    OnderbouwingSoort,
    Ontwikkelgebied,
)


class Onderbouwing(Model):
    """Why the werkgroep expects the interventie to work."""

    model_config = config("Waarom je verwacht dat de interventie werkt.")

    soort: OnderbouwingSoort = Field(description="databank, menukaart of eigen.")
    niveau: Erkenningsniveau | None = Field(
        default=None, description="Erkenningsniveau in de Databank Effectieve Jeugdinterventies."
    )
    doelgebied: Doelgebied | None = Field(default=None, description="NPO-menukaart: A tot en met F.")
    toelichting: Tekst = Field(default="", description="Uitleg, verplicht bij 'eigen'.")


class Bereik(Model):
    """How many are reached (output)."""

    model_config = config("Hoeveel kinderen, ouders of professionals bereikt worden.")

    aantal: Geheel = Field(ge=0)
    eenheid: str = Field(default="kinderen", description="Wie geteld worden.")


class Begrotingsregel(Model):
    """Money from one geldstroom, for one bestedingsdoel, spent on this interventie."""

    model_config = config("Geld uit een geldstroom voor een bestedingsdoel.")

    geldstroom: Id = Field(description="Id van de geldstroom (uit 02-samenwerking.yaml).")
    bestedingsdoel: Id = Field(description="Id van het bestedingsdoel van die geldstroom.")
    bedrag: Bedrag
    jaar: Jaar | None = None
    reservering: Id | None = Field(default=None, description="Id van de reservering waaruit dit geld komt.")


class Interventie(Model):
    """One measure of the approach."""

    model_config = config("Een maatregel of activiteit van de aanpak.")

    id: Id
    naam: str = Field(min_length=1)
    omschrijving: Tekst = Field(default="")
    doelgroepen: list[Id] = Field(default_factory=list, description="Ids van doelgroepen.")
    leefdomeinen: list[Leefdomein] = Field(default_factory=list)
    ontwikkelgebieden: list[Ontwikkelgebied] = Field(default_factory=list)
    randvoorwaardelijk: Annotated[bool, Strict()] = Field(
        default=False,
        description=(
            "true voor een maatregel die de rest mogelijk maakt (samenwerking, "
            "professionalisering, coördinatie) en zelf geen leefdomein van kinderen raakt."
        ),
    )
    resultaten: list[Id] = Field(default_factory=list, description="Ids van resultaten.")
    trekker: Id | None = Field(default=None, description="Id van de partner die trekt.")
    partners: list[Id] = Field(default_factory=list, description="Ids van andere partners.")
    onderbouwing: Onderbouwing | None = None
    periode: Periode | None = None
    bereik: Bereik | None = None
    locaties: list[str] = Field(default_factory=list, description="Waar: wijk, dorp, stadsdeel of school.")
    begroting: list[Begrotingsregel] = Field(default_factory=list)


class Aanpak(Model):
    """Content of 05-aanpak.yaml."""

    model_config = config("Stap 5: Kies de passende aanpak.")

    interventies: list[Interventie] = Field(default_factory=list)
    samenhang: Tekst = Field(default="", description="Hoe de interventies samen één geheel vormen.")
