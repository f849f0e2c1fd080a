"""`samenplan diff`: a Git repository with three versions of a plan, compared in plain Dutch."""

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from diffrepo import GIT_ENV, Repo, make_repo
from samenplan.diff import words
from support import GOOD_EXAMPLES, Cli, Run, copy_example

TITLE = "Wat is er veranderd in het plan 'Samen Sterker in de Heidedorpen 2023-2025'"
NPO = "NPO-geld gemeenten Heidedorpen (restant 2023-2025)"
HEI = "Hei-Online, jongerenwerk online en in het dorp"
POJ = "Praktijkondersteuner jeugd op school"
CLUB = "Huiswerk- en beweegclub Dorpshuis De Schakel, Aarveld"
RES = "Subsidiemenu Samen Sterker, activiteiten in de dorpen die ook het leren steunen"
LEZEN = "Percentage leerlingen groep 8 met niveau 2F lezen"

MONEY_V1_V2 = [
    f"- Post '{RES}' (geldstroom '{NPO}'), opgenomen door interventies: € 18.400 → € 0 (€ 18.400 minder)",
    f"- Verschoven: € 4.000 van interventie '{HEI}' naar interventie '{POJ}' (geldstroom '{NPO}')",
    f"- Interventie '{POJ}', toegewezen: € 138.000 → € 142.000 (€ 4.000 meer)",
    f"- Interventie '{HEI}', toegewezen: € 36.000 → € 32.000 (€ 4.000 minder)",
    f"- Interventie '{CLUB}', toegewezen: € 18.400 → geen (€ 18.400 minder)",
    "- Niet toegewezen in het hele plan: € 0 → € 0 (gelijk)",
]
COVERAGE_V1_V2 = [
    "- Leefdomein 'school': 4 → 3 interventies",
    "- Leefdomein 'vrije tijd': 3 → 2 interventies",
    "- Leefdomein 'wijk': 2 → 1 interventie",
    "- Ontwikkelgebied 'cognitief': 1 → 0 interventies; geen interventie bereikt dit ontwikkelgebied meer",
    "- Ontwikkelgebied 'executief': 2 → 1 interventie",
    "- Ontwikkelgebied 'sociaal': 5 → 4 interventies",
    "- Ontwikkelgebied 'fysiek': 2 → 1 interventie",
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """Shared by the tests that only read it; a test that changes files makes its own."""
    return make_repo(tmp_path_factory.mktemp("diff") / "repo")


@pytest.fixture
def own_repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path / "repo")


RunDiff = Callable[..., Run]


