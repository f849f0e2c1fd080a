"""samenplan render: golden files, HTML structure, money sums, escaping, forced concepts."""

import functools
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from ruamel.yaml import YAML

from samenplan.check.run import CheckResult, check_plan
from samenplan.document.blocks import Bullets, Paragraph, blocks
from samenplan.document.gitinfo import git_commit
from samenplan.document.links import safe_url
from samenplan.document.mermaid import gantt_text, mermaid_label
from samenplan.document.render import RenderError, render_report
from samenplan.document.templatefiles import read_template
from samenplan.dutch import euro, number
from samenplan.plan.steps import STEPS
from samenplan.safetext import markdown as md_escape
from support import EXAMPLES, ROOT, copy_example, edit

GOLDEN = Path(__file__).resolve().parent / "golden" / "render"
TODAY = date(2024, 11, 1)
UPDATE = os.environ.get("SAMENPLAN_UPDATE_GOLDEN") == "1"


def render(plan: Path | CheckResult, fmt: str, **options: Any) -> str:
    result = plan if isinstance(plan, CheckResult) else check_plan(plan)
    options.setdefault("today", TODAY)
    options.setdefault("git", False)
    return render_report(result, fmt, **options)  # type: ignore[arg-type]


@functools.cache
def example(name: str, fmt: str) -> str:
    return render(EXAMPLES / name, fmt)


# --- Golden files and determinism ---------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("name", ["rivierstad", "heidedorpen"])
def test_golden(name: str, fmt: str) -> None:
    golden = GOLDEN / f"{name}.{fmt}"
    text = without_stylesheet(example(name, fmt))
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"{golden} ontbreekt: draai met SAMENPLAN_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{golden.name} wijkt af; bekijk het verschil en draai met SAMENPLAN_UPDATE_GOLDEN=1"
    )


STYLESHEET = "<style>\n/* templates/report/style.css, inlined (tested apart) */\n</style>"


_FIRST_STYLE = re.compile(r"<style>\n(.*?)\n</style>", re.S)


def without_stylesheet(text: str) -> str:
    """The document with its first <style> block (the inlined style.css) replaced by a marker.

    The golden files compare what a plan puts in the document; the stylesheet would otherwise
    be repeated in each of them. test_the_stylesheet_is_inlined_whole checks the inlining.
    """
    return _FIRST_STYLE.sub(STYLESHEET, text, count=1)


def test_the_stylesheet_is_inlined_whole() -> None:
    css = (ROOT / "templates" / "report" / "style.css").read_text(encoding="utf-8")
    html = example("heidedorpen", "html")
    inlined = _FIRST_STYLE.search(html)
    assert inlined is not None
    assert inlined.group(1).splitlines() == [line.rstrip() for line in css.strip("\n").splitlines()]
    assert html.count("<style>") == 1  # no theme: one stylesheet, nothing else inlined


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_same_plan_and_day_give_the_same_bytes(fmt: str) -> None:
    first = render(EXAMPLES / "rivierstad", fmt)
    second = render(EXAMPLES / "rivierstad", fmt)
    assert first.encode() == second.encode()
    assert render(EXAMPLES / "rivierstad", fmt, today=date(2025, 1, 2)) != first


# --- HTML structure -----------------------------------------------------------------------


@dataclass
class Table:
    caption: str = ""
    rows: list[list[str]] = field(default_factory=list)
    th_scopes: list[str | None] = field(default_factory=list)


@dataclass
class Svg:
    attrs: dict[str, str | None]
    children: list[str] = field(default_factory=list)


