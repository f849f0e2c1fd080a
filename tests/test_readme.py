"""Every command in README.md works as written, in a fresh shell.

The two set-up commands come first: one installs from this checkout and checks an example, the
other is the developers' test command, which `.ci/run` runs exactly. Each user install (pipx, uv,
a virtual environment) runs in its own fresh shell with an empty home folder, followed by the
try-it command. "The package index" is a local folder of wheels (builtdist.wheelhouse): the
locally built wheel, because this version is not published yet, and every package it needs,
resolved from the real index once per test run, so that each install does not ask the index
again or build ruamel.yaml.clibz from its source in its empty home. The usage examples further
down run after the install from the checkout, in the same shell.
"""

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from builtdist import ROOT, clean_env, offline_index, run

pytestmark = pytest.mark.slow

FENCE = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)
INSTALLS = ("pipx install ", "uv tool install ", "python3 -m venv ~/")


def blocks() -> list[str]:
    return [b.strip() for b in FENCE.findall((ROOT / "README.md").read_text(encoding="utf-8"))]


def try_it() -> str:
    [command] = [b for b in blocks() if "--voorbeeld" in b]
    return command


def usage() -> list[str]:
    """The commands after the set-up and install blocks."""
    return [b for b in blocks()[2:] if not b.startswith(INSTALLS)]


def test_the_two_set_up_commands_come_first_and_ci_runs_the_second() -> None:
    first, second = blocks()[:2]
    assert first.startswith("python3 -m venv .venv") and "samenplan check examples/" in first
    assert ".[test]" in second and second.endswith("python -m pytest")
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert second in ci_run.splitlines()  # then the linters (tests/test_repository.py)


def test_readme_offers_pipx_uv_and_a_venv() -> None:
    starts = {b.split()[0] for b in blocks() if b.startswith(INSTALLS)}
    assert starts == {"pipx", "uv", "python3"}


def fresh_shell(home: Path, script: str, **env: str) -> tuple[int, str]:
    """``bash -e -c script`` with an empty home and only the system folders on PATH."""
    tools = home / "tools"
    tools.mkdir(parents=True, exist_ok=True)
    for tool in ("pipx", "uv"):  # the installers of this test run, and nothing of samenplan
        found = Path(sys.executable).parent / tool
        if found.exists():
            (tools / tool).symlink_to(found)
    bin_dir = home / ".local" / "bin"
    full = clean_env(
        HOME=str(home),
        PATH=os.pathsep.join(
            [str(bin_dir), str(home / ".samenplan" / "bin"), str(tools), "/usr/bin", "/bin"]
        ),
        PIPX_HOME=str(home / ".local" / "pipx"),
        PIPX_BIN_DIR=str(bin_dir),
        UV_TOOL_DIR=str(home / ".local" / "uv-tools"),
        UV_TOOL_BIN_DIR=str(bin_dir),
        UV_CACHE_DIR=str(home / ".cache" / "uv"),
        SSL_CERT_FILE="/etc/ssl/certs/ca-certificates.crt",
        **env,
    )
    done = run(["bash", "-e", "-c", script], home, full)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("tool", ["pipx", "uv", "python3"])
def test_user_install_then_try_it(tool: str, wheelhouse: Path, tmp_path: Path) -> None:
    [install] = [b for b in blocks() if b.startswith(INSTALLS) and b.split()[0] == tool]
    assert shutil.which(tool) or (Path(sys.executable).parent / tool).exists(), f"{tool} is not installed"
    code, log = fresh_shell(tmp_path, f"{install}\n{try_it()}", **offline_index(wheelhouse))
    assert code == 0, log
    assert "Geen problemen gevonden" in log, log


def test_checkout_install_then_every_usage_example(wheelhouse: Path, tmp_path: Path) -> None:
    checkout = tmp_path / "samenplan"
    for name in ("src", "templates", "examples", "docs"):
        shutil.copytree(ROOT / name, checkout / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, checkout / name)
    first = blocks()[0]
    script = "\n".join([f"cd {checkout}", first, *usage()])
    code, log = fresh_shell(tmp_path / "home", script, **offline_index(wheelhouse))
    assert code == 0, log
    assert "Geen problemen gevonden" in log
    assert (checkout / "mijn-plan" / "samenplan.yaml").is_file()
    assert (checkout / "plan.html").is_file()
