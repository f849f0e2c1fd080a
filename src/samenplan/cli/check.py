"""`samenplan check`: its options, then check the plans one at a time, write the reports, exit.

`check` runs on every commit, so its start-up counts. Its options are declared once, in
OPTIONS (cli/plain.py): cli/main.py reads plain options with parse_plain (without loading
typer) and calls run_check; anything else (help, an unknown option, a missing value) goes
through typer, whose command typer_command builds from the same table and which calls
run_check too. Both ways give the same output and exit code.
"""

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samenplan.cli import plain
from samenplan.cli.exits import ExitCode, echo, fail
from samenplan.cli.plain import Option
from samenplan.output import FORMATS

if TYPE_CHECKING:
    from datetime import date

    from samenplan.check.run import CheckResult
    from samenplan.diagnostics import Severity

_FIRST, *_REST = FORMATS
_FORMAT_CHOICES = f"{_FIRST} (standaard), {', '.join(_REST[:-1])} of {_REST[-1]}"


OPTIONS = (
    Option(
        "plan_dirs",
        (),
        "Map met het plan (samenplan.yaml en de stapbestanden), of een map met mappen van plannen. "
        "Mag vaker; standaard de huidige map.",
        metavar="PLANMAP",
        kind="argument",
        convert=Path,
        show_default=False,
    ),
    Option(
        "output_format",
        ("--format", "-f"),
        f"Formaat van de uitvoer: {_FORMAT_CHOICES}.",
        metavar="FORMAAT",
    ),
    Option(
        "output",
        ("--output", "-o"),
        "Schrijf de uitvoer naar dit bestand in plaats van op het scherm.",
        metavar="BESTAND",
        convert=Path,
    ),
    Option(
        "report",
        ("--report",),
        "Schrijf ook een rapport in dit formaat naar dit bestand, bijvoorbeeld sarif:samenplan.sarif. "
        "Mag vaker.",
        metavar="FORMAAT:BESTAND",
        kind="values",
    ),
    Option(
        "fail_level",
        ("--fail-level",),
        "Vanaf welke ernst de exit code 1 is: error (standaard), warning of info.",
        metavar="error|warning|info",
        default="error",
    ),
    Option(
        "exit_zero", ("--exit-zero",), "Exit code 0, ook als er problemen zijn.", kind="flag", default=False
    ),
    Option("no_color", ("--no-color",), "Geen kleuren in de uitvoer.", kind="flag", default=False),
    Option(
        "sinds",
        ("--sinds",),
        "Meld alleen wat nieuw is sinds deze revisie in Git (tak, tag, commit, of 'basis': het begin "
        "van de merge request); de samenvatting telt de oude meldingen mee.",
        metavar="REVISIE",
    ),
)

HELP = """Controleer of het plan compleet is en samenhangt.

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


def parse_plain(args: Sequence[str]) -> dict[str, Any] | None:
    """run_check's keyword arguments from ``args`` (after 'check'), or None for typer to read."""
    return plain.parse_plain(OPTIONS, args)


def typer_command() -> Callable[..., None]:
    """The check command for typer: its parameters from OPTIONS, its work run_check's."""
    return plain.typer_command(OPTIONS, lambda **given: run_check(**given), HELP)  # run_check as it is then


def run_check(
    plan_dirs: list[Path] | None = None,
    output_format: str | None = None,
    output: Path | None = None,
    report: list[str] | None = None,
    fail_level: str = "error",
    exit_zero: bool = False,
    no_color: bool = False,
    sinds: str | None = None,
    *,
    first_done: Callable[[], None] | None = None,
) -> ExitCode:
    """Check the plans, write every report, and give the exit code; usage errors stop with 2.

    Each plan is read, checked, written to every report and let go before the next.
    ``first_done`` is called once the first plan is reported.
    """
    from samenplan.check.run import check_each, find_plans
    from samenplan.cli.reports import Reports
    from samenplan.load.planfolder import NotAPlan
    from samenplan.output.destinations import OutputError, choose_outputs, guard_targets

    level = _fail_level(fail_level)
    notes: list[str] = []
    try:
        outputs = choose_outputs(output_format, output, report or [], os.environ)
        roots = find_plans(plan_dirs or [Path()])
        guard_targets(outputs, roots)
        today = _today()
    except (NotAPlan, OutputError) as exc:
        fail(str(exc) + _folder_hint(plan_dirs or []))
    failed = False
    with Reports(outputs, len(roots), color=_use_color(no_color), width=_terminal_width()) as reports:
        try:
            for result in check_each(roots, today):
                if sinds is not None:
                    result, note = _since(result, sinds)
                    notes.append(note)
                reports.add(result)
                failed = failed or result.fails(level)
                del result  # let the plan go before the next is read
                if first_done is not None:
                    first_done()
                    first_done = None
        except NotAPlan as exc:  # a plan folder that went away while the others were checked
            reports.discard()
            fail(str(exc))
    for note in notes:  # on the screen with the text; beside any other format, on stderr
        echo(note, err=outputs[0].format != "text" or outputs[0].path is not None)
    return ExitCode.FINDINGS if failed and not exit_zero else ExitCode.OK


def _today() -> "date":
    """Today, or the day in $SAMENPLAN_DATUM (as for render and regelingen)."""
    from datetime import date

    from samenplan.plan.catalog import peildatum

    try:
        return peildatum(None, date.today())
    except ValueError as exc:
        fail(str(exc))


def _since(result: "CheckResult", revision: str) -> "tuple[CheckResult, str]":
    from samenplan.diff.errors import DiffError
    from samenplan.diff.ratchet import ratchet, summary

    try:
        [done] = ratchet([result], revision, os.environ)
    except DiffError as exc:
        fail(str(exc))
    return done.result, summary(done)


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


def _use_color(no_color: bool) -> bool:
    from samenplan.cli.screen import has_terminal

    return not no_color and "NO_COLOR" not in os.environ and has_terminal()


def _terminal_width() -> int | None:
    """The terminal's width, so text wraps between words; None when not writing to a terminal."""
    import sys

    if sys.stdout is None or sys.stdout.closed or not sys.stdout.isatty():
        return None
    import shutil

    return max(40, shutil.get_terminal_size().columns)
