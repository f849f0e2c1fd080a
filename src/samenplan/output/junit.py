"""JUnit XML for CI test dashboards: one test case per rule and plan file.

A test case fails when its rule found something in its file. Every other combination of a
rule that ran and a plan file is a passing test case, so a clean plan shows green.
"""

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator, Sequence

from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic
from samenplan.output import PlansReport
from samenplan.output.spool import Spool
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
    return Plans(len(results)).collect(results)


_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


class Plans(PlansReport):
    """format_junit_plans a plan at a time: each plan's suites wait in a spool as XML text,
    since the totals in the <testsuites> tag before them are known only after the last plan."""

    def __init__(self, count: int, *, color: bool = False, width: int | None = None) -> None:
        super().__init__(count, color=color, width=width)
        self.spool = Spool()
        self.tests = self.failures = 0

    def add(self, result: CheckResult) -> Iterator[str]:
        """What this plan adds (see PlansReport)."""
        # The plan's suites inside a <testsuites> of their own, indented as in the whole
        # document: what lies between its tags is this plan's part of the whole.
        suites = ET.Element("testsuites")
        suites.extend(_plan_suites(result))
        self.tests += sum(len(s) for s in suites)
        self.failures += sum(int(s.get("failures", "0")) for s in suites)
        ET.indent(suites)
        text = ET.tostring(suites, "unicode")
        self.spool.write(text[len("<testsuites>") : -len("\n</testsuites>")])
        return iter(())

    def end(self) -> Iterator[str]:
        """What comes after the last plan (see PlansReport)."""
        root = ET.Element("testsuites", name="samenplan check")
        _tally(root, self.tests, self.failures)
        if self.spool.empty:
            ET.indent(root)
            yield _HEAD + ET.tostring(root, "unicode") + "\n"
            return
        yield _HEAD + ET.tostring(root, "unicode").removesuffix(" />") + ">"
        yield from self.spool.chunks()
        yield "\n</testsuites>\n"


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
