"""The C parser path of read_source reads every file exactly like the pure-Python parser.

read_source composes with ruamel.yaml's C parser when it is installed and falls back to the
round-trip parser for anything the C parser does not read cleanly. This compares both on the
example plans and on mutated copies of them (random YAML syntax, unicode, tabs, line breaks
inserted, lines removed and re-indented): the data, every key and value position and every
diagnostic must be equal.
"""

import math
import random
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from samenplan.load import compose, source

ROOT = Path(__file__).resolve().parents[1]
FILES = [*sorted(ROOT.glob("examples/*/*.yaml")), ROOT / "src/samenplan/data/regelingen.yaml"]
SNIPPETS = [
    ":",
    "-",
    "- ",
    ": ",
    "'",
    '"',
    "\t",
    "#",
    " #x",
    "&a ",
    "*a",
    "!",
    "!!str ",
    "!!int ",
    "!foo ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "?",
    "? ",
    "|",
    ">",
    "|-",
    ">+",
    "%",
    "@",
    "`",
    "\\",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\x07",
    "\x1b",
    "é",
    "\U0001f600",
    "\r",
    "\r\n",
    "\n",
    "  ",
    "---",
    "...",
    "<<: *a",
    "~",
    "null",
    "yes",
    "0o17",
    "017",
    "0x1F",
    "1_000",
    "12.000",
    "1e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "2024-02-30",
    "1:20",
    "=",
    "\x00",
    "\u200b",
    "\x7f",
    "\xa0",
    "- - ",
    '"\\x41"',
    "'it''s'",
    "|2-",
    ">2",
    "{a: 1, b}",
    "[a, [b]]",
    "a:b",
    "--- !",
    "&x [1]",
    '"multi\n  line"',
    "- &z\n",
    "x: *z\n",
    "<<: {a: 1}\n",
    "? [a]\n: b\n",
    "!!binary ",
    "!!set ",
    "\n- ",
    "\n  - ",
    ": |\n",
    ": >-\n",
    "0b101",
    "+12",
    "-0",
    ".5",
    "True",
    "NULL",
    " #SamenSterk",
    "  #3 ",
    " # opmerking",
]


def test_the_c_parser_is_installed() -> None:
    # A runtime dependency (ruamel.yaml[libyaml]); without it check runs at half speed.
    assert compose._c_loader() is not None, "pip install -e '.[test]' installs ruamel.yaml's C parser"


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return (type(value).__name__, value)


