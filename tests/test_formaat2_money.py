"""Formaat 2, money: shapes 1 (money above the interventie), 2 (unknown and approximate
amounts) and 4 (demand-led plans). One fixture plan per shape in tests/fixtures/formaat2/,
each a copy of examples/heidedorpen with its money written in that shape. Each test says what
`check` reports (and does not), and what the HTML and Markdown documents say."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from rulecase import line_of, replace_once, with_code
from samenplan.check.run import CheckResult, check_plan
from samenplan.diagnostics import Severity
from samenplan.document.render import render_report

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formaat2"
SAMEN, AANPAK = "02-samenwerking.yaml", "05-aanpak.yaml"


def plan_of(tmp_path: Path, shape: str) -> Path:
    target = tmp_path / shape
    shutil.copytree(FIXTURES / shape, target)
    return target


def documents(result: CheckResult) -> dict[str, str]:
    """The Markdown and the HTML document, with the HTML's tags taken out of the text."""
    md = render_report(result, "md", today=date(2024, 11, 1), git=False, force=True)
    html = render_report(result, "html", today=date(2024, 11, 1), git=False, force=True)
    return {"md": md, "html": re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))}


def codes(result: CheckResult) -> list[str]:
    return [d.code for d in result.diagnostics]


def md_row(md: str, start: str) -> str:
    """The Markdown table row that starts with ``start``."""
    return next(line for line in md.splitlines() if line.startswith(f"| {start}"))


# --- Shape 1: money above the interventie ---------------------------------------------------


def test_posten_and_amountless_lines_pass_without_findings(tmp_path: Path) -> None:
    result = check_plan(plan_of(tmp_path, "geld-boven-interventie"))
    assert codes(result) == []  # no 'wordt nergens gebruikt', no 'nog niet toegewezen'


def test_the_document_says_deel_onbekend_and_counts_the_posten(tmp_path: Path) -> None:
    docs = documents(check_plan(plan_of(tmp_path, "geld-boven-interventie")))
    md = docs["md"]
    npo = md_row(md, "NPO-geld gemeenten Heidedorpen (restant 2023-2025) | NP Onderwijs")
    assert npo.split(" | ")[2:5] == ["€ 312.000", "€ 312.000", "€ 312.000"]
    poj = md_row(md, "Praktijkondersteuner jeugd op school | onbekend | ")
    assert "(uit post 'Zorg en welzijn rond de school'): deel onbekend" in poj and "€ 0" not in poj
    post = md_row(md, "Zorg en welzijn rond de school | NPO-geld")
    assert post.split(" | ")[3:] == ["€ 174.000", "onbekend", "hoogstens € 174.000 |"]
    for text in docs.values():
        assert "deel onbekend" in text
        assert "post: Zorg en welzijn rond de school" in text


def test_a_verdeling_larger_than_its_geldstroom_names_both_places(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "geld-boven-interventie")
    replace_once(plan, SAMEN, "            bedrag: 198000", "            bedrag: 9998000")
    [diag] = with_code(check_plan(plan), "SP312")
    assert diag.severity is Severity.ERROR
    assert (diag.location.file, diag.location.line) == (SAMEN, line_of(plan, SAMEN, "- naam: per thema"))
    assert "samen € 10.112.000, maar geldstroom 'gs_npo_regio' heeft € 312.000: € 9.800.000 te veel" in (
        diag.message
    )
    [related] = diag.related
    assert (related.location.file, related.location.line) == (SAMEN, line_of(plan, SAMEN, "bedrag: 312000"))


def test_posten_larger_than_their_geldstroom_is_one_error_with_both_places(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "geld-boven-interventie")
    replace_once(plan, SAMEN, "        bedrag: 174000", "        bedrag: 274000")
    result = check_plan(plan)
    [diag] = with_code(result, "SP315")
    assert not with_code(result, "SP304")  # the same excess, told once
    assert (diag.location.file, diag.location.line) == (SAMEN, line_of(plan, SAMEN, "- id: p_leren"))
    assert diag.message == (
        "De posten van geldstroom 'gs_npo_regio' zijn samen € 412.000, maar de geldstroom heeft "
        "€ 312.000: € 100.000 te veel."
    )
    assert diag.related[0].location.line == line_of(plan, SAMEN, "bedrag: 312000")


