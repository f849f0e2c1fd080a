"""SP301–SP308: geldstromen, bestedingsdoelen, and money that adds up."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from rulecase import (
    check,
    col_of,
    copy_example,
    line_of,
    replace_once,
    with_code,
)
from samenplan.check import rulecontext
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.dutch import euro
from support import GOOD_EXAMPLES

SAMEN = "02-samenwerking.yaml"
AANPAK = "05-aanpak.yaml"
MANIFEST = "samenplan.yaml"

# An extra geldstroom that nothing spends, appended to the geldstromen of heidedorpen.
UNUSED = """  - id: gs_sport
    naam: Sport en leefstijl, restant
    regeling: sport_leefstijl
    ontvanger: gem_heidebeek
    bedrag: 54000
    bestedingsdoelen: [buurtsportcoaches]
"""


@pytest.fixture(autouse=True)
def _before_the_term_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests judge a plan while its money may still be spent (SP313 tests the end)."""
    monkeypatch.setattr(rulecontext, "today", lambda: date(2024, 6, 1))


def at(diag: Diagnostic) -> tuple[str, int, int]:
    return diag.location.file, diag.location.line, diag.location.col


def geld(plan: Path) -> list[Diagnostic]:
    return [d for d in check(plan).diagnostics if d.code.startswith("SP3")]


# --- euro ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("12500", "€ 12.500"),
        ("1250.50", "€ 1.250,50"),
        ("1250.5", "€ 1.250,50"),
        ("0", "€ 0"),
        ("999", "€ 999"),
        ("1000", "€ 1.000"),
        ("1213200", "€ 1.213.200"),
        ("118.11", "€ 118,11"),
        ("0.5", "€ 0,50"),
        ("12500.00", "€ 12.500"),
        ("999.995", "€ 1.000"),
        ("1E+3", "€ 1.000"),
        ("-300", "€ -300"),
    ],
)
def test_euro_is_written_the_dutch_way(amount: str, text: str) -> None:
    assert euro(Decimal(amount)) == text


# --- good examples ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_good_examples_have_no_geld_findings(tmp_path: Path, name: str) -> None:
    plan = copy_example(tmp_path, name)
    assert check(plan).loaded.plan is not None, f"example {name} does not load"
    assert geld(plan) == []


# --- SP301 -----------------------------------------------------------------------------------


def test_sp301_empty_list_points_at_the_key(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, SAMEN, "[c_sociaal_emotioneel_fysiek, d_executieve_functies]", "[]")
    [diag] = with_code(check(plan), "SP301")
    line = line_of(plan, SAMEN, "bestedingsdoelen: []")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "bestedingsdoelen"))
    assert "gs_npo_heidekring" in diag.message
    assert diag.severity is Severity.ERROR
    # The hint lists the bestedingsdoelen of npo_scholen, ids and names.
    assert "a_meer_onderwijs (A. Meer onderwijs)" in diag.hint
    assert "f_faciliteiten" in diag.hint and "NP Onderwijs scholen" in diag.hint
    assert not with_code(check(plan), "SP306"), "SP301 covers lines on a geldstroom without doelen"


def test_sp301_missing_key_points_at_the_geldstroom(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan, SAMEN, "    bestedingsdoelen: [c_sociaal_emotioneel_fysiek, d_executieve_functies]\n", ""
    )
    [diag] = with_code(check(plan), "SP301")
    line = line_of(plan, SAMEN, "- id: gs_npo_heidekring")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "id:"))


# --- SP302 -----------------------------------------------------------------------------------


