"""SP401–SP407: the rode draad from bevinding to resultaat to interventie; concrete results."""

from pathlib import Path

import pytest

from rulecase import check, col_of, copy_example, line_of, replace_once, with_code
from samenplan.diagnostics import Diagnostic, Severity, Weight
from support import GOOD_EXAMPLES

MANIFEST = "samenplan.yaml"
ANALYSE = "03-analyse.yaml"
RESULTATEN = "04-resultaten.yaml"
AANPAK = "05-aanpak.yaml"

GOOD = list(GOOD_EXAMPLES)

JONGEREN_INDICATOREN = """    indicatoren:
      - id: ind_eenzaam_jongeren"""


#: r_jongeren's indicator without a streefwaarde: the text alone must make the result concrete.
NO_STREEFWAARDE = """    indicatoren:
      - id: ind_eenzaam_jongeren
        naam: Percentage jongeren dat zich vaak eenzaam voelt
        nulmeting: {waarde: 24, datum: 2023-04-01}"""


def only(plan: Path, code: str) -> Diagnostic:
    """The single diagnostic with this code."""
    [diag] = with_code(check(plan), code)
    return diag


def where(diag: Diagnostic) -> tuple[str, int, int]:
    return diag.location.file, diag.location.line, diag.location.col


def drop_jongeren_indicatoren(plan: Path, replacement: str = "    indicatoren: []") -> None:
    """Cut r_jongeren (the last resultaat) off after its bevindingen."""
    path = plan / RESULTATEN
    text = path.read_text(encoding="utf-8")
    assert text.count(JONGEREN_INDICATOREN) == 1
    path.write_text(text[: text.index(JONGEREN_INDICATOREN)] + replacement + "\n", encoding="utf-8")


def set_jongeren_resultaat(plan: Path, text: str) -> int:
    """Replace the resultaat text of r_jongeren; return its line."""
    old = """    resultaat: |
      In 2025 voelt nog 18% van de jongeren van 12 tot en met 17 jaar zich vaak eenzaam
      (2023: 24%). Het jongerenwerk bereikt in 2025 minstens 400 jongeren, online of in het dorp.
"""
    return replace_once(plan, RESULTATEN, old, f"    resultaat: {text}\n")


@pytest.mark.parametrize("name", GOOD)
def test_good_examples_have_no_rodedraad_findings(tmp_path: Path, name: str) -> None:
    result = check(copy_example(tmp_path, name))
    assert not [d for d in result.diagnostics if d.code.startswith("SP4")]


# SP401 ---------------------------------------------------------------------------------------


def test_sp401_resultaat_without_interventie(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "resultaten: [r_jongeren]", "resultaten: [r_welbevinden]")
    replace_once(plan, AANPAK, "resultaten: [r_welbevinden, r_jongeren]", "resultaten: [r_welbevinden]")
    diag = only(plan, "SP401")
    line = line_of(plan, RESULTATEN, "- id: r_jongeren")
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "r_jongeren"))
    assert "'r_jongeren'" in diag.message
    assert diag.related and diag.related[0].location.file == AANPAK
    assert diag.severity is Severity.ERROR  # the example is in fase besluit


def test_sp401_is_a_warning_in_concept(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, MANIFEST, "fase: besluit", "fase: concept")
    replace_once(plan, AANPAK, "resultaten: [r_leren]", "resultaten: [r_welbevinden]")
    replace_once(plan, AANPAK, "resultaten: [r_leren, r_welbevinden]", "resultaten: [r_welbevinden]")
    diag = only(plan, "SP401")
    assert "'r_leren'" in diag.message
    assert diag.severity is Severity.WARNING


# SP402 ---------------------------------------------------------------------------------------


def test_sp402_empty_indicatoren(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan)
    diag = only(plan, "SP402")
    line = line_of(plan, RESULTATEN, "indicatoren: []")
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "indicatoren"))
    assert "'r_jongeren'" in diag.message


def test_sp402_missing_indicatoren_points_at_the_resultaat(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, replacement="")
    diag = only(plan, "SP402")
    line = line_of(plan, RESULTATEN, "- id: r_jongeren")
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "id:"))


# SP403 ---------------------------------------------------------------------------------------

NULMETING_LEZEN = """nulmeting:
          waarde: 55
          datum: 2023-06-30"""


def test_sp403_empty_nulmeting(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(plan, RESULTATEN, NULMETING_LEZEN, "nulmeting:")
    diag = only(plan, "SP403")
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "nulmeting"))
    assert "'ind_lezen_2f'" in diag.message and "'r_leren'" in diag.message
    assert "geen nulmeting" in diag.message and "streefwaarde" not in diag.message


def test_sp403_names_both_when_both_are_missing(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, RESULTATEN, "        " + NULMETING_LEZEN + "\n", "")
    replace_once(
        plan,
        RESULTATEN,
        """        streefwaarde:
          waarde: 62
          datum: 2025-06-30
""",
        "",
    )
    diag = only(plan, "SP403")
    line = line_of(plan, RESULTATEN, "- id: ind_lezen_2f")
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "id:"))
    assert "geen nulmeting en geen streefwaarde" in diag.message


