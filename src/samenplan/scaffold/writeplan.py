"""Decide what happens to each file of a scaffold, show diffs, and write atomically."""

import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from samenplan.files.atomic import write_atomic
from samenplan.files.textdiff import replace_diff


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
    old_is_text: bool = True  # False: the existing file is no UTF-8 text; ``old`` shows it with '�'

    def diff(self) -> str:
        """Unified diff from the existing file to the new text ('' when nothing changes)."""
        if self.old is None or (self.old == self.text and self.old_is_text):
            return ""
        lines = replace_diff(self.name, self.old, self.text, "nieuw")
        if not self.old_is_text:
            lines = (
                f"Let op: {self.name} is nu geen UTF-8-tekst (onleesbare tekens staan hieronder als '�'); "
                "het hele bestand wordt vervangen.\n" + lines
            )
        return lines


class TargetError(Exception):
    """The target cannot take a plan: a file, or not writable. Nothing was written."""


def check_target(target: Path) -> None:
    """Raise TargetError when ``target`` (or a folder above it) is a file, not a folder."""
    for folder in (target, *target.parents):
        if folder.exists() and not folder.is_dir():
            raise TargetError(f"'{folder}' is een bestand; geef een map op voor het nieuwe plan.")


def plan_writes(target: Path, files: dict[str, str], *, overwrite: bool, shown: str = "") -> list[FileWrite]:
    """What writing ``files`` into ``target`` would do; never touches the disk.

    ``shown`` goes before each name in what the user sees (a folder, with '/').
    """
    check_target(target)
    writes = []
    for name, text in files.items():
        path = target / name
        old, is_text = _read(path)
        if old is None:
            action = Action.NEW
        elif old == text and is_text:
            action = Action.SAME
        else:
            action = Action.OVERWRITE if overwrite else Action.SKIP
        writes.append(FileWrite(f"{shown}{name}", path, action, text, old, is_text))
    return writes


def _read(path: Path) -> tuple[str | None, bool]:
    if path.is_dir():
        raise TargetError(f"'{path}' is een map; daar kan geen plan-bestand komen.")
    if not path.exists() and not path.is_symlink():
        return None, True
    try:
        data = path.read_bytes()
    except OSError:
        return "", False  # unreadable: treat as different, so it is skipped unless --overwrite
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), False


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


class WriteFailed(Exception):
    """Writing stopped at ``failed``; ``done`` were written before. Nothing else was touched."""

    def __init__(self, failed: FileWrite, error: OSError, done: list[FileWrite]) -> None:
        super().__init__(failed.name)
        self.failed = failed
        self.error = error
        self.done = done


def replaced(writes: list[FileWrite]) -> list[FileWrite]:
    """The writes that replace an existing file."""
    return [w for w in writes if w.action is Action.OVERWRITE]


def apply_writes(writes: list[FileWrite]) -> list[FileWrite]:
    """Write every new and overwritten file atomically; returns what was written.

    Raises WriteFailed at the first file that cannot be written (a full disk, say).
    """
    done: list[FileWrite] = []
    for w in writes:
        if w.action in _WRITING:
            try:
                w.path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(w.path, w.text)
            except OSError as exc:
                raise WriteFailed(w, exc, done) from exc
            done.append(w)
    return done