def test_sp302_bestedingsdoel_of_another_regeling(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, SAMEN, "d_executieve_functies]", "d_executieve_functie, jongerenwerk]")
    diags = with_code(check(plan), "SP302")
    line = line_of(plan, SAMEN, "d_executieve_functie, jongerenwerk]")
    assert [at(d) for d in diags] == [
        (SAMEN, line, col_of(plan, SAMEN, line, "d_executieve_functie,")),
        (SAMEN, line, col_of(plan, SAMEN, line, "jongerenwerk")),
    ]
    typo, other = diags
    assert "'d_executieve_functie'" in typo.message and "npo_scholen" in typo.message
    assert "Bedoelde je 'd_executieve_functies'?" in typo.hint
    assert "NP Onderwijs scholen" in other.hint and "c_sociaal_emotioneel_fysiek" in other.hint
    assert all(d.severity is Severity.ERROR for d in diags)


def test_sp302_own_regeling_from_samenplan_yaml_is_known(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan,
        SAMEN,
        "[ontmoeting_dorp, ouders_opvoeden, online_weerbaar]",
        "[ontmoeting_dorp, ouders_opvoeden, online_weerbaar, sport]",
    )
    [diag] = with_code(check(plan), "SP302")
    assert "subsidie_samen_sterker" in diag.message
    assert "Subsidie Samen Sterker" in diag.hint


# --- SP303 -----------------------------------------------------------------------------------


def test_sp303_typo_in_regeling(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(plan, SAMEN, "regeling: npo_scholen", "regeling: npo_school")
    result = check(plan)
    [diag] = with_code(result, "SP303")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "npo_school"))
    assert "Bedoelde je 'npo_scholen'?" in diag.hint
    assert diag.severity is Severity.ERROR
    assert not with_code(result, "SP302") and not with_code(result, "SP306")


def test_sp303_hint_explains_own_regelingen(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, SAMEN, "regeling: npo_scholen", "regeling: budget_bestuur")
    [diag] = with_code(check(plan), "SP303")
    assert "Bedoelde" not in diag.hint
    assert "samenplan.yaml" in diag.hint and "`regelingen:`" in diag.hint


# --- SP304 / SP305 ---------------------------------------------------------------------------


def test_sp304_more_allocated_than_the_geldstroom_has(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(plan, SAMEN, "bedrag: 312000", "bedrag: 300000")
    result = check(plan)
    [diag] = with_code(result, "SP304")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "300000"))
    assert diag.severity is Severity.ERROR
    # Lines drawing from res_subsidiemenu (€ 18.400) count inside the post only.
    assert diag.message == (
        "Geldstroom 'gs_npo_regio' heeft € 300.000, maar er is € 312.000 toegewezen "
        "(€ 222.000 in begrotingsregels en € 90.000 in posten): € 12.000 te veel."
    )
    # The five largest direct lines, in file order, each at its list item in 05-aanpak.yaml.
    big = [line_of(plan, AANPAK, f"bedrag: {b}") - 2 for b in (24000, 72000, 42000, 22000)]
    first = line_of(plan, AANPAK, "bedrag: 14000") - 2
    assert [r.location.line for r in diag.related] == [first, *big]
    assert {r.location.file for r in diag.related} == {AANPAK}
    assert "€ 72.000" in diag.related[2].message
    assert not with_code(result, "SP305")


def test_sp304_line_drawing_from_a_post_does_not_count_twice(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "bedrag: 11200", "bedrag: 85000")
    result = check(plan)
    assert not with_code(result, "SP304")
    assert not with_code(result, "SP305")
    [over] = with_code(result, "SP308")
    assert over.message.endswith("halen begrotingsregels € 92.200: € 2.200 te veel.")


def test_sp305_unallocated_money_is_reported_with_the_amount(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(plan, SAMEN, "bedrag: 312000", "bedrag: 320000")
    result = check(plan)
    [diag] = with_code(result, "SP305")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "320000"))
    assert diag.message == (
        "€ 8.000 van geldstroom 'gs_npo_regio' is nog niet toegewezen aan een interventie of "
        "post; geld dat niet besteed wordt, moet mogelijk terug."
    )
    assert diag.severity is Severity.WARNING
    assert not with_code(result, "SP304")


