"""Reading one plan file from disk: only regular files inside the plan, only UTF-8 text."""

import errno
import os
from pathlib import Path

from samenplan import codes
from samenplan.diagnostics import Diagnostic, Location
from samenplan.files.oserrors import reason
from samenplan.load import limits
from samenplan.load.locate import at_byte


def _problem(code: codes.Code, message: str, hint: str, location: Location) -> Diagnostic:
    return Diagnostic(code.code, code.severity, message, location, hint)


def read_bytes(path: Path, name: str, inside: Path | None = None) -> bytes | Diagnostic:
    """The bytes of ``path`` (shown as ``name``), or why it is not read.

    ``inside`` is the plan folder: a file that resolves outside it (a symlink to
    ~/.docker/config.json) is never read, so its content can never reach a report.
    """
    try:
        return _read(path, name, inside)
    except OSError as exc:
        return _problem(
            codes.UNREADABLE,
            f"{name} kan niet geopend worden ({_os_reason(exc)}).",
            "Controleer of het een gewoon bestand is en of je het mag lezen.",
            Location(name),
        )


def _read(path: Path, name: str, inside: Path | None) -> bytes | Diagnostic:
    if path.is_dir():
        return _problem(
            codes.UNREADABLE,
            f"{name} is een map, geen bestand.",
            f"Verplaats of hernoem de map en maak {name} als gewoon bestand.",
            Location(name),
        )
    if path.exists() and not path.is_file():  # a pipe or device: reading may never end
        return _problem(
            codes.UNREADABLE,
            f"{name} is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat).",
            f"Maak {name} als gewoon tekstbestand.",
            Location(name),
        )
    if inside is not None and not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(inside)):
        return _problem(
            codes.UNREADABLE,
            f"{name} is een snelkoppeling naar een bestand buiten de planmap; samenplan leest het niet.",
            f"Zet het bestand zelf in de planmap, in plaats van een snelkoppeling naar {name}.",
            Location(name),
        )
    if path.stat().st_size <= limits.MAX_BYTES:
        with path.open("rb") as handle:  # never more than the limit, even if it grows
            raw = handle.read(limits.MAX_BYTES + 1)
        if len(raw) <= limits.MAX_BYTES:
            return raw
    return _problem(
        codes.TOO_COMPLEX,
        f"{name} is groter dan {limits.MAX_BYTES // 1_000_000} MB.",
        "Zelfs een plan voor een grote stad met 2000 interventies is kleiner. Staat er iets anders in?",
        Location(name),
    )


def _os_reason(exc: OSError) -> str:
    # The file was seen a moment ago, so "does not exist" means a link to nothing.
    if exc.errno == errno.ENOENT:
        return "een snelkoppeling naar een bestand dat niet bestaat"
    return reason(exc)


def decode(raw: bytes, name: str) -> str | Diagnostic:
    """The text of a plan file, or why it is no UTF-8 text (pointing at the first bad byte)."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        where = at_byte(name, raw, nul)
        return _problem(
            codes.NOT_UTF8,
            f"{name} is geen tekstbestand (een NUL-teken op regel {where.line}).",
            "Een plan-bestand is platte tekst (YAML). Is hier een ander bestand opgeslagen? "
            "Staat er één onzichtbaar teken, haal het dan weg.",
            where,
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = at_byte(name, raw, exc.start)
        return _problem(
            codes.NOT_UTF8,
            f"{name} is niet als UTF-8 opgeslagen (vreemd teken op regel {where.line}).",
            "Sla het bestand op als UTF-8; in VS Code: klik rechtsonder op de codering en "
            "kies 'Save with Encoding' en dan 'UTF-8'.",
            where,
        )
