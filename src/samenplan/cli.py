"""The typer layer: parse options, call one core function, write, exit. Nothing else."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from samenplan import __version__
from samenplan.clitext import dutch_help, usage_error_text

app = typer.Typer(
    name="samenplan",
    help="samenplan: één samenhangend plan voor herstel en perspectief van jeugd, "
    "volgens de zeven stappen van het NJi-stappenplan.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"samenplan {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True,
                     help="Toon de versie van samenplan en stop."),
    ] = False,
) -> None:
    """samenplan: één samenhangend plan voor herstel en perspectief van jeugd."""


def _use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _fail(message: str) -> None:
    typer.echo(f"samenplan: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


@app.command()
def check(
    plan_dir: Annotated[
        Path, typer.Argument(metavar="PLANMAP",
                             help="Map met het plan (samenplan.yaml en de stapbestanden).")
    ] = Path(),
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Geen kleuren in de uitvoer.")
    ] = False,
) -> None:
    """Controleer of het plan compleet is en samenhangt.

    Exit code 0: geen problemen; 1: problemen gevonden; 2: verkeerd gebruik.
    """
    from samenplan.check import check_plan
    from samenplan.loader import NotAPlan
    from samenplan.reporters.text import format_text

    try:
        result = check_plan(plan_dir)
    except NotAPlan as exc:
        _fail(str(exc))
        return
    sys.stdout.write(format_text(result, color=_use_color(no_color)))
    raise typer.Exit(EXIT_FINDINGS if result.fails() else EXIT_OK)


@app.command()
def schema(
    target: Annotated[
        Path, typer.Argument(metavar="DOELMAP", help="Map waarin de schema's komen.")
    ] = Path("schemas"),
    stdout: Annotated[
        str | None,
        typer.Option("--toon", metavar="BESTAND",
                     help="Toon alleen het schema van dit plan-bestand, bijvoorbeeld "
                          "05-aanpak.yaml, op het scherm."),
    ] = None,
) -> None:
    """Schrijf JSON Schema's van alle plan-bestanden, zodat je editor velden aanvult en controleert."""
    from samenplan.schemafiles import SchemaError, print_schema, write_schemas

    try:
        if stdout is not None:
            sys.stdout.write(print_schema(stdout))
            return
        written = write_schemas(target)
    except SchemaError as exc:
        _fail(str(exc))
        return
    for path in written:
        typer.echo(f"geschreven: {path.as_posix()}")


@app.command()
def rules(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Als Markdown-document (zoals docs/regels.md).")
    ] = False,
) -> None:
    """Toon alle meldingen en regels van 'samenplan check', met code, naam en ernst."""
    from samenplan.ruledocs import rules_markdown, rules_table

    sys.stdout.write(rules_markdown() if markdown else rules_table())


@app.command()
def explain(
    code: Annotated[str, typer.Argument(metavar="CODE", help="Code of naam, bijvoorbeeld SP101.")],
) -> None:
    """Leg een melding uit: wat de regel controleert, waarom, en een goed en fout voorbeeld."""
    from samenplan.ruledocs import UnknownCode, explain_text

    try:
        sys.stdout.write(explain_text(code))
    except UnknownCode as exc:
        _fail(str(exc))


def _register_init() -> None:
    from samenplan.initcmd import init_command

    app.command(name="init")(init_command)


_register_init()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m samenplan``."""
    args = sys.argv[1:] if argv is None else argv
    if not args or any(a in ("-h", "--help") for a in args):
        dutch_help()
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="samenplan", standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Afgebroken.", err=True)
        sys.exit(130)
    except typer.TyperException as exc:  # click's usage errors
        typer.echo(usage_error_text(exc), err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
