"""Property-based tests: no mutated plan ever makes load, check, a reporter or render crash.

Hypothesis starts from the real example plan (examples/heidedorpen, read with read_source) and
mutates it: wrong types, deleted and unknown keys, unicode of every kind, huge and negative
numbers, deep nesting, random, near-miss and dangling references, empty lists; and, on the
text itself, random characters, bytes and YAML syntax: directives, surrogate escapes, Unicode
line separators, control characters and long texts repeated by aliases among them. Every
outcome must be diagnostics (a registered code, a Dutch message, a place in the plan) or a
clean Dutch error with exit code 1 or 2; never a traceback; and text for a terminal or CI log
never carries a control character or a workflow command of its own.

Number of examples: SAMENPLAN_EXAMPLES (default 2,000) is the budget for the whole module,
shared out by SHARE below. A quick run:

    SAMENPLAN_EXAMPLES=200 python -m pytest tests/test_properties.py

Reproducing a failure: every run draws a seed (SAMENPLAN_SEED, or a random one); on failure
Hypothesis prints the shrunk example, the seed (as a note) and a @reproduce_failure(...) line
(print_blob, profile "ci" in tests/conftest.py). Either run again with the same seed:

    SAMENPLAN_SEED=<seed> python -m pytest tests/test_properties.py

or paste the printed @reproduce_failure(...) line above the failing test. Failures are also
kept in .hypothesis/ and replayed first on the next run on the same machine.

Speed: the unchanged files of a mutated plan are the example's files byte for byte, so they
are parsed once per session (see reuse_unchanged_sources); the mutated file is always read for
real. Render gets git=False: no git process per example.
"""

import contextlib
import copy
import io
import json
import math
import os
import random
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import event, given, note, seed, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from samenplan.check.codebook import all_codes
from samenplan.check.run import CheckResult, check_plan
from samenplan.cli.main import main
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.load.source import Source, read_source
from samenplan.output import FORMATS, reporter
from samenplan.output.text import format_text
from samenplan.plan.steps import DOCUMENTS
from samenplan.plan.vocab import (
    Fase,
    Leefdomein,
    Ontwikkelgebied,
    PartnerSoort,
    ResultaatSoort,
    Status,
)

ROOT = Path(__file__).resolve().parents[1]
HEIDEDORPEN = ROOT / "examples" / "heidedorpen"
FILES = [d.file for d in DOCUMENTS]
TODAY = date(2024, 11, 1)

SEED = int(os.environ.get("SAMENPLAN_SEED") or random.SystemRandom().randrange(2**32))
BUDGET = int(os.environ.get("SAMENPLAN_EXAMPLES") or 2000)
#: Each test's part of the budget (sums to 1).
SHARE = {"wild": 0.35, "shape": 0.15, "text": 0.30, "cli": 0.10, "render": 0.10}


def examples(test: str) -> Callable[[Any], Any]:
    """Seed and number of examples for one property test."""
    count = max(1, round(BUDGET * SHARE[test]))

    def decorate(fn: Any) -> Any:
        return seed(SEED)(settings(max_examples=count)(fn))

    return decorate


def remember_seed() -> None:
    note(f"Opnieuw: SAMENPLAN_SEED={SEED} python -m pytest tests/{Path(__file__).name}")


# --- the example plan, read once -------------------------------------------------------------

ORIGINAL_BYTES = {f: (HEIDEDORPEN / f).read_bytes() for f in FILES}
ORIGINAL_SOURCES = {f: read_source(HEIDEDORPEN / f, f) for f in FILES}


def _walk(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, (*path, i))


def _all_nodes() -> list[tuple[tuple[Any, ...], Any]]:
    return [node for s in ORIGINAL_SOURCES.values() for node in _walk(s.data)]


IDS = sorted({v for p, v in _all_nodes() if p and p[-1] == "id" and isinstance(v, str)})
VOCAB = sorted(
    {
        str(m)
        for enum in (Fase, Leefdomein, Ontwikkelgebied, PartnerSoort, ResultaatSoort, Status)
        for m in enum
    }
)
SHORT_STRINGS = sorted({v for _, v in _all_nodes() if isinstance(v, str) and len(v) < 40})


