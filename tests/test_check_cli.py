"""`samenplan check` options: --format, --output, --report, --fail-level, --exit-zero, CI."""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from support import Cli, Run, add_unused_waiver, break_plan, copy_example, only_output_indicators

CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI")


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start outside any CI; a test sets the variables it is about."""
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


RunCommand = Callable[..., Run]


@pytest.fixture
def run(cli: Cli) -> RunCommand:
    """``run(ARGS)`` is ``samenplan check ARGS`` in this process."""
    return lambda *args: cli("check", *args, cwd=Path.cwd())


@pytest.fixture
def broken(here: Path) -> Path:
    root = copy_example(here)
    break_plan(root)
    return root


@pytest.fixture
def warning_only(here: Path) -> Path:
    root = copy_example(here)
    add_unused_waiver(root)
    return root


@pytest.fixture
def info_only(here: Path) -> Path:
    root = copy_example(here)
    only_output_indicators(root)
    return root


# --- exit codes ----------------------------------------------------------------------------


def test_clean_plan_exits_0(here: Path, run: RunCommand) -> None:
    copy_example(here)
    assert run("heidedorpen", "--fail-level", "info").code == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),
        (("--fail-level", "warning"), 1),
        (("--exit-zero",), 0),
        (("--fail-level", "info", "--exit-zero"), 0),
    ],
)
def test_errors_fail_unless_exit_zero(
    broken: Path, run: RunCommand, args: tuple[str, ...], code: int
) -> None:
    assert run("heidedorpen", *args).code == code


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 0),
        (("--fail-level", "error"), 0),
        (("--fail-level", "warning"), 1),
        (("--fail-level", "WAARSCHUWING"), 1),
        (("--fail-level", "info"), 1),
        (("--fail-level", "warning", "--exit-zero"), 0),
    ],
)
def test_warnings_fail_from_fail_level_warning(
    warning_only: Path, run: RunCommand, args: tuple[str, ...], code: int
) -> None:
    result = run("heidedorpen", "-f", "concise", *args)
    assert "SP902" in result.out
    assert result.code == code


@pytest.mark.parametrize(("level", "code"), [("error", 0), ("warning", 0), ("info", 1)])
def test_info_fails_only_at_fail_level_info(info_only: Path, run: RunCommand, level: str, code: int) -> None:
    assert run("heidedorpen", "--fail-level", level).code == code


@pytest.mark.parametrize(
    "args",
    [
        ("--fail-level", "alles"),
        ("--format", "xml"),
        ("--report", "sarif"),
        ("--report", "pdf:x.pdf"),
        ("-o", "bestaat/niet/uit.json"),
    ],
)
def test_usage_errors_exit_2_even_with_exit_zero(
    broken: Path, run: RunCommand, args: tuple[str, ...]
) -> None:
    result = run("heidedorpen", "--exit-zero", *args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("samenplan: ")


def test_a_folder_without_plan_is_exit_2_with_exit_zero(here: Path, run: RunCommand) -> None:
    assert run("nergens", "--exit-zero").code == 2


def test_unknown_format_suggests_the_right_one(broken: Path, run: RunCommand) -> None:
    result = run("heidedorpen", "-f", "sarf")
    assert "Het formaat 'sarf' bestaat niet. Bedoelde je 'sarif'?" in result.err


# --- --output and --report -----------------------------------------------------------------


def test_output_writes_the_format_to_a_file(broken: Path, here: Path, run: RunCommand) -> None:
    (here / "uit").mkdir()
    result = run("heidedorpen", "-f", "json", "-o", "uit/samenplan.json")
    assert result.code == 1 and result.out == ""
    data = json.loads((here / "uit" / "samenplan.json").read_text(encoding="utf-8"))
    assert data["counts"]["total"] == 6
    assert [p.name for p in (here / "uit").iterdir()] == ["samenplan.json"]  # no temp files


def test_output_without_format_is_text_without_color(broken: Path, here: Path, run: RunCommand) -> None:
    assert run("heidedorpen", "--output", "rapport.txt").out == ""
    text = (here / "rapport.txt").read_text(encoding="utf-8")
    assert "SP101 fout" in text and "\x1b[" not in text


def test_output_into_a_missing_folder_writes_nothing(broken: Path, here: Path, run: RunCommand) -> None:
    result = run("heidedorpen", "-f", "sarif", "-o", "weg/samenplan.sarif")
    assert result.code == 2
    assert "De map 'weg' voor het rapport 'weg/samenplan.sarif' bestaat niet." in result.err
    assert not (here / "weg").exists()


def test_output_onto_a_folder_is_a_usage_error(broken: Path, run: RunCommand) -> None:
    result = run("heidedorpen", "-o", "heidedorpen")
    assert result.code == 2 and "is een map" in result.err


def test_reports_beside_text_on_screen(broken: Path, here: Path, run: RunCommand) -> None:
    result = run(
        "heidedorpen",
        "--report",
        "sarif:samenplan.sarif",
        "--report",
        "JUnit:junit.xml",
        "--report",
        "concise:kort.txt",
    )
    assert result.code == 1
    assert "SP101 fout" in result.out  # the text format, on screen
    sarif = json.loads((here / "samenplan.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 6
    assert ET.parse(here / "junit.xml").getroot().get("failures") == "6"
    assert (here / "kort.txt").read_text(encoding="utf-8").count(": SP") == 6


def test_two_reports_into_one_file_is_a_usage_error(broken: Path, run: RunCommand) -> None:
    result = run("heidedorpen", "-f", "json", "-o", "a.json", "--report", "sarif:a.json")
    assert result.code == 2 and "hetzelfde bestand 'a.json'" in result.err


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "github", "gitlab", "sarif", "junit"])
def test_every_format_on_screen(broken: Path, run: RunCommand, fmt: str) -> None:
    result = run("heidedorpen", "--format", fmt)
    assert result.code == 1 and result.err == ""
    assert "SP202" in result.out


# --- CI detection --------------------------------------------------------------------------


def test_github_actions_gives_annotations_and_a_step_summary(
    broken: Path, here: Path, run: RunCommand, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = here / "summary.md"
    summary.write_text("## Eerdere stap\n\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("heidedorpen")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("::error file=heidedorpen/01-urgentie.yaml,line=79,col=9,")
    assert sum(line.startswith("::") for line in lines) == 6
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Eerdere stap\n\n### samenplan check: heidedorpen")  # appended
    assert "| fout | SP101 | heidedorpen/05-aanpak.yaml:56 |" in text
    assert "**Volledigheid per stap**" in text


def test_github_actions_with_an_explicit_format(
    broken: Path, here: Path, run: RunCommand, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = here / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("heidedorpen", "--format", "text")
    assert "::error" not in result.out and "SP101 fout" in result.out
    assert not summary.exists()


def test_github_summary_that_cannot_be_written_is_a_warning(
    broken: Path, here: Path, run: RunCommand, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(here / "weg" / "summary.md"))
    result = run("heidedorpen", "-f", "github")
    assert result.code == 1
    assert "de samenvatting voor GitHub kan niet geschreven worden" in result.err


def test_gitlab_ci_gives_text_and_a_code_quality_file(
    broken: Path, here: Path, run: RunCommand, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITLAB_CI", "true")
    result = run("heidedorpen")
    assert result.code == 1 and "SP101 fout" in result.out
    issues = json.loads((here / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert len(issues) == 6 and issues[0]["location"]["path"] == "heidedorpen/01-urgentie.yaml"


def test_gitlab_ci_with_a_format_writes_no_extra_file(
    broken: Path, here: Path, run: RunCommand, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITLAB_CI", "true")
    run("heidedorpen", "-f", "json")
    run("heidedorpen", "--report", "gitlab:codequality.json")
    assert not (here / "gl-code-quality-report.json").exists()
    assert (here / "codequality.json").exists()


# --- through the console entry point, in a new process ----------------------------------


def test_json_through_python_m_samenplan(broken: Path, here: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "samenplan", "check", "heidedorpen", "-f", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=here,
        timeout=120,
        check=False,
        env=_clean_env(),
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["plan"] == "heidedorpen"


def test_text_mode_loads_no_other_reporter(here: Path) -> None:
    copy_example(here)
    probe = (
        "import sys\n"
        "from samenplan.cli.main import main\n"
        "try:\n    main(['check', 'heidedorpen'])\nexcept SystemExit:\n    pass\n"
        "mods = [m for m in sys.modules if m.startswith(('samenplan.output.', 'xml'))]\n"
        "print(sorted(mods), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=here,
        timeout=120,
        check=False,
        env=_clean_env(),
    )
    assert proc.stderr.strip() == "['samenplan.output.destinations', 'samenplan.output.text']", proc.stderr


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
