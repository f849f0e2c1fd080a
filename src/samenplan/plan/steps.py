"""The seven steps of the NJi stappenplan and the manifest: the single source of truth.

Loader, scaffold, schema, render and docs all derive from ``DOCUMENTS``.
"""

from dataclasses import dataclass

from pydantic import BaseModel

from samenplan.plan.models.aanpak import Aanpak
from samenplan.plan.models.analyse import Analyse
from samenplan.plan.models.manifest import Manifest
from samenplan.plan.models.meten import MetenEnBijsturen
from samenplan.plan.models.resultaten import Resultaten
from samenplan.plan.models.samenwerking import Samenwerking
from samenplan.plan.models.uitvoering import Uitvoering
from samenplan.plan.models.urgentie import Urgentie


@dataclass(frozen=True)
class Document:
    """One YAML file of a plan folder."""

    number: int  # 0 for the manifest, 1–7 for the steps
    slug: str
    file: str
    title: str
    model: type[BaseModel]

    @property
    def label(self) -> str:
        """How the document is named to users: 'Stap 3' or 'Manifest'."""
        return f"Stap {self.number}" if self.number else "Manifest"


MANIFEST = Document(0, "manifest", "samenplan.yaml", "Over dit plan", Manifest)

STEPS: tuple[Document, ...] = (
    Document(1, "urgentie", "01-urgentie.yaml", "Zoek naar de gezamenlijkheid in de urgentie", Urgentie),
    Document(
        2,
        "samenwerking",
        "02-samenwerking.yaml",
        "Organiseer de samenwerking en besluitvorming",
        Samenwerking,
    ),
    Document(
        3,
        "analyse",
        "03-analyse.yaml",
        "Verzamel gegevens en analyseer en interpreteer ze gezamenlijk",
        Analyse,
    ),
    Document(
        4, "resultaten", "04-resultaten.yaml", "Formuleer concrete maatschappelijke resultaten", Resultaten
    ),
    Document(5, "aanpak", "05-aanpak.yaml", "Kies de passende aanpak", Aanpak),
    Document(
        6,
        "meten_en_bijsturen",
        "06-meten-en-bijsturen.yaml",
        "Maak afspraken over meten en bijsturen",
        MetenEnBijsturen,
    ),
    Document(7, "uitvoering", "07-uitvoering.yaml", "Voer het plan uit", Uitvoering),
)

DOCUMENTS: tuple[Document, ...] = (MANIFEST, *STEPS)

BY_SLUG: dict[str, Document] = {d.slug: d for d in DOCUMENTS}
BY_FILE: dict[str, Document] = {d.file: d for d in DOCUMENTS}
