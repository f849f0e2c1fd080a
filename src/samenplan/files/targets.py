"""Where an output may go: a regular file (written atomically), or a pipe or terminal (a stream).

Something that is neither (a disk device, a socket) is never written, and something that
is not a regular file is never replaced by one: ``-o /dev/null`` writes to /dev/null, it does
not put a file in its place. A symlink is followed: the file it points to is written.
"""

import contextlib
import errno
import os
import stat
from enum import Enum
from pathlib import Path

from samenplan.files.atomic import AtomicFile

#: The most of an existing file read to see whether samenplan made it.
PEEK_BYTES = 8192


class Kind(Enum):
    """What is at an output path now."""

    NEW = "new"  # nothing yet (or a symlink to nothing): a new regular file
    FILE = "file"  # a regular file, to replace atomically
    STREAM = "stream"  # a pipe (FIFO) or a character device such as a terminal or /dev/null
    FOLDER = "folder"
    OTHER = "other"  # a block device, a socket: never written


class NotAFile(OSError):
    """The output path is a folder, a disk device or a socket."""


def kind_of(path: Path) -> Kind:
    """What ``path`` is (following symlinks)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Kind.NEW
    except OSError:
        return Kind.NEW  # the write reports the real reason, in Dutch
    if stat.S_ISREG(mode):
        return Kind.FILE
    if stat.S_ISDIR(mode):
        return Kind.FOLDER
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return Kind.STREAM
    return Kind.OTHER


def peek(path: Path) -> tuple[bytes, bytes, int]:
    """The first and last PEEK_BYTES of a regular file, and its size; never more is read."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        head = handle.read(PEEK_BYTES)
        if size > PEEK_BYTES:
            handle.seek(max(size - PEEK_BYTES, PEEK_BYTES))
            return head, handle.read(PEEK_BYTES), size
        return head, head, size


def write_output(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes) to ``path``: atomically to a regular file, as a stream to a pipe
    or device.

    Raises OSError: ENXIO when ``path`` is a pipe that nobody reads (instead of waiting for
    one), NotAFile for anything else that is not a file.
    """
    target = open_output(path)
    try:
        target.write(text)
        target.commit()
    except BaseException:
        target.discard()
        raise


class OutputStream:
    """A pipe or device opened for writing, with the calls of files.atomic.AtomicFile."""

    def __init__(self, path: Path) -> None:
        # Non-blocking open: a pipe without a reader fails with ENXIO instead of waiting forever.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        os.set_blocking(fd, True)
        self._handle = os.fdopen(fd, "wb")

    def write(self, text: str | bytes) -> None:
        """Write ``text`` (UTF-8) or bytes now."""
        self._handle.write(text.encode("utf-8") if isinstance(text, str) else text)

    def commit(self) -> None:
        """The end: flush and close."""
        self._handle.close()

    def discard(self) -> None:
        """Stop writing (what was written is read already)."""
        with contextlib.suppress(OSError):
            self._handle.close()


def open_output(path: Path) -> AtomicFile | OutputStream:
    """``path`` opened for writing in parts, as write_output writes it; the same OSErrors."""
    kind = kind_of(path)
    if kind is Kind.STREAM:
        return OutputStream(path)
    if kind in (Kind.NEW, Kind.FILE):
        return AtomicFile(Path(os.path.realpath(path)))
    raise NotAFile(errno.EISDIR if kind is Kind.FOLDER else errno.ENODEV, "not a file", str(path))
