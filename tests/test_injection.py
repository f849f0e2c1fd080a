"""Plan text and folder names never act on the reader's program (issue 17, items 8, 11, 13-20).

Each test uses the input of its item: workflow commands, terminal escapes, Markdown links and
images, mermaid directives, control characters in paths, undecodable folder names. The text
must reach every output as the text it is.
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import PlanCopy
from samenplan.check.run import CheckResult, check_plan, check_plans
from samenplan.output import FORMATS, plans_reporter
from samenplan.output.github import step_summary_plans
from samenplan.output.text import format_text_plans
from support import Cli, copy_example

LOG_FORMATS = ("text", "concise", "github")
#: Only against a hang; never a timing assert.
HANG_GUARD_SECONDS = 120
ESCAPES = "\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\\x1b[2J"


def copy_to(folder: Path) -> PlanCopy:
    """heidedorpen in ``folder``, a folder name under test."""
    return PlanCopy(copy_example(folder.parent, into=folder.name))


def log_output(results: list[CheckResult], fmt: str) -> str:
    return format_text_plans(results) if fmt == "text" else plans_reporter(fmt)(results)


def with_unknown_key(plan: PlanCopy, key_yaml: str, value_yaml: str = "1") -> None:
    """An unknown key (echoed in SP007) and a wrong fase value (echoed in SP010)."""
    plan.edit("samenplan.yaml", "fase: besluit\n", f"fase: {value_yaml}\n{key_yaml}: 1\n")


# --- item 13: no GitHub workflow command from a plan ----------------------------------------


def _commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("::")]


def test_no_workflow_command_comes_out_of_a_plan(tmp_path: Path) -> None:
    folder = tmp_path / "x\n::warning file=README.md,line=1::Klik op de link"
    plan = copy_to(folder)
    with_unknown_key(
        plan,
        '"onbekend\\n::error file=README.md,line=1::Plan afgekeurd"',
        '"besluit\\n::stop-commands::sleutel\\n::add-mask::geheim"',
    )
    result = check_plan(folder)
    assert len(result.diagnostics) == 2
    for fmt in ("text", "concise"):
        assert _commands(log_output([result], fmt)) == [], fmt
    annotations = _commands(log_output([result], "github"))
    assert len(annotations) == len(result.diagnostics)
    for line in annotations:
        assert re.fullmatch(
            r"::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,title=[^,:]*::[^\n]*", line
        )
    summary = step_summary_plans([result])
    assert _commands(summary) == []


def test_a_folder_named_like_a_workflow_command_cannot_start_a_line(tmp_path: Path) -> None:
    plan = copy_to(tmp_path / "::error title=Fout::plan")
    with_unknown_key(plan, "onbekend")
    for fmt in ("text", "concise"):
        assert _commands(log_output([check_plan(plan.root)], fmt)) == []
    from samenplan.safetext import terminal

    assert terminal("::add-mask::x").startswith("\\x3a")


# --- item 14: terminal escapes are shown, never sent ----------------------------------------


def test_terminal_escapes_from_values_keys_lines_and_folders_are_shown_as_codes(tmp_path: Path) -> None:
    plan = copy_to(tmp_path / "plan\x1b[31mrood")
    yaml_escapes = ESCAPES.replace("\x1b", "\\e").replace("\\e\\", "\\e\\\\")
    with_unknown_key(plan, f'"sleutel{yaml_escapes}"', f'"{yaml_escapes}"')
    plan.write("07-uitvoering.yaml", plan.read("07-uitvoering.yaml") + "opmerking: rauw \x1b[2J teken\n")
    result = check_plan(plan.root)
    assert {d.code for d in result.diagnostics} >= {"SP001", "SP007", "SP010"}
    for fmt in LOG_FORMATS:
        out = log_output([result], fmt)
        assert "\x1b" not in out, fmt
        assert "\\x1b" in out, fmt


def test_the_caret_stays_under_the_character_after_shown_codes(plan: PlanCopy) -> None:
    plan.write("07-uitvoering.yaml", plan.read("07-uitvoering.yaml") + "a: b\x07 \x1b x\n")
    assert plan.only("SP001").location.col == 5  # the BEL
    lines = format_text_plans([plan.check()]).splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith("| a: b\\x07 \\x1b x"))
    assert lines[at + 1].index("^") == lines[at].index("\\x07")


# --- item 15: a step file linked to outside the plan is not read -----------------------------


def test_a_step_file_linked_outside_the_plan_is_refused_and_never_echoed(
    plan: PlanCopy, tmp_path: Path
) -> None:
    secret = tmp_path / "config.json"
    secret.write_text('{"auths": {"registry": {"auth": "Z2VoZWltLXRva2Vu"}}}\n', encoding="utf-8")
    plan.path("03-analyse.yaml").unlink()
    plan.path("03-analyse.yaml").symlink_to(secret)
    result = plan.check()
    diag = plan.only("SP016")
    assert diag.location.file == "03-analyse.yaml"
    assert "buiten de planmap" in diag.message
    for fmt in FORMATS:
        assert "Z2VoZWltLXRva2Vu" not in plans_reporter(fmt)([result]), fmt
    assert "Z2VoZWltLXRva2Vu" not in format_text_plans([result])


# --- item 16: mermaid directives ------------------------------------------------------------


@pytest.mark.parametrize("directive", ["%%{init:{'theme':'dark'}}%%", '%%{init:{"theme":"dark"}}%%'])
def test_a_mermaid_directive_in_plan_text_stays_text(plan: PlanCopy, directive: str) -> None:
    from datetime import date

    from samenplan.document.render import render_report

    plan.edit("03-analyse.yaml", "In 2023 haalde 55% van", f"In 2023 {directive} haalde 55% van")
    md = render_report(plan.check(), "md", today=date(2024, 11, 1), git=False)
    diagrams = re.findall(r"```mermaid\n(.*?)```", md, re.S)
    assert diagrams and any("#37;#37;{init" in d for d in diagrams)
    assert not any("%%" in d for d in diagrams)
    assert not any('"theme"' in d for d in diagrams)  # a double quote would end the label


# --- item 17 and 20: Markdown without links, images, autolinks or references ------------------

LINKS = "[Klik hier](https://evil.example/login) ![](https://evil.example/pixel.png)"


def test_the_step_summary_has_no_links_or_images_from_the_plan(plan: PlanCopy) -> None:
    with_unknown_key(plan, f'"{LINKS}"', f'"{LINKS} www.evil.example @iemand %mijlpaal"')
    summary = step_summary_plans([plan.check()])
    html = MarkdownIt("commonmark").enable("table").render(summary)
    assert "<a " not in html and "<img" not in html
    assert "evil.example/login" in html  # shown as text
    assert not re.search(r"(?<!\\)https?://|(?<![\\\w])www\.|(?<![\\\w])[@%]\w", summary)


@pytest.mark.parametrize(
    "text",
    [
        "zie https://evil.example/login en ftp://evil.example",
        "of www.evil.example, of HTTPS://EVIL.EXAMPLE",
        'vraag @iemand of @org/team, mijlpaal %herfst of %"Fase 2"',
        "mail info@gemeente.example; 71% van de kinderen, 100 %",
    ],
)
def test_markdown_never_links_but_shows_the_same_text(text: str) -> None:
    from samenplan.safetext import markdown

    escaped = markdown(text)
    assert not re.search(r"(?i)(?<!\\)(https?|ftp)://|(?<![\\\w.])www\.|(?<!\\)[@%][\w\"]", escaped)
    rendered = MarkdownIt("commonmark").render(escaped)
    assert "<a " not in rendered
    import html

    assert html.unescape(rendered.removeprefix("<p>").removesuffix("</p>\n")) == text


# --- item 18: the document connects nowhere --------------------------------------------------


def test_the_document_forbids_every_connection_out(plan: PlanCopy, cli: Cli, tmp_path: Path) -> None:
    theme = tmp_path / "thema.css"
    theme.write_text(
        "@import url(https://evil.example/x.css);\nbody { background: url(https://evil.example/p.png); }\n",
        encoding="utf-8",
    )
    assert cli("render", str(plan.root), "--theme-css", str(theme), "--datum", "2024-11-01").code == 0
    html = plan.path("plan.html").read_text(encoding="utf-8")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp is not None
    policy = {part.split()[0]: part.split()[1:] for part in csp.group(1).split("; ")}
    assert policy["default-src"] == ["'none'"]
    assert all("http" not in " ".join(sources) for sources in policy.values())
    assert html.index("Content-Security-Policy") < html.index("<style>")  # before anything it governs


# --- item 19: JUnit stays XML ------------------------------------------------------------------


def test_junit_is_well_formed_with_control_characters_in_the_path(tmp_path: Path) -> None:
    plan = copy_to(tmp_path / "plan\x01\x08\x1bnaam")
    with_unknown_key(plan, '"sleutel\\x02"', '"waarde\\x0b"')
    out = plans_reporter("junit")([plan.check()])
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"


# --- item 8 and 11: text that is no valid Unicode ---------------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_lone_surrogate_is_reported_in_every_format(
    plan: PlanCopy, cli: Cli, tmp_path: Path, fmt: str
) -> None:
    plan.edit("05-aanpak.yaml", "naam: Sterk op school, sterk thuis", 'naam: "Zomer\\ud800school"')
    report = tmp_path / "rapport"
    done = cli("check", str(plan.root), "--format", fmt, "-o", str(report))
    assert done.code == 1
    assert "SP001" in report.read_text(encoding="utf-8")


def test_a_json_style_surrogate_pair_is_one_character(plan: PlanCopy) -> None:
    plan.edit("05-aanpak.yaml", "naam: Sterk op school, sterk thuis", 'naam: "Zomer \\ud83d\\ude00 school"')
    result = plan.check()
    assert result.diagnostics == []
    assert (
        result.loaded.sources["05-aanpak.yaml"].data["interventies"][0]["naam"] == "Zomer \U0001f600 school"
    )


def test_one_plan_with_a_surrogate_does_not_stop_a_multi_plan_run(tmp_path: Path) -> None:
    good = copy_to(tmp_path / "goed")
    bad = copy_to(tmp_path / "fout")
    bad.edit("05-aanpak.yaml", "naam: Sterk op school, sterk thuis", 'naam: "Zomer\\ud800school"')
    results = check_plans([good.root, bad.root])
    for fmt in FORMATS:
        plans_reporter(fmt)(results).encode("utf-8")


@pytest.fixture
def undecodable(tmp_path: Path) -> Path:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/plan-\xff\xfe"))
    return copy_example(tmp_path, into=folder.name)


def test_an_undecodable_folder_name_writes_a_json_report(undecodable: Path, cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    assert cli("check", str(undecodable), "--format", "json", "-o", str(report)).code == 0
    assert json.loads(report.read_text(encoding="utf-8"))["plan"].endswith("plan-\ufffd\ufffd")


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_an_undecodable_folder_name_on_a_strict_utf8_stdout(undecodable: Path, fmt: str) -> None:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    for name in ("GITHUB_ACTIONS", "GITLAB_CI", "GITHUB_STEP_SUMMARY"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "samenplan", "check", os.fsencode(undecodable), "--format", fmt],
        capture_output=True,
        env=env,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "plan-\ufffd\ufffd" in done.stdout.decode("utf-8")