# SP404 ---------------------------------------------------------------------------------------


def test_sp404_interventie_without_resultaat(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    line = replace_once(plan, AANPAK, "    resultaten: [r_welbevinden]\n", "    resultaten: []\n")
    result = check(plan)
    [diag] = with_code(result, "SP404")
    assert where(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "resultaten"))
    assert "'i_poj_school'" in diag.message
    assert diag.severity is Severity.ERROR
    assert not with_code(result, "SP401"), "r_welbevinden is still served by others"


# SP405 ---------------------------------------------------------------------------------------


def test_sp405_bevinding_not_taken_up(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, RESULTATEN, "bevindingen: [bev_eenzaam, bev_ouders]", "bevindingen: [bev_ouders]")
    diag = only(plan, "SP405")
    line = line_of(plan, ANALYSE, "- id: bev_eenzaam")
    assert where(diag) == (ANALYSE, line, col_of(plan, ANALYSE, line, "bev_eenzaam"))
    assert "'bev_eenzaam'" in diag.message
    assert diag.severity is Severity.WARNING  # no error_from: also a warning in besluit


def test_sp405_parked_bevinding_passes(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, RESULTATEN, "bevindingen: [bev_eenzaam, bev_ouders]", "bevindingen: [bev_ouders]")
    line = line_of(plan, ANALYSE, "- id: bev_eenzaam")
    replace_once(
        plan,
        ANALYSE,
        "  - id: bev_eenzaam\n",
        "  - id: bev_eenzaam\n    geparkeerd: Het jeugdbeleid pakt dit op.\n",
    )
    assert line_of(plan, ANALYSE, "geparkeerd: Het jeugdbeleid") == line + 1
    assert not with_code(check(plan), "SP405")


def test_sp405_blank_parking_reason_does_not_count(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, RESULTATEN, "bevindingen: [bev_eenzaam, bev_ouders]", "bevindingen: [bev_ouders]")
    replace_once(plan, ANALYSE, "  - id: bev_eenzaam\n", "  - id: bev_eenzaam\n    geparkeerd: '  '\n")
    assert with_code(check(plan), "SP405")


# SP406 ---------------------------------------------------------------------------------------


def test_sp406_vague_resultaat(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, NO_STREEFWAARDE)
    line = set_jongeren_resultaat(plan, "Kinderen voelen zich veiliger")
    diag = only(plan, "SP406")
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "resultaat:"))
    assert "'Kinderen voelen zich veiliger'" in diag.message
    assert "geen getal en geen jaartal" in diag.message
    assert diag.severity is Severity.ERROR


@pytest.mark.parametrize(
    "text",
    [
        "In 2025 voelt 80% van de leerlingen zich veilig",
        "In 2025 voelt 80 procent van de leerlingen zich veilig",
        "Eind 2024 doen 12 sportclubs mee",
    ],
)
def test_sp406_number_and_year_is_concrete(tmp_path: Path, text: str) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, NO_STREEFWAARDE)
    set_jongeren_resultaat(plan, text)
    assert not with_code(check(plan), "SP406")


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("In 2025 voelen kinderen zich veiliger", "geen getal"),
        ("80% van de leerlingen voelt zich veilig", "geen jaartal"),
        ("Meer leerlingen halen niveau 2F", "geen getal en geen jaartal"),
    ],
)
def test_sp406_says_what_is_missing(tmp_path: Path, text: str, missing: str) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, NO_STREEFWAARDE)
    set_jongeren_resultaat(plan, text)
    assert f"noemt {missing}." in only(plan, "SP406").message


def test_sp406_streefwaarde_makes_it_concrete(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    set_jongeren_resultaat(plan, "Kinderen voelen zich veiliger")
    assert not with_code(check(plan), "SP406")


def test_sp406_quotes_at_most_about_60_characters(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, NO_STREEFWAARDE)
    set_jongeren_resultaat(plan, "Kinderen en jongeren " * 10)
    message = only(plan, "SP406").message
    quoted = message.split("'")[3]
    assert quoted.endswith(" …") and len(quoted) <= 62


def test_sp406_applies_to_procesresultaten(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, NO_STREEFWAARDE)
    set_jongeren_resultaat(plan, "Partners werken beter samen")
    replace_once(
        plan,
        RESULTATEN,
        "soort: maatschappelijk\n    doelgroepen: [dg_jongeren]",
        "soort: proces\n    doelgroepen: [dg_jongeren]",
    )
    assert with_code(check(plan), "SP406")


# SP407 ---------------------------------------------------------------------------------------


def make_jongeren_output_only(plan: Path) -> None:
    line = line_of(plan, RESULTATEN, "- id: ind_eenzaam_jongeren")
    replace_once(
        plan,
        RESULTATEN,
        """id: ind_eenzaam_jongeren
        naam: Percentage jongeren 12-17 jaar dat zich vaak eenzaam voelt
        soort: outcome""",
        """id: ind_eenzaam_jongeren
        naam: Percentage jongeren 12-17 jaar dat zich vaak eenzaam voelt
        soort: output""",
    )
    assert line_of(plan, RESULTATEN, "soort: output") == line + 2


def test_sp407_only_output_indicatoren(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    make_jongeren_output_only(plan)
    diag = only(plan, "SP407")
    line = line_of(plan, RESULTATEN, "indicatoren:", occurrence=3)
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "indicatoren"))
    assert "'r_jongeren'" in diag.message and "output" in diag.message
    assert diag.severity is Severity.INFO


