"""`samenplan check`: options, then check the plans, write the reports, exit."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samenplan.cli.exits import ExitCode, fail
from samenplan.files.oserrors import reason
from samenplan.output import FORMATS

if TYPE_CHECKING:
    from datetime import date

    from samenplan.check.run import CheckResult
    from samenplan.diagnostics import Severity
    from samenplan.output.destinations import Output


_FIRST, *_REST = FORMATS
_FORMAT_CHOICES = f"{_FIRST} (standaard), {', '.join(_REST[:-1])} of {_REST[-1]}"


def _use_color(no_color: bool) -> bool:
    from samenplan.cli.screen import has_terminal

    return not no_color and "NO_COLOR" not in os.environ and has_terminal()


def check_command(
    plan_dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PLANMAP",
            help="Map met het plan (samenplan.yaml en de stapbestanden), of een map "
            "met mappen van plannen. Mag vaker; standaard de huidige map.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAAT",
            help=f"Formaat van de uitvoer: {_FORMAT_CHOICES}.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="BESTAND",
            help="Schrijf de uitvoer naar dit bestand in plaats van op het scherm.",
        ),
    ] = None,
    report: Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            metavar="FORMAAT:BESTAND",
            help="Schrijf ook een rapport in dit formaat naar dit bestand, bijvoorbeeld "
            "sarif:samenplan.sarif. Mag vaker.",
        ),
    ] = None,
    fail_level: Annotated[
        str,
        typer.Option(
            "--fail-level",
            metavar="error|warning|info",
            help="Vanaf welke ernst de exit code 1 is: error (standaard), warning of info.",
        ),
    ] = "error",
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit code 0, ook als er problemen zijn.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Geen kleuren in de uitvoer.")] = False,
    sinds: Annotated[
        str | None,
        typer.Option(
            "--sinds",
            metavar="REVISIE",
            help="Meld alleen wat nieuw is sinds deze revisie in Git (tak, tag, commit, of 'basis': "
            "het begin van de merge request); de samenvatting telt de oude meldingen mee.",
        ),
    ] = None,
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
    from samenplan.check.run import check_plans, find_plans
    from samenplan.load.planfolder import NotAPlan
    from samenplan.output.destinations import OutputError, choose_outputs, guard_targets

    level = _fail_level(fail_level)
    notes: list[str] = []
    try:
        outputs = choose_outputs(output_format, output, report or [], os.environ)
        guard_targets(outputs, find_plans(plan_dirs or [Path()]))
        results = check_plans(plan_dirs or [Path()], _today())
        if sinds is not None:
            results, notes = _since(results, sinds)
    except (NotAPlan, OutputError) as exc:
        fail(str(exc) + _folder_hint(plan_dirs or []))
    _write_reports(results, outputs, color=_use_color(no_color))
    for note in notes:  # on the screen with the text; beside any other format, on stderr
        typer.echo(note, err=outputs[0].format != "text" or outputs[0].path is not None)
    if any(out.format == "github" for out in outputs):
        _append_step_summary(results)
    failed = any(result.fails(level) for result in results) and not exit_zero
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


def _today() -> "date":
    """Today, or the day in $SAMENPLAN_DATUM (as for render and regelingen)."""
    from datetime import date

    from samenplan.plan.catalog import peildatum

    try:
        return peildatum(None, date.today())
    except ValueError as exc:
        fail(str(exc))


def _since(results: "list[CheckResult]", revision: str) -> "tuple[list[CheckResult], list[str]]":
    from samenplan.diff.errors import DiffError
    from samenplan.diff.ratchet import ratchet, summary

    try:
        done = ratchet(results, revision, os.environ)
    except DiffError as exc:
        fail(str(exc))
    return [r.result for r in done], [summary(r) for r in done]


def _folder_hint(paths: list[Path]) -> str:
    """For `check plan/05-aanpak.yaml`: the plan folder to give instead."""
    from samenplan.load.planfolder import is_plan_folder

    for path in paths:
        if path.is_file() and is_plan_folder(path.parent):
            folder = path.parent.as_posix()
            return f" samenplan controleert altijd het hele plan; geef de map op: samenplan check {folder}"
    return ""


def _fail_level(value: str) -> "Severity":
    from samenplan.diagnostics import Severity

    level = Severity.from_word(value)
    if level is None:
        fail(f"--fail-level '{value}' bestaat niet. Kies uit: error, warning, info.")
    return level


def _write_reports(results: "list[CheckResult]", outputs: "list[Output]", *, color: bool) -> None:
    """Files first (atomically), then the screen; a file that cannot be written is exit 2."""
    from samenplan.cli.screen import write_screen
    from samenplan.files.targets import write_output
    from samenplan.output import plans_reporter
    from samenplan.output.text import format_text_plans

    for out in outputs:
        if out.path is not None:
            try:
                write_output(out.path, plans_reporter(out.format)(results))
            except OSError as exc:
                fail(f"Het rapport '{out.path}' kan niet geschreven worden: {reason(exc)}.")
    for out in outputs:
        if out.path is None:
            text = (
                format_text_plans(results, color=color, width=_terminal_width())
                if out.format == "text"
                else plans_reporter(out.format)(results)
            )
            write_screen(text)


def _terminal_width() -> int | None:
    """The terminal's width, so text wraps between words; None when not writing to a terminal."""
    import sys

    if sys.stdout is None or sys.stdout.closed or not sys.stdout.isatty():
        return None
    import shutil

    return max(40, shutil.get_terminal_size().columns)


def _append_step_summary(results: "list[CheckResult]") -> None:
    """Add the Markdown summary to $GITHUB_STEP_SUMMARY when GitHub Actions sets it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from samenplan.output.github import step_summary_plans

    try:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(step_summary_plans(results))
    except OSError as exc:
        typer.echo(
            f"samenplan: de samenvatting voor GitHub kan niet geschreven worden naar "
            f"'{target}': {reason(exc)}.",
            err=True,
        )