class Structure(HTMLParser):
    """Collects what the accessibility and safety checks look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.tables: list[Table] = []
        self.svgs: list[Svg] = []
        self.ids: list[str] = []
        self._table: list[Table] = []
        self._text: list[str] | None = None
        self._row: list[str] | None = None
        self._depth_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "svg":
            self.svgs.append(Svg(a))
            self._depth_svg = 1
        elif self._depth_svg:
            if self._depth_svg == 1:
                self.svgs[-1].children.append(tag)
            self._depth_svg += 1
        self._start_table_tag(tag, a)

    def _start_table_tag(self, tag: str, a: dict[str, str | None]) -> None:
        if tag == "table":
            self._table.append(Table())
        elif tag == "tr" and self._table:
            self._row = []
        elif tag in ("td", "th", "caption") and self._table:
            self._text = []
            if tag == "th":
                self._table[-1].th_scopes.append(a.get("scope"))

    def handle_endtag(self, tag: str) -> None:
        if self._depth_svg:
            self._depth_svg -= 1
        if tag == "table" and self._table:
            self.tables.append(self._table.pop())
        elif tag == "tr" and self._row is not None and self._table:
            self._table[-1].rows.append(self._row)
            self._row = None
        elif tag in ("td", "th", "caption") and self._text is not None and self._table:
            text = " ".join("".join(self._text).split())
            if tag == "caption":
                self._table[-1].caption = text
            elif self._row is not None:
                self._row.append(text)
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def attrs(self, name: str) -> list[str]:
        return [str(a[name]) for _, a in self.tags if a.get(name) is not None]


def parse(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


def plan_links(name: str) -> set[str]:
    """Every link a plan holds (bronnen, bestaand beleid) and the regelingen catalog's sources."""
    found = set(
        re.findall(
            r"https?://[^\s\"']+",
            "".join(p.read_text(encoding="utf-8") for p in (EXAMPLES / name).glob("*.yaml")),
        )
    )
    catalog = (ROOT / "src" / "samenplan" / "data" / "regelingen.yaml").read_text(encoding="utf-8")
    return found | set(re.findall(r"https?://[^\s\"']+", catalog))


@pytest.mark.parametrize("name", ["rivierstad", "heidedorpen"])
def test_html_is_accessible_in_structure(name: str) -> None:
    html = example(name, "html")
    doc = parse(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl"')
    mains = [a for t, a in doc.tags if t == "main"]
    assert len(mains) == 1 and mains[0]["id"] == "inhoud"
    skip = [a for t, a in doc.tags if t == "a" and "utrecht-skip-link" in str(a.get("class"))]
    assert skip and skip[0]["href"] == "#inhoud"
    assert len(doc.ids) == len(set(doc.ids)), "ids must be unique"
    targets = {h[1:] for h in doc.attrs("href") if h.startswith("#")}
    assert targets <= set(doc.ids)
    assert doc.headings[0] == 1 and doc.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(doc.headings, doc.headings[1:], strict=False))


@pytest.mark.parametrize("name", ["rivierstad", "heidedorpen"])
def test_html_tables_and_charts_are_labelled(name: str) -> None:
    doc = parse(example(name, "html"))
    assert len(doc.tables) > 20
    for table in doc.tables:
        assert table.caption, table.rows[:1]
        assert table.th_scopes and set(table.th_scopes) <= {"col", "row"}
    resultaten = _yaml(EXAMPLES / name, "04-resultaten.yaml")["resultaten"]
    indicatoren = [i for r in resultaten for i in r.get("indicatoren", [])]
    # money, timeline, a rode draad per resultaat, a course per indicator with a value
    charts = 2 + len(resultaten) + sum(1 for i in indicatoren if i.get("nulmeting") or i.get("streefwaarde"))
    assert len(doc.svgs) == charts
    for svg in doc.svgs:
        assert svg.attrs["role"] == "img" and svg.attrs["aria-labelledby"]
        assert svg.children[:2] == ["title", "desc"]
        assert set(str(svg.attrs["aria-labelledby"]).split()) <= set(doc.ids)


@pytest.mark.parametrize("name", ["rivierstad", "heidedorpen"])
def test_html_is_self_contained(name: str) -> None:
    html = example(name, "html")
    doc = parse(html)
    assert "<script" not in html.lower()
    assert not [t for t, _ in doc.tags if t in ("link", "img", "iframe", "object", "embed")]
    external = {u for u in doc.attrs("href") + doc.attrs("src") if not u.startswith("#")}
    assert external <= plan_links(name)
    assert external, "the plan's own links are links"
    assert "@import" not in html and "url(" not in html


