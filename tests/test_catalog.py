"""Tests of the shipped regelingen catalog and of merging in a plan's own regelingen."""

from datetime import date

import pytest
from pydantic import ValidationError

from samenplan.plan.catalog import _read_catalog_text, load_catalog, merge_regelingen, parse_catalog
from samenplan.plan.models.regeling import DoelenStatus, Kanaal, Regeling

SCHOOL_EN_OMGEVING = {"sport", "cultuur", "cognitief", "sociaal", "orientatie_jezelf", "orientatie_wereld"}

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
    "ve_inhaal": {"vakantieprogramma", "extra_uren", "coordinatie"},
    "brede_spuk": {
        "lokaal_sportakkoord",
        "combinatiefuncties",
        "gezondheidsachterstanden",
        "kansrijke_start",
        "mentale_gezondheid",
        "overgewicht",
        "valpreventie",
        "leefomgeving",
        "kansrijke_omgeving",
        "sociale_basis",
        "mantelzorg",
        "eenzaamheid",
        "welzijn_op_recept",
        "ggd_kennisfunctie",
        "regionale_preventie",
    },
    "goab": {"voorschoolse_educatie", "activiteiten_leerlingen", "afspraken_vve"},
    "school_en_omgeving": SCHOOL_EN_OMGEVING,
    "school_en_omgeving_2025": SCHOOL_EN_OMGEVING,
    "kansrijke_wijk": {
        "geldzorgen",
        "school_en_omgeving",
        "jonge_kind",
        "maatschappelijke_samenhang",
        "financiele_educatie",
    },
    "onderwijscoalities_jeugdhulp": {"onderwijs_en_ondersteuning", "overgang"},
    "onderwijscoalities_jeugdhulp_2025": {"onderwijs_en_ondersteuning", "overgang"},
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
    assert regeling.aanvragers
    assert regeling.bron.startswith(("http://", "https://"))
    assert regeling.toelichting.strip()
    assert regeling.periode is not None
    assert regeling.periode.begin < regeling.periode.einde
    assert regeling.kanaal is not None
    for doel in regeling.bestedingsdoelen:
        assert doel.naam.strip()
        assert doel.omschrijving.strip()


#: Every artikel the catalog may hold, each checked in the official text (fact file with
#: sources). A new artikel must be added here with its source; an unlisted one fails.
VERIFIED_ARTIKELEN: dict[tuple[str, str], str] = {
    # https://zoek.officielebekendmakingen.nl/stcrt-2021-35919.html
    (
        "ve_inhaal",
        "vakantieprogramma",
    ): "artikel 3, tweede lid, onder a (na de wijziging in Stcrt. 2021, 35919)",
    ("ve_inhaal", "extra_uren"): "artikel 3, tweede lid, onder b (na de wijziging in Stcrt. 2021, 35919)",
    # https://wetten.overheid.nl/BWBR0048360/2024-02-24
    ("school_en_omgeving", "sport"): "artikel 3, vierde lid, onder a",
    ("school_en_omgeving", "cultuur"): "artikel 3, vierde lid, onder b",
    ("school_en_omgeving", "cognitief"): "artikel 3, vierde lid, onder c",
    ("school_en_omgeving", "sociaal"): "artikel 3, vierde lid, onder d",
    ("school_en_omgeving", "orientatie_jezelf"): "artikel 3, vierde lid, onder e",
    ("school_en_omgeving", "orientatie_wereld"): "artikel 3, vierde lid, onder f",
    # https://zoek.officielebekendmakingen.nl/stcrt-2025-32385.html
    ("kansrijke_wijk", "maatschappelijke_samenhang"): "artikel 7a (ingevoegd bij Stcrt. 2025, 32385)",
    ("kansrijke_wijk", "financiele_educatie"): "artikel 7b (ingevoegd bij Stcrt. 2025, 32385)",
}


def test_no_artikel_without_verification() -> None:
    found = {
        (r.id, d.id): d.artikel for r in CATALOG.values() for d in r.bestedingsdoelen if d.artikel is not None
    }
    assert found == VERIFIED_ARTIKELEN


def test_catalog_file_has_no_internal_paths() -> None:
    text = _read_catalog_text()
    for internal in ("/work/", "shared/", "domain.md", "regelingen-2026", "/tmp/"):
        assert internal not in text, internal


