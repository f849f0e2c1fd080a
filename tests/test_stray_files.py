"""A renamed or copied step file is never silently ignored, and `check` on one file points to
the plan folder (samenplan always checks the whole plan)."""

import shutil
from pathlib import Path

from conftest import PlanCopy, where
from support import Cli, copy_example


def test_a_copy_of_a_step_file_gets_a_warning_that_names_the_original(plan: PlanCopy) -> None:
    shutil.copy2(plan.path("05-aanpak.yaml"), plan.path("05-aanpak (kopie).yaml"))
    diag = plan.only("SP017")
    assert where(diag) == ("05-aanpak (kopie).yaml", 1, 1)
    assert "samenplan leest het niet" in diag.message
    assert diag.hint.startswith("Bedoelde je '05-aanpak.yaml'?")
    assert plan.check().rules_ran, "a warning about a stray file does not stop the check"


def test_a_renamed_step_file_is_named_next_to_the_missing_one(plan: PlanCopy) -> None:
    plan.path("06-meten-en-bijsturen.yaml").rename(plan.path("06-meten.yaml"))
    found = {d.code: d for d in plan.diagnostics()}
    assert set(found) == {"SP002", "SP017"}
    assert found["SP017"].location.file == "06-meten.yaml"
    assert found["SP017"].hint.startswith("Bedoelde je '06-meten-en-bijsturen.yaml'?")


def test_other_yaml_files_in_the_plan_folder_are_left_alone(plan: PlanCopy) -> None:
    for name in (".gitlab-ci.yml", "mkdocs.yml", "notities.yaml"):
        plan.write(name, "x: 1\n")
    assert plan.diagnostics() == []


def test_check_on_a_step_file_suggests_the_folder(cli: Cli, tmp_path: Path) -> None:
    copy_example(tmp_path, into="plan")
    done = cli("check", "plan/05-aanpak.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert "geef de map op: samenplan check plan" in done.stderr
