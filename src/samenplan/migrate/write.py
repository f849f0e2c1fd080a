"""Write a migration: first a reservekopie of every file that changes, then each file atomically.

The reservekopie is the one `samenplan init --overwrite` makes (scaffold/backup.py), so
`samenplan init PLANMAP --herstel` puts the formaatversie 1 files back.
"""

from datetime import datetime

from samenplan.files.atomic import write_atomic
from samenplan.migrate.run import FileMigration, Migration
from samenplan.scaffold.backup import Backup, make_backup


class WriteFailed(Exception):
    """A file could not be written; ``done`` were written, the others are unchanged."""

    def __init__(self, failed: FileMigration, error: OSError, done: list[FileMigration]) -> None:
        super().__init__(str(error))
        self.failed = failed
        self.error = error
        self.done = done


def back_up(migration: Migration, now: datetime) -> Backup:
    """The reservekopie of every file the migration changes (raises OSError, BackupError)."""
    return make_backup(migration.root, [f.path for f in migration.files], now)


def write_files(migration: Migration) -> None:
    """Write each migrated file atomically; raises WriteFailed on the first that fails."""
    done: list[FileMigration] = []
    for file in migration.files:
        try:
            write_atomic(file.path, file.new)
        except OSError as exc:
            raise WriteFailed(file, exc, done) from exc
        done.append(file)
