"""SP601–SP605: periods run forward and lie within the period they belong to."""

from datetime import date
from pathlib import Path

import pytest

from rulecase import check, col_of, copy_example, line_of, replace_once, with_code
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.dutch import datum as datum_nl
from support import GOOD_EXAMPLES

MANIFEST = "samenplan.yaml"
SAMENWERKING = "02-samenwerking.yaml"
AANPAK = "05-aanpak.yaml"
UITVOERING = "07-uitvoering.yaml"

# In heidedorpen: the plan runs 2023-08-01 – 2025-07-31; i_huiswerkclub_aarveld runs
# 2024-03-01 – 2025-07-11 in 05-aanpak.yaml and in its planning in 07-uitvoering.yaml.
HUISWERKCLUB_PERIODE = "      van: 2024-03-01\n      tot: 2025-07-11"


def test_datum_nl() -> None:
    assert datum_nl(date(2024, 8, 1)) == "1 augustus 2024"
    assert datum_nl(date(2025, 12, 31)) == "31 december 2025"
    assert datum_nl(date(2023, 1, 9)) == "9 januari 2023"


@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_good_examples_have_no_tijd_findings(tmp_path: Path, name: str) -> None:
    result = check(copy_example(tmp_path, name))
    assert not [d for d in result.diagnostics if d.code.startswith("SP6")]


def _at(plan: Path, file: str, needle: str, value: str, occurrence: int = 1) -> tuple[str, int, int]:
    line = line_of(plan, file, needle, occurrence)
    return file, line, col_of(plan, file, line, value)


def _where(diag: Diagnostic) -> tuple[str, int, int]:
    return diag.location.file, diag.location.line, diag.location.col


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "occurrence", "wat"),
    [
        (
            MANIFEST,
            "  van: 2023-08-01",
            "  van: 2025-09-01",
            "tot: 2025-07-31",
            1,
            "De periode van het plan eindigt (31 juli 2025) voor hij begint (1 september 2025).",
        ),
        (
            MANIFEST,
            "      van: 2024-01-01",
            "      van: 2025-09-01",
            "tot: 2025-07-31",
            2,
            "De periode van regeling 'subsidie_samen_sterker' eindigt (31 juli 2025)",
        ),
        (
            SAMENWERKING,
            "      van: 2024-01-01",
            "      van: 2025-09-01",
            "tot: 2025-07-31",
            3,
            "De periode van geldstroom 'gs_subsidie_samen_sterker' eindigt",
        ),
        (
            AANPAK,
            "      tot: 2025-07-15",
            "      tot: 2023-07-15",
            "tot: 2023-07-15",
            1,
            "De periode van interventie 'i_sterk_op_school' eindigt (15 juli 2023) "
            "voor hij begint (1 september 2023).",
        ),
        (
            UITVOERING,
            "    eind: 2025-07-11",
            "    eind: 2023-07-11",
            "eind: 2023-07-11",
            1,
            "De planning van interventie 'i_huiswerkclub_aarveld' eindigt (11 juli 2023)",
        ),
    ],
)
def test_sp601_end_before_begin(
    tmp_path: Path, file: str, old: str, new: str, needle: str, occurrence: int, wat: str
) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, file, old, new)
    [diag] = with_code(check(plan), "SP601")
    assert _where(diag) == _at(plan, file, needle, needle.split(": ")[1], occurrence)
    assert wat in diag.message
    assert diag.severity is Severity.ERROR


def test_sp601_reversed_plan_period_silences_sp602(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, MANIFEST, "  van: 2023-08-01", "  van: 2025-09-01")
    result = check(plan)
    assert with_code(result, "SP601") and not with_code(result, "SP602")


def test_sp602_interventie_ends_after_plan(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "tot: 2025-07-15", "tot: 2025-12-31")
    [diag] = with_code(check(plan), "SP602")
    assert _where(diag) == _at(plan, AANPAK, "tot: 2025-12-31", "2025-12-31")
    assert diag.message == (
        "De periode van interventie 'i_sterk_op_school' eindigt op "
        "31 december 2025, na het einde van het plan op 31 juli 2025."
    )
    assert diag.severity is Severity.WARNING
    [related] = diag.related
    assert (related.location.file, related.location.line) == (
        MANIFEST,
        line_of(plan, MANIFEST, "van: 2023-08-01"),
    )


def test_sp602_fires_once_per_interventie(tmp_path: Path) -> None:
    # The periode and the planning of i_sterk_op_school both run on after the plan.
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "tot: 2025-07-15", "tot: 2025-12-31")
    replace_once(plan, UITVOERING, "eind: 2025-07-15", "eind: 2025-12-31")
    result = check(plan)
    [diag] = with_code(result, "SP602")
    assert _where(diag) == _at(plan, AANPAK, "tot: 2025-12-31", "2025-12-31")
    assert diag.message.endswith(
        "na het einde van het plan op 31 juli 2025 (en nog 1 datum van deze interventie)."
    )
    assert "`doorloop:`" in diag.hint and "bekostiging" in diag.hint and "verbeter de datum" in diag.hint
    assert with_code(result, "SP605") == []


def test_sp602_and_sp605_planning_starts_too_early(tmp_path: Path) -> None:
    """One wrong date is one finding: SP602 (outside the plan) leaves out SP605 there."""
    plan = copy_example(tmp_path)
    replace_once(plan, UITVOERING, "start: 2023-09-01", "start: 2023-06-01")
    result = check(plan)
    where = _at(plan, UITVOERING, "start: 2023-06-01", "2023-06-01")
    [outside_plan] = with_code(result, "SP602")
    assert _where(outside_plan) == where
    assert "voor het begin van het plan op 1 augustus 2023" in outside_plan.message
    assert with_code(result, "SP605") == []


