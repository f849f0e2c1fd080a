"""`samenplan check` and `render` read plain options without typer, and read them as typer does.

cli/check.OPTIONS and cli/render.OPTIONS declare the options of each command once; parse_plain
(cli/plain.py) reads them for the fast start, and typer (help, usage errors) gets its command
from the same table. These tests give the same command lines to both and compare what reaches
run_check or run_render.
"""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import typer

from samenplan.cli import check, render
from samenplan.cli.main import build_app
from support import CI_VARIABLES, copy_example

CHECK_PLAIN = [
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

CHECK_UNUSUAL = [
    ["plan", "--wat"],
    ["plan", "--format"],
    ["plan", "-fjson"],
    ["plan", "--exit-zero=1"],
    ["plan", "--output", "-x"],
    ["plan", "--help"],
]

RENDER_PLAIN = [
    [],
    ["plan"],
    ["plan", "-o", "-", "--force"],  # '-' (the screen) is a value, as click reads it
    ["--output=-", "plan"],
    ["plan", "--format", "md", "--output", "uit.md"],
    ["-f", "pdf", "--theme-css", "thema.css", "plan"],
    ["plan", "--datum", "2026-03-01", "--overwrite", "--werkversie"],
    ["plan", "-f", "docx", "--sjabloon=huisstijl.docx"],
    ["--sinds", "basis", "plan"],
    ["plan", "--format", "md", "--format", "html"],  # the last one counts
    ["--", "--force"],  # after '--' a word is the folder
    ["plan", "--datum="],
]

RENDER_UNUSUAL = [
    ["plan", "andere-plan"],  # one folder only: typer says 'Te veel argumenten'
    ["plan", "--wat"],
    ["plan", "--format"],
    ["plan", "-fmd"],
    ["plan", "--force=1"],
    ["plan", "--output", "-x"],
    ["plan", "--help"],
]


@dataclass(frozen=True)
class Command:
    name: str
    module: ModuleType
    runs: str  # the function the options reach

    def by_typer(self, args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
        seen: dict[str, Any] = {}

        def record(**options: Any) -> int:
            seen.update(options)
            return 0

        monkeypatch.setattr(self.module, self.runs, record)
        command = typer.main.get_command(build_app(self.name))
        command.main(args=[self.name, *args], prog_name="samenplan", standalone_mode=False)
        return seen


CHECK = Command("check", check, "run_check")
RENDER = Command("render", render, "run_render")
COMMANDS = {"check": CHECK, "render": RENDER}
PLAIN = [(CHECK, args) for args in CHECK_PLAIN] + [(RENDER, args) for args in RENDER_PLAIN]
UNUSUAL = [(CHECK, args) for args in CHECK_UNUSUAL] + [(RENDER, args) for args in RENDER_UNUSUAL]


def _id(case: object) -> str:
    return case.name if isinstance(case, Command) else " ".join(case)  # type: ignore[arg-type]


def _same_shape(options: dict[str, Any]) -> dict[str, Any]:
    """Lists as lists, an empty list as None (run_check treats them alike)."""
    return {
        key: (list(value) or None) if isinstance(value, list | tuple) else value
        for key, value in options.items()
    }


@pytest.mark.parametrize(("command", "args"), PLAIN, ids=_id)
def test_plain_options_reach_the_command_as_through_typer(
    command: Command, args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    plain = command.module.parse_plain(args)
    assert plain is not None
    assert _same_shape(plain) == _same_shape(command.by_typer(args, monkeypatch))


@pytest.mark.parametrize(("command", "args"), UNUSUAL, ids=_id)
def test_anything_unusual_is_left_to_typer(command: Command, args: list[str]) -> None:
    assert command.module.parse_plain(args) is None


def test_a_folder_that_may_not_be_read_is_left_to_typer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if Path(path) == tmp_path else real(path, mode)
    )
    assert check.parse_plain([str(tmp_path)]) is None
    assert check.parse_plain([str(tmp_path / "nog-niet")]) is not None


@pytest.mark.parametrize("command", [CHECK, RENDER], ids=_id)
def test_typer_declares_every_option_of_the_table(command: Command) -> None:
    app = typer.main.get_command(build_app(command.name))
    declared = {param.name: tuple(param.opts) for param in app.commands[command.name].params}  # type: ignore[attr-defined]
    assert declared == {o.keyword: o.names or (o.keyword,) for o in command.module.OPTIONS}


def _modules_after(call: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Runs ``call`` (a main([...]) line) in a new process in a copy of heidedorpen; its stderr
    ends with the exit code and the typer, click and samenplan.cli modules it imported."""
    copy_example(tmp_path)
    probe = (
        "import sys\n"
        "from samenplan.cli.main import main\n"
        f"try:\n    {call}\nexcept SystemExit as exc:\n    print('exit', exc.code, file=sys.stderr)\n"
        "mods = [m for m in sys.modules if m.startswith(('typer', 'click', 'samenplan.cli.'))]\n"
        "print(sorted(mods), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )


def test_check_starts_without_typer_or_other_commands(tmp_path: Path) -> None:
    proc = _modules_after("main(['check', 'heidedorpen', '--format', 'json'])", tmp_path)
    loaded = proc.stderr.strip().splitlines()[-1]
    assert loaded.startswith("[") and "typer" not in loaded and "click" not in loaded, proc.stderr
    assert "samenplan.cli.render" not in loaded and "samenplan.cli.init" not in loaded


def test_render_starts_without_typer(tmp_path: Path) -> None:
    proc = _modules_after("main(['render', 'heidedorpen', '-o', '-'])", tmp_path)
    assert proc.stdout.startswith("<!DOCTYPE html>"), proc.stderr
    *_, code, loaded = proc.stderr.strip().splitlines()
    assert code == "exit 0", proc.stderr
    assert "typer" not in loaded and "click" not in loaded and "samenplan.cli.init" not in loaded, loaded
