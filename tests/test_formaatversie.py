"""A plan in another formaatversie: one finding that says what to do, nothing else read."""

import json
from pathlib import Path

import pytest

from samenplan.check.run import check_plan
from samenplan.plan.schema import render_schemas
from support import GOOD_EXAMPLES, ROOT, Cli, copy_example, edit

FORMAAT1 = ROOT / "tests" / "fixtures" / "formaat1"


def test_check_names_the_line_and_the_migrate_command(cli: Cli) -> None:
    run = cli("check", "tests/fixtures/formaat1/rivierstad")
    assert run.code == 1
    assert run.out.splitlines()[:4] == [
        "tests/fixtures/formaat1/rivierstad/samenplan.yaml:1:16: SP018 fout Dit plan is geschreven in "
        "formaatversie 1; deze samenplan leest formaatversie 2.",
        "    1 | formaatversie: 1",
        "      |                ^",
        "      tip: Je ziet eerst wat er verandert, en de oude bestanden blijven bewaard. Werk het plan "
        "bij met: samenplan migrate tests/fixtures/formaat1/rivierstad",
    ]


def test_only_the_formaatversie_is_reported_not_the_old_keys(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "samenplan.yaml", "formaatversie: 2\n", "# ons plan\n\nformaatversie: 1\n")
    edit(plan, "samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen\nreserveringen: []\n")
    result = check_plan(plan)
    assert [(d.code, d.location.line, d.key_path) for d in result.diagnostics] == [
        ("SP018", 3, ("formaatversie",))
    ]
    assert result.loaded.plan is None and result.loaded.formaat is result.diagnostics[0]


def test_a_newer_formaatversie_asks_for_a_newer_samenplan(tmp_path: Path, cli: Cli) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "samenplan.yaml", "formaatversie: 2\n", "formaatversie: 3\n")
    [diag] = check_plan(plan).diagnostics
    assert (diag.code, diag.message, diag.hint) == (
        "SP019",
        "Dit plan is geschreven in formaatversie 3; deze samenplan kent formaatversie 2.",
        "Werk samenplan bij: pip install --upgrade samenplan.",
    )


@pytest.mark.parametrize(("value", "code"), [("0", "SP013"), ("true", "SP009"), ("twee", "SP009")])
def test_what_is_no_formaatversie_is_said_by_the_model(tmp_path: Path, value: str, code: str) -> None:
    plan = copy_example(tmp_path)
    edit(plan, "samenplan.yaml", "formaatversie: 2\n", f"formaatversie: {value}\n")
    assert [d.code for d in check_plan(plan).diagnostics] == [code]


def test_render_stops_with_exit_2_and_the_command(tmp_path: Path, cli: Cli) -> None:
    run = cli("render", FORMAAT1 / "heidedorpen", "-o", tmp_path / "plan.html")
    where = (FORMAAT1 / "heidedorpen").as_posix()
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"samenplan: {where}/samenplan.yaml, regel 1: Dit plan is geschreven in formaatversie 1; deze "
        "samenplan leest formaatversie 2. Je ziet eerst wat er verandert, en de oude bestanden "
        f"blijven bewaard. Werk het plan bij met: samenplan migrate {where}\n"
    )
    assert not (tmp_path / "plan.html").exists()


def test_status_says_what_to_do(cli: Cli) -> None:
    run = cli("status", "tests/fixtures/formaat1/heidedorpen")
    assert run.code == 0
    assert run.out.splitlines()[2] == (
        "tests/fixtures/formaat1/heidedorpen/samenplan.yaml, regel 1: Dit plan is geschreven in "
        "formaatversie 1; deze samenplan leest formaatversie 2. Je ziet eerst wat er verandert, en "
        "de oude bestanden blijven bewaard. Werk het plan bij met: samenplan migrate "
        "tests/fixtures/formaat1/heidedorpen"
    )


def test_a_folder_with_spaces_gets_a_command_that_can_be_copied(tmp_path: Path) -> None:
    plan = copy_example(tmp_path / "ons plan")
    edit(plan, "samenplan.yaml", "formaatversie: 2\n", "formaatversie: 1\n")
    [diag] = check_plan(plan).diagnostics
    assert diag.hint.endswith(f"Werk het plan bij met: samenplan migrate '{plan}'")


def test_the_schema_accepts_only_formaatversie_2() -> None:
    schema = json.loads(render_schemas()["samenplan.schema.json"])
    field = schema["properties"]["formaatversie"]
    assert field["const"] == 2 and "minimum" not in field  # the editor's words for a bound are English
    assert "samenplan migrate" in field["description"]
    assert field["errorMessage"].startswith("Deze samenplan leest formaatversie 2. Staat hier 1, werk")


@pytest.mark.parametrize("name", [*GOOD_EXAMPLES, "vol-fouten"])
def test_the_examples_and_init_are_formaatversie_2(name: str) -> None:
    text = (ROOT / "examples" / name / "samenplan.yaml").read_text(encoding="utf-8")
    assert "\nformaatversie: 2\n" in f"\n{text}"
    template = (ROOT / "templates" / "plan" / "samenplan.yaml.j2").read_text(encoding="utf-8")
    assert "\nformaatversie: 2\n" in template
