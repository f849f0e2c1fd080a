"""The release workflow: a version tag builds, checks and publishes exactly that version."""

import os
import subprocess
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from samenplan import __version__

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def workflow() -> Any:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: str) -> list[dict[str, Any]]:
    return list(workflow()["jobs"][job]["steps"])


def test_runs_on_version_tags_only() -> None:
    assert workflow()["on"] == {"push": {"tags": ["v*"]}}


def test_builds_checks_and_publishes() -> None:
    runs = [s["run"] for s in steps("build") if "run" in s]
    assert "python -m build" in runs
    assert "python -m twine check --strict dist/*" in runs
    publish = workflow()["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"]["id-token"] == "write", "trusted publishing, no token in the repository"
    assert any(s.get("uses", "").startswith("pypa/gh-action-pypi-publish@") for s in publish["steps"])


def tag_check(tag: str) -> subprocess.CompletedProcess[str]:
    [step] = [s for s in steps("build") if s.get("name", "").startswith("Tag matches")]
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_REF_NAME": tag},
        check=False,
    )


def test_tag_of_this_version_passes_the_check() -> None:
    done = tag_check(f"v{__version__}")
    assert done.returncode == 0, done.stdout + done.stderr


def test_tag_of_another_version_stops_the_release() -> None:
    done = tag_check("v9.9.9")
    assert done.returncode == 1
    assert f"tag v9.9.9 does not match version {__version__}" in done.stdout
