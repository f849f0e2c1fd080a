"""The report templates compiled once and kept in the user's cache folder (jinja2 bytecode).

Compiling the report templates takes about a tenth of a `render`. Jinja keeps each compiled
template with the checksum of its source and the Python version, and compiles again when
either differs; the folder's name also holds the versions of samenplan and jinja2 and a
checksum of the module that sets up the environment (its options are compiled in). What the
cache folder may be, and when it is not used, is in files/usercache.py: a cache that cannot be
read, written or made, or a file in it that is damaged, only means the template is compiled
as without a cache, and the document is the same.
"""

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from samenplan.files.usercache import NO_CACHE_VARIABLE, cache_folder, read_cached, write_cached

if TYPE_CHECKING:
    from jinja2.bccache import Bucket

__all__ = ["NO_CACHE_VARIABLE", "TemplateCache", "template_cache"]


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates as files in ``folder``; every failure is a miss, never an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, bucket: "Bucket") -> Path:
        return self.folder / f"{bucket.key}.cache"

    def load_bytecode(self, bucket: "Bucket") -> None:
        """Fill ``bucket`` from its file; leave it empty when there is none or it is damaged."""
        data = read_cached(self._file(bucket))
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # damaged: compile as without a cache
            bucket.reset()

    def dump_bytecode(self, bucket: "Bucket") -> None:
        """Keep the compiled template of ``bucket``, atomically; nothing happens when that fails."""
        write_cached(self._file(bucket), bucket.bytecode_to_string())


def template_cache(kind: str, environment_source: Path) -> TemplateCache | None:
    """The cache for the environment of ``kind`` set up in ``environment_source``; None without one."""
    from samenplan import __version__

    try:
        setup = hashlib.sha1(environment_source.read_bytes(), usedforsecurity=False).hexdigest()[:12]
    except OSError:  # the module is not a file
        return None
    name = (
        f"templates-{__version__}-jinja2-{jinja2.__version__}-{sys.implementation.cache_tag}-{kind}-{setup}"
    )
    folder = cache_folder(name)
    return None if folder is None else TemplateCache(folder)
