"""Shape 12 of formaat 2: the frames a plan belongs to, related projects, and its history.

tests/fixtures/formaat2/kader-en-versies is heidedorpen with `kader`, `gerelateerd`,
`vastgesteld_op`, `wijzigingen` and `vervolg` in samenplan.yaml.
"""

import html
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from samenplan.check.run import check_plan
from samenplan.document.render import render_report
from samenplan.plan.models.common import Bedrag, Datum
from support import EXAMPLES, ROOT, Cli, edit

PLAN = ROOT / "tests" / "fixtures" / "formaat2" / "kader-en-versies"
TODAY = date(2024, 11, 1)


def render(plan: Path, fmt: str) -> str:
    return render_report(check_plan(plan), fmt, today=TODAY, git=False)  # type: ignore[arg-type]


def between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i : text.index(end, i)]


def test_the_plan_loads_and_check_finds_nothing() -> None:
    result = check_plan(PLAN)
    assert result.diagnostics == []
    assert result.loaded.plan is not None
    m = result.loaded.plan.manifest
    assert [k.naam for k in m.kader] == [
        "Lokale Educatieve Agenda Heidedorpen 2022-2026",
        "Regionale onderwijsagenda De Heide",
    ]
    assert [(g.naam, g.budget) for g in m.gerelateerd] == [
        ("Gezond in de Heidedorpen (JOGG)", Bedrag.euro(200000)),
        ("Bibliotheek op school", None),
    ]
    assert m.vastgesteld_op == Datum.dag(date(2023, 11, 14))
    assert [w.datum for w in m.wijzigingen] == [Datum.dag(date(2024, 3, 12)), Datum.dag(date(2024, 6, 18))]
    assert m.vervolg.startswith("Vervolgplan 2025-2027")


def test_markdown_says_where_the_plan_belongs_and_its_history() -> None:
    md = render(PLAN, "md")
    assert between(md, "### Over dit plan", "### Controle").splitlines() == [
        "### Over dit plan",
        "",
        "- **Dit plan hoort bij:** [Lokale Educatieve Agenda Heidedorpen 2022-2026]"
        "(<https://www.heidebeek.example/lea>)",
        "- **Dit plan hoort bij:** Regionale onderwijsagenda De Heide (Raadsinformatiebrief 2022-41 van "
        "de gemeente Zandloo)",
        "- **Vastgesteld op:** 14 november 2023",
        "- **Gewijzigd op 12 maart 2024:** Verlenging van het NPO verwerkt.",
        "- **Gewijzigd op 18 juni 2024:** Budget voor de huiswerkclub verhoogd met geld dat over was bij "
        "de subsidie.",
        "- **Vervolg:** Vervolgplan 2025-2027 (in voorbereiding, besluit verwacht in juni 2025).",
        "",
        "**Samenhangende projecten met een eigen budget, buiten dit plan**",
        "",
        "| Project | Eigen budget | Samenhang met dit plan |",
        "| --- | ---: | --- |",
        "| Gezond in de Heidedorpen (JOGG) | € 200.000 | Het beweegaanbod van de buurtsportcoaches "
        "sluit aan op dit plan. |",
        "| Bibliotheek op school | onbekend | De bibliotheken betalen de leesconsulenten zelf. |",
        "",
    ]


def test_html_says_the_same_with_a_real_link() -> None:
    page = render(PLAN, "html")
    part = between(page, ">Over dit plan<", ">Controle<")
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part)))
    for sentence in (
        "Dit plan hoort bij Lokale Educatieve Agenda Heidedorpen 2022-2026",
        "Vastgesteld op 14 november 2023",
        "Gewijzigd op 12 maart 2024 Verlenging van het NPO verwerkt.",
        "Vervolg Vervolgplan 2025-2027",
        "Bibliotheek op school onbekend",
        "Gezond in de Heidedorpen (JOGG) € 200.000",
    ):
        assert sentence in text, sentence
    assert 'href="https://www.heidebeek.example/lea"' in part
    assert "Zandloo)" in text and 'href="Raadsinformatiebrief' not in part


def test_related_budgets_are_not_money_of_the_plan() -> None:
    def beschikbaar(md: str) -> str:
        return next(line for line in md.splitlines() if line.startswith("- **Beschikbaar in het plan:**"))

    assert beschikbaar(render(PLAN, "md")) == beschikbaar(render(EXAMPLES / "heidedorpen", "md"))


def test_nothing_is_shown_when_the_plan_says_nothing() -> None:
    md = render(EXAMPLES / "heidedorpen", "md")
    assert "Over dit plan" not in md and "Dit plan hoort bij" not in md


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("    wat: Verlenging van het NPO verwerkt.\n", "", "SP008"),
        ("vastgesteld_op: 2023-11-14", "vastgesteld_op: 2023-11-31", "SP011"),
        ("    budget: 200000\n", "    budget: -5\n", "SP012"),
        ("  - naam: Bibliotheek op school\n", "  - naam: ''\n", "SP013"),
        ("vervolg: Vervolgplan", "vervlog: Vervolgplan", "SP007"),
    ],
)
def test_wrong_values_are_named(tmp_path: Path, old: str, new: str, code: str) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    edit(plan, "samenplan.yaml", old, new)
    assert [d.code for d in check_plan(plan).diagnostics] == [code]


def test_diff_tells_a_new_wijziging_and_project(tmp_path: Path, cli: Cli) -> None:
    run = cli("diff", EXAMPLES / "heidedorpen", PLAN)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    section = lines[lines.index("Het plan") :]
    for line in (
        "- Vastgesteld op: geen → 14 november 2023",
        "- Nieuw: kader 'Lokale Educatieve Agenda Heidedorpen 2022-2026'",
        "- Nieuw: gerelateerd project 'Gezond in de Heidedorpen (JOGG)' (eigen budget: € 200.000)",
        "- Nieuw: wijziging '18 juni 2024' (wat: Budget voor de huiswerkclub verhoogd met geld dat over "
        "was bij de subsidie.)",
    ):
        assert line in section, (line, section)


@pytest.mark.parametrize(
    ("datum", "found"),
    [
        ("2023-11-13", True),  # the day before
        ("2023-10", True),  # a month wholly before
        ("2023-11", False),  # the month of the vaststelling: it may be after it
        ("2023-11-14", False),  # the same day
        ("2023", False),
        ("onbekend", False),  # never compared
    ],
)
def test_a_wijziging_before_the_vaststelling_is_reported_at_its_date(
    datum: str, found: bool, tmp_path: Path
) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    edit(plan, "samenplan.yaml", "  - datum: 2024-03-12\n", f"  - datum: {datum}\n")
    text = (plan / "samenplan.yaml").read_text(encoding="utf-8")
    line = text[: text.index(f"  - datum: {datum}\n")].count("\n") + 1
    sp610 = [d for d in check_plan(plan).diagnostics if d.code == "SP610"]
    assert bool(sp610) is found
    if found:
        [d] = sp610
        assert (d.location.file, d.location.line) == ("samenplan.yaml", line)
        assert "vóór de vaststelling van het plan (op 14 november 2023)" in d.message
        assert [r.location.line for r in d.related] == [text[: text.index("vastgesteld_op:")].count("\n") + 1]


def test_without_a_vaststelling_no_wijziging_is_compared(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(PLAN, plan)
    edit(plan, "samenplan.yaml", "vastgesteld_op: 2023-11-14\n", "")
    edit(plan, "samenplan.yaml", "  - datum: 2024-03-12\n", "  - datum: 2001-01-01\n")
    assert "SP610" not in [d.code for d in check_plan(plan).diagnostics]
