"""What many test modules share: paths, a copy of an example plan, and the CLI runners.

``cli`` (a fixture in conftest.py) runs samenplan in the test process: fast, and the right
choice unless the process itself is under test. ``run_process`` starts a real process, for
the entry points, exit codes of a real process, terminals and signals.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HEIDEDORPEN = EXAMPLES / "heidedorpen"

#: Variables that change the output format or colour; tests set them explicitly.
CI_VARIABLES = ("NO_COLOR", "GITHUB_ACTIONS", "GITLAB_CI", "GITHUB_STEP_SUMMARY")


def copy_example(tmp_path: Path, name: str = "heidedorpen") -> Path:
    """A fresh copy of a shipped example plan, in ``tmp_path / name``."""
    target = tmp_path / name
    shutil.copytree(EXAMPLES / name, target)
    return target


@dataclass(frozen=True)
class Run:
    """The outcome of one samenplan command, in-process or as a real process."""

    returncode: int
    stdout: str
    stderr: str


class Cli:
    """Runs ``samenplan ARGS`` in this process, with its own environment and folder."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self._capsys = capsys
        self._monkeypatch = monkeypatch

    def __call__(self, *args: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
        from samenplan.cli.main import main

        with self._monkeypatch.context() as patch:
            for name in CI_VARIABLES:
                patch.delenv(name, raising=False)
            for name, value in (env or {}).items():
                patch.setenv(name, value)
            patch.chdir(cwd)
            self._capsys.readouterr()
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
            out, err = self._capsys.readouterr()
        return Run(code, out, err)


def run_process(
    *args: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m samenplan ARGS`` as a real process, without the CI variables of this shell."""
    full_env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "samenplan", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        check=False,
    )
