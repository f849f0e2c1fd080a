"""Stap 1: the shared urgency, signals per partner, target groups, existing policy."""

from pydantic import Field

from samenplan.plan.models.common import Geheel, Id, Model, Tekst, config
from samenplan.plan.vocab import BeleidSoort, Leefdomein, Ontwikkelgebied


class Signaal(Model):
    """What one partner sees happening to children."""

    model_config = config("Wat een partner ziet bij kinderen en jongeren.")

    partner: Id = Field(description="Id van de partner (uit 02-samenwerking.yaml).")
    signaal: Tekst = Field(description="Wat deze partner ziet.")
    leefdomeinen: list[Leefdomein] = Field(
        default_factory=list, description="Leefdomeinen waar het signaal over gaat."
    )
    ontwikkelgebieden: list[Ontwikkelgebied] = Field(
        default_factory=list, description="Ontwikkelgebieden waar het signaal over gaat."
    )


class Leeftijd(Model):
    """An age range in years."""

    model_config = config("Leeftijd in jaren, van en tot en met.")

    van: Geheel = Field(ge=-1, le=120, description="Laagste leeftijd (-1 = voor de geboorte).")
    tot: Geheel = Field(ge=0, le=120, description="Hoogste leeftijd.")


class Doelgroep(Model):
    """A group the plan is for: children, young people, parents or professionals."""

    model_config = config("Een groep voor wie het plan is.")

    id: Id
    naam: str = Field(min_length=1, description="Naam van de doelgroep.")
    leeftijd: Leeftijd | None = Field(
        default=None, description="Leeftijd; leeg voor ouders of professionals."
    )
    omschrijving: Tekst = Field(default="", description="Wie er bij deze groep horen.")
    gebieden: list[Id] = Field(
        default_factory=list, description="Ids van de gebieden (uit samenplan.yaml) waar dit speelt."
    )


class BestaandBeleid(Model):
    """Existing policy the plan connects to."""

    model_config = config("Bestaand beleid waarop het plan aansluit.")

    naam: str = Field(min_length=1, description="Naam van het beleid of plan.")
    soort: BeleidSoort = Field(description="Soort beleid.")
    omschrijving: Tekst = Field(default="", description="Hoe dit plan erop aansluit.")
    link: str = Field(default="", description="Link naar het document.")


class Urgentie(Model):
    """Content of 01-urgentie.yaml."""

    model_config = config("Stap 1: Zoek naar de gezamenlijkheid in de urgentie.")

    aanleiding: Tekst = Field(default="", description="Waarom dit plan er komt.")
    signalen: list[Signaal] = Field(
        default_factory=list, description="Wat iedere partner ziet bij kinderen en jongeren."
    )
    gedeelde_urgentie: Tekst = Field(
        default="", description="De urgentie die alle partners samen onderschrijven."
    )
    doelgroepen: list[Doelgroep] = Field(default_factory=list, description="Voor wie het plan is.")
    bestaand_beleid: list[BestaandBeleid] = Field(
        default_factory=list, description="Beleid waarop het plan aansluit."
    )
