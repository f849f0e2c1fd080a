"""ruamel node tree → plain dicts, lists and scalars, with the position of every key and value.

Nothing is constructed the way a YAML library would: tags outside the plain types are
refused, duplicate keys are all reported, aliases are filled in within a budget of values
and characters, and every text comes out as valid Unicode.
"""

import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from samenplan import codes
from samenplan.diagnostics import Diagnostic, KeyPath, Related
from samenplan.load import limits
from samenplan.load.compose import same
from samenplan.load.locate import COLUMN_BITS, PositionIndex, at

TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    f"{TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
}
_THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")
_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_SURROGATE = re.compile("[\ud800-\udfff]")
_MERGE_HINT = "Zet achter '<<:' een verwijzing naar een groep velden (*anker), of een lijst daarvan."


class TooComplex(Exception):
    """The tree grows past a limit; ``node`` is where."""

    def __init__(self, node: Node, why: str) -> None:
        super().__init__(why)
        self.node = node
        self.why = why


_NULL = f"{TAG}null"
_MERGE = f"{TAG}merge"


def is_empty_scalar(node: Node, tag: str | None = None) -> bool:
    """Whether ``node`` is an empty value (``naam:`` with nothing after it); ``tag``: its tag."""
    if not isinstance(node, ScalarNode) or node.value != "":
        return False
    return (node.tag if tag is None else tag) == _NULL


def node_location(name: str, node: Node) -> Any:
    """The Location where ``node`` starts."""
    return at(name, node.start_mark.line, node.start_mark.column)


