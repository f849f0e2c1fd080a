"""The package is ready to publish and ships what `samenplan init` needs.

``python -m build`` makes the sdist and wheel a release uploads; ``twine check --strict`` passes
on both; the wheel, installed in a fresh virtual environment, works from a folder outside the
repository (a dev install finds templates and examples in the repository; an installed wheel
must carry its own: pyproject force-includes them as samenplan/templates and samenplan/examples).
"""

import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from builtdist import ROOT, Dist, clean_env, fresh_venv, offline_index, run, run_ok

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def venv_bin(dist: Dist, wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scripts folder of a fresh venv (no system site-packages) with only the wheel (and
    the packages it needs, from the wheelhouse)."""
    scripts = fresh_venv(tmp_path_factory.mktemp("venv") / "venv")
    install = [str(scripts / "python"), "-m", "pip", "install", "-q", str(dist.wheel)]
    run_ok(install, cwd=scripts, env=clean_env(**offline_index(wheelhouse)))
    return scripts


def shipped(folder: str) -> set[str]:
    """Files of a repository folder, as they are named inside the wheel."""
    return {f"samenplan/{p.relative_to(ROOT).as_posix()}" for p in (ROOT / folder).rglob("*") if p.is_file()}


def test_build_makes_a_wheel_and_sdist_of_this_version(dist: Dist) -> None:
    from samenplan import __version__

    assert dist.wheel.name == f"samenplan-{__version__}-py3-none-any.whl"
    assert dist.sdist.name == f"samenplan-{__version__}.tar.gz"
    with tarfile.open(dist.sdist) as sdist:
        names = {Path(n).as_posix().split("/", 1)[-1] for n in sdist.getnames()}
    assert {"pyproject.toml", "README.md", "src/samenplan/__init__.py", "templates/plan/_kop.j2"} <= names


def test_twine_check_passes(dist: Dist) -> None:
    done = run(
        [sys.executable, "-m", "twine", "check", "--strict", str(dist.wheel), str(dist.sdist)], dist.folder
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_wheel_contains_templates_examples_and_catalog(dist: Dist) -> None:
    names = set(zipfile.ZipFile(dist.wheel).namelist())
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
    assert len(where) == 3
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
    assert "\n0 fouten, " in checked and "SP316" in checked


def test_installed_voorbeeld_checks_clean(venv_bin: Path, tmp_path: Path) -> None:
    samenplan = str(venv_bin / "samenplan")
    run_ok([samenplan, "init", "voorbeeld", "--voorbeeld", "heidedorpen"], cwd=tmp_path)
    assert "Geen problemen gevonden" in run_ok([samenplan, "check", "voorbeeld"], cwd=tmp_path)
