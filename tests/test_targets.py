"""Where outputs go (issue 17, items 1-3, 7, 12, 25, 27, 28): nothing a user wrote is replaced,
nothing that is not a regular file becomes one, nothing hangs, nothing leaks English.

Each test uses the input of its item in the issue. Tests that need a FIFO or a device node
create it in a temporary folder; a device node needs CAP_MKNOD (root in a container), so that
one test is skipped where it cannot be made.
"""

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PlanCopy
from support import Cli

DATE = ("--datum", "2024-11-01")
#: Only against a hang (a blocking open or read); never a timing assert.
HANG_GUARD_SECONDS = 120


def files_below(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def no_english(text: str) -> None:
    for word in ("Option", "requires an argument", "Path '", "not readable", "Traceback", "Error"):
        assert word not in text, text


# --- item 1: render replaces only a document samenplan made ----------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", "daarna samenplan render draaien\n"),
        ("README.md", "# Ons plan\n\nMaak het document met `samenplan render plannen/rivierstad`.\n"),
        ("build.sh", "#!/bin/sh\nset -e\nsamenplan check .\nsamenplan render . -o plan.html\n"),
        ("plan.html", "<!-- samenplan render -->\n<p>met de hand geschreven</p>\n"),
    ],
)
def test_render_never_replaces_a_file_that_only_mentions_the_command(
    plan: PlanCopy, cli: Cli, name: str, content: str
) -> None:
    target = plan.root / name
    target.write_text(content, encoding="utf-8")
    done = cli("render", str(plan.root), "-o", str(target), *DATE)
    assert done.code == 2
    assert "niet door samenplan gemaakt" in done.err
    assert target.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_render_replaces_its_own_document_without_overwrite(plan: PlanCopy, cli: Cli, fmt: str) -> None:
    target = plan.root / f"plan.{fmt}"
    assert cli("render", str(plan.root), "-f", fmt, *DATE).code == 0
    first = target.read_text(encoding="utf-8")
    plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen-Oost\n")
    assert cli("render", str(plan.root), "-f", fmt, *DATE).code == 0
    assert target.read_text(encoding="utf-8") != first


# --- item 2: check never writes over a plan's files or a file it did not make ----------------


@pytest.mark.parametrize(
    "args",
    [
        ("-o", "{root}/05-aanpak.yaml"),
        ("--report", "sarif:{root}/samenplan.yaml"),
        ("--format", "json", "-o", "{root}/01-urgentie.yaml"),
        ("--report", "junit:{root}/notities.txt"),
    ],
)
def test_check_never_writes_over_a_plan_file_or_a_file_it_did_not_make(
    plan: PlanCopy, cli: Cli, args: tuple[str, ...]
) -> None:
    plan.path("notities.txt").write_text("onze aantekeningen\n", encoding="utf-8")
    before = files_below(plan.root)
    done = cli("check", str(plan.root), *(a.format(root=plan.root) for a in args))
    assert done.code == 2
    assert done.err.startswith("samenplan: ")
    no_english(done.err)
    assert files_below(plan.root) == before


def test_a_plan_file_is_protected_through_another_path_and_when_empty(plan: PlanCopy, cli: Cli) -> None:
    plan.path("07-uitvoering.yaml").write_text("", encoding="utf-8")  # empty, yet the plan's
    (plan.root / "sub").mkdir()
    done = cli("check", str(plan.root), "-o", str(plan.root / "sub" / ".." / "07-uitvoering.yaml"))
    assert done.code == 2
    assert "bestand van het plan" in done.err
    assert plan.path("07-uitvoering.yaml").read_bytes() == b""


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "json", "gitlab", "sarif", "junit"])
def test_check_replaces_its_own_report_of_every_format(
    plan: PlanCopy, cli: Cli, tmp_path: Path, fmt: str
) -> None:
    report = tmp_path / f"rapport.{fmt}"
    assert cli("check", str(plan.root), "--format", fmt, "-o", str(report)).code == 0
    plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen\nonbekend: 1\n")
    assert cli("check", str(plan.root), "--format", fmt, "-o", str(report)).code == 1
    assert "onbekend" in report.read_text(encoding="utf-8")


