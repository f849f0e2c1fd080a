"""Free plan text as blocks: paragraphs (split on empty lines) and simple '- ' lists."""

from dataclasses import dataclass, field
from typing import ClassVar

_BULLETS = ("- ", "* ", "• ")


@dataclass(frozen=True)
class Paragraph:
    """Running text; the line breaks of the YAML block are only wrapping."""

    text: str
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Bullets:
    """A simple list: one item per '- ' line, continuation lines joined."""

    items: tuple[str, ...]
    kind: ClassVar[str] = "bullets"


Block = Paragraph | Bullets


@dataclass
class _Reader:
    blocks: list[Block] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    items: list[list[str]] = field(default_factory=list)

    def flush(self) -> None:
        if self.lines:
            self.blocks.append(Paragraph(" ".join(self.lines)))
        items = tuple(" ".join(item) for item in self.items if item)
        if items:
            self.blocks.append(Bullets(items))
        self.lines, self.items = [], []

    def feed(self, raw: str) -> None:
        line = " ".join(raw.split())
        if not line:
            self.flush()
        elif raw.lstrip().startswith(_BULLETS):
            if self.lines:
                self.flush()
            self.items.append([line[2:].strip()] if len(line) > 2 else [])
        elif self.items:
            self.items[-1].append(line)
        else:
            self.lines.append(line)


def blocks(text: str) -> tuple[Block, ...]:
    """Paragraphs and lists of ``text``; whitespace inside a line is collapsed."""
    reader = _Reader()
    for raw in text.splitlines():
        reader.feed(raw)
    reader.flush()
    return tuple(reader.blocks)
