"""SP201–SP202: every reference resolves (with a suggestion), ids are unique per kind."""

from pathlib import Path

import pytest

from rulecase import EXAMPLES, check, col_of, copy_example, line_of, replace_once, with_code
from samenplan.check.rules.verwijzingen import VERWIJZINGEN
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.plan.idkinds import KINDS, Reference
from support import GOOD_EXAMPLES

MANIFEST = "samenplan.yaml"
URGENTIE = "01-urgentie.yaml"
SAMENWERKING = "02-samenwerking.yaml"
ANALYSE = "03-analyse.yaml"
RESULTATEN = "04-resultaten.yaml"
AANPAK = "05-aanpak.yaml"
METEN = "06-meten-en-bijsturen.yaml"
UITVOERING = "07-uitvoering.yaml"

# file, text before, text after, the typo (unique in the file), the id it should have been.
# One case per reference field, in the order of VERWIJZINGEN; list-valued fields break a
# later item.
TYPOS = [
    (MANIFEST, "binnen: zandloo", "binnen: zanldoo", "zanldoo", "zandloo"),
    (URGENTIE, "- partner: sb_heidekring", "- partner: sb_hiedekring", "sb_hiedekring", "sb_heidekring"),
    (URGENTIE, "gebieden: [heidedorpen]", "gebieden: [heidedorpne]", "heidedorpne", "heidedorpen"),
    (
        SAMENWERKING,
        "onder: sb_aacollege\n    brin: 99AA00",
        "onder: sb_aacolleeg\n    brin: 99AA00",
        "sb_aacolleeg",
        "sb_aacollege",
    ),
    (
        SAMENWERKING,
        "partner: gem_zandloo\n    functie: Subsidiemenu",
        "partner: gem_znadloo\n    functie: Subsidiemenu",
        "gem_znadloo",
        "gem_zandloo",
    ),
    (
        SAMENWERKING,
        "deelnemers: [gem_heidebeek, gem_zandloo, gem_aarveld, swv_deheide]\n",
        "deelnemers: [gem_heidebeek, gem_zandloo, gem_aarveld, swv_dehiede]\n",
        "swv_dehiede",
        "swv_deheide",
    ),
    (SAMENWERKING, "- partner: gem_aarveld", "- partner: gem_aravled", "gem_aravled", "gem_aarveld"),
    (SAMENWERKING, "ontvanger: gem_zandloo", "ontvanger: gem_zadnloo", "gem_zadnloo", "gem_zandloo"),
    (
        SAMENWERKING,
        "voor: [gem_zandloo, gem_aarveld]",
        "voor: [gem_zandloo, gem_aarvled]",
        "gem_aarvled",
        "gem_aarveld",
    ),
    (ANALYSE, "doelgroepen: [dg_ouders]", "doelgroepen: [dg_oduers]", "dg_oduers", "dg_ouders"),
    (
        ANALYSE,
        "bronnen: [b_monitor_sv, b_gesprekken]",
        "bronnen: [b_monitor_sv, b_gesprekekn]",
        "b_gesprekekn",
        "b_gesprekken",
    ),
    (ANALYSE, "gebieden: [heidedorpen]", "gebieden: [heidedorpne]", "heidedorpne", "heidedorpen"),
    (ANALYSE, "aanbieder: jgz_ggd", "aanbieder: jgz_gdg", "jgz_gdg", "jgz_ggd"),
    (RESULTATEN, "doelgroepen: [dg_jongeren]", "doelgroepen: [dg_jongerne]", "dg_jongerne", "dg_jongeren"),
    (
        RESULTATEN,
        "bevindingen: [bev_lezen, bev_plannen]",
        "bevindingen: [bev_lezen, bev_plannne]",
        "bev_plannne",
        "bev_plannen",
    ),
    (
        RESULTATEN,
        "bron: b_toets_groep8\n        nulmeting",
        "bron: b_toest_groep8\n        nulmeting",
        "b_toest_groep8",
        "b_toets_groep8",
    ),
    (
        RESULTATEN,
        "2024-06-30, bron: b_toets_groep8}",
        "2024-06-30, bron: b_toest_groep8}",
        "b_toest_groep8",
        "b_toets_groep8",
    ),
    (AANPAK, "doelgroepen: [dg_jongeren]", "doelgroepen: [dg_jonegren]", "dg_jonegren", "dg_jongeren"),
    (
        AANPAK,
        "resultaten: [r_welbevinden, r_jongeren]",
        "resultaten: [r_welbevinden, r_jongrene]",
        "r_jongrene",
        "r_jongeren",
    ),
    (AANPAK, "trekkers: [gem_zandloo]", "trekkers: [gem_zanldoo]", "gem_zanldoo", "gem_zandloo"),
    (
        AANPAK,
        "partners: [sb_aacollege, aa_heidebeek, aa_zandloo, gem_aarveld]",
        "partners: [sb_aacolelge, aa_heidebeek, aa_zandloo, gem_aarveld]",
        "sb_aacolelge",
        "sb_aacollege",
    ),
    (AANPAK, "gebieden: [aarveld]", "gebieden: [aarvled]", "aarvled", "aarveld"),
    (
        AANPAK,
        "geldstroom: gs_npo_heidekring\n        bestedingsdoel: d_",
        "geldstroom: gs_npo_heidekirng\n        bestedingsdoel: d_",
        "gs_npo_heidekirng",
        "gs_npo_heidekring",
    ),
    (
        AANPAK,
        "bedrag: 11200\n        jaar: 2024\n        post: res_subsidiemenu",
        "bedrag: 11200\n        jaar: 2024\n        post: res_subsidiemneu",
        "res_subsidiemneu",
        "res_subsidiemenu",
    ),
    (AANPAK, "aanvrager: dh_aarveld", "aanvrager: dh_aarvled", "dh_aarvled", "dh_aarveld"),
    (
        SAMENWERKING,
        "bedrag: 90000\n        bestedingsdoel: bovenschools",
        "bedrag: 90000\n        partner: gem_zandlooo\n        bestedingsdoel: bovenschools",
        "gem_zandlooo",
        "gem_zandloo",
    ),
    (
        SAMENWERKING,
        "bedrag: 90000\n        bestedingsdoel: bovenschools",
        "bedrag: 90000\n        gebied: heidedorpn\n        bestedingsdoel: bovenschools",
        "heidedorpn",
        "heidedorpen",
    ),
    (
        AANPAK,
        "wie: [sb_heidekring, sb_aacollege]",
        "wie: [sb_heidekring, sb_aacolleeg]",
        "sb_aacolleeg",
        "sb_aacollege",
    ),
    (METEN, "indicator: ind_lezen_2f", "indicator: ind_lezne_2f", "ind_lezne_2f", "ind_lezen_2f"),
    (METEN, "wie: sw_deheide", "wie: sw_dehedie", "sw_dehedie", "sw_deheide"),
    (
        METEN,
        "bron: b_registratie_jongerenwerk",
        "bron: b_registratie_jongerewnerk",
        "b_registratie_jongerewnerk",
        "b_registratie_jongerenwerk",
    ),
    (
        METEN,
        "rapportage\n    wie: [gem_heidebeek]\n",
        "rapportage\n    wie: [gem_hiedebeek]\n",
        "gem_hiedebeek",
        "gem_heidebeek",
    ),
    (
        METEN,
        "indicator: ind_bereik_online\n    signaalwaarde",
        "indicator: ind_bereik_onlien\n    signaalwaarde",
        "ind_bereik_onlien",
        "ind_bereik_online",
    ),
    (
        METEN,
        "geldstroom: gs_npo_heidekring",
        "geldstroom: gs_npo_hiedekring",
        "gs_npo_hiedekring",
        "gs_npo_heidekring",
    ),
    (METEN, "wie: [gem_zandloo]", "wie: [gem_zandlo0]", "gem_zandlo0", "gem_zandloo"),
    (
        METEN,
        "uitvoerders: [swv_deheide, sb_heidekring]",
        "uitvoerders: [swv_deheide, sb_hiedekring]",
        "sb_hiedekring",
        "sb_heidekring",
    ),
    (UITVOERING, "interventie: i_hei_online", "interventie: i_hie_online", "i_hie_online", "i_hei_online"),
    (
        UITVOERING,
        "voortgang: []",
        "voortgang:\n  - interventie: i_poj_shcool\n    datum: 2024-06-01\n    status: loopt",
        "i_poj_shcool",
        "i_poj_school",
    ),
    (UITVOERING, "eigenaar: gem_zandloo", "eigenaar: gem_zandool", "gem_zandool", "gem_zandloo"),
    (
        UITVOERING,
        "interventies: [i_subsidiemenu]",
        "interventies: [i_subsidiemnu]",
        "i_subsidiemnu",
        "i_subsidiemenu",
    ),
]


