"""Reporters: golden output of every format, and what each CI format promises.

Golden files live in tests/golden/check/. After an intended change of output, regenerate them
with ``SAMENPLAN_UPDATE_GOLDEN=1 python -m pytest tests/test_reporters.py`` and read the diff.
Every plan is checked from its parent folder under a relative path, so the paths in the
output are the same on every machine.
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml

from samenplan import __version__
from samenplan.check.run import CheckResult, check_plan
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.output import FORMATS, reporter
from samenplan.output.fingerprint import fingerprints
from samenplan.output.github import annotation, escape_data, escape_property, step_summary
from samenplan.output.gitlab import format_gitlab
from samenplan.output.json_report import report_data
from samenplan.output.junit import codes_that_ran, format_junit
from samenplan.output.sarif import sarif_log
from samenplan.plan.steps import DOCUMENTS
from support import (
    HEIDEDORPEN,
    ROOT,
    add_unused_waiver,
    break_plan,
    copy_example,
    edit,
)

EXAMPLE = HEIDEDORPEN
GOLDEN = Path(__file__).parent / "golden" / "check"
UPDATE = os.environ.get("SAMENPLAN_UPDATE_GOLDEN") == "1"
MULTITOOL = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "sarif-multitool"
SUFFIX = {
    "text": "txt",
    "concise": "concise.txt",
    "json": "json",
    "github": "github.txt",
    "gitlab": "gitlab.json",
    "sarif": "sarif",
    "junit": "junit.xml",
}


# --- plans ------------------------------------------------------------------------------


def check_here(root: Path) -> CheckResult:
    """Check the plan by its name, from its parent folder (the current folder)."""
    assert Path.cwd() == root.parent
    return check_plan(Path(root.name))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def clean(here: Path) -> CheckResult:
    return check_here(copy_example(here))


@pytest.fixture
def broken(here: Path) -> CheckResult:
    root = copy_example(here)
    break_plan(root)
    return check_here(root)


@pytest.fixture
def unreadable(here: Path) -> CheckResult:
    """A plan with a YAML error: the loader stops, the rules do not run."""
    root = copy_example(here)
    edit(root, "02-samenwerking.yaml", "partners:\n", "partners: [\n")
    return check_here(root)


# --- golden files ------------------------------------------------------------------------


def _stable(name: str, text: str) -> str:
    """What the golden file holds: the version as a placeholder; for JUnit, see below."""
    text = text.replace(f'"{__version__}"', '"{versie}"')
    return _stable_junit(text) if name == "junit" else text


def _stable_junit(text: str) -> str:
    """JUnit lists a passing case for every rule; keep the loader's, so a new rule elsewhere
    does not change the golden file. The counts are checked in test_junit_counts."""
    root = ET.fromstring(text)
    for suite in root.iter("testsuite"):
        for case in list(suite):
            if len(case) == 0 and not case.get("name", "").startswith("SP0"):
                suite.remove(case)
    for element in root.iter():
        if "tests" in element.attrib:
            element.set("tests", "*")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode") + "\n"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} is missing; make it with SAMENPLAN_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{name} differs from its golden file; if the change is "
        "intended, run SAMENPLAN_UPDATE_GOLDEN=1 python -m pytest "
        "tests/test_reporters.py and review the diff"
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden_clean(clean: CheckResult, fmt: str) -> None:
    assert_golden(f"clean.{SUFFIX[fmt]}", _stable(fmt, reporter(fmt)(clean)))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden_broken(broken: CheckResult, fmt: str) -> None:
    assert_golden(f"broken.{SUFFIX[fmt]}", _stable(fmt, reporter(fmt)(broken)))


@pytest.mark.parametrize("case", ["clean", "broken"])
def test_golden_github_step_summary(case: str, request: pytest.FixtureRequest) -> None:
    result: CheckResult = request.getfixturevalue(case)
    assert_golden(f"{case}.github-summary.md", step_summary(result))


def test_the_broken_plan_has_what_the_golden_files_need(broken: CheckResult) -> None:
    codes = [d.code for d in broken.diagnostics]
    assert {"SP101", "SP201", "SP202", "SP407", "SP801", "SP902"} <= set(codes)
    assert {d.severity for d in broken.diagnostics} == set(Severity)
    assert any(d.related for d in broken.diagnostics)
    assert broken.completeness is not None and min(broken.completeness.values()) < 100


def test_a_format_imports_only_its_own_module() -> None:
    assert all(callable(reporter(name)) for name in FORMATS)
    probe = (
        "import sys\n"
        "from samenplan.output import reporter\n"
        "reporter('text')\n"
        "loaded = [m for m in sys.modules if m.startswith(('samenplan.output.', 'xml', 'json'))]\n"
        "print(' '.join(sorted(loaded)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["samenplan.output.text"]


# --- concise ------------------------------------------------------------------------------


def test_concise_is_one_line_per_finding_then_the_summary(broken: CheckResult) -> None:
    lines = reporter("concise")(broken).splitlines()
    findings = lines[: len(broken.diagnostics)]
    for line, diag in zip(findings, broken.diagnostics, strict=True):
        loc = diag.location
        assert line == f"heidedorpen/{loc.file}:{loc.line}:{loc.col}: {diag.code} {diag.message}"
    assert lines[len(broken.diagnostics)].startswith("4 fouten, 1 waarschuwing, 1 opmerking")


# --- json ---------------------------------------------------------------------------------


def test_json_has_the_documented_keys_in_a_fixed_order(broken: CheckResult) -> None:
    data = json.loads(reporter("json")(broken))
    assert list(data) == [
        "version",
        "tool",
        "plan",
        "phase",
        "rules_ran",
        "counts",
        "completeness",
        "findings",
    ]
    assert data["version"] == 1 and data["plan"] == "heidedorpen"
    assert data["counts"] == {"error": 4, "warning": 1, "info": 1, "total": 6}
    assert [s["step"] for s in data["completeness"]] == [1, 2, 3, 4, 5, 6, 7]
    finding = next(f for f in data["findings"] if f["code"] == "SP202")
    assert list(finding) == [
        "code",
        "slug",
        "severity",
        "message",
        "hint",
        "file",
        "line",
        "column",
        "key_path",
        "fingerprint",
        "related",
        "weight",
        "weight_label",
    ]
    assert finding["slug"] == "dubbele-id" and finding["file"] == "heidedorpen/01-urgentie.yaml"
    assert list(finding["related"][0]) == ["file", "line", "column", "message"]


def test_json_of_a_plan_that_did_not_load(unreadable: CheckResult) -> None:
    data = report_data(unreadable)
    assert data["rules_ran"] is False
    assert data["phase"] is None and data["completeness"] is None
    assert [f["code"] for f in data["findings"]] == ["SP001"]


def test_json_is_documented() -> None:
    doc = (ROOT / "docs" / "json-formaat.md").read_text(encoding="utf-8")
    for key in [
        "version",
        "tool.version",
        "plan",
        "phase",
        "rules_ran",
        "counts",
        "completeness",
        "findings",
        "step",
        "title",
        "percent",
        "code",
        "slug",
        "severity",
        "message",
        "hint",
        "file",
        "line",
        "column",
        "key_path",
        "fingerprint",
        "related",
    ]:
        assert f"| `{key}` |" in doc, key


# --- github -------------------------------------------------------------------------------


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50% klaar\r\nnu: a, b") == "50%25 klaar%0D%0Anu: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_github_annotation_per_severity(broken: CheckResult) -> None:
    by_code = {d.code: annotation(broken, d) for d in broken.diagnostics}
    assert by_code["SP101"].startswith(
        "::error file=heidedorpen/05-aanpak.yaml,line=56,col=5,"
        "title=SP101 interventie-een-leefdomein::Interventie 'i_poj_school' "
    )
    assert by_code["SP902"].startswith("::warning ")
    assert by_code["SP407"].startswith("::notice ")
    assert "%0Azie ook heidedorpen/01-urgentie.yaml:68:9: " in by_code["SP202"]
    assert all("\n" not in line for line in by_code.values())


def test_github_step_summary_is_safe_markdown(broken: CheckResult) -> None:
    summary = step_summary(broken)
    assert "| Ernst | Code | Plek | Melding | Tip |" in summary
    assert "tussen \\< en \\>" in summary  # would otherwise vanish as an HTML tag
    assert "| 7 | Voer het plan uit | 75% |" in summary
    table = [line for line in summary.splitlines() if line.startswith("| fout")]
    assert len(table) == 4 and all(line.count(" | ") == 4 for line in table)


# --- gitlab -------------------------------------------------------------------------------


def test_gitlab_code_quality_issues(broken: CheckResult) -> None:
    issues = json.loads(format_gitlab(broken))
    assert len(issues) == len(broken.diagnostics)
    first = issues[0]
    assert list(first) == ["description", "check_name", "fingerprint", "severity", "location"]
    assert first["location"] == {"path": "heidedorpen/01-urgentie.yaml", "lines": {"begin": 79}}
    assert {i["check_name"]: i["severity"] for i in issues} == {
        "SP202": "major",
        "SP407": "info",
        "SP101": "major",
        "SP201": "major",
        "SP801": "major",
        "SP902": "minor",
    }
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_a_plan_that_cannot_be_read_is_critical(unreadable: CheckResult) -> None:
    assert [i["severity"] for i in json.loads(format_gitlab(unreadable))] == ["critical"]


def test_gitlab_fingerprints_stay_when_lines_move(here: Path) -> None:
    root = copy_example(here)
    break_plan(root)
    before = json.loads(format_gitlab(check_here(root)))
    edit(root, "05-aanpak.yaml", "interventies:\n", "# Een opmerking erbij.\n\n\ninterventies:\n")
    edit(root, "01-urgentie.yaml", "doelgroepen:\n", "\n# Wie we bereiken\ndoelgroepen:\n")
    after = json.loads(format_gitlab(check_here(root)))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    moved = [
        (b["location"]["lines"]["begin"], a["location"]["lines"]["begin"])
        for b, a in zip(before, after, strict=True)
        if b["check_name"] in {"SP101", "SP202"}
    ]
    assert moved and all(new > old for old, new in moved)


def test_fingerprints_are_unique_even_for_identical_findings(here: Path) -> None:
    root = copy_example(here)
    add_unused_waiver(root)
    edit(root, "samenplan.yaml", "fase: besluit\n", "fase: besluit  # samenplan: negeer SP101 reden: proef\n")
    result = check_here(root)
    assert [d.code for d in result.diagnostics] == ["SP902", "SP902"]
    first, second = fingerprints(result)
    assert second == f"{first}-2"


# --- sarif --------------------------------------------------------------------------------


def test_sarif_results_point_at_their_rules(broken: CheckResult) -> None:
    run = sarif_log(broken)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({d.code for d in broken.diagnostics})
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note"}
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    levels = {res["ruleId"]: res["level"] for res in run["results"]}
    assert levels["SP407"] == "note" and levels["SP902"] == "warning"
    related = next(res for res in run["results"] if res["ruleId"] == "SP202")
    place = related["relatedLocations"][0]["physicalLocation"]
    assert place["artifactLocation"]["uri"] == "heidedorpen/01-urgentie.yaml"
    assert place["region"]["startLine"] == 68


def test_sarif_uses_a_file_uri_for_an_absolute_plan(here: Path) -> None:
    root = copy_example(here / "met spatie")
    add_unused_waiver(root)
    run = sarif_log(check_plan(root.resolve()))["runs"][0]
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": (root.resolve() / "samenplan.yaml").as_uri()}
    assert "%20" in artifact["uri"]


def _multitool() -> Path:
    configured = os.environ.get("SAMENPLAN_SARIF_MULTITOOL")
    tool = Path(configured) if configured else MULTITOOL
    assert tool.exists(), (
        f"The SARIF validator is not installed at {tool}. Install it as .ci/tools does: "
        "npm install --prefix .ci/node --no-save @microsoft/sarif-multitool@5.7.0"
    )
    return tool


def _sarif_logs(broken: CheckResult, here: Path) -> list[Path]:
    """SARIF files of the broken plan, the clean plan and a plan named by an absolute path."""
    copy_example(here / "schoon")
    absolute = copy_example(here / "absoluut")
    break_plan(absolute)
    results = {
        "broken": broken,
        "clean": check_plan(Path("schoon/heidedorpen")),
        "absolute": check_plan(absolute.resolve()),
    }
    files = []
    for name, result in results.items():
        path = here / f"{name}.sarif"
        path.write_text(reporter("sarif")(result), encoding="utf-8")
        files.append(path)
    return files


def test_sarif_passes_the_official_validator(broken: CheckResult, here: Path) -> None:
    files = _sarif_logs(broken, here)
    out = here / "validation.sarif"
    run = subprocess.run(
        [str(_multitool()), "validate", *map(str, files), "--output", str(out), "--log", "ForceOverwrite"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    found = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    # The validator skips a file it cannot read without saying so; its warning that there is
    # no informationUri (samenplan has no web site) proves that it analysed each file.
    missing_uri = "Warning_ProvideToolnformationUri"
    analysed = {
        Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name
        for r in found
        if r["message"].get("id") == missing_uri
    }
    assert analysed == {f.name for f in files}, run.stdout
    problems = [
        r
        for r in found
        if r.get("level", "warning") in {"error", "warning"} and r["message"].get("id") != missing_uri
    ]
    assert problems == [], run.stdout


def test_sarif_matches_the_schema_of_the_validator(broken: CheckResult, here: Path) -> None:
    import jsonschema

    shipped = sorted(_multitool().resolve().parents[1].glob("sarif-multitool-*/sarif-2.1.0.json"))
    assert shipped, "the SARIF schema is missing from the sarif-multitool package"
    schema = json.loads(shipped[0].read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    for path in _sarif_logs(broken, here):
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text("utf-8")))]
        assert errors == [], path.name


# --- junit --------------------------------------------------------------------------------


def _junit(result: CheckResult, here: Path) -> JUnitXml:
    path = here / "junit.xml"
    path.write_text(format_junit(result), encoding="utf-8")
    return JUnitXml.fromfile(str(path))


@pytest.mark.parametrize("case", ["clean", "broken"])
def test_junit_counts(case: str, request: pytest.FixtureRequest, here: Path) -> None:
    result: CheckResult = request.getfixturevalue(case)
    xml = _junit(result, here)
    ran = codes_that_ran(result)
    failing = {(d.location.file, d.code) for d in result.diagnostics}
    suites = list(xml)
    assert [s.name for s in suites] == [f"heidedorpen/{d.file}" for d in DOCUMENTS]
    assert all(s.tests == len(ran) for s in suites)
    assert xml.tests == len(ran) * len(DOCUMENTS)
    assert xml.failures == len(failing) and xml.errors == 0
    assert sum(len(list(s)) for s in suites) == xml.tests


def test_junit_failures_carry_message_and_text(broken: CheckResult, here: Path) -> None:
    xml = _junit(broken, here)
    cases = {(case.classname, case.name): case for suite in xml for case in suite}
    case = cases["heidedorpen/01-urgentie.yaml", "SP202 dubbele-id"]
    failure = case.result[0]
    assert isinstance(failure, Failure)
    assert failure.message.startswith("Er is al een doelgroep met id 'dg_jongeren'")
    assert failure.type == "error"
    assert "zie ook heidedorpen/01-urgentie.yaml:68:9" in failure.text
    assert "tip: " in failure.text
    assert cases["heidedorpen/05-aanpak.yaml", "SP101 interventie-een-leefdomein"].result
    assert not cases["heidedorpen/03-analyse.yaml", "SP101 interventie-een-leefdomein"].result


def test_junit_of_a_plan_that_did_not_load_lists_only_the_loader(unreadable: CheckResult, here: Path) -> None:
    xml = _junit(unreadable, here)
    names = {case.name.split()[0] for suite in xml for case in suite}
    assert names and all(re.fullmatch(r"SP0\d\d", n) for n in names)
    assert xml.failures == 1


def test_junit_escapes_what_xml_cannot_hold(broken: CheckResult, here: Path) -> None:
    diag = broken.diagnostics[0]
    odd = Diagnostic(diag.code, diag.severity, 'a < b & "c" \x01 ]]>', diag.location)
    result = CheckResult(broken.loaded, [odd])
    failure = next(case.result[0] for suite in _junit(result, here) for case in suite if case.result)
    assert failure.message == 'a < b & "c" \ufffd ]]>'


# --- every format copes with every kind of result ----------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_plan_that_did_not_load_still_gives_output(unreadable: CheckResult, fmt: str) -> None:
    text = reporter(fmt)(unreadable)
    assert "SP001" in text
    if fmt in {"json", "gitlab", "sarif"}:
        json.loads(text)
    if fmt == "junit":
        ET.fromstring(text)
