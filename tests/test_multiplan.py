"""`samenplan check DIR...`: several plans in one run, for a region or a national overview.

Each argument is a plan folder, or a folder whose subfolders are plan folders (one level).
The region in these tests holds three copies of examples/heidedorpen, one clean, one with
only a warning and one broken, plus a subfolder that is no plan. Paths are relative to the
folder the test runs in, as a user would type them.
"""

import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from junitparser import JUnitXml

from samenplan.check.run import CheckResult, check_plan, check_plans, find_plans
from samenplan.cli.main import main
from samenplan.load.planfolder import NotAPlan
from samenplan.output import FORMATS, plans_reporter, reporter
from samenplan.output.json_report import report_data
from samenplan.plan.steps import DOCUMENTS
from support import Cli, Run, add_unused_waiver, break_plan, copy_example

PLANS = ("regio/a-schoon", "regio/b-waarschuwing", "regio/c-kapot")
TOTAL = (
    "3 plannen gecontroleerd: 1 met fouten, 1 met alleen waarschuwingen, 1 zonder fouten of waarschuwingen."
)


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """regio/ with a clean plan, a plan with one warning, a broken plan and a docs folder."""
    monkeypatch.chdir(tmp_path)
    _, warning, broken = (copy_example(tmp_path, into=p) for p in PLANS)
    add_unused_waiver(warning)
    break_plan(broken)
    (tmp_path / "regio" / "docs").mkdir()
    (tmp_path / "regio" / "docs" / "notulen.md").write_text("# Notulen\n", encoding="utf-8")
    (tmp_path / "regio" / "overzicht.xlsx").write_bytes(b"PK\x03\x04")
    return Path("regio")


RunCommand = Callable[..., Run]


@pytest.fixture
def run(cli: Cli) -> RunCommand:
    """``run(ARGS)`` is ``samenplan check ARGS`` in this process."""
    return lambda *args: cli("check", *args, cwd=Path.cwd())


def results() -> list[CheckResult]:
    return check_plans([Path("regio")])


# --- finding the plans ---------------------------------------------------------------------


def test_a_folder_of_plans_gives_its_plan_subfolders_sorted(region: Path) -> None:
    assert find_plans([region]) == [Path(p) for p in PLANS]


def test_a_plan_folder_is_itself(region: Path) -> None:
    assert find_plans([Path(PLANS[1])]) == [Path(PLANS[1])]


def test_arguments_keep_their_order_and_each_plan_comes_once(region: Path) -> None:
    found = find_plans([Path(PLANS[2]), region, Path("./regio/a-schoon")])
    assert found == [Path(PLANS[2]), Path(PLANS[0]), Path(PLANS[1])]


def test_plans_in_a_folder_of_plans_go_one_level_deep(region: Path) -> None:
    Path("land").mkdir()
    shutil.move("regio", "land")
    with pytest.raises(NotAPlan, match="geen plan, en ook geen mappen met een plan"):
        find_plans([Path("land")])


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("bestaat-niet", "De map 'bestaat-niet' bestaat niet."),
        ("regio/overzicht.xlsx", "is een bestand, geen map met een plan"),
        ("regio/docs", "In 'regio/docs' staat geen plan, en ook geen mappen met een plan."),
    ],
)
def test_a_wrong_folder_is_not_a_plan(region: Path, path: str, message: str) -> None:
    with pytest.raises(NotAPlan, match=message.replace(".", r"\.")):
        find_plans([region, Path(path)])


# --- text --------------------------------------------------------------------------------


def test_text_gives_each_plan_then_the_total(region: Path, run: RunCommand) -> None:
    done = run("regio")
    assert done.code == 1
    lines = done.out.splitlines()
    assert lines[-1] == TOTAL
    summaries = [line for line in lines if line.startswith(("Geen problemen", "0 fouten", "4 fouten"))]
    assert summaries == [
        "Geen problemen gevonden in regio/a-schoon.",
        "0 fouten, 1 waarschuwing, 0 opmerkingen in 1 van de 8 bestanden van regio/b-waarschuwing.",
        "4 fouten, 1 waarschuwing, 1 opmerking in 5 van de 8 bestanden van regio/c-kapot.",
    ]
    assert "regio/c-kapot/05-aanpak.yaml:" in done.out


def test_text_of_several_plans_is_each_plan_as_alone(region: Path, run: RunCommand) -> None:
    alone = [run(p).out for p in PLANS]
    assert run(*PLANS).out == "\n".join([*alone, TOTAL + "\n"])


def test_one_plan_has_no_total_line(region: Path, run: RunCommand) -> None:
    assert "gecontroleerd" not in run(PLANS[0]).out


def test_a_folder_holding_one_plan_gives_that_plan_alone(region: Path, run: RunCommand) -> None:
    shutil.rmtree(PLANS[1])
    shutil.rmtree(PLANS[2])
    assert run("regio", "--format", "json").out == run(PLANS[0], "--format", "json").out


@pytest.mark.parametrize(
    ("plans", "args", "code"),
    [
        (PLANS[:2], (), 0),
        (PLANS[:2], ("--fail-level", "warning"), 1),
        (PLANS, (), 1),
        (PLANS, ("--exit-zero",), 0),
    ],
)
def test_exit_code_is_the_worst_over_all_plans(
    region: Path, run: RunCommand, plans: tuple[str, ...], args: tuple[str, ...], code: int
) -> None:
    assert run(*plans, *args).code == code


def test_concise_gives_a_line_per_finding_and_the_total(region: Path, run: RunCommand) -> None:
    out = run("regio", "--format", "concise").out
    assert out.endswith(TOTAL + "\n")
    assert "regio/b-waarschuwing/samenplan.yaml:" in out


