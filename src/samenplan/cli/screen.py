"""Writing to the screen (stdout): a closed, full or vanished stdout is a Dutch message."""

import os
import sys

from samenplan.cli.exits import fail
from samenplan.files.oserrors import reason


def has_terminal() -> bool:
    """Whether stdout is open and a terminal (so colours may be used)."""
    out = sys.stdout
    try:
        return out is not None and out.isatty()
    except (ValueError, OSError):  # closed
        return False


def write_screen(text: str | bytes) -> None:
    """Write ``text`` (or a file's bytes) to stdout and flush it; exit 2 in Dutch when that is
    not possible.

    A reader that stops early (``samenplan check | head``) is no error: the rest is dropped.
    """
    out = sys.stdout
    if out is None or out.closed:
        fail("de uitvoer kan niet op het scherm: de standaarduitvoer is gesloten. Gebruik --output BESTAND.")
    try:
        try:
            if isinstance(text, bytes):
                out.flush()
                out.buffer.write(text)
            else:
                out.write(text)
        except UnicodeEncodeError:  # a terminal that cannot show every character
            out.flush()
            out.buffer.write(str(text).encode(out.encoding or "utf-8", "backslashreplace"))
        out.flush()
    except BrokenPipeError:
        _drop_the_rest()
    except OSError as exc:
        _drop_the_rest()
        fail(f"de uitvoer kan niet op het scherm (de standaarduitvoer) worden gezet: {reason(exc)}.")


def _drop_the_rest() -> None:
    """Point stdout at /dev/null, so Python's last flush at exit cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
