"""`samenplan check`: its options, then check the plans one at a time, write the reports, exit.

`check` runs on every commit, so its start-up counts. Its options are declared once, in
OPTIONS: cli/main.py reads plain options with parse_plain (without loading typer) and
calls run_check; anything else (help, an unknown option, a missing value) goes through
typer, whose command typer_command builds from the same table and which calls run_check
too. Both ways give the same output and exit code.
"""

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from samenplan.cli.exits import ExitCode, echo, fail
from samenplan.output import FORMATS

if TYPE_CHECKING:
    from datetime import date

    from samenplan.check.run import CheckResult
    from samenplan.diagnostics import Severity

_FIRST, *_REST = FORMATS
_FORMAT_CHOICES = f"{_FIRST} (standaard), {', '.join(_REST[:-1])} of {_REST[-1]}"


@dataclass(frozen=True)
class Option:
    """One parameter of `samenplan check`: the PLANMAP argument, a flag, or an option with a value."""

    keyword: str  # run_check's parameter
    names: tuple[str, ...]  # ("--format", "-f"); () for the argument
    help: str
    metavar: str | None = None
    kind: str = "value"  # "argument" (folders), "value", "values" (may be given more often), "flag"
    convert: Callable[[str], Any] = str
    default: Any = None

    @property
    def annotation(self) -> Any:
        """The parameter's type, as typer reads it."""
        if self.kind == "flag":
            return bool
        if self.kind in ("argument", "values"):
            return list[self.convert] | None  # type: ignore[name-defined]
        return self.convert if self.default is not None else self.convert | None  # type: ignore[operator]


OPTIONS = (
    Option(
        "plan_dirs",
        (),
        "Map met het plan (samenplan.yaml en de stapbestanden), of een map met mappen van plannen. "
        "Mag vaker; standaard de huidige map.",
        metavar="PLANMAP",
        kind="argument",
        convert=Path,
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
    """run_check's keyword arguments from ``args`` (after 'check'), or None for typer to read.

    Reads what click would read the same way: folders, flags, '--', '--name value' and
    '--name=value'. None for anything else (help, an unknown option, a missing value, a
    value that starts with '-', '-fjson', a path that may not be read), so that typer gives
    its usual message or reading.
    """
    found: dict[str, Any] = {o.keyword: [] if o.kind in _LISTS else o.default for o in OPTIONS}
    folders = next(o for o in OPTIONS if o.kind == "argument")
    rest = list(args)
    only_folders = False
    while rest:
        arg = rest.pop(0)
        if only_folders or arg == "-" or not arg.startswith("-"):
            if not _plain_path(arg):
                return None
            found[folders.keyword].append(folders.convert(arg))
        elif arg == "--":
            only_folders = True
        elif not _take_option(arg, rest, found):
            return None
    return {key: (value or None) if isinstance(value, list) else value for key, value in found.items()}


_LISTS = ("argument", "values")
_BY_NAME = {name: option for option in OPTIONS for name in option.names}


def _take_option(arg: str, rest: list[str], found: dict[str, Any]) -> bool:
    """Read the option ``arg`` (and its value from ``rest``) into ``found``; False if unusual."""
    name, equals, value = arg.partition("=")
    option = _BY_NAME.get(name if equals and name.startswith("--") else arg)
    if option is None or (option.kind == "flag" and equals):
        return False
    if option.kind == "flag":
        found[option.keyword] = True
        return True
    if not equals:
        if not rest or rest[0].startswith("-"):
            return False
        value = rest.pop(0)
    if option.convert is Path and not _plain_path(value):
        return False
    if option.kind == "values":
        found[option.keyword].append(option.convert(value))
    else:
        found[option.keyword] = option.convert(value)
    return True


def _plain_path(value: str) -> bool:
    """Whether typer takes ``value`` as a path without a word: it does not exist, or may be read."""
    try:
        Path(value).stat()
    except (OSError, ValueError):
        return True
    return os.access(value, os.R_OK)


def typer_command() -> Callable[..., None]:
    """The check command for typer: its parameters from OPTIONS, its work run_check's."""
    import inspect

    import typer

    def check_command(**options: Any) -> None:
        raise typer.Exit(run_check(**options))

    def declared(option: Option) -> Any:
        if option.kind == "argument":
            return typer.Argument(metavar=option.metavar, help=option.help, show_default=False)
        return typer.Option(*option.names, metavar=option.metavar, help=option.help)

    check_command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                o.keyword,
                inspect.Parameter.KEYWORD_ONLY,
                default=o.default,
                annotation=Annotated[o.annotation, declared(o)],
            )
            for o in OPTIONS
        ]
    )
    check_command.__doc__ = HELP
    return check_command


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
