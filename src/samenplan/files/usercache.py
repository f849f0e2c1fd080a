"""The user's cache folder, for what samenplan works out once per installed version.

What is kept there only ever saves time: a file that is missing, damaged, unreadable or
unwritable is a miss, and the result is the same as without a cache. Files in it are loaded
as code (compiled templates, validators), so a folder or file that someone else owns or may
write in is never read and never written. ``$SAMENPLAN_NO_CACHE`` (set to anything) turns the
cache off; ``$XDG_CACHE_HOME`` moves it when it is an absolute path (as the XDG spec says), else
it is ``~/.cache/samenplan``. It is never the plan folder.
"""

import os
from pathlib import Path

from samenplan.files.atomic import write_atomic

#: Set (to anything) to work everything out at every start, as without a cache.
NO_CACHE_VARIABLE = "SAMENPLAN_NO_CACHE"


def cache_folder(name: str) -> Path | None:
    """The folder ``name`` in samenplan's cache; None when the cache is off or there is no home."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    try:
        given = Path(os.environ.get("XDG_CACHE_HOME", ""))
        base = given if given.is_absolute() else Path.home() / ".cache"
    except RuntimeError:  # no home folder
        return None
    return base / "samenplan" / name


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