def _only_sp201(plan: Path) -> Diagnostic:
    result = check(plan)
    assert not with_code(result, "SP202")
    [diag] = with_code(result, "SP201")
    return diag


def _at(diag: Diagnostic, plan: Path, file: str, value: str, occurrence: int = 1) -> None:
    """The diagnostic sits at the n-th line holding ``value``, at the value's column."""
    line = line_of(plan, file, value, occurrence)
    assert (diag.location.file, diag.location.line) == (file, line)
    assert diag.location.col == col_of(plan, file, line, value)


@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_good_examples_have_no_verwijzingen_findings(tmp_path: Path, name: str) -> None:
    if not (EXAMPLES / name).is_dir():
        pytest.skip(f"examples/{name} is not there yet")
    result = check(copy_example(tmp_path, name))
    assert not [d for d in result.diagnostics if d.code.startswith("SP2")]


def test_every_id_kind_is_referenced_by_some_field() -> None:
    assert {v.kind for v in VERWIJZINGEN} == {k.kind for k in KINDS}


def _matches(key_path: tuple[str | int, ...], verwijzing: Reference) -> bool:
    parts = [verwijzing.doc, *verwijzing.pattern.split(".")]
    return len(parts) == len(key_path) and all(
        isinstance(k, int) if p == "*" else k == p for p, k in zip(parts, key_path, strict=True)
    )


