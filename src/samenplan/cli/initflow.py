"""The work of `samenplan init`: ask what is missing, render, write, report."""

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import typer

from samenplan.cli.exits import ExitCode
from samenplan.files.oserrors import reason
from samenplan.scaffold.answers import (
    DEFAULT_TITEL,
    AnswerError,
    build_answers,
    default_periode,
    parse_fase,
    parse_partner,
    parse_periode,
)
from samenplan.scaffold.files import example_files, example_names, extra_files, render_plan
from samenplan.scaffold.writeplan import (
    Action,
    FileWrite,
    TargetError,
    apply_writes,
    check_writable,
    plan_writes,
)
from samenplan.suggest import did_you_mean


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
    ci: str | None,
    pre_commit: bool,
    voorbeeld: str | None,
) -> None:
    """Carry out `samenplan init` with the options as given on the command line."""
    try:
        files = _files(
            titel,
            gemeente or [],
            periode,
            partner or [],
            regeling or [],
            fase,
            voorbeeld,
            ask=not yes and sys.stdin.isatty(),
        )
        if ci not in (None, "github", "gitlab"):
            raise AnswerError(f"'{ci}' kan niet bij --ci; kies github of gitlab.")
        files.update(extra_files(ci=ci, pre_commit=pre_commit))
        writes = plan_writes(plan_dir, files, overwrite=overwrite)
        if not dry_run:
            check_writable(writes)
    except (AnswerError, TargetError) as exc:
        typer.echo(f"samenplan: {exc}", err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    _report(writes, dry_run=dry_run)
    if dry_run:
        return
    try:
        apply_writes(writes)
    except OSError as exc:
        typer.echo(f"samenplan: kan '{exc.filename}' niet schrijven: {reason(exc)}.", err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    if git:
        typer.echo(_git_init(plan_dir))
    typer.echo(_next_steps(plan_dir, writes))


def _files(
    titel: str | None,
    gemeenten: list[str],
    periode: str | None,
    partners: list[str],
    regelingen: list[str],
    fase: str | None,
    voorbeeld: str | None,
    *,
    ask: bool,
) -> dict[str, str]:
    if voorbeeld is not None:
        names = example_names()
        if voorbeeld not in names:
            hint = did_you_mean(voorbeeld, names) or "Kies uit: " + ", ".join(names) + "."
            raise AnswerError(f"'{voorbeeld}' is geen voorbeeldplan. {hint}")
        return example_files(voorbeeld)
    if ask:
        titel, gemeenten, periode, partners, fase = _ask(titel, gemeenten, periode, partners, fase)
        regelingen = regelingen or _ask_regelingen(periode)
    answers = build_answers(
        titel=titel,
        gemeenten=gemeenten,
        periode=periode,
        partners=partners,
        regelingen=regelingen,
        fase=fase,
        today=date.today(),
    )
    _warn_regelingen(answers.van, answers.tot, [g.regeling for g in answers.geldstromen])
    return render_plan(answers)


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
    if not gemeenten:
        answer = typer.prompt("Gemeente(n), gescheiden door komma's", default="", show_default=False)
        gemeenten = [g.strip() for g in answer.split(",") if g.strip()]
    if periode is None:
        van, tot = default_periode(date.today())
        periode = _ask_valid("Looptijd (van:tot)", f"{van}:{tot}", parse_periode)
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


def _report(writes: list[FileWrite], *, dry_run: bool) -> None:
    verb = {
        Action.NEW: "zou maken" if dry_run else "gemaakt",
        Action.SAME: "al gelijk",
        Action.SKIP: "bestaat al, overgeslagen",
        Action.OVERWRITE: "zou overschrijven" if dry_run else "overschreven",
    }
    for w in writes:
        if w.action is Action.OVERWRITE:
            typer.echo(w.diff(), nl=False)
        typer.echo(f"  {w.name:<42} {verb[w.action]}")
    if all(w.action is Action.SAME for w in writes):
        typer.echo("Er verandert niets: alle bestanden bestaan al met deze inhoud.")
    skipped = [w for w in writes if w.action is Action.SKIP]
    if skipped:
        typer.echo(
            f"{len(skipped)} bestaande bestanden zijn niet aangeraakt; gebruik --overwrite "
            "om ze te vervangen (je ziet eerst de verschillen)."
        )


def _git_init(plan_dir: Path) -> str:
    git = shutil.which("git")
    if git is None:
        return "Git is niet geïnstalleerd; er is geen repository gemaakt."
    if (plan_dir / ".git").exists():
        return "Er is al een Git-repository; er is niets aan veranderd."
    steps = [
        [git, "init", "-q"],
        [git, "add", "-A"],
        [
            git,
            "-c",
            "user.name=samenplan",
            "-c",
            "user.email=samenplan@localhost",
            "commit",
            "-q",
            "-m",
            "Nieuw plan gemaakt met samenplan init",
        ],
    ]
    for step in steps:
        done = subprocess.run(step, cwd=plan_dir, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return f"Git gaf een fout: {done.stderr.strip()}"
    return "Git-repository gemaakt met een eerste commit."


def _next_steps(plan_dir: Path, writes: list[FileWrite]) -> str:
    where = plan_dir.as_posix()
    return (
        "\nVolgende stappen:\n"
        f"  1. Open {where}/01-urgentie.yaml en vul stap 1 en 2 in: de urgentie en de partners.\n"
        "     Tekst tussen < en > vervang je door jullie eigen tekst.\n"
        f"  2. Controleer het plan: samenplan check {where}\n"
        f"  3. Maak het plandocument: samenplan render {where} --format html\n"
        "  Tip: in VS Code met de YAML-extensie vult de editor velden aan en toont fouten."
    )
