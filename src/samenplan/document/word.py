"""The report as a Word document, through python-docx: real Word headings (the navigation pane
shows them), Word tables with a repeating header row, Word lists, and the charts as pictures
with their description as alternative text.

A gemeente's own Word file (``--sjabloon huisstijl.docx``) gives the styles, page setup,
headers and footers; its body text is left out. python-docx and cairosvg (for the pictures)
are the optional extra ``samenplan[docx]``, imported only here.
"""

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samenplan import __version__
from samenplan.document.blocks import Bullets
from samenplan.document.course import Gallery
from samenplan.document.errors import SetupError
from samenplan.document.nodes import Cell, Fields, Part, Report, Table, Text

MISSING_EXTRA = (
    "Voor een Word-bestand is python-docx nodig, en dat is niet geïnstalleerd. Installeer het "
    f"met pip install 'samenplan[docx]=={__version__}' en probeer het opnieuw. HTML en Markdown "
    "werken ook zonder."
)
MISSING_CAIRO = (
    "Voor de figuren in het Word-bestand is de systeembibliotheek Cairo nodig ({reason}). "
    "Installeer die met: sudo apt-get install libcairo2 (Debian of Ubuntu) en probeer het opnieuw."
)
BAD_TEMPLATE = (
    "Het sjabloon '{path}' kan niet als Word-bestand geopend worden ({reason}). Geef een .docx "
    "op; een .dotx-sjabloon kun je in Word opslaan als .docx."
)

#: Width of a full-width picture and of a small (indicator) chart, in centimetres.
FULL_CM, SMALL_CM = 16.0, 7.6

Svg = Callable[[Any], str]


def _libraries() -> tuple[Any, Any]:
    try:
        import docx
    except ImportError:
        raise SetupError(MISSING_EXTRA) from None
    try:
        import cairosvg  # type: ignore[import-untyped]
    except ImportError:
        raise SetupError(MISSING_EXTRA) from None
    except OSError as exc:
        raise SetupError(MISSING_CAIRO.format(reason=str(exc).split(":")[0].strip())) from None
    return docx, cairosvg


def _open(docx: Any, sjabloon: Path | None) -> Any:
    if sjabloon is None:
        return docx.Document()
    try:
        document = docx.Document(str(sjabloon))
    except FileNotFoundError:
        raise SetupError(f"Het sjabloon '{sjabloon}' bestaat niet.") from None
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise SetupError(BAD_TEMPLATE.format(path=sjabloon, reason=type(exc).__name__)) from None
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # keep the page setup, headers and footers
            body.remove(child)
    return document


class _Writer:
    """Adds report nodes to a python-docx document."""

    def __init__(self, docx: Any, cairosvg: Any, document: Any, svg: Svg) -> None:
        self.docx, self.cairosvg, self.doc, self.svg = docx, cairosvg, document, svg
        self.styles = {s.name for s in document.styles}

    def style(self, *names: str) -> str | None:
        return next((n for n in names if n in self.styles), None)

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, min(level, 9))

    def paragraph(self, text: str, style: str | None = None, bold: bool = False) -> Any:
        p = self.doc.add_paragraph(style=self.style(style) if style else None)
        p.add_run(text).bold = bold or None
        return p

    def text(self, node: Text) -> None:
        for block in node.blocks:
            if isinstance(block, Bullets):
                for item in block.items:
                    self.paragraph(item, "List Bullet")
            else:
                self.paragraph(block.text)

    def fields(self, node: Fields) -> None:
        for f in node.items:
            p = self.doc.add_paragraph()
            p.add_run(f"{f.label}: ").bold = True
            p.add_run(_value(f.value, "; "))

    def table(self, node: Table) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        caption = self.paragraph(node.caption, "Caption", bold=True)
        caption.paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1, cols=len(node.columns))
        table.style = self.style("Table Grid", "Light Grid Accent 1")
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        ends = [a == "end" for a in node.align]
        table.autofit = False
        header = table.rows[0]
        _row_flag(header, "w:tblHeader", OxmlElement, qn)  # repeats on every page
        for cell, name, end in zip(header.cells, node.columns, ends, strict=True):
            _fill(cell, name, bold=True, right=end, align=WD_ALIGN_PARAGRAPH)
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        for row in node.rows:
            cells = (*row.lead, row.header, *row.cells)
            added = table.add_row()
            _row_flag(added, "w:cantSplit", OxmlElement, qn)
            for i, (target, c) in enumerate(zip(added.cells, cells, strict=False)):
                is_header = i == len(row.lead)
                _fill(
                    target,
                    _value(c, "\n"),
                    bold=row.total or is_header,
                    right=ends[i] if i < len(ends) else False,
                    align=WD_ALIGN_PARAGRAPH,
                )
        self._widths(table, node)
        self.doc.add_paragraph()

    def _widths(self, table: Any, node: Table) -> None:
        """Each column at least as wide as its longest word (at 9 pt); the rest of the page's
        width shared out by how much text each column holds."""
        from docx.shared import Cm

        section = self.doc.sections[-1]
        usable = section.page_width - section.left_margin - section.right_margin
        lines = [[_value(c, " ") for c in (*r.lead, r.header, *r.cells)] for r in node.rows]
        floors, wants = [], []
        for i, name in enumerate(node.columns):
            texts = [line[i] for line in lines if i < len(line)]
            longest = max((len(word) for t in (*texts, name) for word in t.split()), default=4)
            floors.append(Cm(0.2 * longest + 0.5))
            wants.append(min(sum(len(t) for t in texts) / max(len(texts), 1), 80.0) + 1.0)
        spare = max(usable - sum(floors), 0)
        widths = [int(f + spare * w / sum(wants)) for f, w in zip(floors, wants, strict=True)]
        for column, width in zip(table.columns, widths, strict=False):
            column.width = width  # the grid, which LibreOffice follows
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = width

    def picture(self, chart: Any, width_cm: float, run: Any = None) -> None:
        from docx.shared import Cm

        png = self.cairosvg.svg2png(bytestring=self.svg(chart).encode("utf-8"), scale=2.5)
        target = run if run is not None else self.doc.add_paragraph().add_run()
        shape = target.add_picture(io.BytesIO(png), width=Cm(width_cm))
        doc_pr = shape._inline.docPr
        doc_pr.set("title", chart.title)
        doc_pr.set("descr", chart.desc)

    def chart(self, chart: Any, caption: str = "") -> None:
        self.picture(chart, FULL_CM)
        self.paragraph(caption or chart.title, "Caption")

    def gallery(self, node: Gallery) -> None:
        run = self.doc.add_paragraph().add_run()
        for chart in node.charts:
            self.picture(chart, SMALL_CM, run)
            run.add_text(" ")

    def parts(self, items: tuple[Part, ...], level: int) -> None:
        for part in items:
            kind = part.kind
            if kind == "section":
                self.heading(part.title, level)  # type: ignore[union-attr]
                self.parts(part.parts, level + 1)  # type: ignore[union-attr]
            elif kind == "text":
                self.text(part)  # type: ignore[arg-type]
            elif kind == "fields":
                self.fields(part)  # type: ignore[arg-type]
            elif kind == "table":
                self.table(part)  # type: ignore[arg-type]
            elif kind == "gallery":
                self.gallery(part)  # type: ignore[arg-type]
            elif kind == "timeline":
                self.chart(part, _timeline_caption(part))
            elif kind in ("barchart", "draad"):
                self.chart(part)
            # 'flow' is the Markdown diagram; the 'draad' charts show the same in Word.


