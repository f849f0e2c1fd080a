"""The only module that turns positions into 1-based lines and columns.

Everything else keeps what the parser gives: 0-based (line, column) pairs, or an index into
the text. Lines are broken only where YAML 1.2 breaks them: at LF, CR and CRLF (never at
U+0085, U+2028 or U+2029, which an editor shows inside a line too).
"""

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from samenplan.diagnostics import KeyPath, Location

_BREAK = re.compile(r"\r\n|\r|\n")


class Lines(Sequence[str]):
    """The lines of a text as YAML and editors count them, without their line breaks.

    Lines are cut out of the text when asked for: a file of millions of short lines is
    refused without holding millions of line objects.
    """

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._starts: array[int] | None = None

    def _offsets(self) -> "array[int]":
        if self._starts is None:
            starts = array("q", [0])
            starts.extend(match.end() for match in _BREAK.finditer(self._text))
            if starts[-1] == len(self._text):  # a final line break ends the last line
                starts.pop()
            self._starts = starts
        return self._starts

    def __len__(self) -> int:
        return len(self._offsets()) if self._text else 0

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        starts = self._offsets()
        if not self._text or not -len(starts) <= index < len(starts):
            raise IndexError(index)
        index %= len(starts)
        end = starts[index + 1] if index + 1 < len(starts) else len(self._text)
        return _BREAK.sub("", self._text[starts[index] : end], count=1)

    def __iter__(self) -> Iterator[str]:
        if not self._text:
            return
        start = 0
        for match in _BREAK.finditer(self._text):
            yield self._text[start : match.start()]
            start = match.end()
        if start < len(self._text):
            yield self._text[start:]

    def containing(self, word: str) -> Iterator[tuple[int, str]]:
        """(0-based number, text) of each line that holds ``word`` (which holds no line break).

        Searches the text for ``word`` instead of cutting every line: a waiver comment is on a
        few lines of a file with many.
        """
        text = self._text
        number = 0
        counted = 0  # line ``number`` starts here
        found = text.find(word)
        while found >= 0:
            start = max(text.rfind("\n", counted, found), text.rfind("\r", counted, found)) + 1
            if start > counted:
                number += _breaks(text, counted, start)
                counted = start
            end = text.find("\n", found)
            end = len(text) if end < 0 else end
            cr = text.find("\r", found, end)
            end = end if cr < 0 else cr
            yield number, text[start:end]
            found = text.find(word, end)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Lines({len(self)} regels)"


def _breaks(text: str, start: int, end: int) -> int:
    """How many line breaks (LF, CR or CRLF) ``text[start:end]`` holds; no CRLF is cut at either end."""
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


def at(file: str, line: int, column: int) -> Location:
    """The Location of a 0-based ``line`` and ``column`` (as the YAML parser counts)."""
    return Location(file, line + 1, column + 1)


def at_offset(file: str, text: str, offset: int) -> Location:
    """The Location of the character at ``offset`` in ``text``."""
    before = text[:offset]
    breaks = list(_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return at(file, len(breaks), offset - start)


def at_byte(file: str, raw: bytes, offset: int) -> Location:
    """The Location of byte ``offset`` in undecodable ``raw`` bytes (columns in characters)."""
    before = raw[:offset].decode("utf-8", "replace")
    return at_offset(file, before, len(before))


#: A position is one int, ``line << COLUMN_BITS | column`` (0-based): a plan file has one for
#: every key and value, and an int takes less time and memory than a (line, column) pair.
COLUMN_BITS = 32
_COLUMN_MASK = (1 << COLUMN_BITS) - 1


def packed(line: int, column: int) -> int:
    """The position of a 0-based ``line`` and ``column`` as PositionIndex keeps it."""
    return line << COLUMN_BITS | column


def unpacked(position: int) -> tuple[int, int]:
    """The 0-based (line, column) of a position kept by PositionIndex."""
    return position >> COLUMN_BITS, position & _COLUMN_MASK


@dataclass
class PositionIndex:
    """Positions of every key and value of one YAML file (each as ``packed`` makes it).

    Kept by the key path of the mapping or list that holds them, then by key or index: a
    key path is made only for each mapping and list, not for every value, and the inner
    dicts hold only texts and numbers, which the garbage collector passes over. ``root`` is
    where the file's top value starts.
    """

    file: str
    keys: dict[KeyPath, dict[str | int, int]] = field(default_factory=dict)
    values: dict[KeyPath, dict[str | int, int]] = field(default_factory=dict)
    root: int | None = None

    def add(self, path: KeyPath, value: tuple[int, int], key: tuple[int, int] | None = None) -> None:
        """Record where a value (and, for a mapping entry, its key) starts: 0-based (line, column)."""
        if not path:
            self.root = packed(*value)
            return
        self.values.setdefault(path[:-1], {})[path[-1]] = packed(*value)
        if key is not None:
            self.keys.setdefault(path[:-1], {})[path[-1]] = packed(*key)

    def locate(self, path: KeyPath, *, at_key: bool = False) -> Location:
        """Position of ``path``; falls back to the nearest parent that exists in the file.

        ``at_key`` points at the key of a mapping entry (``trekker:``) instead of its value.
        """
        probe = path
        while True:
            pos = _at(self.keys, probe) if at_key else None
            if pos is None:
                pos = _at(self.values, probe) if probe else self.root
            if pos is not None:
                return at(self.file, *unpacked(pos))
            if not probe:
                return Location(self.file, 1, 1)
            probe = probe[:-1]
            at_key = True  # a missing child is best shown at its parent's key

    def has(self, path: KeyPath) -> bool:
        """Whether the file itself holds this path."""
        return (_at(self.values, path) if path else self.root) is not None


def _at(positions: dict[KeyPath, dict[str | int, int]], path: KeyPath) -> int | None:
    """The position of ``path`` (not the root) in ``keys`` or ``values`` of a PositionIndex."""
    if not path:
        return None
    inner = positions.get(path[:-1])
    return None if inner is None else inner.get(path[-1])
