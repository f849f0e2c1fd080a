"""Plan a migration of one plan folder: read, run every step, return what would change.

Nothing here writes; migrate/write.py does, after the CLI has shown the diff and asked.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from samenplan.files.textdiff import replace_diff
from samenplan.load.formaat import written_version
from samenplan.load.planfolder import folder_problem
from samenplan.load.source import read_source
from samenplan.migrate.changes import Change, PlanFiles, Step
from samenplan.migrate.documents import Layout, dump_document, load_document
from samenplan.plan.models.manifest import FORMAAT_VERSIE
from samenplan.plan.steps import DOCUMENTS, MANIFEST


class CannotMigrate(Exception):
    """The folder cannot be migrated (a usage error, exit 2); the message is Dutch."""


class AlreadyCurrent(Exception):
    """The plan is already in formaatversie 2: nothing to do (exit 0); the message is Dutch."""


@dataclass(frozen=True)
class FileMigration:
    """One plan file whose text changes."""

    name: str
    path: Path
    old: str
    new: str

    def diff(self) -> str:
        """Unified diff from the file as it is to the migrated file."""
        return replace_diff(self.name, self.old, self.new, f"formaatversie {FORMAAT_VERSIE}")


@dataclass(frozen=True)
class Migration:
    """What migrating a plan folder changes: the files and, in Dutch, each change."""

    root: Path
    version: int  # the formaatversie the plan was in
    files: tuple[FileMigration, ...]
    changes: tuple[Change, ...]


def plan_migration(root: Path, steps: Sequence[Step] | None = None) -> Migration:
    """The migration of the plan in ``root`` to formaatversie 2; writes nothing.

    Raises CannotMigrate (not a plan, unreadable files, no or a newer formaatversie) or
    AlreadyCurrent, each with a Dutch message.
    """
    from samenplan.migrate import STEPS

    texts, documents = _read(root)
    version = _version(root, documents)
    files: PlanFiles = {name: data for name, (data, _layout) in documents.items()}
    changes: list[Change] = []
    for step in STEPS if steps is None else steps:
        try:
            changes.extend(step(files))
        except Exception as exc:  # a step that does not expect this plan: say so, write nothing
            name = step.__module__.rsplit(".", 1)[-1]
            raise CannotMigrate(
                f"samenplan kan dit plan niet automatisch bijwerken (stap {name}: "
                f"{type(exc).__name__}). Er is niets veranderd. Meld dit bij de makers van samenplan, "
                "met het plan erbij als dat mag."
            ) from exc
    migrated = []
    for name, (data, layout) in documents.items():
        new = dump_document(data, layout)
        if new != texts[name]:
            migrated.append(FileMigration(name, root / name, texts[name], new))
    order = {doc.file: n for n, doc in enumerate(DOCUMENTS)}
    shown = sorted(changes, key=lambda c: (order.get(c.file, len(order)), c.line or 0))  # stable
    return Migration(root, version, tuple(migrated), tuple(shown))


def _read(root: Path) -> tuple[dict[str, str], dict[str, tuple[CommentedMap, Layout]]]:
    """The text and the round-trip document of every plan file in ``root``.

    Each file is first read as `check` reads it (only UTF-8 text inside the plan folder, no
    tags, within the limits); a file with a problem stops the migration before anything runs.
    """
    problem = folder_problem(root, "Geef de map van het plan, bijvoorbeeld 'samenplan migrate mijn-plan'.")
    if problem is not None:
        raise CannotMigrate(problem)
    if not (root / MANIFEST.file).is_file():
        raise CannotMigrate(
            f"In '{root}' ontbreekt {MANIFEST.file}; daarin staat de formaatversie van het plan. "
            "Zet het bestand terug en probeer het opnieuw."
        )
    texts: dict[str, str] = {}
    documents: dict[str, tuple[CommentedMap, Layout]] = {}
    for doc in DOCUMENTS:
        path = root / doc.file
        if not path.exists() and not path.is_symlink():
            continue
        source = read_source(path, doc.file, inside=root)
        if not source.ok:
            first = source.diagnostics[0] if source.diagnostics else None
            where = f", regel {first.location.line}" if first is not None else ""
            why = f": {first.message}" if first is not None else ""
            raise CannotMigrate(
                f"{doc.file} kan niet gelezen worden{where}{why} Los dat eerst op "
                f"('samenplan check {root.as_posix()}' zegt wat er mis is); er is niets veranderd."
            )
        text = path.read_bytes().decode("utf-8")
        texts[doc.file] = text
        try:
            documents[doc.file] = load_document(text)
        except (YAMLError, TypeError) as exc:  # read by check, but not by the round-trip reader
            raise CannotMigrate(
                f"{doc.file} kan niet worden bijgewerkt: samenplan kan het niet lezen met behoud van "
                "opmerkingen en opmaak. Er is niets veranderd."
            ) from exc
    return texts, documents


def _version(root: Path, documents: dict[str, tuple[CommentedMap, Layout]]) -> int:
    """The formaatversie of the plan, when it is one that migrate can bring to 2."""
    manifest, _layout = documents[MANIFEST.file]
    version = written_version(dict(manifest))
    where = f"{(root / MANIFEST.file).as_posix()}"
    if version is None:
        raise CannotMigrate(
            f"In {where} staat geen formaatversie (als getal), dus samenplan weet niet uit welke "
            "versie het plan moet worden bijgewerkt. Een plan van voor formaat 2 heeft "
            "'formaatversie: 1'."
        )
    if version == FORMAAT_VERSIE:
        raise AlreadyCurrent(
            f"Het plan in '{root.as_posix()}' is al bijgewerkt: het staat in formaatversie "
            f"{FORMAAT_VERSIE}. Er is niets veranderd."
        )
    if version > FORMAAT_VERSIE:
        raise CannotMigrate(
            f"Het plan in '{root.as_posix()}' staat in formaatversie {version}; deze samenplan kent "
            f"formaatversie {FORMAAT_VERSIE}. Werk samenplan bij: pip install --upgrade samenplan. "
            "Er is niets veranderd."
        )
    if version < 1:
        raise CannotMigrate(
            f"In {where} staat formaatversie {version}; die bestaat niet. Een plan van voor "
            "formaat 2 heeft 'formaatversie: 1'. Er is niets veranderd."
        )
    return version
