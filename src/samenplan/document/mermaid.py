"""Plan text inside mermaid diagrams: it can never leave its label or become syntax.

Flowchart labels are always written as ``["…"]``; inside, quotes and the characters mermaid
or its HTML labels treat specially become entity codes (``#quot;``; ``#37;#37;`` for '%%').
Gantt task names cannot be quoted, so they keep only letters, digits and a few harmless marks.
"""

import re

from samenplan.dutch import shorten

_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "\\": "#92;",
    "*": "#42;",
    "_": "#95;",
    "~": "#126;",
    # '%%' starts a mermaid directive or comment anywhere, even inside a quoted label:
    # '%%{init: {"theme": "dark"}}%%' would restyle the whole diagram. One '%' is harmless.
    "%%": "#37;#37;",
}
_LABEL = re.compile("%%|" + "|".join(re.escape(k) for k in _ENTITIES if k != "%%"))
_GANTT_DROP = re.compile(r"[^\w .,'()/+€…-]")
# Words mermaid's gantt lexer reads as a statement at the start of a line.
_GANTT_KEYWORDS = frozenset(
    {
        "accdescr",
        "acctitle",
        "axisformat",
        "click",
        "dateformat",
        "excludes",
        "includes",
        "inclusiveenddates",
        "section",
        "tickinterval",
        "title",
        "todaymarker",
        "topaxis",
        "weekday",
        "weekend",
        "call",
        "href",
    }
)


def mermaid_label(text: str) -> str:
    """A flowchart label including its brackets: ``["Zomerschool #quot;Rivierstad#quot;"]``."""
    return '["' + _LABEL.sub(lambda m: _ENTITIES[m.group(0)], shorten(text)) + '"]'


def gantt_text(text: str) -> str:
    """A gantt task or section name: no ':', '#', ';', '%' or line breaks; never a keyword."""
    kept = " ".join(_GANTT_DROP.sub(" ", shorten(text)).split()) or "–"
    first = kept.split(" ", 1)[0].lower()
    return f"– {kept}" if first in _GANTT_KEYWORDS else kept
