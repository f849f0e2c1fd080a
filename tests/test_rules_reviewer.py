"""The rules a policy reviewer names first (issue 11): each breaks heidedorpen in one place.

heidedorpen is in fase besluit; a test that needs another fase sets it. Every test asserts
code, file, line and column, computed from the text it edited.
"""

from datetime import date
from pathlib import Path

import pytest

from rulecase import check, col_of, copy_example, line_of, replace_once, with_code
from samenplan.check import rulecontext
from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Severity, Weight

MANIFEST = "samenplan.yaml"
SAMEN = "02-samenwerking.yaml"
ANALYSE = "03-analyse.yaml"
RESULTATEN = "04-resultaten.yaml"
AANPAK = "05-aanpak.yaml"
METEN = "06-meten-en-bijsturen.yaml"
UITVOERING = "07-uitvoering.yaml"


def at(diag: Diagnostic) -> tuple[str, int, int]:
    return diag.location.file, diag.location.line, diag.location.col


def place(plan: Path, file: str, needle: str, col_needle: str | None = None) -> tuple[str, int, int]:
    line = line_of(plan, file, needle)
    return file, line, col_of(plan, file, line, col_needle or needle.strip().lstrip("- "))


def set_fase(plan: Path, fase: str) -> None:
    replace_once(plan, MANIFEST, "fase: besluit", f"fase: {fase}")


def only(result: CheckResult, code: str) -> Diagnostic:
    [diag] = with_code(result, code)
    return diag


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_example(tmp_path)


# SP408 interventie zonder onderbouwing --------------------------------------------------------


def test_sp408_interventie_without_onderbouwing(plan: Path) -> None:
    replace_once(
        plan,
        AANPAK,
        "    onderbouwing:\n      - soort: menukaart\n        doelgebied: A\n        toelichting: Extra "
        "leertijd buiten schooltijd valt onder doelgebied A van de NPO-menukaart.\n",
        "",
    )
    diag = only(check(plan), "SP408")
    assert at(diag) == place(plan, AANPAK, "- id: i_huiswerkclub_aarveld", "i_huiswerkclub_aarveld")
    assert diag.message == (
        "Interventie 'i_huiswerkclub_aarveld' heeft geen onderbouwing: er staat niet waarom ze zou werken."
    )
    assert diag.severity is Severity.ERROR
    assert diag.weight is Weight.PLEK


def test_sp408_no_interventie_has_onderbouwing_is_one_plan_wide_finding(plan: Path) -> None:
    text = (plan / AANPAK).read_text(encoding="utf-8")
    lines = text.split("\n")
    kept, skipping = [], False
    for line in lines:
        if line == "    onderbouwing:":
            skipping = True
            continue
        if skipping and line.startswith("      "):  # the list items under it
            continue
        skipping = False
        kept.append(line)
    (plan / AANPAK).write_text("\n".join(kept), encoding="utf-8")
    diag = only(check(plan), "SP408")
    assert at(diag) == place(plan, AANPAK, "interventies:", "interventies")
    assert diag.message.startswith("Geen enkele interventie heeft een onderbouwing (alle 5 niet)")
    assert diag.weight is Weight.PLAN


def test_sp408_eigen_without_toelichting(plan: Path) -> None:
    line = replace_once(
        plan,
        AANPAK,
        "      - soort: menukaart\n        doelgebied: A\n        toelichting: Extra leertijd buiten "
        "schooltijd valt onder doelgebied A van de NPO-menukaart.\n",
        "      - soort: eigen\n",
    )
    diag = only(check(plan), "SP408")
    assert at(diag) == (AANPAK, line, col_of(plan, AANPAK, line, "eigen"))
    assert "eigen onderbouwing zonder toelichting" in diag.message


HUISWERKCLUB_TOELICHTING = (
    "        toelichting: Extra leertijd buiten schooltijd valt onder doelgebied A van de NPO-menukaart.\n"
)