@pytest.mark.parametrize("regeling_id", ALL_IDS)
def test_unverified_is_said(regeling_id: str) -> None:
    regeling = CATALOG[regeling_id]
    # A list that is not from the official text says what is missing, and where to check.
    if regeling.bestedingsdoelen_status is not DoelenStatus.VASTGESTELD:
        assert regeling.niet_nagekeken
        assert regeling.doelen_bron.startswith("https://")
    # An indicative periode is explained.
    if not regeling.vaste_termijn:
        assert "periode" in (regeling.toelichting + " ".join(regeling.niet_nagekeken)).lower()


def test_npo_gemeenten_facts() -> None:
    npo = CATALOG["npo_gemeenten"]
    assert npo.referentie == "Stcrt. 2021, 42927"
    assert npo.periode is not None
    assert npo.periode.begin == date(2021, 7, 1)  # spending allowed from 1 July 2021
    assert npo.periode.einde == date(2025, 7, 31)
    assert npo.aanvragers == ["gemeente"]
    assert npo.kanaal is Kanaal.SPECIFIEKE_UITKERING
    # The article letters of the bestedingsdoelen are not verified: none may be filled in,
    # and the list is marked as such, naming the possible missing doel.
    assert [d.id for d in npo.bestedingsdoelen if d.artikel is not None] == []
    assert npo.bestedingsdoelen_status is DoelenStatus.NIET_NAGEKEKEN
    assert any("lokale samenwerking bevorderen" in n for n in npo.niet_nagekeken)
    assert any("wijzigingsregeling" in n for n in npo.niet_nagekeken)
    # SiSa: the total over all doelen, except two kinds of cost that are reported apart.
    assert "alleen als totaal over alle" in npo.toelichting
    assert "apart" in npo.toelichting
    doelen = {d.id: d for d in npo.bestedingsdoelen}
    assert doelen["huisvesting"].naam == "Tijdelijke extra huur van bestaande (onderwijs)huisvesting"
    assert doelen["uitvoering"].naam.startswith("Ambtelijke capaciteit")
    for ident in ("huisvesting", "uitvoering"):
        assert "apart" in doelen[ident].omschrijving
    assert "juli 2023" in npo.toelichting  # last payment


def test_npo_scholen_facts() -> None:
    npo = CATALOG["npo_scholen"]
    assert (
        npo.naam
        == "Regeling bijzondere en aanvullende bekostiging uitvoering Nationaal Programma Onderwijs PO en VO"
    )
    assert npo.referentie == "Stcrt. 2021, 39244 (schooljaar 2021-2022)"
    assert "463,78 euro per punt achterstandsscore" in npo.toelichting
    assert "500 euro per leerling" in npo.toelichting
    assert npo.kanaal is Kanaal.BEKOSTIGING


def test_npo_scholen_f_only_with_a_to_e() -> None:
    npo = CATALOG["npo_scholen"]
    assert npo.periode is not None
    assert npo.periode.einde == date(2025, 7, 31)
    f = next(d for d in npo.bestedingsdoelen if d.id == "f_faciliteiten")
    assert "A tot en met E" in f.omschrijving


def test_corrected_references() -> None:
    jw = CATALOG["jeugdwerkloosheid"]
    assert "Stcrt. 2020, 59367" in jw.referentie and "Stcrt. 2021, 45134" in jw.referentie
    assert jw.periode is not None and jw.periode.einde == date(2022, 12, 31)
    assert jw.bron == "https://zoek.officielebekendmakingen.nl/stcrt-2020-59367.html"
    sport = CATALOG["sport_leefstijl"]
    assert "Stcrt. 2020, 20587" in sport.referentie
    ve = CATALOG["ve_inhaal"]
    assert (
        ve.naam
        == "Subsidieregeling inhaal- en ondersteuningsprogramma aanvullend op voorschoolse educatie 2020–2021"
    )
    assert ve.periode is not None and ve.periode.begin == date(2020, 7, 4)
    assert "Stcrt. 2021, 35919" in ve.referentie


