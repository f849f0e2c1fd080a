"""`samenplan migrate`: show what changes, ask, keep a reservekopie, write. The work is in migrate/."""

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from samenplan.cli.arguments import PlanDir
from samenplan.cli.confirm import confirm, count_files
from samenplan.cli.exits import fail

if TYPE_CHECKING:
    from samenplan.migrate.run import Migration


def migrate_command(
    plan_dir: PlanDir = Path(),
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Toon alleen wat er zou veranderen; schrijf niets.")
    ] = False,
    yes: Annotated[
        bool,
        typer.Option("--yes", "-y", help="Niets vragen: werk het plan meteen bij (nodig zonder terminal)."),
    ] = False,
) -> None:
    """Werk een plan in formaatversie 1 bij naar formaatversie 2.

    Je ziet eerst wat er verandert. Opmerkingen, volgorde en opmaak blijven staan, en er gaat
    geen waarde verloren. De oude bestanden komen in een reservekopie in de planmap.
    """
    from samenplan.migrate.run import AlreadyCurrent, CannotMigrate, plan_migration
    from samenplan.safetext import terminal

    try:
        migration = plan_migration(plan_dir)
    except AlreadyCurrent as exc:
        typer.echo(terminal(str(exc)))
        return
    except CannotMigrate as exc:
        fail(terminal(str(exc)))
    _show(migration)
    if dry_run:
        typer.echo("Dit was een proef (--dry-run): er is niets geschreven.")
        return
    confirm(
        f"samenplan migrate verandert {count_files(len(migration.files))}",
        yes=yes,
        terminal=sys.stdin.isatty(),
        without_terminal="geef --yes mee (of kijk eerst met --dry-run)",
        backup="de oude versie komt eerst in een reservekopie",
    )
    _write(migration)


def _show(migration: "Migration") -> None:
    from samenplan.safetext import terminal

    for file in migration.files:
        for line in file.diff().splitlines():
            typer.echo(terminal(line))
    typer.echo("")
    typer.echo(f"Wat er verandert ({len(migration.changes)}):")
    for change in migration.changes:
        where = f"{change.file}, regel {change.line}" if change.line else change.file
        typer.echo(terminal(f"  {where}: {change.text}"))


def _write(migration: "Migration") -> None:
    from samenplan.files.oserrors import reason
    from samenplan.migrate.write import WriteFailed, back_up, write_files
    from samenplan.safetext import terminal
    from samenplan.scaffold.backup import BACKUP_FOLDER, BackupError

    root = migration.root
    try:
        backup = back_up(migration, datetime.now())
    except (OSError, BackupError) as exc:
        why = reason(exc) if isinstance(exc, OSError) else str(exc)
        fail(
            terminal(
                f"kan geen reservekopie maken in '{root / BACKUP_FOLDER}': {why}. Er is niets veranderd."
            )
        )
    where = Path(os.path.relpath(backup.folder)).as_posix()
    try:
        write_files(migration)
    except WriteFailed as exc:
        done = [f.name for f in exc.done]
        fail(
            terminal(
                f"kan '{exc.failed.name}' niet schrijven: {reason(exc.error)}. "
                + (f"Wel geschreven: {', '.join(done)}. " if done else "Er is niets geschreven. ")
                + f"De oude bestanden staan in {where}/; terugzetten: samenplan init "
                f"{root.as_posix()} --herstel"
            )
        )
    from samenplan.plan.models.manifest import FORMAAT_VERSIE

    count = len(migration.files)
    typer.echo(
        terminal(
            f"Bijgewerkt naar formaatversie {FORMAAT_VERSIE}: "
            + count_files(count)
            + f". De oude versie staat in {where}/. Terugzetten: samenplan init {root.as_posix()} --herstel"
        )
    )
    _refresh_schemas(root)
    typer.echo(terminal(f"Controleer het plan: samenplan check {root.as_posix()}"))


def _refresh_schemas(root: Path) -> None:
    """The editor schemas `init` put in schemas/ now describe formaatversie 2 too."""
    from samenplan.safetext import terminal
    from samenplan.scaffold.files import SCHEMA_DIR
    from samenplan.scaffold.schemafiles import SchemaError, write_schemas

    folder = root / SCHEMA_DIR
    if not folder.is_dir():
        return
    try:
        written = write_schemas(folder)
    except SchemaError as exc:
        typer.echo(terminal(f"De schema's voor de editor zijn niet bijgewerkt: {exc}"))
        return
    if written:
        typer.echo(terminal(f"De schema's voor de editor in {folder.as_posix()}/ zijn bijgewerkt."))
