"""Unit tests of source.read_source, source.scalar and PositionIndex.locate."""

import random
from pathlib import Path

import pytest

from conftest import position
from samenplan.diagnostics import Location
from samenplan.load.locate import Lines, PositionIndex
from samenplan.load.source import Source, read_source


def read(tmp_path: Path, text: str | bytes, name: str = "test.yaml") -> Source:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read_source(path, name)


def value(tmp_path: Path, yaml_value: str) -> object:
    src = read(tmp_path, f"x: {yaml_value}\n")
    assert src.diagnostics == []
    return src.data["x"]


# --- scalars ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("Yes", "Yes"),
        ("y", "y"),
        ("n", "n"),
        ("true", True),
        ("false", False),
        ("True", True),
        ("'12'", "12"),
        ('"12"', "12"),
        ("'3.5'", "3.5"),
        ("'true'", "true"),
        ("'null'", "null"),
        ("12", 12),
        ("-7", -7),
        ("0", 0),
        ("12.5", 12.5),
        ("1.5e3", 1500.0),
        ("12.000", "12.000"),
        ("1.250.000", "1.250.000"),
        ('"12.000"', "12.000"),
        ("12,5", "12,5"),
        ("2024-08-01", "2024-08-01"),
        ("2024-02-30", "2024-02-30"),
        ("2024-08-01T10:00:00", "2024-08-01T10:00:00"),
        ("~", None),
        ("null", None),
        ("", None),
        ("GM0363", "GM0363"),
        ("0x1F", 31),
        ("0o17", 15),
        # Issue 9: '+0b101' stayed a string while '-0b101' became an int.
        ("0b101", 5),
        ("+0b101", 5),
        ("-0b101", -5),
        ("+0o17", 15),
        ("-0o17", -15),
        ("+0x1F", 31),
        ("-0x1F", -31),
    ],
)
def test_scalar_conversion(tmp_path: Path, text: str, expected: object) -> None:
    result = value(tmp_path, text)
    assert result == expected
    assert type(result) is type(expected)


def test_special_floats(tmp_path: Path) -> None:
    assert value(tmp_path, ".inf") == float("inf")
    assert value(tmp_path, "-.inf") == float("-inf")
    nan = value(tmp_path, ".nan")
    assert isinstance(nan, float)
    assert nan != nan


def test_literal_block_scalar_keeps_its_text(tmp_path: Path) -> None:
    src = read(tmp_path, "a: |\n  regel 1\n\n  - regel 2\nb: |-\n  zonder slot\n")
    assert src.data == {"a": "regel 1\n\n- regel 2\n", "b": "zonder slot"}


def test_folded_block_scalar_is_folded(tmp_path: Path) -> None:
    src = read(tmp_path, "b: >\n  een\n  twee\n\n  drie\n")
    assert src.data == {"b": "een twee\ndrie\n"}


def test_nested_data(tmp_path: Path) -> None:
    src = read(tmp_path, "a:\n  - id: x\n    lijst: [1, twee]\n  - {id: y}\nb: {c: ja}\n")
    assert src.data == {"a": [{"id": "x", "lijst": [1, "twee"]}, {"id": "y"}], "b": {"c": "ja"}}
    assert src.ok


def test_merge_key_earlier_keys_win(tmp_path: Path) -> None:
    src = read(tmp_path, "basis: &b {x: 1, y: 2}\nkopie:\n  <<: *b\n  y: 3\n")
    assert src.diagnostics == []
    assert src.data["kopie"] == {"x": 1, "y": 3}


def test_keys_written_beside_a_merge_key_keep_their_own_position(tmp_path: Path) -> None:
    # Issue 9: the merged values overwrote the positions of keys written explicitly, so a
    # finding on 'naam' pointed at the anchor's line.
    text = "anker: &a\n  naam: Uit het anker\n  doel: x\ngroep:\n  <<: *a\n  naam: Eigen naam\n"
    src = read(tmp_path, text)
    assert src.diagnostics == []
    assert list(src.data["groep"].items()) == [("naam", "Eigen naam"), ("doel", "x")]
    assert src.positions.locate(("groep", "naam")) == Location("test.yaml", *position(text, "Eigen naam"))
    assert src.positions.locate(("groep", "naam"), at_key=True) == Location("test.yaml", 6, 3)
    # A key that only the anchor has is shown where the anchor writes it.
    assert src.positions.locate(("groep", "doel")) == Location("test.yaml", 3, 9)


