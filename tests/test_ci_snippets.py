"""The YAML snippets in docs/ci.md parse and have the structure their tool expects.

Each snippet starts with a comment naming the file it belongs in (``# .gitlab-ci.yml``).
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
CI_MD = ROOT / "docs" / "ci.md"
HEIDEDORPEN = ROOT / "examples" / "heidedorpen"
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI")
FENCE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def snippets() -> dict[str, str]:
    """File name (from the first comment line) → YAML text, for every yaml block in docs/ci.md."""
    found = {}
    for block in FENCE.findall(CI_MD.read_text(encoding="utf-8")):
        first = block.splitlines()[0]
        assert first.startswith("# "), f"snippet does not start with '# <file name>': {first!r}"
        found[first[2:].strip()] = block
    return found


def load(name: str) -> Any:
    text = snippets().get(name)
    assert text is not None, f"docs/ci.md has no snippet for {name}; has: {sorted(snippets())}"
    return YAML(typ="safe", pure=True).load(text)


def check_commands(lines: list[str]) -> list[list[str]]:
    """The `samenplan check` commands among shell lines, split into words."""
    return [shlex.split(line) for line in lines if line.startswith("samenplan check")]


def test_every_snippet_is_yaml() -> None:
    assert set(snippets()) == {".pre-commit-config.yaml", ".github/workflows/samenplan.yml", ".gitlab-ci.yml"}
    for text in snippets().values():
        YAML(typ="safe", pure=True).load(text)


def test_pre_commit_snippet_uses_our_hook() -> None:
    config = load(".pre-commit-config.yaml")
    ours = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [hook["id"] for hook in hooks] == ["samenplan-check"]
    assert {hook["id"] for hook in hooks} <= {hook["id"] for hook in ours}
    assert hooks[0]["args"] == ["plan"]
    assert {"repo", "rev", "hooks"} <= set(config["repos"][0])


def test_github_snippet_runs_check_in_a_job() -> None:
    workflow = load(".github/workflows/samenplan.yml")
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert check_commands(runs) == [["samenplan", "check", "plan"]]
    assert any("pip install" in run for run in runs)
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)


def test_gitlab_snippet_writes_code_quality_report() -> None:
    pipeline = load(".gitlab-ci.yml")
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job}
    assert list(jobs) == ["samenplan"]
    job = jobs["samenplan"]
    report = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"
    [command] = check_commands(job["script"])
    assert command[command.index("--format") + 1] == "gitlab"
    assert command[command.index("-o") + 1] == report == "gl-code-quality-report.json"


def run(words: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a documented `samenplan ...` command through the real entry point, outside any CI."""
    clean = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "samenplan", *words[1:]],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def break_plan(repo: Path) -> None:
    aanpak = repo / "plan" / "05-aanpak.yaml"
    text = aanpak.read_text(encoding="utf-8")
    aanpak.write_text(text.replace("leefdomeinen: [school, thuis]", "leefdomeinen: []", 1), encoding="utf-8")


def test_gitlab_command_writes_the_report(tmp_path: Path) -> None:
    shutil.copytree(HEIDEDORPEN, tmp_path / "plan")
    [command] = check_commands(load(".gitlab-ci.yml")["samenplan"]["script"])
    report = tmp_path / "gl-code-quality-report.json"
    assert run(command, tmp_path).returncode == 0
    assert json.loads(report.read_text(encoding="utf-8")) == []

    break_plan(tmp_path)
    assert run(command, tmp_path).returncode == 1
    [issue] = json.loads(report.read_text(encoding="utf-8"))
    assert issue["check_name"] == "SP101"
    assert issue["location"]["path"] == "plan/05-aanpak.yaml"


def test_github_command_annotates_by_itself(tmp_path: Path) -> None:
    shutil.copytree(HEIDEDORPEN, tmp_path / "plan")
    workflow = load(".github/workflows/samenplan.yml")
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    [command] = check_commands(runs)
    break_plan(tmp_path)
    proc = run(command, tmp_path, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"))
    assert proc.returncode == 1
    assert "::error file=plan/05-aanpak.yaml,line=" in proc.stdout
