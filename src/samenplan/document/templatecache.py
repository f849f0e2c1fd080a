"""The report templates compiled once and kept in the user's cache folder (jinja2 bytecode).

Compiling the report templates takes about a tenth of a `render`. Jinja keeps each compiled
template with the checksum of its source and the Python version, and compiles again when
either differs; the folder's name also holds the versions of samenplan and jinja2 and a
checksum of the module that sets up the environment (its options are compiled in). A cache
that cannot be read, written or made, or a file in it that is damaged, only means the
template is compiled as without a cache: the document is the same. A folder that others may
write in is not used.
"""

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from samenplan.files.atomic import write_atomic

if TYPE_CHECKING:
    from jinja2.bccache import Bucket

#: Set (to anything) to compile the templates at every start, as without a cache.
NO_CACHE_VARIABLE = "SAMENPLAN_NO_CACHE"


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates as files in ``folder``; every failure is a miss, never an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, bucket: "Bucket") -> Path:
        return self.folder / f"{bucket.key}.cache"

    def _own(self) -> bool:
        """Whether the folder is the user's own and no one else may write in it: compiled code
        is run, so a folder that someone else could fill (a shared /tmp) is never used."""
        if not hasattr(os, "getuid"):
            return True
        info = self.folder.stat()
        return info.st_uid == os.getuid() and not info.st_mode & 0o022

    def load_bytecode(self, bucket: "Bucket") -> None:
        """Fill ``bucket`` from its file; leave it empty when there is none or it is damaged."""
        try:
            if not self._own():
                return
            data = self._file(bucket).read_bytes()
            bucket.bytecode_from_string(data)
        except Exception:  # unreadable or damaged: compile as without a cache
            bucket.reset()

    def dump_bytecode(self, bucket: "Bucket") -> None:
        """Keep the compiled template of ``bucket``, atomically; nothing happens when that fails."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self._own():
                return
            write_atomic(self._file(bucket), bucket.bytecode_to_string())
        except Exception:  # unwritable, full, or no such folder: compiled again next time
            pass


def template_cache(kind: str, environment_source: Path) -> TemplateCache | None:
    """The cache for the environment of ``kind`` set up in ``environment_source``; None without one."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    from samenplan import __version__

    try:
        given = Path(os.environ.get("XDG_CACHE_HOME", ""))
        base = given if given.is_absolute() else Path.home() / ".cache"  # never the plan folder
        setup = hashlib.sha1(environment_source.read_bytes(), usedforsecurity=False).hexdigest()[:12]
    except (OSError, RuntimeError):  # no home folder, or the module is not a file
        return None
    name = (
        f"templates-{__version__}-jinja2-{jinja2.__version__}-{sys.implementation.cache_tag}-{kind}-{setup}"
    )
    return TemplateCache(base / "samenplan" / name)
