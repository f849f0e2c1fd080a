"""The package as a user gets it: ``python -m build`` once per test session, and fresh venvs.

Used by the slow tests that install samenplan the way CI jobs, pre-commit and the README do.
The fixture ``dist`` is made available to every test by conftest.py.
"""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 900
#: Variables of this test run that must not leak into a "fresh" environment.
LEAKY = (
    "PYTHONPATH",
    "PYTHONHOME",
    "VIRTUAL_ENV",
    "CI",
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
    "GITLAB_CI",
)


@dataclass(frozen=True)
class Dist:
    """The built sdist and wheel."""

    folder: Path
    wheel: Path
    sdist: Path


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this test run's Python, git and CI settings, no colours."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKY and not k.startswith("GIT_")}
    return {**env, "NO_COLOR": "1", **extra}


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        env=clean_env() if env is None else env,
        check=False,
    )


def run_ok(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = run(args, cwd, env)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """``python -m build`` of this checkout: the sdist and the wheel, as a release makes them."""
    folder = tmp_path_factory.mktemp("dist")
    run_ok([sys.executable, "-m", "build", "--outdir", str(folder), str(ROOT)], cwd=folder)
    [wheel] = folder.glob("samenplan-*.whl")
    [sdist] = folder.glob("samenplan-*.tar.gz")
    return Dist(folder, wheel, sdist)


def fresh_venv(folder: Path) -> Path:
    """A new virtual environment without system site-packages; returns its scripts folder."""
    run_ok([sys.executable, "-m", "venv", str(folder)], cwd=folder.parent)
    return folder / ("Scripts" if os.name == "nt" else "bin")
