"""Read one YAML file safely into plain Python data plus the position of every key and value.

The steps, each in its own module: reading.py (bytes from disk, UTF-8), compose.py (the C
fast path and the pure parser), convert.py (nodes → data and positions), locate.py (the only
place with 1-based lines). The limits they enforce are in limits.py.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from samenplan import codes
from samenplan.diagnostics import Diagnostic, Location
from samenplan.load import limits
from samenplan.load.compose import TooDeep, compose, too_many_values, yaml_version
from samenplan.load.convert import Converter, is_empty_scalar, node_location
from samenplan.load.hashcut import hash_cuts
from samenplan.load.locate import Lines, PositionIndex, at, at_offset
from samenplan.load.reading import decode, read_bytes
from samenplan.load.yamlerrors import describe_yaml_error

_SHALLOW_HINT = "Een plan heeft hooguit een paar niveaus inspringing nodig."


@dataclass
class Source:
    """One plan file as read: its data (None when unreadable), positions and text lines."""

    name: str
    data: Any = None
    positions: PositionIndex = field(default_factory=lambda: PositionIndex(""))
    lines: Lines = field(default_factory=Lines)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Warnings about the text that do not stop it from loading (SP020).
    notes: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file was read into a mapping without problems."""
        return not self.diagnostics and isinstance(self.data, dict)

    def add(self, code: codes.Code, message: str, hint: str, location: Location) -> None:
        """Record a problem of this file."""
        self.diagnostics.append(Diagnostic(code.code, code.severity, message, location, hint))


def read_source(path: Path, name: str, inside: Path | None = None) -> Source:
    """Read ``path`` (shown to users as ``name``); every problem becomes a diagnostic.

    ``inside``: the plan folder; a file that resolves outside it is not read.
    """
    src = Source(name, positions=PositionIndex(name))
    raw = read_bytes(path, name, inside)
    text = decode(raw, name) if isinstance(raw, bytes) else raw
    if isinstance(text, Diagnostic):
        src.diagnostics.append(text)
        return src
    src.lines = Lines(text)
    if _refused_before_parsing(src, text):
        return src
    _parse(src, text)
    return src


def _refused_before_parsing(src: Source, text: str) -> bool:
    version = yaml_version(text)
    if version is not None and version[1] != "1.2":
        offset, number = version
        src.add(
            codes.YAML_SYNTAX,
            f"{src.name} vraagt om YAML-versie '{number}'; samenplan leest alleen YAML 1.2.",
            "Haal de regel met '%YAML' weg. In YAML 1.1 betekenen waarden als 010 en yes "
            "iets anders dan in 1.2; samenplan leest ze zoals YAML 1.2 dat zegt.",
            at_offset(src.name, text, offset),
        )
        return True
    mark = too_many_values(text)
    if mark is not None:
        src.add(
            codes.TOO_COMPLEX,
            f"{src.name} heeft meer dan {limits.MAX_VALUES} waarden (dit is de eerste daarboven).",
            "Zelfs een plan voor een grote stad met 2000 interventies heeft er minder. "
            "Staat er iets anders in?",
            at(src.name, mark.line, mark.column),
        )
        return True
    return False


def _parse(src: Source, text: str) -> None:
    name = src.name
    try:
        composed = compose(text)
    except TooDeep as exc:
        mark = exc.problem_mark
        src.add(
            codes.TOO_COMPLEX,
            f"{name} is dieper genest dan {limits.MAX_DEPTH} niveaus.",
            _SHALLOW_HINT,
            at(name, mark.line, mark.column),
        )
        return
    except MarkedYAMLError as exc:
        message, hint, mark = describe_yaml_error(exc, text)
        src.add(
            codes.YAML_SYNTAX, message, hint, at(name, mark.line, mark.column) if mark else Location(name)
        )
        return
    except RecursionError:
        src.add(codes.TOO_COMPLEX, f"{name} is te diep genest om te lezen.", _SHALLOW_HINT, Location(name))
        return
    except YAMLError as exc:  # unmarked reader errors, e.g. control characters
        position = getattr(exc, "position", None)
        src.add(
            codes.YAML_SYNTAX,
            f"{name} bevat een teken dat YAML niet toestaat.",
            "Haal het onzichtbare of vreemde teken op deze plek weg; het komt vaak mee bij "
            "kopiëren uit een ander programma.",
            at_offset(name, text, position) if isinstance(position, int) else Location(name),
        )
        return
    root = composed.root
    if root is None or is_empty_scalar(root):
        src.add(
            codes.FILE_EMPTY,
            f"{name} is leeg.",
            "Vul de velden in, of maak het bestand opnieuw met 'samenplan init'.",
            Location(name),
        )
        return
    converter = Converter(name, src.positions, composed.restore, hash_cuts(text))
    src.data = converter.run(root)
    src.diagnostics.extend(converter.diagnostics)
    src.notes.extend(converter.notes)
    if not src.diagnostics and not isinstance(src.data, dict):
        src.add(
            codes.NOT_MAPPING,
            f"{name} begint niet met velden ('naam: waarde').",
            "Begin het bestand met de velden van deze stap, bijvoorbeeld 'titel: ...'.",
            node_location(name, root),
        )
