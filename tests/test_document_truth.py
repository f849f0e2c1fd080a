"""The document says what the plan says, and no more: two audiences, fase and banner, one name
per resultaat, optional dimensions, 'geen' for empty cells, the timeline's gaps and end."""

import re
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from samenplan.check.run import check_plan
from samenplan.document.render import render_report
from support import EXAMPLES, GOOD_EXAMPLES, copy_example

TODAY = date(2024, 11, 1)


def render(plan: Path, fmt: str, **options: Any) -> str:
    options.setdefault("git", False)
    return render_report(check_plan(plan), fmt, today=TODAY, **options)  # type: ignore[arg-type]


def load(plan: Path, file: str) -> Any:
    return YAML(typ="safe").load((plan / file).read_text(encoding="utf-8"))


def dump(plan: Path, file: str, data: Any) -> None:
    yaml = YAML()
    with (plan / file).open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_decision_document_has_no_file_references_or_tips_and_werkversie_has_them() -> None:
    plan = EXAMPLES / "vol-fouten"
    result = check_plan(plan)
    hints = [d.hint for d in result.diagnostics if d.hint]
    assert hints
    for fmt in ("md", "html"):
        raad = render_report(result, fmt, today=TODAY, git=False, force=True)  # type: ignore[arg-type]
        werk = render_report(result, fmt, today=TODAY, git=False, force=True, werkversie=True)  # type: ignore[arg-type]
        assert not re.search(r"\.yaml:\d+", raad) and not re.search(r"\bSP\d{3}\b", raad)
        assert not any(flat(h)[:40] in flat(raad) for h in hints), "no editing tips for the raad"
        n = len(result.diagnostics)
        assert f"{n} punten zijn nog open:" in raad and "stap 5 (Kies de passende aanpak)" in raad
        assert re.search(r"\d{2}-\w+\.yaml:\d+:\d+", werk) and re.search(r"\bSP\d{3}\b", werk)
        assert any(flat(h)[:40] in flat(werk) for h in hints)
        assert "Stand van het plan" in raad and "Controle en volledigheid" in werk
        assert "werkversie voor de werkgroep" in werk and "werkversie voor de werkgroep" not in raad


def test_cover_and_banner_agree_on_a_plan_with_errors(tmp_path: Path) -> None:
    plan = copy_example(tmp_path, "rivierstad")  # fase: uitvoering
    text = (plan / "02-samenwerking.yaml").read_text(encoding="utf-8")
    (plan / "02-samenwerking.yaml").write_text(
        text.replace("bedrag: 950000", "bedrag: 100", 1), encoding="utf-8"
    )
    md = render(plan, "md", force=True)
    assert "## Concept — bevat fouten" in md
    assert "- **Fase:** concept: het plan bevat nog fouten (de werkgroep noemt als fase: uitvoering)" in md
    assert "- **Fase:** uitvoering" not in md
    assert "Meer staat in het hoofdstuk 'Stand van het plan'" in md
    assert "- **Fase:** uitvoering" in render(EXAMPLES / "rivierstad", "md"), (
        "without errors: the plan's fase"
    )


def test_each_resultaat_has_one_name_everywhere() -> None:
    html = render(EXAMPLES / "rivierstad", "html")
    md = render(EXAMPLES / "rivierstad", "md")
    for r in load(EXAMPLES / "rivierstad", "04-resultaten.yaml")["resultaten"]:
        name = flat(r["ambitie"])
        concrete = flat(r["resultaat"])
        assert f'<h3 class="utrecht-heading-3">{name}</h3>' in html.replace("&#39;", "'")
        draad = md.split("**De rode draad per resultaat**", 1)[1].split("\n\n", 2)[1]
        assert f"| {name} |" in draad, "the rode draad table names the resultaat as the headings do"
        assert concrete[:60] not in draad
        assert f"{name[:40]}" in md.split("flowchart LR", 1)[1].split("```", 1)[0].replace("#quot;", '"')
    aanpak = md.split("## Stap 5", 1)[1].split("## Stap 6", 1)[0]
    resultaten = re.findall(r"- \*\*Resultaten:\*\* (.*)", aanpak)
    names = {flat(r["ambitie"]) for r in load(EXAMPLES / "rivierstad", "04-resultaten.yaml")["resultaten"]}
    assert resultaten and all(set(line.split(" · ")) <= names for line in resultaten)


def test_optional_wijk_and_fysiek_are_not_painted_as_gaps(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    aanpak = load(plan, "05-aanpak.yaml")
    for iv in aanpak["interventies"]:
        iv["leefdomeinen"] = [d for d in iv.get("leefdomeinen", []) if d != "wijk"]
        iv["ontwikkelgebieden"] = [o for o in iv.get("ontwikkelgebieden", []) if o != "fysiek"]
    dump(plan, "05-aanpak.yaml", aanpak)
    result = check_plan(plan)
    assert not [d for d in result.diagnostics if d.code in ("SP102", "SP103")], "check: optional"
    md = render(plan, "md", force=True)
    samenhang = md.split("\n## Samenhang: leefdomeinen", 1)[1].split("\n## ", 1)[0]
    assert "0 – gat" not in samenhang and samenhang.count("0 (niet verplicht)") == 2
    assert "Geen enkele interventie bereikt" not in samenhang
    assert "Niet verplicht en door geen interventie bereikt: wijk." in samenhang
    assert "Niet verplicht en door geen interventie bereikt: fysiek." in samenhang


def test_empty_cells_say_geen() -> None:
    for name in GOOD_EXAMPLES:
        md = render(EXAMPLES / name, "md")
        for line in md.splitlines():
            if line.startswith("| ") and not line.startswith("| Totaal") and "---" not in line:
                assert not re.search(r"\|\s+\|", line), line
        assert "| geen |" in md


def test_timeline_names_interventies_without_planning_and_marks_the_end(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    uitvoering = load(plan, "07-uitvoering.yaml")
    dropped = uitvoering["planning"].pop(0)["interventie"]
    dump(plan, "07-uitvoering.yaml", uitvoering)
    naam = next(iv["naam"] for iv in load(plan, "05-aanpak.yaml")["interventies"] if iv["id"] == dropped)
    for fmt in ("md", "html"):
        text = render(plan, fmt, force=True)
        assert "Het plan loopt tot en met 31 juli 2025." in text
        planning = text.split("Deze interventies hebben nog geen planning:", 1)[1][:400]
        assert naam in planning
    html = render(plan, "html", force=True)
    assert ">einde plan</text>" in html and "Doorgetrokken streep: einde plan (31 juli 2025)" in html
    assert "Elke interventie heeft een planning." in render(EXAMPLES / "heidedorpen", "md")


def test_mermaid_has_no_empty_groups(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    resultaten = load(plan, "04-resultaten.yaml")
    for r in resultaten["resultaten"]:
        r["indicatoren"] = []
    dump(plan, "04-resultaten.yaml", resultaten)
    md = render(plan, "md", force=True)
    flow = md.split("flowchart LR", 1)[1].split("```", 1)[0]
    assert '["Indicatoren"]' not in flow
    for group in re.findall(r"subgraph (g\d+)\[.*?\]\n(.*?)    end", flow, flags=re.S):
        assert group[1].strip(), f"{group[0]} is empty"
