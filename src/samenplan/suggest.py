"""'Bedoelde je …?' suggestions for near misses."""

import difflib
from collections.abc import Iterable


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option most like ``word``, if any is close enough to be a likely typo."""
    choices = list(options)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """Dutch hint text: " Bedoelde je 'x'?" or an empty string."""
    match = closest(word, options)
    return f"Bedoelde je '{match}'?" if match and match != word else ""
