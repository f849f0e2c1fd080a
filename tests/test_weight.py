"""Findings carry a weight; the text report opens with the heaviest points (issue 11, point 4)."""

import json
from pathlib import Path

from conftest import ROOT
from rulecase import check, copy_example, with_code
from samenplan.check.engine import CASCADES
from samenplan.check.rules import all_rules
from samenplan.check.run import check_plan
from samenplan.diagnostics import Severity, Weight
from samenplan.output.json_report import format_json
from samenplan.output.sarif import sarif_log
from samenplan.output.text import DETAILS_TITLE, TOP_TITLE, format_text, top_points

FLAWED = ROOT / "examples" / "vol-fouten"


def test_vol_fouten_opens_with_the_plan_wide_errors_in_a_fixed_order() -> None:
    result = check_plan(FLAWED)
    text = format_text(result)
    lines = text.splitlines()
    assert lines[0] == TOP_TITLE
    assert lines[1:4] == [
        "  1. Bij de partners staat geen gemeente; een samenplan maken gemeente en onderwijs "
        "samen. (fout, geldt voor het hele plan)",
        "  2. Bij de partners staat geen schoolbestuur en geen samenwerkingsverband; een "
        "samenplan maken gemeente en onderwijs samen. (fout, geldt voor het hele plan)",
        "  3. Stap 2 zegt niet hoe jongeren meedoen; het NJi vraagt bijzondere aandacht voor "
        "het betrekken van jongeren en ouders. (fout, geldt voor het hele plan)",
    ]
    assert lines[5] == DETAILS_TITLE
    assert lines[7].startswith(f"{FLAWED.as_posix()}/01-urgentie.yaml:2:13: SP801"), "then per file"


def test_plan_wide_comes_before_a_part_before_one_place(tmp_path: Path) -> None:
    # In heidedorpen (fase besluit): a wrong trekker (one place), an overspent geldstroom
    # (a part) and no risico's (the whole plan): all errors, the plan-wide one first.
    plan = copy_example(tmp_path)
    aanpak = plan / "05-aanpak.yaml"
    aanpak.write_text(
        aanpak.read_text(encoding="utf-8").replace("trekkers: [sw_deheide]", "trekkers: [sw_deheid]", 1),
        encoding="utf-8",
    )
    samen = plan / "02-samenwerking.yaml"
    samen.write_text(
        samen.read_text(encoding="utf-8").replace("bedrag: 84000", "bedrag: 80000"), encoding="utf-8"
    )
    uitvoering = plan / "07-uitvoering.yaml"
    text = uitvoering.read_text(encoding="utf-8")
    start, end = text.index("risicos:\n"), text.index("\nborging:")
    uitvoering.write_text(text[:start] + "risicos: []\n" + text[end:], encoding="utf-8")
    result = check(plan)
    weights = {d.code: d.weight for d in result.diagnostics}
    assert weights == {"SP201": Weight.PLEK, "SP304": Weight.ONDERDEEL, "SP705": Weight.PLAN}
    assert {d.severity for d in result.diagnostics} == {Severity.ERROR}
    points = top_points(result)
    assert [p.split(". ", 1)[0].strip() for p in points] == ["1", "2", "3"]
    assert "risico" in points[0] and "gs_npo_heidekring" in points[1] and "sw_deheid" in points[2]


def test_no_opening_for_a_clean_plan_or_a_single_finding(tmp_path: Path) -> None:
    result = check(copy_example(tmp_path))
    assert top_points(result) == []
    assert TOP_TITLE not in format_text(result)


def test_json_and_sarif_carry_the_weight() -> None:
    result = check_plan(FLAWED)
    data = json.loads(format_json(result))
    by_code = {f["code"]: f for f in data["findings"]}
    assert (by_code["SP705"]["weight"], by_code["SP705"]["weight_label"]) == (1, "plek")
    assert (by_code["SP704"]["weight"], by_code["SP704"]["weight_label"]) == (3, "plan")
    assert (by_code["SP312"]["weight"], by_code["SP312"]["weight_label"]) == (2, "onderdeel")
    results = sarif_log(result)["runs"][0]["results"]
    sarif = {r["ruleId"]: r for r in results}
    assert sarif["SP704"]["rank"] == 90.0 and sarif["SP704"]["properties"] == {"weight": "plan"}
    assert sarif["SP312"]["rank"] == 60.0
    assert sarif["SP201"]["rank"] == 30.0


def test_every_cascade_names_real_rules_and_is_documented() -> None:
    rules = {r.code.code: r for r in all_rules()}
    for c in CASCADES:
        assert c.first in rules and c.then in rules, c
        assert c.first in rules[c.then].code.doc, f"say in {c.then}'s docs that {c.first} goes first"


def test_a_cascade_leaves_the_second_finding_out_only_at_the_same_place(tmp_path: Path) -> None:
    # SP402 on r_jongeren does not hide SP406 on another resultaat.
    plan = copy_example(tmp_path)
    res = plan / "04-resultaten.yaml"
    text = res.read_text(encoding="utf-8")
    cut = text.index("    indicatoren:\n      - id: ind_eenzaam_jongeren")
    res.write_text(text[:cut] + "    indicatoren: []\n", encoding="utf-8")
    result = check(plan)
    assert [d.key_path[:3] for d in with_code(result, "SP402")] == [("resultaten", "resultaten", 2)]
    assert with_code(result, "SP406") == []
