"""`samenplan diff`: options, then compare two versions of the plan, write the report."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samenplan.cli.exits import fail

if TYPE_CHECKING:
    from samenplan.diff.model import PlanDiff

_FORMATS = {"text": "text", "tekst": "text", "markdown": "markdown", "md": "markdown", "json": "json"}


def diff_command(
    oud: Annotated[
        str | None,
        typer.Argument(
            metavar="OUD",
            help="De oude versie: een revisie in Git (tak, tag of commit) of een planmap. "
            "Standaard 'basis': het begin van de merge request in CI.",
            show_default=False,
        ),
    ] = None,
    nieuw: Annotated[
        str | None,
        typer.Argument(
            metavar="NIEUW",
            help="De nieuwe versie: een revisie of een planmap. Standaard de huidige bestanden.",
            show_default=False,
        ),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            metavar="PLANMAP",
            help="De map van het plan in de repository, als daar meer plannen staan.",
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAAT",
            help="text (standaard), markdown of json. In GitHub Actions komt er zonder --format "
            "en --output ook Markdown in de samenvatting ($GITHUB_STEP_SUMMARY).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="BESTAND", help="Schrijf naar dit bestand in plaats van op het scherm."
        ),
    ] = None,
) -> None:
    """Laat zien wat er in het plan veranderd is tussen twee versies, in gewone taal.

    Vergelijkt geld, interventies, resultaten, partners, besluitvorming en de meldingen van
    samenplan check. Elke kant is een revisie in Git of een planmap:

    \b
      samenplan diff v1.0 HEAD          twee versies in Git
      samenplan diff main               de tak main met de huidige bestanden
      samenplan diff oud/ nieuw/        twee planmappen
      samenplan diff v1.0 --plan plannen/rivierstad
      samenplan diff --format markdown  in CI: het begin van de merge request met nu

    Exit code 0: vergeleken (ook als er iets veranderd is); 2: verkeerd gebruik.
    """
    from samenplan.diff.build import diff_plans
    from samenplan.diff.errors import DiffError
    from samenplan.diff.sides import read_sides
    from samenplan.load.planfolder import NotAPlan

    fmt = _FORMATS.get((output_format or "text").strip().lower())
    if fmt is None:
        fail(f"Het formaat '{output_format}' bestaat niet voor diff. Kies uit: text, markdown, json.")
    try:
        old, new = read_sides(oud, nieuw, plan, Path.cwd(), os.environ)
    except (DiffError, NotAPlan) as exc:
        fail(str(exc))
    diff = diff_plans(old, new)
    _write(_format(diff, fmt), output)
    if output_format is None and output is None:
        _append_step_summary(diff)


def _format(diff: "PlanDiff", fmt: str) -> str:
    from samenplan.diff import json_report, report

    if fmt == "json":
        return json_report.format_json(diff)
    return report.format_markdown(diff) if fmt == "markdown" else report.format_text(diff)


def _append_step_summary(diff: "PlanDiff") -> None:
    """In GitHub Actions, add the Markdown report to $GITHUB_STEP_SUMMARY."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") != "true" or not target:
        return
    from samenplan.files.oserrors import reason

    try:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(_format(diff, "markdown") + "\n")  # a blank line before the next step's part
    except OSError as exc:
        typer.echo(
            "samenplan: de samenvatting voor GitHub kan niet geschreven worden naar "
            f"'{target}': {reason(exc)}.",
            err=True,
        )


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from samenplan.files.atomic import write_atomic
    from samenplan.files.oserrors import reason

    if output.is_dir():
        fail(f"'{output}' is een map; geef een bestandsnaam.")
    try:
        write_atomic(output, text)
    except OSError as exc:
        fail(f"'{output}' kan niet geschreven worden: {reason(exc)}.")
