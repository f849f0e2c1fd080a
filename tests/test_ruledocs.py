"""Rule documentation: `samenplan rules`, `samenplan explain` and docs/regels.md."""

import os
import subprocess
import sys

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from samenplan import codes
from samenplan.check.codebook import all_codes
from samenplan.check.registry import Rule
from samenplan.check.ruledocs import (
    REGENERATE,
    Entry,
    UnknownCode,
    entries,
    explain_text,
    rules_markdown,
    rules_table,
)
from samenplan.check.rules import all_rules
from samenplan.diagnostics import Severity
from samenplan.plan.vocab import Fase
from support import ROOT, Cli

REGELS_MD = ROOT / "docs" / "regels.md"
ALL = entries()
RULES = all_rules()


def run_cli(cli: Cli, *args: str) -> tuple[int, str, str]:
    done = cli(*args)
    return done.code, done.out, done.err


def fake_entry(severity: Severity, applies_from: Fase, error_from: Fase | None) -> Entry:
    code = codes.Code("SP999", "proef", severity, "Proef.", "Uitleg.")
    return Entry(code, Rule(code, lambda ctx: [], "proef", applies_from, error_from, "", ""))


def test_entries_cover_loader_rules_and_settings_codes() -> None:
    found = {e.code.code for e in ALL}
    assert found == set(all_codes())
    assert {"SP001", "SP101", "SP901", "SP903"} <= found
    assert [e.code.code for e in ALL] == sorted(found)


def test_rules_table_has_one_line_per_code() -> None:
    table = rules_table()
    for entry in ALL:
        lines = [
            line for line in table.splitlines() if line.split()[:2] == [entry.code.code, entry.code.slug]
        ]
        assert len(lines) == 1, entry.code.code
        assert entry.severity.label in lines[0]
        assert entry.code.summary in lines[0]


def test_rules_table_shows_fase_behaviour() -> None:
    line = next(x for x in rules_table().splitlines() if "SP102" in x)
    assert "waarschuwing" in line
    assert "(fout vanaf besluit)" in line


@pytest.mark.parametrize(
    ("severity", "applies_from", "error_from", "shown", "fase"),
    [
        (Severity.ERROR, Fase.CONCEPT, None, Severity.ERROR, ""),
        (Severity.WARNING, Fase.CONCEPT, Fase.BESLUIT, Severity.WARNING, "fout vanaf besluit"),
        (Severity.ERROR, Fase.UITVOERING, None, Severity.ERROR, "alleen vanaf uitvoering"),
        (Severity.WARNING, Fase.BESLUIT, Fase.BESLUIT, Severity.ERROR, "alleen vanaf besluit"),
        (
            Severity.INFO,
            Fase.BESLUIT,
            Fase.UITVOERING,
            Severity.INFO,
            "alleen vanaf besluit, fout vanaf uitvoering",
        ),
    ],
)
def test_fase_behaviour(
    severity: Severity, applies_from: Fase, error_from: Fase | None, shown: Severity, fase: str
) -> None:
    entry = fake_entry(severity, applies_from, error_from)
    assert entry.severity is shown
    assert entry.fase == fase


def test_explain_by_code_and_slug_in_any_case() -> None:
    text = explain_text("SP101")
    assert (
        text.splitlines()[0]
        == "SP101 interventie-een-leefdomein: Een interventie raakt te weinig leefdomeinen."
    )
    assert explain_text("sp101") == text
    assert explain_text("Interventie-Een-Leefdomein") == text
    assert explain_text(" interventie-een-leefdomein ") == text


def test_explain_rule_has_doc_examples_and_switch_off() -> None:
    text = explain_text("SP101")
    assert "Ernst: fout. Deze regel geldt in elke fase." in text
    assert "Een kind leeft thuis, op school," in text
    assert "Fout voorbeeld (05-aanpak.yaml):\n\n    interventies:\n" in text
    assert "Goed voorbeeld (05-aanpak.yaml):" in text
    assert "    controle:\n      regels_uit: [SP101]" in text
    assert "# samenplan: negeer SP101 reden:" in text
    assert "\n    " not in text.split("Ernst:")[1].split("Fout voorbeeld")[0], "doc is dedented"


def test_explain_keeps_paragraphs() -> None:
    text = explain_text("SP101")
    assert "\n\nOplossing: " in text


def test_explain_fase_sentence() -> None:
    assert "Ernst: waarschuwing. Vanaf de fase besluit is het een fout." in explain_text("SP102")


def test_explain_loader_code_cannot_be_switched_off() -> None:
    text = explain_text("yaml-syntax")
    assert text.startswith("SP001 yaml-syntax: ")
    assert "Fout voorbeeld" not in text
    assert "regels_uit" not in text
    assert "niet uitzetten" in text


def test_explain_unknown_code_suggests() -> None:
    with pytest.raises(UnknownCode, match="Bedoelde je 'SP101'"):
        explain_text("SP1O1")
    with pytest.raises(UnknownCode, match="Bedoelde je 'interventie-een-leefdomein'"):
        explain_text("interventie-een-leefdomien")


def test_cli_explain_unknown_code_exits_2_with_suggestion(cli: Cli) -> None:
    proc = cli("explain", "SP1O1")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "'SP1O1' is geen code" in proc.stderr
    assert "Bedoelde je 'SP101'?" in proc.stderr


def test_cli_explain_and_rules(cli: Cli) -> None:
    assert run_cli(cli, "explain", "sp101") == (0, explain_text("SP101"), "")
    assert run_cli(cli, "rules") == (0, rules_table(), "")
    assert run_cli(cli, "rules", "--markdown") == (0, rules_markdown(), "")


def test_markdown_has_a_section_and_table_row_per_code() -> None:
    text = rules_markdown()
    for entry in ALL:
        code = entry.code.code
        assert f'<a id="{code.lower()}"></a>\n\n### {code} {entry.code.slug}\n' in text
        assert f"| [{code}](#{code.lower()}) | `{entry.code.slug}` |" in text


def test_markdown_does_not_depend_on_hash_order() -> None:
    # Another process with another hash seed orders sets and dicts of strings differently.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-m", "samenplan", "rules", "--markdown"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
        timeout=120,
    )
    assert done.stdout == rules_markdown()


def test_docs_regels_md_is_up_to_date() -> None:
    current = REGELS_MD.read_text(encoding="utf-8") if REGELS_MD.exists() else ""
    assert current == rules_markdown(), f"docs/regels.md is out of date; run: {REGENERATE}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code.code for r in RULES])
def test_every_rule_is_documented(rule: Rule) -> None:
    where = f"{rule.code.code} ({rule.check.__module__}.{rule.check.__name__})"
    assert rule.code.doc.strip(), f"{where} has no docstring"
    assert rule.good.strip(), f"{where} has no good= example"
    assert rule.bad.strip(), f"{where} has no bad= example"
    assert rule.good != rule.bad, f"{where}: good and bad examples are the same"


@pytest.mark.parametrize("rule", RULES, ids=[r.code.code for r in RULES])
def test_rule_examples_are_yaml(rule: Rule) -> None:
    for name, example in (("good", rule.good), ("bad", rule.bad)):
        try:
            YAML(typ="safe", pure=True).load(example)
        except YAMLError as exc:
            pytest.fail(f"{rule.code.code}: the {name}= example is not valid YAML: {exc}")
