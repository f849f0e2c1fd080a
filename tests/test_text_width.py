"""On a terminal the text output wraps between words at the terminal's width (a terminal
itself breaks lines mid-word); source lines stay whole so the caret stays under its place.
Files and pipes get one line per message, as before."""

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from conftest import ROOT
from samenplan.check.run import check_plan
from samenplan.output.text import format_text_plans

VOL_FOUTEN = "examples/vol-fouten"  # relative, from ROOT: the paths are shorter than a line
SOURCE_LINE = re.compile(r"^ *\d+ \| |^ +\| ")


@pytest.mark.parametrize("width", [70, 80, 120])
def test_wrapped_text_keeps_every_word_and_fits(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    results = [check_plan(Path(VOL_FOUTEN))]
    whole = format_text_plans(results)
    wrapped = format_text_plans(results, width=width)
    assert wrapped.split() == whole.split(), "no word is lost, split or added"
    for line in wrapped.splitlines():
        # A line may only be longer when it holds one word that cannot be broken (a web address).
        if not SOURCE_LINE.match(line) and len(line.split()) > 1:
            assert len(line) <= width, line


def test_on_a_terminal_of_80_columns_no_message_line_is_longer() -> None:
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("COLUMNS", "LINES", "CI", "GITHUB_ACTIONS", "GITLAB_CI")
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "samenplan", "check", str(VOL_FOUTEN), "--no-color"],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    output = b""
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the program ended
            break
        if not data:
            break
        output += data
    os.close(leader)
    assert proc.wait(timeout=60) == 1
    lines = output.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert any(
        line.startswith("      ") and not line.lstrip().startswith(("tip:", "zie ook", "|")) for line in lines
    )
    assert [line for line in lines if len(line) > 80 and not SOURCE_LINE.match(line)] == []


def test_without_a_terminal_each_message_stays_on_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "samenplan", "check", VOL_FOUTEN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "40"},
        check=False,
    )
    heads = [line for line in done.stdout.splitlines() if re.match(r"^\S+:\d+:\d+: SP\d+ ", line)]
    assert any(len(line) > 80 for line in heads), "a long message is not wrapped in a pipe"
