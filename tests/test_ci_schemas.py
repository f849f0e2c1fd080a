"""The generated workflow and pipeline files, and the release workflow, pass the schemas of
GitHub Actions and GitLab CI (as vendored by check-jsonschema, so no network is needed), and
every GitHub job has a timeout."""

import subprocess
import sys
from pathlib import Path

import pytest

from samenplan.scaffold.files import ExtrasContext, extra_files
from samenplan.scaffold.install import InstallSource, default_source, parse_source

ROOT = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
SOURCES = {
    "standaard": default_source(),
    "mirror": parse_source("https://pypi.gemeente.nl/simple"),
    "git": parse_source("git+https://git.gemeente.nl/ict/samenplan@v0.1.0"),
}
PLACES = ["plan", ".", "plannen/noord oost"]


def validate(schema: str, *files: Path) -> None:
    assert CHECK_JSONSCHEMA.exists(), "check-jsonschema is not installed: pip install -e '.[test]'"
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
@pytest.mark.parametrize("plan", PLACES)
def test_generated_files_pass_the_ci_schemas(tmp_path: Path, plan: str, source: InstallSource) -> None:
    files = extra_files(["github", "gitlab"], pre_commit=False, context=ExtrasContext(plan, source))
    written = {}
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written[name] = path
    [workflow] = [p for n, p in written.items() if n.startswith(".github/")]
    validate("vendor.github-workflows", workflow)
    validate("custom.github-workflows-require-timeout", workflow)
    validate("vendor.gitlab-ci", written[".gitlab-ci.yml"])


def test_release_workflow_passes_the_github_schema() -> None:
    release = ROOT / ".github" / "workflows" / "release.yml"
    validate("vendor.github-workflows", release)
    validate("custom.github-workflows-require-timeout", release)
