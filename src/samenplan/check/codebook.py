"""Every diagnostic code of samenplan, by code and by slug: loader, rules, waivers, settings."""

from functools import cache

from samenplan.codes import LOADER_CODES, NINE_CODES, Code


@cache
def all_codes() -> dict[str, Code]:
    """Code → its metadata, sorted by code. Raises ValueError when a code or slug repeats."""
    from samenplan.check.rules import all_rules

    listed = [*LOADER_CODES, *(r.code for r in all_rules()), *NINE_CODES]
    by_code: dict[str, Code] = {}
    slugs: set[str] = set()
    for entry in listed:
        if entry.code in by_code or entry.slug in slugs:
            raise ValueError(f"duplicate code or slug: {entry.code} {entry.slug}")
        by_code[entry.code] = entry
        slugs.add(entry.slug)
    return dict(sorted(by_code.items()))


def lookup(code_or_slug: str) -> Code | None:
    """Find a code by its code (SP101) or its slug, in any case."""
    key = code_or_slug.strip()
    known = all_codes()
    if key.upper() in known:
        return known[key.upper()]
    return next((c for c in known.values() if c.slug == key.lower()), None)
