"""GitHub drops annotations past 10 of a kind per step (50 per job) without a word: the github
format says so when that happens, first (so the notice itself is never dropped) and at the end
of the log, and points to the step summary that lists every finding."""

from datetime import date
from pathlib import Path

from conftest import PlanCopy
from samenplan.check.run import check_plan
from samenplan.output.github import format_github, format_github_plans, step_summary
from samenplan.scaffold.answers import build_answers
from samenplan.scaffold.files import render_plan


def fresh_plan(folder: Path) -> Path:
    """A plan as `init` makes it: 19 places still to fill in, each a warning."""
    answers = build_answers(
        titel=None, gemeenten=[], periode=None, partners=[], regelingen=[], fase=None, today=date(2025, 1, 1)
    )
    for name, text in render_plan(answers).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_more_than_ten_warnings_get_a_notice_first_and_last(tmp_path: Path) -> None:
    result = check_plan(fresh_plan(tmp_path))
    warnings = len(result.diagnostics)
    assert warnings > 10
    lines = format_github(result).splitlines()
    assert lines[0].startswith("::notice title=samenplan::")
    assert f"samenplan vond {warnings} meldingen ({warnings} waarschuwingen)" in lines[0]
    assert "hoogstens 10 fouten, 10 waarschuwingen en 10 opmerkingen" in lines[0]
    assert "samenvatting van deze taak (Summary)" in lines[-1] and not lines[-1].startswith("::")
    assert sum(line.startswith("::warning ") for line in lines) == warnings, (
        "every finding is still annotated"
    )
    assert step_summary(result).count("| waarschuwing | SP") == warnings


def break_once(plan: PlanCopy) -> None:
    """One interventie in no leefdomein at all: one error (SP101)."""
    text = plan.read("05-aanpak.yaml")
    plan.write("05-aanpak.yaml", text.replace("leefdomeinen: [school, thuis]", "leefdomeinen: []", 1))


def test_a_few_findings_get_no_notice(plan: PlanCopy) -> None:
    break_once(plan)
    output = format_github(plan.check())
    assert "::error " in output
    assert "::notice title=samenplan::" not in output and "hoogstens" not in output


def test_the_limit_counts_over_all_plans_of_one_step(plan: PlanCopy) -> None:
    break_once(plan)
    one = plan.check()
    assert len(one.diagnostics) <= 10
    output = format_github_plans([one] * 11)
    assert output.startswith("::notice title=samenplan::samenplan vond 11 meldingen (11 fouten).")
