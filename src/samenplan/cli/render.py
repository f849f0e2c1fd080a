"""`samenplan render`: the typer command. Checks the plan, renders it, writes it atomically."""

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from samenplan.cli.exits import ExitCode, fail

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
) -> None:
    """Maak het plandocument voor college, raad en schoolbesturen: HTML, Markdown, PDF of Word."""
    from samenplan.check.run import check_plan
    from samenplan.document.render import FORMATS, RenderError, SetupError, render_file
    from samenplan.files.atomic import write_atomic
    from samenplan.load.planfolder import NotAPlan
    from samenplan.output.text import format_text

    if fmt not in FORMATS:
        fail(f"'{fmt}' is geen formaat voor render; kies html, md, pdf of docx.")
    if sjabloon is not None and fmt != "docx":
        fail(
            "--sjabloon hoort bij --format docx: een Word-sjabloon geeft alleen een Word-bestand zijn stijl."
        )
    if theme_css is not None and fmt in ("md", "docx"):
        fail("--theme-css hoort bij --format html of pdf; geef een Word-bestand zijn stijl met --sjabloon.")
    if sjabloon is not None and not sjabloon.is_file():
        fail(f"het sjabloon '{sjabloon}' bestaat niet of is geen bestand.")
    today = _today(datum)
    css = _read_css(theme_css)
    try:
        result = check_plan(plan_dir)
    except NotAPlan as exc:
        fail(str(exc))
    target = None if output == "-" else Path(output) if output else plan_dir / f"plan.{fmt}"
    if target is not None:
        _check_target(target, overwrite=overwrite)
    try:
        data = render_file(
            result,
            fmt,
            today=today,
            theme_css=css,
            force=force,
            werkversie=werkversie,
            sjabloon=sjabloon,
        )
    except SetupError as exc:
        fail(str(exc))
    except RenderError as exc:
        sys.stderr.write(format_text(result))
        typer.echo(f"samenplan: {exc}", err=True)
        raise typer.Exit(ExitCode.FINDINGS) from None
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
