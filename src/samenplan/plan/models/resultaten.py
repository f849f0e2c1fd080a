"""Stap 4: concrete maatschappelijke resultaten with indicatoren."""

from pydantic import Field

from samenplan.plan.models.common import Id, Meetwaarde, Model, Tekst, config
from samenplan.plan.vocab import IndicatorSoort, Leefdomein, Ontwikkelgebied, ResultaatSoort


class Gemeten(Meetwaarde):
    """A value that was measured, with where it comes from."""

    model_config = config("Een gemeten waarde op een datum, met de bron.")

    bron: Id | None = Field(default=None, description="Id van de bron van deze meting (uit 03-analyse.yaml).")


class Indicator(Model):
    """How the werkgroep sees whether a resultaat is reached."""

    model_config = config("Waaraan je ziet dat het resultaat bereikt wordt.")

    id: Id
    naam: str = Field(min_length=1, description="Wat er gemeten wordt.")
    soort: IndicatorSoort = Field(
        default=IndicatorSoort.OUTCOME,
        description="outcome (gaat het beter?) of output (hoeveel gedaan?).",
    )
    eenheid: str = Field(default="", description="Eenheid, bijvoorbeeld '%'.")
    bron: Id | None = Field(default=None, description="Id van de bron (uit 03-analyse.yaml).")
    nulmeting: Meetwaarde | None = Field(default=None, description="Waarde bij de start.")
    metingen: list[Gemeten] = Field(
        default_factory=list,
        description="Gemeten waarden na de nulmeting, elk met waarde, datum en zo mogelijk de bron.",
    )
    tussendoelen: list[Meetwaarde] = Field(
        default_factory=list,
        description="Waarden die je onderweg wilt halen, bijvoorbeeld per jaar, elk met waarde en datum.",
    )
    streefwaarde: Meetwaarde | None = Field(default=None, description="Beoogde waarde en wanneer.")


class Resultaat(Model):
    """A concrete result the partners commit to."""

    model_config = config("Een concreet resultaat waaraan de partners zich verbinden.")

    id: Id
    ambitie: Tekst = Field(default="", description="'We willen dat meer kinderen …'")
    resultaat: Tekst = Field(description="Concreet: noem een percentage en een jaar.")
    soort: ResultaatSoort = Field(
        default=ResultaatSoort.MAATSCHAPPELIJK,
        description="maatschappelijk (voor kinderen) of proces (voor de samenwerking).",
    )
    doelgroepen: list[Id] = Field(default_factory=list, description="Ids van doelgroepen.")
    leefdomeinen: list[Leefdomein] = Field(
        default_factory=list, description="In welke leefdomeinen het resultaat te zien is."
    )
    ontwikkelgebieden: list[Ontwikkelgebied] = Field(
        default_factory=list, description="Welke ontwikkelgebieden het resultaat raakt."
    )
    bevindingen: list[Id] = Field(
        default_factory=list, description="Ids van de bevindingen waarop dit resultaat antwoordt."
    )
    indicatoren: list[Indicator] = Field(
        default_factory=list, description="Waaraan je ziet dat het resultaat bereikt wordt."
    )


class Resultaten(Model):
    """Content of 04-resultaten.yaml."""

    model_config = config("Stap 4: Formuleer concrete maatschappelijke resultaten.")

    resultaten: list[Resultaat] = Field(
        default_factory=list, description="De resultaten waaraan de partners zich verbinden."
    )
