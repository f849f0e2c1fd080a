"""The pre-commit hook, run by the real pre-commit tool.

Two ways in: the configuration that `samenplan init --pre-commit` writes (a local hook with
``language: python`` that pre-commit installs from the install source, here the locally built
wheel), and ``.pre-commit-hooks.yaml`` for a Git address with a tag. For the second, pre-commit
clones ``rev`` (the project's current HEAD), so the hook must be committed; the tests fail (never
skip) outside a git checkout or without pre-commit (``pip install -e '.[test]'``). The packages
a hook needs come from a local wheelhouse (builtdist.wheelhouse) instead of the package index;
the mirror test makes its own index of the same wheels.
"""

import functools
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from builtdist import Dist, offline_index
from support import ROOT, copy_example, no_leefdomein

HOOKS_FILE = ".pre-commit-hooks.yaml"


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, env=clean_env()
    )


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without GIT_* variables (set when tests run inside a git hook) and
    without this test run's PYTHONPATH (the hook must use what pre-commit installed)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PYTHONPATH"}
    return {**env, **extra}


def head_with_hook() -> str | None:
    """The project's HEAD commit, if it is a git checkout whose HEAD contains the hook file."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    if git("cat-file", "-e", f"HEAD:{HOOKS_FILE}", cwd=ROOT).returncode != 0:
        return None
    return git("rev-parse", "HEAD", cwd=ROOT).stdout.strip()


REV = head_with_hook()


def needs_pre_commit(test: Any) -> Any:
    """The real pre-commit tool against this repository; fails (never skips) without it."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        assert importlib.util.find_spec("pre_commit") is not None, (
            "pre-commit is not installed: pip install -e '.[test]'"
        )
        assert REV is not None, f"needs a git checkout with {HOOKS_FILE} committed at HEAD"
        return test(*args, **kwargs)

    return functools.wraps(test)(guarded)


def test_hook_definition() -> None:
    hooks = YAML(typ="safe").load((ROOT / HOOKS_FILE).read_text(encoding="utf-8"))
    assert hooks == [hooks[0]]
    hook = hooks[0]
    assert hook["id"] == "samenplan-check"
    assert hook["entry"] == "samenplan check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == r"\.ya?ml$"


@pytest.fixture
def user_repo(tmp_path: Path) -> Path:
    """A git repository with the heidedorpen plan in plan/ and a config using our hook."""
    repo = tmp_path / "gebruiker"
    copy_example(repo, into="plan")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {REV}\n"
        "    hooks:\n      - id: samenplan-check\n        args: [plan]\n",
        encoding="utf-8",
    )
    assert git("init", "-q", cwd=repo).returncode == 0
    assert git("add", "-A", cwd=repo).returncode == 0
    return repo


def pre_commit_run(repo: Path, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
        env=clean_env(PRE_COMMIT_HOME=str(home), NO_COLOR="1", **env),
    )


@needs_pre_commit
def test_pre_commit_hook_passes_good_plan_and_fails_broken_plan(
    user_repo: Path, wheelhouse: Path, tmp_path: Path
) -> None:
    home = tmp_path / "pre-commit-home"
    good = pre_commit_run(user_repo, home, **offline_index(wheelhouse))
    assert good.returncode == 0, good.stdout + good.stderr
    assert "samenplan check" in good.stdout
    assert "Passed" in good.stdout

    no_leefdomein(user_repo / "plan")
    broken = pre_commit_run(user_repo, home, **offline_index(wheelhouse))
    assert broken.returncode != 0
    assert "SP101" in broken.stdout
    assert "05-aanpak.yaml" in broken.stdout


