"""Stap 7: planning, voortgang, communicatie, risico's and borging."""

from pydantic import Field

from samenplan.plan.models.common import Bedrag, Datum, Id, Model, Tekst, config
from samenplan.plan.vocab import Niveau, Status


class Mijlpaal(Model):
    """A milestone of an interventie."""

    model_config = config("Een mijlpaal.")

    datum: Datum
    omschrijving: str = Field(min_length=1, description="Wat er op die datum klaar is of begint.")


class Planning(Model):
    """When an interventie runs."""

    model_config = config("Wanneer een interventie loopt.")

    interventie: Id = Field(description="Id van de interventie (uit 05-aanpak.yaml).")
    start: Datum
    eind: Datum
    mijlpalen: list[Mijlpaal] = Field(
        default_factory=list, description="Belangrijke momenten in de uitvoering."
    )


class Voortgang(Model):
    """Progress of an interventie at a date."""

    model_config = config("Hoe een interventie ervoor staat.")

    interventie: Id
    datum: Datum
    status: Status = Field(description="gepland, loopt, afgerond of gestopt.")
    toelichting: Tekst = Field(default="")
    besteed: Bedrag | None = Field(default=None, description="Tot nu toe uitgegeven, in euro.")


class Communicatie(Model):
    """Who hears what, how and when."""

    model_config = config("Wie wat hoort, hoe en wanneer.")

    publiek: str = Field(min_length=1, description="Voor wie, bijvoorbeeld 'ouders'.")
    middel: str = Field(default="", description="Hoe, bijvoorbeeld 'nieuwsbrief'.")
    moment: str = Field(default="", description="Wanneer.")


class Risico(Model):
    """A risk to the plan and what is done about it."""

    model_config = config("Een risico en de maatregel.")

    omschrijving: Tekst = Field(description="Wat er mis kan gaan.")
    kans: Niveau = Field(description="Hoe groot de kans is: laag, middel of hoog.")
    impact: Niveau = Field(description="Hoe groot de gevolgen zijn: laag, middel of hoog.")
    maatregel: Tekst = Field(default="")
    eigenaar: Id | None = Field(default=None, description="Id van de partner.")
    interventies: list[Id] = Field(
        default_factory=list, description="Ids van de interventies waarover dit risico gaat."
    )


class Uitvoering(Model):
    """Content of 07-uitvoering.yaml."""

    model_config = config("Stap 7: Voer het plan uit.")

    planning: list[Planning] = Field(
        default_factory=list, description="Wanneer elke interventie loopt, met mijlpalen."
    )
    voortgang: list[Voortgang] = Field(default_factory=list, description="Hoe elke interventie ervoor staat.")
    communicatie: list[Communicatie] = Field(
        default_factory=list, description="Wie wat hoort, hoe en wanneer."
    )
    risicos: list[Risico] = Field(
        default_factory=list, description="Wat er mis kan gaan, en wat jullie dan doen."
    )
    borging: Tekst = Field(default="", description="Hoe het doorgaat als het geld op is.")
