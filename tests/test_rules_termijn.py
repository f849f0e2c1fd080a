"""SP309 (bestedingsdoel outside an unverified list) and SP310 (money outside its term)."""

from pathlib import Path

import pytest

from rulecase import check, col_of, copy_example, line_of, replace_line, replace_once, with_code
from samenplan.cli.main import main
from samenplan.diagnostics import Severity

SAMEN = "02-samenwerking.yaml"
AANPAK = "05-aanpak.yaml"
MANIFEST = "samenplan.yaml"

INTERVENTIE = """interventies:
  - id: zomerschool
    naam: Zomerschool
    begroting:
      - geldstroom: {geldstroom}
        bestedingsdoel: {doel}
        bedrag: 20000
"""


def new_plan(tmp_path: Path, regeling: str, doel: str, periode: str = "2026-08-01:2027-07-31") -> Path:
    """A plan from `samenplan init --yes` for ``periode``, spending € 20.000 of ``regeling``."""
    plan = tmp_path / "plan"
    with pytest.raises(SystemExit) as done:
        main(
            [
                "init",
                str(plan),
                "--yes",
                "--periode",
                periode,
                "--regeling",
                regeling,
                "--gemeente",
                "Rivierstad",
            ]
        )
    assert done.value.code == 0
    geldstroom = regeling.replace("_", "-")
    replace_once(plan, AANPAK, "interventies: []\n", INTERVENTIE.format(geldstroom=geldstroom, doel=doel))
    return plan


def at(plan: Path, file: str, needle: str, occurrence: int = 1) -> tuple[str, int, int]:
    line = line_of(plan, file, needle, occurrence)
    return file, line, col_of(plan, file, line, needle.split(":")[-1].strip())


# --- SP310: a plan made now that spends ended money ---------------------------------------------


def test_sp310_plan_2026_27_spending_npo_gemeenten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = new_plan(tmp_path, "npo_gemeenten", "bovenschools")
    capsys.readouterr()
    [diag] = with_code(check(plan), "SP310")
    assert (diag.location.file, diag.location.line, diag.location.col) == at(plan, AANPAK, "bedrag: 20000")
    assert diag.severity is Severity.ERROR
    # The amount, the plan's dates and the end of the term are named.
    assert "€ 20.000" in diag.message
    assert "1 augustus 2026 tot en met 31 juli 2027" in diag.message
    assert "1 juli 2021 tot en met 31 juli 2025" in diag.message
    assert "regeling 'npo_gemeenten'" in diag.message
    assert "samenplan regelingen" in diag.hint
    assert {(r.location.file, r.message) for r in diag.related} >= {(MANIFEST, "de periode van het plan")}


def test_sp310_quiet_for_a_regeling_that_runs(tmp_path: Path) -> None:
    plan = new_plan(tmp_path, "brede_spuk", "mentale_gezondheid")
    # The plan runs into 2027, the Brede SPUK to the end of 2026: an interventie that stops
    # in 2026 is inside the term.
    replace_once(
        plan,
        AANPAK,
        "    naam: Zomerschool\n",
        "    naam: Zomerschool\n    periode: {van: 2026-08-01, tot: 2026-12-31}\n",
    )
    assert with_code(check(plan), "SP310") == []


def test_sp310_plan_periode_running_past_the_term(tmp_path: Path) -> None:
    plan = new_plan(tmp_path, "brede_spuk", "mentale_gezondheid")
    [diag] = with_code(check(plan), "SP310")
    assert "1 januari 2023 tot en met 31 december 2026" in diag.message
    assert "de interventie heeft geen eigen periode" in diag.message