def _timeline_caption(chart: Any) -> str:
    today = f" Gestreepte streep: vandaag ({chart.today.datum})." if chart.today else ""
    end = f" Doorgetrokken streep: einde plan ({chart.end.datum})." if chart.end else ""
    return f"Balk: looptijd van de interventie. Ruit: mijlpaal.{end}{today}"


def _value(c: Cell, sep: str) -> str:
    return sep.join(c.items) if c.items else c.text


def _fill(cell: Any, text: str, *, bold: bool, right: bool, align: Any) -> None:
    from docx.shared import Pt

    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(9)
    if right:
        p.alignment = align.RIGHT


def _row_flag(row: Any, name: str, element: Any, qn: Any) -> None:
    props = row._tr.get_or_add_trPr()
    flag = element(name)
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _page_number(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def field(code: str) -> None:
        for kind, text in (("begin", ""), ("instr", code), ("separate", ""), ("end", "")):
            run = paragraph.add_run()
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            if kind == "separate":
                paragraph.add_run("1")

    paragraph.add_run("Pagina ")
    field("PAGE")
    paragraph.add_run(" van ")
    field("NUMPAGES")


def _running_header(document: Any, report: Report, own_template: bool) -> None:
    """Title and date at the top of each page, page numbers at the bottom (unless the template
    has its own header or footer)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in document.sections:
        if not own_template or not any(p.text.strip() for p in section.header.paragraphs):
            header = section.header.paragraphs[0]
            header.text = f"{report.title} · {report.made}"
        if not own_template or not any(p.text.strip() for p in section.footer.paragraphs):
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _page_number(footer)


def zip_comment(mark: str) -> bytes:
    """The comment that ends every Word file render makes: how render knows the file as its own."""
    return f"{mark}: gemaakt door samenplan".encode()


def report_to_docx(report: Report, mark: str, sjabloon: Path | None, svg: Svg) -> bytes:
    """The Word file of ``report``; ``mark`` goes into its properties and its zip comment, so
    `render` recognises the file as its own."""
    docx, cairosvg = _libraries()
    document = _open(docx, sjabloon)
    w = _Writer(docx, cairosvg, document, svg)
    props = document.core_properties
    props.title, props.subject, props.language = report.title, "Plan herstel en perspectief jeugd", "nl-NL"
    props.comments = f"{mark}: gemaakt uit de YAML-bestanden van het plan; wijzig die, niet dit bestand."
    _running_header(document, report, sjabloon is not None)
    document.add_heading(report.title, 0)
    if report.banner:
        w.heading(report.banner.title, 1)
        w.paragraph(report.banner.text, bold=True)
    w.fields(report.meta)
    for chapter in report.chapters:
        w.heading(chapter.title, 1)
        w.parts(chapter.parts, 2)
    w.paragraph(f"Gemaakt met samenplan op {report.made}, volgens de zeven stappen van het NJi-stappenplan.")
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out, "a") as archive:
        archive.comment = zip_comment(mark)
    return out.getvalue()
