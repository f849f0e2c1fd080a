"""Typer arguments that several commands share, written once."""

from pathlib import Path
from typing import Annotated

import typer

#: The plan folder of `migrate` and `status` (check and render read theirs from their own
#: option tables, cli/check.py and cli/render.py).
PlanDir = Annotated[
    Path,
    typer.Argument(
        metavar="PLANMAP",
        help="Map met het plan (samenplan.yaml en de stapbestanden); standaard de huidige map.",
        show_default=False,
    ),
]
