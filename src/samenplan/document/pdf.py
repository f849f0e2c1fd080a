"""The HTML document as a tagged, accessible PDF (PDF/UA-1), through WeasyPrint.

WeasyPrint is the optional extra ``samenplan[pdf]`` and needs Pango from the system; both are
imported only here, and only when a PDF is made. Paged media (page numbers, running header,
repeated table headers, bookmarks from the headings) come from the print rules in style.css.
"""

import hashlib
from typing import Any

from samenplan import __version__
from samenplan.document.errors import SetupError

PDF_VARIANT = "pdf/ua-1"

MISSING_EXTRA = (
    "Voor een PDF is WeasyPrint nodig, en dat is niet geïnstalleerd. Installeer het met "
    f"pip install 'samenplan[pdf]=={__version__}' en probeer het opnieuw. HTML en Markdown "
    "werken ook zonder."
)
MISSING_PANGO = (
    "WeasyPrint is geïnstalleerd, maar de systeembibliotheek Pango ontbreekt ({reason}). "
    "Installeer die met: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
    "(Debian of Ubuntu; zie de README voor andere systemen) en probeer het opnieuw."
)


def _weasyprint() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        raise SetupError(MISSING_EXTRA) from None
    except OSError as exc:  # cffi cannot load libpango / libgobject
        raise SetupError(MISSING_PANGO.format(reason=str(exc).split(":")[0].strip())) from None
    return weasyprint


#: What the PDF lays out differently from printing in a browser. WeasyPrint hyphenates Dutch
#: (hyphens: auto in style.css), so a table cell may break a word only where it does not fit
#: (break-word) instead of anywhere: with anywhere every letter is a place to break, and
#: working out the column widths took two thirds of the PDF's time (rivierstad 31 s → 11 s).
#: A browser may not hyphenate and keeps anywhere, so a wide table still fits its paper.
#: WeasyPrint reads this as a user stylesheet: only !important wins over the document's.
PDF_CSS = """
@media print {
  .utrecht-table__cell,
  .utrecht-table__header-cell { overflow-wrap: break-word !important; }
}
"""


def layout(html: str) -> Any:
    """``html`` (the report, self-contained) laid out on pages: a WeasyPrint document."""
    weasyprint = _weasyprint()
    return weasyprint.HTML(string=html, base_url=None).render(stylesheets=[weasyprint.CSS(string=PDF_CSS)])


def write_pdf(pages: Any, identifier: str) -> bytes:
    """The laid-out pages as the bytes of a tagged PDF/UA-1 file with bookmarks.

    ``identifier`` becomes the file's permanent id (the first /ID of the trailer), which is
    plain text in the file: `render` finds its generator mark there to know the file as its own.
    """
    pdf: bytes = pages.write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True, pdf_identifier=identifier.encode("ascii", "replace")
    )
    return pdf


def html_to_pdf(html: str, mark: str) -> bytes:
    """``html`` as the bytes of a tagged PDF/UA-1 file, identified as ``mark`` and a digest."""
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]
    return write_pdf(layout(html), f"{mark} {digest}")
