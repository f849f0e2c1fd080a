"""A validated plan: the manifest and the seven steps, plus the catalog it was read with."""

from dataclasses import dataclass

from samenplan.models.aanpak import Aanpak
from samenplan.models.analyse import Analyse
from samenplan.models.manifest import Manifest
from samenplan.models.meten import MetenEnBijsturen
from samenplan.models.regeling import Regeling
from samenplan.models.resultaten import Resultaten
from samenplan.models.samenwerking import Samenwerking
from samenplan.models.uitvoering import Uitvoering
from samenplan.models.urgentie import Urgentie


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