def test_sp408_each_onderbouwing_of_a_list_must_say_something(plan: Path) -> None:
    line = replace_once(
        plan,
        AANPAK,
        HUISWERKCLUB_TOELICHTING,
        HUISWERKCLUB_TOELICHTING + "      - soort: databank\n",
    )
    diag = only(check(plan), "SP408")
    assert at(diag) == (AANPAK, line + 1, col_of(plan, AANPAK, line + 1, "databank"))
    assert diag.message == (
        "Interventie 'i_huiswerkclub_aarveld' heeft een onderbouwing uit de databank zonder erkenningsniveau."
    )
    assert "`niveau:`" in diag.hint


def test_sp408_a_menukaart_and_an_eigen_onderbouwing_together_pass(plan: Path) -> None:
    replace_once(
        plan,
        AANPAK,
        HUISWERKCLUB_TOELICHTING,
        HUISWERKCLUB_TOELICHTING
        + "      - soort: eigen\n        toelichting: De proef in 2022 in Aarveld ging goed.\n",
    )
    assert check(plan).diagnostics == []  # the list loads and SP408 is satisfied


# SP409 bevinding zonder bron --------------------------------------------------------------


def test_sp409_bevinding_without_bron(plan: Path) -> None:
    replace_once(plan, ANALYSE, "    bronnen: [b_toets_groep8]\n    cijfer:", "    cijfer:")
    diag = only(check(plan), "SP409")
    assert at(diag) == place(plan, ANALYSE, "- id: bev_lezen", "bev_lezen")
    assert diag.message == "Bevinding 'bev_lezen' noemt geen bron: niet te zien waar ze vandaan komt."
    assert diag.severity is Severity.WARNING


def test_sp409_figures_without_a_figure(plan: Path) -> None:
    text = (plan / ANALYSE).read_text(encoding="utf-8")
    start = text.index("    cijfer:\n      waarde: 55")
    end = text.index("        met: Heidekring in 2019\n") + len("        met: Heidekring in 2019\n")
    text = text[:start] + text[end:]
    text = text.replace(
        "      In 2023 haalde 55% van de leerlingen in groep 8 niveau 2F lezen. In 2019 was dat\n"
        "      63%. In de kleine dorpsscholen is de daling het grootst.\n",
        "      Kinderen in groep 8 lezen slechter dan voor corona.\n",
    )
    (plan / ANALYSE).write_text(text, encoding="utf-8")
    diag = only(check(plan), "SP409")
    assert at(diag) == place(plan, ANALYSE, "- id: bev_lezen", "bev_lezen")
    assert diag.message == "Bevinding 'bev_lezen' rust op cijfers, maar noemt geen cijfer."


# SP506 besluit zonder datum ---------------------------------------------------------------


def test_sp506_besluit_without_date_is_an_error_in_besluit_and_a_warning_later(plan: Path) -> None:
    replace_once(plan, SAMEN, "    datum: 2023-11-09\n", "")
    diag = only(check(plan), "SP506")
    line = line_of(plan, SAMEN, "orgaan: raad") - 1
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "partner"))
    assert diag.message == "Bij het besluit van 'gem_heidebeek' (raad) staat geen datum."
    assert diag.severity is Severity.ERROR
    set_fase(plan, "uitvoering")
    assert only(check(plan), "SP506").severity is Severity.WARNING
    replace_once(plan, MANIFEST, "fase: uitvoering", "fase: concept")
    assert with_code(check(plan), "SP506") == [], "a concept need not know the date yet"


# SP311 bestedingsdoel zonder geld ---------------------------------------------------------


def test_sp311_leaves_a_doel_outside_the_regeling_list_to_sp309(plan: Path) -> None:
    # The npo_gemeenten list is not verified: a doel outside it is SP309, and SP311 stays quiet.
    line = replace_once(
        plan,
        SAMEN,
        "    bestedingsdoelen: [bovenschools, zorg_welzijn, uitvoering]",
        "    bestedingsdoelen: [bovenschools, zorg_welzijn, uitvoering, jongerenwerk]",
    )
    result = check(plan)
    assert at(only(result, "SP309")) == (SAMEN, line, col_of(plan, SAMEN, line, "jongerenwerk"))
    assert with_code(result, "SP311") == []


