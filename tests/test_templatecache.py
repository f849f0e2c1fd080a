"""The compiled report templates kept in the user's cache: the document never depends on it.

A cache that is empty, full, damaged, unwritable or pointed somewhere odd gives the same
document, byte for byte, as compiling every template.
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import jinja2
import pytest

from samenplan.check.run import CheckResult, check_plan
from samenplan.document import render
from samenplan.document.templatecache import NO_CACHE_VARIABLE
from support import EXAMPLES

TODAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check_plan(EXAMPLES / "heidedorpen", TODAY)


@pytest.fixture(autouse=True)
def fresh_environment() -> Iterator[None]:
    render._environment.cache_clear()
    yield
    render._environment.cache_clear()


def _document(result: CheckResult, fmt: str = "html") -> str:
    render._environment.cache_clear()  # as a new process: the environment made again
    return render.render_report(result, fmt, today=TODAY, git=False)  # type: ignore[arg-type]


@pytest.fixture
def uncached(result: CheckResult, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    with monkeypatch.context() as m:
        m.setenv(NO_CACHE_VARIABLE, "1")
        return {fmt: _document(result, fmt) for fmt in ("html", "md")}


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []
    real = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: str, name: str | None = None, *a: object, **k: object
    ) -> object:
        names.append(str(name))
        return real(self, source, name, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_second_start_loads_the_compiled_templates_and_writes_the_same_document(
    fmt: str, result: CheckResult, uncached: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    compiled = _compiles(monkeypatch)
    assert _document(result, fmt) == uncached[fmt]
    assert compiled and list((tmp_path / "samenplan").glob("*/*.cache"))
    compiled.clear()
    assert _document(result, fmt) == uncached[fmt]
    assert compiled == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"rommel",
        lambda data: data[: len(data) // 2],  # a write that was cut off
        lambda data: data[:25],  # cut off in the source checksum: jinja2 itself would raise
        lambda data: data[:40] + bytes(len(data) - 40),  # header intact, code zeroed
    ],
    ids=["empty", "garbage", "truncated", "checksum cut off", "zeroed"],
)
def test_a_damaged_cache_gives_the_same_document(
    damage: object,
    result: CheckResult,
    uncached: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    _document(result)
    files = list((tmp_path / "samenplan").glob("*/*.cache"))
    assert files
    for file in files:
        file.write_bytes(damage(file.read_bytes()))  # type: ignore[operator]
    assert _document(result) == uncached["html"]
    assert _document(result) == uncached["html"]  # and the cache was written again


def test_a_changed_template_is_compiled_again(
    result: CheckResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    _document(result)
    real = render.read_template
    monkeypatch.setattr(
        "samenplan.document.render.read_template",
        lambda name: (real(name) or "") + ("<!-- anders -->\n" if name == "plan.html.j2" else ""),
    )
    assert "<!-- anders -->" in _document(result)


@pytest.mark.parametrize("where", ["a file", "relative"])
def test_a_cache_that_cannot_be_made_gives_the_same_document_and_writes_nothing_beside_the_plan(
    where: str, result: CheckResult, uncached: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    if where == "a file":
        blocker = tmp_path / "geen-map"
        blocker.write_text("", encoding="utf-8")
        monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    else:  # a relative XDG_CACHE_HOME is ignored (XDG): the home folder's .cache is used
        monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
        monkeypatch.setenv("XDG_CACHE_HOME", "cache")
    assert _document(result) == uncached["html"]
    assert not (tmp_path / "cache").exists()


def test_a_cache_folder_others_may_write_in_is_not_used(
    result: CheckResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    _document(result)
    [folder] = (tmp_path / "samenplan").iterdir()
    folder.chmod(0o777)
    compiled = _compiles(monkeypatch)
    _document(result)
    assert compiled  # its files are not read
    for file in folder.iterdir():
        file.unlink()
    _document(result)
    assert not list(folder.iterdir())  # and nothing is written there