@pytest.fixture
def run(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> RunDiff:
    """``run(FOLDER, ARGS)`` is ``samenplan diff`` in this process, from FOLDER."""
    for name in (
        "CI_MERGE_REQUEST_DIFF_BASE_SHA",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
        "GITHUB_BASE_REF",
        "GITHUB_ACTIONS",
        "GITLAB_CI",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    return lambda cwd, *args: cli("diff", *args, cwd=cwd)


def test_text_report_of_money_moved_interventie_stopped_target_changed(repo: Repo, run: RunDiff) -> None:
    done = run(repo.plan, "v1", "v2")
    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        TITLE,
        f"Oud: v1 (commit {repo.short('v1')}), map plan",
        f"Nieuw: v2 (commit {repo.short('v2')}), map plan",
        "",
        "Geld",
        *MONEY_V1_V2,
        "",
        "Interventies",
        f"- Uit het plan: interventie '{CLUB}'",
        f"- Interventie '{POJ}':",
        "  - partners: erbij: 'GGD Heide en Aa, jeugdgezondheidszorg'; weg: 'jgz_gdd'",
        f"- Interventie '{HEI}':",
        "  - omschrijving: 'samen 8 uur' werd 'samen 6 uur'",
        *COVERAGE_V1_V2,
        "",
        "Resultaten en indicatoren",
        f"- Indicator '{LEZEN}':",
        "  - streefwaarde: 62% op 30 juni 2025 → 65% op 30 juni 2025",
        "",
        "Controle",
        "- Nieuw: SP103 waarschuwing in plan/05-aanpak.yaml:1: Geen enkele interventie werkt aan de "
        "cognitieve ontwikkeling.",
        "- Opgelost: SP201 fout in plan/05-aanpak.yaml:60: Interventie 'i_poj_school' noemt partner "
        "'jgz_gdd', maar er is geen partner met die id.",
    ]


def test_markdown_report_escapes_plan_text(repo: Repo, run: RunDiff) -> None:
    done = run(repo.plan, "v1", "v2", "--format", "markdown")
    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        f"## {TITLE}",
        "",
        f"Oud: v1 (commit {repo.short('v1')}), map plan  ",
        f"Nieuw: v2 (commit {repo.short('v2')}), map plan",
        "",
        "### Geld",
        "",
        *MONEY_V1_V2,
        "",
        "### Interventies",
        "",
        f"- Uit het plan: interventie '{CLUB}'",
        f"- Interventie '{POJ}':",
        "  - partners: erbij: 'GGD Heide en Aa, jeugdgezondheidszorg'; weg: 'jgz\\_gdd'",
        f"- Interventie '{HEI}':",
        "  - omschrijving: 'samen 8 uur' werd 'samen 6 uur'",
        *COVERAGE_V1_V2,
        "",
        "### Resultaten en indicatoren",
        "",
        f"- Indicator '{LEZEN}':",
        "  - streefwaarde: 62% op 30 juni 2025 → 65% op 30 juni 2025",
        "",
        "### Controle",
        "",
        "- Nieuw: SP103 waarschuwing in plan/05-aanpak.yaml:1: Geen enkele interventie werkt aan de "
        "cognitieve ontwikkeling.",
        "- Opgelost: SP201 fout in plan/05-aanpak.yaml:60: Interventie 'i\\_poj\\_school' noemt partner "
        "'jgz\\_gdd', maar er is geen partner met die id.",
    ]


def test_json_report(repo: Repo, run: RunDiff) -> None:
    done = run(repo.plan, "v1", "v2", "--format", "json")
    data = json.loads(done.out)
    assert data["version"] == 1
    assert data["old"] == {
        "label": "v1",
        "commit": repo.short("v1"),
        "folder": "plan",
        "title": "Samen Sterker in de Heidedorpen 2023-2025",
        "readable": True,
        "errors": 2,  # SP201 and SP310 (money of the interventie that runs past the plan)
    }
    assert data["changed"] is True
    assert data["money"][0] == {
        "kind": "plan",
        "key": "plan",
        "name": "",
        "within": "",
        "verdeling": "",
        "measure": "niet_toegewezen",
        "before": 0,
        "after": 0,
        "difference": 0,
    }
    assert [(m["kind"], m["key"], m["measure"], m["before"], m["after"]) for m in data["money"][1:]] == [
        ("post", "res_subsidiemenu", "opgenomen", 18400, 0),
        ("interventie", "i_poj_school", "toegewezen", 138000, 142000),
        ("interventie", "i_hei_online", "toegewezen", 36000, 32000),
        ("interventie", "i_huiswerkclub_aarveld", "toegewezen", 18400, None),
    ]
    assert data["moves"] == [
        {
            "geldstroom": "gs_npo_regio",
            "geldstroom_name": NPO,
            "from": "i_hei_online",
            "from_name": HEI,
            "to": "i_poj_school",
            "to_name": POJ,
            "amount": 4000,
        }
    ]
    assert [(e["kind"], e["key"], e["status"]) for e in data["entries"]] == [
        ("interventie", "i_huiswerkclub_aarveld", "removed"),
        ("interventie", "i_poj_school", "changed"),
        ("interventie", "i_hei_online", "changed"),
        ("indicator", "ind_lezen_2f", "changed"),
    ]
    assert data["entries"][3]["fields"] == [
        {
            "field": "streefwaarde",
            "label": "streefwaarde",
            "before": {"waarde": 62, "datum": "2025-06-30"},
            "after": {"waarde": 65, "datum": "2025-06-30"},
            "summary": "62% op 30 juni 2025 → 65% op 30 juni 2025",
        }
    ]
    assert {"vocabulary": "ontwikkelgebied", "value": "cognitief", "before": 1, "after": 0} in data[
        "coverage"
    ]
    assert [(f["status"], f["code"], f["severity"], f["key_path"]) for f in data["findings"]] == [
        ("new", "SP103", "warning", ["aanpak", "interventies"]),
        ("solved", "SP201", "error", ["aanpak", "interventies", 1, "partners", 1]),
    ]
    text = run(repo.plan, "v1", "v2").out
    flat = [line for section in data["report"] for line in section["lines"]]
    assert f"Interventie '{HEI}', omschrijving: 'samen 8 uur' werd 'samen 6 uur'" in flat
    assert [s["title"] for s in data["report"]] == [
        line
        for line in text.splitlines()
        if line in ("Geld", "Interventies", "Resultaten en indicatoren", "Controle")
    ]


