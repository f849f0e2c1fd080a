"""The HTML document as a tagged, accessible PDF (PDF/UA-1), through WeasyPrint.

WeasyPrint is the optional extra ``samenplan[pdf]`` and needs Pango from the system; both are
imported only here, and only when a PDF is made. Paged media (page numbers, running header,
repeated table headers, bookmarks from the headings) come from the print rules in style.css.
"""

from typing import Any

from samenplan.document.errors import RenderError

PDF_VARIANT = "pdf/ua-1"

MISSING_EXTRA = (
    "Voor een PDF is WeasyPrint nodig, en dat is niet geïnstalleerd. Installeer het met "
    "pip install 'samenplan[pdf]' en probeer het opnieuw. HTML en Markdown werken ook zonder."
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
        raise RenderError(MISSING_EXTRA) from None
    except OSError as exc:  # cffi cannot load libpango / libgobject
        raise RenderError(MISSING_PANGO.format(reason=str(exc).split(":")[0].strip())) from None
    return weasyprint


def html_to_pdf(html: str) -> bytes:
    """``html`` (the report, self-contained) as the bytes of a tagged PDF/UA-1 file."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=None)
    pdf: bytes = document.write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        custom_metadata=True,
        uncompressed_pdf=False,
    )
    return pdf
