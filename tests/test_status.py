"""`samenplan status`: per step what is filled in and missing, the score, the next three things."""

import json
from pathlib import Path

import pytest

from conftest import ROOT
from samenplan.check.status import DONE, plan_status, status_text
from samenplan.plan.vocab import Fase
from support import GOOD_EXAMPLES, Cli, copy_example

EXAMPLES = ROOT / "examples"


def test_status_of_a_fresh_init_plan_names_every_part_and_starts_at_step_1(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", tmp_path / "nieuw", "--yes").code == 0
    run = cli("status", tmp_path / "nieuw", "--format", "json")
    assert run.code == 0, run.stderr
    data = json.loads(run.stdout)
    assert list(data) == ["version", "plan", "title", "phase", "completeness", "steps", "counts", "next"]
    assert data["phase"] == "concept"
    steps = {s["step"]: s for s in data["steps"]}
    assert sorted(steps) == [1, 2, 3, 4, 5, 6, 7]
    assert "werkgroep" in steps[2]["missing"] and "besluitvorming" in steps[2]["missing"]
    assert "risico's" in steps[7]["missing"] and "bijsturing" in steps[6]["missing"]
    assert data["completeness"] == round(sum(s["percent"] for s in data["steps"]) / 7)
    # A concept fills in its steps in order: the first three missing parts of step 1.
    assert data["next"] == [
        "Stap 1 (01-urgentie.yaml): vul aanleiding in.",
        "Stap 1 (01-urgentie.yaml): vul signalen in.",
        "Stap 1 (01-urgentie.yaml): vul gedeelde urgentie in.",
    ]
    assert not any("SP" in line for line in data["next"]), "parts, not rule codes"


@pytest.mark.parametrize("name", GOOD_EXAMPLES)
def test_status_of_a_complete_example(name: str) -> None:
    status = plan_status(EXAMPLES / name)
    assert status.score == 100
    assert all(not s.missing for s in status.steps)
    assert status.fase is not None
    assert status.next == (DONE[status.fase],)
    text = status_text(status)
    assert "samenplan check vindt geen problemen." in text
    assert "nog niet:" not in text


def test_status_of_vol_fouten_puts_what_the_fase_needs_first() -> None:
    status = plan_status(EXAMPLES / "vol-fouten")
    assert status.fase is Fase.UITVOERING
    by_step = {s.number: s for s in status.steps}
    assert by_step[6].missing == ("bijsturing",)
    assert "voortgang" in by_step[7].filled
    assert by_step[1].missing == ("aanleiding", "doelgroepen", "bestaand beleid")
    # uitvoering: the missing bijsturing first, then the heaviest errors of check.
    assert status.next[0] == "Stap 6 (06-meten-en-bijsturen.yaml): vul bijsturing in."
    assert status.next[1].startswith(
        "Los op (02-samenwerking.yaml, regel 1): Bij de partners staat geen gemeente"
    )
    assert len(status.next) == 3


def test_status_in_besluit_asks_for_the_decision_parts_first(tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    samen = plan / "02-samenwerking.yaml"
    text = samen.read_text(encoding="utf-8")
    start, end = text.index("\nwerkgroep:") + 1, text.index("\noverleg:") + 1
    samen.write_text(text[:start] + "werkgroep: []\n\n" + text[end:], encoding="utf-8")
    uitvoering = plan / "07-uitvoering.yaml"
    text = uitvoering.read_text(encoding="utf-8")
    start, end = text.index("risicos:\n"), text.index("\nborging:")
    uitvoering.write_text(text[:start] + "risicos: []\n" + text[end:], encoding="utf-8")
    status = plan_status(plan)
    assert status.next[:2] == (
        "Stap 2 (02-samenwerking.yaml): vul werkgroep in.",
        "Stap 7 (07-uitvoering.yaml): vul risico's in.",
    )


def test_status_of_a_plan_that_does_not_load(cli: Cli, tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    (plan / "02-samenwerking.yaml").write_text("partners: [\n", encoding="utf-8")
    run = cli("status", plan)
    assert run.code == 0
    assert "Het plan kan nog niet gelezen worden (1 fout in de bestanden)." in run.stdout
    assert "'samenplan check' zegt waar" in run.stdout


def test_status_text_on_the_command_line(cli: Cli) -> None:
    run = cli("status", EXAMPLES / "vol-fouten")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert lines[0].endswith(", fase uitvoering")
    assert lines[1].startswith("Volledigheid: ")
    assert "Stap 6: Maak afspraken over meten en bijsturen (80%)" in lines
    assert "  nog niet: bijsturing" in lines
    assert "Wat nu?" in lines


def test_status_refuses_a_wrong_folder_and_format(cli: Cli, tmp_path: Path) -> None:
    run = cli("status", tmp_path / "bestaat-niet")
    assert run.code == 2 and "bestaat niet" in run.stderr
    run = cli("status", EXAMPLES / "heidedorpen", "--format", "xml")
    assert run.code == 2 and "kies text of json" in run.stderr


@pytest.mark.parametrize(
    "periode", ["periode: {van: 2023-08-01, tot: onbekend}", "periode: {van: onbekend, tot: 2025-07-31}", ""]
)
def test_a_concept_without_a_known_periode_is_told_to_fill_it_in_first(periode: str, tmp_path: Path) -> None:
    plan = copy_example(tmp_path)
    path = plan / "samenplan.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("periode:")
    end = text.index("\n", text.index("tot:", start))
    written = text[:start] + periode + text[end:]
    path.write_text(written.replace("fase: besluit", "fase: concept"), encoding="utf-8")
    status = plan_status(plan)
    assert status.fase is Fase.CONCEPT
    assert status.next[0].startswith("Over dit plan (samenplan.yaml): vul de periode in")
    path.write_text(text.replace("fase: besluit", "fase: concept"), encoding="utf-8")
    assert not any("periode" in line for line in plan_status(plan).next)
