"""The diff's table of what to compare (diff/kinds.py) covers every field of the format."""

from typing import get_args, get_origin

import pytest
from pydantic import BaseModel

from samenplan.diff.kinds import KINDS, NOT_COMPARED, Kind
from samenplan.diff.report import SECTIONS
from samenplan.load.planfolder import load_plan
from samenplan.plan.bundle import Plan
from samenplan.plan.steps import STEPS
from support import EXAMPLES

RIVIERSTAD = EXAMPLES / "rivierstad"


@pytest.mark.parametrize("kind", [k for k in KINDS if k.model is not None], ids=lambda k: k.name)
def test_every_field_is_compared_or_said_why_not(kind: Kind) -> None:
    assert kind.model is not None and kind.elsewhere is not None
    compared = {a.field.split(".")[0] for a in kind.aspects}
    assert not compared & set(kind.elsewhere), "a field is compared and also said to be elsewhere"
    fields = set(kind.model.model_fields)
    missing, stale = fields - compared - set(kind.elsewhere), (compared | set(kind.elsewhere)) - fields
    assert not missing, (
        f"diff/kinds.py, kind {kind.name}: add an Aspect or an 'elsewhere' reason for {missing}"
    )
    assert not stale, f"diff/kinds.py, kind {kind.name}: {stale} no longer in {kind.model.__name__}"


def test_plan_wide_texts_are_every_top_level_text_of_a_step() -> None:
    texts = next(k for k in KINDS if k.name == "tekst")
    compared = {a.field for a in texts.aspects}
    covered = {"samenwerking.participatie"}  # a kind of its own
    for step in STEPS:
        for name, info in step.model.model_fields.items():
            if info.annotation is str and f"{step.slug}.{name}" not in covered:
                assert f"{step.slug}.{name}" in compared


def test_every_kind_finds_its_entries_and_has_a_section() -> None:
    plan = load_plan(RIVIERSTAD).plan
    assert isinstance(plan, Plan)
    for kind in KINDS:
        assert kind.section in SECTIONS
        entries = list(kind.entries(plan))
        assert entries, kind.name
        if kind.model is not None:
            assert all(isinstance(e, kind.model) for _, e in entries), kind.name


def _lists(model: type[BaseModel], prefix: str) -> list[str]:
    """Dotted paths of every list of entries in ``model``, nested lists of models included."""
    found = []
    for name, info in model.model_fields.items():
        args = get_args(info.annotation)
        if get_origin(info.annotation) is list:
            found.append(f"{prefix}.{name}")
            if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
                found += [p for p in _lists(args[0], f"{prefix}.{name}") if p.count(".") <= 2]
    return found


def test_every_list_of_the_format_is_a_kind_or_not_compared_on_purpose() -> None:
    sources = {k.source for k in KINDS}
    lists = [p for step in STEPS for p in _lists(step.model, step.slug)]
    money = {"aanpak.interventies.begroting", "samenwerking.geldstromen.verdelingen"}  # diff/geld.py
    fields = {
        "bestedingsdoelen",
        "doelgroepen",
        "leefdomeinen",
        "ontwikkelgebieden",
        "resultaten",
        "partners",
        "gebieden",
        "trekkers",
        "voor",
        "bevindingen",
        "bronnen",
        "deelnemers",
        "wie",
        "mijlpalen",
        "onderbouwing",
        "uitvoerders",
        "besteed",
    }
    for path in lists:
        if path.rsplit(".", 1)[1] in fields and path.count(".") == 2:
            continue  # a field of an entry, compared as one of its aspects
        assert path in sources or path in NOT_COMPARED or path in money, (
            f"{path}: add a Kind to diff/kinds.py, or the path to NOT_COMPARED"
        )
    assert set(NOT_COMPARED) <= set(lists)