def test_the_first_merged_mapping_wins_for_data_and_position(tmp_path: Path) -> None:
    text = "a: &a {x: van-a}\nb: &b {x: van-b, y: 2}\nc:\n  <<: [*a, *b]\n"
    src = read(tmp_path, text)
    assert src.data["c"] == {"x": "van-a", "y": 2}
    assert src.positions.locate(("c", "x")) == Location("test.yaml", *position(text, "van-a"))


@pytest.mark.parametrize("merged", ["5", "[1, 2]", "tekst", "[*a, 3]"])
def test_a_merge_key_without_a_mapping_is_reported(tmp_path: Path, merged: str) -> None:
    # Issue 17 item 23: '<<: 5' and '<<: [1, 2]' were dropped without a word.
    text = f"a: &a {{x: 1}}\nb:\n  <<: {merged}\n  y: 2\n"
    src = read(tmp_path, text)
    assert src.diagnostics
    assert {(d.code, d.location.line) for d in src.diagnostics} == {("SP009", 3)}
    assert all("<<:" in d.message for d in src.diagnostics)


def test_aliases_are_expanded(tmp_path: Path) -> None:
    src = read(tmp_path, "a: &anker [school, thuis]\nb: *anker\n")
    assert src.data == {"a": ["school", "thuis"], "b": ["school", "thuis"]}