@pytest.mark.parametrize(
    ("verwijzing", "case"), list(zip(VERWIJZINGEN, TYPOS, strict=True)), ids=[v.pattern for v in VERWIJZINGEN]
)
def test_sp201_typo_is_found_at_the_value_with_a_suggestion(
    tmp_path: Path, verwijzing: Reference, case: tuple[str, str, str, str, str]
) -> None:
    file, old, new, typo, meant = case
    plan = copy_example(tmp_path)
    replace_once(plan, file, old, new)
    diag = _only_sp201(plan)
    assert _matches(diag.key_path, verwijzing), diag.key_path
    _at(diag, plan, file, typo)
    assert f"'{typo}'" in diag.message
    assert diag.hint.startswith(f"Bedoelde je '{meant}'?")
    assert diag.severity is Severity.ERROR


def test_sp201_message_names_item_role_and_kind(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "trekkers: [gem_zandloo]", "trekkers: [gem_zanldoo]")
    diag = _only_sp201(plan)
    assert diag.message == (
        "Interventie 'i_subsidiemenu' noemt trekker 'gem_zanldoo', maar er is geen partner met die id."
    )
    assert diag.hint == ("Bedoelde je 'gem_zandloo'? Partners staan in 02-samenwerking.yaml onder partners.")
    assert not diag.related


def test_sp201_without_near_miss_says_where_ids_live(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, METEN, "indicator: ind_lezen_2f", "indicator: leesplezier")
    diag = _only_sp201(plan)
    assert diag.message.startswith("Een meting noemt indicator 'leesplezier'")
    assert diag.hint == "Indicatoren staan in 04-resultaten.yaml onder indicatoren, bij hun resultaat."
    _at(diag, plan, METEN, "leesplezier")


