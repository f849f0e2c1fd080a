"""Exit codes of every command, and the one way to stop with a usage error.

Free of typer, so that `samenplan check` can start without it (see cli/main.py).
"""

import re
import sys
from enum import IntEnum
from typing import NoReturn, TextIO


class ExitCode(IntEnum):
    """What a samenplan process tells its caller."""

    OK = 0
    FINDINGS = 1  # check found problems at or above --fail-level; render refused a plan
    USAGE = 2  # wrong use: a folder that does not exist, a bad option, a file not written
    INTERRUPTED = 130  # Ctrl-C


#: Terminal colour codes, which click's echo drops when its stream is no terminal.
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo(message: str, *, err: bool = False) -> None:
    """``message`` and a line break on stdout (or stderr), as typer.echo writes it."""
    stream: TextIO | None = sys.stderr if err else sys.stdout
    if stream is None:
        return
    try:
        tty = stream.isatty()
    except (ValueError, OSError):
        tty = False
    text = message + "\n" if tty else _ANSI.sub("", message) + "\n"
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a stream that cannot show every character
        stream.flush()
        stream.buffer.write(text.encode(stream.encoding or "utf-8", "backslashreplace"))
    stream.flush()


def fail(message: str) -> NoReturn:
    """Print ``samenplan: message`` on stderr and stop with exit code 2."""
    echo(f"samenplan: {message}", err=True)
    raise SystemExit(ExitCode.USAGE)
