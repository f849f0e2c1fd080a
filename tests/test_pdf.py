"""samenplan render --format pdf: the same content as the HTML, tagged (PDF/UA-1), bookmarks,
page numbers, a running header, and no table header left alone at the bottom of a page.

Needs WeasyPrint (samenplan[pdf]) and Pango; `.ci/tools` installs Pango. The PDF is laid out
once per module (it takes about half a minute on this machine).
"""

import builtins
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from ruamel.yaml import YAML

from samenplan import __version__
from samenplan.check.run import check_plan
from samenplan.document import pdf as pdfmodule
from samenplan.document.render import GENERATOR_MARK, render_report
from support import HEIDEDORPEN as EXAMPLE
from support import Cli

TODAY = date(2024, 11, 1)


@dataclass
class Rendered:
    html: str
    pages: Any  # the WeasyPrint document the PDF was written from
    pdf: bytes
    reader: PdfReader

    @functools.cached_property
    def texts(self) -> list[str]:
        """The text of each page, extracted once (pypdf takes seconds for it)."""
        return page_texts(self.reader)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    html = render_report(check_plan(EXAMPLE), "html", today=TODAY, git=False)
    pages = pdfmodule.layout(html)
    data = pdfmodule.write_pdf(pages, f"{GENERATOR_MARK} test")
    path = tmp_path_factory.mktemp("pdf") / "heidedorpen.pdf"
    path.write_bytes(data)
    return Rendered(html, pages, data, PdfReader(path))


def flat(text: str) -> str:
    return " ".join(text.split())


def chapter_titles(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t).replace("&#39;", "'")
        for t in re.findall(r'<h2 class="utrecht-heading-2">(.*?)</h2>', html)
    ]


def page_texts(reader: PdfReader) -> list[str]:
    return [flat(page.extract_text() or "") for page in reader.pages]


def euro(amount: int) -> str:
    return "€ " + f"{amount:,}".replace(",", ".")


def test_pdf_text_has_every_chapter_title_and_the_money_totals(rendered: Rendered) -> None:
    text = " ".join(rendered.texts)
    titles = chapter_titles(rendered.html)
    assert len(titles) == 13 and "Stap 7 – Voer het plan uit" in titles and "Per gebied" in titles
    for title in titles:
        assert flat(title) in text, title
    yaml = YAML(typ="safe")
    stromen = yaml.load((EXAMPLE / "02-samenwerking.yaml").read_text(encoding="utf-8"))["geldstromen"]
    total = sum(g["bedrag"] for g in stromen)
    assert f"Beschikbaar in het plan {euro(total)}" in text
    assert f"Totaal {euro(total)}" in text, "the total row of 'Geld per geldstroom'"


def test_pdf_is_tagged_pdf_ua_with_a_structure_tree(rendered: Rendered) -> None:
    root = rendered.reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).lower().startswith("nl")
    tree = root["/StructTreeRoot"].get_object()
    tags: set[str] = set()
    figures: list[str] = []

    def walk(node: Any, depth: int = 0) -> None:
        node = node.get_object()
        if isinstance(node, dict) and "/S" in node:
            tags.add(str(node["/S"]))
            if node["/S"] == "/Figure":
                figures.append(str(node.get("/Alt", "")))
        kids = node.get("/K") if isinstance(node, dict) else None
        if kids is None or depth > 60:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
                walk(kid, depth + 1)

    walk(tree)
    assert {"/H1", "/H2", "/H3", "/Table", "/THead", "/TH", "/TD", "/Caption", "/P", "/L", "/LI"} <= tags, (
        tags
    )
    charts = rendered.html.count('role="img"')
    assert len(figures) == charts > 5, "every chart is a figure in the structure tree"
    assert all(len(alt) > 10 for alt in figures), "and has alternative text"
    metadata = rendered.reader.xmp_metadata
    assert metadata is not None
    xmp = metadata.stream.get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(?:>|=\")1", xmp), "declares PDF/UA-1"
    assert rendered.reader.metadata is not None
    assert rendered.reader.metadata.title == "Samen Sterker in de Heidedorpen 2023-2025"


def test_pdf_bookmarks_follow_the_headings(rendered: Rendered) -> None:
    def titles(outline: list[Any]) -> list[str]:
        found: list[str] = []
        for item in outline:
            found += titles(item) if isinstance(item, list) else [flat(item.title)]
        return found

    marks = titles(rendered.reader.outline)
    assert marks[0] == "Samen Sterker in de Heidedorpen 2023-2025"
    for title in chapter_titles(rendered.html):
        assert flat(title) in marks, title
    assert "Leefdomeinen" in marks, "sections are bookmarks below their chapter"


def test_pdf_pages_have_numbers_and_a_running_header(rendered: Rendered) -> None:
    texts = rendered.texts
    count = len(texts)
    assert 10 < count < 80
    for number, text in enumerate(texts, 1):
        assert f"Pagina {number} van {count}" in text
        header = "Samen Sterker in de Heidedorpen 2023-2025 1 november 2024 Pagina"
        assert (header in text) == (number > 1), f"page {number}: header only after the cover"


def test_pdf_draws_the_charts_as_vectors(rendered: Rendered) -> None:
    images = sum(len(page.images) for page in rendered.reader.pages)
    assert images == 0, "charts are vector graphics, not pictures"
    text = " ".join(rendered.texts)
    assert "einde plan" in text and "nulmeting" in text, "chart text stays text"


