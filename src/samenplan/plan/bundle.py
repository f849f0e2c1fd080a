"""A validated plan: the manifest and the seven steps, plus the catalog it was read with."""

from dataclasses import dataclass

from samenplan.plan.models.aanpak import Aanpak
from samenplan.plan.models.analyse import Analyse
from samenplan.plan.models.manifest import Manifest
from samenplan.plan.models.meten import MetenEnBijsturen
from samenplan.plan.models.regeling import Regeling
from samenplan.plan.models.resultaten import Resultaten
from samenplan.plan.models.samenwerking import Samenwerking
from samenplan.plan.models.uitvoering import Uitvoering
from samenplan.plan.models.urgentie import Urgentie


@dataclass(frozen=True)
class Plan:
    """All files of a plan folder, validated; field names are the step slugs."""

    manifest: Manifest
    urgentie: Urgentie
    samenwerking: Samenwerking
    analyse: Analyse
    resultaten: Resultaten
    aanpak: Aanpak
    meten_en_bijsturen: MetenEnBijsturen
    uitvoering: Uitvoering
    regelingen: dict[str, Regeling]  # catalog plus the plan's own, by id
