"""JUnit XML for CI test dashboards: one test case per rule and plan file.

A test case fails when its rule found something in its file. Every other combination of a
rule that ran and a plan file is a passing test case, so a clean plan shows green.
"""

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence

from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic
from samenplan.output.text import display_path, place
from samenplan.plan.steps import DOCUMENTS
from samenplan.safetext import xml_text


def codes_that_ran(result: CheckResult) -> list[str]:
    """Codes checked in this run: the loader's and waiver codes always, plus the rules that ran."""
    from samenplan.check.rules import all_rules

    rule_codes = {r.code.code for r in all_rules()}
    # Loader codes always run; waiver and settings codes (SP9xx) only with the rules.
    always = {c for c in all_codes() if c not in rule_codes and (result.rules_ran or c < "SP1")}
    return sorted(always | set(result.rule_codes) | {d.code for d in result.diagnostics})


def format_junit(result: CheckResult) -> str:
    """A <testsuites> document with one <testsuite> per plan file."""
    return format_junit_plans([result])


def format_junit_plans(results: Sequence[CheckResult]) -> str:
    """One <testsuites> with a <testsuite> per file of every plan, named with its folder."""
    suites = ET.Element("testsuites", name="samenplan check")
    for result in results:
        suites.extend(_plan_suites(result))
    _tally(suites, sum(len(s) for s in suites), sum(int(s.get("failures", "0")) for s in suites))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


def _plan_suites(result: CheckResult) -> list[ET.Element]:
    found: dict[tuple[str, str], list[Diagnostic]] = defaultdict(list)
    for diag in result.diagnostics:
        found[diag.location.file, diag.code].append(diag)
    files = [d.file for d in DOCUMENTS]
    files += sorted({f for f, _ in found} - set(files))
    codes = codes_that_ran(result)
    return [_suite(result, file, codes, found) for file in files]


def _suite(
    result: CheckResult, file: str, codes: list[str], found: dict[tuple[str, str], list[Diagnostic]]
) -> ET.Element:
    path = xml_text(display_path(result.loaded.root, file))
    suite = ET.Element("testsuite", name=path)
    for code in codes:
        entry = all_codes().get(code)
        case = ET.SubElement(
            suite,
            "testcase",
            classname=path,
            file=path,
            name=f"{code} {entry.slug}" if entry is not None else code,
        )
        if found.get((file, code)):
            case.append(_failure(result, found[file, code]))
    _tally(suite, len(suite), sum(1 for case in suite if len(case)))
    return suite


def _failure(result: CheckResult, diags: list[Diagnostic]) -> ET.Element:
    first = diags[0].message
    message = first if len(diags) == 1 else f"{len(diags)} meldingen; de eerste: {first}"
    worst = max(diags, key=lambda d: d.severity.rank).severity
    failure = ET.Element("failure", message=xml_text(message), type=worst.value)
    failure.text = xml_text("\n\n".join(_describe(result, d) for d in diags))
    return failure


def _describe(result: CheckResult, diag: Diagnostic) -> str:
    root = result.loaded.root
    lines = [f"{place(root, diag.location)}: {diag.severity.label}: {diag.message}"]
    lines += [f"zie ook {place(root, r.location)}: {r.message}" for r in diag.related]
    if diag.hint:
        lines.append(f"tip: {diag.hint}")
    return "\n".join(lines)


def _tally(element: ET.Element, tests: int, failures: int) -> None:
    for name, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", 0)):
        element.set(name, str(value))
