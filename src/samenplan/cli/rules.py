"""`samenplan rules` and `samenplan explain`: the documentation of every finding."""

import sys
from typing import Annotated

import typer

from samenplan.cli.exits import fail


def rules_command(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Als Markdown-document (zoals docs/regels.md).")
    ] = False,
) -> None:
    """Toon alle meldingen en regels van 'samenplan check', met code, naam en ernst."""
    from samenplan.check.ruledocs import rules_markdown, rules_table

    sys.stdout.write(rules_markdown() if markdown else rules_table())


def explain_command(
    code: Annotated[str, typer.Argument(metavar="CODE", help="Code of naam, bijvoorbeeld SP101.")],
) -> None:
    """Leg een melding uit: wat de regel controleert, waarom, en een goed en fout voorbeeld."""
    from samenplan.check.ruledocs import UnknownCode, explain_text

    try:
        sys.stdout.write(explain_text(code))
    except UnknownCode as exc:
        fail(str(exc))
