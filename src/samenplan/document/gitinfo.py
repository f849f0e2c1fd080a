"""The git commit a plan folder is at, for the title page; best effort, never an error."""

import subprocess
from pathlib import Path


def git_commit(folder: Path) -> str | None:
    """Short hash of HEAD when ``folder`` is inside a git repository with a commit; else None."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit.isalnum() else None
