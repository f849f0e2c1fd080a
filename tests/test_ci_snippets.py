"""The YAML snippets in docs/ci.md: exactly what `samenplan init` writes, and they work.

Each snippet starts with a comment naming the file it belongs in (``# .gitlab-ci.yml``). The
three that `init` writes must be the generated files for a plan in ``plan/`` with the default
install source, so the page and the tool never drift apart.
"""

import json
import re
import shlex
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from samenplan import __version__
from samenplan.scaffold.files import ExtrasContext, extra_files
from samenplan.scaffold.install import default_source
from support import ROOT, Cli, Run, copy_example, no_leefdomein

CI_MD = ROOT / "docs" / "ci.md"
FENCE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
GIT_VARIANT = ".pre-commit-config.yaml, met samenplan uit Git"
GENERATED = extra_files(
    ["github", "gitlab"], pre_commit=True, context=ExtrasContext("plan", default_source())
)


def snippets() -> dict[str, str]:
    """File name (from the first comment line) → YAML text, for every yaml block in docs/ci.md."""
    found = {}
    for block in FENCE.findall(CI_MD.read_text(encoding="utf-8")):
        first = block.splitlines()[0]
        assert first.startswith("# "), f"snippet does not start with '# <file name>': {first!r}"
        name = first[2:].strip()
        assert name not in found, f"two snippets for {name}"
        found[name] = block
    return found


def load(name: str) -> Any:
    text = snippets().get(name)
    assert text is not None, f"docs/ci.md has no snippet for {name}; has: {sorted(snippets())}"
    return YAML(typ="safe", pure=True).load(text)


def check_commands(lines: list[str]) -> list[list[str]]:
    """The `samenplan check` commands among shell lines, split into words."""
    return [shlex.split(line) for line in lines if line.startswith("samenplan check")]


def test_every_snippet_is_yaml() -> None:
    assert set(snippets()) == {*GENERATED, GIT_VARIANT}
    for text in snippets().values():
        YAML(typ="safe", pure=True).load(text)


def test_snippets_are_exactly_what_init_writes() -> None:
    for name, text in GENERATED.items():
        assert snippets()[name] == f"# {name}\n{text}", f"docs/ci.md differs from `init` for {name}"


def test_every_install_is_pinned() -> None:
    """No page or generated file installs samenplan without an exact version."""
    # 'samenplan' as a package name (not part of a file name like samenplan-requirements.txt)
    # that no '==', ' @ ' or wheel version follows.
    unpinned = re.compile(
        r"(?:pip|pipx|uv tool|uv pip) install [^\n`&;|]*(?<![\w./-])samenplan(?![\w./=-]| @|\[[\w,-]*\]==)"
    )
    pages = [
        ROOT / name for name in ("README.md", "CONTRIBUTING.md", "CHANGELOG.md", ".pre-commit-hooks.yaml")
    ]
    for folder in ("docs", "templates", "src", ".github"):
        pages += [p for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix not in (".pyc", ".png")]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert not unpinned.findall(text), (path, unpinned.findall(text))
    for text in GENERATED.values():
        assert f"samenplan=={__version__}" in text


def test_git_variant_uses_our_hook_with_a_tag() -> None:
    config = load(GIT_VARIANT)
    ours = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["rev"] == f"v{__version__}"
    [hook] = repo["hooks"]
    assert hook["id"] in {h["id"] for h in ours}
    assert hook["args"] == ["plan"]


def run(cli: Cli, words: list[str], cwd: Path, **env: str) -> Run:
    """Run a documented `samenplan ...` command (in this process), outside any CI but ``env``."""
    assert words[0] == "samenplan", words
    return cli(*words[1:], cwd=cwd, env=env)


def test_gitlab_command_prints_text_and_writes_the_report(cli: Cli, tmp_path: Path) -> None:
    copy_example(tmp_path, into="plan")
    job = load(".gitlab-ci.yml")["samenplan-plan"]
    [command] = check_commands(job["script"])
    report = tmp_path / job["artifacts"]["reports"]["codequality"]
    done = run(cli, command, tmp_path, GITLAB_CI="true")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(report.read_text(encoding="utf-8")) == []

    no_leefdomein(tmp_path / "plan")
    done = run(cli, command, tmp_path, GITLAB_CI="true")
    assert done.returncode == 1
    assert "plan/05-aanpak.yaml:" in done.stdout and "SP101" in done.stdout, "the job log is not empty"
    [issue] = json.loads(report.read_text(encoding="utf-8"))
    assert issue["check_name"] == "SP101"
    assert issue["location"]["path"] == "plan/05-aanpak.yaml"


def test_github_command_annotates_by_itself(cli: Cli, tmp_path: Path) -> None:
    copy_example(tmp_path, into="plan")
    workflow = load(".github/workflows/samenplan-plan.yml")
    steps = [step for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    [command] = check_commands([step["run"] for step in steps if "if" not in step])
    on_pull_requests = [step["run"] for step in steps if "pull_request" in step.get("if", "")]
    assert [words[:2] for words in map(shlex.split, on_pull_requests)] == [
        ["samenplan", "diff"],
        ["samenplan", "check"],
    ], "a pull request also gets what changed and what is new (tests/test_ci_jobs.py runs them)"
    no_leefdomein(tmp_path / "plan")
    proc = run(
        cli, command, tmp_path, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md")
    )
    assert proc.returncode == 1
    assert "::error file=plan/05-aanpak.yaml,line=" in proc.stdout
