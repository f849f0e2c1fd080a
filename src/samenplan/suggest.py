"""'Bedoelde je …?' suggestions for near misses."""

import difflib
from collections.abc import Iterable


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option most like ``word``, if any is close enough to be a likely typo."""
    choices = list(options)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    key = word.lower()
    matches = difflib.get_close_matches(key, list(lowered), n=3, cutoff=0.6)
    if not matches:
        return None
    # Equally close options (SP1O1: SP101 or SP311?): the one with more letters in place wins.
    best = max(
        matches,
        key=lambda m: (
            round(difflib.SequenceMatcher(None, key, m).ratio(), 6),
            sum(a == b for a, b in zip(key, m, strict=False)),
        ),
    )
    return lowered[best]


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """Dutch hint text: " Bedoelde je 'x'?" or an empty string."""
    match = closest(word, options)
    return f"Bedoelde je '{match}'?" if match and match != word else ""