# --- item 3 and 7: pipes and devices are streams, never replaced, never waited for -----------


def test_overwrite_never_replaces_a_device_node(plan: PlanCopy, cli: Cli) -> None:
    devnull = plan.root / "devnull"
    try:
        os.mknod(devnull, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs CAP_MKNOD")
    done = cli("render", str(plan.root), "-o", str(devnull), "--overwrite", *DATE)
    assert done.code == 0, done.err
    assert stat.S_ISCHR(devnull.lstat().st_mode)  # still /dev/null's device, not a file


def test_check_writes_a_report_into_a_fifo_as_a_stream(plan: PlanCopy, cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "rapport"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, as `cat fifo` would be
    try:
        done = cli("check", str(plan.root), "--format", "json", "-o", str(fifo))
        received = os.read(reader, 1_000_000)  # a clean plan's report fits in the pipe's buffer
    finally:
        os.close(reader)
    assert done.code == 0, done.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b'"findings": []' in received


@pytest.mark.parametrize("command", ["render", "check"])
def test_a_fifo_nobody_reads_is_refused_without_waiting(
    plan: PlanCopy, cli: Cli, tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / "uitvoer"
    os.mkfifo(fifo)
    done = cli(command, str(plan.root), "-o", str(fifo), *(DATE if command == "render" else ()))
    assert done.code == 2
    assert "er leest niemand uit die pijp" in done.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_render_to_dev_stdout_through_a_pipe_finishes(plan: PlanCopy) -> None:
    # `samenplan render P -o /dev/stdout | cat` hung: the mark was looked for by reading stdout.
    done = subprocess.run(
        [sys.executable, "-m", "samenplan", "render", str(plan.root), "-o", "/dev/stdout", *DATE],
        capture_output=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder"])
def test_a_theme_that_is_not_a_file_is_refused_without_reading(
    plan: PlanCopy, cli: Cli, tmp_path: Path, kind: str
) -> None:
    if kind == "fifo":
        theme = tmp_path / "thema.css"
        os.mkfifo(theme)
    elif kind == "folder":
        theme = tmp_path
    else:
        theme = Path(kind)
    done = cli("render", str(plan.root), "--theme-css", str(theme), *DATE)
    assert done.code == 2
    assert "het thema" in done.err
    no_english(done.err)


def test_a_theme_of_a_gigabyte_is_refused(plan: PlanCopy, cli: Cli, tmp_path: Path) -> None:
    theme = tmp_path / "thema.css"
    with theme.open("wb") as handle:
        handle.truncate(1_000_000_000)  # sparse: takes no disk space
    done = cli("render", str(plan.root), "--theme-css", str(theme), *DATE)
    assert done.code == 2
    assert "groter dan" in done.err


# --- item 12: stdout full or closed ---------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full exists on Linux only")
@pytest.mark.parametrize("command", ["check", "render"])
def test_a_full_stdout_is_exit_2_in_dutch(plan: PlanCopy, command: str) -> None:
    args = [str(plan.root)] if command == "check" else [str(plan.root), "-o", "-", *DATE]
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "samenplan", command, *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=HANG_GUARD_SECONDS,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert "de schijf is vol" in done.stderr
    no_english(done.stderr)


def test_a_closed_stdout_is_exit_2_in_dutch(plan: PlanCopy) -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m samenplan check "$1" >&-', sys.executable, str(plan.root)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "gesloten" in done.stderr
    no_english(done.stderr)


def test_a_reader_that_stops_early_is_no_error(plan: PlanCopy) -> None:
    plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen\nonbekend: 1\n")
    done = subprocess.run(
        ["sh", "-c", '"$0" -m samenplan check "$1" | head -c 1 >/dev/null', sys.executable, str(plan.root)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr


# --- item 25: SIGTERM and SIGKILL leave no temporary files ----------------------------------


def test_sigterm_during_a_write_leaves_the_old_document_and_no_temporary_file(
    plan: PlanCopy, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = plan.path("plan.html")
    assert cli("render", str(plan.root), *DATE).code == 0
    old = document.read_bytes()
    real = os.fsync

    def fsync(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # as `timeout`, CI cancellation or docker stop
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen-Oost\n")
    done = cli("render", str(plan.root), *DATE)
    assert done.code == 130
    assert document.read_bytes() == old
    assert [p.name for p in plan.root.iterdir() if p.name.startswith(".")] == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL or callable(signal.getsignal(signal.SIGTERM))


def _pid_of_a_finished_process() -> int:
    done = subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert done.returncode == 0
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporary_files_of_killed_writes_are_removed(plan: PlanCopy, cli: Cli) -> None:
    dead = _pid_of_a_finished_process()
    stale = [plan.root / f".plan.html.{dead}.k3j9x0qa.tmp", plan.root / ".plan.html.zq81mv0c.tmp"]
    for path in stale:
        path.write_text("<p>half", encoding="utf-8")
    hours_ago = time.time() - 3 * 3600
    os.utime(stale[1], (hours_ago, hours_ago))  # an older version's name, hours old
    kept = [
        plan.root / f".plan.html.{os.getppid()}.a1b2c3d4.tmp",  # a process that still runs
        plan.root / ".plan.html.aantekeningen.tmp",  # not one of ours
        plan.root / f".plan.md.{dead}.k3j9x0qa.tmp",  # another document's: removed on its write
    ]
    for path in kept:
        path.write_text("x", encoding="utf-8")
    assert cli("render", str(plan.root), *DATE).code == 0
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in kept)


# --- item 27: no English ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("check", "--format"), ("render", ".", "--theme-css"), ("check", ".", "--report")],
)
def test_an_option_without_its_value_is_dutch(cli: Cli, args: tuple[str, ...]) -> None:
    done = cli(*args)
    assert done.code == 2
    assert f"Achter de optie '{args[-1]}' hoort een waarde." in done.err
    no_english(done.err)


def test_an_unreadable_plan_folder_is_dutch(
    plan: PlanCopy, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root every folder is readable: make the permission check say no, as it would for a user.
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if Path(path) == plan.root else real(path, mode)
    )
    done = cli("check", str(plan.root))
    assert done.code == 2
    assert "kan niet gelezen worden: je hebt daar geen toestemming voor" in done.err
    no_english(done.err)


def test_a_value_pydantic_has_no_dutch_for_gets_no_english() -> None:
    from typing import Annotated

    from pydantic import BaseModel, Field

    from samenplan.load.locate import PositionIndex
    from samenplan.load.validation import validate

    class Model(BaseModel):
        x: Annotated[int, Field(multiple_of=5)]

    model, problems = validate(Model, {"x": 3}, PositionIndex("test.yaml"))
    assert model is None and len(problems) == 1
    assert "multiple" not in problems[0].message + problems[0].hint
    assert "technische melding" not in problems[0].hint


def test_a_yaml_error_without_dutch_gets_no_english() -> None:
    from ruamel.yaml.error import MarkedYAMLError

    from samenplan.load.yamlerrors import describe_yaml_error

    message, hint, _ = describe_yaml_error(MarkedYAMLError(problem="something nobody foresaw"))
    assert "something" not in message + hint and "technische" not in hint


# --- item 28: an empty -o, and a symlink to our own document ----------------------------------


def test_an_empty_output_name_is_refused(plan: PlanCopy, cli: Cli) -> None:
    done = cli("render", str(plan.root), "-o", "", *DATE)
    assert done.code == 2
    assert "--output is leeg" in done.err
    assert not plan.path("plan.html").exists()


def test_a_symlink_to_our_document_writes_its_target(plan: PlanCopy, cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "site" / "index.html"
    target.parent.mkdir()
    assert cli("render", str(plan.root), "-o", str(target), *DATE).code == 0
    link = plan.path("plan.html")
    link.symlink_to(target)
    plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen-Oost\n")
    assert cli("render", str(plan.root), *DATE).code == 0
    assert link.is_symlink()
    assert "Heidedorpen-Oost" in target.read_text(encoding="utf-8")
