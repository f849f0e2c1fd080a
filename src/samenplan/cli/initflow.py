"""The work of `samenplan init`: ask what is missing, render, confirm, back up, write, report.

Nothing a user wrote is lost: a file is replaced only with --overwrite, after its diff, a
question on the terminal (or --yes), and a copy in the plan's backup folder that
`samenplan init --herstel` puts back.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import typer

from samenplan.cli.confirm import confirm, count_files
from samenplan.cli.exits import ExitCode, fail
from samenplan.files.oserrors import reason
from samenplan.plan.steps import DOCUMENTS
from samenplan.scaffold.answers import (
    DEFAULT_TITEL,
    AnswerError,
    build_answers,
    default_periode,
    parse_fase,
    parse_partner,
    parse_periode,
)
from samenplan.scaffold.backup import BACKUP_FOLDER, Backup, BackupError, latest_backup, make_backup, restore
from samenplan.scaffold.files import (
    CI_SYSTEMS,
    ExtrasContext,
    example_files,
    example_names,
    extra_files,
    render_plan,
)
from samenplan.scaffold.install import InstallSource, SourceError, parse_source
from samenplan.scaffold.writeplan import (
    Action,
    FileWrite,
    TargetError,
    WriteFailed,
    apply_writes,
    check_target,
    check_writable,
    plan_writes,
    replaced,
)
from samenplan.suggest import did_you_mean


@dataclass(frozen=True)
class PlanAnswers:
    """The answers about the plan itself, as given on the command line."""

    titel: str | None
    gemeenten: list[str]
    periode: str | None
    partners: list[str]
    regelingen: list[str]
    fase: str | None

    def given(self) -> list[str]:
        """The options that were given, as typed."""
        options = {
            "--titel": self.titel is not None,
            "--gemeente": bool(self.gemeenten),
            "--periode": self.periode is not None,
            "--partner": bool(self.partners),
            "--regeling": bool(self.regelingen),
            "--fase": self.fase is not None,
        }
        return [name for name, present in options.items() if present]


@dataclass(frozen=True)
class Place:
    """Where the CI and pre-commit files go: the root of the Git repository holding the plan."""

    root: Path
    plan: str  # the plan folder relative to root, '/' separated
    in_repository: bool


def run_init(
    *,
    plan_dir: Path,
    titel: str | None,
    gemeente: list[str] | None,
    periode: str | None,
    partner: list[str] | None,
    regeling: list[str] | None,
    fase: str | None,
    yes: bool,
    overwrite: bool,
    dry_run: bool,
    git: bool,
    ci: list[str] | None,
    pre_commit: bool,
    voorbeeld: str | None,
    bron: str | None = None,
    herstel: bool = False,
) -> None:
    """Carry out `samenplan init` with the options as given on the command line."""
    if herstel:
        _run_restore(plan_dir, yes=yes, dry_run=dry_run)
        return
    answers = PlanAnswers(titel, gemeente or [], periode, partner or [], regeling or [], fase)
    terminal = sys.stdin.isatty()
    request = _Request(plan_dir, voorbeeld, overwrite=overwrite, git=git, pre_commit=pre_commit)
    try:
        systems = _ci_systems(ci or [])
        writes, plan_part, place, extras_only = _plan(
            request, answers, systems, parse_source(bron), ask=terminal and not yes
        )
        if not dry_run:
            check_writable(writes)
    except (AnswerError, TargetError, SourceError) as exc:
        fail(str(exc))
    if extras_only and answers.given():
        typer.echo(
            f"Het plan in {plan_dir.as_posix()} bestaat al; alleen de extra bestanden worden gemaakt. "
            f"De antwoorden voor het plan ({', '.join(answers.given())}) zijn niet gebruikt."
        )
    _show_diffs(writes)
    if dry_run:
        _report(writes, dry_run=True, plan_part=plan_part)
        return
    backup = _back_up(plan_dir, replaced(writes), yes=yes, terminal=terminal)
    _write(writes)
    _report(writes, dry_run=False, plan_part=plan_part)
    if backup is not None:
        typer.echo(_backup_message(plan_dir, backup))
    if systems or pre_commit:
        typer.echo(_place_message(place, plan_dir, writes))
    if git:
        typer.echo(_git_init(plan_dir, place))
    if not extras_only:
        typer.echo(_next_steps(plan_dir))


@dataclass(frozen=True)
class _Request:
    """What `init` was asked to make, apart from the plan's own answers."""

    plan_dir: Path
    voorbeeld: str | None
    overwrite: bool
    git: bool
    pre_commit: bool


