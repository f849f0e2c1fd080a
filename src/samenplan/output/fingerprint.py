"""Fingerprints: the identity of a finding that stays the same when lines move.

Built from the code, the file, the key path and the message, never from the line or column,
so blank lines or comments above a finding do not make GitLab or GitHub see a new problem.
"""

import hashlib

from samenplan.check.run import CheckResult
from samenplan.diagnostics import Diagnostic
from samenplan.output.text import display_path


def fingerprint(diag: Diagnostic, path: str) -> str:
    """Hex SHA-256 of (code, file path, key path, message)."""
    identity = repr((diag.code, path, tuple(diag.key_path), diag.message))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


def fingerprints(result: CheckResult) -> list[str]:
    """One fingerprint per diagnostic, in order; a repeat of the same identity gets '-2', '-3'."""
    seen: dict[str, int] = {}
    found = []
    for diag in result.diagnostics:
        base = fingerprint(diag, display_path(result.loaded.root, diag.location.file))
        seen[base] = seen.get(base, 0) + 1
        found.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return found
