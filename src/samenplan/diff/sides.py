"""The two versions to compare: each a plan folder, or a plan folder at a Git revision.

A revision is read into a temporary folder outside the repository and checked there; the
folder is removed as soon as the check is done. The work tree is only ever read.
"""

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from samenplan import codes
from samenplan.check.run import CheckResult, check_plan
from samenplan.diff.errors import DiffError
from samenplan.diff.git import BASIS, GitError, NoPlanAtRevision, Repository, merge_request_base, repository
from samenplan.load.formaat import migrate_command, written_version
from samenplan.load.planfolder import NotAPlan, is_plan_folder
from samenplan.load.source import read_source
from samenplan.plan.bundle import Plan
from samenplan.plan.models.manifest import FORMAAT_VERSIE
from samenplan.plan.steps import MANIFEST

#: How the files as they are now (not a revision) are named in a report.
NOW = "de huidige bestanden"
#: How the revision 'basis' is named in a report.
START = "het begin van de merge request"


@dataclass(frozen=True)
class Side:
    """One version of the plan, checked."""

    label: str  # as the user named it: 'v1.0', 'HEAD', a folder; NOW for the work tree
    commit: str | None  # short hash when the side is a revision
    folder: str  # the plan folder, '/'-separated, as shown to the user
    result: CheckResult

    @property
    def plan(self) -> Plan | None:
        """The plan, when it could be read without errors."""
        return self.result.loaded.plan

    @property
    def title(self) -> str:
        """'v1.0 (commit 1a2b3c4)' or 'de huidige bestanden'."""
        return f"{self.label} (commit {self.commit})" if self.commit else self.label


def read_sides(
    old: str | None, new: str | None, plan: Path | None, cwd: Path, env: Mapping[str, str]
) -> tuple[Side, Side]:
    """Both sides of ``samenplan diff OLD NEW``; NEW None is the files as they are now.

    OLD None (or 'basis') is the start of the merge request or pull request CI runs for.
    Raises DiffError or NotAPlan (both usage errors) with a Dutch message.
    """
    old = old or BASIS
    if not _is_revision(old) and (new is None or not _is_revision(new)):
        return _folder_side(Path(old), old), _folder_side(Path(new) if new else plan or cwd, new or NOW)
    repo = repository(cwd)
    folders = [Path(s) for s in (old, new) if s is not None and not _is_revision(s)]
    plan = plan if plan is not None or not folders else folders[0]  # the revision of that plan
    revisions = [s for s in (old, new) if s is not None and _is_revision(s)]
    commits = {s: _commit(repo, s, env) for s in revisions}
    folder = _plan_folder(repo, plan, cwd, commits)
    return (_side(repo, old, commits, folder), _side(repo, new, commits, folder))


def read_revision(revision: str, folder: Path, env: Mapping[str, str]) -> Side:
    """The plan folder ``folder`` as it was at ``revision`` (for check and render --sinds).

    Raises NoPlanAtRevision when the folder held no plan then, DiffError otherwise."""
    repo = repository(folder)
    commit = _commit(repo, revision, env)
    return _revision_side(repo, START if revision == BASIS else revision, commit, repo.relative(folder))


def _is_revision(spec: str) -> bool:
    return not Path(spec).is_dir()


def _commit(repo: Repository, spec: str, env: Mapping[str, str]) -> str:
    if spec != BASIS:
        return repo.resolve(spec)
    base = merge_request_base(repo, env)
    try:
        return repo.resolve(base)
    except GitError:
        raise GitError(
            f"Het begin van de merge request (commit {base[:12]}) staat niet in deze kopie van "
            "de repository: CI heeft maar een deel van de geschiedenis opgehaald. Zet in GitLab "
            "bij de job 'GIT_DEPTH: 0', of haal de commit op met 'git fetch --unshallow'."
        ) from None


def _side(repo: Repository, spec: str | None, commits: dict[str, str], folder: PurePosixPath) -> Side:
    if spec is None:
        return _folder_side(repo.top / folder, NOW, shown=folder.as_posix())
    if spec in commits:
        return _revision_side(repo, START if spec == BASIS else spec, commits[spec], folder)
    return _folder_side(Path(spec), spec)