class Converter:
    """Turns one node tree into plain data; problems go to ``diagnostics``."""

    def __init__(self, name: str, positions: PositionIndex, restore: Callable[[str], str]) -> None:
        self.name = name
        self.positions = positions
        self.restore = restore
        self.diagnostics: list[Diagnostic] = []
        self.count = 0
        self.chars = 0

    def add(
        self, code: codes.Code, message: str, hint: str, node: Node, related: tuple[Related, ...] = ()
    ) -> None:
        """Report a problem at ``node``."""
        location = node_location(self.name, node)
        self.diagnostics.append(
            Diagnostic(code.code, code.severity, message, location, hint, related=related)
        )

    def run(self, root: Node) -> Any:
        """The data of the tree, or None when it is too large or too deep."""
        try:
            return self.convert(root, (), 0)
        except TooComplex as exc:
            self.add(
                codes.TOO_COMPLEX,
                exc.why,
                "Gebruik geen ankers (&) en verwijzingen (*) die elkaar herhalen, en houd de "
                "inspringing beperkt.",
                exc.node,
            )
            return None

    def convert(self, node: Node, path: KeyPath, depth: int, tag: str | None = None) -> Any:
        """The plain value of ``node`` at ``path``; ``tag`` is node.tag when already read.

        A node's tag is a property that builds its text each time it is read: each node's
        is read once and passed on.
        """
        self.count += 1
        if self.count > limits.MAX_NODES:
            raise TooComplex(
                node,
                f"{self.name} wordt na het invullen van verwijzingen groter dan {limits.MAX_NODES} waarden.",
            )
        if depth > limits.MAX_DEPTH:
            raise TooComplex(node, f"{self.name} is dieper genest dan {limits.MAX_DEPTH} niveaus.")
        values = self.positions.values
        if path not in values:
            mark = node.start_mark
            values[path] = mark.line << COLUMN_BITS | mark.column
        if tag is None:
            tag = node.tag
        if self.refused_tag(node, tag):
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.item(child, (*path, i), depth) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        value = scalar(node, tag)
        return self.text(value, node) if isinstance(value, str) else value

    def text(self, value: str, node: Node) -> str:
        """A text as the plan means it: line separators back, surrogates checked, weighed."""
        self.chars += len(value)
        if self.chars > limits.MAX_CHARS:
            raise TooComplex(
                node,
                f"{self.name} wordt na het invullen van verwijzingen langer dan "
                f"{limits.MAX_CHARS // 1_000_000} miljoen tekens.",
            )
        if self.restore is not same:
            value = self.restore(value)
        # Only a double-quoted text can hold a surrogate (written as a \u escape).
        if getattr(node, "style", None) == '"' and _SURROGATE.search(value):
            return self.valid_unicode(value, node)
        return value

    def valid_unicode(self, value: str, node: Node) -> str:
        """Join \\ud83d\\ude00-style pairs (as JSON writes them); report a lone half."""
        joined = _join_surrogate_pairs(value)
        if not _SURROGATE.search(joined):
            return joined
        code = f"\\u{ord(_SURROGATE.search(joined).group(0)):04x}"  # type: ignore[union-attr]
        self.add(
            codes.YAML_SYNTAX,
            f"Hier staat de code {code}: de helft van een teken, dat zo niet bestaat.",
            "Schrijf het teken zelf, of beide helften achter elkaar (zoals \\ud83d\\ude00).",
            node,
        )
        return _SURROGATE.sub("\ufffd", joined)

    def item(self, node: Node, path: KeyPath, depth: int) -> Any:
        """One list item at ``path``."""
        mark = node.start_mark
        self.positions.values[path] = mark.line << COLUMN_BITS | mark.column
        return self.convert(node, path, depth + 1)

    def refused_tag(self, node: Node, tag: str | None) -> bool:
        """Report a tag outside the plain YAML types (``!!python/...``); never construct it."""
        if tag in _ALLOWED_TAGS:
            return False
        self.add(
            codes.BAD_TAG,
            f"De tag '{_short_tag(str(node.tag))}' is niet toegestaan.",
            "Haal de tag weg; samenplan voert nooit code uit een plan uit.",
            node,
        )
        return True

    def mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        """A mapping; merged mappings (``<<: *anker``) first, so written keys win, positions too."""
        pairs = [(key.tag, key, value) for key, value in node.value]
        merged = [value for tag, _, value in pairs if tag == _MERGE]
        extra = self.merged(merged, path, depth) if merged else {}
        pairs = [pair for pair in pairs if pair[0] != _MERGE]
        result: dict[str, Any] = {}
        in_list = bool(path) and isinstance(path[-1], int)
        seen: dict[str, Node] = {}  # the keys of the item so far
        later_item = False  # past a forgotten '- ': keys of the next item are not this one's
        item_start = pairs[0][1] if pairs else node
        # Positions are written straight into the index (PositionIndex.add, for every key).
        keys, values = self.positions.keys, self.positions.values
        for index, (key_tag, key_node, value_node) in enumerate(pairs):
            key = self.key(key_node, key_tag)
            if key is None:
                continue
            if key in seen:
                if in_list and _starts_item(key, index, pairs, seen):
                    self.new_item(key, key_node, item_start)
                    seen, later_item, item_start = {key: key_node}, True, key_node
                else:
                    self.duplicate(key, key_node, seen[key])
                continue
            seen[key] = key_node
            if later_item:
                continue
            child = (*path, key)
            key_mark, value_mark = key_node.start_mark, value_node.start_mark
            key_pos = key_mark.line << COLUMN_BITS | key_mark.column
            value_tag = value_node.tag
            # An empty value ('naam:') has no position of its own: ruamel places it at the
            # next token, often on the next line. Point at its key instead.
            empty = is_empty_scalar(value_node, value_tag)
            value_pos = key_pos if empty else value_mark.line << COLUMN_BITS | value_mark.column
            values[child] = value_pos
            keys[child] = key_pos
            result[key] = self.convert(value_node, child, depth + 1, value_tag)
        for k, v in extra.items():
            result.setdefault(k, v)
        return result

    def key(self, node: Node, tag: str | None) -> str | None:
        """The text of a key; None (and a diagnostic) for a list as key or a refused tag."""
        if not isinstance(node, ScalarNode):
            self.add(
                codes.WRONG_TYPE,
                "Een veldnaam moet een woord zijn, geen lijst.",
                "Schrijf de veldnaam als gewone tekst, gevolgd door een dubbele punt.",
                node,
            )
            return None
        if self.refused_tag(node, tag):
            return None
        return self.text(str(node.value), node)

    def duplicate(self, key: str, node: Node, first_node: Node) -> None:
        """Report a key written twice in one mapping; the first one counts."""
        first = node_location(self.name, first_node)
        self.add(
            codes.DUPLICATE_KEY,
            f"Het veld '{key}' staat twee keer in dezelfde groep (ook op regel {first.line}).",
            "Voeg de twee samen of haal er één weg.",
            node,
            (Related(first, f"eerste '{key}'"),),
        )

    def new_item(self, key: str, node: Node, item_start: Node) -> None:
        """Report the start of a list item whose '- ' is missing: once, not once per key."""
        start = node_location(self.name, item_start)
        self.add(
            codes.DUPLICATE_KEY,
            "Hier begint waarschijnlijk een nieuw item: zet er '- ' voor. Nu lijkt het bij het "
            f"item erboven te horen (van regel {start.line}), en staat '{key}' daarin twee keer.",
            f"Schrijf '- {key}:', met het streepje recht onder het streepje van het item erboven.",
            node,
            (Related(start, "het item erboven"),),
        )

    def merged(self, values: list[Node], path: KeyPath, depth: int) -> dict[str, Any]:
        """The keys merged in by ``<<:``; the first mapping named wins, for data and positions."""
        sources: list[Node] = []
        for value in values:
            items = value.value if isinstance(value, SequenceNode) else [value]
            for item in items:
                if isinstance(item, MappingNode):
                    sources.append(item)
                else:
                    self.add(
                        codes.WRONG_TYPE,
                        "Na '<<:' hoort een groep velden, maar hier staat iets anders.",
                        _MERGE_HINT,
                        item,
                    )
        # Converted last to first: positions of earlier mappings overwrite later ones.
        converted = [self.convert(source, path, depth + 1) for source in reversed(sources)][::-1]
        result: dict[str, Any] = {}
        for value in converted:
            if isinstance(value, dict):
                for k, v in value.items():
                    result.setdefault(k, v)
        return result


