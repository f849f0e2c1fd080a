"""`samenplan render` reads plain options without typer, and reads them as typer does.

cli/render.OPTIONS declares the options once (as check's, cli/plain.py); parse_plain reads
them for the fast start, and typer (help, usage errors) gets its command from the same
table. These tests give the same command lines to both and compare what reaches run_render.
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from samenplan.cli import render
from samenplan.cli.main import build_app
from support import CI_VARIABLES, copy_example

PLAIN = [
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

UNUSUAL = [
    ["plan", "andere-plan"],  # one folder only: typer says 'Te veel argumenten'
    ["plan", "--wat"],
    ["plan", "--format"],
    ["plan", "-fmd"],
    ["plan", "--force=1"],
    ["plan", "--output", "-x"],
    ["plan", "--help"],
]


def _by_typer(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def record(**options: Any) -> int:
        seen.update(options)
        return 0

    monkeypatch.setattr(render, "run_render", record)
    command = typer.main.get_command(build_app("render"))
    command.main(args=["render", *args], prog_name="samenplan", standalone_mode=False)
    return seen


@pytest.mark.parametrize("args", PLAIN, ids=" ".join)
def test_plain_options_reach_run_render_as_through_typer(
    args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    plain = render.parse_plain(args)
    assert plain is not None
    assert plain == _by_typer(args, monkeypatch)


@pytest.mark.parametrize("args", UNUSUAL, ids=" ".join)
def test_anything_unusual_is_left_to_typer(args: list[str]) -> None:
    assert render.parse_plain(args) is None


def test_typer_declares_every_option_of_the_table() -> None:
    command = typer.main.get_command(build_app("render")).commands["render"]  # type: ignore[attr-defined]
    declared = {param.name: tuple(param.opts) for param in command.params}
    assert declared == {o.keyword: o.names or (o.keyword,) for o in render.OPTIONS}


def test_render_starts_without_typer(tmp_path: Path) -> None:
    copy_example(tmp_path)
    probe = (
        "import sys\n"
        "from samenplan.cli.main import main\n"
        "try:\n    main(['render', 'heidedorpen', '-o', '-'])\nexcept SystemExit as exc:\n"
        "    print('exit', exc.code, file=sys.stderr)\n"
        "mods = [m for m in sys.modules if m.startswith(('typer', 'click'))]\n"
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
    assert proc.stdout.startswith("<!DOCTYPE html>"), proc.stderr
    assert proc.stderr.strip().splitlines()[-2:] == ["exit 0", "[]"], proc.stderr
