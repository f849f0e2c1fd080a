"""Shared fixtures: a private copy of the heidedorpen example plan that a test may break."""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from builtdist import dist, wheelhouse  # noqa: F401  (the built package, for the slow install tests)
from samenplan.check.run import CheckResult, check_plan
from samenplan.diagnostics import Diagnostic, Related
from support import CI_VARIABLES, HEIDEDORPEN, ROOT, Cli  # noqa: F401  (ROOT and HEIDEDORPEN: used by tests)


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column (in characters) where ``needle`` starts in ``text``.

    Works for LF and CRLF text alike: the column counts from the character after the '\\n'.
    """
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    before = text[:start]
    line = before.count("\n") + 1
    col = start - (before.rfind("\n") + 1) + 1
    return line, col


def where(diag: Diagnostic) -> tuple[str, int, int]:
    """File, line and column of a diagnostic, for compact asserts."""
    return diag.location.file, diag.location.line, diag.location.col


@dataclass
class PlanCopy:
    """A copy of an example plan in a temporary folder, with helpers to break it."""

    root: Path

    def path(self, file: str) -> Path:
        return self.root / file

    def read(self, file: str) -> str:
        # Bytes, decoded by hand: keeps CRLF and a BOM exactly as they are in the file.
        return self.path(file).read_bytes().decode("utf-8")

    def write(self, file: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.path(file).write_bytes(data)

    def edit(self, file: str, old: str, new: str) -> str:
        """Replace ``old`` (which must occur exactly once) by ``new``; returns the new text."""
        text = self.read(file)
        count = text.count(old)
        assert count == 1, f"{old!r} occurs {count} times in {file}, expected exactly once"
        text = text.replace(old, new)
        self.write(file, text)
        return text

    def check(self) -> CheckResult:
        return check_plan(self.root)

    def diagnostics(self) -> list[Diagnostic]:
        return self.check().diagnostics

    def codes(self) -> list[str]:
        return [d.code for d in self.diagnostics()]

    def only(self, code: str) -> Diagnostic:
        """The single diagnostic of the plan; it must have ``code``."""
        diags = self.diagnostics()
        assert [d.code for d in diags] == [code], [(d.code, where(d), d.message) for d in diags]
        return diags[0]


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts outside any CI, without NO_COLOR; a test sets what it is about."""
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run samenplan in this process: ``cli("check", folder)`` gives code, stdout and stderr."""
    return Cli(capsys, monkeypatch)


@pytest.fixture
def plan(tmp_path: Path) -> PlanCopy:
    """A fresh copy of examples/heidedorpen (which checks without findings)."""
    dest = tmp_path / "heidedorpen"
    shutil.copytree(HEIDEDORPEN, dest)
    return PlanCopy(dest)


# --- the command line, in this process -------------------------------------------------------


def related_where(related: Related) -> tuple[str, int, int]:
    """File, line and column of a related location."""
    return related.location.file, related.location.line, related.location.col


# --- the order of the test files -----------------------------------------------------------
#: The files that take longest, longest first (about 50 down to 8 s on a 2-core machine).
#: xdist (``--dist loadfile --no-loadscope-reorder``, pyproject addopts) hands out whole files
#: in the order of collection, each to the first worker that is free: with the longest first,
#: the workers end together. By default xdist would start with the files of the most tests,
#: which left these few-test files to the end and one worker idle. A file not named here only
#: runs later; every test still runs. Within a file the order stays the same.
LONGEST_FIRST = (
    "test_browser.py",
    "test_properties.py",
    "test_ci_jobs.py",
    "test_pdf.py",
    "test_migrate.py",
    "test_readme.py",
    "test_precommit.py",
    "test_docx.py",
    "test_streaming.py",
    "test_validators.py",
    "test_hostile.py",
    "test_init.py",
    "test_wheel.py",
    "test_editor.py",
    "test_cli.py",
    "test_source_fastpath.py",
    "test_templatecache.py",
    "test_diff.py",
    "test_targets.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files of LONGEST_FIRST first, in that order; the others after them, as collected."""
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # a stable sort


# --- Hypothesis ---------------------------------------------------------------------------
# "ci" replaces Hypothesis' own CI profile (which fixes the seed): a new random seed each run,
# no deadline (a plan check takes tens of milliseconds), and the @reproduce_failure blob
# printed on failure. tests/test_properties.py also prints its seed; see its docstring.
settings.register_profile(
    "ci", deadline=None, print_blob=True, derandomize=False, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci")
