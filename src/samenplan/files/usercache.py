"""The user's cache folder, for what samenplan works out once per installed version.

What is kept there only ever saves time: a file that is missing, damaged, unreadable or
unwritable is a miss, and the result is the same as without a cache. Files in it are loaded
as code (compiled templates, validators), so a folder or file that someone else owns or may
write in is never read and never written. ``$SAMENPLAN_NO_CACHE`` (set to anything) turns the
cache off; ``$XDG_CACHE_HOME`` moves it when it is an absolute path (as the XDG spec says), else
it is ``~/.cache/samenplan``, and there is none when the home folder does not exist (samenplan
never makes one). It is never the plan folder.
"""

import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from samenplan.files.atomic import write_atomic

#: Set (to anything) to work everything out at every start, as without a cache.
NO_CACHE_VARIABLE = "SAMENPLAN_NO_CACHE"

T = TypeVar("T")


def cache_folder(name: str) -> Path | None:
    """The folder ``name`` in samenplan's cache; None when the cache is off or there is no home."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    try:
        given = Path(os.environ.get("XDG_CACHE_HOME", ""))
        if given.is_absolute():
            return given / "samenplan" / name
        home = Path.home()
        if not home.is_dir():  # HOME=/nonexistent (a service account): never made here
            return None
    except (RuntimeError, OSError):  # no home folder
        return None
    return home / ".cache" / "samenplan" / name


def own(path: Path) -> bool:
    """Whether ``path`` is the user's own and no one else may write in it (raises OSError)."""
    if not hasattr(os, "getuid"):
        return True
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def read_cached(file: Path) -> bytes | None:
    """The bytes of ``file`` in a cache folder; None when it is missing, unreadable or not safe to load."""
    try:
        if not (own(file.parent) and own(file)):
            return None
        return file.read_bytes()
    except OSError:
        return None


def write_cached(file: Path, data: bytes) -> bool:
    """Keep ``data`` in ``file`` atomically, making its folder; False (and nothing written) on failure."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not own(file.parent):
            return False
        write_atomic(file, data)
        file.chmod(0o600)  # never readable or writable by others, whatever the umask
    except OSError:  # unwritable, full, or a file where the folder should be
        return False
    return True


def checksum(*parts: bytes) -> str:
    """A short checksum of ``parts`` for a cache file's name (64 bits: for changes, not attacks)."""
    crc, adler = 0, 1
    for part in parts:
        crc = zlib.crc32(part, crc)
        adler = zlib.adler32(part, adler)
    return f"{crc:08x}{adler:08x}"


def remembered(name: str, source: bytes, make: Callable[[], T], kind: type[T]) -> T:
    """``make()``, kept in the cache folder ``name`` under a checksum of ``source``.

    The next start with the same source loads it instead (when it is a ``kind``); a miss of
    any sort makes it again. Other files in the folder (for a source that has changed) go.
    """
    folder = cache_folder(name)
    file = None if folder is None else folder / f"{checksum(source)}.pickle"
    data = None if file is None else read_cached(file)
    if data is not None:
        try:
            kept = pickle.loads(data)
        except Exception:  # damaged, or cut off
            kept = None
        if isinstance(kept, kind):
            return kept
    made = make()
    if file is not None and write_cached(file, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)):
        forget_others(file)
    return made


def forget_others(file: Path) -> None:
    """Remove the other cache files of ``file``'s folder: kept for a source that has changed."""
    try:
        for other in file.parent.glob(f"*{file.suffix}"):
            if other != file:
                other.unlink(missing_ok=True)
    except OSError:
        pass
