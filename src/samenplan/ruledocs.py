"""Documentation of every code, from the registry: terminal table, explain text, Markdown."""


class UnknownCode(Exception):
    """The code or slug asked for does not exist."""


def rules_table() -> str:
    """One line per code: code, slug, default severity, summary."""
    raise NotImplementedError


def explain_text(code: str) -> str:
    """The documentation of one code, with good and bad examples."""
    raise NotImplementedError


def rules_markdown() -> str:
    """docs/regels.md: all codes, grouped by theme."""
    raise NotImplementedError
