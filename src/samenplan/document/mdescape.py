"""Plan text as literal Markdown: samenplan.safetext.markdown, under the document's name for it."""

from samenplan.safetext import markdown as md_escape

__all__ = ["md_escape"]