def _plan(
    request: _Request, answers: PlanAnswers, systems: list[str], source: InstallSource, *, ask: bool
) -> tuple[list[FileWrite], list[FileWrite], Place, bool]:
    """The writes of this run: the plan's files and the extras, and where the extras go.

    An existing plan with --ci, --pre-commit or --git gets only those; --overwrite then
    applies to them alone, never to the plan's own files.
    """
    plan_dir = request.plan_dir
    check_target(plan_dir)
    existing = _holds_plan(plan_dir)
    wants_extras = bool(systems or request.pre_commit)
    extras_only = existing and request.voorbeeld is None and (wants_extras or request.git)
    plan_part: list[FileWrite] = []
    if not extras_only:
        asking = ask and request.voorbeeld is None and (request.overwrite or not existing)
        files = _files(answers, request.voorbeeld, ask=asking)
        plan_part = plan_writes(plan_dir, files, overwrite=request.overwrite)
    place = _place(plan_dir)
    extra_part: list[FileWrite] = []
    if wants_extras:
        context = ExtrasContext(place.plan, source)
        extras = extra_files(systems, pre_commit=request.pre_commit, context=context)
        shown = _shown_root(place, plan_dir)
        extra_part = plan_writes(place.root, extras, overwrite=request.overwrite, shown=shown)
    return plan_part + extra_part, plan_part, place, extras_only


def _ci_systems(values: list[str]) -> list[str]:
    systems = []
    for value in values:
        for name in value.split(","):
            key = name.strip().lower()
            if key not in CI_SYSTEMS:
                raise AnswerError(f"'{name.strip()}' kan niet bij --ci; kies github of gitlab.")
            if key not in systems:
                systems.append(key)
    return systems


def _holds_plan(plan_dir: Path) -> bool:
    return plan_dir.is_dir() and any((plan_dir / d.file).exists() for d in DOCUMENTS)


def _files(answers: PlanAnswers, voorbeeld: str | None, *, ask: bool) -> dict[str, str]:
    if voorbeeld is not None:
        names = example_names()
        if voorbeeld not in names:
            hint = did_you_mean(voorbeeld, names) or "Kies uit: " + ", ".join(names) + "."
            raise AnswerError(f"'{voorbeeld}' is geen voorbeeldplan. {hint}")
        return example_files(voorbeeld)
    titel, gemeenten, periode, partners, fase = (
        answers.titel,
        answers.gemeenten,
        answers.periode,
        answers.partners,
        answers.fase,
    )
    regelingen = answers.regelingen
    if ask:
        titel, gemeenten, periode, partners, fase = _ask(titel, gemeenten, periode, partners, fase)
        regelingen = regelingen or _ask_regelingen(periode)
    built = build_answers(
        titel=titel,
        gemeenten=gemeenten,
        periode=periode,
        partners=partners,
        regelingen=regelingen,
        fase=fase,
        today=date.today(),
    )
    _warn_regelingen(built.van, built.tot, [g.regeling for g in built.geldstromen])
    return render_plan(built)


def _ask_regelingen(periode: str) -> list[str]:
    """Show the regelingen open for the periode first, and ask which ones the plan uses."""
    from samenplan.scaffold.regelingkeuze import keuzelijst, kies

    van, tot = parse_periode(periode)
    typer.echo(keuzelijst(van, tot))
    while True:
        answer: str = typer.prompt(
            "Regelingen die het plan gebruikt (nummers of ids, gescheiden door komma's; leeg = geen)",
            default="",
            show_default=False,
        )
        try:
            return kies(answer, van, tot)
        except AnswerError as exc:
            typer.echo(str(exc), err=True)


def _warn_regelingen(van: date, tot: date, ids: list[str]) -> None:
    """Warn on stderr about chosen regelingen whose spending term does not cover the plan."""
    from samenplan.scaffold.regelingkeuze import meldingen

    for melding in meldingen(ids, van, tot):
        typer.echo(f"Let op: {melding}", err=True)


def _ask(
    titel: str | None, gemeenten: list[str], periode: str | None, partners: list[str], fase: str | None
) -> tuple[str, list[str], str, list[str], str]:
    """Ask on the terminal for every answer that no option gave."""
    if titel is None:
        titel = typer.prompt("Titel van het plan", default=DEFAULT_TITEL)
    while not gemeenten:
        answer = typer.prompt("Gemeente(n), gescheiden door komma's", default="", show_default=False)
        gemeenten = [g.strip() for g in answer.split(",") if g.strip()]
        if not gemeenten:
            typer.echo("Geef de naam van minstens één gemeente, bijvoorbeeld Rivierstad.", err=True)
    if periode is None:
        van, tot = default_periode(date.today())
        periode = _ask_valid("Looptijd (van:tot)", f"{van}:{tot}", parse_periode)
    partners = list(partners)
    if not partners:
        while True:
            answer = typer.prompt("Partner als naam=soort (leeg = klaar)", default="", show_default=False)
            if not answer.strip():
                break
            if _valid(answer, parse_partner):
                partners.append(answer)
    if fase is None:
        fase = _ask_valid("Fase", "concept", parse_fase)
    return titel, gemeenten, periode, partners, fase


