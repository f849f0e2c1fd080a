"""Inline waivers: ``# samenplan: negeer SP101 reden: ...`` on the line of a finding."""

import re
from dataclasses import dataclass

from samenplan import codes
from samenplan.check.codebook import lookup
from samenplan.diagnostics import Diagnostic, Location
from samenplan.load.locate import at
from samenplan.load.planfolder import LoadedPlan

# Linear in the line's length: the head is found once, the rest is split by plain string
# operations (a single regex over codes, spaces and 'reden:' backtracks exponentially).
_HEAD_RE = re.compile(r"#[ \t]*samenplan:[ \t]*negeer(?=\s)", re.IGNORECASE)
_CODES_RE = re.compile(r"[A-Za-z0-9_,\s-]*[A-Za-z0-9_-][A-Za-z0-9_,\s-]*")
_REASON = "reden:"


@dataclass(frozen=True)
class Waiver:
    """One waiver comment."""

    location: Location
    codes: frozenset[str]
    reason: str


def find_waivers(loaded: LoadedPlan) -> list[Waiver]:
    """Every waiver comment in every plan file."""
    found = []
    for name, source in loaded.sources.items():
        for number, line in source.lines.containing("samenplan"):
            parsed = parse_waiver(line)
            if parsed is not None:
                column, names, reason = parsed
                resolved = frozenset(_code(n) for n in names)
                found.append(Waiver(at(name, number, column), resolved, reason))
    return found


def parse_waiver(line: str) -> tuple[int, set[str], str] | None:
    """Column (0-based), codes and reason of the waiver comment in ``line``, if it has one."""
    head = _HEAD_RE.search(line)
    if head is None:
        return None
    rest = line[head.end() :]
    cut = rest.lower().find(_REASON)
    listed, reason = (rest, "") if cut < 0 else (rest[:cut], rest[cut + len(_REASON) :].strip())
    if not _CODES_RE.fullmatch(listed):
        return None
    names = {c for c in re.split(r"[,\s]+", listed) if c}
    return head.start(), names, reason


def _code(name: str) -> str:
    entry = lookup(name)
    return entry.code if entry is not None else name.upper()


def apply_waivers(loaded: LoadedPlan, found: list[Diagnostic]) -> list[Diagnostic]:
    """Drop waived findings; report waivers without reason and waivers that waive nothing."""
    waivers = find_waivers(loaded)
    by_line = {(w.location.file, w.location.line): w for w in waivers}
    used: set[tuple[str, int, str]] = set()
    kept = []
    for diag in found:
        waiver = by_line.get((diag.location.file, diag.location.line))
        if waiver is not None and diag.code in waiver.codes and waiver.reason:
            used.add((diag.location.file, diag.location.line, diag.code))
            continue
        kept.append(diag)
    for w in waivers:
        if not w.reason:
            kept.append(
                Diagnostic(
                    codes.NO_REASON.code,
                    codes.NO_REASON.severity,
                    f"De negeer-opmerking voor {', '.join(sorted(w.codes))} heeft geen "
                    "reden; daarom blijft de melding staan.",
                    w.location,
                    "Schrijf erachter: 'reden: ...' met de uitleg.",
                    key_path=("waiver", w.location.file, *sorted(w.codes)),
                )
            )
            continue
        for code in sorted(w.codes):
            if (w.location.file, w.location.line, code) not in used:
                kept.append(
                    Diagnostic(
                        codes.WAIVER_UNUSED.code,
                        codes.WAIVER_UNUSED.severity,
                        f"De negeer-opmerking voor {code} zet op deze regel niets uit.",
                        w.location,
                        "Haal de opmerking weg als het probleem is opgelost.",
                        key_path=("waiver", w.location.file, code),
                    )
                )
    return kept
