"""Stap 3: sources, findings, existing offer, white spots and the joint interpretation."""

from pydantic import Field

from samenplan.plan.models.common import Datum, Getal, Id, Model, Tekst, config
from samenplan.plan.vocab import BronSoort, Leefdomein, Ontwikkelgebied


class Bron(Model):
    """A source of figures, signals or conversations."""

    model_config = config("Een bron van cijfers, signalen of gesprekken.")

    id: Id
    naam: str = Field(min_length=1, description="Naam van de bron.")
    soort: BronSoort = Field(description="cijfers, signalen, gesprek of onderzoek.")
    peildatum: Datum | None = Field(default=None, description="Datum waarop de gegevens gelden.")
    link: str = Field(default="", description="Link naar de bron.")


class Vergelijking(Model):
    """A reference value to compare a figure with."""

    model_config = config("Een waarde om mee te vergelijken.")

    waarde: Getal
    met: str = Field(min_length=1, description="Waarmee vergeleken: regio, Nederland, vorig jaar.")


class Cijfer(Model):
    """A figure behind a finding."""

    model_config = config("Een cijfer bij een bevinding.")

    waarde: Getal
    eenheid: str = Field(default="", description="Eenheid, bijvoorbeeld '%' of 'leerlingen'.")
    vergelijkingen: list[Vergelijking] = Field(
        default_factory=list,
        description="Waarden om dit cijfer mee te vergelijken, bijvoorbeeld landelijk, de regio "
        "of vorig jaar.",
    )


class Bevinding(Model):
    """What the werkgroep concludes from the sources."""

    model_config = config("Wat de werkgroep uit de bronnen concludeert.")

    id: Id
    tekst: Tekst = Field(description="De bevinding.")
    doelgroepen: list[Id] = Field(default_factory=list, description="Ids van doelgroepen.")
    leefdomeinen: list[Leefdomein] = Field(
        default_factory=list,
        description="In welke leefdomeinen dit speelt: thuis, school, vrije_tijd, online, wijk.",
    )
    ontwikkelgebieden: list[Ontwikkelgebied] = Field(
        default_factory=list,
        description="Welke ontwikkelgebieden het raakt: cognitief, executief, sociaal, emotioneel, fysiek.",
    )
    bronnen: list[Id] = Field(default_factory=list, description="Ids van de bronnen.")
    gebieden: list[Id] = Field(
        default_factory=list, description="Ids van de gebieden (uit samenplan.yaml) waar dit speelt."
    )
    cijfer: Cijfer | None = Field(default=None, description="Het cijfer waarop de bevinding steunt.")
    geparkeerd: Tekst = Field(
        default="", description="Reden waarom het plan deze bevinding (nog) niet oppakt."
    )


class Aanbod(Model):
    """Existing offer for children and young people."""

    model_config = config("Bestaand aanbod voor kinderen en jongeren.")

    naam: str = Field(min_length=1, description="Naam van het aanbod.")
    aanbieder: Id | None = Field(default=None, description="Id van de partner die het aanbiedt.")
    leefdomeinen: list[Leefdomein] = Field(
        default_factory=list,
        description="In welke leefdomeinen dit speelt: thuis, school, vrije_tijd, online, wijk.",
    )
    omschrijving: Tekst = Field(default="")


class Analyse(Model):
    """Content of 03-analyse.yaml."""

    model_config = config("Stap 3: Verzamel gegevens en analyseer en interpreteer ze gezamenlijk.")

    bronnen: list[Bron] = Field(default_factory=list, description="Gebruikte bronnen.")
    bevindingen: list[Bevinding] = Field(default_factory=list, description="Bevindingen.")
    bestaand_aanbod: list[Aanbod] = Field(default_factory=list, description="Wat er al is.")
    witte_vlekken: list[Tekst] = Field(default_factory=list, description="Wat er nog ontbreekt.")
    duiding: Tekst = Field(default="", description="Wat de cijfers samen betekenen.")
