"""`init` and the regelingen: open ones for the plan's periode first, ended ones warned about."""

from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from samenplan.cli.main import main
from samenplan.plan.catalog import load_catalog, open_voor, periode_melding, voor_periode
from samenplan.scaffold.answers import AnswerError
from samenplan.scaffold.regelingkeuze import keuzelijst, kies, meldingen
from support import Cli

VAN, TOT = date(2026, 8, 1), date(2027, 7, 31)
PERIODE = "2026-08-01:2027-07-31"
ENDED = {"npo_gemeenten", "npo_scholen", "welzijn_jeugd", "ve_inhaal", "school_en_omgeving"}


def init(cli: Cli, plan: Path, *options: str) -> tuple[int, str, str]:
    done = cli("init", plan, "--yes", "--periode", PERIODE, *options)
    return done.code, done.out, done.err


def geld_comments(plan: Path) -> tuple[list[str], list[str]]:
    """The ids listed as open, and those listed as not in the periode, in 02-samenwerking.yaml."""
    text = (plan / "02-samenwerking.yaml").read_text(encoding="utf-8")
    block = text.split("# Regelingen die lopen in de looptijd van dit plan:\n", 1)[1]
    open_part, rest = block.split("# Niet in de looptijd van dit plan", 1)
    open_ids = [line.split(":")[0].removeprefix("#").strip() for line in open_part.splitlines()]
    rest_lines = rest.split("\n", 1)[1].split("\n# Voorbeeld", 1)[0].split("\ngeldstromen", 1)[0]
    rest_ids = [i.strip() for i in rest_lines.replace("#", "").replace("\n", " ").split(",")]
    return open_ids, rest_ids


def test_yes_offers_only_open_regelingen_first(tmp_path: Path, cli: Cli) -> None:
    plan = tmp_path / "plan"
    code, _, err = init(cli, plan)
    assert (code, err) == (0, "")
    open_ids, rest_ids = geld_comments(plan)
    catalog = load_catalog()
    assert open_ids == [r.id for r in catalog.values() if open_voor(r, VAN, TOT)]
    assert {"brede_spuk", "goab", "kansrijke_wijk", "school_en_omgeving_2025"} <= set(open_ids)
    assert not ENDED & set(open_ids)
    assert set(rest_ids) >= ENDED
    assert sorted(open_ids + rest_ids) == sorted(catalog)
    # The example geldstroom uses a regeling that runs, not the ended NPO money.
    text = (plan / "02-samenwerking.yaml").read_text(encoding="utf-8")
    example = text.split("# Voorbeeld:\n", 1)[1]
    assert f"#     regeling: {open_ids[0]}" in example
    assert "npo_gemeenten" not in example
    # The examples of steps 5 and 6 spend and account for that same geldstroom.
    geldstroom = open_ids[0].replace("_", "-")
    assert f"#       - {{geldstroom: {geldstroom}, " in (plan / "05-aanpak.yaml").read_text(encoding="utf-8")
    assert f"#   - geldstroom: {geldstroom}\n" in (plan / "06-meten-en-bijsturen.yaml").read_text(
        encoding="utf-8"
    )


def test_yes_warns_about_an_ended_regeling(tmp_path: Path, cli: Cli) -> None:
    plan = tmp_path / "plan"
    code, _, err = init(cli, plan, "--regeling", "npo_gemeenten")
    assert code == 0
    assert err == (
        "Let op: Regeling 'npo_gemeenten' (NP Onderwijs gemeenten) is afgelopen: het geld mocht "
        "besteed worden tot en met 31 juli 2025; het plan loopt van 1 augustus 2026 tot en met "
        "31 juli 2027.\n"
    )
    text = (plan / "02-samenwerking.yaml").read_text(encoding="utf-8")
    assert "    # LET OP: Regeling 'npo_gemeenten' (NP Onderwijs gemeenten) is afgelopen" in text
    data = YAML(typ="safe").load(text)
    assert [g["regeling"] for g in data["geldstromen"]] == ["npo_gemeenten"]


def test_yes_with_a_running_regeling_warns_about_nothing(tmp_path: Path, cli: Cli) -> None:
    plan = tmp_path / "plan"
    code, _, err = init(cli, plan, "--regeling", "kansrijke_wijk")
    assert (code, err) == (0, "")
    assert "LET OP" not in (plan / "02-samenwerking.yaml").read_text(encoding="utf-8")


