"""Reservekopieën: every file that `init` replaces is first copied into the plan folder.

A backup is a folder ``<plan>/reservekopie/<moment>/`` with the old files, byte for byte, and
``herstel.json`` listing where each one came from; `samenplan init --herstel` puts them back.
"""

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from samenplan.files.atomic import write_atomic

BACKUP_FOLDER = "reservekopie"
INDEX_FILE = "herstel.json"
_OUTSIDE = "buiten-de-planmap"


class BackupError(Exception):
    """A backup that cannot be made or read; the message is Dutch. Nothing was replaced."""


@dataclass(frozen=True)
class Saved:
    """One file in a backup: the copy, and the place it came from."""

    copy: Path
    original: Path


@dataclass(frozen=True)
class Backup:
    """One backup folder and its files."""

    folder: Path
    files: tuple[Saved, ...]


def make_backup(plan_dir: Path, originals: list[Path], now: datetime) -> Backup:
    """Copy ``originals`` (existing files) into a new backup folder of ``plan_dir``."""
    folder = _new_folder(plan_dir / BACKUP_FOLDER, now)
    saved = []
    index = []
    for original in originals:
        where = os.path.relpath(original, plan_dir)
        parts = Path(where).parts
        inside = parts[0] != os.pardir
        stored = Path(where) if inside else Path(_OUTSIDE, *(p for p in parts if p != os.pardir))
        copy = folder / stored
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(original, copy)
        saved.append(Saved(copy, original))
        index.append({"kopie": stored.as_posix(), "origineel": Path(where).as_posix()})
    write_atomic(folder / INDEX_FILE, json.dumps({"bestanden": index}, ensure_ascii=False, indent=2) + "\n")
    return Backup(folder, tuple(saved))


def _new_folder(parent: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y-%m-%d-%H%M%S")
    for n in range(1, 1000):
        folder = parent / (stamp if n == 1 else f"{stamp}-{n}")
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            continue
        return folder
    raise BackupError(f"In '{parent}' kan geen nieuwe map voor een reservekopie komen.")


def latest_backup(plan_dir: Path) -> Backup | None:
    """The newest backup of ``plan_dir``, or None when there is none."""
    parent = plan_dir / BACKUP_FOLDER
    if not parent.is_dir():
        return None
    folders = sorted(
        (f for f in parent.iterdir() if (f / INDEX_FILE).is_file()),
        key=lambda f: (f.stat().st_mtime_ns, f.name),
    )
    return read_backup(plan_dir, folders[-1]) if folders else None


def read_backup(plan_dir: Path, folder: Path) -> Backup:
    """The files of one backup folder."""
    try:
        index = json.loads((folder / INDEX_FILE).read_text(encoding="utf-8"))
        entries = [(str(e["kopie"]), str(e["origineel"])) for e in index["bestanden"]]
    except (OSError, ValueError, KeyError, TypeError):
        raise BackupError(
            f"'{folder / INDEX_FILE}' kan niet gelezen worden; zet de bestanden met de hand terug."
        ) from None
    files = tuple(Saved(folder / copy, plan_dir / original) for copy, original in entries)
    missing = [s.copy for s in files if not s.copy.is_file()]
    if missing:
        raise BackupError(f"De reservekopie is niet compleet: '{missing[0]}' ontbreekt.")
    return Backup(folder, files)


def restore(backup: Backup) -> None:
    """Put every file of ``backup`` back, each one atomically and byte for byte."""
    for saved in backup.files:
        saved.original.parent.mkdir(parents=True, exist_ok=True)
        target = saved.original
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            shutil.copy2(saved.copy, tmp)
            Path(tmp).replace(saved.original)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