def test_sp201_list_item_points_at_the_second_item(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "resultaten: [r_leren]", "resultaten: [r_leren, r_lezen]")
    diag = _only_sp201(plan)
    line = line_of(plan, AANPAK, "resultaten: [r_leren, r_lezen]")
    assert (diag.location.line, diag.location.col) == (line, col_of(plan, AANPAK, line, "r_lezen"))
    assert "Bedoelde je 'r_leren'?" in diag.hint


def test_sp201_post_of_another_geldstroom(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan,
        AANPAK,
        "geldstroom: gs_npo_regio\n        bestedingsdoel: bovenschools\n        bedrag: 7200",
        "geldstroom: gs_npo_heidekring\n        bestedingsdoel: bovenschools\n        bedrag: 7200",
    )
    diag = _only_sp201(plan)
    # the omschrijving of i_subsidiemenu names it first, then the two begroting lines
    _at(diag, plan, AANPAK, "res_subsidiemenu", occurrence=3)
    assert "geldstroom 'gs_npo_heidekring' heeft geen post" in diag.message
    assert "hoort bij geldstroom 'gs_npo_regio'" in diag.hint
    [related] = diag.related
    line = line_of(plan, SAMENWERKING, "- id: res_subsidiemenu")
    assert (related.location.file, related.location.line) == (SAMENWERKING, line)
    assert related.location.col == col_of(plan, SAMENWERKING, line, "res_subsidiemenu")


def test_sp201_unknown_geldstroom_is_reported_once_not_also_its_post(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan,
        AANPAK,
        "geldstroom: gs_npo_regio\n        bestedingsdoel: bovenschools\n        bedrag: 7200",
        "geldstroom: gs_npo_rgeio\n        bestedingsdoel: bovenschools\n        bedrag: 7200",
    )
    diag = _only_sp201(plan)
    _at(diag, plan, AANPAK, "gs_npo_rgeio")
    assert "geen geldstroom met die id" in diag.message


def test_sp202_duplicate_partner_at_second_with_related_first(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, SAMENWERKING, "- id: gem_aarveld", "- id: gem_zandloo")
    [diag] = with_code(check(plan), "SP202")
    _at(diag, plan, SAMENWERKING, "gem_zandloo", occurrence=2)
    assert diag.message == ("Er is al een partner met id 'gem_zandloo'; ids van partners moeten uniek zijn.")
    assert diag.severity is Severity.ERROR
    [related] = diag.related
    first = line_of(plan, SAMENWERKING, "- id: gem_zandloo")
    assert (related.location.file, related.location.line) == (SAMENWERKING, first)
    assert related.location.col == col_of(plan, SAMENWERKING, first, "gem_zandloo")


def test_sp202_indicator_ids_are_unique_across_resultaten(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, RESULTATEN, "- id: ind_bereik_online", "- id: ind_lezen_2f")
    [diag] = with_code(check(plan), "SP202")
    _at(diag, plan, RESULTATEN, "ind_lezen_2f", occurrence=2)
    assert diag.related[0].location.line == line_of(plan, RESULTATEN, "- id: ind_lezen_2f")


def test_sp202_post_ids_are_unique_across_geldstromen(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(
        plan,
        SAMENWERKING,
        "bestedingsdoelen: [c_sociaal_emotioneel_fysiek, d_executieve_functies]\n",
        "bestedingsdoelen: [c_sociaal_emotioneel_fysiek, d_executieve_functies]\n"
        "    posten:\n      - id: res_subsidiemenu\n        naam: Scholen\n"
        "        bedrag: 1000\n",
    )
    [diag] = with_code(check(plan), "SP202")
    _at(diag, plan, SAMENWERKING, "res_subsidiemenu", occurrence=2)
    assert "post" in diag.message


def test_sp202_same_id_in_different_kinds_is_fine(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    replace_once(plan, AANPAK, "- id: i_hei_online", "- id: sw_deheide")
    replace_once(plan, UITVOERING, "interventie: i_hei_online", "interventie: sw_deheide")
    result = check(plan)
    assert not with_code(result, "SP202") and not with_code(result, "SP201")
