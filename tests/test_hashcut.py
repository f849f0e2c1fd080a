"""SP020: a '#' with a letter or digit right after it cuts a plain text off; check says so."""

from pathlib import Path

import pytest

from conftest import PlanCopy, position, where
from samenplan.load.hashcut import hash_cuts
from samenplan.load.source import read_source

UITVOERING = "07-uitvoering.yaml"
MIDDEL = "    middel: Nieuwsbrief van de scholen en een flyer over de praktijkondersteuner\n"


def _notes(tmp_path: Path, text: str) -> list[tuple[str, int, int]]:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return [(n.code, n.location.line, n.location.col) for n in read_source(path, "x.yaml").notes]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a: Campagne #SamenSterk online\n", [("SP020", 1, 13)]),
        ("a: groep  #3\n", [("SP020", 1, 11)]),
        ("- a: x #Tag\n  b: y\n", [("SP020", 1, 8)]),
        ("lijst:\n  - eerste #een\n", [("SP020", 2, 12)]),
        ("a: x # een opmerking\n", []),
        ("a: x #\n", []),
        ("a: x ## kop\n", []),
        ("a: x #samenplan: negeer SP101 reden: test\n", []),
        ('a: "tekst #tag"\n', []),
        ("a: 'tekst #tag'\n", []),
        ('a: "tekst" #tag\n', []),  # a quoted text ends where its quote does: the rest is a comment
        ("a: |\n  tekst #tag\n", []),
        ("a: https://example.nl/pagina#kop\n", []),
        ("# kop #1\na: x\n", []),
        ("a: 12 #3\n", []),  # a number, not a text
    ],
)
def test_a_text_cut_off_by_a_hash_is_found_where_the_hash_is(
    tmp_path: Path, text: str, found: list[tuple[str, int, int]]
) -> None:
    assert _notes(tmp_path, text) == found


def test_an_alias_of_a_cut_text_is_reported_once(tmp_path: Path) -> None:
    assert len(_notes(tmp_path, "a: &x tekst #tag\nb: *x\nc: *x\n")) == 1


def test_hash_cuts_of_a_text_without_hash_is_empty() -> None:
    assert hash_cuts("a: b\n") == {}


def test_the_plan_still_loads_and_the_hint_quotes_the_whole_line(plan: PlanCopy) -> None:
    new = MIDDEL.replace("een flyer over de praktijkondersteuner", 'de "campagne" #SamenSterk')
    text = plan.edit(UITVOERING, MIDDEL, new)
    result = plan.check()
    assert result.rules_ran  # a warning: the plan loads and every rule runs
    [diag] = result.diagnostics
    assert diag.code == "SP020" and diag.severity.value == "warning"
    assert where(diag) == (UITVOERING, *position(text, "#SamenSterk"))
    assert diag.message == (
        "Na 'Nieuwsbrief van de scholen en de \"campagne\"' staat '#SamenSterk'. YAML leest alles "
        "vanaf de # als opmerking: in het plan staat alleen 'Nieuwsbrief van de scholen en de "
        '"campagne"\'.'
    )
    suggested = 'middel: "Nieuwsbrief van de scholen en de \\"campagne\\" #SamenSterk"'
    assert suggested in diag.hint
    plan.edit(UITVOERING, new, f"    {suggested}\n")  # what the hint says to write loads, whole
    assert plan.codes() == []
    uitvoering = plan.check().loaded.plan.uitvoering  # type: ignore[union-attr]
    assert uitvoering.communicatie[0].middel == 'Nieuwsbrief van de scholen en de "campagne" #SamenSterk'


def test_many_hashes_on_one_line_are_one_comment() -> None:
    # Everything after the first comment on a line is comment: a hostile line of a million
    # '#b' is read once, not once per '#'.
    text = "a: " + "x #b " * 100_000 + "\n"
    assert list(hash_cuts(text).values()) == [(5, text[5:].rstrip())]
