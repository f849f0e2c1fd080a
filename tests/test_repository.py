"""The repository checks itself: its pre-commit config is valid and CI runs the linters."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_config_is_valid_and_runs_ruff_and_mypy() -> None:
    config = ROOT / ".pre-commit-config.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = config.read_text(encoding="utf-8")
    for hook in ("ruff check", "ruff format", "mypy"):
        assert f"entry: .venv/bin/{hook}" in text


def test_ci_runs_the_readme_test_command_and_the_linters() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    test_command = next(line for line in run if "pytest" in line)
    assert test_command in readme
    for linter in ("ruff check", "ruff format --check", "mypy"):
        assert any(line.startswith(f".venv/bin/{linter}") for line in run), linter
