"""samenplan render --format docx: Word headings, Word tables whose money equals the plan, lists,
charts as pictures with alternative text, and the styles of a gemeente's own template.

Needs python-docx and cairosvg (samenplan[docx]) and Cairo; `.ci/tools` installs Cairo.
"""

import io
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Pt, RGBColor
from ruamel.yaml import YAML

from samenplan import __version__
from samenplan.check.run import check_plan
from samenplan.document.render import GENERATOR_MARK, render_file
from support import EXAMPLES, HEIDEDORPEN, Cli

EXAMPLE = EXAMPLES / "rivierstad"
TODAY = date(2024, 11, 1)


def word(data: bytes) -> Any:
    return Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def rivierstad() -> bytes:
    return render_file(check_plan(EXAMPLE), "docx", today=TODAY, git=False)


def euro(amount: int) -> str:
    return "€ " + f"{amount:,}".replace(",", ".")


def test_headings_are_word_headings(rivierstad: bytes) -> None:
    doc = word(rivierstad)
    by_style: dict[str, list[str]] = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Title"] == [
        "Samen herstellen in Rivierstad: plan herstel en perspectief jeugd 2022-2025"
    ]
    chapters = by_style["Heading 1"]
    assert chapters[0] == "Samenvatting" and "Stap 5 – Kies de passende aanpak" in chapters
    assert "Stand van het plan" in chapters and "Per gebied" in chapters and len(chapters) == 13
    assert "Leefdomeinen" in by_style["Heading 2"] and "Aanleiding" in by_style["Heading 2"]
    assert by_style["List Bullet"], "plan lists are Word lists"


def test_money_table_has_the_totals_of_the_plan(rivierstad: bytes) -> None:
    doc = word(rivierstad)
    yaml = YAML(typ="safe")
    stromen = yaml.load((EXAMPLE / "02-samenwerking.yaml").read_text(encoding="utf-8"))["geldstromen"]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert "Geld per geldstroom" in captions
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Geldstroom" and len(t.columns) == 6)
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    for g in stromen:
        assert rows[" ".join(g["naam"].split())][2] == euro(g["bedrag"])
    assert rows["Totaal"][2] == euro(sum(g["bedrag"] for g in stromen))
    header = table.rows[0]._tr
    assert header.xpath("./w:trPr/w:tblHeader"), "the header row repeats on every page"


def test_charts_are_pictures_with_alternative_text(rivierstad: bytes) -> None:
    doc = word(rivierstad)
    shapes = list(doc.inline_shapes)
    resultaten = YAML(typ="safe").load((EXAMPLE / "04-resultaten.yaml").read_text(encoding="utf-8"))[
        "resultaten"
    ]
    assert len(shapes) >= 2 + len(resultaten)
    for shape in shapes:
        doc_pr = shape._inline.docPr
        assert doc_pr.get("title") and len(doc_pr.get("descr", "")) > 30
    titles = {s._inline.docPr.get("title") for s in shapes}
    assert "Toegewezen en nog niet toegewezen geld per geldstroom" in titles
    assert "Rode draad van resultaat 1" in titles
    with zipfile.ZipFile(io.BytesIO(rivierstad)) as archive:
        pictures = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert pictures and all(archive.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in pictures)


def test_page_numbers_and_running_header(rivierstad: bytes) -> None:
    doc = word(rivierstad)
    section = doc.sections[0]
    assert "Samen herstellen in Rivierstad" in section.header.paragraphs[0].text
    assert "1 november 2024" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


def make_template(path: Path) -> None:
    doc = Document()
    heading = doc.styles["Heading 1"]
    heading.font.name = "Gemeente Sans"
    heading.font.size = Pt(23)
    heading.font.color.rgb = RGBColor(0x00, 0x66, 0x33)
    doc.sections[0].footer.paragraphs[0].text = "Gemeente Rivierstad · huisstijl"
    doc.add_paragraph("Voorbeeldtekst uit het sjabloon die niet in het plan hoort.")
    doc.save(str(path))


def test_a_template_gives_its_styles_and_keeps_its_footer_but_not_its_text(tmp_path: Path) -> None:
    template = tmp_path / "huisstijl.docx"
    make_template(template)
    data = render_file(check_plan(EXAMPLE), "docx", today=TODAY, git=False, sjabloon=template)
    doc = word(data)
    style = doc.styles["Heading 1"]
    assert style.font.name == "Gemeente Sans" and style.font.size == Pt(23)
    assert style.font.color.rgb == RGBColor(0x00, 0x66, 0x33)
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)
    assert doc.sections[0].footer.paragraphs[0].text == "Gemeente Rivierstad · huisstijl"
    assert not any("Voorbeeldtekst" in p.text for p in doc.paragraphs)


def test_cli_writes_word_and_replaces_its_own(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "plan.docx"
    args = (str(EXAMPLE), "-f", "docx", "-o", str(target), "--datum", "2024-11-01")
    assert cli("render", *args).code == 0
    assert GENERATOR_MARK.encode() in target.read_bytes(), "the zip comment names samenplan"
    assert cli("render", *args).code == 0, "a Word file of our own is replaced"
    assert word(target.read_bytes()).core_properties.title.startswith("Samen herstellen in Rivierstad")
    other = tmp_path / "notulen.docx"  # someone's own Word file that mentions the command
    other.write_bytes(b"PK\x03\x04 daarna samenplan render draaien")
    assert cli("render", str(EXAMPLE), "-f", "docx", "-o", str(other), "--datum", "2024-11-01").code == 2
    assert b"daarna" in other.read_bytes(), "a Word file samenplan did not make is kept"


def test_a_bad_template_or_missing_extra_gets_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    bad = tmp_path / "huisstijl.docx"
    bad.write_text("geen Word-bestand", encoding="utf-8")
    done = cli("render", str(EXAMPLE), "-f", "docx", "-o", str(tmp_path / "a.docx"), "--sjabloon", str(bad))
    assert done.code == 2
    err = done.err
    assert "kan niet als Word-bestand geopend worden" in err and "Traceback" not in err
    monkeypatch.setitem(sys.modules, "docx", None)
    done = cli("render", str(EXAMPLE), "-f", "docx", "-o", str(tmp_path / "b.docx"))
    assert done.code == 2
    err = done.err
    assert f"pip install 'samenplan[docx]=={__version__}'" in err
    assert not (tmp_path / "b.docx").exists()


def test_hostile_plan_text_stays_literal_text_in_word(tmp_path: Path) -> None:
    from xss_payloads import PAYLOADS, hostile_plan

    plan = tmp_path / "plan"
    hostile_plan(HEIDEDORPEN, plan)
    result = check_plan(plan)
    assert result.loaded.plan is not None
    doc = word(render_file(result, "docx", today=TODAY, git=False, force=True))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    text = " ".join(" ".join(t.split()) for t in texts)
    missing = [p for p in PAYLOADS if " ".join(p.split()) not in text]
    assert missing == [], missing
