"""The settings in samenplan.yaml (`controle:`) change what check reports: switch off, severity."""

from pathlib import Path

import pytest

from rulecase import check, copy_example, replace_once, with_code
from samenplan.diagnostics import Severity

AANPAK = "05-aanpak.yaml"


def _single_domain_plan(tmp_path: Path, controle: str = "") -> Path:
    """heidedorpen with one interventie that stands alone in one leefdomein (SP101, an error).

    Hei-Online keeps only 'online', and the subsidiemenu no longer serves its doelgroep and
    resultaat, so nothing else reaches another leefdomein for them.
    """
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "leefdomeinen: [online, vrije_tijd, school]", "leefdomeinen: [online]")
    replace_once(
        plan,
        AANPAK,
        "doelgroepen: [dg_kinderen_po, dg_jongeren, dg_ouders]",
        "doelgroepen: [dg_kinderen_po, dg_ouders]",
    )
    replace_once(plan, AANPAK, "resultaten: [r_welbevinden, r_jongeren]", "resultaten: [r_welbevinden]")
    if controle:
        manifest = plan / "samenplan.yaml"
        manifest.write_text(manifest.read_text(encoding="utf-8") + controle, encoding="utf-8")
    return plan


def test_without_settings_the_finding_is_an_error(tmp_path: Path) -> None:
    found = with_code(check(_single_domain_plan(tmp_path)), "SP101")
    assert [d.severity for d in found] == [Severity.ERROR]


@pytest.mark.parametrize("name", ["SP101", "sp101", "interventie-een-leefdomein"])
def test_regels_uit_switches_the_rule_off_by_code_or_slug(tmp_path: Path, name: str) -> None:
    result = check(_single_domain_plan(tmp_path, f"controle:\n  regels_uit: [{name}]\n"))
    assert with_code(result, "SP101") == []
    assert "SP101" not in result.rule_codes
    assert not result.fails()


def test_regels_uit_leaves_the_other_rules_on(tmp_path: Path) -> None:
    plan = _single_domain_plan(tmp_path, "controle:\n  regels_uit: [SP102]\n")
    result = check(plan)
    assert [d.severity for d in with_code(result, "SP101")] == [Severity.ERROR]
    assert "SP102" not in result.rule_codes


@pytest.mark.parametrize(
    ("word", "severity"),
    [("info", Severity.INFO), ("waarschuwing", Severity.WARNING), ("fout", Severity.ERROR)],
)
def test_ernst_sets_the_severity_of_a_rule(tmp_path: Path, word: str, severity: Severity) -> None:
    result = check(_single_domain_plan(tmp_path, f"controle:\n  ernst:\n    SP101: {word}\n"))
    assert [d.severity for d in with_code(result, "SP101")] == [severity]
    assert result.fails() is (severity is Severity.ERROR)


def test_an_unknown_rule_in_the_settings_is_reported(tmp_path: Path) -> None:
    result = check(_single_domain_plan(tmp_path, "controle:\n  regels_uit: [SP1O1]\n"))
    assert [d.location.file for d in with_code(result, "SP903")] == ["samenplan.yaml"]
    assert with_code(result, "SP101"), "an unknown name switches nothing off"