def test_a_geldstroom_used_only_by_lines_without_an_amount_is_used(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "geld-boven-interventie")
    aanpak = (plan / AANPAK).read_text(encoding="utf-8")
    aanpak = re.sub(
        r"(geldstroom: gs_npo_heidekring\n(?:        .*\n)*?)        bedrag: \d+\n", r"\1", aanpak
    )
    assert "gs_npo_heidekring" in aanpak
    (plan / AANPAK).write_text(aanpak, encoding="utf-8")
    result = check_plan(plan)
    assert not {"SP305", "SP307", "SP311"} & set(codes(result))
    md = documents(result)["md"]
    row = md_row(md, "NPO-geld scholen Heidekring, deel voor het gezamenlijke plan | NP Onderwijs")
    assert row.split(" | ")[2:4] == ["€ 84.000", "onbekend"]
    assert row.endswith("| hoogstens € 84.000 |")


# --- Shape 2: unknown and approximate amounts -----------------------------------------------


def test_unknown_amounts_are_incomplete_not_zero(tmp_path: Path) -> None:
    result = check_plan(plan_of(tmp_path, "onbekende-bedragen"))
    assert codes(result) == ["SP316", "SP316"]  # fase concept: a note per unknown amount
    assert {d.severity for d in result.diagnostics} == {Severity.INFO}
    first = result.diagnostics[0]
    assert first.message == "Het bedrag van geldstroom 'gs_subsidie_samen_sterker' is nog onbekend."
    assert not {"SP304", "SP305", "SP312", "SP804"} & set(codes(result))


def test_unknown_amounts_are_errors_in_fase_besluit(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "onbekende-bedragen")
    replace_once(plan, "samenplan.yaml", "fase: concept", "fase: besluit")
    result = check_plan(plan)
    assert [(d.code, d.severity) for d in with_code(result, "SP316")] == [("SP316", Severity.ERROR)] * 2


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_document_never_says_zero_for_unknown(tmp_path: Path, fmt: str) -> None:
    text = documents(check_plan(plan_of(tmp_path, "onbekende-bedragen")))[fmt]
    assert "Beschikbaar in het plan" in text
    assert "minstens € 396.000, plus een onbekend deel" in text
    assert "ongeveer € 141.000" in text
    assert not re.search(r"Nog niet toegewezen\W*€ 0", text)


def test_the_row_of_an_unknown_geldstroom_says_onbekend(tmp_path: Path) -> None:
    md = documents(check_plan(plan_of(tmp_path, "onbekende-bedragen")))["md"]
    row = md_row(md, "Subsidieregeling Samen Sterker, eigen geld van de drie gemeenten | Subsidie")
    cells = row.split(" | ")
    assert (cells[2], cells[3], cells[5]) == ("onbekend", "€ 45.000", "onbekend |")
    assert "- **Nog niet toegewezen:** onbekend" in md


def test_an_approximate_amount_that_is_clearly_too_small_is_still_an_error(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "onbekende-bedragen")
    replace_once(plan, SAMEN, "    bedrag: 312000\n", "    bedrag: ongeveer 300.000\n")
    [diag] = with_code(check_plan(plan), "SP304")
    assert diag.message.startswith("Geldstroom 'gs_npo_regio' heeft ongeveer € 300.000, maar er is")
    assert diag.message.endswith(": ongeveer € 12.000 te veel.")


# --- Shape 4: a demand-led plan: subsidieregeling, plafonds, toekenning, open pot -----------


def test_plafonds_and_a_toekenning_pass_without_findings(tmp_path: Path) -> None:
    assert codes(check_plan(plan_of(tmp_path, "subsidie-plafonds"))) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_document_has_a_section_per_subsidieregeling(tmp_path: Path, fmt: str) -> None:
    text = documents(check_plan(plan_of(tmp_path, "subsidie-plafonds")))[fmt]
    assert "Subsidieregeling Samen Sterker, eigen geld van de drie gemeenten: wat is toegekend" in text
    assert "Verenigingen, dorpshuizen en stichtingen in de elf dorpen." in text
    assert "Eerste ronde: aanvragen tot 1 maart 2024" in text
    assert "Geld dat na de tweede ronde over is in een plafond, mag naar een ander plafond." in text
    assert "(aanvrager Stichting Dorpshuis De Schakel, Aarveld): € 18.400" in text
    assert "Toegekend aan Stichting Dorpshuis De Schakel, Aarveld op 20 maart 2024 (Eerste ronde)" in text
    assert "€ 6.000; aanvragen kan nog" in text


