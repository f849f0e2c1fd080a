"""The generated workflow and pipeline files, and the release workflow, pass the schemas of
GitHub Actions and GitLab CI (as vendored by check-jsonschema, so no network is needed), and
every GitHub job has a timeout."""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from samenplan.scaffold.files import ExtrasContext, extra_files
from samenplan.scaffold.install import default_source, parse_source

ROOT = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
SOURCES = {
    "standaard": default_source(),
    "mirror": parse_source("https://pypi.gemeente.nl/simple"),
    "git": parse_source("git+https://git.gemeente.nl/ict/samenplan@v0.1.0"),
}
PLACES = ["plan", ".", "plannen/noord oost"]


GITHUB = ("vendor.github-workflows", "custom.github-workflows-require-timeout")
GITLAB = "vendor.gitlab-ci"
RELEASE = ROOT / ".github" / "workflows" / "release.yml"


def validate(schema: str, files: list[Path]) -> dict[Path, list[str]]:
    """check-jsonschema once over many files (one process per schema, not per file): each
    file and its errors, [] for a file it names as passed."""
    assert CHECK_JSONSCHEMA.exists(), "check-jsonschema is not installed: pip install -e '.[test]'"
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--verbose", "--output-format", "json", "--builtin-schema", schema]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    # --verbose names the files that passed: all as checked_paths, or some as successes
    passed = report["checked_paths"] if report["status"] == "ok" else report["successes"]
    outcome: dict[Path, list[str]] = {Path(f): [] for f in passed}
    for error in report["errors"] + report.get("parse_errors", []):
        outcome.setdefault(Path(error["filename"]), []).append(f"{error.get('path', '')} {error['message']}")
    assert done.returncode == (0 if all(not e for e in outcome.values()) else 1), done.stdout + done.stderr
    return outcome


@dataclass
class Checked:
    """The generated files of every plan place and install source, and what each schema said."""

    files: dict[tuple[str, str], dict[str, Path]]
    outcomes: dict[str, dict[Path, list[str]]]

    def errors(self, schema: str, path: Path) -> list[str]:
        assert path in self.outcomes[schema], f"{schema} did not check {path}"
        return self.outcomes[schema][path]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    files: dict[tuple[str, str], dict[str, Path]] = {}
    for plan in PLACES:
        for name, source in SOURCES.items():
            folder = tmp_path_factory.mktemp(f"{name}-")
            extras = extra_files(["github", "gitlab"], pre_commit=False, context=ExtrasContext(plan, source))
            written = files[plan, name] = {}
            for file, text in extras.items():
                path = folder / file
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                written[file] = path
    workflows = [p for w in files.values() for n, p in w.items() if n.startswith(".github/")]
    outcomes = {schema: validate(schema, [*workflows, RELEASE]) for schema in GITHUB}
    outcomes[GITLAB] = validate(GITLAB, [w[".gitlab-ci.yml"] for w in files.values()])
    return Checked(files, outcomes)


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("plan", PLACES)
def test_generated_files_pass_the_ci_schemas(checked: Checked, plan: str, source: str) -> None:
    written = checked.files[plan, source]
    [workflow] = [p for n, p in written.items() if n.startswith(".github/")]
    for schema in GITHUB:
        assert checked.errors(schema, workflow) == [], schema
    assert checked.errors(GITLAB, written[".gitlab-ci.yml"]) == []


def test_release_workflow_passes_the_github_schema(checked: Checked) -> None:
    for schema in GITHUB:
        assert checked.errors(schema, RELEASE) == [], schema
