"""Formaat 2, dates and periods (issue 10, shapes 2 and 3): what check and the document say.

Three small plans under tests/fixtures/formaat2/: a concept with rough and unknown dates
(onzekere-datums), an NPO term extended with its source (verlengde-termijn), and an
interventie that runs on after the plan and the money (doorloop).
"""

import shutil
from datetime import date
from pathlib import Path

import pytest

from samenplan.check.run import CheckResult, check_plan
from samenplan.cli.main import main
from samenplan.document.render import render_report
from samenplan.dutch import datum, periode
from samenplan.plan.datum import Datum, DatumSoort, parse_datum

FIXTURES = Path(__file__).parent / "fixtures" / "formaat2"
TODAY = date(2024, 9, 1)


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


def _edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _cut(root: Path, file: str, start: str, end: str) -> None:
    """Remove the lines from ``start`` up to (not including) ``end``."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index(start)] + text[text.index(end) :], encoding="utf-8")


def _codes(result: CheckResult) -> list[str]:
    assert result.rules_ran, [d.message for d in result.diagnostics]
    return [d.code for d in result.diagnostics]


def _found(result: CheckResult, code: str) -> list[tuple[str, int, str, str]]:
    return [
        (d.location.file, d.location.line, d.severity.value, d.message)
        for d in result.diagnostics
        if d.code == code
    ]


def _documents(root: Path, today: date = TODAY) -> dict[str, str]:
    result = check_plan(root, today)
    return {fmt: render_report(result, fmt, today=today, git=False, force=True) for fmt in ("md", "html")}  # type: ignore[arg-type]


# --- the value ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "soort", "eerste", "laatste", "words"),
    [
        ("2022-03-15", DatumSoort.DAG, date(2022, 3, 15), date(2022, 3, 15), "15 maart 2022"),
        ("2021-10", DatumSoort.MAAND, date(2021, 10, 1), date(2021, 10, 31), "oktober 2021"),
        ("2024-02", DatumSoort.MAAND, date(2024, 2, 1), date(2024, 2, 29), "februari 2024"),
        (2022, DatumSoort.JAAR, date(2022, 1, 1), date(2022, 12, 31), "2022"),
        ("2022-2023", DatumSoort.SCHOOLJAAR, date(2022, 8, 1), date(2023, 7, 31), "schooljaar 2022-2023"),
        ("onbekend", DatumSoort.ONBEKEND, None, None, "onbekend"),
    ],
)
def test_a_date_knows_its_first_and_last_day_and_its_dutch_words(
    written: str | int, soort: DatumSoort, eerste: date | None, laatste: date | None, words: str
) -> None:
    d = parse_datum(written)
    assert (d.soort, d.eerste, d.laatste) == (soort, eerste, laatste)
    assert datum(d) == words
    assert parse_datum(d.tekst) == d  # written back as the user wrote it


def test_a_period_with_an_unknown_end_says_so() -> None:
    assert periode(Datum.maand(2023, 8), Datum.onbekend()) == "vanaf augustus 2023, einde onbekend"
    assert (
        periode(Datum.onbekend(), Datum.dag(date(2025, 7, 31))) == "begin onbekend, tot en met 31 juli 2025"
    )


# --- shape 2: dates that are a month, a year, a school year or unknown ---------------------


def test_rough_dates_load_and_are_never_compared_when_unknown() -> None:
    result = check_plan(FIXTURES / "onzekere-datums", TODAY)
    codes = _codes(result)
    assert not {"SP011", "SP601", "SP602", "SP604", "SP605", "SP606", "SP608"} & set(codes)
    # Unknown is incomplete: the planning's end and one mijlpaal, as warnings in a concept.
    assert _found(result, "SP609") == [
        ("07-uitvoering.yaml", 5, "warning", "De datum 'eind' bij planning 1 is nog onbekend."),
        (
            "07-uitvoering.yaml",
            8,
            "warning",
            "De datum 'datum' bij mijlpaal 2 van planning 1 is nog onbekend.",
        ),
    ]


def test_from_besluit_an_unknown_plan_periode_is_an_error(tmp_path: Path) -> None:
    root = _copy(tmp_path, "onzekere-datums")
    _edit(root, "samenplan.yaml", "fase: concept", "fase: besluit")
    result = check_plan(root, TODAY)
    assert _found(result, "SP608") == [
        ("samenplan.yaml", 8, "error", "Het einde van de periode van het plan is nog onbekend.")
    ]
    assert {s for _, _, s, _ in _found(result, "SP609")} == {"error"}


def test_a_plan_without_periode_loads_in_concept_and_is_reported_from_besluit(tmp_path: Path) -> None:
    root = _copy(tmp_path, "onzekere-datums")
    _edit(root, "samenplan.yaml", "periode: {van: 2023-08, tot: onbekend}\n", "")
    assert "SP608" not in _codes(check_plan(root, TODAY))
    _edit(root, "samenplan.yaml", "fase: concept", "fase: besluit")
    assert [m for *_, m in _found(check_plan(root, TODAY), "SP608")] == [
        "Het plan heeft nog geen periode: niet te zien is van wanneer tot wanneer het loopt."
    ]


def test_a_month_after_the_plan_is_outside_it_but_a_year_that_overlaps_is_not(tmp_path: Path) -> None:
    root = _copy(tmp_path, "onzekere-datums")
    _edit(root, "samenplan.yaml", "tot: onbekend", "tot: 2025-07")
    assert "SP602" not in _codes(check_plan(root, TODAY))  # the interventie ends "2025": may fit
    _edit(root, "05-aanpak.yaml", "tot: 2025}", "tot: 2025-09}")
    [(file, _, _, message)] = _found(check_plan(root, TODAY), "SP602")
    assert file == "05-aanpak.yaml"
    assert message.startswith("De periode van interventie 'leesclub' eindigt op september 2025, na het einde")
    assert "31 juli 2025" in message  # the plan ends on the last day of July


def test_the_documents_show_rough_dates_as_written_and_invent_no_day() -> None:
    for fmt, doc in _documents(FIXTURES / "onzekere-datums").items():
        for words in (
            "vanaf augustus 2023, einde onbekend",  # the plan's periode
            "oktober 2023",  # besluit, planning start
            "schooljaar 2023-2024 tot en met schooljaar 2024-2025",  # geldstroom
            "oktober 2023 tot en met 2025",  # interventie
            "maart 2024",  # mijlpaal
            "datum onbekend: Leesfeest in de bibliotheek",
            "Het einde van het plan is nog onbekend.",
            "het begin of het einde nog onbekend",
        ):
            assert words in doc, (fmt, words)
        for invented in (
            "1 augustus 2023",
            "1 oktober 2023",
            "31 december 2025",
            "1 januari 2022",
            "1 maart 2024",
        ):
            assert invented not in doc, (fmt, invented)
        assert "Einde plan" not in doc and "einde plan (" not in doc, fmt


# --- shape 3: periods that move --------------------------------------------------------------


def test_an_extended_term_counts_for_the_term_rules(tmp_path: Path) -> None:
    result = check_plan(FIXTURES / "verlengde-termijn", TODAY)
    assert not {"SP310", "SP313", "SP603"} & set(_codes(result))
    root = _copy(tmp_path, "verlengde-termijn")
    _cut(root, "02-samenwerking.yaml", "    verlenging:", "    bestedingsdoelen:")  # the old end counts
    codes = set(_codes(check_plan(root, TODAY)))
    assert {"SP310", "SP313", "SP603"} <= codes


def test_a_term_rule_names_the_extension_and_its_source(tmp_path: Path) -> None:
    root = _copy(tmp_path, "verlengde-termijn")
    _edit(root, "05-aanpak.yaml", "bedrag: 10000, jaar: 2024}", "bedrag: 10000, jaar: 2026}")
    [(file, _, _, message)] = _found(check_plan(root, TODAY), "SP603")
    assert file == "05-aanpak.yaml"
    assert "verlengd tot 31 juli 2025; bron: Kamerbrief Bijsturing NP Onderwijs, 25 februari 2022" in message


def test_the_documents_show_the_extension_with_its_source_and_the_budget_years() -> None:
    for fmt, doc in _documents(FIXTURES / "verlengde-termijn").items():
        assert (
            "1 augustus 2022 tot en met 31 juli 2023, verlengd tot 31 juli 2025 "
            "(bron: Kamerbrief Bijsturing NP Onderwijs, 25 februari 2022)"
        ) in doc, fmt
        assert "Het Rijk verlengde de bestedingstermijn met twee schooljaren." in doc, fmt
        assert "schooljaren (1 augustus tot en met 31 juli)" in doc and "kalenderjaren" in doc, fmt


def test_an_interventie_that_runs_on_on_purpose_is_not_reported(tmp_path: Path) -> None:
    result = check_plan(FIXTURES / "doorloop", TODAY)
    assert not {"SP310", "SP602", "SP605"} & set(_codes(result))
    root = _copy(tmp_path, "doorloop")
    _cut(root, "05-aanpak.yaml", "    doorloop:", "    begroting:")
    codes = _codes(check_plan(root, TODAY))
    assert "SP602" in codes and "SP310" in codes


def test_a_planning_may_run_on_after_the_interventie_periode_with_a_doorloop(tmp_path: Path) -> None:
    root = _copy(tmp_path, "doorloop")
    _edit(root, "05-aanpak.yaml", "tot: 2026-07-31}", "tot: 2025-07-31}")  # periode = the plan's
    codes = _codes(check_plan(root, TODAY))
    assert "SP605" not in codes and "SP602" not in codes  # planning until the doorloop's end


def test_a_doorloop_covers_only_until_its_end(tmp_path: Path) -> None:
    root = _copy(tmp_path, "doorloop")
    _edit(root, "07-uitvoering.yaml", "eind: 2026-07-31}", "eind: 2026-12-31}")
    [(file, _, _, message)] = _found(check_plan(root, TODAY), "SP602")
    assert (file, message) == (
        "07-uitvoering.yaml",
        "De planning van interventie 'leesclub' eindigt op 31 december 2026, na het einde van het plan "
        "op 31 juli 2025.",
    )


def test_the_documents_say_that_it_runs_on_why_and_from_what() -> None:
    for fmt, doc in _documents(FIXTURES / "doorloop").items():
        assert "tot 31 juli 2026" in doc, fmt
        assert "De leesclub werkt; de scholen willen haar nog een schooljaar houden." in doc, fmt
        assert "eigen middelen van Stichting Primo" in doc, fmt


# --- one clock: today is set by the CLI -----------------------------------------------------


@pytest.mark.parametrize(("today", "reported"), [("2025-06-01", False), ("2025-09-01", True)])
def test_check_compares_with_the_day_in_samenplan_datum(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    today: str,
    reported: bool,
) -> None:
    root = _copy(tmp_path, "verlengde-termijn")  # fase uitvoering, plan ends 31 July 2025
    monkeypatch.setenv("SAMENPLAN_DATUM", today)
    with pytest.raises(SystemExit):
        main(["check", str(root), "--format", "concise"])
    assert ("SP607" in capsys.readouterr().out) is reported


def test_a_wrong_samenplan_datum_is_a_dutch_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SAMENPLAN_DATUM", "morgen")
    with pytest.raises(SystemExit) as exc:
        main(["check", str(FIXTURES / "doorloop")])
    assert exc.value.code == 2
    assert "'morgen' bij SAMENPLAN_DATUM is geen datum" in capsys.readouterr().err


def test_diff_words_a_moved_extension_in_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _copy(tmp_path / "oud", "verlengde-termijn")
    new = _copy(tmp_path / "nieuw", "verlengde-termijn")
    _edit(
        new,
        "02-samenwerking.yaml",
        "    verlenging:\n      tot: 2025-07-31",
        "    verlenging:\n      tot: 2025-12",
    )
    with pytest.raises(SystemExit):
        main(["diff", str(old), str(new)])
    bron = "(bron: Kamerbrief Bijsturing NP Onderwijs, 25 februari 2022)"
    assert f"verlenging: tot 31 juli 2025 {bron} → tot december 2025 {bron}" in capsys.readouterr().out