def _read(text: str, tmp_path: Path, *, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    path = tmp_path / "x.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(compose, "_c_loader", lambda: None)
        src = source.read_source(path, "x.yaml")
    return (
        _plain(src.data),
        src.positions.root,
        src.positions.keys,
        src.positions.values,
        [(d.code, d.message, d.location, d.hint, d.related) for d in src.diagnostics],
        [(d.code, d.message, d.location, d.hint) for d in src.notes],
    )


def _mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        pos = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.5:
            text = text[:pos] + rng.choice(SNIPPETS) + text[pos:]
        elif op < 0.7:
            text = text[:pos] + text[pos + rng.randint(1, 20) :]
        else:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines[i] = " " * rng.randint(0, 6) + lines[i].lstrip()
            text = "\n".join(lines)
    return text


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_examples_read_the_same(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _read(text, tmp_path, fast=True, monkeypatch=monkeypatch)
    assert fast == _read(text, tmp_path, fast=False, monkeypatch=monkeypatch)


@pytest.mark.parametrize("seed", range(300))
def test_mutants_read_the_same(seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    text = _mutate(rng.choice(FILES).read_text(encoding="utf-8"), rng)
    fast = _read(text, tmp_path, fast=True, monkeypatch=monkeypatch)
    assert fast == _read(text, tmp_path, fast=False, monkeypatch=monkeypatch)


def test_compact_nesting_stays_with_the_pure_parser() -> None:
    # The C composer recurses without a limit: 100,000 levels on one line would crash it.
    assert not compose._fast_parser_fits("- " * 100_000 + "x")
    assert compose._fast_parser_fits("a:\n  - b: 1\n    c: [1, 2]\n")


def test_texts_the_parsers_read_differently_stay_with_the_pure_parser() -> None:
    assert not compose._fast_parser_fits("a: b\ufeffc\n")


def test_a_tab_after_a_colon_is_read_by_the_c_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 17 item 22: valid YAML 1.2 that the pure parser refuses; the C parser reads it, and
    # it means what a space would.
    assert compose._fast_parser_fits("naam:\tZomerschool\n")
    data, *_ = _read("naam:\tZomerschool\nlijst: [a,\tb]\n", tmp_path, fast=True, monkeypatch=monkeypatch)
    assert (
        data == _read("naam: Zomerschool\nlijst: [a, b]\n", tmp_path, fast=True, monkeypatch=monkeypatch)[0]
    )


def _deepest(text: str) -> int:
    """How deep [ and { nest, bracket by bracket; a closing bracket too many counts as none."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


@pytest.mark.parametrize("seed", range(20))
def test_bracket_nesting_deeper_than_the_limit_stays_with_the_pure_parser(seed: int) -> None:
    # The C composer recurses without a limit; brackets are counted also inside texts, and
    # closing brackets too many (']]]') do not make room for more.
    rng = random.Random(seed)
    limit = compose.limits.MAX_DEPTH
    for _ in range(200):
        parts = ["[", "{", "]", "}", "a", "ë", "€", "\n", "[" * limit, "]" * rng.randint(1, 5)]
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert compose._brackets_too_deep(text) == (_deepest(text) > limit), repr(text)
    assert compose._brackets_too_deep("]]]" + "[" * (limit + 1))
    assert not compose._brackets_too_deep("[" * limit + "]" + "[")
    assert compose._brackets_too_deep("[" * limit + "é[")


@pytest.mark.parametrize("seed", range(10))
def test_compact_nesting_is_measured_at_the_start_of_every_line(seed: int) -> None:
    # The definition: the run of indentation, '- ', '? ', ': ', anchors and tags at the start
    # of the text and after each line feed (^ in MULTILINE mode).
    reference = re.compile(r"^[ \t]*(?:(?:[-?:]|[&!]\S*)[ \t]+)+", re.MULTILINE)
    limit = 4 * compose.limits.MAX_DEPTH
    rng = random.Random(seed)
    parts = ["\n", "\r", " ", "\t", "- ", "? ", ": ", "-", "&a ", "!x ", "!", "b", "é", "\u3000", " " * 40]
    for _ in range(300):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 30)))
        expected = any(len(m.group()) > limit for m in reference.finditer(text))
        assert compose._compact_too_deep(text) == expected, repr(text)
    assert compose._compact_too_deep("a: 1\n" + "- " * (limit // 2 + 1) + "x\n")
    assert not compose._compact_too_deep("a: 1\n" + "- " * (limit // 2) + "x\n")


def test_the_c_parser_makes_lean_nodes_and_leaves_its_module_as_it_was() -> None:
    # The C composer builds its tree from compose's lean node classes (a quarter faster);
    # a composer that fell back to the pure parser for every file would pass the tests
    # above, so this one checks the C tree itself. Afterwards, and after a text the C
    # parser refuses, its module holds ruamel's own classes again (the catalog's
    # CSafeLoader uses them).
    from ruamel.yaml import nodes

    loader = compose._c_loader()
    module = loader.c_module
    lean_scalar, lean_sequence, lean_mapping = loader.lean_nodes
    root = compose._c_compose(loader, "a: [1, b]\nc: {d: e}\nf: !!str 12\n")
    assert type(root) is lean_mapping
    (a, seq), (_, mapping), (_, tagged) = root.value
    assert type(a) is lean_scalar and type(seq) is lean_sequence and type(mapping) is lean_mapping
    assert [v.value for v in seq.value] == ["1", "b"]
    assert seq.value[0].tag == "tag:yaml.org,2002:int" and seq.value[1].tag == "tag:yaml.org,2002:str"
    assert mapping.tag == "tag:yaml.org,2002:map" and seq.tag == "tag:yaml.org,2002:seq"
    assert tagged.tag == "tag:yaml.org,2002:str" and tagged.value == "12"
    assert (seq.start_mark.line, seq.start_mark.column) == (0, 3)
    for path in FILES:
        assert type(compose._c_compose(loader, path.read_text(encoding="utf-8"))) is lean_mapping, path
    assert compose._c_compose(loader, "a: [b\n") is None
    assert (module.ScalarNode, module.SequenceNode, module.MappingNode) == (
        nodes.ScalarNode,
        nodes.SequenceNode,
        nodes.MappingNode,
    )


def test_plans_read_in_threads_read_as_in_one(tmp_path: Path) -> None:
    # samenplan as a library, checking plans in threads: every thread reads the same data
    # and positions as one thread alone, and ruamel's C module keeps its own classes after.
    import threading

    from ruamel.yaml import nodes

    files = [p for p in FILES if p.parent.name != "data"] * 3
    alone = [_snapshot(source.read_source(p, p.name)) for p in files]
    found: dict[int, list[Any]] = {}

    def read(n: int) -> None:
        found[n] = [_snapshot(source.read_source(p, p.name)) for p in files]

    threads = [threading.Thread(target=read, args=(n,)) for n in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, also while one is composing
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert all(found[n] == alone for n in range(4))
    module = compose._c_loader().c_module
    assert (module.ScalarNode, module.MappingNode) == (nodes.ScalarNode, nodes.MappingNode)


def _snapshot(src: source.Source) -> Any:
    return (_plain(src.data), src.positions.keys, src.positions.values, len(src.diagnostics))
