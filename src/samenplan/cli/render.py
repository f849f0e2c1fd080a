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
    from samenplan.document.render import Format

DATE_VARIABLE = "SAMENPLAN_DATUM"


def render_command(
    plan_dir: Annotated[Path, typer.Argument(metavar="PLANMAP", help="Map met het plan.")] = Path(),
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="html|md|pdf|docx",
            help="HTML, Markdown, PDF (met samenplan[pdf]) of Word (met samenplan[docx]).",
        ),
    ] = "html",
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="BESTAND",
            help="Waar het document komt; '-' is het scherm. Standaard: plan.<formaat> in de planmap.",
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
    werkversie: Annotated[
        bool,
        typer.Option(
            "--werkversie",
            help="Werkversie voor de werkgroep: elke melding van check met de plaats in het plan en een tip.",
        ),
    ] = False,
    sjabloon: Annotated[
        Path | None,
        typer.Option(
            "--sjabloon",
            metavar="BESTAND.docx",
            help="Word-bestand met de huisstijl van de gemeente; alleen bij --format docx.",
        ),
    ] = None,
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
    """Maak het plandocument voor college, raad en schoolbesturen: HTML, Markdown, PDF of Word."""
    from samenplan.check.run import check_plan
    from samenplan.document.render import RenderError, SetupError, render_file
    from samenplan.load.planfolder import NotAPlan
    from samenplan.output.text import format_text

    kind = _format(fmt, theme_css, sjabloon)
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
        data = render_file(
            result,
            kind,
            today=today,
            theme_css=css,
            force=force,
            werkversie=werkversie,
            sjabloon=sjabloon,
            changes=changes,
        )
    except SetupError as exc:
        fail(str(exc))
    except RenderError as exc:
        sys.stderr.write(format_text(result))
        typer.echo(f"samenplan: {exc}", err=True)
        raise typer.Exit(ExitCode.FINDINGS) from None
    _write(target, data, kind)


def _format(fmt: str, theme_css: Path | None, sjabloon: Path | None) -> "Format":
    """The format asked for; refuses one that does not exist and options that do not belong to it."""
    from samenplan.document.render import FORMATS

    kind = next((f for f in FORMATS if f == fmt), None)
    if kind is None:
        fail(f"'{fmt}' is geen formaat voor render; kies html, md, pdf of docx.")
    if sjabloon is not None and fmt != "docx":
        fail(
            "--sjabloon hoort bij --format docx: een Word-sjabloon geeft alleen een Word-bestand zijn stijl."
        )
    if theme_css is not None and fmt in ("md", "docx"):
        fail("--theme-css hoort bij --format html of pdf; geef een Word-bestand zijn stijl met --sjabloon.")
    if sjabloon is not None and not sjabloon.is_file():
        fail(f"het sjabloon '{sjabloon}' bestaat niet of is geen bestand.")
    return kind


def _write(target: Path | None, data: bytes, fmt: str) -> None:
    """The document to the screen (target None) or, atomically, to its file."""
    from samenplan.files.atomic import write_atomic

    if target is None:
        if fmt in ("pdf", "docx"):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data.decode("utf-8"))
        return
    try:
        write_atomic(target, data)
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
