"""Stap 6: metingen, meet- en bijstuurmomenten, bijsturing and verantwoording."""

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict, WithJsonSchema

from samenplan.plan.models.common import Bedrag, Begrotingsjaar, Datum, Id, Model, Tekst, config
from samenplan.plan.models.regeling import Kanaal
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


class Besteding(Model):
    """What was spent from a geldstroom on one bestedingsdoel in one year."""

    model_config = config("Wat er besteed is aan een bestedingsdoel in een jaar.")

    bestedingsdoel: Id | None = Field(
        default=None,
        description="Id van het bestedingsdoel van de geldstroom; leeg als het niet per doel "
        "is uitgesplitst.",
    )
    jaar: Begrotingsjaar | None = Field(
        default=None,
        description="Het kalenderjaar (2024) of schooljaar (2023-2024) waarin het geld besteed is.",
    )
    bedrag: Bedrag = Field(description="Het bedrag dat besteed is, in euro.")


def _onbekend_is_leeg(value: Any) -> Any:
    # `terugbetalen: onbekend` says in words what leaving the field out says.
    return None if isinstance(value, str) and value.strip().lower() == "onbekend" else value


class Restant(Model):
    """The money left at the end of the spending term."""

    model_config = config("Het geld dat aan het eind van de bestedingstermijn over is.")

    bedrag: Bedrag = Field(description="Hoeveel er over is, in euro.")
    terugbetalen: Annotated[
        Annotated[bool, Strict()] | None,
        BeforeValidator(_onbekend_is_leeg),
        WithJsonSchema(
            {
                "anyOf": [
                    {
                        "enum": [True, False, "onbekend"],
                        "errorMessage": "Deze waarde is niet toegestaan. Kies uit: true, false of onbekend.",
                    },
                    {"type": "null"},
                ]
            }
        ),
    ] = Field(
        default=None,
        description="true: het geld moet (misschien) terug; false: het mag blijven; "
        "onbekend of leeg: nog niet bekend.",
    )
    toelichting: Tekst = Field(default="", description="Uitleg, bijvoorbeeld wat er met het geld gebeurt.")


class Verantwoording(Model):
    """How spending from a geldstroom is accounted for."""

    model_config = config("Hoe de besteding van een geldstroom verantwoord wordt.")

    geldstroom: Id
    vorm: VerantwoordingVorm = Field(description="sisa, jaarverslag, subsidieverantwoording of overig.")
    deadline: Datum | None = Field(
        default=None, description="Uiterste datum van de verantwoording: een dag (2026-07-15), maand of jaar."
    )
    wie: list[Id] = Field(
        default_factory=list, description="Ids van de partners die verantwoorden: [gemeente]."
    )
    toelichting: Tekst = Field(default="")
    kanaal: Kanaal | None = Field(
        default=None,
        description="Hoe het geld binnenkomt: specifieke_uitkering, decentralisatie_uitkering, "
        "algemene_uitkering, bekostiging, subsidie, eigen_middelen of overig.",
    )
    kenmerk: str = Field(
        default="", description="SiSa-indicator of kenmerk van de beschikking, bijvoorbeeld 'H4A'."
    )
    uitvoerders: list[Id] = Field(
        default_factory=list, description="Ids van de partners die het werk doen en de cijfers leveren."
    )
    besteed: list[Besteding] = Field(
        default_factory=list, description="Wat er besteed is, per bestedingsdoel en jaar."
    )
    restant: Restant | None = Field(
        default=None, description="Wat er aan het eind van de bestedingstermijn over is."
    )


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
