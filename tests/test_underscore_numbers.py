"""'1_000' in a plan: YAML 1.2 has no such number, so samenplan reads it as text, as the editor does.

ruamel (a YAML 1.1 habit) would read it as 1000. A policy officer does not write it; when it
is there anyway, a text field keeps exactly what was written and an amount gets the usual
Dutch message, instead of a number nobody typed.
"""

from pathlib import Path

import pytest

from samenplan.check.run import check_plan
from support import copy_example, edit


@pytest.mark.parametrize("written", ["1_000", "1_000.5", "0x1_0"])
def test_a_text_field_keeps_what_was_written(tmp_path: Path, written: str) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "samenplan.yaml", "regio: Heidedorpen\n", f"regio: {written}\n")
    result = check_plan(plan)
    assert result.diagnostics == []
    assert result.loaded.plan is not None and result.loaded.plan.manifest.regio == written


def test_an_amount_with_an_underscore_is_refused_in_dutch(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "05-aanpak.yaml", "        bedrag: 22000\n", "        bedrag: 22_000\n")
    [diag] = check_plan(plan).diagnostics
    assert (diag.code, diag.location.file) == ("SP012", "05-aanpak.yaml")
    assert diag.message.startswith("'22_000' in begrotingsregel")


def test_plain_numbers_are_still_numbers(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "05-aanpak.yaml", "        bedrag: 22000\n", "        bedrag: 0x55F0\n")
    assert check_plan(plan).diagnostics == []
