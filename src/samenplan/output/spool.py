"""Text kept aside while a report over many plans is written, in memory or on disk.

Formats whose head depends on every plan (the counts of the JSON wrapper, the totals of
JUnit, the rule list of SARIF, GitHub's notice) put each plan's part here and write the
head at the end. A small spool stays in memory; past MEMORY_CHARS it moves to an anonymous
temporary file, so a national run holds no more than that of each report.
"""

import tempfile
from collections.abc import Iterator
from typing import IO

#: The most text a spool keeps in memory before it moves to a temporary file.
MEMORY_CHARS = 1 << 20
_CHUNK = 1 << 16


class Spool:
    """Text parts, written in order and read back once, in order."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0
        self._file: IO[str] | None = None
        self.empty = True

    def write(self, text: str) -> None:
        """Add ``text`` at the end."""
        if not text:
            return
        self.empty = False
        if self._file is not None:
            self._file.write(text)
            return
        self._parts.append(text)
        self._size += len(text)
        if self._size > MEMORY_CHARS:
            self._file = tempfile.TemporaryFile(  # noqa: SIM115  (closed by chunks and lines)
                "w+", encoding="utf-8", errors="surrogatepass", newline="\n"
            )
            self._file.writelines(self._parts)
            self._parts = []

    def chunks(self) -> Iterator[str]:
        """Everything written, in pieces; the spool is empty afterwards."""
        if self._file is None:
            parts, self._parts = self._parts, []
            yield from parts
            return
        try:
            self._file.seek(0)
            while chunk := self._file.read(_CHUNK):
                yield chunk
        finally:
            self._file.close()

    def lines(self) -> Iterator[str]:
        """Everything written, line by line (without the line break); empty afterwards."""
        if self._file is None:
            parts, self._parts = self._parts, []
            text = "".join(parts)
            yield from (text[:-1] if text.endswith("\n") else text).split("\n") if text else ()
            return
        try:
            self._file.seek(0)
            for line in self._file:
                yield line.rstrip("\n")
        finally:
            self._file.close()


def indented(text: str, spaces: int) -> str:
    """``text`` (json.dumps output, so no line breaks inside strings) indented by ``spaces``."""
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)