@pytest.fixture(scope="module", autouse=True)
def reuse_unchanged_sources() -> Iterator[None]:
    """Parse an unchanged example file once per session instead of once per example."""

    def read(path: Path, name: str, inside: Path | None = None) -> Source:
        if path.is_file() and not path.is_symlink() and path.read_bytes() == ORIGINAL_BYTES.get(name):
            return ORIGINAL_SOURCES[name]
        return read_source(path, name, inside)

    with mock.patch("samenplan.load.planfolder.read_source", read):
        yield


@contextlib.contextmanager
def plan_folder(changed: dict[str, bytes]) -> Iterator[Path]:
    """A fresh folder per example: the example's files with ``changed`` written over them."""
    with tempfile.TemporaryDirectory(prefix="samenplan-prop-") as tmp:
        root = Path(tmp) / "plan"
        root.mkdir()
        for name, raw in {**ORIGINAL_BYTES, **changed}.items():
            (root / name).write_bytes(raw)
        yield root


# --- values ----------------------------------------------------------------------------------

SPECIAL_TEXTS = [
    "",
    " ",
    "\t",
    "\n",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "0x1F",
    "1e3",
    "12.000",
    ".inf",
    "\u200b",
    "\u202eomgekeerd",
    "\ufeff",
    "\x85",
    "\u2028",
    "\x7f",
    "\x00",
    "\ud7ff",
    "🧒🏽👨‍👩‍👧",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "שלום",
    "مرحبا",
    "ﷺ",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻̋",
    "Ǆ",
    "ß",
    "İ",
    "ﬁ",
    "<vul in>",
    "{{ 7*7 }}",
    "{% raw %}",
    "<script>alert(1)</script>",
    "](javascript:x)",
    "../../etc/passwd",
    "%s%n",
    "'",
    '"',
    "\\",
    "`",
    "|",
    "# geen commentaar",
    "x" * 5000,
    # Issue 17: surrogates (written as \u escapes), terminal escapes, workflow commands.
    "Zomer\ud800school",
    "\ud83d\ude00",
    "\udfff",
    "\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\\x1b[2J",
    "\x07\x08\x9b\u2029",
    "x\n::error file=README.md,line=1::pwn\n::add-mask::geheim",
    "::stop-commands::sleutel",
    "[Klik](https://evil.example) ![](https://evil.example/p.png) www.evil.example @iemand %mijlpaal",
    "x %%{init:{'theme':'dark'}}%% y",
]
HUGE_INTS = [0, -1, 1, -(10**9), 2**31, 2**63, 2**64, -(2**63) - 1, 10**18, 10**300, -(10**300), 10**4000]
EXTREME_FLOATS = [0.0, -0.0, 0.1, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan]
ODD_DATES = [
    "2024-02-30",
    "2023-02-29",
    "0000-01-01",
    "9999-12-31",
    "2024-13-01",
    "2024-1-1",
    "24-08-01",
    "2024-08-01T10:00:00",
    "1-1-2024",
]

TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(SPECIAL_TEXTS),
    st.dates().map(date.isoformat),
    st.sampled_from(ODD_DATES),
    st.sampled_from(IDS + VOCAB + SHORT_STRINGS),
)
INTS = st.integers() | st.sampled_from(HUGE_INTS)
FLOATS = st.floats() | st.sampled_from(EXTREME_FLOATS)
KEYS = st.text(max_size=12) | st.sampled_from(
    ["", "id", "<<", "~", "null", "true", "1", "naam ", "Titel", "ids", "waivers"]
)
SCALARS = st.none() | st.booleans() | INTS | FLOATS | TEXT
ANY_VALUE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=8,
)