def test_sp305_cents(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, SAMEN, "bedrag: 84000", "bedrag: 85250.5")
    [diag] = with_code(check(plan), "SP305")
    assert diag.message.startswith("€ 1.250,50 van geldstroom 'gs_npo_heidekring'")


def test_verdelingen_are_never_summed(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, SAMEN, "bedrag: 141000", "bedrag: 9141000")
    replace_once(plan, SAMEN, "bedrag: 69000", "bedrag: 1")
    # A breakdown never counts as allocated money (no SP304/SP305) but is compared with its
    # geldstroom on its own (SP312).
    assert [d.code for d in geld(plan)] == ["SP312"]


def test_one_interventie_funded_by_two_geldstromen(tmp_path: Path) -> None:
    # i_sterk_op_school draws on gs_npo_heidekring and on gs_npo_regio.
    plan = copy_example(tmp_path)
    assert geld(plan) == []
    replace_once(plan, AANPAK, "bedrag: 52000", "bedrag: 60000")
    [diag] = with_code(check(plan), "SP304")
    line = line_of(plan, SAMEN, "bedrag: 84000")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "84000"))
    assert "'gs_npo_heidekring'" in diag.message and "€ 8.000 te veel" in diag.message
    assert "€ 92.000 toegewezen in begrotingsregels" in diag.message
    assert [r.location.line for r in diag.related] == [
        line_of(plan, AANPAK, "bedrag: 60000") - 2,
        line_of(plan, AANPAK, "bedrag: 32000") - 2,
    ]


# --- SP306 -----------------------------------------------------------------------------------


def test_sp306_bestedingsdoel_of_the_regeling_not_declared(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(
        plan,
        AANPAK,
        "bestedingsdoel: zorg_welzijn\n        bedrag: 24000",
        "bestedingsdoel: voorschools\n        bedrag: 24000",
    )
    [diag] = with_code(check(plan), "SP306")
    assert at(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "voorschools"))
    assert diag.severity is Severity.ERROR
    assert "'voorschools'" in diag.message and "'gs_npo_regio'" in diag.message
    assert "hoort wel bij NP Onderwijs gemeenten" in diag.hint
    [rel] = diag.related
    rel_line = line_of(plan, SAMEN, "bestedingsdoelen: [bovenschools, zorg_welzijn, uitvoering]")
    assert (rel.location.file, rel.location.line, rel.location.col) == (
        SAMEN,
        rel_line,
        col_of(plan, SAMEN, rel_line, "[bovenschools"),
    )


def test_sp306_typo_gets_a_suggestion(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(
        plan,
        AANPAK,
        "bestedingsdoel: zorg_welzijn\n        bedrag: 24000",
        "bestedingsdoel: zorg_welzjin\n        bedrag: 24000",
    )
    [diag] = with_code(check(plan), "SP306")
    assert at(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "zorg_welzjin"))
    assert "Bedoelde je 'zorg_welzijn'?" in diag.hint


def test_sp306_post_with_undeclared_bestedingsdoel(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(plan, SAMEN, "bestedingsdoel: bovenschools", "bestedingsdoel: voorschools")
    [diag] = with_code(check(plan), "SP306")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "voorschools"))
    assert diag.message.startswith("Post 'res_subsidiemenu': bestedingsdoel 'voorschools'")


# --- SP307 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fase", "severity"),
    [
        ("concept", Severity.WARNING),
        ("besluit", Severity.ERROR),
        ("uitvoering", Severity.ERROR),
    ],
)
def test_sp307_unused_geldstroom_by_fase(tmp_path: Path, fase: str, severity: Severity) -> None:
    plan = copy_example(tmp_path)
    (plan / SAMEN).write_text((plan / SAMEN).read_text(encoding="utf-8") + UNUSED, encoding="utf-8")
    replace_once(plan, MANIFEST, "fase: besluit", f"fase: {fase}")
    result = check(plan)
    [diag] = with_code(result, "SP307")
    line = line_of(plan, SAMEN, "- id: gs_sport")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "gs_sport"))
    assert diag.severity is severity
    assert "€ 54.000" in diag.message
    assert not with_code(result, "SP305"), "an unused geldstroom is SP307's, not SP305's"