def test_html_steps_carry_the_nji_titles() -> None:
    doc = parse(example("heidedorpen", "html"))
    texts = re.findall(r"<h2 class=\"utrecht-heading-2\">([^<]*)</h2>", example("heidedorpen", "html"))
    for step in STEPS:
        assert f"Stap {step.number} – {step.title}" in texts
    assert doc.headings.count(2) == len(texts)


def test_coverage_gaps_are_text_not_colour(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    aanpak = (plan / "05-aanpak.yaml").read_text(encoding="utf-8")
    (plan / "05-aanpak.yaml").write_text(aanpak.replace("online", "thuis"), encoding="utf-8")
    html = render(plan, "html", force=True)
    md = render(plan, "md", force=True)
    assert "Geen enkele interventie bereikt: online." in html
    assert "0 – gat" in html and "0 – gat" in md
    assert '<span aria-hidden="true">✓</span><span class="samenplan-visually-hidden">ja</span>' in html


# --- Money ---------------------------------------------------------------------------------


def _yaml(plan: Path, file: str) -> Any:
    return YAML(typ="safe").load((plan / file).read_text(encoding="utf-8"))


def independent_money(plan: Path) -> dict[str, tuple[int, int]]:
    """Geldstroom naam → (bedrag, toegewezen), straight from the YAML."""
    stromen = _yaml(plan, "02-samenwerking.yaml")["geldstromen"]
    lines = [r for iv in _yaml(plan, "05-aanpak.yaml")["interventies"] for r in iv.get("begroting", [])]
    money = {}
    for g in stromen:
        own = [r for r in lines if r["geldstroom"] == g["id"]]
        res = g.get("posten", [])
        direct = sum(r["bedrag"] for r in own if not r.get("post"))
        money[g["naam"]] = (g["bedrag"], direct + sum(r["bedrag"] for r in res))
    return money


def dutch_euro(amount: int) -> str:
    return "€ " + f"{amount:,}".replace(",", ".")


@pytest.mark.parametrize("name", ["rivierstad", "heidedorpen"])
def test_money_in_the_report_equals_the_sums_of_the_plan(name: str) -> None:
    money = independent_money(EXAMPLES / name)
    doc = parse(example(name, "html"))
    table = next(t for t in doc.tables if t.caption == "Geld per geldstroom")
    rows = {r[0]: r for r in table.rows[1:]}
    for naam, (bedrag, toegewezen) in money.items():
        row = rows[naam]
        assert row[2:4] == [dutch_euro(bedrag), dutch_euro(toegewezen)]
        assert row[5] == dutch_euro(bedrag - toegewezen)
    total = sum(b for b, _ in money.values())
    allocated = sum(t for _, t in money.values())
    assert rows["Totaal"][2:4] == [dutch_euro(total), dutch_euro(allocated)]
    md = example(name, "md")
    assert f"- **Beschikbaar in het plan:** {dutch_euro(total)}" in md
    assert f"- **Toegewezen aan interventies en posten:** {dutch_euro(allocated)}" in md


def test_lines_from_a_post_count_inside_it_and_verdelingen_never() -> None:
    doc = parse(example("heidedorpen", "html"))
    res = next(t for t in doc.tables if t.caption.startswith("Posten en wat"))
    row = next(r for r in res.rows if r[0].startswith("Subsidiemenu"))
    assert row[3:] == ["€ 90.000", "€ 18.400", "€ 71.600"]  # 11.200 + 7.200 drawn from it
    stroom = next(t for t in doc.tables if t.caption == "Geld per geldstroom")
    npo = next(r for r in stroom.rows if r[0].startswith("NPO-geld gemeenten Heidedorpen"))
    assert npo[2:4] == ["€ 312.000", dutch_euro(independent_money(EXAMPLES / "heidedorpen")[npo[0]][1])]


def test_over_allocation_shows_in_words(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "02-samenwerking.yaml", "bedrag: 312000", "bedrag: 100000")
    html = render(plan, "html", force=True)
    assert "te veel" in html and "Concept — bevat fouten" in html


# --- Escaping and injection ----------------------------------------------------------------

PAYLOADS = (
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "[x](javascript:alert(1))",
    '" onmouseover="x',
    "{% raw %}",
    "**vet** _schuin_ `code` | # kop",
)


def _inject(plan: Path) -> str:
    bad = " ".join(PAYLOADS)
    quoted = '"' + bad.replace("\\", "\\\\").replace('"', '\\"') + '"'
    edit(plan, "samenplan.yaml", "titel: Samen Sterker in de Heidedorpen 2023-2025", f"titel: {quoted}")
    edit(plan, "05-aanpak.yaml", "naam: Subsidiemenu Samen Sterker in de dorpen", f"naam: {quoted}")
    text = (plan / "03-analyse.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "bronnen:\n",
        f"bronnen:\n  - id: b_evil\n    naam: {quoted}\n"
        "    soort: cijfers\n    link: javascript:alert(1)\n"
        "  - id: b_evil2\n    naam: quotes\n    soort: cijfers\n"
        "    link: 'https://example.org/a\"onmouseover=\"x'\n",
        1,
    )
    (plan / "03-analyse.yaml").write_text(text, encoding="utf-8")
    urg = (plan / "01-urgentie.yaml").read_text(encoding="utf-8")
    urg = urg.replace("gedeelde_urgentie: |\n", f"gedeelde_urgentie: |\n  {bad}\n\n  - {bad}\n", 1)
    (plan / "01-urgentie.yaml").write_text(urg, encoding="utf-8")
    return bad


def test_plan_text_cannot_inject_html(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _inject(plan)
    result = check_plan(plan)
    assert result.loaded.plan is not None, result.diagnostics
    html = render(result, "html", force=True)
    doc = parse(html)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% raw %}" in html
    assert not any(h.lower().startswith("javascript") for h in doc.attrs("href"))
    assert not any("onmouseover" in a for _, attrs in doc.tags for a in attrs)
    assert "https://example.org/a%22onmouseover=%22x" in doc.attrs("href")
    assert "<title>&lt;script&gt;" in html


def test_plan_text_cannot_inject_markdown(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    bad = _inject(plan)
    md = render(plan, "md", force=True)
    assert not re.search(r"(?<!\\)<script|(?<!\\)\]\(javascript", md)
    assert r"\{\{ 7\*7 \}\}" in md
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in rendered and 'href="javascript' not in rendered
    assert escapeHtml(bad) in rendered, "the payload renders as the same literal text"


def test_mermaid_labels_cannot_break_out(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    _inject(plan)
    md = render(plan, "md", force=True)
    for block in re.findall(r"```mermaid\n(.*?)```", md, flags=re.S):
        for line in block.splitlines():
            label = re.fullmatch(r"\s+(?:n\d+|subgraph g\d+)(\[\"(.*)\"\])", line)
            if label:
                assert '"' not in label.group(2) and "<" not in label.group(2)
            elif ":" in line and not line.strip().startswith(("title", "dateFormat", "axisFormat")):
                name = line.split(":", 1)[0]
                assert not set(name) & set('#;%<>"`'), line


@given(st.text(alphabet=st.sampled_from(list("ab1 \n\t.-+=)(#*_`[]<>!|~$&{}\\:/\"'é9")), max_size=40))
def test_md_escape_renders_as_the_literal_text(text: str) -> None:
    flat = " ".join(text.split())
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(md_escape(text))
    expected = f"<p>{escapeHtml(flat)}</p>\n" if flat else ""
    assert rendered == expected


def test_md_escape_keeps_plain_text_readable() -> None:
    assert (
        md_escape("In 2025 haalt 63% (2022: 55%) het niveau.") == "In 2025 haalt 63% (2022: 55%) het niveau."
    )
    assert md_escape("5.300 leerlingen") == "5.300 leerlingen"
    assert md_escape("1. eerste") == r"1\. eerste"
    assert md_escape("- los") == r"\- los"


@given(st.text(max_size=80))
def test_mermaid_label_stays_one_quoted_label(text: str) -> None:
    label = mermaid_label(text)
    inner = label[2:-2]
    assert label.startswith('["') and label.endswith('"]')
    assert not set(inner) & set('"\n\r<>`')


@given(st.text(max_size=80))
def test_gantt_text_has_no_syntax(text: str) -> None:
    name = gantt_text(text)
    assert name and not set(name) & set(":;#%\n\r")
    assert name.split(" ", 1)[0].lower() not in ("section", "click", "title", "dateformat")


def test_only_http_links_become_links() -> None:
    assert safe_url("https://www.nji.nl/a b") == "https://www.nji.nl/a%20b"
    assert safe_url("HTTP://x.nl") == "HTTP://x.nl"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "//x.nl",
        "www.x.nl",
        "http://",
        " https:/x",
        "mailto:a@b.nl",
    ):
        assert safe_url(bad) is None, bad


# --- Errors, force, theme, git -------------------------------------------------------------


def test_a_plan_with_errors_needs_force(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "02-samenwerking.yaml", "bedrag: 312000", "bedrag: 100000")
    result = check_plan(plan)
    with pytest.raises(RenderError, match="--force"):
        render(result, "html")
    html, md = render(result, "html", force=True), render(result, "md", force=True)
    assert '<h2 class="utrecht-heading-2" id="concept">Concept — bevat fouten</h2>' in html
    assert html.index("Concept — bevat fouten") < html.index('id="samenvatting"')
    assert md.splitlines()[2] == "## Concept — bevat fouten"
    assert "Concept — bevat fouten" not in example("heidedorpen", "html")
    assert "Concept — bevat fouten" not in render(EXAMPLES / "heidedorpen", "md", force=True)


def test_a_plan_that_does_not_load_cannot_be_rendered(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "samenplan.yaml", "fase: besluit", "fase: klaar")
    with pytest.raises(RenderError, match="niet worden gelezen"):
        render(plan, "html", force=True)


def test_theme_css_comes_after_the_default_and_stays_css() -> None:
    theme = ":root { --utrecht-heading-color: #0a2b4c; } </style><script>x</script>"
    html = render(EXAMPLES / "heidedorpen", "html", theme_css=theme)
    assert html.index("--utrecht-heading-color: #12335b") < html.index("#0a2b4c")
    assert "</style><script>" not in html and "<script" not in html


GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@t",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@t",
    "GIT_CEILING_DIRECTORIES": "/",
}


def git(plan: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=plan, env=GIT_ENV, check=True, capture_output=True)


def test_git_commit_is_shown_only_when_the_plan_files_are_committed_and_unchanged(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    assert "Versie" not in render(plan, "md", git=True), "outside git there is no version to name"
    git(plan, "init", "-q")
    assert "- **Versie:** niet vastgelegde wijzigingen" in render(plan, "md", git=True)
    git(plan, "add", ".")
    git(plan, "commit", "-q", "-m", "plan")
    commit = git_commit(plan)
    assert commit and re.fullmatch(r"[0-9a-f]{4,40}", commit)
    assert f"- **Versie:** git-commit {commit}" in render(plan, "md", git=True)
    assert "Versie" not in render(plan, "md", git=False)
    (plan / "plan.html").write_text("a rendered document is no plan file", encoding="utf-8")
    assert f"git-commit {commit}" in render(plan, "md", git=True)
    edit(plan, "samenplan.yaml", "Samen Sterker in de Heidedorpen", "Samen Sterker")
    changed = render(plan, "md", git=True)
    assert "- **Versie:** niet vastgelegde wijzigingen" in changed and commit not in changed
    git(plan, "checkout", "--", "samenplan.yaml")
    (plan / "07-uitvoering.yaml").rename(plan / "07-uitvoering.yaml.bak")
    (plan / "07-uitvoering.yaml.bak").rename(plan / "07-uitvoering.yaml")
    assert f"git-commit {commit}" in render(plan, "md", git=True)
    git(plan, "rm", "-q", "--cached", "07-uitvoering.yaml")
    assert "niet vastgelegde wijzigingen" in render(plan, "md", git=True), "an untracked plan file"


def test_markdown_has_diagrams_and_well_formed_tables() -> None:
    md = example("rivierstad", "md")
    assert md.count("```mermaid\nflowchart LR") == 1 and md.count("```mermaid\ngantt") == 1
    gantt = md.split("```mermaid\ngantt", 1)[1].split("```", 1)[0]
    assert "axisFormat %Y-%m" in gantt and "tickInterval 6month" in gantt, (
        "an axis that tells the years apart"
    )
    assert "looptijd" not in gantt
    for naam in ("Zomerschool Rivierstad", "Thuiszitterspact Rivierstad"):
        assert re.search(rf"^    {naam} :t\d+, \d{{4}}-\d\d-\d\d, \d{{4}}-\d\d-\d\d$", gantt, flags=re.M), (
            naam
        )
    assert all(len(line.split(" :")[0].strip()) <= 41 for line in gantt.splitlines() if " :" in line)
    assert re.search(r"^    Einde plan :milestone, einde, 2025-07-31, 0d$", gantt, flags=re.M)
    for step in STEPS:
        assert f"\n## Stap {step.number} – {step.title}\n" in md
    for table in re.findall(r"(?:^\|.*\|\n)+", md, flags=re.M):
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in table.splitlines()}
        assert len(widths) == 1, table[:200]
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    separators = re.findall(r"^\|(?: :?---:? \|)+$", md, flags=re.M)
    assert rendered.count("<table>") == len(separators) > 20


def test_report_modules_do_not_import_jinja_until_rendering() -> None:
    code = (
        "import sys, samenplan.document.render, samenplan.check.run; "
        "assert 'jinja2' not in sys.modules, 'jinja2 imported early'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_templates_are_found_and_paths_stay_inside() -> None:
    assert read_template("plan.html.j2") and read_template("style.css")
    assert read_template("../plan/_kop.j2") is None and read_template("nope.j2") is None


# --- Small pieces ---------------------------------------------------------------------------


def test_blocks_keep_paragraphs_and_simple_lists() -> None:
    text = "Eerste regel\nloopt door.\n\nLijst:\n- een\n  twee\n- drie\n\nSlot."
    assert blocks(text) == (
        Paragraph("Eerste regel loopt door."),
        Paragraph("Lijst:"),
        Bullets(("een twee", "drie")),
        Paragraph("Slot."),
    )
    assert blocks("  \n") == ()


def test_dutch_amounts_and_numbers() -> None:
    assert euro(Decimal(12500)) == "€ 12.500"
    assert euro(Decimal("1250.5")) == "€ 1.250,50"
    assert euro(Decimal(-300)) == "€ -300"
    assert number(Decimal("5300")) == "5.300" and number(Decimal("12.50")) == "12,5"
    assert number(Decimal("-0.5")) == "-0,5"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("utrecht-document-color", "utrecht-document-background-color"),
        ("utrecht-heading-color", "utrecht-document-background-color"),
        ("utrecht-link-color", "utrecht-document-background-color"),
        ("utrecht-link-visited-color", "utrecht-document-background-color"),
        ("utrecht-table-header-color", "utrecht-table-header-background-color"),
        ("utrecht-table-caption-color", "utrecht-document-background-color"),
        ("utrecht-document-color", "utrecht-table-total-background-color"),
        ("utrecht-alert-error-color", "utrecht-alert-error-background-color"),
        ("samenplan-muted-color", "utrecht-document-background-color"),
        ("samenplan-gap-color", "samenplan-gap-background-color"),
        ("utrecht-focus-outline-color", "utrecht-focus-background-color"),
    ],
)
def test_default_colours_have_aa_contrast(text: str, background: str) -> None:
    css = read_template("style.css") or ""
    tokens = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6});", css))
    assert contrast(tokens[text], tokens[background]) >= 4.5
