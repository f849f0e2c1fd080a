"""`samenplan init`: the typer command's options. The work is in initflow, imported on use."""

from pathlib import Path
from typing import Annotated

import typer


def init_command(
    plan_dir: Annotated[Path, typer.Argument(metavar="PLANMAP", help="Map voor het nieuwe plan.")] = Path(),
    titel: Annotated[str | None, typer.Option(metavar="TEKST", help="Titel van het plan.")] = None,
    gemeente: Annotated[
        list[str] | None,
        typer.Option(metavar="NAAM", help="Naam van een gemeente; herhaal de optie voor meer gemeenten."),
    ] = None,
    periode: Annotated[
        str | None, typer.Option(metavar="VAN:TOT", help="Looptijd, bijvoorbeeld 2024-08-01:2025-07-31.")
    ] = None,
    partner: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAAM=SOORT",
            help="Partner, bijvoorbeeld 'Stroomwijs=schoolbestuur'; herhaal voor meer partners.",
        ),
    ] = None,
    regeling: Annotated[
        list[str] | None,
        typer.Option(
            metavar="ID",
            help="Regeling uit de catalogus, bijvoorbeeld npo_gemeenten; vult een "
            "geldstroom voor. Herhaal voor meer regelingen.",
        ),
    ] = None,
    fase: Annotated[
        str | None, typer.Option(metavar="FASE", help="Fase: concept, besluit, uitvoering of evaluatie.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Niets vragen; neem de standaardwaarden.")] = False,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Vervang bestaande bestanden: je ziet eerst de verschillen, samenplan vraagt of het "
            "mag (zonder terminal: geef ook --yes) en bewaart een reservekopie in de planmap.",
        ),
    ] = False,
    herstel: Annotated[
        bool,
        typer.Option("--herstel", help="Zet de bestanden uit de nieuwste reservekopie van de planmap terug."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Toon alleen wat er zou gebeuren; schrijf niets.")
    ] = False,
    git: Annotated[
        bool, typer.Option("--git", help="Maak er een Git-repository van, met een eerste commit.")
    ] = False,
    ci: Annotated[
        list[str] | None,
        typer.Option(
            metavar="github|gitlab",
            help="Voeg een CI-taak toe die het plan controleert, in de hoofdmap van de "
            "Git-repository. Mag vaker.",
        ),
    ] = None,
    pre_commit: Annotated[
        bool, typer.Option("--pre-commit", help="Voeg een pre-commit-configuratie toe.")
    ] = False,
    bron: Annotated[
        str | None,
        typer.Option(
            metavar="BRON",
            help="Waar CI en pre-commit samenplan installeren, altijd met een vaste versie: "
            "samenplan==1.2.3, het adres van een pakketindex of mirror, een Git-adres met tag "
            "(git+https://…@v1.2.3) of een wheel-bestand. Standaard deze versie van PyPI.",
        ),
    ] = None,
    voorbeeld: Annotated[
        str | None,
        typer.Option(metavar="NAAM", help="Kopieer een volledig voorbeeldplan in plaats van een leeg plan."),
    ] = None,
) -> None:
    """Maak een nieuw plan: samenplan.yaml en de zeven stapbestanden, klaar om in te vullen.

    Bestaande bestanden worden nooit overschreven, tenzij je --overwrite meegeeft; dan
    vraagt samenplan het eerst en bewaart het een reservekopie. Bestaat het plan al, dan
    maken --ci, --pre-commit en --git alleen die extra bestanden.
    """
    from samenplan.cli.initflow import run_init

    run_init(
        plan_dir=plan_dir,
        titel=titel,
        gemeente=gemeente,
        periode=periode,
        partner=partner,
        regeling=regeling,
        fase=fase,
        yes=yes,
        overwrite=overwrite,
        dry_run=dry_run,
        git=git,
        ci=ci,
        pre_commit=pre_commit,
        voorbeeld=voorbeeld,
        bron=bron,
        herstel=herstel,
    )
