"""The wheel ships what `samenplan init` needs: build it, install it in a fresh virtual
environment, and use that samenplan from a folder outside the repository.

A dev install finds templates and examples in the repository; an installed wheel must carry
its own (pyproject force-includes them as samenplan/templates and samenplan/examples).
"""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 600

pytestmark = pytest.mark.slow


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command outside the repository, without this test run's Python settings."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**env, "NO_COLOR": "1"},
        check=False,
    )


def run_ok(args: list[str], cwd: Path) -> str:
    done = run(args, cwd)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run_ok([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)], cwd=dist)
    [built] = dist.glob("samenplan-*.whl")
    return built


@pytest.fixture(scope="module")
def venv_bin(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scripts folder of a fresh venv (no system site-packages) with only the wheel."""
    venv = tmp_path_factory.mktemp("venv")
    run_ok([sys.executable, "-m", "venv", str(venv)], cwd=venv)
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    run_ok([str(scripts / "python"), "-m", "pip", "install", "-q", str(wheel)], cwd=venv)
    return scripts


def shipped(folder: str) -> set[str]:
    """Files of a repository folder, as they are named inside the wheel."""
    return {f"samenplan/{p.relative_to(ROOT).as_posix()}" for p in (ROOT / folder).rglob("*") if p.is_file()}


def test_wheel_contains_templates_examples_and_catalog(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert shipped("templates/plan") <= names
    assert shipped("examples") <= names
    assert "samenplan/data/regelingen.yaml" in names


def test_installed_package_uses_its_own_files(venv_bin: Path, tmp_path: Path) -> None:
    where = run_ok(
        [
            str(venv_bin / "python"),
            "-c",
            "from samenplan.files import resources as r; import samenplan as s; "
            "print(s.__file__); print(r.templates_dir()); print(r.examples_dir())",
        ],
        cwd=tmp_path,
    ).splitlines()
    venv = venv_bin.parent.resolve()
    for path in where:
        assert Path(path).resolve().is_relative_to(venv), where


def test_installed_init_and_check_outside_the_repo(venv_bin: Path, tmp_path: Path) -> None:
    samenplan = str(venv_bin / "samenplan")
    run_ok(
        [
            samenplan,
            "init",
            "plan",
            "--yes",
            "--gemeente",
            "Rivierstad",
            "--regeling",
            "npo_gemeenten",
            "--ci",
            "github",
            "--pre-commit",
        ],
        cwd=tmp_path,
    )
    assert (tmp_path / "plan" / ".github" / "workflows" / "samenplan.yml").is_file()
    checked = run_ok([samenplan, "check", "plan"], cwd=tmp_path)
    assert "\n0 fouten, " in checked and "SP804" in checked


def test_installed_voorbeeld_checks_clean(venv_bin: Path, tmp_path: Path) -> None:
    samenplan = str(venv_bin / "samenplan")
    run_ok([samenplan, "init", "voorbeeld", "--voorbeeld", "heidedorpen"], cwd=tmp_path)
    assert "Geen problemen gevonden" in run_ok([samenplan, "check", "voorbeeld"], cwd=tmp_path)