class Prompts:
    """Scripted answers for typer.prompt, by the start of the question; records the questions."""

    def __init__(self, answers: list[tuple[str, str]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, question: str, default: object = None, **_: object) -> str:
        self.asked.append(question)
        expected, answer = self.answers.pop(0)
        assert question.startswith(expected), (question, expected)
        return answer


class Terminal:
    """sys.stdin as a terminal, so `init` asks."""

    def isatty(self) -> bool:
        return True


def test_interactive_init_asks_for_regelingen_open_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = Prompts(
        [
            ("Partner als naam=soort", ""),
            ("Regelingen die het plan gebruikt", "99"),
            ("Regelingen die het plan gebruikt", "kansrijke_wijk, 1, npo_gemeenten"),
        ]
    )
    monkeypatch.setattr("typer.prompt", prompts)
    monkeypatch.setattr("sys.stdin", Terminal())
    plan = tmp_path / "plan"
    with pytest.raises(SystemExit) as done:
        main(
            ["init", str(plan), "--titel", "T", "--gemeente", "G", "--periode", PERIODE, "--fase", "concept"]
        )
    out, err = capsys.readouterr()
    assert done.value.code == 0, err
    assert prompts.answers == []
    shown = out.split("Regelingen die lopen in de looptijd van het plan:", 1)[1]
    listed, ended = shown.split("Niet in de looptijd van het plan", 1)
    assert "  1. brede_spuk" in listed and "kansrijke_wijk" in listed
    assert "npo_gemeenten" not in listed and "npo_gemeenten" in ended
    assert "'99' staat niet in de lijst" in err
    assert "Let op: Regeling 'npo_gemeenten' (NP Onderwijs gemeenten) is afgelopen" in err
    data = YAML(typ="safe").load((plan / "02-samenwerking.yaml").read_text(encoding="utf-8"))
    assert [g["regeling"] for g in data["geldstromen"]] == ["kansrijke_wijk", "brede_spuk", "npo_gemeenten"]


def test_interactive_init_does_not_ask_when_regelingen_are_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = Prompts([("Partner als naam=soort", "")])
    monkeypatch.setattr("typer.prompt", prompts)
    monkeypatch.setattr("sys.stdin", Terminal())
    options = ["--titel", "T", "--gemeente", "G", "--periode", PERIODE, "--fase", "concept"]
    with pytest.raises(SystemExit) as done:
        main(["init", str(tmp_path / "plan"), *options, "--regeling", "goab"])
    out, _ = capsys.readouterr()
    assert done.value.code == 0
    assert prompts.asked == ["Partner als naam=soort (leeg = klaar)"]
    assert "Regelingen die lopen" not in out


# --- the pieces -------------------------------------------------------------------------------


def test_voor_periode_orders_open_then_later_then_ended() -> None:
    open_, rest = voor_periode(load_catalog(), date(2024, 1, 1), date(2024, 12, 31))
    assert "npo_gemeenten" in [r.id for r in open_]
    later = [r for r in rest if r.periode and r.periode.begin and r.periode.begin > date(2024, 12, 31)]
    ended = [r for r in rest if r.periode and r.periode.einde and r.periode.einde < date(2024, 1, 1)]
    assert rest == later + ended
    assert [r.periode.einde for r in ended if r.periode] == sorted(
        (r.periode.einde for r in ended if r.periode and r.periode.einde), reverse=True
    )


@pytest.mark.parametrize(
    ("ident", "van", "tot", "expected"),
    [
        ("npo_gemeenten", VAN, TOT, "is afgelopen: het geld mocht besteed worden tot en met 31 juli 2025"),
        ("kansrijke_wijk", date(2024, 8, 1), date(2025, 7, 31), "begint pas op 1 januari 2026;"),
        ("brede_spuk", VAN, TOT, "loopt af op 31 december 2026, voor het einde van het plan"),
        ("kansrijke_wijk", date(2025, 8, 1), date(2026, 7, 31), "begint pas op 1 januari 2026, na het begin"),
        ("kansrijke_wijk", VAN, TOT, None),
    ],
)
def test_periode_melding(ident: str, van: date, tot: date, expected: str | None) -> None:
    melding = periode_melding(load_catalog()[ident], van, tot)
    if expected is None:
        assert melding is None
    else:
        assert melding is not None and expected in melding


def test_kies_numbers_and_ids() -> None:
    lijst = keuzelijst(VAN, TOT)
    first = lijst.splitlines()[1].split()[1]
    assert kies("", VAN, TOT) == []
    assert kies(f"1, {first} kansrijke_wijk", VAN, TOT) == [first, "kansrijke_wijk"]
    with pytest.raises(AnswerError, match="Bedoelde je 'npo_gemeenten'"):
        kies("npo_gemeente", VAN, TOT)
    with pytest.raises(AnswerError, match=f"van 1 tot en met {len(load_catalog())}"):
        kies("0", VAN, TOT)
    assert meldingen(["kansrijke_wijk", "npo_gemeenten", "npo_gemeenten"], VAN, TOT) == [
        periode_melding(load_catalog()["npo_gemeenten"], VAN, TOT)
    ]
