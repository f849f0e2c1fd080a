"""Stap 5: the interventies, their substantiation and their begroting."""

from typing import Annotated

from pydantic import Field, Strict

from samenplan.plan.models.common import Bedrag, Datum, Geheel, Id, Jaar, Model, Periode, Tekst, config
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


class Gerealiseerd(Model):
    """How many were actually reached, counted on a date."""

    model_config = config("Hoeveel er echt bereikt zijn, geteld op een datum.")

    aantal: Geheel = Field(ge=0, description="Hoeveel er tot die datum echt bereikt zijn.")
    datum: Datum = Field(description="Datum van de telling.")
    toelichting: Tekst = Field(default="", description="Uitleg, bijvoorbeeld hoe er geteld is.")


class Bereik(Model):
    """How many are reached (output)."""

    model_config = config("Hoeveel kinderen, ouders of professionals bereikt worden.")

    aantal: Geheel = Field(ge=0, description="Hoeveel er bereikt worden (gepland).")
    eenheid: str = Field(default="kinderen", description="Wie geteld worden.")
    gerealiseerd: list[Gerealiseerd] = Field(
        default_factory=list,
        description="Hoeveel er echt bereikt zijn, per telling met een datum.",
    )


class Begrotingsregel(Model):
    """Money from one geldstroom, for one bestedingsdoel, spent on this interventie."""

    model_config = config("Geld uit een geldstroom voor een bestedingsdoel.")

    geldstroom: Id = Field(description="Id van de geldstroom (uit 02-samenwerking.yaml).")
    bestedingsdoel: Id = Field(description="Id van het bestedingsdoel van die geldstroom.")
    bedrag: Bedrag
    jaar: Jaar | None = Field(default=None, description="Het kalenderjaar waarin dit geld besteed wordt.")
    reservering: Id | None = Field(default=None, description="Id van de reservering waaruit dit geld komt.")


class Interventie(Model):
    """One measure of the approach."""

    model_config = config("Een maatregel of activiteit van de aanpak.")

    id: Id
    naam: str = Field(
        min_length=1, description="Naam van de interventie, zoals die in het plandocument komt."
    )
    omschrijving: Tekst = Field(default="", description="Wat de interventie inhoudt.")
    doelgroepen: list[Id] = Field(default_factory=list, description="Ids van doelgroepen.")
    leefdomeinen: list[Leefdomein] = Field(
        default_factory=list,
        description="In welke leefdomeinen de interventie werkt: thuis, school, vrije_tijd, online, wijk.",
    )
    ontwikkelgebieden: list[Ontwikkelgebied] = Field(
        default_factory=list, description="Aan welke ontwikkelgebieden de interventie werkt."
    )
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
    onderbouwing: list[Onderbouwing] = Field(
        default_factory=list,
        description="Waarom jullie verwachten dat de interventie werkt: een of meer onderbouwingen "
        "(databank, menukaart of eigen).",
    )
    periode: Periode | None = Field(default=None, description="Wanneer de interventie loopt.")
    bereik: Bereik | None = Field(
        default=None, description="Hoeveel kinderen, ouders of professionals de interventie bereikt."
    )
    locaties: list[str] = Field(default_factory=list, description="Waar: wijk, dorp, stadsdeel of school.")
    begroting: list[Begrotingsregel] = Field(
        default_factory=list,
        description="Het geld voor de interventie: per geldstroom en bestedingsdoel een bedrag.",
    )


class Aanpak(Model):
    """Content of 05-aanpak.yaml."""

    model_config = config("Stap 5: Kies de passende aanpak.")

    interventies: list[Interventie] = Field(
        default_factory=list, description="De interventies van de aanpak."
    )
    samenhang: Tekst = Field(default="", description="Hoe de interventies samen één geheel vormen.")