def near_miss(text: str) -> st.SearchStrategy[str]:
    """Strings that look like ``text`` but are not it: typos, case, spaces, lookalikes."""
    return st.sampled_from(
        [
            text.upper(),
            text + "_",
            text[:-1],
            text[1:],
            text.replace("_", "-"),
            f" {text}",
            f"{text} ",
            text + "\u200b",
            text.replace("o", "о"),
            text + text,
            text.capitalize(),
        ]
    )


def nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"a": value}
    return value


# --- mutations of the data -------------------------------------------------------------------

DELETE = object()
Draw = Callable[[st.SearchStrategy[Any]], Any]


def delete(draw: Draw, value: Any) -> Any:
    return DELETE


def add_unknown_key(draw: Draw, value: Any) -> Any:
    key = draw(
        KEYS
        if not isinstance(value, dict) or not value
        else KEYS | st.sampled_from(list(value)).flatmap(near_miss)
    )
    extra = draw(ANY_VALUE)
    return {**value, key: extra} if isinstance(value, dict) else {key: value}


def any_value(draw: Draw, value: Any) -> Any:
    return draw(ANY_VALUE)


def emptied(draw: Draw, value: Any) -> Any:
    return draw(st.sampled_from([None, [], {}, "", 0, [None], [[]]]))


def deepened(draw: Draw, value: Any) -> Any:
    return nested(draw(st.integers(10, 90)), value)