def _ask_valid(question: str, default: str, parse: object) -> str:
    while True:
        answer: str = typer.prompt(question, default=default)
        if _valid(answer, parse):
            return answer


def _valid(answer: str, parse: object) -> bool:
    try:
        parse(answer)  # type: ignore[operator]
    except AnswerError as exc:
        typer.echo(str(exc), err=True)
        return False
    return True


# --- where CI and pre-commit files go --------------------------------------------------------


def repository_root(path: Path) -> Path | None:
    """The root of the Git repository that holds ``path`` (which need not exist yet)."""
    here = path.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _place(plan_dir: Path) -> Place:
    root = repository_root(plan_dir)
    if root is None:  # no repository: the plan folder is (or with --git becomes) its root
        return Place(plan_dir, ".", in_repository=False)
    plan = Path(os.path.relpath(plan_dir.resolve(), root)).as_posix()
    return Place(root, plan, in_repository=True)


def _shown_root(place: Place, plan_dir: Path) -> str:
    if place.root == plan_dir:
        return ""
    where = Path(os.path.relpath(place.root)).as_posix()
    return "" if where == "." else f"{where}/"


def _place_message(place: Place, plan_dir: Path, writes: list[FileWrite]) -> str:
    lines = []
    if place.in_repository:
        lines.append(
            f"De bestanden voor CI en pre-commit staan in de hoofdmap van de Git-repository "
            f"({place.root}), met het pad van het plan erin ({place.plan})."
        )
    else:
        lines.append(
            f"{plan_dir.as_posix()} staat niet in een Git-repository. De bestanden voor CI en pre-commit "
            "staan daarom in de planmap: maak van die map de repository (git init, of init --git). "
            "Zet je het plan in een bestaande repository, draai dan daar opnieuw samenplan init met "
            "--ci of --pre-commit."
        )
    for w in writes:
        if w.action is Action.SKIP and w.name.endswith((".gitlab-ci.yml", ".pre-commit-config.yaml")):
            lines.append(
                f"{w.name} bestond al en is niet veranderd. Neem dit deel zelf over in dat bestand:\n\n"
                + _without_comments(w.text)
            )
    return "\n".join(lines)


