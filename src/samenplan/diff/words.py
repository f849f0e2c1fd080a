"""A text change as a few word-level pieces, not the whole paragraph twice.

'samen 8 uur per week' → 'samen 12 uur per week' reads ''samen 8 uur' werd 'samen 12 uur''.
Short texts (a name, a sentence of a few words) are shown whole: ''Oude naam' werd 'Nieuw''.
"""

import difflib

#: Texts of at most this many words are shown whole.
SHORT = 12
#: At most this many pieces are shown; the rest is counted.
PIECES = 3
#: Words of context shown on either side of a change.
CONTEXT = 1
#: A piece longer than this many words is cut off with '…'.
PIECE_WORDS = 10


def _quote(words: list[str]) -> str:
    shown = words if len(words) <= PIECE_WORDS else [*words[:PIECE_WORDS], "…"]
    return "'" + " ".join(shown) + "'"


def summary(before: str, after: str) -> str:
    """Dutch summary of how ``before`` became ``after`` (which differ)."""
    old, new = before.split(), after.split()
    if not old:
        return f"nieuw: {_quote(new)}"
    if not new:
        return f"weggehaald (was {_quote(old)})"
    if old == new:
        return "alleen witruimte of regels anders"
    if len(old) <= SHORT and len(new) <= SHORT:
        return f"{_quote(old)} werd {_quote(new)}"
    pieces = _pieces(old, new)
    shown = "; ".join(pieces[:PIECES])
    rest = len(pieces) - PIECES
    return f"{shown}; en nog {rest} {'wijziging' if rest == 1 else 'wijzigingen'}" if rest > 0 else shown


def _pieces(old: list[str], new: list[str]) -> list[str]:
    """Each changed run of words with one word of context on either side."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    pieces = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before = old[max(i1 - CONTEXT, 0) : i2 + CONTEXT]
        after = new[max(j1 - CONTEXT, 0) : j2 + CONTEXT]
        pieces.append(f"{_quote(before)} werd {_quote(after)}")
    return pieces
