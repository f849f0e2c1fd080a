"""examples/vol-fouten triggers every rule code; the good examples trigger none.

The flawed example holds at least one flaw per rule, and its README names the file and line
of each finding. These tests fail on purpose when someone adds a rule (or a waiver or
settings code) without adding a flaw for it to examples/vol-fouten and a row to its README
table: that keeps the example complete. They also fail when a rule stops finding a flaw, or
moves its finding to another line than the README says.
"""

import json
import re
from pathlib import Path

import pytest

from samenplan.check import engine  # noqa: F401  (registers SP903, the settings code)
from samenplan.check.codebook import all_codes
from samenplan.check.rules import all_rules
from samenplan.check.run import CheckResult, check_plan
from support import GOOD_EXAMPLES, ROOT, Cli

FLAWED = ROOT / "examples" / "vol-fouten"
GOOD = GOOD_EXAMPLES

#: A row of the README table: | SP101 | `05-aanpak.yaml:11` | ... |
ROW = re.compile(r"^\|\s*(SP\d{3})\s*\|\s*`([^`:]+):(\d+)`\s*\|", re.MULTILINE)
#: A flaw marker in the YAML files: # FOUT SP101: ...
MARKER = re.compile(r"#\s*FOUT\s+(SP\d{3})\b")

Place = tuple[str, str, int]  # code, file, line


def expected_codes() -> set[str]:
    """Every rule code, plus the waiver and settings codes; never the loader codes SP0xx."""
    rules = {r.code.code for r in all_rules()}
    return rules | {code for code in all_codes() if not code.startswith("SP0")}


def places(result: CheckResult) -> set[Place]:
    return {(d.code, d.location.file, d.location.line) for d in result.diagnostics}


def readme_rows() -> list[Place]:
    text = (FLAWED / "README.md").read_text(encoding="utf-8")
    return [(code, file, int(line)) for code, file, line in ROW.findall(text)]


@pytest.fixture(scope="module")
def flawed() -> CheckResult:
    return check_plan(FLAWED)


def test_expected_codes_are_rules_and_sp9xx_only() -> None:
    expected = expected_codes()
    assert {"SP101", "SP703", "SP901", "SP902", "SP903"} <= expected
    assert not any(code.startswith("SP0") for code in expected)


def test_check_reports_every_rule_code(flawed: CheckResult) -> None:
    assert flawed.rules_ran, "examples/vol-fouten must load: the rules only run on a plan that loads"
    found = {d.code for d in flawed.diagnostics}
    missing = expected_codes() - found
    assert not missing, f"add a flaw to examples/vol-fouten for {sorted(missing)}"
    assert found == expected_codes(), f"unexpected codes: {sorted(found - expected_codes())}"


def test_cli_reports_every_code_and_exits_1(cli: Cli) -> None:
    proc = cli("check", "--format", "json", FLAWED)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["rules_ran"] is True
    assert {f["code"] for f in report["findings"]} == expected_codes()


def test_readme_names_a_place_for_every_code() -> None:
    named = {code for code, _, _ in readme_rows()}
    missing = expected_codes() - named
    assert not missing, f"add a row to examples/vol-fouten/README.md for {sorted(missing)}"
    assert named <= expected_codes(), f"README names unknown codes {sorted(named - expected_codes())}"


def test_readme_places_match_the_findings(flawed: CheckResult) -> None:
    wrong = [row for row in readme_rows() if row not in places(flawed)]
    actual = sorted(places(flawed))
    assert not wrong, f"README rows without that finding: {wrong}; check reports {actual}"


def test_readme_explains_every_finding(flawed: CheckResult) -> None:
    unexplained = places(flawed) - set(readme_rows())
    assert not unexplained, f"findings missing from the README table: {sorted(unexplained)}"


def test_yaml_marks_every_flaw() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FLAWED.glob("*.yaml")))
    marked = set(MARKER.findall(text))
    assert marked == expected_codes(), (
        f"unmarked: {sorted(expected_codes() - marked)}; unknown: {sorted(marked - expected_codes())}"
    )


@pytest.mark.parametrize("name", GOOD)
def test_good_examples_report_nothing(name: str) -> None:
    folder = ROOT / "examples" / name
    result = check_plan(Path(folder))
    assert result.rules_ran
    assert [(d.code, d.location.file, d.location.line, d.message) for d in result.diagnostics] == []
