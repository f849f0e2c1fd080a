"""samenplan.yaml: what plan this is, its phase and local settings."""

from pydantic import Field

from samenplan.plan.models.common import CbsCode, Geheel, Id, Model, Periode, config
from samenplan.plan.models.regeling import Regeling
from samenplan.plan.vocab import Ernst, Fase, GebiedSoort

FORMAAT_VERSIE = 1


class Gemeente(Model):
    """A municipality the plan is for."""

    model_config = config("Een gemeente waarvoor het plan geldt.")

    naam: str = Field(min_length=1, description="Naam van de gemeente.")
    cbs_code: CbsCode | None = Field(default=None, description="CBS-gemeentecode, bijvoorbeeld GM0363.")


class Gebied(Model):
    """An area the plan names once: a stadsdeel, wijk, dorp, kern, school, gemeente or regio."""

    model_config = config("Een gebied waarnaar het plan verwijst: stadsdeel, wijk, dorp, school.")

    id: Id
    naam: str = Field(min_length=1, description="Naam van het gebied.")
    soort: GebiedSoort | None = Field(
        default=None,
        description="Soort gebied: stadsdeel, wijk, dorp, kern, school, gemeente of regio.",
    )
    binnen: Id | None = Field(default=None, description="Id van het grotere gebied waarin dit gebied ligt.")


class Controle(Model):
    """Local settings for samenplan check."""

    model_config = config("Instellingen voor 'samenplan check'.")

    regels_uit: list[str] = Field(
        default_factory=list,
        description="Regels die niet gecontroleerd worden: code (SP101) of naam.",
    )
    ernst: dict[str, Ernst] = Field(
        default_factory=dict,
        description="Andere ernst per regel: fout, waarschuwing of info.",
    )
    min_leefdomeinen: Geheel = Field(
        default=2, ge=1, le=5, description="Minimaal aantal leefdomeinen per interventie."
    )


class Manifest(Model):
    """The manifest of a plan folder."""

    model_config = config("Het hoofdbestand van een samenplan: welk plan, welke fase.")

    formaatversie: Geheel = Field(
        ge=1,
        le=FORMAAT_VERSIE,
        description="Versie van het samenplan-formaat; nu 1.",
    )
    titel: str = Field(min_length=1, description="Titel van het plan.")
    gemeenten: list[Gemeente] = Field(
        min_length=1, description="De gemeente of gemeenten waarvoor het plan geldt."
    )
    regio: str = Field(default="", description="Naam van de regio, als het plan regionaal is.")
    periode: Periode = Field(description="Looptijd van het plan.")
    fase: Fase = Field(description="Fase van het plan: concept, besluit, uitvoering of evaluatie.")
    gebieden: list[Gebied] = Field(
        default_factory=list,
        description="De gebieden van het plan (wijken, dorpen, scholen), één keer benoemd; "
        "doelgroepen, bevindingen, interventies en posten verwijzen ernaar.",
    )
    regelingen: list[Regeling] = Field(
        default_factory=list,
        description="Eigen regelingen naast de meegeleverde catalogus (eigen budget, subsidie).",
    )
    controle: Controle = Field(default_factory=Controle, description="Instellingen voor de controle.")