def test_sp407_not_for_procesresultaten(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    make_jongeren_output_only(plan)
    replace_once(
        plan,
        RESULTATEN,
        "soort: maatschappelijk\n    doelgroepen: [dg_jongeren]",
        "soort: proces\n    doelgroepen: [dg_jongeren]",
    )
    assert not with_code(check(plan), "SP407")


def test_sp406_leaves_placeholders_to_sp801(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan)
    set_jongeren_resultaat(plan, "'<Noem een percentage en een jaar>'")
    result = check(plan)
    assert not with_code(result, "SP406")
    assert with_code(result, "SP801")


# SP406 understands numbers (issue 11, point 5) ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Binnen twee weken na aanmelding krijgt elk gezin in 2025 een gesprek",
        "In 2025 is het aantal thuiszitters gehalveerd",
        "In 2025 doet de helft van de jongeren mee aan een activiteit",
        "In schooljaar 2024-2025 doen tien scholen mee",
        "In 2025 is € 40.000 besteed aan ouderavonden",
        "In 2025 voelt 80 procent van de leerlingen zich veilig",
    ],
)
def test_sp406_numbers_in_words_percentages_and_amounts_count(tmp_path: Path, text: str) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, NO_STREEFWAARDE)
    set_jongeren_resultaat(plan, text)
    assert not with_code(check(plan), "SP406")


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("In 2025 zijn de COVID-19-vertragingen ingehaald", "geen getal"),
        ("In 2025 halen meer kinderen in groep 8 niveau 2F", "geen getal"),
        ("Binnen twee weken krijgt elk gezin een gesprek", "geen jaartal"),
        ("In schooljaar 2024-2025 gaat het beter", "geen getal"),
    ],
)
def test_sp406_names_and_years_are_no_target(tmp_path: Path, text: str, missing: str) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan, NO_STREEFWAARDE)
    line = set_jongeren_resultaat(plan, text)
    diag = only(plan, "SP406")
    assert where(diag) == (RESULTATEN, line, col_of(plan, RESULTATEN, line, "resultaat:"))
    assert diag.message.endswith(f"noemt {missing}.")


def test_sp402_and_sp406_cascade_to_one_finding(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    drop_jongeren_indicatoren(plan)
    set_jongeren_resultaat(plan, "Jongeren voelen zich minder eenzaam")
    result = check(plan)
    assert with_code(result, "SP406") == []
    [diag] = with_code(result, "SP402")
    assert diag.message == (
        "Resultaat 'r_jongeren' heeft geen indicator, en de tekst noemt geen getal en geen "
        "jaartal; zo kun je niet zien of het gehaald wordt."
    )
    assert diag.hint.endswith("en schrijf in `resultaat:` hoeveel en wanneer.")


def test_sp403_no_indicator_has_a_streefwaarde_is_one_plan_wide_finding(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    text = (plan / RESULTATEN).read_text(encoding="utf-8")
    kept, skipping = [], False
    for line in text.split("\n"):
        if line.strip() == "streefwaarde:":
            skipping = True
            continue
        if skipping and line.startswith("          "):
            continue
        skipping = False
        kept.append(line)
    (plan / RESULTATEN).write_text("\n".join(kept), encoding="utf-8")
    [diag] = with_code(check(plan), "SP403")
    line = line_of(plan, RESULTATEN, "resultaten:")
    assert where(diag) == (RESULTATEN, line, 1)
    assert diag.message.startswith("Geen enkele indicator heeft een streefwaarde (alle ")
    assert diag.weight is Weight.PLAN


def test_sp402_no_resultaat_has_an_indicator_is_one_plan_wide_finding(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    kept, skipping = [], False
    for line in (plan / RESULTATEN).read_text(encoding="utf-8").split("\n"):
        if line == "    indicatoren:":
            skipping = True
            continue
        if skipping and (line.startswith("      ") or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    (plan / RESULTATEN).write_text("\n".join(kept) + "\n", encoding="utf-8")
    [diag] = with_code(check(plan), "SP402")
    assert where(diag) == (RESULTATEN, line_of(plan, RESULTATEN, "resultaten:"), 1)
    assert diag.message == (
        "Geen enkel resultaat heeft een indicator (alle 3 niet); zo kan niemand zien of het plan werkt."
    )
    assert diag.weight is Weight.PLAN