@pytest.mark.parametrize(
    ("regeling_id", "referentie", "van", "tot"),
    [
        ("brede_spuk", "Stcrt. 2023, 4245", date(2023, 1, 1), date(2026, 12, 31)),
        ("goab", "Stb. 2018, 315", date(2023, 1, 1), date(2026, 12, 31)),
        ("school_en_omgeving", "Stcrt. 2023, 18849", date(2023, 8, 1), date(2025, 7, 31)),
        ("school_en_omgeving_2025", "Kamerstuk 31 293, nr. 764", date(2025, 8, 1), date(2028, 7, 31)),
        ("kansrijke_wijk", "Stcrt. 2025, 20924", date(2026, 1, 1), date(2028, 12, 31)),
        ("onderwijscoalities_jeugdhulp", "Stcrt. 2023, 19328", date(2023, 1, 1), date(2024, 12, 31)),
        ("onderwijscoalities_jeugdhulp_2025", "2025", date(2025, 8, 1), date(2028, 7, 31)),
    ],
)
def test_current_regelingen(regeling_id: str, referentie: str, van: date, tot: date) -> None:
    regeling = CATALOG[regeling_id]
    assert referentie in regeling.referentie
    assert regeling.periode is not None
    assert (regeling.periode.begin, regeling.periode.einde) == (van, tot)
    assert regeling.kanaal is not None


def test_derived_periods_are_not_fixed_terms() -> None:
    # Periods that are derived, not read in the regeling, are marked as such.
    for ident in (
        "goab",
        "school_en_omgeving_2025",
        "onderwijscoalities_jeugdhulp_2025",
        "wel_in_ontwikkeling",
    ):
        regeling = CATALOG[ident]
        assert not regeling.vaste_termijn, ident
        assert any("afgeleid" in n for n in regeling.niet_nagekeken), ident
    # Algemene-uitkering money is not earmarked: no fixed term, no fixed list.
    for ident in ("welzijn_jeugd", "jeugdpakket", "armoede_schulden"):
        regeling = CATALOG[ident]
        assert regeling.kanaal is Kanaal.ALGEMENE_UITKERING
        assert not regeling.vaste_termijn
        assert regeling.bestedingsdoelen_status is DoelenStatus.NIET_GEOORMERKT


def test_catalog_aanvragers_are_partner_soorten() -> None:
    from samenplan.plan.vocab import PartnerSoort

    soorten = {s.value for s in PartnerSoort}
    for regeling in CATALOG.values():
        assert set(regeling.aanvragers) <= soorten, regeling.id


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
    entry = {
        "id": "x",
        "naam": "X",
        "bron": "https://example.org/x",
        "periode": {"van": "2024-01-01", "tot": "2024-12-31"},
        "bestedingsdoelen": [{"id": "a", "naam": "A"}],
    }
    with pytest.raises(ValueError, match="duplicate regeling"):
        parse_catalog({"regelingen": [entry, entry]})
    double_doel = {**entry, "bestedingsdoelen": [{"id": "a", "naam": "A"}] * 2}
    with pytest.raises(ValueError, match="duplicate bestedingsdoel"):
        parse_catalog({"regelingen": [double_doel]})
    with pytest.raises(ValueError):
        parse_catalog({"regeling": []})
    with pytest.raises(ValidationError):
        parse_catalog({"regelingen": [{**entry, "bestedingsdoelen": []}]})


def test_parse_catalog_refuses_entry_without_source_or_periode() -> None:
    entry = {
        "id": "x",
        "naam": "X",
        "bron": "https://example.org/x",
        "periode": {"van": "2024-01-01", "tot": "2024-12-31"},
        "bestedingsdoelen": [{"id": "a", "naam": "A"}],
    }
    assert list(parse_catalog({"regelingen": [entry]})) == ["x"]
    with pytest.raises(ValueError, match="source"):
        parse_catalog({"regelingen": [{**entry, "bron": ""}]})
    with pytest.raises(ValueError, match="source"):
        parse_catalog({"regelingen": [{**entry, "bron": "zie domain.md"}]})
    with pytest.raises(ValueError, match="periode"):
        parse_catalog({"regelingen": [{k: v for k, v in entry.items() if k != "periode"}]})
    with pytest.raises(ValueError, match="periode"):
        parse_catalog({"regelingen": [{**entry, "periode": {"van": "2024-12-31", "tot": "2024-01-01"}}]})
    with pytest.raises(ValidationError):
        parse_catalog({"regelingen": [{**entry, "periode": {"van": "2024-13-01", "tot": "2024-12-31"}}]})