def test_each_plafond_shows_granted_and_room(tmp_path: Path) -> None:
    md = documents(check_plan(plan_of(tmp_path, "subsidie-plafonds")))["md"]
    row = md_row(md, "Ontmoeting en meedoen in het dorp | € 40.000")
    assert row.split(" | ")[-2:] == ["€ 39.400", "€ 600 |"]


def test_a_plafond_overdrawn_by_a_toekenning_is_an_error(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "subsidie-plafonds")
    replace_once(plan, SAMEN, "        bedrag: 40000\n", "        bedrag: 30000\n")
    [diag] = with_code(check_plan(plan), "SP308")
    assert diag.message == (
        "Uit post 'p_ontmoeting' (€ 30.000) halen begrotingsregels € 39.400: € 9.400 te veel."
    )


def test_an_open_pot_of_unknown_size(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "subsidie-plafonds")
    replace_once(
        plan,
        SAMEN,
        "        bedrag: 6000\n        open: true",
        "        bedrag: onbekend\n        open: true",
    )
    result = check_plan(plan)
    assert codes(result) == ["SP316"]  # fase besluit: an error, and nothing counted as € 0
    assert result.diagnostics[0].severity is Severity.ERROR
    md = documents(result)["md"]
    assert md_row(md, "Nog te verdelen | onbekend").endswith("| onbekend; aanvragen kan nog |")


def test_a_toekenning_naming_an_unknown_ronde_is_reported(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "subsidie-plafonds")
    line = replace_once(plan, AANPAK, "      ronde: Eerste ronde\n", "      ronde: Voorjaarsronde\n")
    [diag] = with_code(check_plan(plan), "SP317")
    assert (diag.location.file, diag.location.line) == (AANPAK, line)
    assert diag.message == (
        "De toekenning van interventie 'i_huiswerkclub_aarveld' noemt ronde 'Voorjaarsronde', maar de "
        "subsidieregeling noemt 'Eerste ronde', 'Tweede ronde'."
    )


def test_a_toekenning_not_paid_from_a_plafond_is_reported(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "subsidie-plafonds")
    aanpak = (plan / AANPAK).read_text(encoding="utf-8")
    for bedrag in (11200, 7200):
        aanpak = aanpak.replace(
            f"geldstroom: gs_subsidie_samen_sterker\n        post: p_ontmoeting\n        bedrag: {bedrag}\n",
            f"geldstroom: gs_npo_heidekring\n        bestedingsdoel: c_sociaal_emotioneel_fysiek\n"
            f"        bedrag: {bedrag}\n",
        )
    (plan / AANPAK).write_text(aanpak, encoding="utf-8")
    diags = with_code(check_plan(plan), "SP317")
    assert [d.message.split(",")[0] for d in diags] == [
        "Interventie 'i_huiswerkclub_aarveld' is een toegekende aanvraag"
    ]


