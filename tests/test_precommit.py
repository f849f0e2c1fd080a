"""The pre-commit hook, run by the real pre-commit tool from a clone of this repository.

pre-commit clones ``rev`` (the project's current HEAD), so the hook must be committed; the tests
fail (never skip) outside a git checkout or without pre-commit (``pip install -e '.[test]'``).
"""

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
HEIDEDORPEN = ROOT / "examples" / "heidedorpen"
HOOKS_FILE = ".pre-commit-hooks.yaml"


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, env=clean_env()
    )


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without GIT_* variables (set when tests run inside a git hook)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
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
    shutil.copytree(HEIDEDORPEN, repo / "plan")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {REV}\n"
        "    hooks:\n      - id: samenplan-check\n        args: [plan]\n",
        encoding="utf-8",
    )
    assert git("init", "-q", cwd=repo).returncode == 0
    assert git("add", "-A", cwd=repo).returncode == 0
    return repo


def pre_commit_run(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
        env=clean_env(PRE_COMMIT_HOME=str(home), NO_COLOR="1"),
    )


@needs_pre_commit
def test_pre_commit_hook_passes_good_plan_and_fails_broken_plan(user_repo: Path, tmp_path: Path) -> None:
    home = tmp_path / "pre-commit-home"
    good = pre_commit_run(user_repo, home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "samenplan check" in good.stdout
    assert "Passed" in good.stdout

    aanpak = user_repo / "plan" / "05-aanpak.yaml"
    text = aanpak.read_text(encoding="utf-8")
    assert "leefdomeinen: [school, thuis]" in text
    aanpak.write_text(
        text.replace("leefdomeinen: [school, thuis]", "leefdomeinen: [school]", 1), encoding="utf-8"
    )
    broken = pre_commit_run(user_repo, home)
    assert broken.returncode != 0
    assert "SP101" in broken.stdout
    assert "05-aanpak.yaml" in broken.stdout
