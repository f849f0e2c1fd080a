"""The diff a user sees before a command replaces a file: from the file as it is now (nu)."""

import difflib


def replace_diff(name: str, old: str, new: str, new_label: str) -> str:
    """Unified diff of the file ``name`` from ``old`` ("nu") to ``new`` ("``new_label``").

    It ends with a line break, also when the last line of either text has none; it is empty
    when nothing changes.
    """
    lines = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"{name} (nu)",
            tofile=f"{name} ({new_label})",
        )
    )
    return lines if not lines or lines.endswith("\n") else lines + "\n"
