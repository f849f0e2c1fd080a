"""Atomic writes: nothing half-written, permissions as a normal write would give."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from samenplan.files.atomic import remove_stale_temporaries, write_atomic


def test_new_file_honours_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.html"
    target.write_text("oud")

    def fail(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "nieuw")
    assert target.read_text() == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"], "temporary file left behind"


def test_only_our_own_stale_temporaries_are_removed(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    target = tmp_path / "rapport [v2]*.json"  # glob characters in the name
    ours = tmp_path / f".{target.name}.{child.pid}.abcd1234.tmp"
    running = tmp_path / f".{target.name}.{os.getpid()}.abcd1234.tmp"
    other = tmp_path / f".{target.name}.{child.pid}.abcd1234.tmp.bak"
    for path in (ours, running, other):
        path.write_text("x", encoding="utf-8")
    assert remove_stale_temporaries(target) == [ours]
    assert running.exists() and other.exists()