def test_sp309_names_the_unused_doel(plan: Path) -> None:
    # uitvoering is a real doel of npo_gemeenten; take away the only line that uses it.
    text = (plan / AANPAK).read_text(encoding="utf-8")
    assert text.count("bestedingsdoel: uitvoering") >= 1
    (plan / AANPAK).write_text(
        text.replace("bestedingsdoel: uitvoering", "bestedingsdoel: bovenschools"), encoding="utf-8"
    )
    diag = only(check(plan), "SP311")
    line = line_of(plan, SAMEN, "bestedingsdoelen: [bovenschools, zorg_welzijn, uitvoering]")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "uitvoering"))
    assert diag.message == (
        "Geldstroom 'gs_npo_regio' noemt bestedingsdoel 'uitvoering', maar er gaat geen geld "
        "naartoe: geen begrotingsregel en geen post."
    )


# SP312 verdeling groter dan geldstroom ------------------------------------------------------


def test_sp310_breakdown_larger_than_its_geldstroom(plan: Path) -> None:
    replace_once(plan, SAMEN, "            bedrag: 141000", "            bedrag: 151000")
    diag = only(check(plan), "SP312")
    line = line_of(plan, SAMEN, "- naam: Bijdrage per gemeente")
    assert at(diag)[:2] == (SAMEN, line)
    assert "zijn samen € 322.000, maar geldstroom 'gs_npo_regio' heeft € 312.000: € 10.000 te veel." in (
        diag.message
    )
    assert diag.severity is Severity.ERROR
    [related] = diag.related
    assert related.location.line == line_of(plan, SAMEN, "bedrag: 312000")


# SP313 geld over na de termijn ------------------------------------------------------------