def _without_comments(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


# --- confirm, back up, write -----------------------------------------------------------------


def _confirm(count: int, *, yes: bool, terminal: bool, what: str) -> None:
    """Go on only when the user agrees to replace ``count`` files."""
    confirm(
        f"{what} vervangt {count_files(count)}",
        yes=yes,
        terminal=terminal,
        without_terminal="geef ook --yes mee",
        backup="er komt eerst een reservekopie in de planmap",
    )


def _back_up(plan_dir: Path, writes: list[FileWrite], *, yes: bool, terminal: bool) -> Backup | None:
    if not writes:
        return None
    _confirm(len(writes), yes=yes, terminal=terminal, what="--overwrite")
    try:
        return make_backup(plan_dir, [w.path for w in writes], datetime.now())
    except (OSError, BackupError) as exc:
        why = reason(exc) if isinstance(exc, OSError) else str(exc)
        fail(f"kan geen reservekopie maken in '{plan_dir / BACKUP_FOLDER}': {why}. Er is niets vervangen.")


def _write(writes: list[FileWrite]) -> None:
    try:
        apply_writes(writes)
    except WriteFailed as exc:
        done = [w.name for w in exc.done]
        typer.echo(
            f"samenplan: kan '{exc.failed.name}' niet schrijven: {reason(exc.error)}. "
            + (f"Wel geschreven: {', '.join(done)}. " if done else "Er is niets geschreven. ")
            + "De andere bestanden zijn niet veranderd.",
            err=True,
        )
        raise typer.Exit(ExitCode.USAGE) from None


def _backup_message(plan_dir: Path, backup: Backup) -> str:
    where = Path(os.path.relpath(backup.folder)).as_posix()
    return (
        f"De vorige versie van {len(backup.files)} vervangen bestand(en) staat in {where}/. "
        f"Terugzetten: samenplan init {plan_dir.as_posix()} --herstel"
    )


# --- reporting ---------------------------------------------------------------------------------


def _show_diffs(writes: list[FileWrite]) -> None:
    for w in writes:
        if w.action is Action.OVERWRITE:
            typer.echo(w.diff(), nl=False)


def _report(writes: list[FileWrite], *, dry_run: bool, plan_part: list[FileWrite]) -> None:
    verb = {
        Action.NEW: "zou maken" if dry_run else "gemaakt",
        Action.SAME: "al gelijk",
        Action.SKIP: "bestaat al, niet veranderd",
        Action.OVERWRITE: "zou overschrijven" if dry_run else "overschreven",
    }
    if not writes:  # only --git on an existing plan
        return
    for w in writes:
        typer.echo(f"  {w.name:<42} {verb[w.action]}")
    if all(w.action is Action.SAME for w in writes):
        typer.echo("Er verandert niets: alle bestanden bestaan al met deze inhoud.")
    skipped = [w for w in plan_part if w.action is Action.SKIP]  # extras say so themselves
    if skipped:
        files = "1 bestaand bestand is" if len(skipped) == 1 else f"{len(skipped)} bestaande bestanden zijn"
        typer.echo(
            f"{files} niet aangeraakt: wat erin staat blijft staan. Wil je toch een lege versie, "
            "dan kan dat met --overwrite: je ziet eerst de verschillen, samenplan vraagt het en "
            "bewaart een reservekopie."
        )


def _git_init(plan_dir: Path, place: Place) -> str:
    git = shutil.which("git")
    if git is None:
        return "Git is niet geïnstalleerd; er is geen repository gemaakt."
    if place.in_repository:
        return (
            f"De planmap staat al in een Git-repository ({place.root}); er is geen nieuwe gemaakt "
            "en niets gecommit."
        )
    identity = _git_identity(git, plan_dir)
    steps = [
        [git, "init", "-q"],
        [git, "add", "-A"],
        [git, *identity, "commit", "-q", "-m", "Nieuw plan gemaakt met samenplan init"],
    ]
    for step in steps:
        done = subprocess.run(step, cwd=plan_dir, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return f"Git gaf een fout: {done.stderr.strip()}"
    if identity:
        return (
            "Git-repository gemaakt met een eerste commit. Git kent je naam nog niet, dus de commit "
            "staat op naam van 'samenplan'. Stel je naam in met: git config --global user.name "
            '"Je Naam" en git config --global user.email "jij@example.nl".'
        )
    return "Git-repository gemaakt met een eerste commit."


def _git_identity(git: str, plan_dir: Path) -> list[str]:
    """No options when the user's own name and e-mail are set; otherwise a stand-in."""
    known = all(
        subprocess.run(
            [git, "config", "--get", key], cwd=plan_dir, capture_output=True, text=True, check=False
        ).stdout.strip()
        for key in ("user.name", "user.email")
    )
    return [] if known else ["-c", "user.name=samenplan", "-c", "user.email=samenplan@localhost"]


def _next_steps(plan_dir: Path) -> str:
    where = plan_dir.as_posix()
    return (
        "\nVolgende stappen:\n"
        f"  1. Open {where}/01-urgentie.yaml en vul stap 1 en 2 in: de urgentie en de partners.\n"
        "     Tekst tussen < en > vervang je door jullie eigen tekst.\n"
        f"  2. Controleer het plan: samenplan check {where}\n"
        f"  3. Maak het plandocument: samenplan render {where} --format html\n"
        "  Tip: in VS Code met de YAML-extensie vult de editor velden aan en toont fouten."
    )


# --- --herstel ---------------------------------------------------------------------------------


def _run_restore(plan_dir: Path, *, yes: bool, dry_run: bool) -> None:
    try:
        backup = latest_backup(plan_dir)
    except BackupError as exc:
        fail(str(exc))
    if backup is None:
        fail(f"In '{(plan_dir / BACKUP_FOLDER).as_posix()}' staat geen reservekopie; er is niets teruggezet.")
    changed = [s for s in backup.files if _differs(s.copy, s.original)]
    where = Path(os.path.relpath(backup.folder)).as_posix()
    for saved in backup.files:
        name = Path(os.path.relpath(saved.original, plan_dir)).as_posix()
        state = ("zou terugzetten" if dry_run else "teruggezet") if saved in changed else "al gelijk"
        typer.echo(f"  {name:<42} {state}")
    if not changed:
        typer.echo(f"Alles staat al zoals in de reservekopie {where}/; er is niets veranderd.")
        return
    if dry_run:
        return
    _confirm(len(changed), yes=yes, terminal=sys.stdin.isatty(), what="--herstel")
    try:
        current = [s.original for s in changed if s.original.is_file()]
        before = make_backup(plan_dir, current, datetime.now()) if current else None
        restore(Backup(backup.folder, tuple(changed)))
    except (OSError, BackupError) as exc:
        why = reason(exc) if isinstance(exc, OSError) else str(exc)
        fail(f"het terugzetten uit '{where}' is niet gelukt: {why}.")
    typer.echo(f"Teruggezet uit {where}/.")
    if before is not None:
        typer.echo(
            f"Wat er voor het terugzetten stond, staat in {Path(os.path.relpath(before.folder)).as_posix()}/."
        )


def _differs(copy: Path, original: Path) -> bool:
    try:
        return not original.is_file() or original.read_bytes() != copy.read_bytes()
    except OSError:
        return True
