"""samenplan.plan.money: the one way the plan's money is counted, for check and report alike."""

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from rulecase import EXAMPLES
from samenplan.load.planfolder import load_plan
from samenplan.plan.bundle import Plan
from samenplan.plan.models.aanpak import Aanpak
from samenplan.plan.models.samenwerking import Samenwerking
from samenplan.plan.money import Geld, Post, geld


@pytest.fixture(scope="module")
def base() -> Plan:
    plan = load_plan(EXAMPLES / "heidedorpen").plan
    assert plan is not None
    return plan


def stroom(gs: str, bedrag: int, *reserveringen: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A geldstroom of NP Onderwijs gemeenten."""
    return {
        "id": gs,
        "naam": f"Geldstroom {gs}",
        "regeling": "npo_gemeenten",
        "ontvanger": "gemeente",
        "bedrag": bedrag,
        "bestedingsdoelen": ["bovenschools", "zorg_welzijn"],
        "reserveringen": list(reserveringen),
        **extra,
    }


def res(rid: str, bedrag: int, doel: str | None = "bovenschools") -> dict[str, Any]:
    return {"id": rid, "thema": f"Thema {rid}", "bedrag": bedrag, "bestedingsdoel": doel}


def line(gs: str, bedrag: int, doel: str = "bovenschools", reservering: str | None = None) -> dict[str, Any]:
    return {"geldstroom": gs, "bestedingsdoel": doel, "bedrag": bedrag, "reservering": reservering}


def eur(*amounts: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(a) for a in amounts)


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
    assert (s.toegewezen, s.over, s.gereserveerd) == eur(50_000, 50_000, 0)
    assert [(r.interventie, r.path) for r in s.direct] == [
        ("iv_a", ("interventies", 0, "begroting", 0)),
        ("iv_a", ("interventies", 0, "begroting", 1)),
    ]
    assert s.path == ("geldstromen", 0)
    assert [iv.interventie.id for iv in g.interventies] == ["iv_a"]  # no begroting: left out


def test_a_line_from_a_reservering_sits_inside_it(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs", 100_000, res("r_zomer", 40_000))],
        iv=[line("gs", 50_000), line("gs", 15_000, reservering="r_zomer")],
    )
    [s] = g.stromen
    [r] = s.reserveringen
    assert (r.opgenomen, r.vrij) == eur(15_000, 25_000)
    assert [x.bedrag for x in r.regels] == [Decimal(15_000)]
    assert s.direct_bedrag == 50_000
    assert (s.toegewezen, s.over) == eur(90_000, 10_000)


def test_an_overdrawn_reservering_still_counts_its_own_bedrag(base: Plan) -> None:
    g = money(
        base, [stroom("gs", 100_000, res("r_zomer", 40_000))], iv=[line("gs", 45_000, reservering="r_zomer")]
    )
    [s] = g.stromen
    [r] = s.reserveringen
    assert (r.opgenomen, r.vrij) == eur(45_000, -5_000)
    assert s.direct == ()
    assert (s.toegewezen, s.over) == eur(40_000, 60_000)


def test_a_line_naming_an_unknown_reservering_counts_directly(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs", 100_000, res("r_zomer", 40_000))],
        iv=[line("gs", 30_000, reservering="r_onbekend")],
    )
    [s] = g.stromen
    assert s.reserveringen[0].opgenomen == 0
    assert (s.direct_bedrag, s.toegewezen) == eur(30_000, 70_000)


def test_a_line_naming_a_reservering_of_another_geldstroom_counts_on_its_own(base: Plan) -> None:
    g = money(
        base,
        [stroom("gs_a", 100_000), stroom("gs_b", 50_000, res("r_b", 20_000))],
        iv=[line("gs_a", 10_000, reservering="r_b")],
    )
    a, b = g.stromen
    assert (a.direct_bedrag, a.toegewezen) == eur(10_000, 10_000)
    assert (b.reserveringen[0].opgenomen, b.toegewezen) == eur(0, 20_000)


def test_verdelingen_never_count(base: Plan) -> None:
    verdeling = {"naam": "per sector", "posten": [{"label": "po", "bedrag": 900_000}]}
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
        ("gs_b", Decimal(8_000)),
        ("gs_a", Decimal(8_000)),
    ]
    [iv] = g.interventies
    assert iv.posten == (
        Post("gs_a", "npo_gemeenten", "bovenschools", None, Decimal(7_000)),
        Post("gs_a", "npo_gemeenten", "zorg_welzijn", None, Decimal(1_000)),
        Post("gs_b", "npo_gemeenten", "bovenschools", None, Decimal(8_000)),
    )
    assert iv.totaal == 16_000


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
    assert (first.index, first.dubbel, first.toegewezen) == (0, True, Decimal(10_000))
    assert g.bedrag == 105_000
    assert list(g.uniek) == ["gs_b"]


def test_a_line_of_an_unknown_geldstroom_belongs_to_no_geldstroom(base: Plan) -> None:
    g = money(base, [stroom("gs", 100_000)], iv=[line("gs_onbekend", 10_000)])
    assert g.toegewezen == 0
    assert [r.line.geldstroom for r in g.regels] == ["gs_onbekend"]
    assert g.interventies[0].posten[0].regeling is None


def test_heidedorpen_is_fully_allocated(base: Plan) -> None:
    g = geld(base)
    assert (g.bedrag, g.toegewezen, g.over) == eur(441_000, 441_000, 0)
    assert all(r.vrij >= 0 for s in g.stromen for r in s.reserveringen)


@pytest.mark.parametrize("name", ["heidedorpen", "rivierstad"])
def test_good_examples_allocate_no_more_than_there_is(name: str) -> None:
    plan = load_plan(EXAMPLES / name).plan
    assert plan is not None
    assert all(s.over >= 0 for s in geld(plan).stromen)
