"""What many test modules share: paths, a copy of an example plan, and the CLI runners.

``cli`` (a fixture in conftest.py) runs samenplan in the test process: fast, and the right
choice unless the process itself is under test. ``run_process`` starts a real process, for
the entry points, exit codes of a real process, terminals and signals.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HEIDEDORPEN = EXAMPLES / "heidedorpen"
#: The shipped examples that check without findings (vol-fouten is the one with every flaw).
GOOD_EXAMPLES = ("heidedorpen", "lindeveen", "rivierstad")

#: Variables that change the output format or colour; tests set them explicitly.
CI_VARIABLES = ("NO_COLOR", "GITHUB_ACTIONS", "GITLAB_CI", "GITHUB_STEP_SUMMARY")


def copy_example(tmp_path: Path, name: str = "heidedorpen", into: str | None = None) -> Path:
    """A fresh copy of a shipped example plan, in ``tmp_path / (into or name)``."""
    target = tmp_path / (into or name)
    shutil.copytree(EXAMPLES / name, target)
    return target


# --- broken plans: each breaks a copy of heidedorpen in a known way ----------------------


def edit(root: Path, file: str, old: str, new: str) -> None:
    """Replace ``old``, which must occur exactly once in ``file``, by ``new``."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def no_leefdomein(root: Path) -> None:
    """The first activity in 05-aanpak.yaml gets no leefdomein: one error (SP101)."""
    path = root / "05-aanpak.yaml"
    text = path.read_text(encoding="utf-8")
    assert "leefdomeinen: [school, thuis]" in text
    path.write_text(text.replace("leefdomeinen: [school, thuis]", "leefdomeinen: []", 1), encoding="utf-8")


def add_unused_waiver(root: Path) -> None:
    """A waiver on a line without findings: one warning (SP902), nothing else."""
    edit(
        root,
        "samenplan.yaml",
        "regio: Heidedorpen\n",
        "regio: Heidedorpen  # samenplan: negeer SP101 reden: proef\n",
    )


def only_output_indicators(root: Path) -> None:
    """Result r_jongeren measures output only: one info (SP407)."""
    edit(
        root,
        "04-resultaten.yaml",
        "      - id: ind_eenzaam_jongeren\n"
        "        naam: Percentage jongeren 12-17 jaar dat zich vaak eenzaam voelt\n"
        "        soort: outcome",
        "      - id: ind_eenzaam_jongeren\n"
        "        naam: Percentage jongeren 12-17 jaar dat zich vaak eenzaam voelt\n"
        "        soort: output",
    )


def break_plan(root: Path) -> None:
    """Break the copy in several ways: errors, a warning, an info, a related location."""
    edit(
        root,
        "05-aanpak.yaml",  # SP101: no leefdomein, and not randvoorwaardelijk
        "    leefdomeinen: [school, thuis]\n    ontwikkelgebieden: [emotioneel, sociaal]",
        "    leefdomeinen: []\n    ontwikkelgebieden: [emotioneel, sociaal]",
    )
    edit(
        root,
        "05-aanpak.yaml",  # SP201: a typo in a reference, with a suggestion
        "    trekkers: [sw_deheide]\n    partners: [sb_aacollege, aa_heidebeek",
        "    trekkers: [sw_deheid]\n    partners: [sb_aacollege, aa_heidebeek",
    )
    edit(
        root,
        "01-urgentie.yaml",  # SP202: a second doelgroep with the same id (related)
        "    omschrijving: Ouders en verzorgers van kinderen en jongeren in de drie gemeenten.\n",
        "    omschrijving: Ouders en verzorgers van kinderen en jongeren in de drie gemeenten.\n"
        "  - id: dg_jongeren\n    naam: Jongeren die in de stad naar school gaan\n",
    )
    only_output_indicators(root)  # SP407 (info)
    add_unused_waiver(root)  # SP902 (warning)
    borging = root / "07-uitvoering.yaml"  # SP801: a placeholder; step 7 below 100%
    text = borging.read_text(encoding="utf-8")
    borging.write_text(
        text[: text.index("borging: |")] + 'borging: "<vul in: wat gaat door als het geld op is>"\n',
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Run:
    """The outcome of one samenplan command, in-process or as a real process."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def code(self) -> int:
        """Short for returncode."""
        return self.returncode

    @property
    def out(self) -> str:
        """Short for stdout."""
        return self.stdout

    @property
    def err(self) -> str:
        """Short for stderr."""
        return self.stderr


class Cli:
    """Runs ``samenplan ARGS`` in this process, with its own environment and folder."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self._capsys = capsys
        self._monkeypatch = monkeypatch

    def __call__(self, *args: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
        from samenplan.cli.main import main

        with self._monkeypatch.context() as patch:
            for name, value in (env or {}).items():
                patch.setenv(name, value)
            patch.chdir(cwd)
            self._capsys.readouterr()
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
            out, err = self._capsys.readouterr()
        assert "Traceback" not in out + err
        return Run(code, out, err)


def run_process(
    *args: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m samenplan ARGS`` as a real process, without the CI variables of this shell."""
    full_env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "samenplan", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        check=False,
    )
