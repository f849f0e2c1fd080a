"""`samenplan render`: the typer command. Checks the plan, renders it, writes it atomically."""

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samenplan.cli.exits import ExitCode, fail

if TYPE_CHECKING:
    from samenplan.check.run import CheckResult
    from samenplan.diff.model import PlanDiff

DATE_VARIABLE = "SAMENPLAN_DATUM"


def render_command(
    plan_dir: Annotated[Path, typer.Argument(metavar="PLANMAP", help="Map met het plan.")] = Path(),
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="md|html", help="Markdown of HTML.")] = "html",
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="BESTAND",
            help="Waar het document komt; '-' is het scherm. Standaard: plan.html of plan.md in de planmap.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Maak ook een document als het plan fouten bevat; bovenaan staat dan "
            "'Concept — bevat fouten'.",
        ),
    ] = False,
    theme_css: Annotated[
        Path | None,
        typer.Option(
            "--theme-css",
            metavar="BESTAND",
            help="CSS met de huisstijl van de gemeente (NL Design System-thema).",
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option(
            "--datum",
            metavar="JJJJ-MM-DD",
            help=f"Datum in het document (standaard vandaag, of ${DATE_VARIABLE}).",
        ),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Vervang een bestaand bestand dat niet door samenplan is gemaakt."),
    ] = False,
    sinds: Annotated[
        str | None,
        typer.Option(
            "--sinds",
            metavar="REVISIE",
            help="Voeg het hoofdstuk 'Wat is er veranderd sinds …' toe: vergeleken met deze "
            "revisie in Git (tak, tag, commit, of 'basis': het begin van de merge request).",
        ),
    ] = None,
) -> None:
    """Maak het plandocument voor college, raad en schoolbesturen, als HTML of Markdown."""
    from samenplan.check.run import check_plan
    from samenplan.document.render import RenderError, render_report
    from samenplan.files.atomic import write_atomic
    from samenplan.load.planfolder import NotAPlan
    from samenplan.output.text import format_text

    if fmt not in ("md", "html"):
        fail(f"'{fmt}' is geen formaat voor render; kies md of html.")
    today = _today(datum)
    css = _read_css(theme_css)
    try:
        result = check_plan(plan_dir)
    except NotAPlan as exc:
        fail(str(exc))
    target = None if output == "-" else Path(output) if output else plan_dir / f"plan.{fmt}"
    if target is not None:
        _check_target(target, overwrite=overwrite)
    changes = _changes(result, sinds) if sinds is not None else None
    try:
        text = render_report(result, fmt, today=today, theme_css=css, force=force, changes=changes)  # type: ignore[arg-type]
    except RenderError as exc:
        sys.stderr.write(format_text(result))
        typer.echo(f"samenplan: {exc}", err=True)
        raise typer.Exit(ExitCode.FINDINGS) from None
    if target is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(target, text)
    except OSError as exc:
        from samenplan.files.oserrors import reason

        fail(f"kan '{target}' niet schrijven: {reason(exc)}.")
    typer.echo(f"geschreven: {target.as_posix()}")


def _changes(result: "CheckResult", revision: str) -> "PlanDiff":
    from samenplan.diff.build import diff_plans
    from samenplan.diff.errors import DiffError
    from samenplan.diff.sides import current, read_revision

    try:
        return diff_plans(read_revision(revision, result.loaded.root, os.environ), current(result))
    except DiffError as exc:
        fail(str(exc))


def _today(text: str | None) -> date:
    value = text or os.environ.get(DATE_VARIABLE)
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"'{value}' is geen datum; schrijf JJJJ-MM-DD.")


def _read_css(path: Path | None) -> str | None:
    if path is None:
        return None
    from samenplan.files.oserrors import reason

    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"het thema '{path}' is niet als UTF-8 opgeslagen.")
    except OSError as exc:
        fail(f"het thema '{path}' kan niet gelezen worden: {reason(exc)}.")


def _check_target(target: Path, *, overwrite: bool) -> None:
    """Refuse a folder, a missing folder, or a file that samenplan did not make."""
    if target.is_dir():
        fail(f"'{target}' is een map; geef een bestandsnaam op.")
    if not target.parent.is_dir():
        fail(f"de map '{target.parent}' bestaat niet.")
    if target.exists() and not overwrite and not _made_by_us(target):
        fail(
            f"'{target}' bestaat al en is niet door samenplan gemaakt; er is niets "
            "overschreven. Kies een andere naam of gebruik --overwrite."
        )


def _made_by_us(path: Path) -> bool:
    from samenplan.document.render import GENERATOR_MARK

    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return GENERATOR_MARK in handle.read(20_000_000)
    except OSError:
        return False
