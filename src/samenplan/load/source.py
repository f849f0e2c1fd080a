"""Read one YAML file safely into plain Python data plus the position of every key and value.

We compose ruamel's node tree ourselves instead of constructing objects: nothing is ever
executed, duplicate keys are all reported, and every node keeps its line and column.

Composing is the slow part of `samenplan check`. When ruamel's C parser is installed
(ruamel.yaml[libyaml]) a file is composed with it first, with the same YAML 1.2 resolver;
anything it does not read cleanly is read again by the pure-Python round-trip parser, so
every diagnostic (and its position) comes from one parser only.
"""

import errno
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from samenplan import codes
from samenplan.diagnostics import Diagnostic, KeyPath, Location, Related
from samenplan.files.oserrors import reason
from samenplan.load.locate import PositionIndex
from samenplan.load.yamlerrors import describe_yaml_error

MAX_BYTES = 2_000_000  # a plan file is a few tens of kilobytes at most
MAX_NODES = 200_000  # after expanding aliases ("billion laughs" guard)
MAX_DEPTH = 40
MAX_VALUES = 50_000  # lines and value marks before parsing: bounds the parser's memory

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
}
_THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")
_COMPACT_RE = re.compile(r"^[ \t]*(?:(?:[-?:]|[&!]\S*)[ \t]+)+", re.MULTILINE)
_COMPACT_LIMIT = 4 * MAX_DEPTH
_UNLIKE_CHARS = re.compile("[\t\ufeff\x85\u2028\u2029]")
_BRACKETS_RE = re.compile(r"[\[\]{}]")
# A line (as str.splitlines() sees lines) indented more than 4 * MAX_DEPTH spaces.
_DEEP_INDENT_RE = re.compile(rf"(?:^|(?<=[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])) {{{4 * MAX_DEPTH + 1}}}")
_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


@dataclass
class Source:
    """One plan file as read: its data (None when unreadable), positions and text lines."""

    name: str
    data: Any = None
    positions: PositionIndex = field(default_factory=lambda: PositionIndex(""))
    lines: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file was read into a mapping without problems."""
        return not self.diagnostics and isinstance(self.data, dict)


class _TooComplex(Exception):
    def __init__(self, node: Node, why: str) -> None:
        super().__init__(why)
        self.node = node
        self.why = why


def read_source(path: Path, name: str) -> Source:
    """Read ``path`` (shown to users as ``name``); every problem becomes a diagnostic."""
    src = Source(name, positions=PositionIndex(name))
    raw = _read_bytes(path, src)
    if raw is None:
        return src
    text = _decode(raw, src)
    if text is None:
        return src
    src.lines = text.splitlines()
    if _too_many_values(text):
        _add(
            src,
            codes.TOO_COMPLEX,
            f"{name} heeft meer dan {MAX_VALUES} regels en waarden.",
            "Een plan-bestand is meestal kleiner dan 100 kB. Staat er iets anders in?",
            Location(name),
        )
        return src
    if _too_deep(text):
        _add(
            src,
            codes.TOO_COMPLEX,
            f"{name} is dieper genest dan {MAX_DEPTH} niveaus.",
            "Een plan heeft hooguit een paar niveaus inspringing nodig.",
            Location(name),
        )
        return src
    try:
        root = _compose(text)
    except MarkedYAMLError as exc:
        message, hint, mark = describe_yaml_error(exc, text)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        _add(src, codes.YAML_SYNTAX, message, hint, Location(name, line, col))
        return src
    except RecursionError:
        _add(
            src,
            codes.TOO_COMPLEX,
            f"{name} is te diep genest om te lezen.",
            "Een plan heeft hooguit een paar niveaus inspringing nodig.",
            Location(name),
        )
        return src
    except YAMLError as exc:  # unmarked reader errors, e.g. control characters
        _add(
            src,
            codes.YAML_SYNTAX,
            f"{name} bevat een teken dat YAML niet toestaat.",
            "Haal het onzichtbare of vreemde teken op deze plek weg; het komt vaak mee bij "
            "kopiëren uit een ander programma.",
            _offset_location(name, text, exc),
        )
        return src
    if root is None or _is_empty_scalar(root):
        _add(
            src,
            codes.FILE_EMPTY,
            f"{name} is leeg.",
            "Vul de velden in, of maak het bestand opnieuw met 'samenplan init'.",
            Location(name),
        )
        return src
    _Converter(src).run(root)
    if not src.diagnostics and not isinstance(src.data, dict):
        _add(
            src,
            codes.NOT_MAPPING,
            f"{name} begint niet met velden ('naam: waarde').",
            "Begin het bestand met de velden van deze stap, bijvoorbeeld 'titel: ...'.",
            _loc(name, root),
        )
    return src


def _compose(text: str) -> Node | None:
    """The node tree of ``text``: fast when possible, the round-trip parser otherwise."""
    loader = _c_loader() if _fast_parser_fits(text) else None
    root = _c_compose(loader, text) if loader is not None else None
    return root if root is not None else YAML(typ="rt").compose(text)


def _c_compose(loader: Any, text: str) -> Node | None:
    """The C parser's tree; None for any problem, which the round-trip parser then explains."""
    parser = loader(text)
    try:
        return cast(Node | None, parser.get_single_node())
    except Exception:
        return None
    finally:
        parser.dispose()


