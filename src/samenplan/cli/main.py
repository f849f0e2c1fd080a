"""The typer layer: parse options, call one core function, write, exit. Nothing else."""

import sys
from typing import Annotated

import typer

from samenplan import __version__
from samenplan.cli.check import check_command
from samenplan.cli.diff import diff_command
from samenplan.cli.exits import ExitCode
from samenplan.cli.help import dutch_help, is_help_request, usage_error_text
from samenplan.cli.init import init_command
from samenplan.cli.migrate import migrate_command
from samenplan.cli.regelingen import regelingen_command
from samenplan.cli.render import render_command
from samenplan.cli.rules import explain_command, rules_command
from samenplan.cli.schema import schema_command
from samenplan.cli.status import status_command

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"samenplan {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Toon de versie van samenplan en stop."
        ),
    ] = False,
) -> None:
    """samenplan: één samenhangend plan voor herstel en perspectief van jeugd."""


app.command(name="init")(init_command)
app.command(name="check")(check_command)
app.command(name="render")(render_command)
app.command(name="diff")(diff_command)
app.command(name="rules")(rules_command)
app.command(name="explain")(explain_command)
app.command(name="schema")(schema_command)
app.command(name="regelingen")(regelingen_command)
app.command(name="status")(status_command)
app.command(name="migrate")(migrate_command)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (timeout, CI cancellation, docker stop) stops like Ctrl-C: temporary files go."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m samenplan``."""
    import signal

    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        _main(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> None:
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
        sys.exit(ExitCode.INTERRUPTED)
    except typer.TyperException as exc:  # click's usage errors
        if is_help_request(exc):  # plain `samenplan`: show the help
            typer.echo(exc.format_message())
            sys.exit(ExitCode.OK)
        typer.echo(usage_error_text(exc), err=True)
        sys.exit(ExitCode.USAGE)
    if code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into this exit code
        typer.echo("Afgebroken.", err=True)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)
