"""Text inside the SVG charts: SVG does not wrap, so lines are cut here, at words."""

import textwrap

from samenplan.dutch import shorten

#: Average width of a character of the chart font, as a share of the font size.
CHAR_WIDTH = 0.6  # DejaVu Sans, the widest of the fonts the chart may get


def fits(width: int, size: int) -> int:
    """How many characters of a ``size`` px font fit in ``width`` px, roughly."""
    return max(int(width / (size * CHAR_WIDTH)), 4)


def wrap(text: str, chars: int, lines: int) -> tuple[str, ...]:
    """``text`` in at most ``lines`` lines of about ``chars`` characters; the last ends in '…'."""
    flat = " ".join(text.split())
    found = textwrap.wrap(flat, chars, break_long_words=True) or [""]
    if len(found) <= lines:
        return tuple(found)
    kept = found[: lines - 1]
    rest = " ".join(found[lines - 1 :])
    return (*kept, shorten(rest, chars))
