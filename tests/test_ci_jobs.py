"""The CI jobs that `samenplan init --ci` writes, run step by step as the CI server would.

The install source is set to the locally built wheel (``--bron``), each job gets a fresh virtual
environment (what setup-python or the python image gives), and the steps run in a shell with
the job's own variables and the variables GitHub or GitLab set. The packages samenplan needs
come from a local wheelhouse (builtdist.wheelhouse), the runner's package index. They must install samenplan,
run the check and print the findings; on a merge request (pull request) they also say what
changed since the target branch and which findings are new.
"""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs

import pytest
from ruamel.yaml import YAML

from builtdist import ROOT, Dist, clean_env, fresh_venv, offline_index, run, run_ok
from diffrepo import Repo
from support import copy_example, no_leefdomein

pytestmark = pytest.mark.slow


def samenplan_here(*args: str, cwd: Path) -> None:
    """`samenplan init ...` from this checkout (the command under test makes the job files)."""
    import sys

    run_ok([sys.executable, "-m", "samenplan", *args], cwd=cwd, env=clean_env(PYTHONPATH=str(ROOT / "src")))


@pytest.fixture
def repo(tmp_path: Path, dist: Dist) -> Path:
    """A Git repository with the heidedorpen plan in plan/, broken once, and both CI jobs."""
    root = tmp_path / "repo"
    no_leefdomein(copy_example(root, into="plan"))
    run_ok(["git", "init", "-q"], cwd=root)
    samenplan_here("init", "plan", "--ci", "github", "--ci", "gitlab", "--bron", str(dist.wheel), cwd=root)
    return root


def yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text("utf-8"))


