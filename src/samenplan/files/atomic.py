"""Write files atomically: a temporary file beside the target, then one rename.

The temporary file is named ``.NAME.PID.RANDOM.tmp``. A write that is killed (SIGKILL, a
power cut) leaves it behind; the next write to the same folder removes such files of
processes that no longer run.
"""

import os
import re
import stat
import tempfile
import time
from pathlib import Path

#: Temporary files of older versions (``.NAME.RANDOM.tmp``, no process id) older than this
#: are left over from a killed write.
STALE_SECONDS = 3600
_OURS = r"(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}\.tmp"


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what a new file gets under the current umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8) or bytes to ``path``: readers see the old file or the new one, never half."""
    atomic = AtomicFile(path)
    try:
        atomic.write(text)
        atomic.commit()
    except BaseException:
        atomic.discard()
        raise


class AtomicFile:
    """write_atomic in parts: the temporary file beside ``path`` exists from the start, takes
    text piece by piece, and replaces ``path`` at commit(); discard() removes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        remove_stale_temporaries(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        self._tmp = Path(tmp)
        self._handle = os.fdopen(fd, "wb")

    def write(self, text: str | bytes) -> None:
        """Add ``text`` (UTF-8) or bytes at the end of the new file."""
        self._handle.write(text.encode("utf-8") if isinstance(text, str) else text)

    def commit(self) -> None:
        """Put the new file in place of ``path``, as one rename."""
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        self._tmp.chmod(_mode_for(self.path))
        self._tmp.replace(self.path)

    def discard(self) -> None:
        """Remove the temporary file; ``path`` stays as it was."""
        try:
            self._handle.close()
        finally:
            self._tmp.unlink(missing_ok=True)


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove temporary files that an earlier, killed write of ``path`` left; return them."""
    removed: list[Path] = []
    try:
        candidates = list(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    ours = re.compile(re.escape(f".{path.name}.") + _OURS)
    for candidate in candidates:
        match = ours.fullmatch(candidate.name)
        if match is None or not _stale(candidate, match["pid"]):
            continue
        try:
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    """``name`` with the characters glob treats specially put in brackets."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def _stale(candidate: Path, pid: str | None) -> bool:
    if pid is not None:
        return not _running(int(pid))
    try:
        return time.time() - candidate.lstat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, as another user
        return True
    return True
