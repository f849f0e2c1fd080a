"""Stap 5: the interventies, their substantiation and their begroting."""

from typing import Annotated

from pydantic import Field, Strict

from samenplan.plan.models.common import (
    Bedrag,
    Begrotingsjaar,
    Datum,
    Geheel,
    Id,
    Model,
    Periode,
    Tekst,
    config,
)
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
    """Money from one geldstroom (or one of its posten) spent on this interventie."""

    model_config = config("Geld uit een geldstroom (of een post daarvan) voor deze interventie.")

    geldstroom: Id = Field(description="Id van de geldstroom (uit 02-samenwerking.yaml).")
    post: Id | None = Field(
        default=None, description="Id van de post van die geldstroom waaruit dit geld komt."
    )
    bestedingsdoel: Id | None = Field(
        default=None,
        description="Id van het bestedingsdoel van die geldstroom; mag weg als de post er een heeft.",
    )
    bedrag: Bedrag | None = Field(
        default=None,
        description="Bedrag in euro. Leeg = deze interventie krijgt er geld uit, maar hoeveel is onbekend.",
    )
    jaar: Begrotingsjaar | None = Field(
        default=None, description="Het kalenderjaar (2024) of schooljaar (2023-2024) van dit geld."
    )


class Toekenning(Model):
    """A granted application: this interventie is a subsidy granted from a plafond."""

    model_config = config("Een toegekende aanvraag: deze interventie is subsidie uit een plafond.")

    aanvrager: Id = Field(description="Id van de partner die de aanvraag deed.")
    datum: Datum | None = Field(default=None, description="Datum van de toekenning.")
    ronde: str = Field(default="", description="Naam van de ronde van de subsidieregeling.")
    toelichting: Tekst = Field(default="")


class Doorloop(Model):
    """An interventie that deliberately runs on after the plan or the money."""

    model_config = config("De interventie loopt door na het plan of na het geld.")

    tot: Datum | None = Field(
        default=None, description="Tot wanneer de interventie doorloopt; mag ook onbekend zijn."
    )
    reden: Tekst = Field(min_length=1, description="Waarom de interventie doorloopt.")
    bekostiging: str = Field(
        min_length=1, description="Waaruit de interventie dan betaald wordt, bijvoorbeeld eigen middelen."
    )


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
    trekkers: list[Id] = Field(
        default_factory=list,
        description="Ids van de partner of partners die de interventie trekken: [ggd, welzijn].",
    )
    partners: list[Id] = Field(default_factory=list, description="Ids van andere partners.")
    onderbouwing: list[Onderbouwing] = Field(
        default_factory=list,
        description="Waarom jullie verwachten dat de interventie werkt: een of meer onderbouwingen "
        "(databank, menukaart of eigen).",
    )
    periode: Periode | None = Field(default=None, description="Wanneer de interventie loopt.")
    doorloop: Doorloop | None = Field(
        default=None,
        description="De interventie loopt bewust door na het plan of na het geld: tot wanneer, "
        "waarom, en waarvan ze dan betaald wordt.",
    )
    bereik: Bereik | None = Field(
        default=None, description="Hoeveel kinderen, ouders of professionals de interventie bereikt."
    )
    gebieden: list[Id] = Field(
        default_factory=list,
        description="Ids van de gebieden (uit samenplan.yaml) waar de interventie loopt: wijk, "
        "dorp, stadsdeel of school.",
    )
    begroting: list[Begrotingsregel] = Field(
        default_factory=list,
        description="Het geld voor de interventie: per geldstroom (of post) en bestedingsdoel een bedrag.",
    )
    toekenning: Toekenning | None = Field(
        default=None, description="Als de interventie een toegekende subsidieaanvraag is: aan wie en wanneer."
    )


class Taak(Model):
    """Who covers which ontwikkelgebieden and leefdomeinen, also outside this plan's interventies."""

    model_config = config(
        "Wie welke ontwikkelgebieden en leefdomeinen voor zijn rekening neemt, ook buiten de "
        "interventies van dit plan (bijvoorbeeld de scholen met hun eigen NPO-schoolprogramma)."
    )

    wie: list[Id] = Field(min_length=1, description="Ids van de partners die dit doen.")
    ontwikkelgebieden: list[Ontwikkelgebied] = Field(
        default_factory=list, description="De ontwikkelgebieden die zij voor hun rekening nemen."
    )
    leefdomeinen: list[Leefdomein] = Field(
        default_factory=list, description="De leefdomeinen die zij voor hun rekening nemen."
    )
    toelichting: Tekst = Field(
        default="", description="Hoe en waarmee, bijvoorbeeld: uit hun eigen NPO-schoolprogramma."
    )


class Aanpak(Model):
    """Content of 05-aanpak.yaml."""

    model_config = config("Stap 5: Kies de passende aanpak.")

    interventies: list[Interventie] = Field(
        default_factory=list, description="De interventies van de aanpak."
    )
    samenhang: Tekst = Field(default="", description="Hoe de interventies samen één geheel vormen.")
    taakverdeling: list[Taak] = Field(
        default_factory=list,
        description="Wie welk ontwikkelgebied of leefdomein doet, ook buiten dit plan: dan telt "
        "de controle het als bereikt.",
    )