def shell(line: str, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    done = run(["bash", "-e", "-c", line], cwd, env)
    return done.returncode, done.stdout + done.stderr


def job_env(venv_bin: Path, wheelhouse: Path, variables: dict[str, str], **ci: str) -> dict[str, str]:
    env = clean_env(**offline_index(wheelhouse), **variables, **ci)
    return {**env, "PATH": f"{venv_bin}:{env['PATH']}"}


#: The `if:` conditions of the generated workflow: whether a step runs, by the event and by
#: whether an earlier step failed. A condition this table does not know fails the test.
CONDITIONS = {
    None: lambda event, failed: not failed,
    "github.event_name == 'pull_request'": lambda event, failed: not failed and event == "pull_request",
    "${{ !cancelled() && github.event_name == 'pull_request' }}": lambda event, failed: (
        event == "pull_request"
    ),
}


def run_github_job(job: dict[str, Any], cwd: Path, env: dict[str, str]) -> list[tuple[str, int, str]]:
    """Each step that runs for the event in ``env``: (name or command, exit code, log)."""
    results = []
    failed = False
    for step in job["steps"]:
        condition = step.get("if")
        assert condition in CONDITIONS, f"this test does not know the condition {condition!r}"
        if not CONDITIONS[condition](env["GITHUB_EVENT_NAME"], failed):
            continue
        if "uses" in step:  # checkout and setup-python: the repository and the fresh venv
            assert step["uses"].split("@")[0] in ("actions/checkout", "actions/setup-python")
            continue
        code, log = shell(step["run"], cwd, env)
        results.append((step.get("name", step["run"]), code, log))
        failed = failed or (code != 0 and not step.get("continue-on-error", False))
    return results


def test_github_job_installs_from_the_source_and_annotates(
    repo: Path, dist: Dist, wheelhouse: Path, tmp_path: Path
) -> None:
    workflow = yaml(repo / ".github" / "workflows" / "samenplan-plan.yml")
    [job] = workflow["jobs"].values()
    assert job["env"]["SAMENPLAN_BRON"] == f"samenplan @ {dist.wheel.as_uri()}"
    summary = tmp_path / "summary.md"
    env = job_env(
        fresh_venv(tmp_path / "runner"),
        wheelhouse,
        job["env"],
        CI="true",
        GITHUB_ACTIONS="true",
        GITHUB_EVENT_NAME="push",
        GITHUB_STEP_SUMMARY=str(summary),
    )
    results = run_github_job(job, repo, env)
    [(_, install_code, install_log), (_, check_code, check_log)] = results  # a push: no pull request steps
    assert install_code == 0, install_log
    assert "Successfully installed" in install_log and "samenplan-0.1.0" in install_log
    assert check_code == 1, check_log
    assert "::error file=plan/05-aanpak.yaml,line=" in check_log and "SP101" in check_log
    assert "SP101" in summary.read_text("utf-8")


def test_gitlab_job_installs_prints_the_findings_and_writes_code_quality(
    repo: Path, dist: Dist, wheelhouse: Path, tmp_path: Path
) -> None:
    job = yaml(repo / ".gitlab-ci.yml")["samenplan-plan"]
    assert job["variables"]["SAMENPLAN_BRON"] == f"samenplan @ {dist.wheel.as_uri()}"
    env = job_env(fresh_venv(tmp_path / "runner"), wheelhouse, job["variables"], CI="true", GITLAB_CI="true")
    results = [shell(line, repo, env) for line in job["script"]]
    [(install_code, install_log), (check_code, check_log)] = results
    assert install_code == 0, install_log
    assert check_code == 1, check_log
    assert "plan/05-aanpak.yaml:" in check_log and "SP101 fout" in check_log, "the job log shows the findings"
    report = json.loads((repo / job["artifacts"]["reports"]["codequality"]).read_text("utf-8"))
    assert [issue["check_name"] for issue in report] == ["SP101"]
    assert report[0]["location"]["path"] == "plan/05-aanpak.yaml"
    assert job["artifacts"]["when"] == "always"


# --- On a merge request (pull request) ------------------------------------------------------

TITEL = "titel: Samen Sterker in de Heidedorpen 2023-2025"
TYPO = "Interventie 'i_poj_school' noemt partner 'jgz_gdd', maar er is geen partner met die id."


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory, dist: Dist) -> Repo:
    """The repository on the server. main: the plan with one error (SP101) and both CI jobs.
    Branch 'wijziging', the merge request: a new regio and a partner id typo (SP201, new).
    After the branch began, main got a new titel (not part of the merge request)."""
    repo = Repo(tmp_path_factory.mktemp("server") / "upstream")
    no_leefdomein(copy_example(repo.plan.parent, into=repo.plan.name))
    repo.git("init", "-q", "-b", "main")
    samenplan_here(
        "init", "plan", "--ci", "github", "--ci", "gitlab", "--bron", str(dist.wheel), cwd=repo.top
    )
    repo.commit("basis")
    repo.git("checkout", "-q", "-b", "wijziging")
    repo.edit("samenplan.yaml", "regio: Heidedorpen", "regio: Heidedorpen en Aa")
    repo.edit(
        "05-aanpak.yaml",
        "partners: [sw_deheide, jgz_ggd, sb_heidekring]",
        "partners: [sw_deheide, jgz_gdd, sb_heidekring]",
    )
    repo.commit("wijziging-1")
    repo.git("checkout", "-q", "main")
    repo.edit("samenplan.yaml", TITEL, f"{TITEL} (herzien)")
    repo.commit("main-verder")
    return repo


@pytest.fixture
def runner(tmp_path: Path) -> Path:
    """A fresh virtual environment: what setup-python or the python image gives a job."""
    return fresh_venv(tmp_path / "runner")


