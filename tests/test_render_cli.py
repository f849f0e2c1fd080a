"""`samenplan render` on the command line (in this process): refusal, force, targets, dates,
themes."""

from collections.abc import Callable
from pathlib import Path

import pytest

from support import HEIDEDORPEN as EXAMPLE
from support import ROOT, Cli, Run, copy_example, no_leefdomein

RunRender = Callable[..., Run]


@pytest.fixture
def run(cli: Cli) -> RunRender:
    """``samenplan render ARGS``, outside any CI."""

    def render(*args: str | Path, env: dict[str, str] | None = None) -> Run:
        return cli("render", *args, env=env)

    return render


def broken_copy(tmp_path: Path) -> Path:
    """heidedorpen in ``plan``, with SP101 (no leefdomein, not randvoorwaardelijk): an error in
    every fase."""
    plan = copy_example(tmp_path, into="plan")
    no_leefdomein(plan)
    return plan


def test_default_target_is_plan_html_in_the_plan_folder(run: RunRender, tmp_path: Path) -> None:
    plan = copy_example(tmp_path, into="plan")
    proc = run(plan, "--datum", "2025-01-15")
    assert proc.returncode == 0, proc.stderr
    html = (plan / "plan.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="nl"' in html


def test_stdout_and_date_from_environment_are_deterministic(run: RunRender) -> None:
    first = run(EXAMPLE, "-f", "md", "-o", "-", env={"SAMENPLAN_DATUM": "2025-01-15"})
    second = run(EXAMPLE, "-f", "md", "-o", "-", "--datum", "2025-01-15")
    assert first.returncode == 0 and second.returncode == 0
    assert first.stdout == second.stdout
    assert "15 januari 2025" in first.stdout


def test_plan_with_errors_is_refused_with_the_errors_shown(run: RunRender, tmp_path: Path) -> None:
    plan = broken_copy(tmp_path)
    proc = run(plan, "-o", tmp_path / "out.html")
    assert proc.returncode == 1
    assert "SP101" in proc.stderr and "--force" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out.html").exists()


def test_force_renders_a_concept_with_a_visible_banner(run: RunRender, tmp_path: Path) -> None:
    plan = broken_copy(tmp_path)
    proc = run(plan, "--force", "-o", tmp_path / "out.html")
    assert proc.returncode == 0, proc.stderr
    assert "Concept — bevat fouten" in (tmp_path / "out.html").read_text(encoding="utf-8")


def test_a_file_not_made_by_samenplan_is_never_overwritten(run: RunRender, tmp_path: Path) -> None:
    target = tmp_path / "raadsvoorstel.html"
    target.write_text("<p>eigen werk</p>", encoding="utf-8")
    proc = run(EXAMPLE, "-o", target)
    assert proc.returncode == 2
    assert "niet door samenplan gemaakt" in proc.stderr
    assert target.read_text(encoding="utf-8") == "<p>eigen werk</p>"
    assert run(EXAMPLE, "-o", target, "--overwrite").returncode == 0
    assert "samenplan render" in target.read_text(encoding="utf-8")


def test_a_report_of_our_own_is_replaced(run: RunRender, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    assert run(EXAMPLE, "-f", "md", "-o", target, "--datum", "2025-01-01").returncode == 0
    assert run(EXAMPLE, "-f", "md", "-o", target, "--datum", "2025-02-01").returncode == 0
    assert "1 februari 2025" in target.read_text(encoding="utf-8")


def test_theme_css_is_included(run: RunRender, tmp_path: Path) -> None:
    theme = tmp_path / "thema.css"
    theme.write_text(".rivierstad-theme { --utrecht-document-color: #102030; }", encoding="utf-8")
    proc = run(EXAMPLE, "-o", "-", "--theme-css", theme)
    assert proc.returncode == 0
    assert "--utrecht-document-color: #102030" in proc.stdout


def test_usage_errors_are_dutch_and_exit_2(run: RunRender, tmp_path: Path) -> None:
    cases = [
        (EXAMPLE, "-f", "odt"),
        (EXAMPLE, "-f", "html", "--sjabloon", tmp_path / "huisstijl.docx"),
        (EXAMPLE, "-f", "docx", "--sjabloon", tmp_path / "huisstijl.docx"),
        (EXAMPLE, "-f", "docx", "--theme-css", ROOT / "templates" / "report" / "style.css"),
        (EXAMPLE, "--datum", "15-01-2025"),
        (EXAMPLE, "-o", tmp_path / "bestaat-niet" / "plan.html"),
        (EXAMPLE, "-o", tmp_path),
        (EXAMPLE, "--theme-css", tmp_path / "geen.css"),
        (tmp_path / "geen-plan",),
    ]
    for args in cases:
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert proc.stderr.startswith("samenplan: "), args
        assert "Traceback" not in proc.stderr


def test_unreadable_theme_css_gets_a_dutch_reason(run: RunRender, tmp_path: Path) -> None:
    proc = run(EXAMPLE, "-o", "-", "--theme-css", tmp_path)
    assert proc.returncode == 2
    assert "dat is een map" in proc.stderr
    assert "Errno" not in proc.stderr


def test_werkversie_shows_every_finding_with_its_place_and_the_default_does_not(
    run: RunRender, tmp_path: Path
) -> None:
    plan = broken_copy(tmp_path)
    werk = run(plan, "-f", "md", "-o", "-", "--force", "--werkversie", "--datum", "2024-11-01")
    raad = run(plan, "-f", "md", "-o", "-", "--force", "--datum", "2024-11-01")
    assert werk.returncode == raad.returncode == 0, werk.stderr + raad.stderr
    assert "05-aanpak.yaml:" in werk.stdout and "SP101" in werk.stdout
    assert "05-aanpak.yaml:" not in raad.stdout and "SP101" not in raad.stdout
    assert "1 punt is nog open: 1 fout." in raad.stdout