def _boxes(box: Any) -> Any:
    yield box
    for child in getattr(box, "children", []):
        yield from _boxes(child)


def _sticking_out(box: Any, width: float) -> Iterator[str]:
    for child in getattr(box, "children", None) or []:
        if hasattr(child, "position_x") and child.position_x + child.margin_width() > width + 0.5:
            yield f"{type(child).__name__} {getattr(child, 'element_tag', '')}"
        yield from _sticking_out(child, width)


def test_pdf_tables_fit_the_page(rendered: Rendered) -> None:
    """A cell breaks a word only where it must (the PDF's own CSS): nothing sticks out."""
    out = [
        f"page {n}: {box}"
        for n, page in enumerate(rendered.pages.pages, 1)
        for box in _sticking_out(page._page_box, page.width)
    ]
    assert out == [], out[:10]


def _cells(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", None) or []:
        if type(child).__name__ == "TableCellBox":
            yield child
        yield from _cells(child)


def test_pdf_cells_break_a_word_only_where_it_must(rendered: Rendered) -> None:
    """The PDF's own CSS reaches the cells (a user stylesheet needs !important to win): a word
    breaks anywhere only in a browser, which may not hyphenate."""
    cells = [cell for page in rendered.pages.pages for cell in _cells(page._page_box)]
    assert len(cells) > 100
    body = [c for c in cells if c.element_tag == "td"]
    assert body and {c.style["overflow_wrap"] for c in body} == {"break-word"}
    assert "overflow-wrap: anywhere" in rendered.html  # what a browser prints with


def test_the_fit_test_sees_a_table_that_sticks_out() -> None:
    cells = "".join(f'<td class="utrecht-table__cell">{"woord" * 40}{n}</td>' for n in range(3))
    html = f'<html><body><table class="utrecht-table"><tr>{cells}</tr></table></body></html>'
    pages = pdfmodule.layout(html.replace("<body>", "<body style='white-space: nowrap'>"))
    assert any(list(_sticking_out(page._page_box, page.width)) for page in pages.pages)


def test_pdf_never_leaves_a_table_header_or_caption_alone_at_a_page_end(rendered: Rendered) -> None:
    from weasyprint.formatting_structure import boxes

    checked = 0
    for number, page in enumerate(rendered.pages.pages, 1):
        for box in _boxes(page._page_box):
            if isinstance(box, boxes.TableBox):
                groups = [g for g in box.children if isinstance(g, boxes.TableRowGroupBox)]
                body_rows = sum(len(g.children) for g in groups if not g.is_header)
                assert body_rows > 0, f"page {number}: a table header without any row below it"
                checked += 1
            elif isinstance(box, boxes.BlockBox) and any(
                isinstance(c, boxes.TableCaptionBox) for c in box.children
            ):
                assert any(isinstance(c, boxes.TableBox) for c in box.children), (
                    f"page {number}: a table caption without its table"
                )
    assert checked > 30


def test_missing_weasyprint_gets_a_dutch_message_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "weasyprint", None)
    target = tmp_path / "plan.pdf"
    done = cli("render", str(EXAMPLE), "-f", "pdf", "-o", str(target))
    assert done.code == 2
    err = done.err
    assert f"pip install 'samenplan[pdf]=={__version__}'" in err and "niet geïnstalleerd" in err
    assert "Traceback" not in err and not target.exists()


def test_missing_pango_gets_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    real = builtins.__import__

    def without_pango(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError(
                "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file"
            )
        return real(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", without_pango)
    done = cli("render", str(EXAMPLE), "-f", "pdf", "-o", str(tmp_path / "plan.pdf"))
    assert done.code == 2
    err = done.err
    assert "Pango ontbreekt" in err and "apt-get install libpango-1.0-0" in err
    assert "cannot load library 'libpango-1.0-0'" in err


def test_cli_writes_the_pdf_and_replaces_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    # Layout is tested above; here only that the CLI writes bytes and knows the file as its own.
    def fake(html: str, mark: str) -> bytes:
        return b"%PDF-1.7\n<</ID [(" + mark.encode() + b" 0123456789abcdef) (00)]>>\n%%EOF\n"

    monkeypatch.setattr(pdfmodule, "html_to_pdf", fake)
    target = tmp_path / "plan.pdf"
    assert cli("render", str(EXAMPLE), "-f", "pdf", "-o", str(target)).code == 0
    assert target.read_bytes().startswith(b"%PDF-1.7")
    assert cli("render", str(EXAMPLE), "-f", "pdf", "-o", str(target)).code == 0, (
        "a PDF of our own is replaced"
    )
    other = tmp_path / "notulen.pdf"
    other.write_bytes(b"%PDF-1.7\n(daarna samenplan render draaien)\n%%EOF\n")
    assert cli("render", str(EXAMPLE), "-f", "pdf", "-o", str(other)).code == 2, (
        "a PDF that mentions render is kept"
    )
    assert b"daarna" in other.read_bytes()


def test_the_real_pdf_carries_the_generator_mark_in_plain_text(rendered: Rendered) -> None:
    assert f"/ID [({GENERATOR_MARK} test)".encode() in rendered.pdf, (
        "render must know its own PDF to replace it"
    )
