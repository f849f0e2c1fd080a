"""Which version of the plan files a document shows; best effort, never an error.

A commit is named only when every plan file in the folder is committed and unchanged since;
otherwise the document says it holds changes that are not recorded. Outside a git repository
there is no version to name.
"""

import subprocess
from dataclasses import dataclass
from pathlib import Path

from samenplan.plan.steps import DOCUMENTS

UNRECORDED = "niet vastgelegde wijzigingen"


@dataclass(frozen=True)
class Version:
    """The commit of the plan files, or None when they differ from every commit."""

    commit: str | None

    @property
    def text(self) -> str:
        """What the title page says: 'git-commit 1a2b3c4' or 'niet vastgelegde wijzigingen'."""
        return f"git-commit {self.commit}" if self.commit else UNRECORDED


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None


def git_commit(folder: Path) -> str | None:
    """Short hash of HEAD when ``folder`` is inside a git repository with a commit; else None."""
    done = _git(folder, "rev-parse", "--short", "HEAD")
    commit = done.stdout.strip() if done else ""
    return commit if done and done.returncode == 0 and commit.isalnum() else None


def plan_version(folder: Path) -> Version | None:
    """The version of the plan files in ``folder``; None outside a git work tree."""
    inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.returncode != 0 or inside.stdout.strip() != "true":
        return None
    files = [d.file for d in DOCUMENTS if (folder / d.file).exists()]
    commit = git_commit(folder)
    if commit is None or not files:
        return Version(None)
    tracked = _git(folder, "ls-files", "--error-unmatch", "--", *files)
    status = _git(folder, "status", "--porcelain", "--untracked-files=all", "--", *files)
    clean = (
        tracked is not None
        and tracked.returncode == 0
        and status is not None
        and status.returncode == 0
        and not status.stdout.strip()
    )
    return Version(commit if clean else None)