def test_fase_and_a_stopped_interventie_and_findings_of_a_stricter_fase(repo: Repo, run: RunDiff) -> None:
    done = run(repo.top, "v2", "v3")  # from the top of the repository: the only plan is found
    lines = done.out.splitlines()
    assert lines[4:] == [
        "Interventies",
        "- Nieuw: voortgang 'Subsidiemenu Samen Sterker in de dorpen op 1 december 2024' "
        "(status: gestopt; besteed: € 12.500)",
        "",
        "Het plan",
        "- Fase: besluit → uitvoering",
        "",
        "Controle",
        *(
            f"- Nieuw: SP703 fout in plan/05-aanpak.yaml:{line}: Interventie '{iv}' heeft geen voortgang: "
            "07-uitvoering.yaml zegt niet hoe ze ervoor staat."
            for line, iv in ((2, "i_sterk_op_school"), (46, "i_poj_school"), (93, "i_hei_online"))
        ),
    ]


def test_backwards_the_stopped_interventie_comes_back(repo: Repo, run: RunDiff) -> None:
    lines = run(repo.plan, "v2", "v1").out.splitlines()
    assert f"- Nieuw: interventie '{CLUB}'" in lines
    assert (
        "- Ontwikkelgebied 'cognitief': 0 → 1 interventie; eerst bereikte geen interventie "
        "dit ontwikkelgebied" in lines
    )
    assert (
        f"- Verschoven: € 4.000 van interventie '{POJ}' naar interventie '{HEI}' (geldstroom '{NPO}')"
        in lines
    )
    assert (
        "- Opgelost: SP103 waarschuwing in plan/05-aanpak.yaml:1: Geen enkele interventie werkt aan de "
        "cognitieve ontwikkeling." in lines
    )


def test_same_revision_twice_says_nothing_changed(repo: Repo, run: RunDiff) -> None:
    done = run(repo.plan, "v3", "HEAD")
    assert done.out.splitlines()[3:] == ["", "Er is niets veranderd in het plan."]
    assert json.loads(run(repo.plan, "v3", "HEAD", "-f", "json").out)["changed"] is False


