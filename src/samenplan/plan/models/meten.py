"""Stap 6: metingen, meet- en bijstuurmomenten, bijsturing and verantwoording."""

from pydantic import Field

from samenplan.plan.models.common import Datum, Id, Model, Tekst, config
from samenplan.plan.vocab import MomentSoort, VerantwoordingVorm


class Meting(Model):
    """How and when an indicator is measured."""

    model_config = config("Hoe en wanneer een indicator gemeten wordt.")

    indicator: Id = Field(description="Id van de indicator (uit 04-resultaten.yaml).")
    frequentie: str = Field(default="", description="Hoe vaak, bijvoorbeeld 'jaarlijks'.")
    wie: Id | None = Field(default=None, description="Id van de partner die meet.")
    methode: Tekst = Field(default="")
    bron: Id | None = Field(default=None, description="Id van de bron (uit 03-analyse.yaml).")


class Moment(Model):
    """A moment to measure, report, evaluate or steer."""

    model_config = config("Een moment om te meten, rapporteren of bij te sturen.")

    datum: Datum
    soort: MomentSoort = Field(description="meetmoment, bijstuurmoment, rapportage of evaluatie.")
    wie: list[Id] = Field(default_factory=list, description="Ids van de partners.")
    wat: Tekst = Field(default="")


class Bijsturing(Model):
    """What the partners do when an indicator crosses a signal value."""

    model_config = config("Wat er gebeurt als een indicator een signaalwaarde haalt.")

    indicator: Id
    signaalwaarde: str = Field(min_length=1, description="Bijvoorbeeld 'onder 60%'.")
    actie: Tekst = Field(description="Wat de partners dan doen.")


class Verantwoording(Model):
    """How spending from a geldstroom is accounted for."""

    model_config = config("Hoe de besteding van een geldstroom verantwoord wordt.")

    geldstroom: Id
    vorm: VerantwoordingVorm = Field(description="sisa, jaarverslag, subsidieverantwoording of overig.")
    deadline: Datum | None = Field(
        default=None, description="Uiterste datum van de verantwoording: een dag (2026-07-15), maand of jaar."
    )
    wie: Id | None = Field(default=None, description="Id van de partner die verantwoordt.")
    toelichting: Tekst = Field(default="")


class MetenEnBijsturen(Model):
    """Content of 06-meten-en-bijsturen.yaml."""

    model_config = config("Stap 6: Maak afspraken over meten en bijsturen.")

    metingen: list[Meting] = Field(
        default_factory=list, description="Hoe en wanneer elke indicator gemeten wordt."
    )
    momenten: list[Moment] = Field(
        default_factory=list, description="De momenten om te meten, te rapporteren en bij te sturen."
    )
    bijsturing: list[Bijsturing] = Field(
        default_factory=list, description="Wat er gebeurt als een indicator een signaalwaarde haalt."
    )
    verantwoording: list[Verantwoording] = Field(
        default_factory=list, description="Hoe de besteding van elke geldstroom verantwoord wordt."
    )
