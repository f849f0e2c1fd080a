"""The typer layer: parse options, call one core function, write, exit. Nothing else.

`samenplan check` and `render` with plain options skip typer (a fifth of check's start-up):
main() reads them with the command's parse_plain (cli/plain.py) and runs the command
itself. Everything else, the help and usage errors of both included, goes through the
typer app, built on first use with only the command that is asked for imported.
"""

import gc
import importlib
import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any

from samenplan.cli.exits import ExitCode, echo

if TYPE_CHECKING:
    import typer

HELP = (
    "samenplan: één samenhangend plan voor herstel en perspectief van jeugd, "
    "volgens de zeven stappen van het NJi-stappenplan."
)

#: Every command: its name, and the module and function that typer registers.
COMMANDS = (
    ("init", "samenplan.cli.init:init_command"),
    ("check", "samenplan.cli.check:typer_command()"),
    ("render", "samenplan.cli.render:typer_command()"),
    ("diff", "samenplan.cli.diff:diff_command"),
    ("rules", "samenplan.cli.rules:rules_command"),
    ("explain", "samenplan.cli.rules:explain_command"),
    ("schema", "samenplan.cli.schema:schema_command"),
    ("regelingen", "samenplan.cli.regelingen:regelingen_command"),
    ("status", "samenplan.cli.status:status_command"),
    ("migrate", "samenplan.cli.migrate:migrate_command"),
)


def _command(where: str) -> Callable[..., Any]:
    module, name = where.split(":")
    found = getattr(importlib.import_module(module), name.removesuffix("()"))
    return found() if name.endswith("()") else found  # type: ignore[no-any-return]


@cache
def build_app(only: str | None = None) -> "typer.Typer":
    """The typer app with every command, or with only the command ``only`` (with its options
    and help as in the whole app): a usage error of one command imports no other."""
    import typer

    app = typer.Typer(
        name="samenplan",
        help=HELP,
        add_completion=False,
        no_args_is_help=True,
        rich_markup_mode=None,
        options_metavar="[OPTIES]",
        subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def _version(value: bool) -> None:
        if value:
            from samenplan import __version__

            typer.echo(f"samenplan {__version__}")
            raise typer.Exit(ExitCode.OK)

    @app.callback()
    def _root(
        version: Annotated[
            bool,
            typer.Option(
                "--version",
                "-V",
                callback=_version,
                is_eager=True,
                help="Toon de versie van samenplan en stop.",
            ),
        ] = False,
    ) -> None:
        """samenplan: één samenhangend plan voor herstel en perspectief van jeugd."""

    for name, where in COMMANDS:
        if only is None or name == only:
            app.command(name=name)(_command(where))
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # samenplan.cli.main.app, built when first asked for
        return build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
        if argv is None:
            # The process ends now. Python collects garbage once more at exit, walking every
            # object of every module; frozen objects are passed over.
            gc.freeze()


def _main(argv: list[str] | None) -> None:
    args = sys.argv[1:] if argv is None else argv
    asks_help = any(a in ("-h", "--help") for a in args)
    if args[:1] and args[0] in _PLAIN and not asks_help:
        _without_typer(args[0], args[1:], whole_process=argv is None)
    _main_with_typer(args, asks_help)


#: The commands that read plain options without typer: name and run function in cli/<name>.py.
_PLAIN = {"check": "run_check", "render": "run_render"}


def _without_typer(name: str, args: list[str], *, whole_process: bool) -> None:
    """Run `samenplan check` or `render` and exit, when its options are plain; else return.

    ``whole_process``: this command is all the process does (the console script, not a call
    from a test). Its start-up and first plan then run without the garbage collector:
    importing makes many objects that live as long as the process and little garbage, so
    the collector's passes only cost time. It runs again after the first plan (for a run
    over many plans), passing over what was made until then.
    """
    module = importlib.import_module(f"samenplan.cli.{name}")
    options = module.parse_plain(args)
    if options is None:
        return
    if whole_process:
        gc.disable()
    try:
        run = getattr(module, _PLAIN[name])
        code = run(**options, first_done=_collect_from_here if whole_process else None)
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
    finally:
        if whole_process:
            gc.enable()
    if code == ExitCode.INTERRUPTED:
        echo("Afgebroken.", err=True)
    sys.exit(code)


def _collect_from_here() -> None:
    gc.freeze()
    gc.enable()


def _main_with_typer(args: list[str], asks_help: bool) -> None:
    import typer

    from samenplan.cli.help import dutch_help, is_help_request, usage_error_text

    if not args or asks_help:
        dutch_help()
    known = {name for name, _ in COMMANDS}
    only = args[0] if args and args[0] in known and not asks_help else None
    command = typer.main.get_command(build_app(only))
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
