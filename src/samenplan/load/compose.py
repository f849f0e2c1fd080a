"""YAML text → ruamel node tree: the C parser when it reads the text the same, else the pure one.

Composing is the slow part of `samenplan check`. When ruamel's C parser is installed
(ruamel.yaml[libyaml]) a file is composed with it first, with the same YAML 1.2 resolver;
anything it does not read cleanly is read again by the pure-Python round-trip parser, so
every diagnostic (and its position) comes from one parser only. The pure parser refuses
nesting deeper than MAX_DEPTH where it finds it; the C parser only gets text whose nesting
is visibly shallow.

Both parsers follow YAML 1.1 in one respect: they break lines at U+0085, U+2028 and U+2029.
YAML 1.2 (and every editor) does not, so these three characters are swapped for private-use
characters of the same length before parsing and swapped back in every text afterwards.
"""

import functools
import gc
import re
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import sub
from typing import Any, cast

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, StreamMark
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scanner import RoundTripScanner
from ruamel.yaml.tag import Tag

from samenplan.load import limits

_LINE_SEPARATORS = "\x85\u2028\u2029"
_UNLIKE_CHARS = "\ufeff\x85\u2028\u2029"
#: Compact nesting at the start of a line (``- - - x``): at the text's start, and after a
#: line feed (where ``^`` matches in MULTILINE mode; searching for the line feed is faster).
#: Possessive (``*+``): giving back spaces or a tag's characters can never make it match.
_COMPACT = r"[ \t]*+(?:(?:[-?:]|[&!]\S*+)[ \t]++)+"
_COMPACT_RE = re.compile(_COMPACT)
_COMPACT_AFTER_LF_RE = re.compile(f"\n{_COMPACT}")
_COMPACT_LIMIT = 4 * limits.MAX_DEPTH
#: Every byte but the ASCII brackets (no byte of a longer UTF-8 character is one).
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_BRACKET_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_DEEP_INDENT = " " * (4 * limits.MAX_DEPTH + 1)
_VALUE_MARKS = ",[{:-?"
_DIRECTIVE_RE = re.compile(r"(?:^|(?<=[\n\r]))%YAML(?:[ \t]+(\S*))?")
#: Plain texts up to this length have their resolved tag remembered per file.
_REMEMBERED = 40
#: Held while the C composer makes lean nodes (see _c_compose).
_COMPOSING = threading.Lock()


class TooDeep(MarkedYAMLError):
    """Nesting deeper than MAX_DEPTH, found by the pure parser where it starts."""


@dataclass
class Composed:
    """The node tree of a text, and how to restore the line separators in its texts."""

    root: Node | None
    restore: Callable[[str], str]


def same(text: str) -> str:
    """The restore function of a text without line separators: nothing to restore."""
    return text


def compose(text: str) -> Composed:
    """The node tree of ``text``; raises ruamel's errors (TooDeep for deep nesting)."""
    text, restore = _hide_line_separators(text)
    loader = _c_loader() if _fast_parser_fits(text) else None
    root = _c_compose(loader, text) if loader is not None else None
    if root is None:
        yaml = YAML(typ="rt")
        yaml.Scanner = _ShallowScanner
        with warnings.catch_warnings():
            # A reused anchor (&a twice) is allowed by YAML 1.2: the later one counts.
            warnings.simplefilter("ignore")
            root = yaml.compose(text)
    return Composed(root, restore)


def _hide_line_separators(text: str) -> tuple[str, Callable[[str], str]]:
    found = [c for c in _LINE_SEPARATORS if c in text]
    if not found:
        return text, same
    free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    there = {ord(c): next(free) for c in found}
    back = {ord(v): chr(k) for k, v in there.items()}
    return text.translate(there), lambda value: value.translate(back)


