"""Asking before a command replaces a user's files: one question, the same for every command."""

import typer

from samenplan.cli.exits import ExitCode, fail

#: The answers that mean yes; anything else (also just Enter) means no.
YES = ("j", "ja", "y", "yes")


def count_files(count: int) -> str:
    """'1 bestand' or '3 bestanden'."""
    return "1 bestand" if count == 1 else f"{count} bestanden"


def confirm(action: str, *, yes: bool, terminal: bool, without_terminal: str, backup: str) -> None:
    """Go on only when the user agrees to ``action`` ('samenplan migrate verandert 3 bestanden'),
    or gave --yes; without a terminal, stop with exit 2 and say ``without_terminal`` (what to
    give instead). ``backup`` says where the old files go first."""
    if yes:
        return
    if not terminal:
        fail(
            f"{action}. Zonder terminal kan samenplan niet vragen of dat mag: {without_terminal}. "
            "Er is niets veranderd."
        )
    typer.echo(f"{action}; {backup}.")
    answer: str = typer.prompt("Doorgaan? [j/N]", default="", show_default=False)
    if answer.strip().lower() not in YES:
        typer.echo("Er is niets veranderd.")
        raise typer.Exit(ExitCode.OK)
