"""SP101–SP103: interventies across leefdomeinen; the plan across domains and areas."""

from pathlib import Path

from rulecase import (
    check,
    col_of,
    copy_example,
    indent_of,
    line_of,
    replace_line,
    replace_once,
    with_code,
)
from samenplan.diagnostics import Severity

AANPAK = "05-aanpak.yaml"


def test_good_examples_have_no_samenhang_findings(tmp_path: Path) -> None:
    result = check(copy_example(tmp_path))
    assert not [d for d in result.diagnostics if d.code.startswith("SP1")]


def test_sp101_interventie_in_one_leefdomein(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = line_of(plan, AANPAK, "leefdomeinen:")
    replace_line(plan, AANPAK, line, indent_of(plan, AANPAK, line) + "leefdomeinen: [school]")
    [diag] = with_code(check(plan), "SP101")
    assert (diag.location.file, diag.location.line) == (AANPAK, line)
    assert diag.location.col == col_of(plan, AANPAK, line, "leefdomeinen")
    assert "school" in diag.message and "minstens 2" in diag.message
    assert diag.severity is Severity.ERROR


def test_sp101_minimum_is_configurable(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    (plan / "samenplan.yaml").write_text(
        (plan / "samenplan.yaml").read_text(encoding="utf-8") + "\ncontrole:\n  min_leefdomeinen: 5\n",
        encoding="utf-8",
    )
    assert with_code(check(plan), "SP101"), "no interventie reaches 5 domains in the example"


def test_sp101_can_be_waived_with_reason_only(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = line_of(plan, AANPAK, "leefdomeinen:")
    replace_line(
        plan,
        AANPAK,
        line,
        indent_of(plan, AANPAK, line) + "leefdomeinen: [school]  # samenplan: negeer SP101 reden: pilot",
    )
    result = check(plan)
    assert not with_code(result, "SP101")
    assert not with_code(result, "SP901") and not with_code(result, "SP902")

    replace_once(plan, AANPAK, "reden: pilot", "")
    result = check(plan)
    assert with_code(result, "SP101"), "a waiver without reason must not silence the finding"
    [no_reason] = with_code(result, "SP901")
    assert no_reason.location.line == line


def test_sp902_unused_waiver(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = line_of(plan, AANPAK, "naam:")
    text = (plan / AANPAK).read_text(encoding="utf-8").splitlines()[line - 1]
    replace_once(plan, AANPAK, text, text + "  # samenplan: negeer SP101 reden: oud")
    [unused] = with_code(check(plan), "SP902")
    assert unused.location.line == line


def test_sp102_and_sp103_name_the_missing_domain_and_area(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    text = (plan / AANPAK).read_text(encoding="utf-8")
    (plan / AANPAK).write_text(
        text.replace("online", "school").replace("executief", "cognitief"), encoding="utf-8"
    )
    result = check(plan)
    [domain] = with_code(result, "SP102")
    assert "online" in domain.message
    [area] = with_code(result, "SP103")
    assert "de executieve ontwikkeling" in area.message
    assert domain.location.line == line_of(plan, AANPAK, "interventies:")