def same_kind(draw: Draw, value: Any) -> Any:
    """Another value of the same type: any text for text, any number for a number."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return draw(INTS)
    if isinstance(value, float):
        return draw(FLOATS)
    if isinstance(value, str):
        return draw(TEXT | near_miss(value) if value else TEXT)
    if isinstance(value, list):
        return draw(list_variants(value))
    if isinstance(value, dict) and value:
        key = draw(st.sampled_from(list(value)))
        return {k: v for k, v in value.items() if k != key}
    return value


DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
ID_LIKE = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)


def plausible(draw: Draw, value: Any) -> Any:
    """A value the models accept, so the plan still loads and every rule runs on it.

    Ids become other ids (of any kind) or ids that do not exist; words from a fixed list
    become other words from the lists; dates other dates; free text any text.
    """
    if isinstance(value, str) and value in IDS:
        return draw(
            st.sampled_from(IDS) | ID_LIKE | st.sampled_from([f"{value}_2", value[:-1] or "x", f"x_{value}"])
        )
    if isinstance(value, str) and value in VOCAB:
        return draw(st.sampled_from(VOCAB))
    if isinstance(value, str) and DATE_RE.fullmatch(value):
        return draw(st.dates(date(2015, 1, 1), date(2035, 12, 31)).map(date.isoformat))
    if isinstance(value, str):
        return draw(st.text(min_size=1, max_size=30) | st.sampled_from(SPECIAL_TEXTS[4:]))
    if isinstance(value, int) and not isinstance(value, bool):
        return draw(st.integers(min_value=0) | st.sampled_from([0, 10**18, 10**300]))
    return same_kind(draw, value)


def list_variants(value: list[Any]) -> st.SearchStrategy[list[Any]]:
    if not value:
        return st.just([])
    return st.sampled_from([[], value[::-1], value[1:], value + value[:1], value * 3, [value[0]]])


def reference(draw: Draw, value: Any) -> Any:
    """Point a reference elsewhere: another id, a near miss, or nothing that exists."""
    if not isinstance(value, str):
        return same_kind(draw, value)
    return draw(st.sampled_from(IDS) | near_miss(value) | st.text(min_size=1, max_size=12))


Mutation = Callable[[Draw, Any], Any]
WILD: list[Mutation] = [delete, add_unknown_key, any_value, emptied, deepened, same_kind, reference]
SHAPE: list[Mutation] = [plausible]


def replace_at(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return None if new is DELETE else new
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if new is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return data


# --- serialising ------------------------------------------------------------------------------

SURROGATE = re.compile("[\ud800-\udfff]")


def flow_yaml(value: Any) -> str:
    """YAML in flow style: JSON with YAML's words for the special floats."""
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, str) and SURROGATE.search(value):
        return json.dumps(value)  # as \ud800 escapes, which YAML reads back as surrogates
    if isinstance(value, list):
        return "[" + ", ".join(flow_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{flow_yaml(str(k))}: {flow_yaml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _has_surrogate(value: Any) -> bool:
    return any(
        isinstance(part, str) and SURROGATE.search(part) is not None
        for path, node in _walk(value)
        for part in (*path[-1:], node)
    )


def block_yaml(value: Any) -> str:
    """YAML in block style, as an editor would have it; flow style if ruamel cannot write it."""
    out = io.StringIO()
    if _has_surrogate(value):
        return flow_yaml(value)  # ruamel would write the surrogate itself, not as an escape
    try:
        YAML(typ="safe", pure=True).dump(value, out)
    except Exception:
        return flow_yaml(value)
    return out.getvalue()


@dataclass
class MutatedPlan:
    """The changed files of one example; shown by Hypothesis as the list of changes."""

    files: dict[str, bytes]
    changes: list[str]

    def __repr__(self) -> str:
        return "MutatedPlan(\n  " + "\n  ".join(self.changes) + "\n)"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 200 else text[:200] + "…"


@st.composite
def mutated_plans(draw: Draw, mutations: list[Mutation]) -> MutatedPlan:
    files = draw(st.permutations(FILES))[: draw(st.integers(1, 2))]
    changed: dict[str, bytes] = {}
    changes: list[str] = []
    for file in files:
        data = copy.deepcopy(ORIGINAL_SOURCES[file].data)
        for _ in range(draw(st.integers(1, 4))):
            nodes = [(p, v) for p, v in _walk(data) if mutations is WILD or not isinstance(v, dict)]
            # An index, not sampled_from(nodes): the same draw, but Hypothesis would label a
            # strategy over these hundreds of unhashable nodes one by one, for every mutation.
            path, value = nodes[draw(st.sampled_from(range(len(nodes))))]
            mutate = draw(st.sampled_from(mutations))
            new = mutate(draw, value)
            data = replace_at(data, path, new)
            changes.append(
                f"{file} {list(path)}: {mutate.__name__} → {'weg' if new is DELETE else _short(new)}"
            )
        style = draw(st.sampled_from([flow_yaml, flow_yaml, flow_yaml, block_yaml]))
        changed[file] = style(data).encode("utf-8")
        changes.append(f"{file} geschreven als {style.__name__}")
    return MutatedPlan(changed, changes)


# --- mutations of the text ---------------------------------------------------------------------

YAML_PIECES = [
    ": ",
    "- ",
    "&a ",
    "*a",
    "*onbekend",
    "<<: *a\n",
    "!!python/object/apply:os.system [ls]",
    "!!binary ",
    "!eigen ",
    "%TAG ! tag:x,2024:\n",
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "? ",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "\t",
    "|",
    ">-",
    "#",
    "@",
    "`",
    "\\",
    ",",
    "\ufeff",
    "\x00",
    "\r",
    "\r\n",
    "\x85",
    "\u2028",
    "9" * 5000,
    "1e999",
    "0x",
    ".inf",
    "~",
    "\n  ",
    "\n\n",
    "&a [*a]",
    "{a: [",
    "\xa0",
    "\x1b[31m",
    # Issue 17: directives, surrogate escapes, line separators, control characters.
    "%YAML 1.2\n---\n",
    "%YAML 1.3\n",
    "%YAML 2.0\n---\n",
    '"Zomer\\ud800school"',
    '"\\ud83d\\ude00"',
    "# opmerking\u2029 met\x85 tekst\u2028\n",
    "\u2029",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x07",
    "\x9b",
    "\u202e",
    "::error::x",
    "# samenplan: negeer" + " " * 3000 + "x!",
    "naam:\t",
    "'" + "[" * 41 + "'",
]
PIECES = st.one_of(
    st.sampled_from(YAML_PIECES).map(lambda s: s.encode("utf-8")),
    st.text(max_size=10).map(lambda s: s.encode("utf-8")),
    st.binary(max_size=6),
)


def mangle(draw: Draw, raw: bytearray) -> str:
    """One change to the bytes of a file; returns what it did."""
    op = draw(st.sampled_from(["insert", "insert", "delete", "byte", "line", "cut", "directive", "aliases"]))
    at = draw(st.integers(0, len(raw)))
    if op == "directive":
        version = draw(st.sampled_from(["1.0", "1.1", "1.2", "1.3", "2.0", "x"]))
        raw[0:0] = f"%YAML {version}\n---\n".encode()
        return f"%YAML {version} ervoor"
    if op == "aliases":
        # A long text anchored once and repeated by aliases (the budget counts its length).
        size, times = draw(st.integers(1, 200_000)), draw(st.integers(1, 3000))
        raw[0:0] = f"lang: &lang {'x' * size}\nherhaald: [{', '.join(['*lang'] * times)}]\n".encode()
        return f"{size} tekens, {times} keer herhaald"
    if op == "insert":
        piece = draw(PIECES)
        raw[at:at] = piece
        return f"{at}: {piece!r} ingevoegd"
    if op == "delete":
        size = draw(st.integers(1, 80))
        del raw[at : at + size]
        return f"{at}: {size} bytes weg"
    if op == "byte":
        byte = draw(st.integers(0, 255))
        raw[at : at + 1] = bytes([byte])
        return f"{at}: byte {byte:#04x}"
    if op == "line":
        start, end = raw.rfind(b"\n", 0, at) + 1, raw.find(b"\n", at)
        line = bytes(raw[start : end + 1 if end >= 0 else len(raw)])
        raw[start:start] = line * draw(st.integers(1, 3))
        return f"{at}: regel herhaald"
    del raw[at:]
    return f"{at}: afgekapt"


@st.composite
def mangled_texts(draw: Draw) -> MutatedPlan:
    file = draw(st.sampled_from(FILES))
    raw = bytearray(ORIGINAL_BYTES[file])
    changes = [f"{file} {mangle(draw, raw)}" for _ in range(draw(st.integers(1, 3)))]
    return MutatedPlan({file: bytes(raw)}, changes)


# --- what every outcome must be ----------------------------------------------------------------

NOT_DUTCH = re.compile(
    r"Traceback|Input should|Field required|has no attribute|NoneType|"
    r"validation error|object is not|unhashable|Error\(|Exception\("
)


def assert_dutch(text: str) -> None:
    assert text.strip(), "empty message"
    assert not NOT_DUTCH.search(text), text


def assert_diagnostic(result: CheckResult, diag: Diagnostic) -> None:
    assert diag.code in all_codes(), diag
    assert isinstance(diag.severity, Severity)
    assert_dutch(diag.message)
    loc = diag.location
    assert loc.file in FILES, diag
    assert loc.line >= 1 and loc.col >= 1, diag
    source = result.loaded.sources.get(loc.file)
    if source is not None and source.lines:
        assert loc.line <= len(source.lines) + 1, diag
    for rel in diag.related:
        assert rel.location.file in FILES and rel.location.line >= 1, diag
        assert_dutch(rel.message)


def assert_result(result: CheckResult) -> None:
    for diag in result.diagnostics:
        assert_diagnostic(result, diag)
    assert result.rules_ran == (result.loaded.plan is not None)
    if result.loaded.plan is None:
        assert result.fails(), "a plan that did not load must have an error"
    event("plan geladen, regels gedraaid" if result.rules_ran else "plan niet geladen")


def assert_report(fmt: str, text: str) -> None:
    """The machine formats are well-formed; every format ends with a newline."""
    assert text.endswith("\n")
    if fmt in ("json", "gitlab", "sarif"):
        json.loads(text)
    elif fmt == "junit":
        ET.fromstring(text.encode("utf-8"))


#: What a terminal or CI log acts on: control characters (but tab and newline), line separators.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")
ANNOTATION = re.compile(
    r"::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,title=[^,:]*::.*"
    # samenplan's own notice when GitHub would drop annotations (output/github.limit_notice)
    r"|::notice title=samenplan::samenplan vond \d+ meldingen .*"
)


def assert_safe_log(fmt: str, text: str) -> None:
    """Text for a terminal or CI log sends no escape sequence and no workflow command of its own."""
    if fmt not in ("text", "concise", "github"):
        return
    assert not RAW_CONTROL.search(text), text
    for line in text.splitlines():
        if line.lstrip().startswith("::"):
            assert fmt == "github" and ANNOTATION.fullmatch(line), line


# --- the properties ----------------------------------------------------------------------------


@examples("wild")
@given(plan=mutated_plans(WILD), fmt=st.sampled_from(list(FORMATS)))
def test_mutated_plan_gives_diagnostics_never_a_traceback(plan: MutatedPlan, fmt: str) -> None:
    remember_seed()
    with plan_folder(plan.files) as root:
        result = check_plan(root)
        assert_result(result)
        assert_report(fmt, reporter(fmt)(result))


@examples("shape")
@given(plan=mutated_plans(SHAPE), fmt=st.sampled_from(list(FORMATS)))
def test_plan_with_its_shape_kept_runs_every_rule_safely(plan: MutatedPlan, fmt: str) -> None:
    remember_seed()
    with plan_folder(plan.files) as root:
        result = check_plan(root)
        assert_result(result)
        assert_report(fmt, reporter(fmt)(result))
        format_text(result, color=True)


@examples("text")
@given(plan=mangled_texts())
def test_mangled_yaml_text_gives_diagnostics_never_a_traceback(plan: MutatedPlan) -> None:
    remember_seed()
    with plan_folder(plan.files) as root:
        result = check_plan(root)
        assert_result(result)
        assert_safe_log("text", format_text(result))


CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI")


def run_cli(*args: str) -> tuple[int, str, str]:
    """`samenplan ARGS` in this process, outside CI; exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    with (
        mock.patch.dict(os.environ, env, clear=True),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        pytest.raises(SystemExit) as stop,
    ):
        main(list(args))
    code = stop.value.code
    return code if isinstance(code, int) else 0, out.getvalue(), err.getvalue()


@examples("cli")
@given(
    plan=mutated_plans(WILD) | mangled_texts(),
    fmt=st.sampled_from(list(FORMATS)),
    level=st.sampled_from(["error", "warning", "info"]),
)
def test_check_command_exits_0_1_or_2_with_dutch_text(plan: MutatedPlan, fmt: str, level: str) -> None:
    remember_seed()
    with plan_folder(plan.files) as root:
        code, out, err = run_cli("check", str(root), "--format", fmt, "--fail-level", level)
    assert "Traceback" not in out + err
    assert code in (0, 1, 2)
    if code == 2:
        assert err.startswith("samenplan: ")
        assert_dutch(err)
    else:
        assert_report(fmt, out)
        assert_safe_log(fmt, out)


@examples("render")
@given(plan=mutated_plans(SHAPE), fmt=st.sampled_from(["md", "html"]))
def test_render_makes_a_document_or_a_dutch_error(plan: MutatedPlan, fmt: str) -> None:
    # Imported here on purpose: without the render module this test fails (it must not skip).
    from samenplan.document.render import RenderError, render_report

    remember_seed()
    with plan_folder(plan.files) as root:
        result = check_plan(root)
        try:
            text = render_report(result, fmt, today=TODAY, theme_css=None, force=True, git=False)
        except RenderError as exc:
            assert result.loaded.plan is None, exc
            assert_dutch(str(exc))
            return
    assert text.strip()


def test_shared_sources_were_not_changed() -> None:
    """The reused sources must still be what the files hold, or the examples were unfair."""
    for file in FILES:
        fresh = read_source(HEIDEDORPEN / file, file)
        assert ORIGINAL_SOURCES[file].data == fresh.data
        assert ORIGINAL_SOURCES[file].diagnostics == fresh.diagnostics == []
