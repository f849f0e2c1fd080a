"""`samenplan check` reads plain options without typer, and reads them as typer does.

cli/check.OPTIONS declares the options once; parse_plain reads them for the fast start, and
typer (for help and usage errors) gets its command from the same table. These tests give
the same command lines to both and compare what reaches run_check.
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from samenplan.cli import check
from samenplan.cli.main import build_app
from support import CI_VARIABLES, copy_example

PLAIN = [
    [],
    ["plan"],
    ["a", "b", "c"],
    ["plan", "--format", "json"],
    ["--format=json", "plan"],
    ["-f", "sarif", "plan", "-o", "uit.sarif"],
    ["plan", "--output=uit.txt", "--report", "sarif:a.sarif", "--report=junit:a.xml"],
    ["plan", "--fail-level", "warning", "--exit-zero", "--no-color"],
    ["--sinds", "basis", "plan"],
    ["plan", "--format", "text", "--format", "json"],  # the last one counts
    ["--", "--format"],  # after '--' every word is a folder
    ["-"],
    ["plan", "--format="],
]

UNUSUAL = [
    ["plan", "--wat"],
    ["plan", "--format"],
    ["plan", "-fjson"],
    ["plan", "--exit-zero=1"],
    ["plan", "--output", "-x"],
    ["plan", "--help"],
]


def _by_typer(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def record(**options: Any) -> int:
        seen.update(options)
        return 0

    monkeypatch.setattr(check, "run_check", record)
    command = typer.main.get_command(build_app("check"))
    command.main(args=["check", *args], prog_name="samenplan", standalone_mode=False)
    return seen


def _same_shape(options: dict[str, Any]) -> dict[str, Any]:
    """Lists as lists, an empty list as None (run_check treats them alike)."""
    return {
        key: (list(value) or None) if isinstance(value, list | tuple) else value
        for key, value in options.items()
    }


@pytest.mark.parametrize("args", PLAIN, ids=" ".join)
def test_plain_options_reach_run_check_as_through_typer(
    args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    plain = check.parse_plain(args)
    assert plain is not None
    assert _same_shape(plain) == _same_shape(_by_typer(args, monkeypatch))


@pytest.mark.parametrize("args", UNUSUAL, ids=" ".join)
def test_anything_unusual_is_left_to_typer(args: list[str]) -> None:
    assert check.parse_plain(args) is None


def test_a_folder_that_may_not_be_read_is_left_to_typer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if Path(path) == tmp_path else real(path, mode)
    )
    assert check.parse_plain([str(tmp_path)]) is None
    assert check.parse_plain([str(tmp_path / "nog-niet")]) is not None


def test_typer_declares_every_option_of_the_table() -> None:
    command = typer.main.get_command(build_app("check")).commands["check"]  # type: ignore[attr-defined]
    declared = {param.name: tuple(param.opts) for param in command.params}
    assert declared == {o.keyword: o.names or (o.keyword,) for o in check.OPTIONS}


def test_check_starts_without_typer_or_other_commands(tmp_path: Path) -> None:
    copy_example(tmp_path)
    probe = (
        "import sys\n"
        "from samenplan.cli.main import main\n"
        "try:\n    main(['check', 'heidedorpen', '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "mods = [m for m in sys.modules if m.startswith(('typer', 'click', 'samenplan.cli.'))]\n"
        "print(sorted(mods), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    loaded = proc.stderr.strip()
    assert loaded.startswith("[") and "typer" not in loaded and "click" not in loaded, proc.stderr
    assert "samenplan.cli.render" not in loaded and "samenplan.cli.init" not in loaded
