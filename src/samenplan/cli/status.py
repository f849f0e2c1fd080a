"""`samenplan status`: what is filled in per step, what is missing, and what to do next."""

import json
from pathlib import Path
from typing import Annotated

import typer

from samenplan.cli.arguments import PlanDir
from samenplan.cli.exits import fail


def status_command(
    plan_dir: PlanDir = Path(),
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAAT", help="Formaat: text (standaard) of json."),
    ] = "text",
) -> None:
    """Laat per stap zien wat is ingevuld en wat nog ontbreekt, en wat de volgende stappen zijn."""
    from samenplan.check.status import plan_status, status_data, status_text
    from samenplan.load.planfolder import NotAPlan

    if output_format not in ("text", "json"):
        fail(f"'{output_format}' is geen formaat voor status; kies text of json.")
    try:
        status = plan_status(plan_dir)
    except NotAPlan as exc:
        fail(str(exc))
    if output_format == "json":
        typer.echo(json.dumps(status_data(status), ensure_ascii=False, indent=2))
    else:
        typer.echo(status_text(status), nl=False)