def _starts_item(
    key: str, index: int, pairs: list[tuple[str | None, Node, Node]], seen: dict[str, Node]
) -> bool:
    """Whether the repeated ``key`` at ``index`` looks like the start of a new list item: it
    repeats the item's first key, or the key after it is a repeat too (pairs: tag, key, value)."""
    first = pairs[0][1]
    if isinstance(first, ScalarNode) and str(first.value) == key:
        return True
    if index + 1 >= len(pairs):
        return False
    after = pairs[index + 1][1]
    return isinstance(after, ScalarNode) and str(after.value) in seen and str(after.value) != key


def _join_surrogate_pairs(value: str) -> str:
    return re.sub(
        "([\ud800-\udbff])([\udc00-\udfff])",
        lambda m: m.group(0).encode("utf-16-le", "surrogatepass").decode("utf-16-le"),
        value,
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag


def scalar(node: ScalarNode, tag: str | None = None) -> Any:
    """Plain Python value of a resolved scalar; dates stay text for pydantic to check.

    ``tag``: node.tag, when already read.
    """
    value: str = node.value
    tag = str((node.tag if tag is None else tag) or "")
    kind = tag[len(TAG) :] if tag.startswith(TAG) else "str"
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind in ("int", "float") and "_" in value:
        return value  # YAML 1.2 has no '1_000' (ruamel reads it as 1000): text, as the editor reads it
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
    """An int in any YAML 1.2 notation, signed or not: 12, -0x1F, +0b101, 0o17."""
    text = value.replace("_", "")
    digits = text.lstrip("+-")
    try:
        if digits[:2].lower() in ("0x", "0o", "0b"):
            return int(text, 0)
        return int(text, 10)
    except ValueError:  # also more than 4,300 digits: the text, for the models to refuse
        return value
