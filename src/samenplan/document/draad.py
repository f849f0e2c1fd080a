"""The rode draad of one resultaat as a diagram: bevindingen → resultaat → interventies →
indicatoren, four columns of boxes with an arrow between each pair of columns.

Positions are computed here in whole pixels; the template only draws. The same facts are in
the table 'De rode draad per resultaat', so a screen reader reads them there.
"""

from dataclasses import dataclass
from typing import ClassVar

from samenplan.document.svgtext import fits, wrap
from samenplan.document.thread import Draad

WIDTH, COLUMN, GAP, TOP = 760, 166, 32, 30
FONT, LINE, PAD, SPACE, MAX_LINES = 14, 17, 8, 10, 5
NAME_LINES = 9  # the resultaat's name is shown whole where it can be
COLUMNS = ("Bevindingen", "Resultaat", "Interventies", "Indicatoren")


@dataclass(frozen=True)
class Box:
    """A box with its lines of text."""

    x: int
    y: int
    width: int
    height: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """A column heading and its boxes; a column without any says 'geen'."""

    title: str
    x: int
    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class Arrow:
    """An arrow from column to column, at the height of the resultaat."""

    x1: int
    x2: int
    y: int


@dataclass(frozen=True)
class DraadChart:
    """One resultaat's rode draad, ready to draw."""

    id: str
    title: str
    desc: str
    width: int
    height: int
    columns: tuple[Column, ...]
    arrows: tuple[Arrow, ...]
    kind: ClassVar[str] = "draad"


def _boxes(x: int, texts: tuple[str, ...], most: int) -> tuple[Box, ...]:
    chars = fits(COLUMN - 2 * PAD, FONT)
    boxes, y = [], TOP
    for text in texts or ("geen",):
        lines = wrap(text, chars, most)
        height = len(lines) * LINE + 2 * PAD - 4
        boxes.append(Box(x, y, COLUMN, height, lines))
        y += height + SPACE
    return tuple(boxes)


def draad_chart(n: int, d: Draad) -> DraadChart:
    """The diagram of resultaat number ``n`` (1-based)."""
    texts = (d.bevindingen, (d.resultaat,), d.interventies, d.indicatoren)
    columns = tuple(
        Column(
            title, i * (COLUMN + GAP), _boxes(i * (COLUMN + GAP), items, NAME_LINES if i == 1 else MAX_LINES)
        )
        for i, (title, items) in enumerate(zip(COLUMNS, texts, strict=True))
    )
    height = max(c.boxes[-1].y + c.boxes[-1].height for c in columns) + 4
    middle = columns[1].boxes[0].y + columns[1].boxes[0].height // 2
    arrows = tuple(Arrow(c.x + COLUMN + 3, c.x + COLUMN + GAP - 3, middle) for c in columns[:-1])
    desc = (
        f"Resultaat '{d.resultaat}' antwoordt op {len(d.bevindingen)} bevindingen, "
        f"{len(d.interventies)} interventies werken eraan en {len(d.indicatoren)} indicatoren laten "
        "zien of het lukt. Dezelfde gegevens staan in de tabel 'De rode draad per resultaat'."
    )
    title = f"Rode draad van resultaat {n}"
    return DraadChart(f"grafiek-draad-{n}", title, desc, WIDTH, height, columns, arrows)
