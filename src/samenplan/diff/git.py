"""Read a plan folder as it was at a Git revision, without touching the work tree.

Every call is a plain ``git`` subprocess with the repository as working directory; files are
read from the object store (``git ls-tree``, ``git cat-file --batch``) and written into a
folder the caller gives (a temporary one), never into the repository.
"""

import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from samenplan.diff.errors import DiffError
from samenplan.plan.steps import BY_FILE, MANIFEST
from samenplan.suggest import did_you_mean

#: The revision word that means "the base of this merge request or pull request".
BASIS = "basis"

_TIMEOUT = 60
_REGULAR = ("100644", "100755")


class GitError(DiffError):
    """Git cannot give what was asked (a usage error, exit 2); the text is Dutch."""


class NoPlanAtRevision(GitError):
    """The revision exists, but the plan folder holds no plan there."""


@dataclass(frozen=True)
class Repository:
    """A Git work tree: its top folder."""

    top: Path

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        """Output of ``git args`` in this repository; GitError when git fails."""
        done = _git(args, self.top, stdin)
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(f"git {args[0]} mislukte: {detail[-1] if detail else 'onbekende fout'}.")
        return done.stdout

    def resolve(self, revision: str) -> str:
        """The full commit hash of ``revision``; GitError with a suggestion when unknown."""
        done = _git(
            ("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"), self.top
        )
        commit = done.stdout.decode("ascii", "replace").strip()
        if done.returncode == 0 and commit:
            return commit
        hint = did_you_mean(revision, self.names())
        raise GitError(
            " ".join(
                s
                for s in (
                    f"De revisie '{revision}' bestaat niet in deze Git-repository.",
                    hint,
                    "Geef een tak (branch), tag of commit; 'git log --oneline' toont de commits.",
                )
                if s
            )
        )

    def names(self) -> list[str]:
        """Short names of the branches and tags, for suggestions."""
        done = _git(
            ("for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags", "refs/remotes"), self.top
        )
        return done.stdout.decode("utf-8", "replace").split() if done.returncode == 0 else []

    def short(self, commit: str) -> str:
        """The short hash of ``commit``."""
        return self.run("rev-parse", "--short", commit).decode("ascii").strip()

    def relative(self, folder: Path) -> PurePosixPath:
        """``folder`` as a path inside the repository; GitError when it lies outside."""
        try:
            inside = folder.resolve().relative_to(self.top)
        except ValueError:
            raise GitError(f"De map '{folder}' ligt niet in de Git-repository '{self.top}'.") from None
        return PurePosixPath(inside.as_posix())

    def plan_files(self, commit: str, folder: PurePosixPath) -> dict[str, str]:
        """Plan file name → blob hash of the plan files in ``folder`` at ``commit``."""
        where = () if str(folder) == "." else ("--", f"{folder}/")
        listing = self.run("ls-tree", "-z", commit, *where)
        found: dict[str, str] = {}
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, path = entry.decode("utf-8", "replace").partition("\t")
            mode, kind, blob = meta.split()
            name = PurePosixPath(path).name
            if kind == "blob" and mode in _REGULAR and name in BY_FILE:
                found[name] = blob
        return found

    def plan_folders(self, commit: str) -> list[str]:
        """Every folder that holds a samenplan.yaml at ``commit``, sorted."""
        listing = self.run("ls-tree", "-r", "-z", "--name-only", commit)
        paths = (PurePosixPath(p) for p in listing.decode("utf-8", "replace").split("\0") if p)
        return sorted({p.parent.as_posix() for p in paths if p.name == MANIFEST.file})

    def write_blobs(self, blobs: Mapping[str, str], target: Path) -> None:
        """Write each blob (file name → hash) into the folder ``target``."""
        names = list(blobs)
        request = "".join(f"{blobs[n]}\n" for n in names).encode("ascii")
        data = self.run("cat-file", "--batch", stdin=request)
        offset = 0
        for name in names:
            header_end = data.index(b"\n", offset)
            size = int(data[offset:header_end].split()[2])
            start = header_end + 1
            (target / name).write_bytes(data[start : start + size])
            offset = start + size + 1


def repository(folder: Path) -> Repository:
    """The Git repository ``folder`` is in; GitError when there is none or git is missing."""
    if not folder.is_dir():
        raise GitError(f"De map '{folder}' bestaat niet.")
    done = _git(("rev-parse", "--show-toplevel"), folder)
    top = done.stdout.decode("utf-8", "replace").strip()
    problem = done.stderr.decode("utf-8", "replace")
    if "dubious ownership" in problem:
        raise GitError(
            f"Git vertrouwt de repository bij '{folder.resolve()}' niet, omdat de map van een "
            "andere gebruiker is (dat gebeurt vaak in CI). Geef Git toestemming met: "
            "git config --global --add safe.directory '*'"
        )
    if done.returncode != 0 or not top:
        raise GitError(
            f"'{folder.resolve()}' is geen Git-repository (en ligt er ook niet in). Een "
            "revisie kan alleen in een Git-repository; vergelijk anders twee planmappen: "
            "samenplan diff OUDE-MAP NIEUWE-MAP."
        )
    return Repository(Path(top).resolve())


def merge_request_base(repo: Repository, env: Mapping[str, str]) -> str:
    """The commit a merge request (GitLab) or pull request (GitHub) starts from.

    That is the merge-base of HEAD and the target branch, taken from ``origin/<branch>`` or
    ``<branch>``: GitLab names the branch in CI_MERGE_REQUEST_TARGET_BRANCH_NAME, GitHub in
    GITHUB_BASE_REF. When HEAD already merges the request into the target (GitHub's pull
    request checkout, GitLab's merged results pipeline), that is the target branch itself.
    Without the target branch fetched, GitLab's CI_MERGE_REQUEST_DIFF_BASE_SHA.
    """
    gitlab = env.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "").strip()
    found = _merge_base(repo, gitlab) if gitlab else None
    if found:
        return found
    gitlab_base = env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA", "").strip()
    if gitlab_base:
        return gitlab_base
    branch = env.get("GITHUB_BASE_REF", "").strip()
    if branch:
        found = _merge_base(repo, branch)
        if found:
            return found
        raise GitError(
            f"De doeltak '{branch}' van deze pull request is niet opgehaald. Zet in de "
            "workflow bij actions/checkout 'fetch-depth: 0'."
        )
    raise GitError(
        f"'{BASIS}' is het begin van een merge request of pull request, maar die is er "
        "hier niet (CI_MERGE_REQUEST_DIFF_BASE_SHA en GITHUB_BASE_REF zijn leeg). Geef een "
        "revisie, bijvoorbeeld: samenplan diff main."
    )


def _merge_base(repo: Repository, branch: str) -> str | None:
    for candidate in (f"origin/{branch}", branch):
        done = _git(("merge-base", "--end-of-options", candidate, "HEAD"), repo.top)
        if done.returncode == 0:
            return done.stdout.decode("ascii").strip()
    return None


def _git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> "subprocess.CompletedProcess[bytes]":
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=env,
            timeout=_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("Git is niet geïnstalleerd, of niet te vinden op het PATH.") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(f"Git kan niet gestart worden: {exc}.") from None