class _ShallowScanner(RoundTripScanner):
    """The round-trip scanner, refusing nesting deeper than MAX_DEPTH where it starts."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: str) -> None:
        """Open a [ or {, unless that makes the nesting too deep."""
        if len(self.flow_context) >= limits.MAX_DEPTH:
            self._too_deep()
        super().fetch_flow_collection_start(TokenClass, to_push)

    def add_indent(self, column: int) -> bool:
        """Open a block level, unless that makes the nesting too deep."""
        added = bool(super().add_indent(column))
        if added and len(self.indents) > limits.MAX_DEPTH:
            self._too_deep()
        return added

    def _too_deep(self) -> None:
        raise TooDeep(problem=f"nested deeper than {limits.MAX_DEPTH}", problem_mark=self.reader.get_mark())


def _c_compose(loader: Any, text: str) -> Node | None:
    """The C parser's tree; None for any problem, which the round-trip parser then explains.

    The C composer makes its nodes by calling the node classes it finds in its own module;
    while it composes, those are the lean subclasses of _lean_nodes (the same nodes, made
    without ruamel's chain of Python __init__ calls). One text at a time (a lock, for a
    program that checks plans in threads), and ruamel's own classes are back as soon as it
    is done, also after an error. Limit: another library composing with ruamel's C parser in
    another thread at that very moment would get lean nodes too, which ruamel's own resolver
    does not recognise; samenplan itself composes in one thread.
    """
    module = loader.c_module
    with _COMPOSING:
        parser = loader(text)
        module.ScalarNode, module.SequenceNode, module.MappingNode = loader.lean_nodes
        try:
            return cast(Node | None, parser.get_single_node())
        except Exception:
            return None
        finally:
            module.ScalarNode, module.SequenceNode, module.MappingNode = ScalarNode, SequenceNode, MappingNode
            parser.dispose()


def _lean_nodes() -> tuple[type[ScalarNode], type[SequenceNode], type[MappingNode]]:
    """Subclasses of ruamel's three node classes whose __init__ sets every slot at once.

    ruamel's ScalarNode.__init__ calls Node.__init__, which checks the tag's type and takes
    keywords: three Python frames per node, a quarter of composing a large plan. These take
    the arguments the C composer passes (tag, value, start and end mark, style); the tag is
    a Tag object from resolve(), or a text for an explicit tag (``!!str``).
    """

    class LeanScalar(ScalarNode):
        __slots__ = ()

        def __init__(self, tag: Any, value: Any, start_mark: Any, end_mark: Any, style: Any) -> None:
            self.ctag = tag if tag.__class__ is Tag else Tag(suffix=tag)
            self.value, self.start_mark, self.end_mark, self.style = value, start_mark, end_mark, style
            self.comment = self.anchor = None

    class LeanSequence(SequenceNode):
        __slots__ = ()

        def __init__(self, tag: Any, value: Any, start_mark: Any, end_mark: Any, flow_style: Any) -> None:
            self.ctag = tag if tag.__class__ is Tag else Tag(suffix=tag)
            self.value, self.start_mark, self.end_mark = value, start_mark, end_mark
            self.flow_style, self.comment, self.anchor = flow_style, None, None

    class LeanMapping(MappingNode):
        __slots__ = ()

        def __init__(self, tag: Any, value: Any, start_mark: Any, end_mark: Any, flow_style: Any) -> None:
            self.ctag = tag if tag.__class__ is Tag else Tag(suffix=tag)
            self.value, self.start_mark, self.end_mark = value, start_mark, end_mark
            self.flow_style, self.comment, self.anchor, self.merge = flow_style, None, None, None

    return LeanScalar, LeanSequence, LeanMapping


@functools.cache
def _c_loader() -> Any:
    """ruamel's C parser with the YAML 1.2 resolver of the round-trip parser, if installed."""
    CParser = _c_parser()
    if CParser is None:
        return None
    from ruamel.yaml.resolver import Resolver

    implicit = _implicit_rules(Resolver)
    scalar, sequence, mapping = (
        Resolver.DEFAULT_SCALAR_TAG,
        Resolver.DEFAULT_SEQUENCE_TAG,
        Resolver.DEFAULT_MAPPING_TAG,
    )

    lean_nodes = _lean_nodes()
    lean_scalar, _, lean_mapping = lean_nodes

    class CLoader(CParser, Resolver):  # type: ignore[misc,valid-type]
        c_module = sys.modules[CParser.__module__]

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            self._parser = self._composer = self
            Resolver.__init__(self, loadumper=self)
            self._known: dict[str, Tag] = {}  # short plain texts resolved so far in this file

        def resolve(self, kind: Any, value: Any, implicit_flags: Any) -> Any:
            """Resolver.resolve, without building lists and Tag objects for every node.

            Keys and short values repeat (``naam``, ``true``, a date): their tags are
            remembered, for this file only.
            """
            if self.yaml_path_resolvers:
                return super().resolve(kind, value, implicit_flags)
            # The C composer passes the class it makes the node of: lean, or ruamel's own.
            if kind is not lean_scalar and kind is not ScalarNode:
                return mapping if kind is lean_mapping or kind is MappingNode else sequence
            if not implicit_flags[0]:
                return scalar
            rules = implicit.get(value[:1])
            if rules is None:
                return scalar
            known = self._known
            tag = known.get(value)
            if tag is None:
                tag = _first_match(rules, value, scalar)
                if len(value) <= _REMEMBERED:
                    known[value] = tag
            return tag

    CLoader.lean_nodes = lean_nodes
    _track_paths_only_if_needed(CLoader)
    return CLoader


def _track_paths_only_if_needed(loader: Any) -> None:
    """Without path resolvers, make the loader's descend_resolver and ascend_resolver do nothing.

    The C composer calls both for every node; they only track the path, for path resolvers.
    """
    if not loader.yaml_path_resolvers:
        loader.descend_resolver = loader.ascend_resolver = _nothing_to_track


def _nothing_to_track(*_: Any) -> None:
    """descend_resolver and ascend_resolver of a loader without path resolvers."""


def _implicit_rules(resolver: Any) -> dict[str, tuple[tuple[Tag, Callable[[str], Any]], ...]]:
    """The resolver's YAML 1.2 rules by first character, with one Tag object per tag, and
    each pattern's own match method (ruamel wraps the patterns in a lazy proxy, a Python
    call at every use)."""
    rules_by_first = resolver.yaml_implicit_resolvers
    tags = {str(t): Tag(suffix=str(t)) for rules in rules_by_first.values() for t, _ in rules}
    return {
        first: tuple((tags[str(t)], regexp.match) for t, regexp in rules)
        for first, rules in rules_by_first.items()
    }


def _first_match(rules: tuple[tuple[Any, Callable[[str], Any]], ...], value: str, default: Any) -> Any:
    """The tag of the first rule whose pattern matches ``value``; ``default`` when none does."""
    for tag, matches in rules:
        if matches(value):
            return tag
    return default


def _fast_parser_fits(text: str) -> bool:
    """Whether the C parser may read ``text``.

    Directives (``%YAML 1.2``, ``%TAG``) change how values resolve; the C reader counts
    positions differently after a BOM inside the text; and the C composer recurses without
    a limit, so visibly deep nesting (many brackets, deep indentation, compact nesting on
    one line such as ``- - - x``) stays with the pure parser, which refuses it where it
    starts. Checked by comparing both parsers on thousands of mutated example files.
    """
    if any(c in text for c in _UNLIKE_CHARS) or text.startswith("%") or "\n%" in text:
        return False
    if _brackets_too_deep(text) or _deep_indent(text):
        return False
    return not _compact_too_deep(text)


def _compact_too_deep(text: str) -> bool:
    """Whether a line starts with compact nesting (``- - - x``) longer than 4 × MAX_DEPTH."""
    first = _COMPACT_RE.match(text)
    if first is not None and first.end() > _COMPACT_LIMIT:
        return True
    return any(
        match.end() - match.start() > _COMPACT_LIMIT + 1 for match in _COMPACT_AFTER_LF_RE.finditer(text)
    )


def _deep_indent(text: str) -> bool:
    """Whether a line (after LF or CR) starts with more than 4 × MAX_DEPTH spaces."""
    return text.startswith(_DEEP_INDENT) or f"\n{_DEEP_INDENT}" in text or f"\r{_DEEP_INDENT}" in text


def _brackets_too_deep(text: str) -> bool:
    """Whether [ and { nest deeper than MAX_DEPTH, counting every bracket (also in texts).

    A closing bracket too many counts as none: the depth after each bracket is the sum of
    the steps so far less the lowest sum before it (both kept in C, by accumulate).
    """
    if text.count("[") + text.count("{") <= limits.MAX_DEPTH:
        return False
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    sums = list(accumulate(map(_BRACKET_STEP.__getitem__, brackets), initial=0))
    deepest: int = max(map(sub, sums, accumulate(sums, min)))
    return deepest > limits.MAX_DEPTH


def yaml_version(text: str) -> tuple[int, str] | None:
    """Where (an offset in ``text``) the first ``%YAML`` directive that is not 1.2 is, and its version.

    A line starting with '%YAML' is a directive wherever it is (plan text at column 0 cannot
    start with '%'); ruamel fails with an AssertionError on versions it does not know.
    """
    if "%YAML" not in text:
        return None
    for match in _DIRECTIVE_RE.finditer(text):
        if match.group(1) != "1.2":
            return match.start(), match.group(1) or ""
    return None


def too_many_values(text: str) -> StreamMark | None:
    """Where ``text`` passes MAX_VALUES YAML values, or None when it has fewer.

    The parser builds all nodes before they can be counted, so a file of ``- 1`` lines would
    take hundreds of megabytes. Every value starts a line or follows one of ``,[{:-?``: when
    that count is under the limit, so is the number of values. Otherwise the values are
    counted one parser event at a time, which takes little memory.
    """
    if text.count("\n") + sum(text.count(mark) for mark in _VALUE_MARKS) <= limits.MAX_VALUES:
        return None
    text, _ = _hide_line_separators(text)
    return _count_events(text)


def _count_events(text: str) -> StreamMark | None:
    # Events and their marks hold reference cycles: the collector must run while counting,
    # also when the caller paused it.
    paused = not gc.isenabled()
    gc.enable()
    count = 0
    try:
        for event in _events(text):
            count += 1
            if count > limits.MAX_VALUES:
                return cast(StreamMark, event.start_mark)
    except Exception:  # a syntax error: the parser explains it next, with few nodes built
        return None
    finally:
        if paused:
            gc.disable()
    return None


def _events(text: str) -> Iterator[Any]:
    """The parser events of ``text``, one at a time: the C parser's when it fits."""
    parser = _c_event_parser(text) if _fast_parser_fits(text) else None
    if parser is None:
        yaml = YAML(typ="rt")
        yaml.Scanner = _ShallowScanner
        yield from yaml.parse(text)
        return
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


def _c_event_parser(text: str) -> Any:
    CParser = _c_parser()
    return None if CParser is None else CParser(text)


def _c_parser() -> Any:
    """ruamel's C parser class (ruamel.yaml[libyaml]), or None when it is not installed."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:
        return None
    return CParser