def test_sp605_planning_before_interventie_but_inside_the_plan(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, UITVOERING, "start: 2023-09-01", "start: 2023-08-15")
    result = check(plan)
    assert with_code(result, "SP602") == []
    [outside_iv] = with_code(result, "SP605")
    assert _where(outside_iv) == _at(plan, UITVOERING, "start: 2023-08-15", "2023-08-15")
    assert outside_iv.message == (
        "De planning van interventie 'i_sterk_op_school' begint op 15 augustus 2023, "
        "voor het begin van de interventie op 1 september 2023."
    )
    [related] = outside_iv.related
    assert (related.location.file, related.location.line) == (
        AANPAK,
        line_of(plan, AANPAK, "van: 2023-09-01"),
    )


def test_sp603_begroting_in_year_after_geldstroom(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "jaar: 2023", "jaar: 2026")
    [diag] = with_code(check(plan), "SP603")
    assert _where(diag) == _at(plan, AANPAK, "jaar: 2026", "2026")
    assert diag.severity is Severity.ERROR
    assert "'gs_npo_regio' in 2026" in diag.message
    assert "van 1 augustus 2023 tot en met 31 juli 2025." in diag.message
    [related] = diag.related
    assert (related.location.file, related.location.line) == (
        SAMENWERKING,
        line_of(plan, SAMENWERKING, "van: 2023-08-01"),
    )


def test_sp603_year_overlapping_the_period_passes(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    # gs_npo_regio starts on 2023-08-01: a line in 2023 overlaps; one in 2022 does not.
    replace_once(plan, AANPAK, "jaar: 2023", "jaar: 2022")
    assert with_code(check(plan), "SP603")
    replace_once(plan, AANPAK, "jaar: 2022", "jaar: 2023")
    assert not with_code(check(plan), "SP603")


def _drop_periode(plan: Path, geldstroom_line: str) -> None:
    """Remove the periode of the geldstroom whose 'bestedingsdoelen:' line is given."""
    text = (plan / SAMENWERKING).read_text(encoding="utf-8")
    end = text.index(geldstroom_line)
    start = text.rindex("    periode:\n", 0, end)
    (plan / SAMENWERKING).write_text(text[:start] + text[end:], encoding="utf-8")


def test_sp603_falls_back_to_own_regeling(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _drop_periode(plan, "    bestedingsdoelen: [ontmoeting_dorp")
    line = (
        replace_once(plan, AANPAK, "bedrag: 12000\n        jaar: 2024", "bedrag: 12000\n        jaar: 2023")
        + 1
    )
    [diag] = with_code(check(plan), "SP603")
    assert _where(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "2023"))
    assert "(de periode van regeling 'subsidie_samen_sterker')" in diag.message
    [related] = diag.related
    assert (related.location.file, related.location.line) == (
        MANIFEST,
        line_of(plan, MANIFEST, "van: 2024-01-01"),
    )


def test_sp603_falls_back_to_catalog_regeling(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _drop_periode(plan, "    bestedingsdoelen: [bovenschools, zorg_welzijn")
    replace_once(plan, AANPAK, "jaar: 2023", "jaar: 2026")
    [diag] = with_code(check(plan), "SP603")
    assert "(de periode van regeling 'npo_gemeenten')" in diag.message
    [related] = diag.related
    line = line_of(plan, SAMENWERKING, "regeling: npo_gemeenten")
    assert (related.location.file, related.location.line, related.location.col) == (
        SAMENWERKING,
        line,
        col_of(plan, SAMENWERKING, line, "npo_gemeenten"),
    )


def test_sp604_mijlpaal_after_planning(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, UITVOERING, "datum: 2024-12-20", "datum: 2025-12-20")
    [diag] = with_code(check(plan), "SP604")
    assert _where(diag) == _at(plan, UITVOERING, "datum: 2025-12-20", "2025-12-20")
    assert diag.message == (
        "Een mijlpaal van interventie 'i_huiswerkclub_aarveld' ligt op "
        "20 december 2025, na het einde van de planning op 11 juli 2025."
    )
    assert diag.severity is Severity.WARNING


def test_sp604_mijlpaal_on_the_last_day_passes(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, UITVOERING, "datum: 2024-12-20", "datum: 2025-07-11")
    assert not with_code(check(plan), "SP604")


def test_sp605_planning_ends_after_interventie(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, UITVOERING, "eind: 2025-07-11", "eind: 2025-07-25")
    result = check(plan)
    assert not with_code(result, "SP602"), "2025-07-25 lies within the plan"
    [diag] = with_code(result, "SP605")
    assert _where(diag) == _at(plan, UITVOERING, "eind: 2025-07-25", "2025-07-25")
    assert "na het einde van de interventie op 11 juli 2025" in diag.message
    assert diag.severity is Severity.WARNING


def test_sp605_skips_interventie_without_periode_or_unknown(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, UITVOERING, "eind: 2025-07-11", "eind: 2025-07-25")
    replace_once(plan, AANPAK, "    periode:\n" + HUISWERKCLUB_PERIODE + "\n", "")
    assert not with_code(check(plan), "SP605")

    other = copy_example(tmp_path / "other")
    replace_once(other, UITVOERING, "eind: 2025-07-11", "eind: 2025-07-25")
    replace_once(other, UITVOERING, "interventie: i_huiswerkclub_aarveld", "interventie: i_huiswerkclub")
    assert not with_code(check(other), "SP605")
