"""`samenplan init`, mostly through the real entry point (``python -m samenplan init``).

A fresh plan must check with only completeness findings, each at a place to fill in; the
prompts, --yes, no terminal, re-runs, --overwrite, --dry-run, --git, CI files and examples must
behave; every bad input gets a Dutch message on stderr, exit code 2, and nothing is written.
"""

import io
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from samenplan.check.run import check_plan
from samenplan.diagnostics import Diagnostic, Severity
from samenplan.load.source import read_source
from samenplan.plan.steps import DOCUMENTS, STEPS
from samenplan.scaffold.answers import DEFAULT_TITEL, build_answers, default_periode
from samenplan.scaffold.files import render_plan
from support import Cli, Run, run_process

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILES = [d.file for d in DOCUMENTS]
COMPLETENESS = {"SP801", "SP803", "SP316"}
TIMEOUT = 60

FULL_OPTIONS = [
    "--gemeente",
    "Rivierstad",
    "--partner",
    "Stichting Stroomwijs=schoolbestuur",
    "--regeling",
    "npo_gemeenten",
    "--regeling",
    "npo_scholen",
    "--periode",
    "2024-08-01:2025-07-31",
    "--fase",
    "concept",
]
# Text that breaks naive YAML templating: quotes, colons, '#', Jinja braces, unicode.
TRICKY_TITEL = 'Plan: "Samen" #1 {{ geen_jinja }} {% raw %} – één € \'t Dorp'
TRICKY_GEMEENTE = "Sint-Anna: 't Veld # {{ x }} “ß”"
TRICKY_PARTNER = 'Stichting "Zon & Maan": Ünïcode # {{ y }}'


# --- running the command -------------------------------------------------------------------