def test_work_tree_against_a_branch_leaves_the_work_tree_alone(own_repo: Repo, run: RunDiff) -> None:
    own_repo.edit("02-samenwerking.yaml", "    bedrag: 45000\n", "    bedrag: 50000\n")
    before = {p.name: p.read_bytes() for p in own_repo.plan.iterdir()}
    status = own_repo.git("status", "--porcelain")
    done = run(own_repo.plan, "main")
    geld = "Subsidieregeling Samen Sterker, eigen geld van de drie gemeenten"
    assert done.out.splitlines()[1:] == [
        f"Oud: main (commit {own_repo.short('main')}), map plan",
        "Nieuw: de huidige bestanden, map plan",
        "",
        "Geld",
        f"- Geldstroom '{geld}', beschikbaar: € 45.000 → € 50.000 (€ 5.000 meer)",
        f"- Geldstroom '{geld}', niet toegewezen: € 0 → € 5.000 (€ 5.000 meer)",
        "- Beschikbaar in het hele plan: € 441.000 → € 446.000 (€ 5.000 meer)",
        "- Niet toegewezen in het hele plan: € 0 → € 5.000 (€ 5.000 meer)",
        "",
        "Controle",
        # The spending term ended on 31 July 2025: unallocated money is a terugbetaalrisico (SP313).
        "- Nieuw: SP313 fout in plan/02-samenwerking.yaml:216: De bestedingstermijn van geldstroom "
        "'gs_subsidie_samen_sterker' is op 31 juli 2025 afgelopen, maar € 5.000 is niet toegewezen; "
        "dat geld moet mogelijk terug.",
    ]
    assert {p.name: p.read_bytes() for p in own_repo.plan.iterdir()} == before
    assert own_repo.git("status", "--porcelain") == status


def test_reordered_entries_and_comments_are_no_change_and_a_rename_is_one(
    own_repo: Repo, run: RunDiff
) -> None:
    aanpak = own_repo.plan / "05-aanpak.yaml"
    text = aanpak.read_text(encoding="utf-8")
    first = text.index("  - id: i_sterk_op_school")
    second = text.index("  - id: i_poj_school")
    end = text.index("samenhang: |")
    # The first interventie (with the SP602 finding) goes last; a comment and blank lines come in.
    moved = text[:first] + "  # volgorde aangepast\n\n" + text[second:end].rstrip("\n") + "\n\n"
    aanpak.write_text(moved + text[first:second] + text[end:], encoding="utf-8")
    assert run(own_repo.plan, "HEAD").out.splitlines()[3:] == ["", "Er is niets veranderd in het plan."]
    own_repo.edit("05-aanpak.yaml", f"    naam: {HEI}\n", "    naam: Hei-Online\n")
    assert run(own_repo.plan, "HEAD").out.splitlines()[3:] == [
        "",
        "Interventies",
        "- Interventie 'Hei-Online':",
        f"  - naam: '{HEI}' werd 'Hei-Online'",
    ]


def test_money_between_bestedingsdoelen_posts_and_plan_texts(own_repo: Repo, run: RunDiff) -> None:
    own_repo.edit(
        "05-aanpak.yaml",
        "        bedrag: 12000\n        jaar: 2024",
        "        bedrag: 10000\n        jaar: 2024",
    )
    own_repo.edit(
        "05-aanpak.yaml",
        "        bedrag: 8000\n        jaar: 2024",
        "        bedrag: 10000\n        jaar: 2024",
    )
    own_repo.edit("02-samenwerking.yaml", "            bedrag: 141000", "            bedrag: 131000")
    own_repo.edit("02-samenwerking.yaml", "            bedrag: 102000", "            bedrag: 112000")
    own_repo.edit("05-aanpak.yaml", "  De vijf maatregelen vormen", "  De vier maatregelen vormen")
    own_repo.edit("07-uitvoering.yaml", "borging: |\n", "borging: |\n  Eerst evalueren.\n")
    stroom = "Subsidieregeling Samen Sterker, eigen geld van de drie gemeenten"
    assert run(own_repo.plan, "HEAD").out.splitlines()[3:] == [
        "",
        "Geld",
        f"- Geldstroom '{NPO}', verdeling 'Bijdrage per gemeente', post 'Heidebeek': "
        "€ 141.000 → € 131.000 (€ 10.000 minder)",
        f"- Geldstroom '{NPO}', verdeling 'Bijdrage per gemeente', post 'Zandloo': "
        "€ 102.000 → € 112.000 (€ 10.000 meer)",
        f"- Geldstroom '{stroom}', toegewezen aan bestedingsdoel 'Ontmoeting en meedoen in het dorp': "
        "€ 21.000 → € 19.000 (€ 2.000 minder)",
        f"- Geldstroom '{stroom}', toegewezen aan bestedingsdoel 'Steun voor ouders': "
        "€ 14.000 → € 16.000 (€ 2.000 meer)",
        "- Niet toegewezen in het hele plan: € 0 → € 0 (gelijk)",
        "",
        "Het plan",
        "- Samenhang van de aanpak: 'De vijf maatregelen' werd 'De vier maatregelen'",
        "- Borging: 'Het' werd 'Eerst evalueren. Het'",
    ]