def test_github_pull_request_says_what_changed_and_what_is_new(
    upstream: Repo, runner: Path, wheelhouse: Path, tmp_path: Path
) -> None:
    # actions/checkout with fetch-depth 0 on a pull request: every branch as origin/*, and
    # HEAD the merge of the pull request into the target branch (refs/pull/N/merge).
    work = Repo(tmp_path / "work")
    Repo(tmp_path).git("clone", "-q", str(upstream.top), str(work.top))
    work.git("checkout", "-q", "--detach", "origin/main")
    work.git("merge", "-q", "--no-ff", "-m", "Merge wijziging into main", "origin/wijziging")
    [job] = yaml(work.top / ".github" / "workflows" / "samenplan-plan.yml")["jobs"].values()
    assert job["steps"][0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    summary = tmp_path / "summary.md"
    env = job_env(
        runner,
        wheelhouse,
        job["env"],
        CI="true",
        GITHUB_ACTIONS="true",
        GITHUB_EVENT_NAME="pull_request",
        GITHUB_REF="refs/pull/7/merge",
        GITHUB_BASE_REF="main",
        GITHUB_HEAD_REF="wijziging",
        GITHUB_WORKSPACE=str(work.top),
        GITHUB_STEP_SUMMARY=str(summary),
    )
    results = run_github_job(job, work.top, env)
    assert [(name, code) for name, code, _ in results] == [
        ('python -m pip install "$SAMENPLAN_BRON"', 0),
        ("Wat verandert er in het plan", 0),
        ("samenplan check plan", 1),  # the old SP101 and the new SP201
        ("Nieuw door deze pull request", 1),  # runs after the failed check: the new SP201
    ]
    logs = {name: log for name, _, log in results}
    base = work.short("origin/main")
    assert logs["Wat verandert er in het plan"].splitlines() == [
        f"Wat is er veranderd in het plan '{TITEL[7:]} (herzien)'",
        f"Oud: origin/main (commit {base}), map plan",
        "Nieuw: de huidige bestanden, map plan",
        "",
        "Interventies",
        "- Interventie 'Praktijkondersteuner jeugd op school':",
        "  - partners: erbij: 'jgz_gdd'; weg: 'GGD Heide en Aa, jeugdgezondheidszorg'",
        "",
        "Het plan",
        "- Regio: Heidedorpen → Heidedorpen en Aa",  # not the titel: main changed that, not the request
        "",
        "Controle",
        f"- Nieuw: SP201 fout in plan/05-aanpak.yaml:60: {TYPO}",
    ]
    new = logs["Nieuw door deze pull request"]
    assert new.startswith(f"plan/05-aanpak.yaml:60:28: SP201 fout {TYPO}\n") and "SP101" not in new
    assert new.splitlines()[-1] == (
        f"plan: Alleen wat nieuw is sinds origin/main (commit {base}): 1 melding. 1 melding was er al en "
        "staat hier niet. Alle meldingen samen: 2 fouten, 0 waarschuwingen, 0 opmerkingen."
    )
    assert "::error" not in new, "the check step already made the annotations"
    report = summary.read_text("utf-8")
    assert report.startswith(f"## Wat is er veranderd in het plan '{TITEL[7:]} (herzien)'\n")
    assert "\n- Regio: Heidedorpen → Heidedorpen en Aa\n" in report
    assert "\n\n### samenplan check: plan\n" in report, "the check's summary follows the diff"

    code, document = shell(
        'samenplan render plan --sinds "origin/$GITHUB_BASE_REF" -f md -o - --force', work.top, env
    )
    assert code == 0, document
    assert f"Dit hoofdstuk vergelijkt dit plan met de versie origin/main (commit {base})." in document
    assert "- Regio: Heidedorpen → Heidedorpen en Aa" in document


def gitlab_checkout(upstream: Repo, where: Path) -> Repo:
    """The GitLab runner on a merge request pipeline with GIT_DEPTH 0: the whole history of
    the source branch, HEAD detached at its last commit; the target branch is not fetched."""
    work = Repo(where)
    where.mkdir()
    work.git("init", "-q")
    work.git("remote", "add", "origin", str(upstream.top))
    work.git("fetch", "-q", "origin", "+refs/heads/wijziging:refs/remotes/origin/wijziging")
    work.git("checkout", "-q", "--detach", "origin/wijziging")
    return work


class Notes(BaseHTTPRequestHandler):
    """GitLab's API for a merge request note: records what the job posts."""

    posted: ClassVar[list[tuple[str, str, dict[str, list[str]]]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        self.posted.append((self.path, self.headers["PRIVATE-TOKEN"], parse_qs(body)))
        self.send_response(201)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def gitlab_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Notes)
    Notes.posted = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v4"
    server.shutdown()
    server.server_close()


def run_script(lines: list[str], cwd: Path, env: dict[str, str]) -> list[tuple[str, int, str]]:
    """The script lines in order, as the runner does: the first that fails ends the job."""
    results = []
    for line in lines:
        code, log = shell(line, cwd, env)
        results.append((line, code, log))
        if code != 0:
            break
    return results


def test_gitlab_merge_request_says_what_changed_and_what_is_new(
    upstream: Repo, runner: Path, wheelhouse: Path, tmp_path: Path, gitlab_api: str
) -> None:
    work = gitlab_checkout(upstream, tmp_path / "work")
    config = yaml(work.top / ".gitlab-ci.yml")
    job = config["samenplan-plan-wijzigingen"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert job["variables"]["GIT_DEPTH"] == "0"
    fork = upstream.git("merge-base", "main", "wijziging")
    env = job_env(
        runner,
        wheelhouse,
        job["variables"],
        CI="true",
        GITLAB_CI="true",
        CI_PIPELINE_SOURCE="merge_request_event",
        CI_COMMIT_SHA=work.git("rev-parse", "HEAD"),
        CI_MERGE_REQUEST_IID="7",
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME="wijziging",
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main",
        CI_MERGE_REQUEST_DIFF_BASE_SHA=fork,
        CI_PROJECT_ID="42",
        CI_API_V4_URL=gitlab_api,
        SAMENPLAN_GITLAB_TOKEN="geheim",
    )
    assert "origin/main" not in work.git("branch", "-r")
    results = run_script(job["script"], work.top, env)
    assert [code for _, code, _ in results] == [0, 0, 0, 0, 0, 1]  # the new SP201 fails the job
    assert job["allow_failure"] == {"exit_codes": [2]}, "exit code 1 is not allowed to fail"
    [(_, _, install), (_, _, _), (_, _, changes), _, _, (_, _, new)] = results
    assert "Successfully installed" in install and "samenplan-0.1.0" in install
    base = work.short(fork)
    assert changes.splitlines() == [
        f"Wat is er veranderd in het plan '{TITEL[7:]}'",
        f"Oud: het begin van de merge request (commit {base}), map plan",
        "Nieuw: de huidige bestanden, map plan",
        "",
        "Interventies",
        "- Interventie 'Praktijkondersteuner jeugd op school':",
        "  - partners: erbij: 'jgz_gdd'; weg: 'GGD Heide en Aa, jeugdgezondheidszorg'",
        "",
        "Het plan",
        "- Regio: Heidedorpen → Heidedorpen en Aa",  # main's later titel is not undone
        "",
        "Controle",
        f"- Nieuw: SP201 fout in plan/05-aanpak.yaml:60: {TYPO}",
    ]
    assert new.startswith(f"plan/05-aanpak.yaml:60:28: SP201 fout {TYPO}\n") and "SP101" not in new
    assert new.splitlines()[-1] == (
        f"plan: Alleen wat nieuw is sinds het begin van de merge request (commit {base}): 1 melding. "
        "1 melding was er al en staat hier niet. Alle meldingen samen: 2 fouten, 0 waarschuwingen, "
        "0 opmerkingen."
    )
    [artifact] = job["artifacts"]["paths"]
    markdown = (work.top / artifact).read_text("utf-8")
    assert markdown.splitlines()[:4] == [
        f"## Wat is er veranderd in het plan '{TITEL[7:]}'",
        "",
        f"Oud: het begin van de merge request (commit {base}), map plan  ",
        "Nieuw: de huidige bestanden, map plan",
    ]
    assert "- Nieuw: SP201 fout in plan/05-aanpak.yaml:60: Interventie 'i\\_poj\\_school'" in markdown
    assert (job["artifacts"]["when"], job["artifacts"]["expose_as"]) == (
        "always",
        "samenplan wijzigingen plan",
    )
    assert Notes.posted == [("/api/v4/projects/42/merge_requests/7/notes", "geheim", {"body": [markdown]})]

    [comment] = [line for line in job["script"] if "SAMENPLAN_GITLAB_TOKEN" in line]
    assert shell(comment, work.top, {**env, "SAMENPLAN_GITLAB_TOKEN": ""})[0] == 0
    assert len(Notes.posted) == 1, "without a token the job posts no comment"

    code, document = shell("samenplan render plan --sinds basis -f md -o - --force", work.top, env)
    assert code == 0, document
    assert (
        f"Dit hoofdstuk vergelijkt dit plan met de versie aan het begin van de merge request (commit {base})."
        in document
    )
    assert "- Regio: Heidedorpen → Heidedorpen en Aa" in document
