"""Plan text as literal Markdown: nothing a werkgroep types can become markup or HTML.

Every character that starts inline markup in CommonMark, GitHub or GitLab Markdown gets a
backslash (emphasis, code, links and images, raw HTML and entities, tables, strikethrough,
math, GitLab references such as #12 and !3). A list marker or a numbered-list start at the
beginning is escaped too. Whitespace, newlines included, collapses to single spaces, so text
can never start a block of its own. Parentheses stay as they are: with [ and ] escaped they
cannot form a link, and '(2022: 71%)' stays readable as plain text.
"""

import re

_INLINE = re.compile(r"([\\`*_{}\[\]<>#|!~$&])")
# '- x', '+ x', '1. x', '1) x' at the start would open a list; '=' or '-' alone a heading.
_LEADING = re.compile(r"^(?:([-+=])|(\d{1,9})([.)])(?=\s|$))")


def md_escape(text: str) -> str:
    """``text`` as one line of Markdown that renders as exactly this text."""
    flat = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", flat)
    return _LEADING.sub(_escape_leading, escaped, count=1)


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)
