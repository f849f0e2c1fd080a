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
RESULTATEN = "04-resultaten.yaml"


def test_good_examples_have_no_samenhang_findings(tmp_path: Path) -> None:
    result = check(copy_example(tmp_path))
    assert not [d for d in result.diagnostics if d.code.startswith("SP1")]


ONLINE_ONLY = ("leefdomeinen: [online, vrije_tijd, school]", "leefdomeinen: [online]")


def stand_alone(plan: Path) -> int:
    """Hei-Online reaches only 'online' and nothing else serves its doelgroep or resultaat.

    Returns the line of its leefdomeinen.
    """
    line = replace_once(plan, AANPAK, *ONLINE_ONLY)
    replace_once(
        plan,
        AANPAK,
        "doelgroepen: [dg_kinderen_po, dg_jongeren, dg_ouders]",
        "doelgroepen: [dg_kinderen_po, dg_ouders]",
    )
    replace_once(plan, AANPAK, "resultaten: [r_welbevinden, r_jongeren]", "resultaten: [r_welbevinden]")
    return line


def test_sp101_one_leefdomein_inside_a_whole_is_not_a_los_project(tmp_path: Path) -> None:
    # Hei-Online serves r_jongeren and dg_jongeren with the subsidiemenu (four leefdomeinen).
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, *ONLINE_ONLY)
    result = check(plan)
    assert with_code(result, "SP101") == []
    assert with_code(result, "SP104") == []


def test_sp101_interventie_that_stands_alone(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = stand_alone(plan)
    result = check(plan)
    [diag] = with_code(result, "SP101")
    assert (diag.location.file, diag.location.line) == (AANPAK, line)
    assert diag.location.col == col_of(plan, AANPAK, line, "leefdomeinen")
    assert diag.message == (
        "Interventie 'i_hei_online' staat los: ze raakt alleen leefdomein online, en geen "
        "interventie voor hetzelfde resultaat of dezelfde doelgroep bereikt een ander "
        "leefdomein (minimum 2)."
    )
    # The tip names the leefdomeinen it lacks, never the one it has.
    assert diag.hint.startswith("Laat de interventie ook thuis, op school of in de vrije tijd werken,")
    assert "randvoorwaardelijk: true" in diag.hint
    assert diag.severity is Severity.ERROR
    # Its resultaat and doelgroep hold only this interventie: SP101 names it, SP104 does not.
    assert with_code(result, "SP104") == []


def test_sp101_randvoorwaardelijke_measure_is_exempt(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = stand_alone(plan)
    replace_line(
        plan, AANPAK, line, indent_of(plan, AANPAK, line) + "leefdomeinen: []\n    randvoorwaardelijk: true"
    )
    result = check(plan)
    assert with_code(result, "SP101") == []
    assert with_code(result, "SP104") == []


def test_sp104_resultaat_reached_in_one_leefdomein_together(tmp_path: Path) -> None:
    # r_leren: 'Sterk op school' and the huiswerkclub. Each is part of a whole through its
    # doelgroepen, but for r_leren they work only at school together.
    plan = copy_example(tmp_path)
    replace_once(
        plan,
        AANPAK,
        "leefdomeinen: [school, thuis]\n    ontwikkelgebieden: [executief",
        "leefdomeinen: [school]\n    ontwikkelgebieden: [executief",
    )
    replace_once(plan, AANPAK, "leefdomeinen: [vrije_tijd, school, wijk]", "leefdomeinen: [school]")
    result = check(plan)
    assert with_code(result, "SP101") == []
    [diag] = with_code(result, "SP104")
    line = line_of(plan, RESULTATEN, "- id: r_leren")
    assert (diag.location.file, diag.location.line, diag.location.col) == (
        RESULTATEN,
        line,
        col_of(plan, RESULTATEN, line, "r_leren"),
    )
    assert diag.message == (
        "De interventies voor resultaat 'r_leren' bereiken samen alleen leefdomein school; "
        "een samenhangende aanpak bereikt er minstens 2."
    )
    assert (
        diag.hint
        == "Voeg een interventie toe die thuis, in de vrije tijd of online werkt, of breid er een uit."
    )
    assert diag.severity is Severity.ERROR  # heidedorpen is in fase besluit
    assert [r.message for r in diag.related] == [
        "interventie 'i_sterk_op_school'",
        "interventie 'i_huiswerkclub_aarveld'",
    ]


def test_sp101_and_sp104_minimum_is_configurable(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    (plan / "samenplan.yaml").write_text(
        (plan / "samenplan.yaml").read_text(encoding="utf-8") + "\ncontrole:\n  min_leefdomeinen: 5\n",
        encoding="utf-8",
    )
    result = check(plan)
    # r_leren's interventies reach school, thuis, vrije tijd and wijk together: four, not five.
    assert any("'r_leren'" in d.message and "minstens 5" in d.message for d in with_code(result, "SP104"))


def test_sp101_can_be_waived_with_reason_only(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = stand_alone(plan)
    replace_line(
        plan,
        AANPAK,
        line,
        indent_of(plan, AANPAK, line) + "leefdomeinen: [online]  # samenplan: negeer SP101 reden: pilot",
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
