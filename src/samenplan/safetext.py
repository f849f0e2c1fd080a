"""Plan text made safe for each kind of output: one function per kind, used by every format.

Plan files, their keys and the names of plan folders are written by people we do not know.
Whatever they hold must reach a report as the text it is, never as something the reader's
program acts on:

- ``terminal``: a terminal or a CI job log (text, concise, github). Control characters,
  line breaks and bidirectional overrides are shown as ``\\x1b``-style codes, so no escape
  sequence, hidden hyperlink, screen clear or extra log line (a GitHub workflow command such
  as ``::add-mask::``) can come out of a plan.
- ``markdown``: Markdown read by GitHub or GitLab (the plan document, the step summary).
- ``xml_text``: XML 1.0 text and attribute values (JUnit).
- ``valid_unicode``: any text written as UTF-8 (JSON, SARIF, GitLab): a lone surrogate,
  which Python uses for undecodable bytes in file names, becomes U+FFFD.
"""

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 controls except tab, DEL, C1 controls, Unicode line and paragraph separators,
#: bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|!~$&])")
# '- x', '+ x', '1. x', '1) x' at the start would open a list; '=' or '-' alone a heading.
_MD_LEADING = re.compile(r"^(?:([-+=])|(\d{1,9})([.)])(?=\s|$))")
# GitHub's and GitLab's autolinks (https://…, www.…), mentions (@naam) and GitLab's
# milestone references (%naam): a backslash before the ':', '.', '@' or '%' stops each.
_MD_AUTOLINK = re.compile(r"(?i)(?<![\w])(https?|ftp)(:)(?=//)|(?<![\w.])(www)(\.)|([@%])(?=[\w\"])")


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so it can be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def _code(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def terminal(text: str) -> str:
    """``text`` for a terminal or CI log: one line, control characters shown as codes."""
    shown = _CONTROL.sub(_code, valid_unicode(text))
    stripped = shown.lstrip()
    if stripped.startswith("::"):  # a GitHub workflow command at the start of a log line
        cut = len(shown) - len(stripped)
        shown = shown[:cut] + "\\x3a" + stripped[1:]
    return shown


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (each becomes U+FFFD)."""
    return _NOT_XML.sub("\ufffd", text)


def markdown(text: str) -> str:
    """``text`` as one line of Markdown that renders as exactly this text.

    Every character that starts inline markup in CommonMark, GitHub or GitLab Markdown gets a
    backslash (emphasis, code, links and images, raw HTML and entities, tables, strikethrough,
    math, GitLab references such as #12, !3, @naam and %mijlpaal, autolinks). A list marker
    or a numbered-list start at the beginning is escaped too. Whitespace, newlines included,
    collapses to single spaces, so text can never start a block of its own. Other characters
    stay as they are: a browser shows them, it does not act on them. Parentheses stay
    as they are: with [ and ] escaped they cannot form a link, and '(2022: 71%)' stays
    readable as plain text.
    """
    flat = " ".join(valid_unicode(text).split())
    escaped = _MD_INLINE.sub(r"\\\1", flat)
    escaped = _MD_AUTOLINK.sub(_unlink, escaped)
    return _MD_LEADING.sub(_escape_leading, escaped, count=1)


def _unlink(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + "\\:"
    if match.group(3):
        return match.group(3) + "\\."
    return "\\" + match.group(5)


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)