def test_plan_text_is_escaped_in_markdown(own_repo: Repo, run: RunDiff) -> None:
    own_repo.edit(
        "05-aanpak.yaml",
        f"    naam: {HEI}\n",
        '    naam: "Hei-Online <img src=x onerror=alert(1)> **[klik](http://x)**"\n',
    )
    lines = run(own_repo.plan, "HEAD", "-f", "md").out.splitlines()
    assert lines[-2:] == [
        "- Interventie 'Hei-Online \\<img src=x onerror=alert(1)\\> \\*\\*\\[klik\\](http\\://x)\\*\\*':",
        f"  - naam: '{HEI}' werd 'Hei-Online \\<img src=x onerror=alert(1)\\> \\*\\*\\[klik\\](http\\://x)\\*\\*'",
    ]


def test_plan_text_never_starts_a_line_of_its_own(own_repo: Repo, run: RunDiff) -> None:
    """In a CI log a line starting with '::' is a GitHub workflow command, and in a GitLab
    comment a line starting with '/' is a quick action: plan text never starts a line."""
    own_repo.edit(
        "05-aanpak.yaml",
        f"    naam: {HEI}\n",
        '    naam: "Hei\\n::error file=x::nep\\u001b[2J\\n/merge"\n',
    )
    lines = run(own_repo.plan, "HEAD").out.splitlines()
    assert lines[-2:] == [
        "- Interventie 'Hei\\n::error file=x::nep\\x1b[2J\\n/merge':",
        f"  - naam: '{HEI}' werd 'Hei ::error file=x::nep\\x1b[2J /merge'",  # the word summary joins lines
    ]
    markdown = run(own_repo.plan, "HEAD", "-f", "md").out.splitlines()
    assert markdown[-2] == "- Interventie 'Hei ::error file=x::nep\x1b\\[2J /merge':"
    for line in lines + markdown:
        assert not line.lstrip().startswith(("::", "/")), line


def test_a_newer_formaatversie_is_refused(own_repo: Repo, run: RunDiff) -> None:
    own_repo.edit("samenplan.yaml", "formaatversie: 2", "formaatversie: 7")
    done = run(own_repo.plan, "HEAD")
    assert (done.code, done.err) == (
        2,
        "samenplan: Het plan in de huidige bestanden is geschreven in formaatversie 7; deze samenplan kent "
        "formaatversie 2. Werk samenplan bij: pip install --upgrade samenplan.\n",
    )


def test_two_plan_folders_without_git(tmp_path: Path, run: RunDiff) -> None:
    copy_example(tmp_path, into="oud")
    copy_example(tmp_path, into="nieuw")
    resultaten = tmp_path / "nieuw" / "04-resultaten.yaml"
    resultaten.write_text(
        resultaten.read_text(encoding="utf-8").replace("          waarde: 55\n", "          waarde: 54\n"),
        encoding="utf-8",
    )
    done = run(tmp_path, "oud", "nieuw")
    assert done.out.splitlines() == [
        TITLE,
        "Oud: map oud",
        "Nieuw: map nieuw",
        "",
        "Resultaten en indicatoren",
        f"- Indicator '{LEZEN}':",
        "  - nulmeting: 55% op 30 juni 2023 → 54% op 30 juni 2023",
    ]


