"""The plan files as ruamel round-trip documents: read them, and write them back as they were.

Comments, key order, quotes and line breaks are kept. The indentation is the one the file
itself uses: of the usual styles, the one that writes the unchanged document back byte for
byte, so that the diff of a migration shows only what a step changed.
"""

import io
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

#: (mapping, sequence, offset) as ruamel names them; the first is the style of samenplan init.
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 5, 3))


@dataclass(frozen=True)
class Layout:
    """How a file is written: indentation, line ends, a byte order mark."""

    indent: tuple[int, int, int]
    crlf: bool
    bom: bool


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def load_document(text: str) -> tuple[CommentedMap, Layout]:
    """The round-trip document of a file's text (a mapping: the loader checked that)."""
    bom = text.startswith("\ufeff")
    body = text.removeprefix("\ufeff")
    crlf = "\r\n" in body
    if crlf:
        body = body.replace("\r\n", "\n")
    data = _yaml(_STYLES[0]).load(body)
    if not isinstance(data, CommentedMap):
        raise TypeError("a plan file is a mapping")
    layout = Layout(_STYLES[0], crlf, bom)
    for style in _STYLES:
        if _dump(data, Layout(style, crlf, bom)) == text:
            layout = Layout(style, crlf, bom)
            break
    return data, layout


def _dump(data: CommentedMap, layout: Layout) -> str:
    out = io.StringIO()
    _yaml(layout.indent).dump(data, out)
    text = out.getvalue()
    if layout.crlf:
        text = text.replace("\n", "\r\n")
    return "\ufeff" + text if layout.bom else text


def dump_document(data: CommentedMap, layout: Layout) -> str:
    """The text of a (changed) document, written in the layout of its file."""
    return _dump(data, layout)


def key_line(data: CommentedMap, key: str) -> int | None:
    """The 1-based line of ``key`` in its file, when ruamel knows it."""
    try:
        return int(data.lc.key(key)[0]) + 1
    except (KeyError, TypeError, AttributeError):
        return None
