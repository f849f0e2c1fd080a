"""Many plans in one run: each plan is reported and let go before the next, in every format.

A national run checks hundreds of plans in one process. The reports over all plans are
written a plan at a time (output.PlansReport), so memory holds one plan, whatever the number
of plans. These tests hold the bytes of the combined reports to a plain construction of the
whole document, and the memory of a real run to a bound that does not grow with the plans.
"""

import json
import os
import shutil
import subprocess
import sys
import weakref
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from samenplan.check import run as run_module
from samenplan.check.run import CheckResult, check_each, check_plans, find_plans
from samenplan.output import FORMATS, plans_reporter, spool
from samenplan.output.fingerprint import fingerprints
from samenplan.output.github import step_summary
from samenplan.output.gitlab import _issue
from samenplan.output.json_report import report_data
from samenplan.output.junit import _plan_suites, _tally
from samenplan.output.sarif import sarif_log
from samenplan.output.text import format_text, total_line
from support import ROOT, Cli

EXAMPLES = ROOT / "examples"
#: A clean plan, the plan with a finding of every rule, and another clean plan.
PLANS = ("heidedorpen", "vol-fouten", "rivierstad")
#: Peak resident memory allowed for checking many plans in one process (issue 15).
MAX_PEAK_MB = 100


@pytest.fixture
def region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in PLANS:
        shutil.copytree(EXAMPLES / name, tmp_path / "regio" / name, ignore=shutil.ignore_patterns("*.md"))
    return Path("regio")


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def whole_document(fmt: str, results: list[CheckResult]) -> str:
    """The report over ``results`` built as one document, without streaming."""
    if fmt == "text":
        return "\n".join([*(format_text(r) for r in results), total_line(results) + "\n"])
    if fmt == "json":
        plans = [report_data(r) for r in results]
        counts = {key: sum(p["counts"][key] for p in plans) for key in plans[0]["counts"]}
        head = {key: plans[0][key] for key in ("version", "tool")}
        return _json({**head, "counts": {"plans": len(plans), **counts}, "plans": plans})
    if fmt == "gitlab":
        return _json(
            [_issue(r, d, fp) for r in results for d, fp in zip(r.diagnostics, fingerprints(r), strict=True)]
        )
    if fmt == "sarif":
        logs = [sarif_log(r) for r in results]
        rules = {rule["id"]: rule for log in logs for rule in log["runs"][0]["tool"]["driver"]["rules"]}
        index = {code: i for i, code in enumerate(sorted(rules))}
        whole = logs[0]
        whole["runs"][0]["tool"]["driver"]["rules"] = [rules[code] for code in sorted(rules)]
        whole["runs"][0]["results"] = [
            {**found, "ruleIndex": index[found["ruleId"]]}
            for log in logs
            for found in log["runs"][0]["results"]
        ]
        return _json(whole)
    assert fmt == "junit"
    suites = ET.Element("testsuites", name="samenplan check")
    for result in results:
        suites.extend(_plan_suites(result))
    _tally(suites, sum(len(s) for s in suites), sum(int(s.get("failures", "0")) for s in suites))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


@pytest.mark.parametrize("fmt", ["text", "json", "gitlab", "sarif", "junit"])
def test_every_combined_report_is_the_whole_document(region: Path, cli: Cli, fmt: str) -> None:
    expected = whole_document(fmt, check_plans([region]))
    assert cli("check", "regio", "--format", fmt, cwd=Path.cwd()).out == expected
    assert cli("check", "regio", "--report", f"{fmt}:rapport.out", cwd=Path.cwd()).code == 1
    assert Path("rapport.out").read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_spool_on_disk_gives_the_same_report(
    region: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = check_plans([region])
    in_memory = plans_reporter(fmt)(results)
    monkeypatch.setattr(spool, "MEMORY_CHARS", 10)
    assert plans_reporter(fmt)(results) == in_memory


def test_the_github_step_summary_over_several_plans_is_headed_by_the_total(region: Path, cli: Cli) -> None:
    Path("samenvatting.md").write_text("eerdere stap\n", encoding="utf-8")
    cli(
        "check", "regio", "--format", "github", env={"GITHUB_STEP_SUMMARY": "samenvatting.md"}, cwd=Path.cwd()
    )
    results = check_plans([region])
    head = f"## samenplan check: 3 plannen\n\n**{total_line(results)}**\n\n"
    expected = "eerdere stap\n" + head + "".join(step_summary(r) for r in results)
    assert Path("samenvatting.md").read_text(encoding="utf-8") == expected


def test_ctrl_c_during_a_later_plan_leaves_the_old_reports_and_no_temporary_file(
    region: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("rapporten").mkdir()
    cli("check", "regio/heidedorpen", "--report", "sarif:rapporten/samenplan.sarif", cwd=Path.cwd())
    old = Path("rapporten/samenplan.sarif").read_bytes()
    real = run_module.check_plan
    checked: list[Path] = []

    def check_then_interrupt(root: Path, today: date | None = None) -> CheckResult:
        if checked:
            raise KeyboardInterrupt
        checked.append(root)
        return real(root, today)

    monkeypatch.setattr(run_module, "check_plan", check_then_interrupt)
    done = cli(
        "check",
        "regio",
        "--report",
        "sarif:rapporten/samenplan.sarif",
        "-o",
        "rapporten/uit.txt",
        cwd=Path.cwd(),
    )
    assert done.code == 130
    assert done.err == "Afgebroken.\n"
    assert [p.name for p in Path("rapporten").iterdir()] == ["samenplan.sarif"]
    assert Path("rapporten/samenplan.sarif").read_bytes() == old


def test_each_result_is_let_go_before_the_next_plan_is_read(region: Path) -> None:
    alive: list[weakref.ref[CheckResult]] = []
    for result in check_each(find_plans([region])):
        assert all(ref() is None for ref in alive), "an earlier plan is still held"
        alive.append(weakref.ref(result))
        del result
    assert len(alive) == len(PLANS)


# --- memory of a real run ------------------------------------------------------------------

_MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def peak_mb(folder: Path, reports: Path) -> float:
    """Peak memory of `samenplan check FOLDER` writing every format, in a fresh process."""
    files = [f"--report={fmt}:{reports / (folder.name + '.' + fmt)}" for fmt in FORMATS if fmt != "json"]
    command = [sys.executable, "-m", "samenplan", "check", str(folder), "--format", "json", *files]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    ).stdout.split()
    assert out[0] == "1", "vol-fouten has errors"
    return float(out[1])


def many_plans(target: Path, count: int) -> Path:
    for n in range(count):
        shutil.copytree(
            EXAMPLES / PLANS[n % 3], target / f"gemeente-{n:03d}", ignore=shutil.ignore_patterns("*.md")
        )
    return target


def test_memory_of_many_plans_does_not_grow_with_the_number_of_plans(tmp_path: Path) -> None:
    few = peak_mb(many_plans(tmp_path / "weinig", 3), tmp_path)
    many = peak_mb(many_plans(tmp_path / "veel", 90), tmp_path)
    # Holding every result took about 1.2 MB a plan (426 MB for 342 plans): 90 plans would
    # add some 100 MB. One plan at a time, the peak stays where a few plans put it.
    assert many < few + 15, f"{few:.0f} MB for 3 plans, {many:.0f} MB for 90"
    assert many < MAX_PEAK_MB
