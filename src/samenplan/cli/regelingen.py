"""`samenplan regelingen`: the regelingen in the catalog (and a plan's own), or one in full."""

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samenplan.cli.exits import fail

if TYPE_CHECKING:
    from samenplan.plan.models.regeling import Regeling


def regelingen_command(
    wat: Annotated[
        str | None,
        typer.Argument(
            metavar="PLANMAP|ID",
            help="Een regeling (id, bijvoorbeeld npo_gemeenten), of een planmap om ook de eigen "
            "regelingen van dat plan te zien.",
        ),
    ] = None,
    regeling_id: Annotated[
        str | None,
        typer.Argument(metavar="ID", help="Na een planmap: een regeling uit dat plan of de catalogus."),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option(
            "--datum",
            metavar="JJJJ-MM-DD",
            help="Vergelijk met deze dag in plaats van vandaag (ook: variabele SAMENPLAN_DATUM).",
        ),
    ] = None,
) -> None:
    """Toon de regelingen waaruit een plan geld kan halen: id, naam, periode en of ze nu lopen."""
    from samenplan.plan.catalog import load_catalog, merge_regelingen, peildatum
    from samenplan.plan.catalogtext import beschrijving, overzicht
    from samenplan.suggest import did_you_mean

    try:
        dag = peildatum(datum, date.today())
    except ValueError as exc:
        fail(str(exc))
    catalog = load_catalog()
    eigen: list[Regeling] = []
    ident = wat
    if wat is not None and Path(wat).is_dir():
        eigen = _eigen_regelingen(Path(wat))
        ident = regeling_id
    elif regeling_id is not None or (wat is not None and ("/" in wat or "\\" in wat or Path(wat).exists())):
        fail(f"'{wat}' is geen map met een plan. Schrijf: samenplan regelingen PLANMAP ID.")
    if ident is None:
        sys.stdout.write(overzicht(catalog.values(), dag, eigen))
        return
    alle = merge_regelingen(catalog, eigen)
    regeling = alle.get(ident.strip())
    if regeling is None:
        hint = did_you_mean(ident.strip(), alle) or "Alle regelingen: samenplan regelingen."
        fail(f"'{ident}' is geen regeling die samenplan kent. {hint}")
    sys.stdout.write(beschrijving(regeling, dag))


def _eigen_regelingen(root: Path) -> list["Regeling"]:
    """The own regelingen of the plan in ``root``; stops with a usage error when unreadable."""
    from samenplan.load.planfolder import NotAPlan, load_plan
    from samenplan.plan.models.manifest import Manifest
    from samenplan.plan.steps import MANIFEST

    try:
        loaded = load_plan(root)
    except NotAPlan as exc:
        fail(str(exc))
    manifest = loaded.models.get(MANIFEST.slug)
    if not isinstance(manifest, Manifest):
        fail(
            f"samenplan.yaml in '{root}' kan niet gelezen worden. "
            f"Kijk met 'samenplan check {root}' wat er mis is."
        )
    return list(manifest.regelingen)