def test_sp311_money_left_after_the_term_replaces_sp305(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = replace_once(plan, SAMEN, "bedrag: 312000", "bedrag: 320000")
    monkeypatch.setattr(rulecontext, "today", lambda: date(2025, 9, 1))
    result = check(plan)
    diag = only(result, "SP313")
    assert at(diag) == (SAMEN, line, col_of(plan, SAMEN, line, "320000"))
    assert diag.message == (
        "De bestedingstermijn van geldstroom 'gs_npo_regio' is op 31 juli 2025 afgelopen, maar "
        "€ 8.000 is niet toegewezen; dat geld moet mogelijk terug."
    )
    assert diag.severity is Severity.ERROR
    assert with_code(result, "SP305") == [], "one weakness, one finding"
    monkeypatch.setattr(rulecontext, "today", lambda: date(2025, 7, 31))
    result = check(plan)
    assert with_code(result, "SP313") == [] and with_code(result, "SP305")


# SP314 dubbele financiering ----------------------------------------------------------------


def test_sp312_same_doel_from_two_geldstromen_without_split(plan: Path) -> None:
    # i_poj_school has zorg_welzijn lines per year from gs_npo_regio; an extra line for the
    # same doel from a second geldstroom of the same regeling, without a year, is unclear.
    extra = """  - id: gs_npo_regio_extra
    naam: NPO-geld regio, tweede deel
    regeling: npo_gemeenten
    ontvanger: gem_heidebeek
    bedrag: 5000
    bestedingsdoelen: [zorg_welzijn]
"""
    text = (plan / SAMEN).read_text(encoding="utf-8")
    (plan / SAMEN).write_text(
        text.replace("  - id: gs_npo_heidekring\n", extra + "  - id: gs_npo_heidekring\n"), encoding="utf-8"
    )
    first = (
        "      - geldstroom: gs_npo_regio\n        bestedingsdoel: zorg_welzijn\n"
        "        bedrag: 24000\n        jaar: 2023\n"
    )
    second = (
        "      - geldstroom: gs_npo_regio_extra\n        bestedingsdoel: zorg_welzijn\n"
        "        bedrag: 5000\n        jaar: 2023\n"
    )
    line = replace_once(plan, AANPAK, first, first + second)
    result = check(plan)
    diag = only(result, "SP314")
    assert at(diag) == (AANPAK, line + 4, col_of(plan, AANPAK, line + 4, "gs_npo_regio_extra"))
    assert diag.message == (
        "Interventie 'i_poj_school' krijgt voor bestedingsdoel 'zorg_welzijn' in 2023 geld uit "
        "'gs_npo_regio' en uit 'gs_npo_regio_extra', zonder te zeggen hoe dat verdeeld is; dat "
        "lijkt op dubbele financiering."
    )
    assert [r.location.line for r in diag.related] == [line]


# SP606 interventie zonder planning ---------------------------------------------------------


def test_sp606_interventie_without_periode_or_planning(plan: Path) -> None:
    replace_once(plan, AANPAK, "    periode:\n      van: 2024-03-01\n      tot: 2025-07-11\n", "")
    text = (plan / UITVOERING).read_text(encoding="utf-8")
    start = text.index("  - interventie: i_huiswerkclub_aarveld\n")
    end = text.index("\nvoortgang:")
    (plan / UITVOERING).write_text(text[:start] + text[end:], encoding="utf-8")
    diag = only(check(plan), "SP606")
    assert at(diag) == place(plan, AANPAK, "- id: i_huiswerkclub_aarveld", "i_huiswerkclub_aarveld")
    assert diag.severity is Severity.ERROR


# SP607 plan afgelopen zonder evaluatie -----------------------------------------------------


def test_sp607_ended_plan_still_in_uitvoering_without_evaluatie(plan: Path) -> None:
    set_fase(plan, "uitvoering")
    text = (plan / METEN).read_text(encoding="utf-8")
    assert "soort: evaluatie" in text
    (plan / METEN).write_text(text.replace("soort: evaluatie", "soort: rapportage"), encoding="utf-8")
    diag = only(check(plan), "SP607")
    assert at(diag) == place(plan, MANIFEST, "tot: 2025-07-31", "2025-07-31")
    assert diag.weight is Weight.PLAN and diag.severity is Severity.ERROR
    replace_once(plan, MANIFEST, "fase: uitvoering", "fase: evaluatie")
    assert with_code(check(plan), "SP607") == []


# SP704, SP705, SP706: bijsturing, risico's, personeel --------------------------------------


def test_sp704_no_bijsturing(plan: Path) -> None:
    text = (plan / METEN).read_text(encoding="utf-8")
    start = text.index("bijsturing:\n")
    end = text.index("\nverantwoording:")
    (plan / METEN).write_text(text[:start] + "bijsturing: []\n" + text[end:], encoding="utf-8")
    diag = only(check(plan), "SP704")
    assert at(diag) == place(plan, METEN, "bijsturing: []", "bijsturing")
    assert diag.severity is Severity.ERROR and diag.weight is Weight.PLAN


def test_sp705_risico_without_maatregel(plan: Path) -> None:
    line = replace_once(
        plan,
        UITVOERING,
        "    maatregel: Het Jongerenpanel denkt vanaf het begin mee en test de aanpak.\n",
        "",
    )
    diag = only(check(plan), "SP705")
    start = line_of(plan, UITVOERING, "- omschrijving: Jongeren vertrouwen")
    assert at(diag) == (UITVOERING, start, col_of(plan, UITVOERING, start, "omschrijving"))
    assert line > start


def test_sp706_staff_without_capacity_risico(plan: Path) -> None:
    replace_once(
        plan,
        UITVOERING,
        "Welzijn De Heide vindt niet genoeg praktijkondersteuners en jongerenwerkers, en scholen "
        "kunnen leerkrachten moeilijk vrijmaken voor training en coaching.",
        "Welzijn De Heide vindt niet genoeg praktijkondersteuners.",
    )
    found = with_code(check(plan), "SP706")
    assert [d.message.split("'")[1] for d in found] == [
        "i_sterk_op_school",
        "i_hei_online",
        "i_huiswerkclub_aarveld",
    ]
    first = found[0]
    assert at(first) == place(plan, AANPAK, "- id: i_sterk_op_school", "i_sterk_op_school")
    assert "(coach, leerkracht)" in first.message


# Done when: a plan up for decision lacking werkgroep, besluitvorming, risico's, bijsturing ----


def _empty_list(plan: Path, file: str, key: str, next_key: str) -> None:
    text = (plan / file).read_text(encoding="utf-8")
    start = text.index(f"\n{key}:") + 1
    end = text.index(f"\n{next_key}:", start) + 1
    (plan / file).write_text(text[:start] + f"{key}: []\n\n" + text[end:], encoding="utf-8")


def test_a_plan_up_for_decision_fails_with_a_finding_per_missing_part(plan: Path) -> None:
    _empty_list(plan, SAMEN, "werkgroep", "overleg")
    _empty_list(plan, SAMEN, "besluitvorming", "participatie")
    _empty_list(plan, UITVOERING, "risicos", "borging")
    _empty_list(plan, METEN, "bijsturing", "verantwoording")
    result = check(plan)
    assert result.fails()
    errors = {
        (d.code, d.location.file, d.key_path[-1]) for d in result.diagnostics if d.severity is Severity.ERROR
    }
    assert errors == {
        ("SP803", SAMEN, "werkgroep"),
        ("SP803", SAMEN, "besluitvorming"),
        ("SP705", UITVOERING, "risicos"),
        ("SP704", METEN, "bijsturing"),
    }


def test_a_plan_in_uitvoering_is_not_buried_in_completeness_errors(plan: Path) -> None:
    set_fase(plan, "uitvoering")
    _empty_list(plan, SAMEN, "werkgroep", "overleg")
    result = check(plan)
    [werkgroep] = [d for d in result.diagnostics if d.code == "SP803"]
    assert werkgroep.severity is Severity.WARNING


def test_explain_says_when_a_completeness_rule_is_an_error() -> None:
    from samenplan.check.ruledocs import explain_text

    assert "Ernst: waarschuwing. In de fase besluit is het een fout; daarna weer een waarschuwing." in (
        explain_text("SP803")
    )
    assert (
        "Ernst: fout. Deze regel wordt pas gecontroleerd vanaf de fase besluit. Na de fase "
        "besluit is het een waarschuwing." in explain_text("SP506")
    )


# SP410 resultaat zonder bevinding; SP507 geen LEA of OOGO ---------------------------------


def test_sp410_maatschappelijk_resultaat_without_bevinding(plan: Path) -> None:
    replace_once(plan, RESULTATEN, "    bevindingen: [bev_lezen, bev_plannen]\n", "")
    result = check(plan)
    diag = only(result, "SP410")
    assert at(diag) == place(plan, RESULTATEN, "- id: r_leren", "r_leren")
    assert diag.message == "Resultaat 'r_leren' zegt niet op welke bevinding uit stap 3 het antwoordt."
    assert diag.severity is Severity.ERROR


def test_sp410_leaves_procesresultaten_alone(plan: Path) -> None:
    replace_once(plan, RESULTATEN, "    bevindingen: [bev_lezen, bev_plannen]\n", "")
    text = (plan / RESULTATEN).read_text(encoding="utf-8")
    start = text.index("  - id: r_leren")
    head, tail = text[:start], text[start:]
    tail = tail.replace("soort: maatschappelijk", "soort: proces", 1)
    (plan / RESULTATEN).write_text(head + tail, encoding="utf-8")
    assert with_code(check(plan), "SP410") == []


def test_sp507_npo_money_without_lea_or_oogo(plan: Path) -> None:
    replace_once(plan, SAMEN, "    soort: lea\n", "    soort: overig\n")
    assert with_code(check(plan), "SP507") == [], "the OOGO is enough"
    replace_once(plan, SAMEN, "    soort: oogo\n", "    soort: overig\n")
    diag = only(check(plan), "SP507")
    assert at(diag) == place(plan, SAMEN, "overleg:", "overleg")
    assert diag.weight is Weight.PLAN and diag.severity is Severity.WARNING
