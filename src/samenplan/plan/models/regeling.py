"""A funding regulation and its bestedingsdoelen: catalog entries and a plan's own."""

from pydantic import Field

from samenplan.plan.models.common import Id, Model, Periode, Tekst, config


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
    ontvangers: list[str] = Field(
        default_factory=list, description="Wie het geld kan ontvangen (soort partner)."
    )
    periode: Periode | None = Field(default=None, description="Periode waarin het geld besteed mag worden.")
    bron: str = Field(default="", description="Link naar de bron van deze gegevens.")
    toelichting: Tekst = Field(default="", description="Toelichting, ook wat niet is nagekeken.")
    bestedingsdoelen: list[Bestedingsdoel] = Field(
        min_length=1, description="De bestedingsdoelen van deze regeling."
    )
