"""`samenplan schema`: write the JSON Schemas of the plan files for editors."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from samenplan.cli.exits import fail


def schema_command(
    target: Annotated[Path, typer.Argument(metavar="DOELMAP", help="Map waarin de schema's komen.")] = Path(
        "schemas"
    ),
    stdout: Annotated[
        str | None,
        typer.Option(
            "--toon",
            metavar="BESTAND",
            help="Toon alleen het schema van dit plan-bestand, bijvoorbeeld 05-aanpak.yaml, op het scherm.",
        ),
    ] = None,
) -> None:
    """Schrijf JSON Schema's van alle plan-bestanden, zodat je editor velden aanvult en controleert."""
    from samenplan.scaffold.schemafiles import SchemaError, print_schema, write_schemas

    try:
        if stdout is not None:
            sys.stdout.write(print_schema(stdout))
            return
        written = write_schemas(target)
    except SchemaError as exc:
        fail(str(exc))
    for path in written:
        typer.echo(f"geschreven: {path.as_posix()}")
