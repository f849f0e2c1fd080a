"""The formaatversie of a plan: this samenplan reads formaatversie 2 only.

An older plan is not read further (its keys would give many false findings): one finding says
that `samenplan migrate` updates it. A newer plan needs a newer samenplan.
"""

import shlex
from pathlib import Path

from samenplan import codes
from samenplan.diagnostics import Diagnostic
from samenplan.load.source import Source
from samenplan.plan.models.manifest import FORMAAT_VERSIE


def migrate_command(root: Path) -> str:
    """The exact command that updates the plan in ``root``, ready to copy into a terminal."""
    return "samenplan migrate" if str(root) in ("", ".") else f"samenplan migrate {shlex.quote(str(root))}"


def written_version(data: object) -> int | None:
    """The formaatversie written in samenplan.yaml, when it is a whole number."""
    version = data.get("formaatversie") if isinstance(data, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def format_finding(source: Source, root: Path) -> Diagnostic | None:
    """The finding for a samenplan.yaml in another formaatversie than this samenplan reads.

    None for formaatversie 2, and for a value that is no formaatversie at all (0, text): the
    model says what is wrong with those.
    """
    version = written_version(source.data)
    if version is None or version < 1 or version == FORMAAT_VERSIE:
        return None
    location = source.positions.locate(("formaatversie",))
    if version < FORMAAT_VERSIE:
        code = codes.OLD_FORMAT
        message = (
            f"Dit plan is geschreven in formaatversie {version}; deze samenplan leest "
            f"formaatversie {FORMAAT_VERSIE}."
        )
        hint = (
            "Je ziet eerst wat er verandert, en de oude bestanden blijven bewaard. Werk het plan "
            f"bij met: {migrate_command(root)}"
        )
    else:
        code = codes.NEWER_FORMAT
        message = (
            f"Dit plan is geschreven in formaatversie {version}; deze samenplan kent "
            f"formaatversie {FORMAAT_VERSIE}."
        )
        hint = "Werk samenplan bij: pip install --upgrade samenplan."
    return Diagnostic(code.code, code.severity, message, location, hint, key_path=("formaatversie",))


def format_message(finding: Diagnostic, root: Path) -> str:
    """The finding as one text for a command that cannot go on (render, status)."""
    where = (root / finding.location.file).as_posix()
    return f"{where}, regel {finding.location.line}: {finding.message} {finding.hint}"
