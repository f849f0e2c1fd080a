"""Tests of the shipped regelingen catalog and of merging in a plan's own regelingen."""

from datetime import date

import pytest
from pydantic import ValidationError

from samenplan.plan.catalog import load_catalog, merge_regelingen, parse_catalog
from samenplan.plan.models.regeling import Regeling

# Ids that example plans and other modules rely on; more may exist, none may go missing.
REQUIRED: dict[str, set[str]] = {
    "npo_gemeenten": {
        "bovenschools",
        "voorschools",
        "zorg_welzijn",
        "thuiszitters",
        "huisvesting",
        "uitvoering",
    },
    "npo_scholen": {
        "a_meer_onderwijs",
        "b_effectievere_inzet",
        "c_sociaal_emotioneel_fysiek",
        "d_executieve_functies",
        "e_personeel",
        "f_faciliteiten",
    },
    "welzijn_jeugd": {"activiteiten_ontmoeting", "jongerenwerk", "mentale_ondersteuning"},
    "jeugdwerkloosheid": {"doorleren", "naar_werk", "nazorg"},
    "armoede_schulden": {"schuldhulpverlening", "bijzondere_bijstand", "signalering"},
    "sport_leefstijl": {"lokaal_sportakkoord", "gezonde_leefstijl", "buurtsportcoaches"},
    "wel_in_ontwikkeling": set(),
    "ve_inhaal": set(),
}

CATALOG = load_catalog()
ALL_IDS = sorted(CATALOG)


def test_catalog_loads_and_is_cached() -> None:
    assert CATALOG
    assert all(isinstance(r, Regeling) for r in CATALOG.values())
    assert load_catalog() is CATALOG
    # Keys are the ids of their entries.
    assert all(key == r.id for key, r in CATALOG.items())


@pytest.mark.parametrize("regeling_id", sorted(REQUIRED))
def test_required_regelingen_and_bestedingsdoelen(regeling_id: str) -> None:
    assert regeling_id in CATALOG
    doel_ids = {d.id for d in CATALOG[regeling_id].bestedingsdoelen}
    assert REQUIRED[regeling_id] <= doel_ids, REQUIRED[regeling_id] - doel_ids


@pytest.mark.parametrize("regeling_id", ALL_IDS)
def test_bestedingsdoel_ids_unique(regeling_id: str) -> None:
    doel_ids = [d.id for d in CATALOG[regeling_id].bestedingsdoelen]
    assert len(doel_ids) == len(set(doel_ids))


@pytest.mark.parametrize("regeling_id", ALL_IDS)
def test_entry_is_complete(regeling_id: str) -> None:
    regeling = CATALOG[regeling_id]
    assert regeling.naam.strip()
    assert regeling.korte_naam.strip()
    assert regeling.referentie.strip()
    assert regeling.verstrekker.strip()
    assert regeling.ontvangers
    assert regeling.bron.startswith(("http://", "https://"))
    assert regeling.toelichting.strip()
    assert regeling.periode is not None
    assert regeling.periode.van < regeling.periode.tot
    for doel in regeling.bestedingsdoelen:
        assert doel.naam.strip()
        assert doel.omschrijving.strip()


def test_npo_gemeenten_facts() -> None:
    npo = CATALOG["npo_gemeenten"]
    assert npo.referentie == "Stcrt. 2021, 42927"
    assert npo.periode is not None
    assert npo.periode.van == date(2021, 8, 1)
    assert npo.periode.tot == date(2025, 7, 31)
    assert npo.ontvangers == ["gemeente"]
    # The article letters of the bestedingsdoelen are not verified: none may be filled in.
    assert [d.id for d in npo.bestedingsdoelen if d.artikel is not None] == []
    assert "niet nagekeken" in npo.toelichting


def test_npo_scholen_f_only_with_a_to_e() -> None:
    npo = CATALOG["npo_scholen"]
    assert npo.periode is not None
    assert npo.periode.tot == date(2025, 7, 31)
    f = next(d for d in npo.bestedingsdoelen if d.id == "f_faciliteiten")
    assert "A tot en met E" in f.omschrijving


def test_ontvangers_are_partner_soorten() -> None:
    from samenplan.plan.vocab import PartnerSoort

    soorten = {s.value for s in PartnerSoort}
    for regeling in CATALOG.values():
        assert set(regeling.ontvangers) <= soorten, regeling.id


def _own(regeling_id: str, doel_id: str = "eigen") -> Regeling:
    return Regeling.model_validate(
        {
            "id": regeling_id,
            "naam": "Eigen budget",
            "bestedingsdoelen": [{"id": doel_id, "naam": "X"}],
        }
    )


def test_merge_adds_own_regeling_without_touching_catalog() -> None:
    own = _own("eigen_budget")
    merged = merge_regelingen(CATALOG, [own])
    assert merged["eigen_budget"] is own
    assert set(merged) == set(CATALOG) | {"eigen_budget"}
    assert "eigen_budget" not in CATALOG
    assert "eigen_budget" not in load_catalog()


def test_merge_own_replaces_catalog_entry() -> None:
    own = _own("npo_gemeenten", "lokaal")
    merged = merge_regelingen(CATALOG, [own])
    assert merged["npo_gemeenten"] is own
    assert [d.id for d in merged["npo_gemeenten"].bestedingsdoelen] == ["lokaal"]
    assert len(merged) == len(CATALOG)
    # The cached catalog keeps its own entry.
    assert load_catalog()["npo_gemeenten"].naam != "Eigen budget"


def test_merge_with_nothing_is_a_copy() -> None:
    merged = merge_regelingen(CATALOG, [])
    assert merged == CATALOG
    assert merged is not CATALOG


def test_parse_catalog_rejects_duplicates_and_bad_shape() -> None:
    entry = {"id": "x", "naam": "X", "bestedingsdoelen": [{"id": "a", "naam": "A"}]}
    with pytest.raises(ValueError, match="duplicate regeling"):
        parse_catalog({"regelingen": [entry, entry]})
    double_doel = {**entry, "bestedingsdoelen": [{"id": "a", "naam": "A"}] * 2}
    with pytest.raises(ValueError, match="duplicate bestedingsdoel"):
        parse_catalog({"regelingen": [double_doel]})
    with pytest.raises(ValueError):
        parse_catalog({"regeling": []})
    with pytest.raises(ValidationError):
        parse_catalog({"regelingen": [{"id": "x", "naam": "X", "bestedingsdoelen": []}]})
