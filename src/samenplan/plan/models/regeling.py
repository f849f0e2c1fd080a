"""A funding regulation and its bestedingsdoelen: catalog entries and a plan's own."""

from enum import StrEnum

from pydantic import Field

from samenplan.plan.models.common import Id, Model, Periode, Tekst, config
from samenplan.plan.vocab import described


@described(
    "Hoe het geld bij de ontvanger komt: specifieke_uitkering (SPUK), "
    "decentralisatie_uitkering, algemene_uitkering, bekostiging, subsidie, eigen_middelen of overig."
)
class Kanaal(StrEnum):
    """How the money reaches its ontvanger."""

    SPECIFIEKE_UITKERING = "specifieke_uitkering"  # SPUK, verantwoord via SiSa
    DECENTRALISATIE_UITKERING = "decentralisatie_uitkering"  # gemeentefonds, for one task
    ALGEMENE_UITKERING = "algemene_uitkering"  # gemeentefonds, not earmarked
    BEKOSTIGING = "bekostiging"  # (aanvullende) bekostiging of schoolbesturen
    SUBSIDIE = "subsidie"
    EIGEN_MIDDELEN = "eigen_middelen"
    OVERIG = "overig"


#: Dutch label per kanaal, for lists and the plan document.
KANAAL_NAMEN: dict[Kanaal, str] = {
    Kanaal.SPECIFIEKE_UITKERING: "specifieke uitkering (SPUK)",
    Kanaal.DECENTRALISATIE_UITKERING: "decentralisatie-uitkering (gemeentefonds)",
    Kanaal.ALGEMENE_UITKERING: "algemene uitkering (gemeentefonds)",
    Kanaal.BEKOSTIGING: "bekostiging",
    Kanaal.SUBSIDIE: "subsidie",
    Kanaal.EIGEN_MIDDELEN: "eigen middelen",
    Kanaal.OVERIG: "overig",
}


@described(
    "Hoe zeker de lijst met bestedingsdoelen is: vastgesteld (uit de officiële tekst), "
    "niet_nagekeken (kan onvolledig zijn) of niet_geoormerkt (geld zonder oormerk)."
)
class DoelenStatus(StrEnum):
    """How far the list of bestedingsdoelen of a regeling can be trusted."""

    #: The list is complete: a doel outside it is not allowed (a plan's own regeling too).
    VASTGESTELD = "vastgesteld"
    #: The list comes from explanations, not from the official text: it may be incomplete.
    NIET_NAGEKEKEN = "niet_nagekeken"
    #: Not earmarked money (algemene uitkering): the list follows a letter; the raad decides.
    NIET_GEOORMERKT = "niet_geoormerkt"


class Bestedingsdoel(Model):
    """An allowed spending purpose of a regeling."""

    model_config = config("Een doel waaraan het geld van de regeling besteed mag worden.")

    id: Id = Field(description="Vaste id van het bestedingsdoel binnen de regeling.")
    naam: str = Field(description="Korte naam van het bestedingsdoel.")
    omschrijving: Tekst = Field(default="", description="Wat onder dit doel valt.")
    artikel: str | None = Field(
        default=None,
        description="Artikel en lid in de regeling, alleen als dat is nagekeken in de bron.",
    )


class Regeling(Model):
    """A funding regulation: where money comes from and what it may be spent on."""

    model_config = config("Een regeling waaruit geld komt, met de toegestane bestedingsdoelen.")

    id: Id = Field(description="Vaste id van de regeling, waarnaar een geldstroom verwijst.")
    naam: str = Field(description="Officiële of gangbare naam van de regeling.")
    korte_naam: str = Field(default="", description="Korte naam voor tabellen.")
    referentie: str = Field(
        default="", description="Officiële vindplaats, bijvoorbeeld 'Stcrt. 2021, 42927'."
    )
    verstrekker: str = Field(default="", description="Wie het geld geeft (Rijk, gemeente, …).")
    kanaal: Kanaal | None = Field(
        default=None,
        description="Hoe het geld komt: specifieke_uitkering, decentralisatie_uitkering, "
        "algemene_uitkering, bekostiging, subsidie, eigen_middelen of overig.",
    )
    aanvragers: list[str] = Field(
        default_factory=list,
        description="Wie het geld kan ontvangen of aanvragen: soort partner (gemeente, "
        "schoolbestuur) of een omschrijving (verenigingen in de gemeente).",
    )
    periode: Periode | None = Field(default=None, description="Periode waarin het geld besteed mag worden.")
    vaste_termijn: bool = Field(
        default=True,
        description="true: de periode is de bestedingstermijn van de regeling; geld daarbuiten "
        "mag niet besteed worden. false: de periode is een indicatie (bijvoorbeeld geld uit het "
        "gemeentefonds); een plan mag op de geldstroom een eigen periode zetten.",
    )
    bron: str = Field(default="", description="Link naar de bron van deze gegevens.")
    bestedingsdoelen_bron: str = Field(
        default="",
        description="Link naar de bron van de lijst bestedingsdoelen, als dat een andere is dan `bron`.",
    )
    toelichting: Tekst = Field(default="", description="Toelichting bij de regeling.")
    niet_nagekeken: list[Tekst] = Field(
        default_factory=list,
        description="Wat niet in de officiële tekst is nagekeken, of alleen is afgeleid.",
    )
    bestedingsdoelen_status: DoelenStatus = Field(
        default=DoelenStatus.VASTGESTELD,
        description="vastgesteld: de lijst van bestedingsdoelen is compleet; niet_nagekeken: de "
        "lijst komt niet uit de officiële tekst en is misschien niet compleet; "
        "niet_geoormerkt: het geld is niet geoormerkt, de doelen zijn een indeling.",
    )
    bestedingsdoelen: list[Bestedingsdoel] = Field(
        min_length=1, description="De bestedingsdoelen van deze regeling."
    )

    @property
    def label(self) -> str:
        """The short name when there is one, else the name."""
        return self.korte_naam or self.naam

    @property
    def doelen_bron(self) -> str:
        """Where to check the list of bestedingsdoelen."""
        return self.bestedingsdoelen_bron or self.bron
