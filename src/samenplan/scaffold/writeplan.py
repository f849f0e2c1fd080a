"""Decide what happens to each file of a scaffold, show diffs, and write atomically."""

import difflib
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from samenplan.files.atomic import write_atomic


class Action(StrEnum):
    """What happens to one file."""

    NEW = "nieuw"
    SAME = "ongewijzigd"
    SKIP = "overgeslagen"
    OVERWRITE = "overschreven"


_WRITING = (Action.NEW, Action.OVERWRITE)


@dataclass(frozen=True)
class FileWrite:
    """One planned write."""

    name: str
    path: Path
    action: Action
    text: str
    old: str | None = None

    def diff(self) -> str:
        """Unified diff from the existing file to the new text ('' when nothing changes)."""
        if self.old is None or self.old == self.text:
            return ""
        return "".join(
            difflib.unified_diff(
                self.old.splitlines(keepends=True),
                self.text.splitlines(keepends=True),
                fromfile=f"{self.name} (nu)",
                tofile=f"{self.name} (nieuw)",
            )
        )


class TargetError(Exception):
    """The target cannot take a plan: a file, or not writable. Nothing was written."""


def plan_writes(target: Path, files: dict[str, str], *, overwrite: bool) -> list[FileWrite]:
    """What writing ``files`` into ``target`` would do; never touches the disk."""
    if target.exists() and not target.is_dir():
        raise TargetError(f"'{target}' is een bestand; geef een map op voor het nieuwe plan.")
    writes = []
    for name, text in files.items():
        path = target / name
        old = _read(path)
        if old is None:
            action = Action.NEW
        elif old == text:
            action = Action.SAME
        else:
            action = Action.OVERWRITE if overwrite else Action.SKIP
        writes.append(FileWrite(name, path, action, text, old))
    return writes


def _read(path: Path) -> str | None:
    if path.is_dir():
        raise TargetError(f"'{path}' is een map; daar kan geen plan-bestand komen.")
    try:
        return path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError):
        return ""  # unreadable: treat as different, so it is skipped unless --overwrite


def check_writable(writes: list[FileWrite]) -> None:
    """Raise TargetError when a folder that gets a file cannot be written to.

    Tried with a temporary file rather than assumed from permission bits: those say nothing
    for root, read-only file systems or folders like /proc.
    """
    folders = dict.fromkeys(w.path.parent for w in writes if w.action in _WRITING)
    for folder in folders:
        _probe(_nearest_existing(folder))


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _probe(folder: Path) -> None:
    if not folder.is_dir():
        raise TargetError(f"'{folder}' is een bestand; daarin kan geen map komen. Kies een andere map.")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        raise TargetError(f"Je mag niet schrijven in '{folder}'. Kies een andere map.") from None


def apply_writes(writes: list[FileWrite]) -> None:
    """Write every new and overwritten file atomically."""
    for w in writes:
        if w.action in _WRITING:
            w.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(w.path, w.text)
