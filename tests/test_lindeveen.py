"""The third example, lindeveen: shaped like most real plans (issue 10). It must pass check
without findings in its fase, and its document must say what the plan says and no more:
amounts that are approximate or unknown are said so, never as € 0."""

import re
from datetime import date

import pytest

from samenplan.check.run import CheckResult, check_plan
from samenplan.document.render import render_report
from samenplan.plan.vocab import Fase
from support import EXAMPLES

LINDEVEEN = EXAMPLES / "lindeveen"


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check_plan(LINDEVEEN)


@pytest.fixture(scope="module", params=["md", "html"])
def document(request: pytest.FixtureRequest, result: CheckResult) -> str:
    text = render_report(result, request.param, today=date(2024, 11, 1), git=False)
    if request.param == "html":  # the words a reader sees, without tags and entities
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).replace("&#39;", "'")
    return re.sub(r"[ \t]+", " ", text.replace("\\", ""))


def test_it_checks_without_findings_in_its_fase(result: CheckResult) -> None:
    assert result.loaded.plan is not None
    assert result.loaded.plan.manifest.fase is Fase.BESLUIT
    assert [(d.code, d.message) for d in result.diagnostics] == []


def test_the_shapes_of_real_plans_are_in_it(result: CheckResult) -> None:
    plan = result.loaded.plan
    assert plan is not None
    npo = next(g for g in plan.samenwerking.geldstromen if g.id == "gs_npo")
    assert [p.id for p in npo.posten] == ["post_lezen", "post_welbevinden", "post_coordinatie"]
    assert not npo.bedrag.exact and npo.verlenging is not None
    meedoen = next(g for g in plan.samenwerking.geldstromen if g.id == "gs_meedoen")
    assert meedoen.subsidie is not None and len(meedoen.posten) == 2  # two plafonds
    assert [iv.id for iv in plan.aanpak.interventies if iv.toekenning] == ["i_spelmiddag_veenwijk"]
    assert any(r.bedrag is None for iv in plan.aanpak.interventies for r in iv.begroting)
    assert [iv.id for iv in plan.aanpak.interventies if iv.randvoorwaardelijk] == ["i_netwerk"]
    assert plan.aanpak.taakverdeling and plan.manifest.gebieden
    measured = [i.id for r in plan.resultaten.resultaten for i in r.indicatoren if i.metingen]
    assert measured == ["ind_leesplezier", "ind_somber"]


def test_approximate_and_unknown_money_is_said_so(document: str) -> None:
    assert "ongeveer € 720.000" in document
    assert "minstens € 90.000" in document
    assert "ongeveer € 960.000 of meer" in document  # the plan's total: one part is a lower bound
    assert "deel onbekend" in document  # interventies paid from a post without an amount


def test_an_unknown_split_is_never_zero(result: CheckResult) -> None:
    md = render_report(result, "md", today=date(2024, 11, 1), git=False)
    per_geldstroom = md[md.index("**Geld per geldstroom**") :]
    row = next(line for line in per_geldstroom.splitlines() if line.startswith("| NPO-geld van Stichting"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    # Bedrag, Toegewezen, Waarvan in posten (there are none: a true zero), Nog niet toegewezen
    assert cells[2:] == ["minstens € 90.000", "onbekend", "€ 0", "onbekend"]
    leesclubs = md[md.index("### Leesclubs op school en in de wijk") :]
    leesclubs = leesclubs[: leesclubs.index("\n### ")]
    assert "deel onbekend" in leesclubs and "€ 0" not in leesclubs


def test_the_subsidy_shows_its_plafonds_and_the_toekenning(document: str) -> None:
    assert "Eerste ronde: aanvragen tot 1 maart 2024" in document
    assert "Sport- en spelmiddag Veenwijk (aanvrager Voetbalvereniging Veenwijk): € 12.500" in document
    assert "€ 77.500" in document  # room left in the first plafond
    assert "aanvragen kan nog" in document  # the open second plafond
    assert "Toegekend aan Voetbalvereniging Veenwijk op 20 maart 2024 (Eerste ronde)" in document


def test_the_extension_the_taakverdeling_and_the_measured_values(document: str) -> None:
    assert "verlengd tot 31 juli 2025 (bron: Kamerbrief van 25 februari 2022" in document
    assert "Executief: geen interventie in dit plan; volgens de taakverdeling doen" in document
    assert "Het tussendoel van 41% in 2024 is gehaald." in document
    assert "38% in oktober 2022" in document  # a month, not an invented day
    assert "randvoorwaardelijk" in document
    assert "Per gebied" in document and "Heemhoek" in document