@functools.cache
def _c_loader() -> Any:
    """ruamel's C parser with the YAML 1.2 resolver of the round-trip parser, if installed."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:
        return None
    from ruamel.yaml.resolver import Resolver
    from ruamel.yaml.tag import Tag

    # Resolver's YAML 1.2 rules by first character, with one Tag object per tag.
    tags = {
        str(t): Tag(suffix=str(t)) for rules in Resolver.yaml_implicit_resolvers.values() for t, _ in rules
    }
    implicit = {
        first: tuple((tags[str(t)], regexp) for t, regexp in rules)
        for first, rules in Resolver.yaml_implicit_resolvers.items()
    }

    class CLoader(CParser, Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            self._parser = self._composer = self
            Resolver.__init__(self, loadumper=self)

        def resolve(self, kind: Any, value: Any, implicit_flags: Any) -> Any:
            """Resolver.resolve, without building lists and Tag objects for every scalar."""
            if kind is ScalarNode and implicit_flags[0] and not self.yaml_path_resolvers:
                for tag, regexp in implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
                return self.DEFAULT_SCALAR_TAG
            return super().resolve(kind, value, implicit_flags)

    return CLoader


def _fast_parser_fits(text: str) -> bool:
    """Whether the C parser may read ``text``.

    Directives (``%YAML 1.1``) change how values resolve; the C reader accepts tabs that
    the pure one refuses, and counts positions differently after a BOM or a Unicode line
    break inside the text; and the C composer recurses without a limit, so compact nesting
    on one line (``- - - x``) stays with the pure parser too. Checked by comparing both
    parsers on thousands of mutated example files.
    """
    if _UNLIKE_CHARS.search(text) or text.startswith("%") or "\n%" in text:
        return False
    return all(match.end() - match.start() <= _COMPACT_LIMIT for match in _COMPACT_RE.finditer(text))


def _is_empty_scalar(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == f"{_TAG}null" and node.value == ""


def _offset_location(name: str, text: str, exc: YAMLError) -> Location:
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return Location(name)
    before = text[:position]
    return Location(name, before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1)


def _too_many_values(text: str) -> bool:
    """Cheap guard before parsing: every YAML value starts a line or follows one of ``,[{:-?``.

    The parser builds all nodes before we can count them, so a file of 2 MB of ``- 1`` lines
    would take hundreds of megabytes; this bounds it to tens.
    """
    return text.count("\n") + sum(text.count(mark) for mark in ",[{:-?") > MAX_VALUES


def _too_deep(text: str) -> bool:
    """Cheap guard before parsing: ruamel slows down sharply on very deep nesting."""
    depth = deepest = 0
    for bracket in _BRACKETS_RE.findall(text):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)
    return deepest > MAX_DEPTH or _DEEP_INDENT_RE.search(text) is not None


def _read_bytes(path: Path, src: Source) -> bytes | None:
    name = src.name
    try:
        if path.is_dir():
            _add(
                src,
                codes.UNREADABLE,
                f"{name} is een map, geen bestand.",
                f"Verplaats of hernoem de map en maak {name} als gewoon bestand.",
                Location(name),
            )
            return None
        if path.exists() and not path.is_file():  # a pipe or device: reading may never end
            _add(
                src,
                codes.UNREADABLE,
                f"{name} is geen gewoon bestand (maar bijvoorbeeld een pijp of apparaat).",
                f"Maak {name} als gewoon tekstbestand.",
                Location(name),
            )
            return None
        if path.stat().st_size <= MAX_BYTES:
            with path.open("rb") as handle:  # never more than the limit, even if it grows
                raw = handle.read(MAX_BYTES + 1)
            if len(raw) <= MAX_BYTES:
                return raw
        _add(
            src,
            codes.TOO_COMPLEX,
            f"{name} is groter dan {MAX_BYTES // 1_000_000} MB.",
            "Een plan-bestand is meestal kleiner dan 100 kB. Staat er iets anders in?",
            Location(name),
        )
        return None
    except OSError as exc:
        _add(
            src,
            codes.UNREADABLE,
            f"{name} kan niet geopend worden ({_os_reason(exc)}).",
            "Controleer of het een gewoon bestand is en of je het mag lezen.",
            Location(name),
        )
        return None


def _os_reason(exc: OSError) -> str:
    # The file was seen a moment ago, so "does not exist" means a link to nothing.
    if exc.errno == errno.ENOENT:
        return "een snelkoppeling naar een bestand dat niet bestaat"
    return reason(exc)


def _decode(raw: bytes, src: Source) -> str | None:
    if b"\x00" in raw:
        _add(
            src,
            codes.NOT_UTF8,
            f"{src.name} is geen tekstbestand.",
            "Een plan-bestand is platte tekst (YAML). Is hier een ander bestand opgeslagen?",
            Location(src.name),
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        _add(
            src,
            codes.NOT_UTF8,
            f"{src.name} is niet als UTF-8 opgeslagen (vreemd teken op regel {line}).",
            "Sla het bestand op als UTF-8; in VS Code: klik rechtsonder op de codering en "
            "kies 'Save with Encoding' en dan 'UTF-8'.",
            Location(src.name, line, col),
        )
        return None


def _loc(name: str, node: Node) -> Location:
    return Location(name, node.start_mark.line + 1, node.start_mark.column + 1)


def _add(
    src: Source,
    code: codes.Code,
    message: str,
    hint: str,
    location: Location,
    related: tuple[Related, ...] = (),
) -> None:
    src.diagnostics.append(Diagnostic(code.code, code.severity, message, location, hint, related=related))


class _Converter:
    """Turns a node tree into dicts, lists and scalars, recording positions."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.count = 0

    def run(self, root: Node) -> None:
        try:
            self.src.data = self.convert(root, (), 0)
        except _TooComplex as exc:
            self.src.data = None
            _add(
                self.src,
                codes.TOO_COMPLEX,
                exc.why,
                "Gebruik geen ankers (&) en verwijzingen (*) die elkaar herhalen, en houd de "
                "inspringing beperkt.",
                _loc(self.src.name, exc.node),
            )

    def convert(self, node: Node, path: KeyPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooComplex(
                node,
                f"{self.src.name} wordt na het invullen van verwijzingen groter dan {MAX_NODES} waarden.",
            )
        if depth > MAX_DEPTH:
            raise _TooComplex(node, f"{self.src.name} is dieper genest dan {MAX_DEPTH} niveaus.")
        pos = (node.start_mark.line, node.start_mark.column)
        if path not in self.src.positions.values:
            self.src.positions.add(path, pos)
        if self.refused_tag(node):
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.item(child, (*path, i), depth) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return scalar(node)

    def item(self, node: Node, path: KeyPath, depth: int) -> Any:
        self.src.positions.add(path, (node.start_mark.line, node.start_mark.column))
        return self.convert(node, path, depth + 1)

    def refused_tag(self, node: Node) -> bool:
        """Report a tag outside the plain YAML types (``!!python/...``); never construct it."""
        if node.tag in _ALLOWED_TAGS:
            return False
        _add(
            self.src,
            codes.BAD_TAG,
            f"De tag '{_short_tag(str(node.tag))}' is niet toegestaan.",
            "Haal de tag weg; samenplan voert nooit code uit een plan uit.",
            _loc(self.src.name, node),
        )
        return True

    def mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        merged: list[Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == f"{_TAG}merge":
                merged.append(value_node)
                continue
            if not isinstance(key_node, ScalarNode):
                _add(
                    self.src,
                    codes.WRONG_TYPE,
                    "Een veldnaam moet een woord zijn, geen lijst.",
                    "Schrijf de veldnaam als gewone tekst, gevolgd door een dubbele punt.",
                    _loc(self.src.name, key_node),
                )
                continue
            if self.refused_tag(key_node):
                continue
            key = str(key_node.value)
            if key in first_seen:
                first = _loc(self.src.name, first_seen[key])
                _add(
                    self.src,
                    codes.DUPLICATE_KEY,
                    f"Het veld '{key}' staat twee keer in dezelfde groep (ook op regel {first.line}).",
                    "Voeg de twee samen of haal er één weg.",
                    _loc(self.src.name, key_node),
                    (Related(first, f"eerste '{key}'"),),
                )
                continue
            first_seen[key] = key_node
            child = (*path, key)
            key_pos = (key_node.start_mark.line, key_node.start_mark.column)
            # An empty value ('naam:') has no position of its own: ruamel places it at the
            # next token, often on the next line. Point at its key instead.
            value_pos = (
                key_pos
                if _is_empty_scalar(value_node)
                else (value_node.start_mark.line, value_node.start_mark.column)
            )
            self.src.positions.add(child, value_pos, key_pos)
            result[key] = self.convert(value_node, child, depth + 1)
        for extra in merged:  # YAML merge keys: earlier keys win
            sources = extra.value if isinstance(extra, SequenceNode) else [extra]
            for source in sources:
                value = self.convert(source, path, depth + 1)
                if isinstance(value, dict):
                    for k, v in value.items():
                        result.setdefault(k, v)
        return result


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def scalar(node: ScalarNode) -> Any:
    """Plain Python value of a resolved scalar; dates stay text for pydantic to check."""
    value: str = node.value
    tag = str(node.tag or "")
    kind = tag[len(_TAG) :] if tag.startswith(_TAG) else "str"
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind == "int":
        return _int(value)
    if kind == "str" and node.style == ">":
        return value.replace("\a", "")  # ruamel marks folds with BEL for round-tripping
    if kind == "float":
        if not node.style and _THOUSANDS_RE.match(value):  # plain: None (ruamel) or "" (C)
            return value  # "12.000": keep the text so amount checks can explain it
        lowered = value.lower()
        if lowered in _FLOATS:
            return _FLOATS[lowered]
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value


def _int(value: str) -> int | str:
    text = value.replace("_", "")
    try:
        if text.lower().startswith(("0x", "0o", "0b", "-0x", "-0o", "-0b", "+0x", "+0o")):
            return int(text, 0)
        return int(text, 10)
    except ValueError:
        return value
