"""The package as a user gets it: ``python -m build`` once per test run, and fresh venvs.

Used by the slow tests that install samenplan the way CI jobs, pre-commit and the README do.
The fixtures ``dist`` and ``wheelhouse`` are made available to every test by conftest.py. Each
is made once per test run, by the first xdist worker that needs it; the others wait and use it.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

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


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name`` that every xdist worker of this test run shares, filled by ``make``
    in the first worker that asks for it; the others wait for it (a file lock).

    ``make`` fills a ``.part`` folder that becomes ``name`` only when it is complete, so a
    worker never sees half of it, and a failed ``make`` is tried again by the next worker.
    """
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker has its own basetemp in the run's
        base = base.parent
    target = base / name
    with FileLock(f"{target}.lock"):
        if not target.is_dir():
            part = base / f"{name}.part"
            shutil.rmtree(part, ignore_errors=True)
            part.mkdir()
            make(part)
            part.rename(target)
    return target


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """``python -m build`` of this checkout: the sdist and the wheel, as a release makes them."""

    def build(folder: Path) -> None:
        run_ok([sys.executable, "-m", "build", "--outdir", str(folder), str(ROOT)], cwd=folder)

    folder = made_once(tmp_path_factory, "dist", build)
    [wheel] = folder.glob("samenplan-*.whl")
    [sdist] = folder.glob("samenplan-*.tar.gz")
    return Dist(folder, wheel, sdist)


#: What an install needs besides samenplan and its dependencies: hatchling builds samenplan
#: from the source, setuptools and wheel build pre-commit's stub package for a local hook, and
#: pipx updates pip in its shared environment.
BUILD_TOOLS = ("hatchling", "setuptools", "wheel", "pip")


@pytest.fixture(scope="session")
def wheelhouse(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the wheels of samenplan, every package it needs and the build tools.

    pip resolves them from the package index once per test run (``pip wheel``; a package
    without a wheel on the index, such as ruamel.yaml.clibz, is built here once). With
    ``offline_index`` it is the whole package index of an install test: every install still
    resolves and installs each package, but none asks the index again or builds anything.
    """

    def collect(folder: Path) -> None:
        run_ok(
            [sys.executable, "-m", "pip", "wheel", "-q", "-w", str(folder), str(dist.wheel), *BUILD_TOOLS],
            folder,
        )

    return made_once(tmp_path_factory, "wheelhouse", collect)


def offline_index(wheelhouse: Path) -> dict[str, str]:
    """Environment variables that make ``wheelhouse`` the only package index of pip and uv.

    pip also skips compiling what it installs to bytecode (a second or two per install, for
    thousands of modules no test imports): Python compiles a module when it is first imported,
    so what an installed samenplan does is the same.
    """
    return {
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_COMPILE": "false",  # not PIP_NO_COMPILE: pip reads that one the other way round
        "UV_NO_INDEX": "1",
        "UV_FIND_LINKS": str(wheelhouse),
    }


def fresh_venv(folder: Path) -> Path:
    """A new virtual environment with pip and without system site-packages; returns its scripts
    folder. virtualenv makes it (pre-commit makes its environments with it too): it links pip
    from its own cache in half a second, where ``python -m venv`` installs pip anew (4 s)."""
    run_ok([sys.executable, "-m", "virtualenv", "-q", "--no-periodic-update", str(folder)], cwd=folder.parent)
    return folder / ("Scripts" if os.name == "nt" else "bin")