def test_sp310_interventie_periode_past_the_geldstroom(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    # i_sterk_op_school spends gs_npo_heidekring (periode to 2025-07-31) without a jaar.
    replace_once(
        plan,
        AANPAK,
        "      tot: 2025-07-15\n    bereik:\n      aantal: 1650",
        "      tot: 2025-09-30\n    bereik:\n      aantal: 1650",
    )
    [diag] = with_code(check(plan), "SP310")
    assert (diag.location.file, diag.location.line, diag.location.col) == at(plan, AANPAK, "bedrag: 52000")
    # Both undated lines of this interventie from this geldstroom, summed: 52.000 + 32.000.
    assert "€ 84.000" in diag.message
    assert "1 september 2023 tot en met 30 september 2025" in diag.message
    assert "de periode van geldstroom 'gs_npo_heidekring'" in diag.message
    assert [r.message for r in diag.related] == [
        "de periode van interventie 'i_sterk_op_school'",
        "de periode van geldstroom 'gs_npo_heidekring'",
    ]


def test_sp310_leaves_lines_with_a_jaar_to_sp603(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = line_of(plan, AANPAK, "jaar: 2025")  # the last line of i_sterk_op_school
    replace_line(plan, AANPAK, line, "        jaar: 2026")
    result = check(plan)
    assert [d.location.line for d in with_code(result, "SP603")] == [line]
    assert with_code(result, "SP310") == []


def test_sp310_geldstroom_periode_outside_its_regeling(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(
        plan,
        SAMEN,
        "      van: 2023-08-01\n      tot: 2025-07-31\n    bestedingsdoelen: [bovenschools",
        "      van: 2023-08-01\n      tot: 2026-07-31\n    bestedingsdoelen: [bovenschools",
    )
    diags = with_code(check(plan), "SP310")
    [own] = [d for d in diags if d.location.file == SAMEN]
    # The engine places a finding on a mapping at its first key: `van:` of the periode.
    assert (own.location.line, own.location.col) == (line, col_of(plan, SAMEN, line, "van"))
    assert "€ 312.000" in own.message
    assert "1 augustus 2023 tot en met 31 juli 2026" in own.message
    assert "1 juli 2021 tot en met 31 juli 2025" in own.message
    assert "regelingen:" in own.hint


def test_sp310_not_earmarked_money_may_have_its_own_periode(tmp_path: Path) -> None:
    plan = copy_example(tmp_path, "rivierstad")
    # rivierstad spends the rest of welzijn_jeugd (a 2021 regeling without a fixed term)
    # in 2022-2023 under the geldstroom's own periode: allowed.
    assert "regeling: welzijn_jeugd" in (plan / SAMEN).read_text(encoding="utf-8")
    assert with_code(check(plan), "SP310") == []


# --- SP309: a bestedingsdoel outside a list that is not verified --------------------------------


def test_sp309_outside_the_unverified_npo_list_is_a_warning(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    old = "bestedingsdoelen: [bovenschools, zorg_welzijn, uitvoering]"
    line = replace_once(
        plan, SAMEN, old, "bestedingsdoelen: [bovenschools, zorg_welzijn, uitvoering, lokale_samenwerking]"
    )
    result = check(plan)
    assert with_code(result, "SP302") == []
    [diag] = with_code(result, "SP309")
    assert (diag.location.line, diag.location.col) == (line, col_of(plan, SAMEN, line, "lokale_samenwerking"))
    assert diag.severity is Severity.WARNING
    assert "niet compleet" in diag.message and "officiële tekst" in diag.message
    # Where to check: the official text of the regeling.
    assert "https://zoek.officielebekendmakingen.nl/stcrt-2021-42927.html" in diag.hint
    assert "bovenschools (Bovenschoolse maatregelen" in diag.hint
    # Not the error's warning that the money may have to be paid back.
    assert "terug" not in diag.message


def test_sp309_typo_gets_a_suggestion(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan, SAMEN, "[bovenschools, zorg_welzijn, uitvoering]", "[bovenschool, zorg_welzijn, uitvoering]"
    )
    [diag] = with_code(check(plan), "SP309")
    assert "Bedoelde je 'bovenschools'?" in diag.hint


def test_sp309_not_earmarked_money(tmp_path: Path) -> None:
    plan = copy_example(tmp_path, "rivierstad")
    text = (plan / SAMEN).read_text(encoding="utf-8")
    start = text.index("regeling: welzijn_jeugd")
    old = text[start:].split("bestedingsdoelen: [", 1)[1].split("]", 1)[0]
    replace_once(plan, SAMEN, f"bestedingsdoelen: [{old}]", f"bestedingsdoelen: [{old}, sport]")
    [diag] = with_code(check(plan), "SP309")
    assert "niet geoormerkt" in diag.message and "gemeenteraad" in diag.message


def test_sp302_still_an_error_for_a_fixed_list(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, SAMEN, "d_executieve_functies]", "d_executieve_functies, bovenschools]")
    result = check(plan)
    [diag] = with_code(result, "SP302")
    assert diag.severity is Severity.ERROR
    assert with_code(result, "SP309") == []
