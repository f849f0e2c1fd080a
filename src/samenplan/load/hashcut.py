"""Text that YAML cuts off at a '#': 'Campagne #SamenSterk' is the value 'Campagne'.

After a space, '#' starts a comment, so the rest of the line silently leaves the plan. A
comment whose first character is a letter or digit (a hashtag, 'groep #3') is most likely
text. This finds those places in a file's text, by offset; convert.py reports a plain value
that ends right before one. A comment that starts like a waiver (#samenplan) is left alone.
"""

import re

#: '#' with a letter or digit right after it. The regex starts with the '#' itself, which it
#: finds fast (a look-behind for the space would make it try every position of the text).
_CUT = re.compile(r"#(?=[^\W_])")
_LINE_END = re.compile(r"[\r\n]")


def hash_cuts(text: str) -> dict[int, tuple[int, str]]:
    """Offset where the spaces before such a '#' start → offset of the '#' and the comment."""
    if "#" not in text:
        return {}
    cuts: dict[int, tuple[int, str]] = {}
    line_end = -1  # the rest of a line after a comment starts is comment: one per line
    for match in _CUT.finditer(text):
        at = start = match.start()
        if at < line_end or at == 0 or text[at - 1] not in " \t":
            continue  # inside the comment already, or 'pagina#kop': no space before it
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        end = _LINE_END.search(text, at)
        line_end = end.start() if end else len(text)
        comment = text[at:line_end].rstrip()
        if not comment[1:].lower().startswith("samenplan"):
            cuts[start] = (at, comment)
    return cuts
