"""The typer layer: parse options, call one core function, write, exit. Nothing else."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samenplan import __version__
from samenplan.clitext import dutch_help, usage_error_text
from samenplan.oserrors import reason

if TYPE_CHECKING:
    from samenplan.check import CheckResult
    from samenplan.diagnostics import Severity
    from samenplan.reporters.destinations import Output

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
EXIT_INTERRUPTED = 130


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


_FAIL_LEVELS = {"error": "error", "fout": "error", "warning": "warning",
                "waarschuwing": "warning", "info": "info"}


@app.command()
def check(
    plan_dirs: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PLANMAP",
                       help="Map met het plan (samenplan.yaml en de stapbestanden), of een map "
                            "met mappen van plannen. Mag vaker; standaard de huidige map.",
                       show_default=False),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAAT",
                     help="Formaat van de uitvoer: text (standaard), concise, json, github, "
                          "gitlab, sarif of junit."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="BESTAND",
                     help="Schrijf de uitvoer naar dit bestand in plaats van op het scherm."),
    ] = None,
    report: Annotated[
        list[str] | None,
        typer.Option("--report", metavar="FORMAAT:BESTAND",
                     help="Schrijf ook een rapport in dit formaat naar dit bestand, bijvoorbeeld "
                          "sarif:samenplan.sarif. Mag vaker."),
    ] = None,
    fail_level: Annotated[
        str,
        typer.Option("--fail-level", metavar="error|warning|info",
                     help="Vanaf welke ernst de exit code 1 is: error (standaard), warning of "
                          "info."),
    ] = "error",
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit code 0, ook als er problemen zijn.")
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Geen kleuren in de uitvoer.")
    ] = False,
) -> None:
    """Controleer of het plan compleet is en samenhangt.

    Met --format kies je het formaat op het scherm (of in het bestand van --output). Met
    --report FORMAAT:BESTAND schrijf je daarnaast rapporten naar bestanden; dat mag vaker.
    Bijvoorbeeld tekst op het scherm, SARIF en JUnit in bestanden:

    \b
      samenplan check --report sarif:samenplan.sarif --report junit:samenplan.xml

    In CI kiest samenplan zelf als je --format en --output weglaat. In GitHub Actions
    (GITHUB_ACTIONS=true) wordt het formaat github: meldingen bij de regels, en een
    samenvatting in $GITHUB_STEP_SUMMARY. In GitLab CI (GITLAB_CI=true) komt er tekst op het
    scherm en daarnaast een Code Quality-rapport in dit bestand (zet het in .gitlab-ci.yml
    onder artifacts: reports: codequality):

    \b
      gl-code-quality-report.json

    Meer plannen tegelijk, voor een regio of een landelijk overzicht: geef meer mappen, of
    een map met daarin de mappen van de plannen. Je krijgt per plan de meldingen en een
    samenvatting, en daarna een regel over alle plannen samen:

    \b
      samenplan check plannen/heidedorpen plannen/rivierstad
      samenplan check plannen --format json --output overzicht.json

    Exit code 0: geen problemen, alleen lichtere dan --fail-level, of --exit-zero gegeven;
    1: problemen gevonden (in minstens één plan); 2: verkeerd gebruik.
    """
    from samenplan.check import check_plans
    from samenplan.loader import NotAPlan
    from samenplan.reporters.destinations import OutputError, choose_outputs

    level = _fail_level(fail_level)
    try:
        outputs = choose_outputs(output_format, output, report or [], os.environ)
        results = check_plans(plan_dirs or [Path()])
    except (NotAPlan, OutputError) as exc:
        _fail(str(exc))
        return
    _write_reports(results, outputs, color=_use_color(no_color))
    if any(out.format == "github" for out in outputs):
        _append_step_summary(results)
    failed = any(result.fails(level) for result in results) and not exit_zero
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _fail_level(value: str) -> "Severity":
    from samenplan.diagnostics import Severity

    name = _FAIL_LEVELS.get(value.strip().lower())
    if name is None:
        _fail(f"--fail-level '{value}' bestaat niet. Kies uit: error, warning, info.")
    return Severity(name or "error")


def _write_reports(results: "list[CheckResult]", outputs: "list[Output]", *,
                   color: bool) -> None:
    """Files first (atomically), then the screen; a file that cannot be written is exit 2."""
    from samenplan.atomicfile import write_atomic
    from samenplan.reporters import plans_reporter
    from samenplan.reporters.text import format_text_plans

    for out in outputs:
        if out.path is not None:
            try:
                write_atomic(out.path, plans_reporter(out.format)(results))
            except OSError as exc:
                _fail(f"Het rapport '{out.path}' kan niet geschreven worden: "
                      f"{reason(exc)}.")
    for out in outputs:
        if out.path is None:
            text = (format_text_plans(results, color=color) if out.format == "text"
                    else plans_reporter(out.format)(results))
            sys.stdout.write(text)


def _append_step_summary(results: "list[CheckResult]") -> None:
    """Add the Markdown summary to $GITHUB_STEP_SUMMARY when GitHub Actions sets it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from samenplan.reporters.github import step_summary_plans

    try:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(step_summary_plans(results))
    except OSError as exc:
        typer.echo(f"samenplan: de samenvatting voor GitHub kan niet geschreven worden naar "
                   f"'{target}': {reason(exc)}.", err=True)


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


def _register_commands() -> None:
    from samenplan.initcmd import init_command
    from samenplan.rendercmd import render_command

    app.command(name="init")(init_command)
    app.command(name="render")(render_command)


_register_commands()


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
        sys.exit(EXIT_INTERRUPTED)
    except typer.TyperException as exc:  # click's usage errors
        if type(exc).__name__ == "NoArgsIsHelpError":  # plain `samenplan`: show the help
            typer.echo(exc.format_message())
            sys.exit(EXIT_OK)
        typer.echo(usage_error_text(exc), err=True)
        sys.exit(EXIT_USAGE)
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into this exit code
        typer.echo("Afgebroken.", err=True)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