# --- How a user writes an amount, and what a wrong one says ---------------------------------


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("onbekend", "onbekend"),
        ("ongeveer 1.500.000", "ongeveer € 1.500.000"),
        ("ca. 1500000", "ongeveer € 1.500.000"),
        ("circa 1.500.000", "ongeveer € 1.500.000"),
        ("ruim 1.500.000", "ongeveer € 1.500.000"),
        ("bijna 1.500.000", "ongeveer € 1.500.000"),
        ("minstens 1200000", "minstens € 1.200.000"),
        ("ten minste 1.200.000", "minstens € 1.200.000"),
        ("minimaal 1200000", "minstens € 1.200.000"),
        ("hoogstens 300000", "hoogstens € 300.000"),
        ("maximaal 300.000", "hoogstens € 300.000"),
        ("ten hoogste 300000", "hoogstens € 300.000"),
        ("Ongeveer € 1.500.000", "ongeveer € 1.500.000"),
    ],
)
def test_worded_amounts(written: str, words: str) -> None:
    from pydantic import TypeAdapter

    from samenplan.plan.models.common import Bedrag
    from samenplan.plan.money import Som

    assert Som.van(TypeAdapter(Bedrag).validate_python(written)).tekst == words


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("ongeveer veel", "of een getal met ervoor ongeveer, minstens of hoogstens"),
        ("'12.000'", "Schrijf 12000 zonder punt."),
        ("'40000'", "Schrijf het bedrag zonder aanhalingstekens: bedrag: 40000."),
    ],
)
def test_a_wrong_amount_gets_a_dutch_message_at_its_line(tmp_path: Path, written: str, hint: str) -> None:
    plan = plan_of(tmp_path, "onbekende-bedragen")
    line = replace_once(plan, SAMEN, "    bedrag: 312000\n", f"    bedrag: {written}\n")
    [diag] = [d for d in check_plan(plan).diagnostics if d.code == "SP012"]
    assert (diag.location.file, diag.location.line) == (SAMEN, line)
    assert hint in diag.hint


def test_a_school_year_is_a_begroting_jaar(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "onbekende-bedragen")
    aanpak = (plan / AANPAK).read_text(encoding="utf-8")
    assert aanpak.count("jaar: 2024\n") > 1
    (plan / AANPAK).write_text(aanpak.replace("jaar: 2024\n", "jaar: 2023-2024\n", 1), encoding="utf-8")
    result = check_plan(plan)
    assert codes(result) == ["SP316", "SP316"]
    assert "| 2023-2024 |" in documents(result)["md"]
    (plan / AANPAK).write_text(aanpak.replace("jaar: 2024\n", "jaar: 2023-2025\n", 1), encoding="utf-8")
    [diag] = [d for d in check_plan(plan).diagnostics if d.code == "SP013"]
    assert diag.message.startswith("'2023-2025'") and "schooljaar (jaar: 2023-2024)" in diag.hint


# --- diff: amounts that are not exact are compared in words ---------------------------------


def test_diff_of_a_geldstroom_that_becomes_unknown(tmp_path: Path) -> None:
    from samenplan.diff.geld import compare_money
    from samenplan.diff.json_report import _amount
    from samenplan.diff.report import _amount as line
    from samenplan.diff.values import Names
    from samenplan.plan.bundle import Plan
    from samenplan.plan.lookup import lookup

    def names(plan: Path) -> Names:
        loaded = check_plan(plan).loaded.plan
        assert isinstance(loaded, Plan)
        return Names(loaded, lookup(loaded))

    old = plan_of(tmp_path / "old", "subsidie-plafonds")
    new = plan_of(tmp_path / "new", "subsidie-plafonds")
    replace_once(
        new,
        SAMEN,
        "    ontvanger: gem_zandloo\n    bedrag: 70000\n",
        "    ontvanger: gem_zandloo\n    bedrag: onbekend\n",
    )
    amounts, moves = compare_money(names(old), names(new))
    beschikbaar = next(a for a in amounts if a.kind == "geldstroom" and a.measure == "beschikbaar")
    assert line(beschikbaar).text == (
        "Geldstroom 'Subsidieregeling Samen Sterker, eigen geld van de drie gemeenten', beschikbaar: "
        "€ 70.000 → onbekend (verschil niet precies bekend)"
    )
    data = _amount(beschikbaar)
    assert (data["before"], data["after"], data["difference"]) == (70000, "onbekend", None)
    assert moves == ()


def test_the_money_chart_says_what_is_unknown(tmp_path: Path) -> None:
    result = check_plan(plan_of(tmp_path, "onbekende-bedragen"))
    html = render_report(result, "html", today=date(2024, 11, 1), git=False, force=True)
    assert "€ 45.000 van onbekend toegewezen, onbekend hoeveel over" in html
    samen = "minstens € 396.000, plus een onbekend deel, waarvan € 441.000 toegewezen"
    assert f"{samen} en onbekend hoeveel nog niet" in html