def test_a_revision_against_a_folder_takes_that_folder_in_git(two_plans: Repo, run: RunDiff) -> None:
    plan = two_plans.top / "plannen" / "rivierstad"
    (plan / "samenplan.yaml").write_text(
        (plan / "samenplan.yaml")
        .read_text(encoding="utf-8")
        .replace("regio: Rivierland", "regio: Rivierenland"),
        encoding="utf-8",
    )
    done = run(two_plans.top, "v1", "plannen/rivierstad")
    assert done.out.splitlines()[1:] == [
        f"Oud: v1 (commit {two_plans.short('v1')}), map plannen/rivierstad",
        "Nieuw: map plannen/rivierstad",
        "",
        "Het plan",
        "- Regio: Rivierland → Rivierenland",
    ]


def test_output_file(repo: Repo, run: RunDiff, tmp_path: Path) -> None:
    target = tmp_path / "diff.md"
    done = run(repo.plan, "v1", "v2", "-f", "md", "-o", str(target))
    assert done.out == ""
    assert target.read_text(encoding="utf-8").startswith(f"## {TITLE}\n")


# --- Several plans, bad input ---------------------------------------------------------------


@pytest.fixture
def two_plans(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "regio")
    (repo.top / "plannen").mkdir(parents=True)
    repo.git("init", "-q", "-b", "main")
    (repo.top / "README.md").write_text("Plannen van de regio.\n", encoding="utf-8")
    repo.commit("leeg")
    for name in GOOD_EXAMPLES:
        copy_example(repo.top / "plannen", name)
    repo.commit("v1")
    return repo


def test_several_plans_need_plan_option(two_plans: Repo, run: RunDiff) -> None:
    done = run(two_plans.top, "v1", "HEAD")
    assert done.code == 2
    assert done.err == (
        "samenplan: Deze repository heeft meer plannen: plannen/heidedorpen, plannen/lindeveen, "
        "plannen/rivierstad. "
        "Kies er een met --plan, bijvoorbeeld --plan plannen/heidedorpen.\n"
    )
    done = run(two_plans.top, "v1", "HEAD", "--plan", "plannen/rivierstad")
    assert done.code == 0
    assert "Oud: v1 (commit " in done.out
    assert "map plannen/rivierstad" in done.out


def test_no_plan_at_that_revision(two_plans: Repo, run: RunDiff) -> None:
    done = run(two_plans.top, "leeg", "v1", "--plan", "plannen/rivierstad")
    assert (done.code, done.err) == (
        2,
        "samenplan: In revisie 'leeg' staat geen plan in de map 'plannen/rivierstad'. "
        "Er staat daar geen enkel plan.\n",
    )
    done = run(two_plans.top, "v1", "--plan", "plannen/elders")
    assert done.code == 2
    assert done.err == (
        "samenplan: In revisie 'v1' staat geen plan in de map 'plannen/elders'. Wel in: "
        "plannen/heidedorpen, plannen/lindeveen, plannen/rivierstad; kies met --plan PLANMAP.\n"
    )


def test_unknown_revision_suggests_a_near_one(repo: Repo, run: RunDiff) -> None:
    done = run(repo.plan, "mian", "v2")
    assert done.code == 2
    assert done.err == (
        "samenplan: De revisie 'mian' bestaat niet in deze Git-repository. Bedoelde je 'main'? "
        "Geef een tak (branch), tag of commit; 'git log --oneline' toont de commits.\n"
    )
    assert done.out == ""


def test_not_a_git_repository(tmp_path: Path, run: RunDiff) -> None:
    done = run(copy_example(tmp_path, into="plan"), "main")
    assert done.code == 2
    assert "is geen Git-repository" in done.err
    assert "samenplan diff OUDE-MAP NIEUWE-MAP" in done.err


def test_basis_outside_a_merge_request(repo: Repo, run: RunDiff) -> None:
    done = run(repo.plan)
    assert done.code == 2
    assert "CI_MERGE_REQUEST_DIFF_BASE_SHA en GITHUB_BASE_REF zijn leeg" in done.err


def test_unknown_format(repo: Repo, run: RunDiff) -> None:
    done = run(repo.plan, "v1", "-f", "pdf")
    assert (done.code, done.err) == (
        2,
        "samenplan: Het formaat 'pdf' bestaat niet voor diff. Kies uit: text, markdown, json.\n",
    )


