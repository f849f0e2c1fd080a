"""`samenplan render`: the typer command. Checks the plan, renders it, writes it atomically."""

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DATE_VARIABLE = "SAMENPLAN_DATUM"


def render_command(
    plan_dir: Annotated[Path, typer.Argument(
        metavar="PLANMAP", help="Map met het plan.")] = Path(),
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="md|html", help="Markdown of HTML.")] = "html",
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="BESTAND",
        help="Waar het document komt; '-' is het scherm. Standaard: plan.html of plan.md in "
             "de planmap.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Maak ook een document als het plan fouten bevat; bovenaan staat dan "
                        "'Concept — bevat fouten'.")] = False,
    theme_css: Annotated[Path | None, typer.Option(
        "--theme-css", metavar="BESTAND",
        help="CSS met de huisstijl van de gemeente (NL Design System-thema).")] = None,
    datum: Annotated[str | None, typer.Option(
        "--datum", metavar="JJJJ-MM-DD",
        help=f"Datum in het document (standaard vandaag, of ${DATE_VARIABLE}).")] = None,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Vervang een bestaand bestand dat niet door samenplan is gemaakt.")] = False,
) -> None:
    """Maak het plandocument voor college, raad en schoolbesturen, als HTML of Markdown."""
    from samenplan.atomicfile import write_atomic
    from samenplan.check import check_plan
    from samenplan.loader import NotAPlan
    from samenplan.report.render import RenderError, render_report
    from samenplan.reporters.text import format_text

    if fmt not in ("md", "html"):
        _fail(f"'{fmt}' is geen formaat voor render; kies md of html.")
    today = _today(datum)
    css = _read_css(theme_css)
    try:
        result = check_plan(plan_dir)
    except NotAPlan as exc:
        _fail(str(exc))
    target = None if output == "-" else Path(output) if output else plan_dir / f"plan.{fmt}"
    if target is not None:
        _check_target(target, overwrite=overwrite)
    try:
        text = render_report(result, fmt, today=today, theme_css=css, force=force)  # type: ignore[arg-type]
    except RenderError as exc:
        sys.stderr.write(format_text(result))
        typer.echo(f"samenplan: {exc}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    if target is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(target, text)
    except OSError as exc:
        from samenplan.oserrors import reason

        _fail(f"kan '{target}' niet schrijven: {reason(exc)}.")
    typer.echo(f"geschreven: {target.as_posix()}")


def _fail(message: str) -> typer.Exit:
    typer.echo(f"samenplan: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _today(text: str | None) -> date:
    value = text or os.environ.get(DATE_VARIABLE)
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"'{value}' is geen datum; schrijf JJJJ-MM-DD.") from None


def _read_css(path: Path | None) -> str | None:
    if path is None:
        return None
    from samenplan.oserrors import reason

    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _fail(f"het thema '{path}' is niet als UTF-8 opgeslagen.") from None
    except OSError as exc:
        raise _fail(f"het thema '{path}' kan niet gelezen worden: {reason(exc)}.") from None


def _check_target(target: Path, *, overwrite: bool) -> None:
    """Refuse a folder, a missing folder, or a file that samenplan did not make."""
    if target.is_dir():
        _fail(f"'{target}' is een map; geef een bestandsnaam op.")
    if not target.parent.is_dir():
        _fail(f"de map '{target.parent}' bestaat niet.")
    if target.exists() and not overwrite and not _made_by_us(target):
        _fail(f"'{target}' bestaat al en is niet door samenplan gemaakt; er is niets "
              "overschreven. Kies een andere naam of gebruik --overwrite.")


def _made_by_us(path: Path) -> bool:
    from samenplan.report.render import GENERATOR_MARK

    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return GENERATOR_MARK in handle.read(20_000_000)
    except OSError:
        return False
