"""Exit codes of every command, and the one way to stop with a usage error."""

from enum import IntEnum
from typing import NoReturn

import typer


class ExitCode(IntEnum):
    """What a samenplan process tells its caller."""

    OK = 0
    FINDINGS = 1  # check found problems at or above --fail-level; render refused a plan
    USAGE = 2  # wrong use: a folder that does not exist, a bad option, a file not written
    INTERRUPTED = 130  # Ctrl-C


def fail(message: str) -> NoReturn:
    """Print ``samenplan: message`` on stderr and stop with exit code 2."""
    typer.echo(f"samenplan: {message}", err=True)
    raise typer.Exit(ExitCode.USAGE)