def test_lines_are_kept_without_line_endings(tmp_path: Path) -> None:
    src = read(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: caf\xc3\xa9\r\n")
    assert src.lines == ["a: 1", "b: café"]
    assert src.data == {"a": 1, "b": "café"}


@pytest.mark.parametrize("seed", range(10))
def test_lines_containing_a_word_are_the_lines_that_hold_it(seed: int) -> None:
    # Waiver comments are found this way: the same lines, with the same numbers, as going
    # through every line, also with CR and CRLF line breaks and a last line without one.
    rng = random.Random(seed)
    parts = ["samenplan", "x", "\n", "\r", "\r\n", " ", "samen", "plan", "é"]
    for _ in range(300):
        lines = Lines("".join(rng.choice(parts) for _ in range(rng.randint(0, 16))))
        expected = [(number, line) for number, line in enumerate(lines) if "samenplan" in line]
        assert list(lines.containing("samenplan")) == expected


# --- positions ----------------------------------------------------------------------------

DOC = """\
titel: Mijn plan
lijst:
  - id: a
    naam: Eerste
  - tweede
groep:
  sub: [x, y]
leeg:
"""


def test_positions_of_keys_values_and_items(tmp_path: Path) -> None:
    src = read(tmp_path, DOC)
    loc = src.positions.locate
    assert loc(("titel",), at_key=True) == Location("test.yaml", *position(DOC, "titel"))
    assert loc(("titel",)) == Location("test.yaml", *position(DOC, "Mijn plan"))
    assert loc(("lijst",), at_key=True) == Location("test.yaml", *position(DOC, "lijst"))
    assert loc(("lijst", 0)) == Location("test.yaml", *position(DOC, "id: a"))
    assert loc(("lijst", 0, "naam"), at_key=True) == Location("test.yaml", *position(DOC, "naam"))
    assert loc(("lijst", 0, "naam")) == Location("test.yaml", *position(DOC, "Eerste"))
    assert loc(("lijst", 1)) == Location("test.yaml", *position(DOC, "tweede"))
    assert loc(("groep", "sub")) == Location("test.yaml", *position(DOC, "[x, y]"))
    assert loc(("groep", "sub", 1)) == Location("test.yaml", *position(DOC, "y]"))
    assert loc(("leeg",), at_key=True) == Location("test.yaml", *position(DOC, "leeg"))


def test_locate_falls_back_to_parent_key(tmp_path: Path) -> None:
    src = read(tmp_path, DOC)
    loc = src.positions.locate
    # A missing child is shown at its parent: the key of a mapping entry ...
    assert loc(("groep", "ontbreekt")) == Location("test.yaml", *position(DOC, "groep"))
    assert loc(("groep", "sub", 7)) == Location("test.yaml", *position(DOC, "sub"))
    # ... or the start of a list item, which has no key.
    assert loc(("lijst", 0, "soort")) == Location("test.yaml", *position(DOC, "id: a"))
    assert loc(("lijst", 0, "x", "y", 3)) == Location("test.yaml", *position(DOC, "id: a"))
    # Nothing matching at all: the start of the file.
    assert loc(("bestaat", "niet")) == Location("test.yaml", 1, 1)
    assert loc(()) == Location("test.yaml", 1, 1)


def test_has(tmp_path: Path) -> None:
    src = read(tmp_path, DOC)
    assert src.positions.has(("lijst", 1))
    assert src.positions.has(("leeg",))
    assert not src.positions.has(("lijst", 2))


def test_positions_with_bom_and_crlf(tmp_path: Path) -> None:
    text = "a: 1\r\nlijst:\r\n  - id: x\r\n    naam: y\r\n"
    src = read(tmp_path, b"\xef\xbb\xbf" + text.encode())
    assert src.positions.locate(("lijst", 0, "naam")) == Location("test.yaml", *position(text, "y\r"))
    assert src.positions.locate(("a",), at_key=True) == Location("test.yaml", 1, 1)


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    text = "naam: Crèche één\nlijst: [één, twee]\n"
    src = read(tmp_path, text)
    assert src.positions.locate(("lijst", 1)) == Location("test.yaml", *position(text, "twee"))


def test_position_index_directly() -> None:
    index = PositionIndex("f.yaml")
    index.add(("a",), (2, 4), (2, 0))
    index.add(("a", 0), (3, 6))
    assert index.locate(("a",)) == Location("f.yaml", 3, 5)
    assert index.locate(("a",), at_key=True) == Location("f.yaml", 3, 1)
    assert index.locate(("a", 0)) == Location("f.yaml", 4, 7)
    assert index.locate(("a", 1)) == Location("f.yaml", 3, 1)
    assert index.locate(("b",)) == Location("f.yaml", 1, 1)


# --- problems found by read_source --------------------------------------------------------


def test_duplicate_key_diagnostic(tmp_path: Path) -> None:
    src = read(tmp_path, "a: 1\nb:\n  c: 1\n  c: 2\n")
    assert [(d.code, d.location.line, d.location.col) for d in src.diagnostics] == [("SP006", 4, 3)]
    assert [(r.location.line, r.location.col) for r in src.diagnostics[0].related] == [(3, 3)]
    assert not src.ok


def test_non_mapping_root(tmp_path: Path) -> None:
    src = read(tmp_path, "- a\n- b\n")
    assert [d.code for d in src.diagnostics] == ["SP004"]
    assert not src.ok


def test_key_that_is_a_list(tmp_path: Path) -> None:
    src = read(tmp_path, "a: 1\n? [x, y]\n: z\n")
    assert [(d.code, d.location.line, d.location.col) for d in src.diagnostics] == [("SP009", 2, 3)]


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    src = read_source(tmp_path / "weg.yaml", "weg.yaml")
    assert [(d.code, d.location.file) for d in src.diagnostics] == [("SP016", "weg.yaml")]
    assert src.data is None


def test_utf16_file_is_not_utf8(tmp_path: Path) -> None:
    src = read(tmp_path, "a: café\n".encode("utf-16"))
    assert [d.code for d in src.diagnostics] == ["SP005"]


def test_tag_value_is_dropped(tmp_path: Path) -> None:
    src = read(tmp_path, "a: !!python/object/apply:os.getcwd []\nb: 2\n")
    assert [(d.code, d.location.line, d.location.col) for d in src.diagnostics] == [("SP014", 1, 4)]
    assert src.data == {"a": None, "b": 2}


def test_name_is_used_in_locations(tmp_path: Path) -> None:
    path = tmp_path / "echt.yaml"
    path.write_text("a: [\n", encoding="utf-8")
    src = read_source(path, "getoond.yaml")
    assert {d.location.file for d in src.diagnostics} == {"getoond.yaml"}
