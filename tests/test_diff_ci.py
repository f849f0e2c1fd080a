"""`check --sinds` (the ratchet), `render --sinds`, and both on a merge request in GitLab and GitHub."""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from diffrepo import GIT_ENV, Repo, make_repo
from support import Cli, Run, copy_example

CI = (
    "CI_MERGE_REQUEST_DIFF_BASE_SHA",
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
    "GITHUB_BASE_REF",
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
    "GITLAB_CI",
    "SAMENPLAN_DATUM",
)
VOORTGANG = "heeft geen voortgang: 07-uitvoering.yaml zegt niet hoe ze ervoor staat."


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    return make_repo(tmp_path_factory.mktemp("ci") / "repo")


RunCli = Callable[..., Run]


@pytest.fixture
def run(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """``run(FOLDER, ARGS)`` is ``samenplan ARGS`` in this process, from FOLDER."""
    for name in CI:
        monkeypatch.delenv(name, raising=False)
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    return lambda cwd, *args: cli(*args, cwd=cwd)


def _codes(text: str) -> list[str]:
    return [
        line.split(": ")[1].split()[0] for line in text.splitlines() if line.startswith("05-aanpak.yaml:")
    ]


# --- check --sinds --------------------------------------------------------------------------


def test_check_without_sinds_reports_every_finding(repo: Repo, run: RunCli) -> None:
    done = run(repo.plan, "check")
    assert done.code == 1
    assert _codes(done.out) == ["SP103", "SP703", "SP602", "SP310", "SP703", "SP703"]


def test_check_sinds_reports_only_new_findings_and_counts_the_old(repo: Repo, run: RunCli) -> None:
    done = run(repo.plan, "check", "--sinds", "v2")
    assert done.code == 1  # the three SP703 errors are new since v2 (fase uitvoering)
    assert _codes(done.out) == ["SP703", "SP703", "SP703"]
    assert done.out.splitlines()[-3:] == [
        "3 fouten, 0 waarschuwingen, 0 opmerkingen in 1 van de 8 bestanden van plan.",
        "Volledigheid per stap: 1: 100% · 2: 100% · 3: 100% · 4: 100% · 5: 100% · 6: 100% · 7: 100%",
        f"Alleen wat nieuw is sinds v2 (commit {repo.short('v2')}): 3 meldingen. 3 meldingen waren er "
        "al en staan hier niet. Alle meldingen samen: 4 fouten, 2 waarschuwingen, 0 opmerkingen.",
    ]


def test_check_sinds_the_current_commit_passes_a_plan_with_old_errors(repo: Repo, run: RunCli) -> None:
    done = run(repo.plan, "check", "--sinds", "HEAD")
    assert done.code == 0
    assert _codes(done.out) == []
    assert done.out.splitlines()[-1] == (
        f"Alleen wat nieuw is sinds HEAD (commit {repo.short('HEAD')}): 0 meldingen. 6 meldingen waren er "
        "al en staan hier niet. Alle meldingen samen: 4 fouten, 2 waarschuwingen, 0 opmerkingen."
    )


def test_check_sinds_with_json_keeps_stdout_json(repo: Repo, run: RunCli) -> None:
    done = run(repo.plan, "check", "--sinds", "v1", "--format", "json")
    data = json.loads(done.out)
    assert [f["code"] for f in data["findings"]] == ["SP103", "SP703", "SP703", "SP703"]
    assert data["counts"]["total"] == 4
    assert "2 meldingen waren er al" in done.err


def test_check_sinds_a_revision_in_formaatversie_1(tmp_path: Path, run: RunCli) -> None:
    """After `samenplan migrate` the ratchet still works against a revision from before it."""
    repo = make_repo(tmp_path / "repo")
    path = repo.plan / "samenplan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("formaatversie: 2\n", "formaatversie: 1\n"))
    repo.commit("formaat1")
    assert run(repo.plan, "migrate", "--yes").code == 0
    shutil.rmtree(repo.plan / "reservekopie")
    done = run(repo.plan, "check", "--sinds", "formaat1")
    assert done.code == 0, done.out + done.err
    assert done.out.splitlines()[-1].startswith("Alleen wat nieuw is sinds formaat1 (commit ")
    assert "0 meldingen. 6 meldingen waren er al" in done.out.splitlines()[-1]


def test_check_sinds_a_plan_that_did_not_exist_yet(tmp_path: Path, run: RunCli) -> None:
    repo = Repo(tmp_path / "repo")
    repo.top.mkdir()
    repo.git("init", "-q", "-b", "main")
    (repo.top / "README.md").write_text("Nog leeg.\n", encoding="utf-8")
    repo.commit("leeg")
    copy_example(repo.top, into="plan")
    done = run(repo.top, "check", "plan", "--sinds", "leeg")
    assert done.code == 0
    assert done.out.splitlines()[-1] == (
        "plan: Het plan bestond nog niet in revisie 'leeg', dus alle meldingen zijn nieuw."
    )


def test_check_sinds_unknown_revision_or_no_git_is_exit_2(repo: Repo, tmp_path: Path, run: RunCli) -> None:
    done = run(repo.plan, "check", "--sinds", "v9", "--exit-zero")
    assert done.code == 2
    assert done.err.startswith("samenplan: De revisie 'v9' bestaat niet in deze Git-repository.")
    copy_example(tmp_path, into="los")
    done = run(tmp_path / "los", "check", "--sinds", "main")
    assert done.code == 2
    assert "is geen Git-repository" in done.err


# --- render --sinds -------------------------------------------------------------------------


def test_render_sinds_adds_the_chapter_after_the_summary(repo: Repo, run: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    done = run(repo.plan, "render", "--sinds", "v2", "-f", "md", "-o", str(target), "--force")
    assert done.code == 0, done.err
    text = target.read_text(encoding="utf-8")
    chapter = text[text.index("## Wat is er veranderd sinds v2") :]
    chapter = chapter[: chapter.index("\n## Stap 1")]
    assert chapter.splitlines() == [
        "## Wat is er veranderd sinds v2",
        "",
        f"Dit hoofdstuk vergelijkt dit plan met de versie v2 (commit {repo.short('v2')}).",
        "",
        "### Interventies",
        "",
        "- Nieuw: voortgang 'Subsidiemenu Samen Sterker in de dorpen op 1 december 2024' "
        "(status: gestopt; besteed: € 12.500)",
        "",
        "### Het plan",
        "",
        "- Fase: besluit → uitvoering",
        "",
        "### Controle",
        "",
        *(
            f"- Nieuw: SP703 fout in 05-aanpak.yaml:{n}: Interventie '{iv}' {VOORTGANG}"
            for n, iv in (
                (2, "i\\_sterk\\_op\\_school"),
                (46, "i\\_poj\\_school"),
                (93, "i\\_hei\\_online"),
            )
        ),
    ]
    assert text.index("## Samenvatting") < text.index("## Wat is er veranderd") < text.index("## Stap 1")


def test_render_sinds_in_html(repo: Repo, run: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    done = run(repo.plan, "render", "--sinds", "v1", "-o", str(target), "--force")
    assert done.code == 0, done.err
    html = target.read_text(encoding="utf-8")
    assert "Wat is er veranderd sinds v1</h2>" in html
    assert "Verschoven: € 4.000 van interventie &#39;Hei-Online" in html


def test_render_without_sinds_has_no_such_chapter(repo: Repo, run: RunCli) -> None:
    done = run(repo.plan, "render", "-f", "md", "-o", "-", "--force")
    assert "Wat is er veranderd" not in done.out


def test_render_sinds_unknown_revision_writes_nothing(repo: Repo, run: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    done = run(repo.plan, "render", "--sinds", "v9", "-f", "md", "-o", str(target), "--force")
    assert done.code == 2
    assert not target.exists()


# --- On a merge request ---------------------------------------------------------------------


def test_gitlab_merge_request(repo: Repo, run: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITLAB_CI", "true")
    monkeypatch.setenv("CI_MERGE_REQUEST_DIFF_BASE_SHA", repo.git("rev-parse", "v2"))
    done = run(repo.top, "diff", "--format", "markdown", "--plan", "plan")
    assert done.out.splitlines()[2] == (
        f"Oud: het begin van de merge request (commit {repo.short('v2')}), map plan  "
    )
    assert "- Fase: besluit → uitvoering" in done.out
    done = run(repo.top, "check", "plan", "--sinds", "basis")
    assert done.code == 1
    assert done.out.splitlines()[-1].startswith(
        "plan: Alleen wat nieuw is sinds het begin van de merge request"
    )
    assert (repo.top / "gl-code-quality-report.json").exists()  # GitLab's own report still comes
    done = run(repo.plan, "render", "--sinds", "basis", "-f", "md", "-o", "-", "--force")
    assert "## Wat is er veranderd sinds het begin van de merge request\n" in done.out
    assert (
        "Dit hoofdstuk vergelijkt dit plan met de versie aan het begin van de merge request "
        f"(commit {repo.short('v2')})." in done.out
    )


def test_gitlab_merge_request_against_a_target_branch_that_moved_on(
    tmp_path: Path, repo: Repo, run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target branch (fetched as origin/main) got a commit after the merge request began:
    'basis' is where the request left it, so that commit is not reported as undone."""
    clone = Repo(tmp_path / "clone")
    Repo(tmp_path).git("clone", "-q", str(repo.top), str(clone.top))
    clone.git("checkout", "-q", "-b", "wijziging")
    clone.edit("samenplan.yaml", "regio: Heidedorpen", "regio: Heidedorpen en Aa")
    clone.git("commit", "-q", "-am", "Regio")
    fork = clone.git("rev-parse", "main")
    clone.git("checkout", "-q", "main")
    clone.edit("samenplan.yaml", "fase: uitvoering", "fase: evaluatie")
    clone.git("commit", "-q", "-am", "Fase")
    clone.git("update-ref", "refs/remotes/origin/main", "main")  # what the job's git fetch does
    clone.git("checkout", "-q", "--detach", "wijziging")
    monkeypatch.setenv("GITLAB_CI", "true")
    monkeypatch.setenv("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
    monkeypatch.setenv("CI_MERGE_REQUEST_DIFF_BASE_SHA", "0123456789abcdef0123456789abcdef01234567")
    done = run(clone.top, "diff", "basis", "--plan", "plan")
    assert done.out.splitlines()[1:] == [
        f"Oud: het begin van de merge request (commit {clone.short(fork)}), map plan",
        "Nieuw: de huidige bestanden, map plan",
        "",
        "Het plan",
        "- Regio: Heidedorpen → Heidedorpen en Aa",
    ]
    clone.git("merge", "-q", "--no-ff", "-m", "Merged results", "main")  # GitLab's merged results
    done = run(clone.top, "diff", "basis", "--plan", "plan")
    assert done.out.splitlines()[1] == (
        f"Oud: het begin van de merge request (commit {clone.short('main')}), map plan"
    )
    assert done.out.splitlines()[-1] == "- Regio: Heidedorpen → Heidedorpen en Aa"


def test_gitlab_base_missing_from_a_shallow_clone(
    repo: Repo, run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI_MERGE_REQUEST_DIFF_BASE_SHA", "0123456789abcdef0123456789abcdef01234567")
    done = run(repo.plan, "check", "--sinds", "basis")
    assert (done.code, done.err) == (
        2,
        "samenplan: Het begin van de merge request (commit 0123456789ab) staat niet in deze kopie van "
        "de repository: CI heeft maar een deel van de geschiedenis opgehaald. Zet in GitLab bij de job "
        "'GIT_DEPTH: 0', of haal de commit op met 'git fetch --unshallow'.\n",
    )


@pytest.fixture
def pull_request(repo: Repo, tmp_path: Path) -> Repo:
    """A clone on branch 'wijziging' of the pull request, as actions/checkout with fetch-depth 0."""
    clone = Repo(tmp_path / "clone")
    Repo(tmp_path).git("clone", "-q", str(repo.top), str(clone.top))
    clone.git("checkout", "-q", "-b", "wijziging")
    clone.edit("samenplan.yaml", "regio: Heidedorpen", "regio: Heidedorpen en Aa")
    clone.git("commit", "-q", "-am", "Regio")
    return clone


def test_github_pull_request(pull_request: Repo, run: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    summary = pull_request.top.parent / "summary.md"
    summary.write_text("Eerdere stap\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    done = run(pull_request.plan, "diff")
    assert done.out.splitlines()[-1] == "- Regio: Heidedorpen → Heidedorpen en Aa"
    assert summary.read_text(encoding="utf-8").splitlines()[:3] == [
        "Eerdere stap",
        "## Wat is er veranderd in het plan 'Samen Sterker in de Heidedorpen 2023-2025'",
        "",
    ]
    done = run(pull_request.plan, "diff", "-f", "md")
    assert summary.read_text(encoding="utf-8").count("## Wat is er veranderd") == 1  # --format: no summary
    assert done.out.splitlines()[2:] == [
        f"Oud: het begin van de merge request (commit {pull_request.short('origin/main')}), map plan  ",
        "Nieuw: de huidige bestanden, map plan",
        "",
        "### Het plan",
        "",
        "- Regio: Heidedorpen → Heidedorpen en Aa",
    ]
    done = run(pull_request.plan, "check", "--sinds", "basis", "--format", "json")
    assert json.loads(done.out)["findings"] == []
    assert "0 meldingen. 6 meldingen waren er al" in done.err


def test_github_without_the_base_branch_fetched(
    repo: Repo, run: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_BASE_REF", "release")
    done = run(repo.plan, "diff")
    assert done.code == 2
    assert "De doeltak 'release' van deze pull request is niet opgehaald" in done.err
    assert "fetch-depth: 0" in done.err


def test_diff_through_python_m_samenplan(repo: Repo) -> None:
    """The real process: exit code, stdout in UTF-8, nothing on stderr."""
    env = {k: v for k, v in os.environ.items() if k not in CI}
    done = subprocess.run(
        [sys.executable, "-m", "samenplan", "diff", "v1", "v2", "--format", "json"],
        cwd=repo.plan,
        capture_output=True,
        env={**env, **GIT_ENV, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout.decode("utf-8"))["moves"][0]["amount"] == 4000
