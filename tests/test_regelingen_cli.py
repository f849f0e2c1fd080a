"""`samenplan regelingen [PLANMAP] [ID]` and `samenplan explain ID`: finding the regelingen."""

from pathlib import Path

import pytest

from samenplan.plan.catalog import load_catalog
from support import ROOT, Cli

RIVIERSTAD = ROOT / "examples" / "rivierstad"


def run(cli: Cli, *args: str) -> tuple[int, str, str]:
    done = cli(*args)
    return done.code, done.out, done.err


def row(out: str, ident: str) -> str:
    [line] = [line for line in out.splitlines() if line.split()[:1] == [ident]]
    return line


def test_list_shows_every_regeling_with_its_stand(cli: Cli) -> None:
    code, out, err = run(cli, "regelingen", "--datum", "2026-12-01")
    assert (code, err) == (0, "")
    for ident in load_catalog():
        assert ident in out
    assert "op 1 december 2026" in out
    assert row(out, "brede_spuk").endswith("open")
    assert "1-1-2023 t/m 31-12-2026" in row(out, "brede_spuk")
    assert row(out, "npo_gemeenten").endswith("afgelopen op 31 juli 2025")
    assert "NP Onderwijs gemeenten" in row(out, "npo_gemeenten")
    # Open regelingen come first.
    ids = [
        line.split()[0]
        for line in out.splitlines()
        if line.startswith("  ") and line.split()[0] in load_catalog()
    ]
    stands = ["open" if row(out, i).endswith("open") else "dicht" for i in ids]
    assert stands == sorted(stands, key=lambda s: s != "open")
    assert "samenplan regelingen ID" in out


def test_list_follows_samenplan_datum(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMENPLAN_DATUM", "2024-01-01")
    code, out, _ = run(cli, "regelingen")
    assert code == 0
    assert row(out, "npo_gemeenten").endswith("open")
    assert row(out, "kansrijke_wijk").endswith("begint op 1 januari 2026")
    # --datum wins over the variable.
    _, out, _ = run(cli, "regelingen", "--datum", "2026-01-01")
    assert row(out, "kansrijke_wijk").endswith("open")


def test_bad_datum_is_a_dutch_usage_error(cli: Cli) -> None:
    code, out, err = run(cli, "regelingen", "--datum", "1-12-2026")
    assert code == 2 and out == ""
    assert "'1-12-2026' bij --datum is geen datum" in err
    assert "Traceback" not in err


def test_one_regeling_in_full(cli: Cli) -> None:
    code, out, err = run(cli, "regelingen", "npo_gemeenten", "--datum", "2026-12-01")
    assert (code, err) == (0, "")
    assert out.startswith("npo_gemeenten: Regeling specifieke uitkering inhalen COVID-19")
    assert "Stcrt. 2021, 42927" in out
    assert "https://zoek.officielebekendmakingen.nl/stcrt-2021-42927.html" in out
    assert "1 juli 2021 tot en met 31 juli 2025 (afgelopen op 31 juli 2025)" in out
    for doel in load_catalog()["npo_gemeenten"].bestedingsdoelen:
        assert f"  {doel.id}" in out and doel.naam in out
    assert "Niet nagekeken:" in out
    assert "'lokale samenwerking bevorderen'" in out
    assert "misschien niet compleet" in " ".join(out.split())


def test_one_regeling_shows_verified_articles(cli: Cli) -> None:
    code, out, _ = run(cli, "regelingen", "school_en_omgeving", "--datum", "2026-12-01")
    assert code == 0
    assert "(artikel 3, vierde lid, onder a)" in out
    assert "misschien niet compleet" not in out


def test_unknown_regeling_suggests(cli: Cli) -> None:
    code, out, err = run(cli, "regelingen", "npo_gemeente")
    assert code == 2 and out == ""
    assert "'npo_gemeente' is geen regeling" in err and "Bedoelde je 'npo_gemeenten'?" in err


def test_plan_folder_adds_its_own_regelingen(cli: Cli) -> None:
    code, out, err = run(cli, "regelingen", str(RIVIERSTAD), "--datum", "2025-01-01")
    assert (code, err) == (0, "")
    assert "Eigen regelingen van het plan, in samenplan.yaml (2):" in out
    own = out.split("Eigen regelingen van het plan")[1]
    assert "rivierstad_kansrijk" in own
    assert row(out, "rivierstad_kansrijk").endswith("open")
    code, out, _ = run(cli, "regelingen", str(RIVIERSTAD), "rivierstad_kansrijk")
    assert code == 0 and out.startswith("rivierstad_kansrijk: ")


def test_two_arguments_need_a_plan_folder(cli: Cli, tmp_path: Path) -> None:
    code, _, err = run(cli, "regelingen", str(tmp_path / "nergens"), "npo_gemeenten")
    assert code == 2
    assert "geen map met een plan" in err
    # A path that does not exist is not taken for a regeling id.
    code, _, err = run(cli, "regelingen", str(tmp_path / "nergens"))
    assert code == 2
    assert "geen map met een plan" in err and "geen regeling" not in err


def test_explain_finds_a_regeling(cli: Cli) -> None:
    code, out, err = run(cli, "explain", "npo_gemeenten")
    assert (code, err) == (0, "")
    assert out.startswith("npo_gemeenten: Regeling specifieke uitkering")
    assert "samenplan regelingen npo_gemeenten" in out
    code, out, err = run(cli, "explain", "npo_gemeente")
    assert code == 2
    assert "Bedoelde je 'npo_gemeenten'?" in err
    # Rule codes still come first.
    code, out, _ = run(cli, "explain", "SP310")
    assert code == 0 and out.startswith("SP310 geld-buiten-bestedingstermijn")
