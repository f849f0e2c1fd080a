"""A Git repository with three commits of the heidedorpen example, for the diff tests.

v1: the example without its taakverdeling, with three findings: an interventie period past
    the plan's end (SP602, and SP310 for its money past the regeling's term, both kept in
    every version) and a typo in a partner id (SP201, solved in v2).
v2: € 4.000 moved from Hei-Online to the praktijkondersteuner; the huiswerkclub in Aarveld
    stopped (gone from aanpak and planning), so no interventie is cognitive any more (SP103,
    new); a target changed; the typo fixed.
v3: fase besluit → uitvoering; a voortgang entry saying the subsidiemenu stopped.
"""

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from support import copy_example

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Werkgroep",
    "GIT_AUTHOR_EMAIL": "werkgroep@example.org",
    "GIT_COMMITTER_NAME": "Werkgroep",
    "GIT_COMMITTER_EMAIL": "werkgroep@example.org",
    "GIT_AUTHOR_DATE": "2024-03-01T10:00:00+01:00",
    "GIT_COMMITTER_DATE": "2024-03-01T10:00:00+01:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


@dataclass
class Repo:
    """The repository; the plan is in its folder ``plan``."""

    top: Path

    @property
    def plan(self) -> Path:
        return self.top / "plan"

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.top,
            capture_output=True,
            text=True,
            env={**os.environ, **GIT_ENV},
            check=True,
        )
        return done.stdout.strip()

    def short(self, revision: str) -> str:
        return self.git("rev-parse", "--short", revision)

    def edit(self, file: str, old: str, new: str) -> None:
        path = self.plan / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def cut(self, file: str, start: str, end: str) -> None:
        """Remove the text from ``start`` up to (not including) ``end``."""
        path = self.plan / file
        text = path.read_text(encoding="utf-8")
        i = text.index(start)
        path.write_text(text[:i] + text[text.index(end, i) :], encoding="utf-8")

    def commit(self, tag: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", tag)
        self.git("tag", tag)


def _v1(repo: Repo) -> None:
    # Without the example's taakverdeling (the schools cover cognitief), stopping the only
    # cognitive interventie in v2 leaves a gap (SP103).
    path = repo.plan / "05-aanpak.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n# Wat de partners buiten")] + "\n", encoding="utf-8")
    repo.edit("05-aanpak.yaml", "      tot: 2025-07-15\n", "      tot: 2025-08-15\n")
    repo.edit(
        "05-aanpak.yaml",
        "    partners: [sw_deheide, jgz_ggd, sb_heidekring]",
        "    partners: [sw_deheide, jgz_gdd, sb_heidekring]",
    )


def _v2(repo: Repo) -> None:
    repo.edit(
        "05-aanpak.yaml",
        "    partners: [sw_deheide, jgz_gdd, sb_heidekring]",
        "    partners: [sw_deheide, jgz_ggd, sb_heidekring]",
    )
    repo.edit(
        "05-aanpak.yaml",
        "        bedrag: 22000\n        jaar: 2024",
        "        bedrag: 18000\n        jaar: 2024",
    )
    repo.edit("05-aanpak.yaml", "        bedrag: 72000\n", "        bedrag: 76000\n")
    repo.edit(
        "05-aanpak.yaml",
        "Twee jongerenwerkers werken er samen 8 uur per week aan.",
        "Twee jongerenwerkers werken er samen 6 uur per week aan.",
    )
    repo.cut("05-aanpak.yaml", "  - id: i_huiswerkclub_aarveld", "samenhang: |")
    repo.cut("07-uitvoering.yaml", "  - interventie: i_huiswerkclub_aarveld", "voortgang:")
    repo.edit("04-resultaten.yaml", "          waarde: 62\n", "          waarde: 65\n")


def _v3(repo: Repo) -> None:
    repo.edit("samenplan.yaml", "fase: besluit", "fase: uitvoering")
    repo.edit(
        "07-uitvoering.yaml",
        "voortgang: []",
        "voortgang:\n"
        "  - interventie: i_subsidiemenu\n"
        "    datum: 2024-12-01\n"
        "    status: gestopt\n"
        "    besteed: 12500\n"
        "    toelichting: Er kwamen te weinig aanvragen.\n",
    )


def make_repo(where: Path) -> Repo:
    """The repository with commits (and tags) v1, v2 and v3; the work tree is at v3."""
    repo = Repo(where)
    where.mkdir()
    copy_example(repo.top, into="plan")
    repo.git("init", "-q", "-b", "main")
    for tag, change in (("v1", _v1), ("v2", _v2), ("v3", _v3)):
        change(repo)
        repo.commit(tag)
    return repo