@pytest.mark.parametrize("args", [("regio/docs",), ("regio", "regio/docs"), ("regio", "elders")])
def test_a_folder_that_is_no_plan_is_exit_2_and_nothing_is_checked(
    region: Path, run: RunCommand, args: tuple[str, ...]
) -> None:
    done = run(*args, "--format", "json")
    assert done.code == 2
    assert done.out == ""
    assert done.err.startswith("samenplan: ")
    assert "Traceback" not in done.err


def test_without_arguments_the_current_folder_is_checked(
    region: Path, run: RunCommand, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir("regio")
    assert run().out.splitlines()[-1] == TOTAL


# --- machine formats -----------------------------------------------------------------------


def test_json_of_several_plans_is_a_wrapper_with_each_plan(region: Path, run: RunCommand) -> None:
    data = json.loads(run("regio", "--format", "json").out)
    assert list(data) == ["version", "tool", "counts", "plans"]
    assert data["version"] == 1
    assert data["plans"] == [report_data(check_plan(Path(p))) for p in PLANS]
    assert data["counts"] == {"plans": 3, "error": 4, "warning": 2, "info": 1, "total": 7}


def test_json_of_one_plan_is_unchanged(region: Path, run: RunCommand) -> None:
    out = run(PLANS[2], "--format", "json").out
    assert out == reporter("json")(check_plan(Path(PLANS[2])))
    assert "plans" not in json.loads(out)


def test_json_wrapper_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "json-formaat.md").read_text("utf-8")
    assert '"plans": [' in doc
    for key in ("`counts.plans`", "`plans`"):
        assert key in doc


def test_sarif_is_one_run_with_every_plan(region: Path, run: RunCommand) -> None:
    log = json.loads(run("regio", "--format", "sarif").out)
    assert len(log["runs"]) == 1
    found = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in found}
    assert {uri.rsplit("/", 1)[0] for uri in uris} == {"regio/b-waarschuwing", "regio/c-kapot"}
    assert len(found) == 7
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in found)
    assert [rule["id"] for rule in rules] == sorted({r["ruleId"] for r in found})


def test_gitlab_is_one_array_with_every_plan(region: Path, run: RunCommand) -> None:
    issues = json.loads(run("regio", "--format", "gitlab").out)
    assert len(issues) == 7
    assert {i["location"]["path"].split("/")[1] for i in issues} == {"b-waarschuwing", "c-kapot"}
    assert len({i["fingerprint"] for i in issues}) == 7


def test_the_same_finding_in_two_plans_has_two_fingerprints(region: Path) -> None:
    shutil.rmtree(PLANS[2])
    add_unused_waiver(Path(PLANS[0]))  # now a-schoon has the same warning as b-waarschuwing
    issues = json.loads(plans_reporter("gitlab")(results()))
    assert len(issues) == 2
    assert issues[0]["description"] == issues[1]["description"]
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_junit_has_a_suite_per_file_of_every_plan(region: Path, run: RunCommand) -> None:
    out = run("regio", "--format", "junit").out
    root = ET.fromstring(out)
    names = [suite.get("name") for suite in root]
    assert names == [f"{p}/{d.file}" for p in PLANS for d in DOCUMENTS]
    assert root.get("failures") == str(sum(int(s.get("failures", "0")) for s in root))
    xml = JUnitXml.fromstring(out.encode("utf-8"))
    # b-waarschuwing: SP902 in samenplan.yaml; c-kapot: six rule and file pairs.
    assert sum(suite.failures for suite in xml) == 1 + 6


def test_github_annotates_every_plan_and_sums_up(
    region: Path, run: RunCommand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lines = run("regio", "--format", "github").out.splitlines()
    annotated = {line.split("file=")[1].split("/")[1] for line in lines if line.startswith("::")}
    assert annotated == {"b-waarschuwing", "c-kapot"}
    assert lines[-1] == TOTAL
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("## samenplan check: 3 plannen\n\n**3 plannen gecontroleerd")
    assert [line for line in markdown.splitlines() if line.startswith("### ")] == [
        f"### samenplan check: {p}" for p in PLANS
    ]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_of_one_plan_is_as_before(region: Path, fmt: str) -> None:
    result = check_plan(Path(PLANS[2]))
    assert plans_reporter(fmt)([result]) == reporter(fmt)(result)


def test_reports_in_files_hold_every_plan(region: Path, run: RunCommand) -> None:
    done = run("regio", "--output", "uit.txt", "--report", "sarif:uit.sarif")
    assert done.out == ""
    assert Path("uit.txt").read_text(encoding="utf-8").endswith(TOTAL + "\n")
    assert len(json.loads(Path("uit.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 7


# --- many plans ----------------------------------------------------------------------------


def test_a_folder_of_generated_plans_checks_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: RunCommand
) -> None:
    monkeypatch.chdir(tmp_path)
    names = [f"gemeente-{i:03d}" for i in range(6)]
    for i, name in enumerate(names):
        with pytest.raises(SystemExit) as stop:
            main(
                [
                    "init",
                    f"land/{name}",
                    "--yes",
                    "--titel",
                    f"Plan {i}",
                    "--gemeente",
                    f"Gemeente {i}",
                    "--fase",
                    "concept",
                ]
            )
        assert stop.value.code in (0, None)
    done: Run = run("land", "--format", "concise")
    assert done.code in (0, 1)
    last = done.out.splitlines()[-1]
    assert last.startswith("6 plannen gecontroleerd: ")
    for name in names:
        assert f"land/{name}." in done.out  # each plan's own summary line