@pytest.mark.slow
def test_generated_config_installs_samenplan_from_the_source(
    dist: Dist, wheelhouse: Path, tmp_path: Path
) -> None:
    assert importlib.util.find_spec("pre_commit") is not None, "pip install -e '.[test]'"
    repo = tmp_path / "gebruiker"
    copy_example(repo, into="plan")
    assert git("init", "-q", cwd=repo).returncode == 0
    made = subprocess.run(
        [sys.executable, "-m", "samenplan", "init", "plan", "--pre-commit", "--bron", str(dist.wheel)],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        env=clean_env(PYTHONPATH=str(ROOT / "src")),
    )
    assert made.returncode == 0, made.stderr
    config = YAML(typ="safe").load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert hook["language"] == "python" and hook["additional_dependencies"] == [
        f"samenplan @ {dist.wheel.as_uri()}"
    ]
    # Nothing on PATH may provide samenplan: pre-commit must install it itself.
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not (Path(p) / "samenplan").exists()
    )
    home = tmp_path / "pre-commit-home"
    assert git("add", "-A", cwd=repo).returncode == 0
    good = pre_commit_run(repo, home, PATH=path, **offline_index(wheelhouse))
    assert good.returncode == 0, good.stdout + good.stderr
    assert "samenplan check plan" in good.stdout and "Passed" in good.stdout

    no_leefdomein(repo / "plan")
    broken = pre_commit_run(repo, home, PATH=path, **offline_index(wheelhouse))
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "SP101" in broken.stdout and "plan/05-aanpak.yaml" in broken.stdout


def mirror_index(wheelhouse: Path, folder: Path) -> str:
    """A PEP 503 index in ``folder`` with samenplan and every package it needs, as a gemeente's
    mirror has them (setuptools too: pre-commit builds a stub package for a local hook); returns
    its file:// address. Like a mirror, only wheels: those of the wheelhouse."""
    simple = folder / "simple"
    for wheel in wheelhouse.glob("*.whl"):
        project = re.sub(r"[-_.]+", "-", wheel.name.split("-")[0]).lower()
        (simple / project).mkdir(parents=True, exist_ok=True)
        shutil.copy2(wheel, simple / project / wheel.name)
    for project in simple.iterdir():
        links = "".join(f'<a href="{w.name}">{w.name}</a>' for w in sorted(project.glob("*.whl")))
        (project / "index.html").write_text(f"<!DOCTYPE html><html><body>{links}</body></html>\n", "utf-8")
    assert (simple / "samenplan").is_dir() and (simple / "pydantic").is_dir()
    return simple.as_uri() + "/"


@pytest.mark.slow
def test_generated_config_with_a_mirror_installs_from_that_index(wheelhouse: Path, tmp_path: Path) -> None:
    """`--bron https://mirror/simple`: pre-commit passes the index to pip, and installs
    samenplan and its dependencies from there only."""
    index = mirror_index(wheelhouse, tmp_path / "mirror")
    repo = tmp_path / "gebruiker"
    copy_example(repo, into="plan")
    assert git("init", "-q", cwd=repo).returncode == 0
    made = subprocess.run(
        [sys.executable, "-m", "samenplan", "init", "plan", "--pre-commit", "--bron", index],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        env=clean_env(PYTHONPATH=str(ROOT / "src")),
    )
    assert made.returncode == 0, made.stderr
    [hook] = YAML(typ="safe").load((repo / ".pre-commit-config.yaml").read_text("utf-8"))["repos"][0]["hooks"]
    assert hook["additional_dependencies"] == [f"--index-url={index}", "samenplan==0.1.0"]
    assert git("add", "-A", cwd=repo).returncode == 0
    # Only the mirror: no other index and no wheel folders of this machine.
    isolated = {"PIP_FIND_LINKS": "", "PIP_EXTRA_INDEX_URL": "", "PIP_CONFIG_FILE": os.devnull}
    isolated["PIP_COMPILE"] = offline_index(wheelhouse)["PIP_COMPILE"]  # no bytecode, as the others
    done = pre_commit_run(repo, tmp_path / "home", **isolated)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "samenplan check plan" in done.stdout and "Passed" in done.stdout
