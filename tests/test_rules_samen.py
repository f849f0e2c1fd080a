"""SP501–SP504: gemeente and onderwijs take part, interventies have a trekker, youth and parents."""

from pathlib import Path

import pytest

from rulecase import check, col_of, copy_example, line_of, replace_once, with_code
from samenplan.diagnostics import Diagnostic, Severity
from support import GOOD_EXAMPLES

MANIFEST = "samenplan.yaml"
SAMENWERKING = "02-samenwerking.yaml"
AANPAK = "05-aanpak.yaml"

GOOD = list(GOOD_EXAMPLES)


def only(plan: Path, code: str) -> Diagnostic:
    """The single diagnostic with this code."""
    [diag] = with_code(check(plan), code)
    return diag


def where(diag: Diagnostic) -> tuple[str, int, int]:
    return diag.location.file, diag.location.line, diag.location.col


def replace_all(plan: Path, file: str, old: str, new: str) -> None:
    path = plan / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def set_concept(plan: Path) -> None:
    replace_once(plan, MANIFEST, "fase: besluit", "fase: concept")


@pytest.mark.parametrize("name", GOOD)
def test_good_examples_have_no_samen_findings(tmp_path: Path, name: str) -> None:
    result = check(copy_example(tmp_path, name))
    assert not [d for d in result.diagnostics if d.code.startswith("SP5")]


# SP501 / SP502 -------------------------------------------------------------------------------


def test_sp501_no_gemeente_is_an_error_even_in_concept(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    set_concept(plan)
    replace_all(plan, SAMENWERKING, "soort: gemeente", "soort: overig")
    diag = only(plan, "SP501")
    line = line_of(plan, SAMENWERKING, "partners:")
    assert where(diag) == (SAMENWERKING, line, col_of(plan, SAMENWERKING, line, "partners"))
    assert "gemeente" in diag.message
    assert diag.severity is Severity.ERROR


def test_sp502_no_schoolbestuur_or_samenwerkingsverband(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    set_concept(plan)
    replace_all(plan, SAMENWERKING, "soort: schoolbestuur", "soort: overig")
    replace_once(plan, SAMENWERKING, "soort: samenwerkingsverband", "soort: overig")
    diag = only(plan, "SP502")
    line = line_of(plan, SAMENWERKING, "partners:")
    assert where(diag) == (SAMENWERKING, line, col_of(plan, SAMENWERKING, line, "partners"))
    assert diag.severity is Severity.ERROR


@pytest.mark.parametrize("keep", ["schoolbestuur", "samenwerkingsverband"])
def test_sp502_one_onderwijspartner_is_enough(tmp_path: Path, keep: str) -> None:
    plan = copy_example(tmp_path)
    for soort in {"schoolbestuur", "samenwerkingsverband"} - {keep}:
        replace_all(plan, SAMENWERKING, f"soort: {soort}", "soort: overig")
    assert not with_code(check(plan), "SP502")


# SP503 ---------------------------------------------------------------------------------------


def test_sp503_missing_trekker_points_at_the_interventie(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "    trekkers: [swv_deheide]\n", "")
    diag = only(plan, "SP503")
    line = line_of(plan, AANPAK, "- id: i_poj_school")
    assert where(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "id:"))
    assert "'i_poj_school'" in diag.message
    assert diag.related and diag.related[0].location.file == SAMENWERKING
    assert diag.severity is Severity.ERROR


def test_sp503_empty_trekker_points_at_the_key(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    set_concept(plan)
    line = replace_once(plan, AANPAK, "    trekkers: [swv_deheide]\n", "    trekkers: []\n")
    diag = only(plan, "SP503")
    assert where(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "trekkers"))
    assert diag.severity is Severity.WARNING
    assert "`trekkers:`" in diag.hint


def test_sp503_two_trekkers_are_a_trekker(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "    trekkers: [swv_deheide]\n", "    trekkers: [swv_deheide, sw_deheide]\n")
    assert not with_code(check(plan), "SP503")


# SP504 ---------------------------------------------------------------------------------------

JONGEREN_START = "  jongeren: |\n    Het jongerenwerk sprak"


def empty_jongeren(plan: Path) -> int:
    """Make participatie.jongeren empty; return its line."""
    path = plan / SAMENWERKING
    text = path.read_text(encoding="utf-8")
    start = text.index(JONGEREN_START)
    end = text.index("  ouders: |", start)
    path.write_text(text[:start] + "  jongeren: ''\n" + text[end:], encoding="utf-8")
    return line_of(plan, SAMENWERKING, "jongeren: ''")


def test_sp504_no_participatie_of_jongeren(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = empty_jongeren(plan)
    diag = only(plan, "SP504")
    assert where(diag) == (SAMENWERKING, line, col_of(plan, SAMENWERKING, line, "jongeren"))
    assert "jongeren" in diag.message and "NJi" in diag.message
    assert diag.severity is Severity.ERROR


def test_sp504_is_a_warning_in_concept(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    set_concept(plan)
    empty_jongeren(plan)
    assert only(plan, "SP504").severity is Severity.WARNING


def test_sp504_one_finding_per_empty_text(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    empty_jongeren(plan)
    path = plan / SAMENWERKING
    text = path.read_text(encoding="utf-8")
    start = text.index("  ouders: |")
    end = text.index("geldstromen:", start)
    path.write_text(text[:start] + "  ouders:\n\n" + text[end:], encoding="utf-8")
    found = sorted(with_code(check(plan), "SP504"), key=lambda d: d.location.line)
    assert [d.key_path[-1] for d in found] == ["jongeren", "ouders"]
    line = line_of(plan, SAMENWERKING, "  ouders:")
    assert where(found[1]) == (SAMENWERKING, line, col_of(plan, SAMENWERKING, line, "ouders"))