def _plan_folder(repo: Repository, plan: Path | None, cwd: Path, commits: dict[str, str]) -> PurePosixPath:
    """The plan folder inside the repository: --plan, else the current folder if it is a
    plan, else the only plan folder at the revisions (below the current folder)."""
    if plan is not None or is_plan_folder(cwd):
        return repo.relative(plan if plan is not None else cwd)
    here = repo.relative(cwd)
    found: dict[str, None] = {}
    for commit in commits.values():
        for f in repo.plan_folders(commit):
            if str(here) == "." or f == str(here) or f.startswith(f"{here}/"):
                found.setdefault(f)
    if len(found) == 1:
        return PurePosixPath(next(iter(found)))
    if not found:
        raise NotAPlan(
            f"In '{cwd}' staat geen plan, en ook niet in de revisies. Geef de planmap met "
            "--plan PLANMAP, of ga eerst naar de map van het plan."
        )
    raise NotAPlan(
        "Deze repository heeft meer plannen: "
        + ", ".join(found)
        + ". Kies er een met --plan, bijvoorbeeld --plan "
        + next(iter(found))
        + "."
    )


def _revision_side(repo: Repository, label: str, commit: str, folder: PurePosixPath) -> Side:
    blobs = repo.plan_files(commit, folder)
    if not blobs:
        others = [f for f in repo.plan_folders(commit) if f != folder.as_posix()]
        where = f"de map '{folder}'" if str(folder) != "." else "de hoofdmap van de repository"
        hint = (
            f" Wel in: {', '.join(others)}; kies met --plan PLANMAP."
            if others
            else " Er staat daar geen enkel plan."
        )
        raise NoPlanAtRevision(f"In revisie '{label}' staat geen plan in {where}.{hint}")
    name = folder.name or "plan"
    with tempfile.TemporaryDirectory(prefix="samenplan-diff-") as temp:
        root = Path(temp) / name
        root.mkdir()
        repo.write_blobs(blobs, root)
        _migrate_old_format(root)
        result = check_plan(root)
    return _known_format(Side(label, repo.short(commit), folder.as_posix(), result))


def _migrate_old_format(root: Path) -> None:
    """A revision in formaatversie 1 is brought to 2 in its temporary folder, as `samenplan
    migrate` does, so that the plan the raad decided compares with the plan as it is now."""
    source = read_source(root / MANIFEST.file, MANIFEST.file, inside=root)
    version = written_version(source.data)
    if version is None or not 1 <= version < FORMAAT_VERSIE:
        return
    from samenplan.migrate.run import AlreadyCurrent, CannotMigrate, plan_migration
    from samenplan.migrate.write import write_files

    try:
        write_files(plan_migration(root))
    except (AlreadyCurrent, CannotMigrate):
        return  # check says what is wrong with the files, and _known_format refuses the side


def _folder_side(root: Path, label: str, shown: str | None = None) -> Side:
    if not root.exists():
        raise NotAPlan(f"'{root}' is geen map en geen revisie in Git.")
    return _known_format(Side(label, None, shown or root.as_posix(), check_plan(root)))


def _known_format(side: Side) -> Side:
    """Refuse a version in another formaatversie than this samenplan reads.

    A revision in formaatversie 1 is migrated in its temporary folder before it is checked
    (_migrate_old_format); a plan folder is the user's to migrate."""
    finding = side.result.loaded.formaat
    if finding is None:
        return side
    source = side.result.loaded.sources[MANIFEST.file]
    version = written_version(source.data)
    if finding.code == codes.NEWER_FORMAT.code:
        raise DiffError(
            f"Het plan in {side.title} is geschreven in formaatversie {version}; deze samenplan kent "
            f"formaatversie {FORMAAT_VERSIE}. Werk samenplan bij: pip install --upgrade samenplan."
        )
    raise DiffError(
        f"Het plan in {side.title} is geschreven in formaatversie {version} ({MANIFEST.file}, regel "
        f"{finding.location.line}); deze samenplan leest formaatversie {FORMAAT_VERSIE}. Werk het "
        f"bij en vergelijk daarna opnieuw: {migrate_command(_shown(side.result.loaded.root))}"
    )


def _shown(root: Path) -> Path:
    """The plan folder as the user can type it here: relative to the current folder if inside it."""
    try:
        return root.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return root


def current(result: CheckResult) -> Side:
    """The files as they are now, already checked, as a side."""
    return Side(NOW, None, result.loaded.root.as_posix(), result)
