"""SP701–SP703: metingen per indicator, verantwoording per geldstroom, voortgang per interventie."""

from pathlib import Path

import pytest

from rulecase import check, col_of, copy_example, line_of, replace_once, with_code
from samenplan.diagnostics import Diagnostic, Severity
from support import GOOD_EXAMPLES

MANIFEST = "samenplan.yaml"
SAMENWERKING = "02-samenwerking.yaml"
RESULTATEN = "04-resultaten.yaml"
AANPAK = "05-aanpak.yaml"
METEN = "06-meten-en-bijsturen.yaml"
UITVOERING = "07-uitvoering.yaml"


def _where(diag: Diagnostic) -> tuple[str, int, int]:
    return diag.location.file, diag.location.line, diag.location.col


def _id_at(plan: Path, file: str, ident: str) -> tuple[str, int, int]:
    """Where the value of ``id: <ident>`` is."""
    line = line_of(plan, file, f"id: {ident}")
    return file, line, col_of(plan, file, line, ident)


def _fase(plan: Path, fase: str) -> None:
    replace_once(plan, MANIFEST, "fase: besluit", f"fase: {fase}")


@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_good_examples_have_no_meten_findings(tmp_path: Path, name: str) -> None:
    result = check(copy_example(tmp_path, name))
    assert not [d for d in result.diagnostics if d.code.startswith("SP7")]


def _unmeasure_bereik_online(plan: Path) -> None:
    """Point the only meting of ind_bereik_online at another indicator."""
    replace_once(
        plan,
        METEN,
        "  - indicator: ind_bereik_online\n    frequentie: elk kwartaal",
        "  - indicator: ind_eenzaam_jongeren\n    frequentie: elk kwartaal",
    )


def test_sp701_indicator_without_meting(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _unmeasure_bereik_online(plan)
    [diag] = with_code(check(plan), "SP701")
    assert _where(diag) == _id_at(plan, RESULTATEN, "ind_bereik_online")
    assert "Indicator 'ind_bereik_online'" in diag.message
    assert diag.severity is Severity.ERROR  # heidedorpen is in fase besluit
    [related] = diag.related
    assert (related.location.file, related.location.line) == (
        METEN,
        line_of(plan, METEN, "- indicator: ind_lezen_2f"),
    )


def test_sp701_is_a_warning_in_concept(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _unmeasure_bereik_online(plan)
    _fase(plan, "concept")
    [diag] = with_code(check(plan), "SP701")
    assert diag.severity is Severity.WARNING


def _unaccount_subsidie(plan: Path) -> None:
    """Point the verantwoording of gs_subsidie_samen_sterker at another geldstroom."""
    replace_once(plan, METEN, "  - geldstroom: gs_subsidie_samen_sterker", "  - geldstroom: gs_npo_regio")


def test_sp702_geldstroom_without_verantwoording(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _unaccount_subsidie(plan)
    [diag] = with_code(check(plan), "SP702")
    assert _where(diag) == _id_at(plan, SAMENWERKING, "gs_subsidie_samen_sterker")
    assert "'gs_subsidie_samen_sterker'" in diag.message
    assert diag.severity is Severity.ERROR
    [related] = diag.related
    assert (related.location.file, related.location.line) == (
        METEN,
        line_of(plan, METEN, "- geldstroom: gs_npo_regio"),
    )


def test_sp702_not_checked_in_concept(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _unaccount_subsidie(plan)
    _fase(plan, "concept")
    assert not with_code(check(plan), "SP702")


def test_sp703_not_checked_in_besluit(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    assert "voortgang: []" in (plan / UITVOERING).read_text(encoding="utf-8")
    assert not with_code(check(plan), "SP703")


@pytest.mark.parametrize("fase", ["uitvoering", "evaluatie"])
def test_sp703_interventie_without_voortgang(tmp_path: Path, fase: str) -> None:
    plan = copy_example(tmp_path)
    _fase(plan, fase)
    replace_once(
        plan,
        UITVOERING,
        "voortgang: []",
        "\n".join(
            [
                "voortgang:",
                *(
                    f"  - {{interventie: {iv}, datum: 2024-06-01, status: loopt}}"
                    for iv in ("i_sterk_op_school", "i_poj_school", "i_hei_online", "i_subsidiemenu")
                ),
            ]
        ),
    )
    [diag] = with_code(check(plan), "SP703")
    assert _where(diag) == _id_at(plan, AANPAK, "i_huiswerkclub_aarveld")
    assert "Interventie 'i_huiswerkclub_aarveld' heeft geen voortgang" in diag.message
    assert diag.severity is Severity.ERROR
    [related] = diag.related
    assert (related.location.file, related.location.line) == (
        UITVOERING,
        line_of(plan, UITVOERING, "interventie: i_sterk_op_school", 2),
    )


def test_sp703_every_interventie_reported_when_voortgang_is_empty(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _fase(plan, "uitvoering")
    assert len(with_code(check(plan), "SP703")) == 5
