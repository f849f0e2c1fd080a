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
from samenplan.dutch import THOUSANDS
from samenplan.load import limits
from samenplan.load.compose import same
from samenplan.load.locate import COLUMN_BITS, PositionIndex, at

TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    f"{TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
}
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
#: A scalar's kind by its tag: "tag:yaml.org,2002:int" → "int".
_KINDS = {tag: tag[len(TAG) :] for tag in _ALLOWED_TAGS}


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

    def __init__(
        self,
        name: str,
        positions: PositionIndex,
        restore: Callable[[str], str],
        cuts: dict[int, tuple[int, str]] | None = None,
    ) -> None:
        self.name = name
        self.cuts = cuts or {}  # hashcut.hash_cuts of the text
        self.notes: list[Diagnostic] = []  # warnings that do not stop the plan from loading
        self.positions = positions
        self.restore = restore
        self.diagnostics: list[Diagnostic] = []
        self.count = 0
        self.chars = 0
        self.tags: dict[int, str | None] = {}  # see tag()

    def tag(self, node: Node) -> str | None:
        """The tag of ``node`` as text.

        Node.tag builds the text at every read; here it is built once per Tag object. The C
        parser gives every node with the same tag the same Tag object, and the tree holds all
        of them while it is converted, so no two of them share an id. The hot loops look in
        ``tags`` themselves and call this only for a Tag object not seen before.
        """
        text = self.tags[id(node.ctag)] = node.tag
        return text

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
        mark = root.start_mark
        self.positions.root = mark.line << COLUMN_BITS | mark.column
        try:
            return self.convert(root, (), None, 0)
        except TooComplex as exc:
            self.add(
                codes.TOO_COMPLEX,
                exc.why,
                "Gebruik geen ankers (&) en verwijzingen (*) die elkaar herhalen, en houd de "
                "inspringing beperkt.",
                exc.node,
            )
            return None

    def convert(
        self, node: Node, parent: KeyPath, key: str | int | None, depth: int, tag: str | None = None
    ) -> Any:
        """The plain value of ``node``, at ``key`` in the mapping or list at ``parent``.

        ``key`` is None for the root and for a merged mapping: they are at ``parent`` itself.
        The node's position is already recorded (by run, the mapping or list holding it, or
        as the mapping it is merged into); its path is made only when it is a mapping or list.
        ``tag`` is its tag, when already read.
        """
        self.count += 1
        if self.count > limits.MAX_NODES:
            raise TooComplex(
                node,
                f"{self.name} wordt na het invullen van verwijzingen groter dan {limits.MAX_NODES} waarden.",
            )
        if depth > limits.MAX_DEPTH:
            raise TooComplex(node, f"{self.name} is dieper genest dan {limits.MAX_DEPTH} niveaus.")
        if tag is None:
            tag = self.tags.get(id(node.ctag)) or self.tag(node)
        if tag not in _ALLOWED_TAGS:
            self.refused_tag(node, tag)
            return None
        if isinstance(node, ScalarNode):
            value = scalar(node, tag)
            if not isinstance(value, str):
                return value
            if self.cuts and not node.style:
                self.cut_off(node, value, key)
            return self.text(value, node)
        path = parent if key is None else (*parent, key)
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        assert isinstance(node, SequenceNode)
        return self.sequence(node, path, depth)

    def sequence(self, node: SequenceNode, path: KeyPath, depth: int) -> list[Any]:
        """A list; each item's position is recorded by the list's path and its index."""
        values = self.positions.values.setdefault(path, {})
        result = []
        for index, child in enumerate(node.value):
            mark = child.start_mark
            values[index] = mark.line << COLUMN_BITS | mark.column
            result.append(self.convert(child, path, index, depth + 1))
        return result

    def cut_off(self, node: ScalarNode, value: str, key: str | int | None) -> None:
        """A warning when a '#' right after this plain text cut the rest of its line off."""
        found = self.cuts.pop(node.end_mark.index, None)  # popped: an alias reports it once
        if found is None:
            return
        hash_at, comment = found
        mark = node.end_mark
        whole = f"{value} {comment}".replace("\\", "\\\\").replace('"', '\\"')
        write = f'{key}: "{whole}"' if isinstance(key, str) else f'- "{whole}"'
        shown = value if len(value) <= 60 else f"...{value[-57:]}"
        code = codes.CUT_BY_COMMENT
        self.notes.append(
            Diagnostic(
                code.code,
                code.severity,
                f"Na '{shown}' staat '{comment}'. YAML leest alles vanaf de # als opmerking: in het "
                f"plan staat alleen '{shown}'.",
                at(self.name, mark.line, mark.column + hash_at - mark.index),
                f"Hoort '{comment}' bij de tekst? Zet de hele tekst dan tussen aanhalingstekens: "
                f"{write}. Is het een opmerking, zet dan een spatie na de #.",
            )
        )

    def text(self, value: str, node: ScalarNode) -> str:
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
        if node.style == '"' and _SURROGATE.search(value):
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
        tags = self.tags
        pairs: list[tuple[str | None, Node, Node]] = []
        merged: list[Node] = []
        for key_node, value_node in node.value:
            key_tag = tags.get(id(key_node.ctag)) or self.tag(key_node)
            if key_tag == _MERGE:
                merged.append(value_node)
            else:
                pairs.append((key_tag, key_node, value_node))
        extra = self.merged(merged, path, depth) if merged else {}
        result: dict[str, Any] = {}
        in_list = bool(path) and isinstance(path[-1], int)
        seen: dict[str, Node] = {}  # the keys of the item so far
        later_item = False  # past a forgotten '- ': keys of the next item are not this one's
        item_start = pairs[0][1] if pairs else node
        # Positions are written straight into the index (PositionIndex.add, for every key);
        # a mapping merged into this one writes into the same dicts, which this one's keys
        # overwrite.
        keys = self.positions.keys.setdefault(path, {})
        values = self.positions.values.setdefault(path, {})
        for index, (key_tag, key_node, value_node) in enumerate(pairs):
            if key_tag in _ALLOWED_TAGS and isinstance(key_node, ScalarNode):
                key = self.text(str(key_node.value), key_node)
            else:
                self.key(key_node, key_tag)  # says why it is no key
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
            key_mark, value_mark = key_node.start_mark, value_node.start_mark
            key_pos = key_mark.line << COLUMN_BITS | key_mark.column
            value_tag = tags.get(id(value_node.ctag)) or self.tag(value_node)
            # An empty value ('naam:') has no position of its own: ruamel places it at the
            # next token, often on the next line. Point at its key instead.
            if value_tag == _NULL and value_node.value == "" and isinstance(value_node, ScalarNode):
                values[key] = key_pos
            else:
                values[key] = value_mark.line << COLUMN_BITS | value_mark.column
            keys[key] = key_pos
            result[key] = self.convert(value_node, path, key, depth + 1, value_tag)
        for k, v in extra.items():
            result.setdefault(k, v)
        return result

    def key(self, node: Node, tag: str | None) -> str | None:
        """The text of a key; None (and a diagnostic) for a list as key or a refused tag.

        mapping() reads the text of a plain key itself and calls this for the others.
        """
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
        converted = [self.convert(source, path, None, depth + 1) for source in reversed(sources)][::-1]
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
    if tag is None:
        tag = node.tag
    kind = _KINDS.get(tag) if tag else "str"
    if kind is None:
        text = str(tag)
        kind = text[len(TAG) :] if text.startswith(TAG) else "str"
    if kind == "str":
        return value.replace("\a", "") if node.style == ">" else value  # ruamel marks folds with BEL
    if kind == "null":
        return None
    if kind == "bool":
        return value.lower() == "true"
    if kind in ("int", "float") and "_" in value:
        return value  # YAML 1.2 has no '1_000' (ruamel reads it as 1000): text, as the editor reads it
    if kind == "int":
        return _int(value)
    if kind == "float":
        return _float(value, node.style)
    return value


def _float(value: str, style: str | None) -> float | str:
    """A float in YAML 1.2 notation; "12.000" written plain stays text (an amount with a dot)."""
    if not style and THOUSANDS.match(value):  # plain: None (ruamel) or "" (C)
        return value  # "12.000": keep the text so amount checks can explain it
    lowered = value.lower()
    if lowered in _FLOATS:
        return _FLOATS[lowered]
    try:
        return float(value.replace("_", ""))
    except ValueError:
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