def test_sp307_a_post_counts_as_use(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    reserved = UNUSED + "    posten:\n      - {id: res_sport, naam: Sport, bedrag: 54000}\n"
    (plan / SAMEN).write_text((plan / SAMEN).read_text(encoding="utf-8") + reserved, encoding="utf-8")
    assert geld(plan) == []


# --- SP308 -----------------------------------------------------------------------------------


def test_sp308_post_partly_drawn_is_fine(tmp_path: Path) -> None:
    # res_subsidiemenu: € 90.000, of which € 18.400 drawn; the rest stays reserved.
    plan = copy_example(tmp_path)
    assert not [d for d in geld(plan) if d.code in {"SP305", "SP308"}]


def test_sp308_more_drawn_than_reserved(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(plan, SAMEN, "bedrag: 90000", "bedrag: 15000")
    result = check(plan)
    [diag] = with_code(result, "SP308")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "15000"))
    assert diag.message == (
        "Uit post 'res_subsidiemenu' (€ 15.000) halen begrotingsregels € 18.400: € 3.400 te veel."
    )
    assert diag.severity is Severity.ERROR
    assert [r.location.line for r in diag.related] == [
        line_of(plan, AANPAK, "post: res_subsidiemenu", n) - 4 for n in (1, 2)
    ]
    # The geldstroom itself now has € 312.000 - 222.000 - 15.000 left.
    [free] = with_code(result, "SP305")
    assert free.message.startswith("€ 75.000 ")


# --- ids that do not resolve are someone else's finding ------------------------------------


def test_unknown_geldstroom_on_a_line_is_skipped(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan,
        AANPAK,
        "geldstroom: gs_npo_heidekring\n        bestedingsdoel: d_",
        "geldstroom: gs_onbekend\n        bestedingsdoel: d_",
    )
    result = check(plan)
    assert not with_code(result, "SP306")
    [free] = with_code(result, "SP305")
    assert free.message.startswith("€ 52.000 van geldstroom 'gs_npo_heidekring'")


def test_unknown_post_counts_on_its_geldstroom(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan,
        AANPAK,
        "post: res_subsidiemenu\n      - geldstroom",
        "post: res_onbekend\n      - geldstroom",
    )
    result = check(plan)
    assert not with_code(result, "SP308")
    [over] = with_code(result, "SP304")
    assert "€ 11.200 te veel" in over.message


def test_duplicated_geldstroom_is_not_summed(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    (plan / SAMEN).write_text(
        (plan / SAMEN).read_text(encoding="utf-8") + UNUSED.replace("gs_sport", "gs_npo_heidekring"),
        encoding="utf-8",
    )
    assert geld(plan) == []


def test_sp307_leaves_a_zero_geldstroom_to_sp804(tmp_path: Path) -> None:
    from rulecase import check as run_check
    from rulecase import copy_example, with_code

    plan = copy_example(tmp_path)
    path = plan / "02-samenwerking.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "geldstromen:\n",
            "geldstromen:\n  - id: nieuw\n    naam: Nog in te vullen\n    regeling: npo_gemeenten\n"
            "    ontvanger: " + _first_partner(plan) + "\n    bedrag: 0\n"
            "    bestedingsdoelen: [bovenschools]\n",
            1,
        ),
        encoding="utf-8",
    )
    result = run_check(plan)
    assert not [d for d in with_code(result, "SP307") if "'nieuw'" in d.message]
    [zero] = [d for d in with_code(result, "SP804") if "'nieuw'" in d.message]
    assert zero.location.file == "02-samenwerking.yaml"


def _first_partner(plan: Path) -> str:
    for line in (plan / "02-samenwerking.yaml").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("- id:"):
            return line.split("id:", 1)[1].strip()
    raise AssertionError("no partner")
