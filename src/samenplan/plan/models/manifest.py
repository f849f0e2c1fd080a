"""samenplan.yaml: what plan this is, its phase and local settings."""

from typing import Any

from pydantic import Field

from samenplan.plan.models.common import Bedrag, CbsCode, Datum, Geheel, Id, Model, Periode, Tekst, config
from samenplan.plan.models.regeling import Regeling
from samenplan.plan.vocab import Ernst, Fase, GebiedSoort

#: The formaatversie this samenplan reads; an older plan is updated by `samenplan migrate`.
FORMAAT_VERSIE = 2


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


class Kader(Model):
    """A wider frame the plan belongs to: the LEA, an onderwijsagenda, a beleidskader."""

    model_config = config(
        "Een kader waar dit plan bij hoort: de Lokale Educatieve Agenda (LEA), een "
        "onderwijsagenda of een ander beleidskader."
    )

    naam: str = Field(
        min_length=1, description="Naam van het kader, bijvoorbeeld 'Lokale Educatieve Agenda 2022-2026'."
    )
    link: str = Field(default="", description="Waar het kader te vinden is: een webadres of een vindplaats.")


class Gerelateerd(Model):
    """A related project with its own budget, outside this plan (never in its sums)."""

    model_config = config(
        "Een project dat met dit plan samenhangt maar een eigen budget heeft, buiten dit plan. "
        "Het budget telt niet mee in het geld van het plan."
    )

    naam: str = Field(min_length=1, description="Naam van het project.")
    budget: Bedrag | None = Field(
        default=None, description="Het eigen budget van het project in euro; niet ingevuld is onbekend."
    )
    toelichting: Tekst = Field(default="", description="Hoe het project met dit plan samenhangt.")


class Wijziging(Model):
    """One change to the plan after it was decided."""

    model_config = config("Een wijziging van het plan: wanneer, en wat er veranderde.")

    datum: Datum = Field(description="Datum van de wijziging (JJJJ-MM-DD).")
    wat: Tekst = Field(min_length=1, description="Wat er veranderde, in een zin.")


def _one_version(schema: dict[str, Any]) -> None:
    """In the editor's schema the one formaatversie is a const with a Dutch message; the
    YAML language server would show 'Value is below the minimum of 2' for the bounds."""
    schema.pop("minimum", None)
    schema.pop("maximum", None)
    schema["const"] = FORMAAT_VERSIE
    schema["errorMessage"] = (
        f"Deze samenplan leest formaatversie {FORMAAT_VERSIE}. Staat hier 1, werk het plan dan bij "
        "met 'samenplan migrate'; staat hier een hoger getal, werk samenplan bij."
    )


class Manifest(Model):
    """The manifest of a plan folder."""

    model_config = config("Het hoofdbestand van een samenplan: welk plan, welke fase.")

    formaatversie: Geheel = Field(
        ge=FORMAAT_VERSIE,
        le=FORMAAT_VERSIE,
        description="Versie van het samenplan-formaat; nu 2. Een plan in formaatversie 1 werk je "
        "bij met 'samenplan migrate'.",
        json_schema_extra=_one_version,
    )
    titel: str = Field(min_length=1, description="Titel van het plan.")
    gemeenten: list[Gemeente] = Field(
        min_length=1, description="De gemeente of gemeenten waarvoor het plan geldt."
    )
    regio: str = Field(default="", description="Naam van de regio, als het plan regionaal is.")
    periode: Periode | None = Field(
        default=None,
        description="Looptijd van het plan. In een concept mag die nog ontbreken of (deels) onbekend "
        "zijn; vanaf de fase besluit meldt check dat.",
    )
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
    kader: list[Kader] = Field(
        default_factory=list,
        description="De kaders waar dit plan bij hoort, zoals de Lokale Educatieve Agenda (LEA).",
    )
    gerelateerd: list[Gerelateerd] = Field(
        default_factory=list,
        description="Projecten die met dit plan samenhangen, met een eigen budget buiten dit plan.",
    )
    vastgesteld_op: Datum | None = Field(
        default=None, description="Datum waarop het plan is vastgesteld (JJJJ-MM-DD)."
    )
    wijzigingen: list[Wijziging] = Field(
        default_factory=list, description="Wijzigingen van het plan na het vaststellen, met datum."
    )
    vervolg: Tekst = Field(
        default="", description="Wat er na dit plan komt, bijvoorbeeld een vervolgplan in voorbereiding."
    )