def child_env() -> dict[str, str]:
    """The environment for samenplan: no colours, no git settings from outside the test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, "NO_COLOR": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture(autouse=True)
def like_a_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs samenplan as a child without a terminal on stdin (like /dev/null) and
    without git settings from outside the test; a test about a terminal sets its own stdin."""
    for name in [k for k in os.environ if k.startswith("GIT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def samenplan(cli: Cli, cwd: Path, *args: str) -> Run:
    """``samenplan ARGS`` in ``cwd`` (in this process), without colours or git settings."""
    return cli(
        *args, cwd=cwd, env={"NO_COLOR": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    )


def init(cli: Cli, cwd: Path, *args: str) -> Run:
    return samenplan(cli, cwd, "init", *args)


def init_ok(cli: Cli, cwd: Path, *args: str) -> Run:
    done = init(cli, cwd, *args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder`` with its content and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def load(path: Path) -> Any:
    """A plan file read the way `samenplan check` reads it; it must read without problems."""
    src = read_source(path, path.name)
    assert src.diagnostics == [], [d.message for d in src.diagnostics]
    return src.data


def status_line(output: str, name: str) -> str:
    """The word(s) after ``name`` in the list of files that init prints."""
    [line] = [ln for ln in output.splitlines() if ln.split()[:1] == [name]]
    return line.split(maxsplit=1)[1]


# --- a terminal for the prompts --------------------------------------------------------------


class Terminal:
    """``python -m samenplan ARGS`` on a pseudo-terminal, so the prompts appear."""

    def __init__(self, cwd: Path, *args: str) -> None:
        self.master, slave = os.openpty()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "samenplan", *args],
            cwd=cwd,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=child_env(),
            start_new_session=True,
        )
        os.close(slave)
        self.output = ""
        self.seen = 0

    def _read(self, deadline: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
        try:
            data = os.read(self.master, 4096) if ready else b""
        except OSError:  # EIO: the program ended and closed the terminal
            return False
        self.output += data.decode("utf-8", "replace").replace("\r\n", "\n")
        return bool(data) or time.monotonic() < deadline

    def expect(self, text: str) -> None:
        """Wait until ``text`` appears after what was expected before."""
        deadline = time.monotonic() + TIMEOUT
        while text not in self.output[self.seen :]:
            assert self._read(deadline), f"no {text!r} in:\n{self.output}"
        self.seen = self.output.index(text, self.seen) + len(text)

    def answer(self, question: str, line: str) -> None:
        self.expect(question)
        os.write(self.master, line.encode("utf-8") + b"\r")

    def finish(self) -> int:
        """Read until the program ends; its exit code."""
        deadline = time.monotonic() + TIMEOUT
        while self._read(deadline):
            pass
        return self.proc.wait(timeout=TIMEOUT)

    def close(self) -> None:
        if self.proc.poll() is None:  # a failed test left it waiting at a prompt
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


StartTerminal = Callable[..., Terminal]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[StartTerminal]:
    """Start ``samenplan ARGS`` on a terminal in tmp_path; stopped after the test."""
    started: list[Terminal] = []

    def start(*args: str) -> Terminal:
        started.append(Terminal(tmp_path, *args))
        return started[-1]

    yield start
    for term in started:
        term.close()


# --- a fresh plan checks with only completeness findings ------------------------------------


def line_at(plan: Path, diag: Diagnostic) -> str:
    return (plan / diag.location.file).read_text(encoding="utf-8").splitlines()[diag.location.line - 1]


def assert_points_at_place_to_fill(plan: Path, diag: Diagnostic) -> None:
    line = line_at(plan, diag)
    at = line[diag.location.col - 1 :]
    if diag.code == "SP801":
        assert at.startswith('"<') and at.rstrip().endswith('>"'), (diag.message, line)
    elif diag.code == "SP803":
        assert at == f"{diag.key_path[-1]}: []", (diag.message, line)
    else:
        assert line.strip().startswith("bedrag: onbekend") and at.startswith("onbekend"), (diag.message, line)


def placeholder_lines(plan: Path) -> set[tuple[str, int]]:
    """Every line of the plan files with a '<...>' text to fill in (comments left out)."""
    return {
        (name, number)
        for name in PLAN_FILES
        for number, line in enumerate((plan / name).read_text("utf-8").splitlines(), 1)
        if not line.lstrip().startswith("#") and '"<' in line
    }


FRESH_VARIANTS = {
    "kaal": [],
    "met-opties": FULL_OPTIONS,
    "lastige-tekst": [
        "--titel",
        TRICKY_TITEL,
        "--gemeente",
        TRICKY_GEMEENTE,
        "--partner",
        f"{TRICKY_PARTNER}=schoolbestuur",
        "--periode",
        "2026-08-01:2027-07-31",
        "--regeling",
        "kansrijke_wijk",  # open for the whole periode: init warns about nothing
    ],
}


@pytest.mark.parametrize("options", FRESH_VARIANTS.values(), ids=FRESH_VARIANTS.keys())
def test_fresh_plan_has_only_completeness_findings(cli: Cli, tmp_path: Path, options: list[str]) -> None:
    init_ok(cli, tmp_path, "plan", "--yes", *options)
    plan = tmp_path / "plan"
    diags = check_plan(plan).diagnostics
    other = [(d.code, d.location, d.message) for d in diags if d.code not in COMPLETENESS]
    assert other == [], "a fresh plan may only miss content"
    for diag in diags:
        # an unknown bedrag is an opmerking in concept (SP316), every other gap a warning
        assert diag.severity is (Severity.INFO if diag.code == "SP316" else Severity.WARNING)
        assert_points_at_place_to_fill(plan, diag)
    reported = {(d.location.file, d.location.line) for d in diags if d.code == "SP801"}
    assert reported == placeholder_lines(plan), "every '<...>' text is reported, nothing else"
    assert sum(d.code == "SP316" for d in diags) == options.count("--regeling")
    done = samenplan(cli, tmp_path, "check", "plan")
    assert done.returncode == 0, done.stdout


def test_fresh_plan_reports_every_empty_core_list(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes")
    empty = {
        (d.location.file, d.key_path[-1])
        for d in check_plan(tmp_path / "plan").diagnostics
        if d.code == "SP803"
    }
    assert empty == {
        ("01-urgentie.yaml", "doelgroepen"),
        ("02-samenwerking.yaml", "werkgroep"),
        ("02-samenwerking.yaml", "besluitvorming"),
        ("02-samenwerking.yaml", "geldstromen"),
        ("03-analyse.yaml", "bevindingen"),
        ("04-resultaten.yaml", "resultaten"),
        ("05-aanpak.yaml", "interventies"),
        ("06-meten-en-bijsturen.yaml", "metingen"),
        ("07-uitvoering.yaml", "planning"),
    }


# --- what the generated files hold ------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One plan made with all options; tests only read it."""
    cwd = tmp_path_factory.mktemp("fresh")
    done = run_process("init", "plan", "--yes", *FULL_OPTIONS, cwd=cwd, env=child_env())  # one for the module
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return cwd / "plan"


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda d: d.file)
def test_every_file_names_a_valid_draft7_schema(fresh: Path, doc: Any) -> None:
    schema_name = doc.file.removesuffix(".yaml") + ".schema.json"
    first = (fresh / doc.file).read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schemas/{schema_name}"
    schema = json.loads((fresh / "schemas" / schema_name).read_text("utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(load(fresh / doc.file))


@pytest.mark.parametrize("step", STEPS, ids=lambda d: d.file)
def test_step_file_has_nji_title_and_marks_our_guidance(fresh: Path, step: Any) -> None:
    text = (fresh / step.file).read_text("utf-8")
    assert f"# Stap {step.number} – {step.title}\n" in text
    assert "geen tekst van het NJi" in text


def test_options_land_in_the_plan(fresh: Path) -> None:
    manifest = load(fresh / "samenplan.yaml")
    assert manifest["gemeenten"] == [{"naam": "Rivierstad"}]
    assert manifest["periode"] == {"van": "2024-08-01", "tot": "2025-07-31"}
    assert manifest["fase"] == "concept"
    samenwerking = load(fresh / "02-samenwerking.yaml")
    partners = {p["id"]: (p["naam"], p["soort"]) for p in samenwerking["partners"]}
    assert partners == {
        "gemeente-rivierstad": ("Rivierstad", "gemeente"),
        "stichting-stroomwijs": ("Stichting Stroomwijs", "schoolbestuur"),
    }
    stromen = {g["regeling"]: (g["ontvanger"], g["bedrag"]) for g in samenwerking["geldstromen"]}
    assert stromen == {
        "npo_gemeenten": ("gemeente-rivierstad", "onbekend"),  # never a made-up 0
        "npo_scholen": ("stichting-stroomwijs", "onbekend"),
    }


def test_tricky_text_comes_out_exactly(cli: Cli, tmp_path: Path) -> None:
    init_ok(
        cli,
        tmp_path,
        "plan",
        "--yes",
        "--titel",
        TRICKY_TITEL,
        "--gemeente",
        TRICKY_GEMEENTE,
        "--partner",
        f"{TRICKY_PARTNER}=schoolbestuur",
    )
    manifest = load(tmp_path / "plan" / "samenplan.yaml")
    assert manifest["titel"] == TRICKY_TITEL
    assert manifest["gemeenten"] == [{"naam": TRICKY_GEMEENTE}]
    partners = load(tmp_path / "plan" / "02-samenwerking.yaml")["partners"]
    assert [p["naam"] for p in partners] == [TRICKY_GEMEENTE, TRICKY_PARTNER]


def read_back(files: dict[str, str], name: str) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(files[name], encoding="utf-8")
        return load(path)


@settings(max_examples=150, deadline=None)
@given(text=st.text(min_size=1).filter(str.strip))
@example(text="a\x85b\u2028c\u2029d")  # line breaks to YAML inside quotes
@example(text="a\x7fb\x9fc\ufffe")  # characters a YAML file may not hold
@example(text='"<{{ a }}>" # b: \\ \' \t\n')
def test_any_text_round_trips_through_the_templates(text: str) -> None:
    answers = build_answers(
        titel=text,
        gemeenten=[text],
        periode=None,
        partners=[f"{text}=schoolbestuur"],
        regelingen=[],
        fase=None,
        today=date(2025, 1, 1),
    )
    files = render_plan(answers)
    assert read_back(files, "samenplan.yaml")["titel"] == text.strip()
    partners = read_back(files, "02-samenwerking.yaml")["partners"]
    assert [p["naam"] for p in partners] == [text.strip(), text.strip()]


# --- prompts, --yes and no terminal -----------------------------------------------------------


def test_prompts_ask_again_after_a_wrong_answer(tmp_path: Path, terminal: StartTerminal) -> None:
    term = terminal("init", "plan")
    term.answer("Titel van het plan", "Sterk na corona: samen")
    term.answer("Gemeente(n)", "Rivierstad, Heidedorp")
    term.answer("Looptijd (van:tot)", "2024-08-01")
    term.expect("De periode '2024-08-01' klopt niet")
    term.answer("Looptijd (van:tot)", "2024-08-01:2025-07-31")
    term.answer("Partner als naam=soort", "Stroomwijs=schoolbestuur")
    term.answer("Partner als naam=soort", "")
    term.answer("Fase", "besluit")
    term.answer("Regelingen die het plan gebruikt", "")
    assert term.finish() == 0, term.output
    manifest = load(tmp_path / "plan" / "samenplan.yaml")
    assert (manifest["titel"], manifest["fase"]) == ("Sterk na corona: samen", "besluit")
    assert manifest["gemeenten"] == [{"naam": "Rivierstad"}, {"naam": "Heidedorp"}]
    assert manifest["periode"] == {"van": "2024-08-01", "tot": "2025-07-31"}
    partners = load(tmp_path / "plan" / "02-samenwerking.yaml")["partners"]
    assert [p["id"] for p in partners] == ["gemeente-rivierstad", "gemeente-heidedorp", "stroomwijs"]


def test_prompt_rejects_a_wrong_partner_with_a_suggestion(tmp_path: Path, terminal: StartTerminal) -> None:
    term = terminal(
        "init",
        "plan",
        "--titel",
        "T",
        "--gemeente",
        "G",
        "--periode",
        "2024-08-01:2025-07-31",
        "--fase",
        "concept",
    )
    term.answer("Partner als naam=soort", "Stroomwijs=school")
    term.expect("'school' is geen soort partner. Bedoelde je 'schoolbestuur'?")
    term.answer("Partner als naam=soort", "")
    term.answer("Regelingen die het plan gebruikt", "")
    assert term.finish() == 0, term.output
    partners = load(tmp_path / "plan" / "02-samenwerking.yaml")["partners"]
    assert "Stroomwijs" not in [p["naam"] for p in partners]


def test_prompt_default_periode_is_the_current_school_year(tmp_path: Path, terminal: StartTerminal) -> None:
    van, tot = default_periode(date.today())
    term = terminal("init", "plan", "--titel", "T", "--gemeente", "G", "--fase", "concept")
    term.answer(f"Looptijd (van:tot) [{van}:{tot}]", "")
    term.answer("Partner als naam=soort", "")
    term.answer("Regelingen die het plan gebruikt", "")
    assert term.finish() == 0, term.output
    assert load(tmp_path / "plan" / "samenplan.yaml")["periode"] == {"van": f"{van}", "tot": f"{tot}"}


def test_yes_on_a_terminal_asks_nothing(tmp_path: Path, terminal: StartTerminal) -> None:
    term = terminal("init", "plan", "--yes", *FULL_OPTIONS)
    assert term.finish() == 0, term.output
    assert "Titel van het plan" not in term.output and "Fase" not in term.output
    assert load(tmp_path / "plan" / "samenplan.yaml")["titel"] == DEFAULT_TITEL


def test_without_a_terminal_init_does_not_wait(cli: Cli, tmp_path: Path) -> None:
    done = init_ok(cli, tmp_path, "plan")  # stdin is /dev/null, no --yes
    assert "Titel van het plan" not in done.stdout
    manifest = load(tmp_path / "plan" / "samenplan.yaml")
    van, tot = default_periode(date.today())
    assert (manifest["titel"], manifest["fase"]) == (DEFAULT_TITEL, "concept")
    assert manifest["periode"] == {"van": f"{van}", "tot": f"{tot}"}
    assert manifest["gemeenten"] == [{"naam": "<naam van de gemeente>"}]


# --- re-running, skipping, overwriting, dry runs ----------------------------------------------


def test_second_run_changes_nothing_and_says_so(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes", *FULL_OPTIONS)
    before = snapshot(tmp_path / "plan")
    time.sleep(0.01)
    done = init_ok(cli, tmp_path, "plan", "--yes", *FULL_OPTIONS)
    assert "Er verandert niets" in done.stdout
    assert all(status_line(done.stdout, name) == "al gelijk" for name in before)
    assert snapshot(tmp_path / "plan") == before


EDITED = 'aanleiding: "Onze eigen aanleiding."'


def edit_aanleiding(plan: Path) -> str:
    """Fill in the aanleiding by hand; returns the line that init had written."""
    path = plan / "01-urgentie.yaml"
    [original] = [ln for ln in path.read_text("utf-8").splitlines() if ln.startswith("aanleiding:")]
    path.write_text(path.read_text("utf-8").replace(original, EDITED), encoding="utf-8")
    return original


def test_existing_files_are_skipped_and_missing_ones_made(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    edit_aanleiding(plan)
    edited = (plan / "01-urgentie.yaml").read_bytes()
    (plan / "03-analyse.yaml").unlink()
    done = init_ok(cli, tmp_path, "plan", "--yes")
    assert (plan / "01-urgentie.yaml").read_bytes() == edited
    assert status_line(done.stdout, "01-urgentie.yaml") == "bestaat al, niet veranderd"
    assert status_line(done.stdout, "03-analyse.yaml") == "gemaakt"
    assert status_line(done.stdout, "05-aanpak.yaml") == "al gelijk"
    assert "1 bestaand bestand is niet aangeraakt" in done.stdout
    assert "Er verandert niets" not in done.stdout


def test_overwrite_with_yes_shows_the_diff_backs_up_then_replaces(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    fresh = (plan / "01-urgentie.yaml").read_text("utf-8")
    original = edit_aanleiding(plan)
    edited = (plan / "01-urgentie.yaml").read_bytes()
    done = init_ok(cli, tmp_path, "plan", "--yes", "--overwrite")
    assert "--- 01-urgentie.yaml (nu)\n+++ 01-urgentie.yaml (nieuw)\n@@" in done.stdout
    assert f"\n-{EDITED}\n+{original}\n" in done.stdout
    assert done.stdout.count("--- ") == 1, "only the changed file shows a diff"
    assert status_line(done.stdout, "01-urgentie.yaml") == "overschreven"
    assert (plan / "01-urgentie.yaml").read_text("utf-8") == fresh
    [backup] = backups(plan)
    assert f"staat in plan/reservekopie/{backup.name}/" in done.stdout
    assert "samenplan init plan --herstel" in done.stdout
    assert (backup / "01-urgentie.yaml").read_bytes() == edited
    assert sorted(p.name for p in backup.iterdir()) == ["01-urgentie.yaml", "herstel.json"]


def backups(plan: Path) -> list[Path]:
    folder = plan / "reservekopie"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_overwrite_without_a_terminal_needs_yes(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    edit_aanleiding(plan)
    before = snapshot(tmp_path)
    done = init(cli, tmp_path, "plan", "--overwrite")  # stdin is /dev/null
    assert done.returncode == 2
    assert f"\n-{EDITED}\n" in done.stdout, "the diff is shown before refusing"
    assert "geef ook --yes mee. Er is niets veranderd." in done.stderr
    assert snapshot(tmp_path) == before


def test_overwrite_on_a_terminal_asks_and_no_keeps_everything(
    cli: Cli, tmp_path: Path, terminal: StartTerminal
) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    edit_aanleiding(plan)
    before = snapshot(tmp_path)
    term = terminal("init", "plan", "--overwrite", *FULL_OPTIONS, "--titel", "T")
    term.expect(f"-{EDITED}")
    term.answer("Doorgaan? [j/N]", "")
    assert term.finish() == 0, term.output
    assert "Er is niets veranderd." in term.output
    assert snapshot(tmp_path) == before


def test_overwrite_on_a_terminal_yes_then_herstel_brings_the_plan_back(
    cli: Cli, tmp_path: Path, terminal: StartTerminal
) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes", *FULL_OPTIONS)
    edit_aanleiding(plan)
    filled = snapshot(plan)
    term = terminal("init", "plan", "--overwrite", *FULL_OPTIONS, "--titel", "Nieuwe titel")
    term.answer("Doorgaan? [j/N]", "j")
    assert term.finish() == 0, term.output
    assert EDITED not in (plan / "01-urgentie.yaml").read_text("utf-8")
    assert "Terugzetten: samenplan init plan --herstel" in term.output

    done = init_ok(cli, tmp_path, "plan", "--herstel", "--yes")
    assert status_line(done.stdout, "01-urgentie.yaml") == "teruggezet"
    now = snapshot(plan)
    for name, (content, _) in filled.items():
        assert now[name][0] == content, name
    # The restore kept what it replaced: a second --herstel undoes it.
    init_ok(cli, tmp_path, "plan", "--herstel", "--yes")
    assert EDITED not in (plan / "01-urgentie.yaml").read_text("utf-8")


def test_herstel_asks_on_a_terminal_and_needs_yes_without_one(
    cli: Cli, tmp_path: Path, terminal: StartTerminal
) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    edit_aanleiding(plan)
    init_ok(cli, tmp_path, "plan", "--yes", "--overwrite")
    before = snapshot(tmp_path)
    refused = init(cli, tmp_path, "plan", "--herstel")
    assert refused.returncode == 2 and "geef ook --yes mee" in refused.stderr
    term = terminal("init", "plan", "--herstel")
    term.answer("Doorgaan? [j/N]", "nee")
    assert term.finish() == 0
    assert snapshot(tmp_path) == before


def test_herstel_without_a_backup_says_so(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes")
    done = init(cli, tmp_path, "plan", "--herstel", "--yes")
    assert_refused(done, ["In 'plan/reservekopie' staat geen reservekopie"])


def test_overwrite_of_a_file_that_is_no_utf8_says_so_and_keeps_its_bytes(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    latin1 = 'aanleiding: "Café in de wijk, één plan"\n'.encode("latin-1", "replace")
    (plan / "01-urgentie.yaml").write_bytes(latin1)
    done = init_ok(cli, tmp_path, "plan", "--yes", "--overwrite")
    assert "Let op: 01-urgentie.yaml is nu geen UTF-8-tekst" in done.stdout
    assert '\n-aanleiding: "Caf\ufffd in de wijk' in done.stdout, "the removed text is shown"
    [backup] = backups(plan)
    assert (backup / "01-urgentie.yaml").read_bytes() == latin1
    init_ok(cli, tmp_path, "plan", "--herstel", "--yes")
    assert (plan / "01-urgentie.yaml").read_bytes() == latin1


def test_a_plan_survives_every_init_without_overwrite(
    cli: Cli, tmp_path: Path, terminal: StartTerminal
) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes", *FULL_OPTIONS)
    edit_aanleiding(plan)
    filled = {name: content for name, (content, _) in snapshot(plan).items()}
    for options in (
        [],
        ["--yes"],
        ["--yes", *FULL_OPTIONS, "--titel", "Anders"],
        ["--voorbeeld", "rivierstad"],
        ["--ci", "github", "--ci", "gitlab", "--pre-commit", "--git"],
        ["--dry-run", "--overwrite", "--yes"],
        ["--overwrite"],  # no terminal, no --yes: refused
    ):
        init(cli, tmp_path, "plan", *options)
        now = {name: content for name, (content, _) in snapshot(plan).items()}
        assert {n: c for n, c in now.items() if n in filled} == filled, options
    term = terminal("init", "plan")
    assert term.finish() == 0, term.output
    assert "Titel van het plan" not in term.output, "an existing plan is not asked about"
    assert {n: c for n, (c, _) in snapshot(plan).items() if n in filled} == filled


def test_dry_run_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    done = init_ok(cli, tmp_path, "plan", "--yes", "--dry-run", "--git", "--ci", "github")
    assert not (tmp_path / "plan").exists()
    for name in [*PLAN_FILES, "schemas/05-aanpak.schema.json", ".github/workflows/samenplan.yml"]:
        assert status_line(done.stdout, name) == "zou maken"
    (tmp_path / "leeg").mkdir()
    init_ok(cli, tmp_path, "leeg", "--yes", "--dry-run")
    assert list((tmp_path / "leeg").iterdir()) == []


def test_dry_run_overwrite_shows_the_diff_but_keeps_the_file(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    edit_aanleiding(plan)
    before = snapshot(plan)
    done = init_ok(cli, tmp_path, "plan", "--yes", "--dry-run", "--overwrite")
    assert f"\n-{EDITED}\n" in done.stdout
    assert status_line(done.stdout, "01-urgentie.yaml") == "zou overschrijven"
    assert snapshot(plan) == before


def test_files_get_the_usual_permissions(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "plan" / "samenplan.yaml").stat().st_mode & 0o777 == 0o666 & ~umask


# --- git, CI and pre-commit, examples -------------------------------------------------------


def git(plan: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=plan, capture_output=True, text=True, check=True, env=child_env()
    )
    return done.stdout


def test_git_makes_a_repository_with_one_commit(cli: Cli, tmp_path: Path) -> None:
    done = init_ok(cli, tmp_path, "plan", "--yes", "--git")
    assert "Git-repository gemaakt met een eerste commit." in done.stdout
    plan = tmp_path / "plan"
    assert git(plan, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(plan, "status", "--porcelain") == ""
    files = {name for name in snapshot(plan) if not name.startswith(".git/")}
    assert set(git(plan, "ls-files").split()) == files


def yaml_file(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text("utf-8"))


def test_ci_github_file_parses_and_runs_check(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes", "--ci", "github")
    workflow = yaml_file(tmp_path / "plan" / ".github" / "workflows" / "samenplan.yml")
    job = workflow["jobs"]["check"]
    runs = [s.get("run") for s in job["steps"]]
    assert "samenplan check ." in runs
    assert 'python -m pip install "$SAMENPLAN_BRON"' in runs
    assert job["env"] == {"SAMENPLAN_BRON": "samenplan==0.1.0"}


def test_ci_gitlab_and_pre_commit_files_parse(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes", "--ci", "gitlab", "--pre-commit")
    job = yaml_file(tmp_path / "plan" / ".gitlab-ci.yml")["samenplan"]
    assert "samenplan check . --report gitlab:gl-code-quality-report.json" in job["script"]
    assert job["variables"] == {"SAMENPLAN_BRON": "samenplan==0.1.0"}
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    [hook] = yaml_file(tmp_path / "plan" / ".pre-commit-config.yaml")["repos"][0]["hooks"]
    assert hook["entry"] == "samenplan check ."
    assert hook["language"] == "python", "pre-commit installs samenplan itself; no language: system"
    assert hook["additional_dependencies"] == ["samenplan==0.1.0"]
    done = samenplan(cli, tmp_path, "check", "plan")
    assert done.returncode == 0 and "\n0 fouten, " in done.stdout, done.stdout


def test_gitlab_job_command_prints_text_and_writes_the_report(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes", "--ci", "gitlab")
    job = yaml_file(tmp_path / "plan" / ".gitlab-ci.yml")["samenplan"]
    [command] = [line for line in job["script"] if line.startswith("samenplan check")]
    done = samenplan(cli, tmp_path / "plan", *command.split()[1:])
    assert done.returncode == 0, done.stderr
    assert "SP801" in done.stdout and "01-urgentie.yaml:" in done.stdout, "the log shows the findings"
    report = json.loads((tmp_path / "plan" / "gl-code-quality-report.json").read_text("utf-8"))
    assert {issue["check_name"] for issue in report} <= COMPLETENESS


def git_repo(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q")
    return folder


def test_ci_and_pre_commit_go_to_the_repository_root_with_the_plan_path(cli: Cli, tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    init_ok(cli, repo, "plannen/noord", "--yes", "--ci", "gitlab", "--ci", "github", "--pre-commit")
    assert not (repo / "plannen" / "noord" / ".gitlab-ci.yml").exists()
    workflow = yaml_file(repo / ".github" / "workflows" / "samenplan-plannen-noord.yml")
    assert "samenplan check plannen/noord" in [s.get("run") for s in workflow["jobs"]["check"]["steps"]]
    job = yaml_file(repo / ".gitlab-ci.yml")["samenplan-plannen-noord"]
    assert "samenplan check plannen/noord --report gitlab:gl-code-quality-plannen-noord.json" in job["script"]
    [hook] = yaml_file(repo / ".pre-commit-config.yaml")["repos"][0]["hooks"]
    assert hook["entry"] == "samenplan check plannen/noord"
    assert re.search(hook["files"], "plannen/noord/05-aanpak.yaml")
    assert not re.search(hook["files"], "plannen/zuid/05-aanpak.yaml")


def test_a_second_plan_in_the_repository_gets_its_own_workflow(cli: Cli, tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    init_ok(cli, repo, "noord", "--yes", "--ci", "github", "--ci", "gitlab")
    gitlab = (repo / ".gitlab-ci.yml").read_bytes()
    done = init_ok(cli, repo, "zuid", "--yes", "--ci", "github", "--ci", "gitlab")
    assert (repo / ".github" / "workflows" / "samenplan-noord.yml").is_file()
    assert (repo / ".github" / "workflows" / "samenplan-zuid.yml").is_file()
    assert (repo / ".gitlab-ci.yml").read_bytes() == gitlab, "an existing .gitlab-ci.yml is not touched"
    assert ".gitlab-ci.yml bestond al en is niet veranderd. Neem dit deel zelf over" in done.stdout
    assert "samenplan-zuid:\n" in done.stdout and "--overwrite" not in done.stdout


def test_outside_a_repository_init_says_where_the_ci_files_went(cli: Cli, tmp_path: Path) -> None:
    done = init_ok(cli, tmp_path, "plan", "--yes", "--ci", "github")
    assert "plan staat niet in een Git-repository" in done.stdout
    assert "staan daarom in de planmap" in done.stdout


def test_adding_extras_to_an_existing_plan_writes_only_those(
    cli: Cli, tmp_path: Path, terminal: StartTerminal
) -> None:
    repo = git_repo(tmp_path)
    init_ok(cli, repo, "plan", "--yes", *FULL_OPTIONS)
    edit_aanleiding(repo / "plan")
    (repo / "plan" / "03-analyse.yaml").unlink()
    before = snapshot(repo / "plan")
    time.sleep(0.01)
    term = terminal("init", "plan", "--ci", "github", "--pre-commit", "--gemeente", "Anders")
    assert term.finish() == 0, term.output
    for question in ("Titel van het plan", "Gemeente(n)", "Looptijd", "Partner", "Fase", "Doorgaan"):
        assert question not in term.output
    assert "--overwrite" not in term.output
    assert "De antwoorden voor het plan (--gemeente) zijn niet gebruikt." in term.output
    assert snapshot(repo / "plan") == before, "the plan folder is not touched, not even the missing file"
    assert (repo / ".github" / "workflows" / "samenplan-plan.yml").is_file()
    assert (repo / ".pre-commit-config.yaml").is_file()


def test_ci_value_may_name_both_systems_once(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--yes", "--ci", "gitlab,github", "--ci", "github")
    assert (tmp_path / "plan" / ".gitlab-ci.yml").is_file()
    assert (tmp_path / "plan" / ".github" / "workflows" / "samenplan.yml").is_file()


def test_voorbeeld_rivierstad_is_copied_and_checks_clean(cli: Cli, tmp_path: Path) -> None:
    init_ok(cli, tmp_path, "plan", "--voorbeeld", "rivierstad")
    example, plan = ROOT / "examples" / "rivierstad", tmp_path / "plan"
    for name in PLAN_FILES:
        schema_line, rest = (plan / name).read_text("utf-8").split("\n", 1)
        assert schema_line.startswith("# yaml-language-server: $schema=schemas/")
        assert rest == (example / name).read_text("utf-8")
    assert (plan / "README.md").read_bytes() == (example / "README.md").read_bytes()
    assert (plan / "schemas" / "05-aanpak.schema.json").is_file()
    assert check_plan(plan).diagnostics == []
    assert samenplan(cli, tmp_path, "check", "plan").returncode == 0


# --- bad input: Dutch message, exit 2, nothing written ---------------------------------------

BAD_OPTIONS = {
    "regeling-onbekend": (
        ["--regeling", "npo_gemeente"],
        ["'npo_gemeente' is geen bekende regeling", "Bedoelde je 'npo_gemeenten'?"],
    ),
    "periode-zonder-tot": (["--periode", "2024-08-01"], ["Schrijf van:tot"]),
    "periode-omgekeerd": (["--periode", "2025-08-01:2024-07-31"], ["eindigt voor hij begint"]),
    "periode-maand-13": (["--periode", "2024-13-01:2025-01-01"], ["geen geldige datums"]),
    "periode-nederlands": (
        ["--periode", "1-8-2024:31-7-2025"],
        ["geen geldige datums", "Schrijf JJJJ-MM-DD, dus: 2024-08-01:2025-07-31."],
    ),
    "partner-zonder-soort": (["--partner", "Stroomwijs"], ["Schrijf naam=soort"]),
    "partner-soort-onbekend": (
        ["--partner", "X=school"],
        ["'school' is geen soort partner", "Bedoelde je 'schoolbestuur'?"],
    ),
    "fase-onbekend": (["--fase", "besloten"], ["'besloten' is geen fase", "Bedoelde je 'besluit'?"]),
    "ci-onbekend": (["--ci", "jenkins"], ["'jenkins' kan niet bij --ci; kies github of gitlab"]),
    "voorbeeld-tikfout": (["--voorbeeld", "rivierstat"], ["Bedoelde je 'rivierstad'?"]),
    "voorbeeld-onbekend": (
        ["--voorbeeld", "onbekend"],
        ["Kies uit: heidedorpen, lindeveen, rivierstad, vol-fouten"],
    ),
    "titel-geen-utf8": (["--titel", "a\udcffb"], ["De titel 'a?b' bevat tekens die geen gewone"]),
}


def assert_refused(done: Run, expected: list[str]) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout == ""
    assert done.stderr.startswith("samenplan: ") and "Traceback" not in done.stderr
    for text in expected:
        assert text in done.stderr


@pytest.mark.parametrize(("options", "expected"), BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
def test_bad_option_is_refused_in_dutch(
    cli: Cli, tmp_path: Path, options: list[str], expected: list[str]
) -> None:
    assert_refused(init(cli, tmp_path, "plan", "--yes", *options), expected)
    assert list(tmp_path.iterdir()) == []


def test_target_that_is_a_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "plan").write_text("geen map\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert_refused(init(cli, tmp_path, "plan", "--yes"), ["'plan' is een bestand"])
    assert_refused(init(cli, tmp_path, "plan/sub", "--yes"), ["'plan' is een bestand"])
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("blocker", ["schemas", "03-analyse.yaml"])
def test_something_in_the_way_inside_the_plan_is_refused(cli: Cli, tmp_path: Path, blocker: str) -> None:
    plan = tmp_path / "plan"
    (plan / blocker).mkdir(parents=True)
    if blocker == "schemas":  # a file where the schemas folder should come
        (plan / blocker).rmdir()
        (plan / blocker).write_text("x\n", encoding="utf-8")
    before = snapshot(tmp_path)
    done = init(cli, tmp_path, "plan", "--yes")
    assert_refused(done, [f"'plan/{blocker}' is een "])
    assert snapshot(tmp_path) == before and sorted(p.name for p in plan.iterdir()) == [blocker]


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder nobody may write in. Root ignores permission bits, so for root: /proc."""
    if os.geteuid() == 0:
        return Path("/proc")
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def test_unwritable_target_is_refused(cli: Cli, tmp_path: Path) -> None:
    folder = unwritable_folder(tmp_path)
    target = folder / "samenplan-test-plan"
    try:
        done = init(cli, tmp_path, str(target), "--yes")
    finally:
        if folder != Path("/proc"):
            folder.chmod(0o755)
    assert_refused(done, [f"Je mag niet schrijven in '{folder}'"])
    assert not target.exists()


# --- a full disk, git identity, prompts, --bron, --help -----------------------------------------


def run_in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from samenplan.cli.main import main

    with pytest.raises(SystemExit) as stopped:
        main(args)
    out, err = capsys.readouterr()
    return int(stopped.value.code or 0), out, err


def test_full_disk_names_the_file_and_lists_only_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from samenplan.scaffold import writeplan

    real = writeplan.write_atomic
    calls: list[Path] = []

    def fill_up(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, "No space left on device")  # as os.write raises it: no filename
        real(path, text)

    monkeypatch.setattr(writeplan, "write_atomic", fill_up)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run_in_process(["init", str(tmp_path / "plan"), "--yes"], capsys)
    assert code == 2
    assert "None" not in err and "Traceback" not in err
    assert "kan '02-samenwerking.yaml' niet schrijven: de schijf is vol." in err
    assert "Wel geschreven: samenplan.yaml, 01-urgentie.yaml." in err
    assert "gemaakt" not in out, "nothing is reported as made before it is written"
    assert sorted(p.name for p in (tmp_path / "plan").iterdir()) == ["01-urgentie.yaml", "samenplan.yaml"]


def git_env(tmp_path: Path, **config: str) -> dict[str, str]:
    """child_env() with a global git configuration holding ``config`` (section.key=value)."""
    path = tmp_path / "gitconfig"
    lines = []
    for key, value in config.items():
        section, name = key.split("_", 1)
        lines.append(f"[{section}]\n\t{name} = {value}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return {**child_env(), "GIT_CONFIG_GLOBAL": str(path)}


def run_env(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samenplan", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
        check=False,
    )


def test_git_commits_as_the_user_when_git_knows_them(tmp_path: Path) -> None:
    env = git_env(tmp_path, user_name="Fatima de Vries", user_email="fatima@rivierstad.nl")
    done = run_env(tmp_path, env, "init", "plan", "--yes", "--git")
    assert done.returncode == 0, done.stderr
    author = subprocess.run(
        ["git", "log", "-1", "--format=%an <%ae>"],
        cwd=tmp_path / "plan",
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.strip()
    assert author == "Fatima de Vries <fatima@rivierstad.nl>"
    assert "Git kent je naam nog niet" not in done.stdout


def test_git_without_an_identity_says_whose_name_the_commit_has(cli: Cli, tmp_path: Path) -> None:
    done = init_ok(cli, tmp_path, "plan", "--yes", "--git")
    assert "Git kent je naam nog niet" in done.stdout
    assert git(tmp_path / "plan", "log", "-1", "--format=%an").strip() == "samenplan"


def test_git_inside_an_existing_repository_makes_no_second_one(cli: Cli, tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    done = init_ok(cli, repo, "plan", "--yes", "--git")
    assert not (repo / "plan" / ".git").exists()
    assert "staat al in een Git-repository" in done.stdout


def test_prompt_asks_again_for_an_empty_gemeente(tmp_path: Path, terminal: StartTerminal) -> None:
    term = terminal("init", "plan", "--titel", "T", "--periode", "2024-08-01:2025-07-31", "--fase", "concept")
    term.answer("Gemeente(n)", " , ")
    term.expect("Geef de naam van minstens één gemeente")
    term.answer("Gemeente(n)", "Heidedorp")
    term.answer("Partner als naam=soort", "")
    term.answer("Regelingen die het plan gebruikt", "")
    assert term.finish() == 0, term.output
    assert load(tmp_path / "plan" / "samenplan.yaml")["gemeenten"] == [{"naam": "Heidedorp"}]


def wheel_file(tmp_path: Path) -> Path:
    path = tmp_path / "samenplan-0.1.0-py3-none-any.whl"
    path.write_bytes(b"PK")
    return path


BRONNEN = {
    "standaard": ([], "samenplan==0.1.0", None),
    "vaste-versie": (["--bron", "samenplan==0.2.1"], "samenplan==0.2.1", None),
    "mirror": (
        ["--bron", "https://pypi.gemeente.nl/simple"],
        "samenplan==0.1.0",
        "https://pypi.gemeente.nl/simple",
    ),
    "git-met-tag": (
        ["--bron", "git+https://git.gemeente.nl/ict/samenplan@v0.1.0"],
        "samenplan @ git+https://git.gemeente.nl/ict/samenplan@v0.1.0",
        None,
    ),
    "wheel-url": (
        ["--bron", "https://intranet.nl/pakketten/samenplan-0.1.0-py3-none-any.whl#sha256=ab12"],
        "samenplan @ https://intranet.nl/pakketten/samenplan-0.1.0-py3-none-any.whl#sha256=ab12",
        None,
    ),
}


@pytest.mark.parametrize(("options", "requirement", "index"), BRONNEN.values(), ids=BRONNEN.keys())
def test_bron_lands_pinned_in_every_generated_file(
    cli: Cli, tmp_path: Path, options: list[str], requirement: str, index: str | None
) -> None:
    init_ok(cli, tmp_path, "plan", "--yes", "--ci", "github", "--ci", "gitlab", "--pre-commit", *options)
    plan = tmp_path / "plan"
    env = yaml_file(plan / ".github" / "workflows" / "samenplan.yml")["jobs"]["check"]["env"]
    gitlab = yaml_file(plan / ".gitlab-ci.yml")
    variables = gitlab["samenplan"]["variables"]
    expected = {"SAMENPLAN_BRON": requirement, **({"PIP_INDEX_URL": index} if index else {})}
    assert env == variables == expected
    assert gitlab["samenplan-wijzigingen"]["variables"] == {**expected, "GIT_DEPTH": "0"}
    assert gitlab["samenplan-wijzigingen"]["script"][0] == 'python -m pip install "$SAMENPLAN_BRON"'
    [hook] = yaml_file(plan / ".pre-commit-config.yaml")["repos"][0]["hooks"]
    assert hook["additional_dependencies"] == [*([f"--index-url={index}"] if index else []), requirement]


def test_bron_wheel_path_becomes_a_file_url(cli: Cli, tmp_path: Path) -> None:
    wheel = wheel_file(tmp_path)
    init_ok(cli, tmp_path, "plan", "--yes", "--ci", "github", "--bron", wheel.name)
    env = yaml_file(tmp_path / "plan" / ".github" / "workflows" / "samenplan.yml")["jobs"]["check"]["env"]
    assert env["SAMENPLAN_BRON"] == f"samenplan @ {wheel.resolve().as_uri()}"


BAD_BRONNEN = {
    "zonder-versie": ("samenplan", "heeft geen vaste versie. Schrijf samenplan==0.1.0"),
    "ondergrens": ("samenplan>=0.1", "heeft geen vaste versie"),
    "git-zonder-tag": ("git+https://git.gemeente.nl/ict/samenplan", "Zet er een tag of commit achter"),
    "ander-wheel": ("https://x.nl/iets-1.0-py3-none-any.whl", "is geen wheel van samenplan"),
    "wheel-ontbreekt": ("samenplan-0.1.0-py3-none-any.whl", "bestaat niet"),
    "onbekend": ("ftp://x", "begrijpt samenplan niet"),
}


@pytest.mark.parametrize(("bron", "expected"), BAD_BRONNEN.values(), ids=BAD_BRONNEN.keys())
def test_bron_that_is_not_pinned_is_refused(cli: Cli, tmp_path: Path, bron: str, expected: str) -> None:
    assert_refused(init(cli, tmp_path, "plan", "--yes", "--ci", "github", "--bron", bron), [expected])
    assert list(tmp_path.iterdir()) == []


def test_init_help_shows_dutch_placeholders(cli: Cli, tmp_path: Path) -> None:
    done = samenplan(cli, tmp_path, "init", "--help")
    assert done.returncode == 0
    assert "<str>" not in done.stdout and "<list" not in done.stdout
    for option in ("--titel TEKST", "--gemeente NAAM", "--fase FASE", "--bron BRON", "--herstel"):
        assert option in done.stdout


def test_command_list_starts_with_init_and_cuts_no_description(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "samenplan", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**child_env(), "COLUMNS": "80"},
        check=False,
    )
    commands = done.stdout.split("Opdrachten:\n", 1)[1]
    assert commands.split()[0] == "init"
    assert "..." not in commands and "…" not in commands
    assert "klaar om in te vullen." in commands
    assert all(len(line) <= 80 for line in commands.splitlines())


def test_overwrite_with_extras_replaces_only_the_extras_and_backs_them_up(cli: Cli, tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    init_ok(cli, repo, "plan", "--yes", "--ci", "gitlab")
    edit_aanleiding(repo / "plan")
    own_job = b"eigen-taak:\n  script: [echo hallo]\n"
    (repo / ".gitlab-ci.yml").write_bytes(own_job)
    plan_before = {n: c for n, (c, _) in snapshot(repo / "plan").items()}
    done = init_ok(cli, repo, "plan", "--ci", "gitlab", "--overwrite", "--yes")
    assert {n: c for n, (c, _) in snapshot(repo / "plan").items() if n in plan_before} == plan_before
    assert "samenplan-plan:" in (repo / ".gitlab-ci.yml").read_text("utf-8")
    [backup] = backups(repo / "plan")
    assert (backup / "buiten-de-planmap" / ".gitlab-ci.yml").read_bytes() == own_job
    assert f"staat in plan/reservekopie/{backup.name}/" in done.stdout
    init_ok(cli, repo, "plan", "--herstel", "--yes")
    assert (repo / ".gitlab-ci.yml").read_bytes() == own_job


def test_git_on_an_existing_plan_only_makes_the_repository(cli: Cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    init_ok(cli, tmp_path, "plan", "--yes")
    edit_aanleiding(plan)
    before = {n: c for n, (c, _) in snapshot(plan).items()}
    done = init_ok(cli, tmp_path, "plan", "--git")
    assert "Er verandert niets" not in done.stdout and "Volgende stappen" not in done.stdout
    assert "Git-repository gemaakt met een eerste commit." in done.stdout
    assert {n: c for n, (c, _) in snapshot(plan).items() if not n.startswith(".git/")} == before
    assert git(plan, "status", "--porcelain") == ""