def test_an_unreadable_version_compares_only_the_findings(own_repo: Repo, run: RunDiff) -> None:
    own_repo.edit("04-resultaten.yaml", "resultaten:\n", "resultaten: [\n")
    done = run(own_repo.plan, "HEAD")
    lines = done.out.splitlines()
    assert lines[4:6] == [
        "Controle",
        "- De nieuwe versie kan niet gelezen worden (1 fout); daarom zijn alleen de meldingen van "
        "samenplan check vergeleken",
    ]
    assert lines[6].startswith("- Nieuw: SP001 fout in plan/04-resultaten.yaml:")


# --- Word-level summaries -------------------------------------------------------------------


def test_word_summary_of_a_long_text_shows_only_the_changes() -> None:
    before = "Twee jongerenwerkers werken er samen 8 uur per week aan, op school en online in de dorpen."
    after = "Drie jongerenwerkers werken er samen 8 uur per week aan, op school en online in alle dorpen."
    assert (
        words.summary(before, after)
        == "'Twee jongerenwerkers' werd 'Drie jongerenwerkers'; 'in de dorpen.' werd 'in alle dorpen.'"
    )


def test_word_summary_counts_what_it_leaves_out() -> None:
    before = " ".join(f"w{i}" for i in range(40))
    after = " ".join(f"w{i}" if i % 8 else f"x{i}" for i in range(40))
    assert words.summary(before, after).endswith("; en nog 2 wijzigingen")


def test_word_summary_of_short_and_empty_texts() -> None:
    assert words.summary("Oude naam", "Nieuwe naam") == "'Oude naam' werd 'Nieuwe naam'"
    assert words.summary("", "Er is iets bij.") == "nieuw: 'Er is iets bij.'"
    assert words.summary("Weg ermee.", "") == "weggehaald (was 'Weg ermee.')"
    assert words.summary("a  b\n", "a b") == "alleen witruimte of regels anders"


def test_git_is_only_read(repo: Repo) -> None:
    """The shared repository is unchanged by every test above: no stash, no checkout."""
    assert repo.git("status", "--porcelain") == ""
    assert repo.git("stash", "list") == ""
    assert subprocess.run(["git", "diff", "--quiet", "v3"], cwd=repo.top, check=False).returncode == 0


def test_a_repository_of_another_user_gets_the_safe_directory_hint(
    two_plans: Repo, run: RunDiff, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")  # as Git's own tests do
    done = run(two_plans.top, "v1", "--plan", "plannen/rivierstad")
    assert done.code == 2
    assert "git config --global --add safe.directory" in done.err


def test_a_revision_in_formaatversie_1_is_migrated_before_it_is_compared(
    own_repo: Repo, run: RunDiff
) -> None:
    own_repo.edit("samenplan.yaml", "formaatversie: 2", "formaatversie: 1")
    own_repo.commit("formaat1")
    own_repo.edit("samenplan.yaml", "formaatversie: 1", "formaatversie: 2")
    own_repo.commit("formaat2")
    done = run(own_repo.plan, "formaat1", "formaat2")
    assert done.code == 0, done.err
    assert done.out.splitlines()[3:] == ["", "Er is niets veranderd in het plan."]
    assert own_repo.git("status", "--porcelain") == ""


def test_a_plan_folder_in_formaatversie_1_is_refused_with_the_command(own_repo: Repo, run: RunDiff) -> None:
    own_repo.edit("samenplan.yaml", "formaatversie: 2", "formaatversie: 1")
    done = run(own_repo.plan, "HEAD")
    assert (done.code, done.err) == (
        2,
        "samenplan: Het plan in de huidige bestanden is geschreven in formaatversie 1 (samenplan.yaml, "
        "regel 1); deze samenplan leest formaatversie 2. Werk het bij en vergelijk daarna opnieuw: "
        "samenplan migrate\n",
    )
