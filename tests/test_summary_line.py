"""The summary line counts the files with findings out of all files of the plan, and names the
plan folder even when it is given as '.' or '..'."""

from pathlib import Path

from conftest import PlanCopy
from samenplan.output.text import counts_line
from support import Cli, copy_example


def test_one_file_with_findings_out_of_the_eight(plan: PlanCopy) -> None:
    text = plan.read("05-aanpak.yaml")
    plan.write("05-aanpak.yaml", text.replace("leefdomeinen: [school, thuis]", "leefdomeinen: []", 1))
    line = counts_line(plan.check())
    assert (
        line == f"1 fout, 0 waarschuwingen, 0 opmerkingen in 1 van de 8 bestanden van {plan.root.as_posix()}."
    )


def check_here(cli: Cli, cwd: Path, folder: str) -> str:
    done = cli("check", folder, cwd=cwd)
    [line] = [ln for ln in done.stdout.splitlines() if " bestanden van " in ln]
    return line


def test_inside_the_plan_folder_the_line_names_it(cli: Cli, tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    aanpak = plan / "05-aanpak.yaml"
    aanpak.write_text(aanpak.read_text("utf-8").replace("[school, thuis]", "[]", 1), "utf-8")
    assert check_here(cli, plan, ".").endswith("in 1 van de 8 bestanden van heidedorpen.")
    (plan / "sub").mkdir()
    assert check_here(cli, plan / "sub", "..").endswith("in 1 van de 8 bestanden van heidedorpen.")
