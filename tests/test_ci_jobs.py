"""The CI jobs that `samenplan init --ci` writes, run step by step as the CI server would.

The install source is set to the locally built wheel (``--bron``), each job gets a fresh virtual
environment (what setup-python or the python image gives), and the steps run in a shell with
the job's own variables. They must install samenplan, run the check and print the findings.
"""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from builtdist import ROOT, Dist, clean_env, fresh_venv, run, run_ok

pytestmark = pytest.mark.slow

HEIDEDORPEN = ROOT / "examples" / "heidedorpen"


def samenplan_here(*args: str, cwd: Path) -> None:
    """`samenplan init ...` from this checkout (the command under test makes the job files)."""
    import sys

    run_ok([sys.executable, "-m", "samenplan", *args], cwd=cwd, env=clean_env(PYTHONPATH=str(ROOT / "src")))


@pytest.fixture
def repo(tmp_path: Path, dist: Dist) -> Path:
    """A Git repository with the heidedorpen plan in plan/, broken once, and both CI jobs."""
    root = tmp_path / "repo"
    shutil.copytree(HEIDEDORPEN, root / "plan")
    aanpak = root / "plan" / "05-aanpak.yaml"
    text = aanpak.read_text("utf-8")
    aanpak.write_text(text.replace("leefdomeinen: [school, thuis]", "leefdomeinen: []", 1), "utf-8")
    run_ok(["git", "init", "-q"], cwd=root)
    samenplan_here("init", "plan", "--ci", "github", "--ci", "gitlab", "--bron", str(dist.wheel), cwd=root)
    return root


def yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text("utf-8"))


def shell(line: str, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    done = run(["bash", "-e", "-c", line], cwd, env)
    return done.returncode, done.stdout + done.stderr


def job_env(venv_bin: Path, variables: dict[str, str], **ci: str) -> dict[str, str]:
    env = clean_env(**variables, **ci)
    return {**env, "PATH": f"{venv_bin}:{env['PATH']}"}


def test_github_job_installs_from_the_source_and_annotates(repo: Path, dist: Dist, tmp_path: Path) -> None:
    workflow = yaml(repo / ".github" / "workflows" / "samenplan-plan.yml")
    [job] = workflow["jobs"].values()
    assert job["env"]["SAMENPLAN_BRON"] == f"samenplan @ {dist.wheel.as_uri()}"
    summary = tmp_path / "summary.md"
    env = job_env(
        fresh_venv(tmp_path / "runner"),
        job["env"],
        CI="true",
        GITHUB_ACTIONS="true",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    results = []
    for step in job["steps"]:
        if "uses" in step:  # checkout and setup-python: the repository and the fresh venv above
            assert step["uses"].split("@")[0] in ("actions/checkout", "actions/setup-python")
            continue
        results.append(shell(step["run"], repo, env))
    [(install_code, install_log), (check_code, check_log)] = results
    assert install_code == 0, install_log
    assert "Successfully installed" in install_log and "samenplan-0.1.0" in install_log
    assert check_code == 1, check_log
    assert "::error file=plan/05-aanpak.yaml,line=" in check_log and "SP101" in check_log
    assert "SP101" in summary.read_text("utf-8")


def test_gitlab_job_installs_prints_the_findings_and_writes_code_quality(
    repo: Path, dist: Dist, tmp_path: Path
) -> None:
    job = yaml(repo / ".gitlab-ci.yml")["samenplan-plan"]
    assert job["variables"]["SAMENPLAN_BRON"] == f"samenplan @ {dist.wheel.as_uri()}"
    env = job_env(fresh_venv(tmp_path / "runner"), job["variables"], CI="true", GITLAB_CI="true")
    results = [shell(line, repo, env) for line in job["script"]]
    [(install_code, install_log), (check_code, check_log)] = results
    assert install_code == 0, install_log
    assert check_code == 1, check_log
    assert "plan/05-aanpak.yaml:" in check_log and "SP101 fout" in check_log, "the job log shows the findings"
    report = json.loads((repo / job["artifacts"]["reports"]["codequality"]).read_text("utf-8"))
    assert [issue["check_name"] for issue in report] == ["SP101"]
    assert report[0]["location"]["path"] == "plan/05-aanpak.yaml"
    assert job["artifacts"]["when"] == "always"
