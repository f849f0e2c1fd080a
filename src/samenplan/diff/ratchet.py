"""`samenplan check --sinds REV`: report only the findings that are new since a revision.

A werkgroep can adopt a new samenplan version (with new rules) without first fixing every
old finding: the old ones are left out of the report and the exit code, and the summary line
still counts them. A plan that did not exist at the revision has only new findings.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.diff.findings import only_in
from samenplan.diff.git import NoPlanAtRevision
from samenplan.diff.sides import read_revision


@dataclass(frozen=True)
class Ratcheted:
    """One plan's check with the findings of the revision left out."""

    result: CheckResult  # only the new findings
    known: tuple[Diagnostic, ...]  # findings that were already there at the revision
    since: str  # 'v1.0 (commit 1a2b3c4)'
    existed: bool  # whether the plan existed at the revision


def ratchet(results: Sequence[CheckResult], revision: str, env: Mapping[str, str]) -> list[Ratcheted]:
    """Each result with only the findings that its plan did not have at ``revision``.

    Raises DiffError for an unknown revision, a folder outside Git or a newer format.
    """
    return [_ratchet(result, revision, env) for result in results]


def _ratchet(result: CheckResult, revision: str, env: Mapping[str, str]) -> Ratcheted:
    try:
        old = read_revision(revision, result.loaded.root, env)
    except NoPlanAtRevision:
        return Ratcheted(result, (), revision, existed=False)
    new = only_in(result, old.result)
    kept = {id(d) for d in new}
    known = tuple(d for d in result.diagnostics if id(d) not in kept)
    return Ratcheted(CheckResult(result.loaded, new, result.rule_codes), known, old.title, existed=True)


def _count(diags: Sequence[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diags if d.severity is severity)


def _counts(diags: Sequence[Diagnostic]) -> str:
    errors, warnings, infos = (_count(diags, s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    return (
        f"{errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}, "
        f"{infos} {'opmerking' if infos == 1 else 'opmerkingen'}"
    )


def summary(r: Ratcheted) -> str:
    """One Dutch sentence: what is shown, what was left out, and all findings together."""
    root = r.result.loaded.root.as_posix()
    where = "" if root in ("", ".") else f"{root}: "
    if not r.existed:
        return f"{where}Het plan bestond nog niet in revisie '{r.since}', dus alle meldingen zijn nieuw."
    new, known = len(r.result.diagnostics), len(r.known)
    every = [*r.result.diagnostics, *r.known]
    return (
        f"{where}Alleen wat nieuw is sinds {r.since}: {new} {'melding' if new == 1 else 'meldingen'}. "
        f"{known} {'melding was' if known == 1 else 'meldingen waren'} er al en "
        f"{'staat' if known == 1 else 'staan'} hier niet. Alle meldingen samen: {_counts(every)}."
    )
