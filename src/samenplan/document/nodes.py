"""The report as a tree of plain nodes. Templates render each kind of node once per format.

Plan text is only ever a field value of a node: templates escape it, never parse it.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Union

from samenplan.document.barchart import BarChart
from samenplan.document.blocks import Block, Paragraph, blocks
from samenplan.document.course import CourseChart, Gallery
from samenplan.document.draad import DraadChart
from samenplan.document.links import safe_url
from samenplan.document.thread import Flow
from samenplan.document.timeline import TimelineChart
from samenplan.dutch import euro

if TYPE_CHECKING:
    from samenplan.plan.models.common import Bedrag
    from samenplan.plan.money import Som

#: What an empty table cell says: a blank cell reads as a mistake or as a value left out.
GEEN = "geen"


@dataclass(frozen=True)
class Cell:
    """One table cell or field value."""

    text: str = ""
    items: tuple[str, ...] = ()  # several values, each on its own line
    href: str | None = None  # a checked http(s) address (links.safe_url)
    spoken: str = ""  # what a screen reader says instead of a symbol: ✓ → 'ja'
    numeric: bool = False
    gap: bool = False  # marks a gap; shown by text, colour only adds to it


@dataclass(frozen=True)
class Row:
    """A table row: data cells before the header (rarely), the header naming the row, data."""

    header: Cell
    cells: tuple[Cell, ...]
    total: bool = False
    lead: tuple[Cell, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table with a caption; each row has one header cell (after its ``lead`` cells)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    kind: ClassVar[str] = "table"

    @property
    def align(self) -> tuple[str, ...]:
        """Per column: 'end' for amounts and counts, 'center' for symbols, else 'start'."""
        lines = [(*r.lead, r.header, *r.cells) for r in self.rows]
        return tuple(_align([line[i] for line in lines if i < len(line)]) for i in range(len(self.columns)))


def _align(cells: list[Cell]) -> str:
    if any(c.numeric for c in cells):
        return "end"
    return "center" if any(c.spoken for c in cells) else "start"


@dataclass(frozen=True)
class Field:
    """A label and its value."""

    label: str
    value: Cell


@dataclass(frozen=True)
class Fields:
    """A short list of labelled values (a definition list)."""

    items: tuple[Field, ...]
    kind: ClassVar[str] = "fields"


@dataclass(frozen=True)
class Text:
    """Free text from the plan, as paragraphs and lists."""

    blocks: tuple[Block, ...]
    kind: ClassVar[str] = "text"


@dataclass(frozen=True)
class Section:
    """A titled part of a chapter; sections nest one level."""

    title: str
    parts: tuple["Part", ...]
    kind: ClassVar[str] = "section"


@dataclass(frozen=True)
class Chapter:
    """A chapter of the report: a step of the method or a derived view."""

    id: str
    title: str
    parts: tuple["Part", ...]


@dataclass(frozen=True)
class Banner:
    """The notice at the top of a report made from a plan with errors."""

    title: str
    text: str


Part = Union[  # noqa: UP007
    Text, Table, Fields, Section, BarChart, TimelineChart, Flow, DraadChart, CourseChart, Gallery
]


@dataclass(frozen=True)
class Report:
    """Everything a template needs; nothing else is passed to it."""

    title: str
    meta: Fields
    banner: Banner | None
    chapters: tuple[Chapter, ...]
    made: str  # the date of the report, in words


def text(value: str, empty: str = "") -> Text | None:
    """Plan text as a Text node; ``empty`` (when given) stands in for a missing text."""
    found = blocks(value)
    if found:
        return Text(found)
    return note(empty) if empty else None


def note(message: str) -> Text:
    """A sentence of the report itself (not plan text), for example 'Nog niet ingevuld.'."""
    return Text((Paragraph(message),))


def parts(*items: "Part | None") -> tuple["Part", ...]:
    """The parts that are there: None (nothing to show) is left out."""
    return tuple(p for p in items if p is not None)


def _filled(c: Cell) -> Cell:
    return c if c.text or c.items else Cell(GEEN)


def _row_filled(row: Row) -> Row:
    if row.total:
        return row
    return Row(
        _filled(row.header), tuple(_filled(c) for c in row.cells), row.total, tuple(map(_filled, row.lead))
    )


def table(caption: str, columns: tuple[str, ...], rows: list[Row], empty: str) -> Table | Text:
    """A table, or a sentence saying there is nothing to show; an empty cell says 'geen'."""
    return Table(caption, columns, tuple(_row_filled(r) for r in rows)) if rows else note(empty)


def section(title: str, *items: "Part | None") -> Section | None:
    """A section with the parts that are there; None when there are none."""
    found = parts(*items)
    return Section(title, found) if found else None


def flat(value: str) -> str:
    """Plan text on one line (for a table cell)."""
    return " ".join(value.split())


def cell(value: str) -> Cell:
    """A cell with plan text on one line."""
    return Cell(flat(value))


def money(amount: "Decimal | Som | Bedrag") -> Cell:
    """An amount in euro, right-aligned; an unknown one says 'onbekend', never '€ 0'."""
    from samenplan.plan.models.common import Bedrag
    from samenplan.plan.money import Som

    if isinstance(amount, Decimal):
        return Cell(euro(amount), numeric=True)
    total = Som.van(amount) if isinstance(amount, Bedrag) else amount
    return Cell(total.tekst, numeric=True, gap=total.laag == 0 and total.hoog is None)


def rest(amount: "Som", te_veel: str = "te veel") -> Cell:
    """What is left of an amount ('€ 5.000'), or how much too much ('€ 5.000 te veel')."""
    text = amount.rest_tekst
    if text.endswith(" te veel"):
        return Cell(text.removesuffix(" te veel") + f" {te_veel}", numeric=True, gap=True)
    return Cell(text, numeric=True, gap=text == "onbekend")


def link(value: str) -> Cell:
    """A link when ``value`` is an http(s) address; otherwise the text as it is."""
    return Cell(flat(value), href=safe_url(value))


def field(label: str, value: Cell | str | tuple[str, ...]) -> Field | None:
    """A labelled value; None when the value is empty."""
    if isinstance(value, str):
        value = cell(value)
    elif isinstance(value, tuple):
        value = Cell(items=tuple(flat(v) for v in value if v.strip()))
    return Field(label, value) if value.text or value.items else None


def fields(*items: Field | None) -> Fields | None:
    """The fields that are there; None when there are none."""
    found = tuple(f for f in items if f is not None)
    return Fields(found) if found else None
