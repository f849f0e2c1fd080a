"""samenplan.plan.money: the one way the plan's money is counted, for check and report alike."""

from dataclasses import replace
from typing import Any

import pytest

from rulecase import EXAMPLES
from samenplan.load.planfolder import load_plan
from samenplan.plan.bundle import Plan
from samenplan.plan.models.aanpak import Aanpak
from samenplan.plan.models.common import Bedrag
from samenplan.plan.models.samenwerking import Samenwerking
from samenplan.plan.money import Bijdrage, Geld, Som, geld
from support import GOOD_EXAMPLES


@pytest.fixture(scope="module")
def base() -> Plan:
    plan = load_plan(EXAMPLES / "heidedorpen").plan
    assert plan is not None
    return plan


def stroom(gs: str, bedrag: int | str, *posten: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A geldstroom of NP Onderwijs gemeenten."""
    return {
        "id": gs,
        "naam": f"Geldstroom {gs}",
        "regeling": "npo_gemeenten",
        "ontvanger": "gemeente",
        "bedrag": bedrag,
        "bestedingsdoelen": ["bovenschools", "zorg_welzijn"],
        "posten": list(posten),
        **extra,
    }


def res(rid: str, bedrag: int | str, doel: str | None = "bovenschools") -> dict[str, Any]:
    return {"id": rid, "naam": f"Thema {rid}", "bedrag": bedrag, "bestedingsdoel": doel}


def line(
    gs: str, bedrag: int | None, doel: str | None = "bovenschools", post: str | None = None
) -> dict[str, Any]:
    return {"geldstroom": gs, "bestedingsdoel": doel, "bedrag": bedrag, "post": post}


def eur(*amounts: int) -> tuple[Som, ...]:
    return tuple(Som.euro(a) for a in amounts)


def money(base: Plan, stromen: list[dict[str, Any]], **interventies: list[dict[str, Any]]) -> Geld:
    """The money of a small plan: these geldstromen, and interventies with these lines."""
    plan = replace(
        base,
        samenwerking=Samenwerking.model_validate({"geldstromen": stromen}),
        aanpak=Aanpak.model_validate(
            {
                "interventies": [
                    {"id": iv, "naam": f"Interventie {iv}", "begroting": lines}
                    for iv, lines in interventies.items()
                ]
            }
        ),
    )
    return geld(plan)


def test_direct_lines_are_allocated(base: Plan) -> None:
    g = money(
        base, [stroom("gs", 100_000)], iv_a=[line("gs", 30_000), line("gs", 20_000, "zorg_welzijn")], iv_b=[]
    )
    [s] = g.stromen
    assert (s.toegewezen, s.over, s.in_posten) == eur(50_000, 50_000, 0)
    assert [(r.interventie, r.path) for r in s.direct] == [
        ("iv_a", ("interventies", 0, "begroting", 0)),
        ("iv_a", ("interventies", 0, "begroting", 1)),
    ]
    assert s.path == ("geldstromen", 0)
    assert [iv.interventie.id for iv in g.interventies] == ["iv_a"]  # no begroting: left out


def test_a_line_from_a_post_sits_inside_it(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs", 100_000, res("r_zomer", 40_000))],
        iv=[line("gs", 50_000), line("gs", 15_000, post="r_zomer")],
    )
    [s] = g.stromen
    [r] = s.posten
    assert (r.opgenomen, r.vrij) == eur(15_000, 25_000)
    assert [x.bedrag for x in r.regels] == [Som.euro(15_000)]
    assert s.direct_bedrag == Som.euro(50_000)
    assert (s.toegewezen, s.over) == eur(90_000, 10_000)


def test_an_overdrawn_post_still_counts_its_own_bedrag(base: Plan) -> None:
    g = money(base, [stroom("gs", 100_000, res("r_zomer", 40_000))], iv=[line("gs", 45_000, post="r_zomer")])
    [s] = g.stromen
    [r] = s.posten
    assert (r.opgenomen, r.vrij) == eur(45_000, -5_000)
    assert s.direct == ()
    assert (s.toegewezen, s.over) == eur(40_000, 60_000)


def test_a_line_naming_an_unknown_post_counts_directly(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs", 100_000, res("r_zomer", 40_000))],
        iv=[line("gs", 30_000, post="r_onbekend")],
    )
    [s] = g.stromen
    assert s.posten[0].opgenomen == Som.euro(0)
    assert (s.direct_bedrag, s.toegewezen) == eur(30_000, 70_000)


def test_a_line_naming_a_post_of_another_geldstroom_counts_on_its_own(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs_a", 100_000), stroom("gs_b", 50_000, res("r_b", 20_000))],
        iv=[line("gs_a", 10_000, post="r_b")],
    )
    a, b = g.stromen
    assert (a.direct_bedrag, a.toegewezen) == eur(10_000, 10_000)
    assert (b.posten[0].opgenomen, b.toegewezen) == eur(0, 20_000)


def test_verdelingen_never_count(base: Plan) -> None:
    verdeling = {"naam": "per sector", "posten": [{"naam": "po", "bedrag": 900_000}]}
    g = money(base, [stroom("gs", 100_000, verdelingen=[verdeling])], iv=[line("gs", 10_000)])
    assert (g.bedrag, g.toegewezen, g.over) == eur(100_000, 10_000, 90_000)


def test_one_interventie_from_two_geldstromen(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs_b", 100_000), stroom("gs_a", 50_000)],
        iv=[
            line("gs_b", 5_000),
            line("gs_a", 7_000),
            line("gs_b", 3_000),
            line("gs_a", 1_000, "zorg_welzijn"),
        ],
    )
    assert [(s.geldstroom.id, s.toegewezen) for s in g.stromen] == [
        ("gs_b", Som.euro(8_000)),
        ("gs_a", Som.euro(8_000)),
    ]
    [iv] = g.interventies
    assert iv.bijdragen == (
        Bijdrage("gs_a", "npo_gemeenten", "bovenschools", None, Som.euro(7_000)),
        Bijdrage("gs_a", "npo_gemeenten", "zorg_welzijn", None, Som.euro(1_000)),
        Bijdrage("gs_b", "npo_gemeenten", "bovenschools", None, Som.euro(8_000)),
    )
    assert iv.totaal == Som.euro(16_000)


def test_per_doel_declared_first_then_others(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs", 100_000, res("r_open", 9_000, None), res("r_b", 4_000))],
        iv=[line("gs", 1_000, "voorschools"), line("gs", 2_000, "zorg_welzijn"), line("gs", 3_000)],
    )
    doelen, amounts = zip(*g.stromen[0].per_doel, strict=True)
    assert doelen == ("bovenschools", "zorg_welzijn", None, "voorschools")
    assert amounts == eur(7_000, 2_000, 9_000, 1_000)


def test_a_duplicated_geldstroom_counts_once_and_is_not_unique(base: Plan) -> None:
    g = money(
        base, [stroom("gs", 100_000), stroom("gs", 7_000), stroom("gs_b", 5_000)], iv=[line("gs", 10_000)]
    )
    first, _ = g.stromen
    assert (first.index, first.dubbel, first.toegewezen) == (0, True, Som.euro(10_000))
    assert g.bedrag == Som.euro(105_000)
    assert list(g.uniek) == ["gs_b"]


def test_a_line_of_an_unknown_geldstroom_belongs_to_no_geldstroom(base: Plan) -> None:
    g = money(base, [stroom("gs", 100_000)], iv=[line("gs_onbekend", 10_000)])
    assert g.toegewezen == Som.euro(0)
    assert [r.line.geldstroom for r in g.regels] == ["gs_onbekend"]
    assert g.interventies[0].bijdragen[0].regeling is None


def test_heidedorpen_is_fully_allocated(base: Plan) -> None:
    g = geld(base)
    assert (g.bedrag, g.toegewezen, g.over) == eur(441_000, 441_000, 0)
    assert all(r.vrij.zeker_te_veel is None for s in g.stromen for r in s.posten)


@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_good_examples_allocate_no_more_than_there_is(name: str) -> None:
    plan = load_plan(EXAMPLES / name).plan
    assert plan is not None
    assert all(s.over.zeker_te_veel is None for s in geld(plan).stromen)


# --- Unknown, approximate and bounded amounts --------------------------------------------------


def test_an_unknown_geldstroom_is_never_zero(base: Plan) -> None:
    g = money(base, [stroom("gs", "onbekend")], iv=[line("gs", 10_000)])
    [s] = g.stromen
    assert s.bedrag.tekst == "onbekend"
    assert s.over.rest_tekst == "onbekend"
    assert s.over.zeker_te_veel is None and s.over.zeker_over is None


def test_a_line_without_an_amount_inside_a_post_keeps_the_sum_known(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs", 100_000, res("taal", 40_000))],
        iv_a=[line("gs", None, None, post="taal")],
        iv_b=[line("gs", 60_000)],
    )
    [s] = g.stromen
    assert s.toegewezen == Som.euro(100_000)
    assert s.gebruikt
    assert s.posten[0].opgenomen.tekst == "onbekend"
    assert s.posten[0].vrij.rest_tekst == "hoogstens € 40.000"


def test_a_direct_line_without_an_amount_is_an_unknown_part(base: Plan) -> None:
    g = money(base, [stroom("gs", 100_000)], iv_a=[line("gs", 30_000)], iv_b=[line("gs", None)])
    [s] = g.stromen
    assert s.toegewezen.tekst == "minstens € 30.000, plus een onbekend deel"
    assert s.over.rest_tekst == "hoogstens € 70.000"
    assert s.over.zeker_over is None  # not certainly anything left


def test_som_words() -> None:
    def words(*values: int | str) -> str:
        from pydantic import TypeAdapter

        adapter = TypeAdapter(Bedrag)
        total = Som()
        for v in values:
            total = total + Som.van(adapter.validate_python(v))
        return total.tekst

    assert words(1_200_000, "onbekend") == "minstens € 1.200.000, plus een onbekend deel"
    assert words("ongeveer 1000", "onbekend") == "ongeveer € 1.000, plus een onbekend deel"
    assert words("ongeveer 1.500.000") == "ongeveer € 1.500.000"
    assert words("ca. 1000", 500) == "ongeveer € 1.500"
    assert words("minstens 1200000") == "minstens € 1.200.000"
    assert words("hoogstens 300000") == "hoogstens € 300.000"
    assert words(100_000, "hoogstens 200000") == "tussen € 100.000 en € 300.000"
    assert words("onbekend") == "onbekend"
    assert words("onbekend", "onbekend") == "onbekend"
    assert words(0) == "€ 0"


def test_an_approximate_geldstroom_is_compared_by_its_number(base: Plan) -> None:
    g = money(base, [stroom("gs", "ongeveer 100.000")], iv=[line("gs", 120_000)])
    [s] = g.stromen
    assert s.over.rest_tekst == "ongeveer € 20.000 te veel"
    assert s.over.zeker_te_veel == 20_000
