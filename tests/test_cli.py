"""The command line: in-process for what it says, real processes for entry points and terminals."""

import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PlanCopy, position
from samenplan import __version__
from support import CI_VARIABLES, HEIDEDORPEN, ROOT, Cli, Run, run_process

ANSI = re.compile(r"\x1b\[")


def assert_no_traceback(proc: Run | subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stdout
    assert "Traceback" not in proc.stderr


# --- version and help ---------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    proc = run_process(flag)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"samenplan {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["-h"], []], ids=["--help", "-h", "geen-argumenten"])
def test_help_is_dutch(cli: Cli, args: list[str]) -> None:
    proc = cli(*args)
    output = proc.stdout + proc.stderr
    assert "Gebruik" in output
    assert "Opdrachten" in output
    assert "Usage" not in output
    assert "Options" not in output
    assert "check" in output and "schema" in output
    assert_no_traceback(proc)


def test_no_arguments_shows_the_help(cli: Cli) -> None:
    proc = cli()
    assert proc.returncode == 0
    assert "Opdrachten" in proc.stdout and "Gebruik" in proc.stdout
    assert proc.stdout.startswith("Gebruik")  # help, not an error message


@pytest.mark.parametrize("command", ["check", "schema"])
def test_command_help_is_dutch(cli: Cli, command: str) -> None:
    proc = cli(command, "--help")
    assert proc.returncode == 0
    assert "Gebruik" in proc.stdout
    assert "Usage" not in proc.stdout
    assert "Opties" in proc.stdout
    assert "Show this message" not in proc.stdout


# --- check --------------------------------------------------------------------------------


def test_check_example_is_clean(cli: Cli) -> None:
    proc = cli("check", "examples/heidedorpen")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Geen problemen" in proc.stdout
    assert proc.stderr == ""


def test_check_defaults_to_current_folder(cli: Cli) -> None:
    proc = cli("check", cwd=HEIDEDORPEN)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Geen problemen" in proc.stdout


def test_check_broken_copy(cli: Cli, plan: PlanCopy) -> None:
    text = plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    line, col = position(text, "bedrag: veel")
    col += len("bedrag: ")
    proc = cli("check", plan.root)
    assert proc.returncode == 1
    assert_no_traceback(proc)
    out = proc.stdout.splitlines()
    heads = [i for i, s in enumerate(out) if f"05-aanpak.yaml:{line}:{col}: SP012" in s]
    assert len(heads) == 1, proc.stdout
    source_line = text.splitlines()[line - 1]
    gutter = f"{line:>5} | "
    assert out[heads[0] + 1] == gutter + source_line
    caret = out[heads[0] + 2]
    assert caret.rstrip().endswith("^")
    assert caret.index("^") == len(gutter) + col - 1
    assert set(caret.replace("|", "").replace("^", "")) <= {" "}


def test_check_yaml_error_shows_source_line_and_caret(cli: Cli, plan: PlanCopy) -> None:
    plan.write("05-aanpak.yaml", "interventies:\n  - id: x\n    naam: a: b\n")
    proc = cli("check", plan.root)
    assert proc.returncode == 1
    assert_no_traceback(proc)
    out = proc.stdout.splitlines()
    col = len("    naam: a") + 1
    heads = [i for i, s in enumerate(out) if f"05-aanpak.yaml:3:{col}: SP001" in s]
    assert len(heads) == 1, proc.stdout
    assert out[heads[0] + 1] == "    3 |     naam: a: b"
    assert out[heads[0] + 2].index("^") == len("    3 | ") + col - 1


def test_check_crlf_file_shows_clean_source_line(cli: Cli, plan: PlanCopy) -> None:
    plan.write("05-aanpak.yaml", b"\xef\xbb\xbfinterventies:\r\n  - id: x\r\n    naam: a: b\r\n")
    proc = cli("check", plan.root)
    assert proc.returncode == 1
    out = proc.stdout.splitlines()
    col = len("    naam: a") + 1
    heads = [i for i, s in enumerate(out) if f"05-aanpak.yaml:3:{col}: SP001" in s]
    assert len(heads) == 1, proc.stdout
    assert out[heads[0] + 1] == "    3 |     naam: a: b"
    assert "\r" not in proc.stdout


def test_check_duplicate_shows_related_location(cli: Cli, plan: PlanCopy) -> None:
    text = plan.edit("samenplan.yaml", "regio: Heidedorpen\n", "regio: Heidedorpen\nregio: x\n")
    first, second = position(text, "regio"), position(text, "regio", occurrence=2)
    proc = cli("check", plan.root)
    assert proc.returncode == 1
    assert f"samenplan.yaml:{second[0]}:{second[1]}: SP006" in proc.stdout
    assert f"samenplan.yaml:{first[0]}:{first[1]}:" in proc.stdout


@pytest.mark.parametrize(
    ("file", "content"),
    [
        ("01-urgentie.yaml", b"\x00\x01\x02binary"),
        ("01-urgentie.yaml", b"aanleiding: caf\xe9\n"),
        ("01-urgentie.yaml", b""),
        ("01-urgentie.yaml", b"- lijst\n"),
        ("01-urgentie.yaml", b"a: !!python/object/apply:os.system ['echo OEPS']\n"),
        (
            "01-urgentie.yaml",
            b"a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
        ),
        ("01-urgentie.yaml", b"a: [\n"),
        ("01-urgentie.yaml", b"a: 'open\n"),
        ("01-urgentie.yaml", b"a: b\x07c\n"),
    ],
    ids=["binair", "latin1", "leeg", "lijst", "tag", "alias-bom", "open-haak", "open-quote", "stuurteken"],
)
def test_check_nasty_files_exit_1_without_traceback(
    cli: Cli, plan: PlanCopy, file: str, content: bytes
) -> None:
    plan.write(file, content)
    proc = cli("check", plan.root)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert_no_traceback(proc)
    assert "OEPS" not in proc.stdout.splitlines()  # the echo of the tag never ran
    assert f"{file}:" in proc.stdout


def test_check_directory_and_symlink_loop(cli: Cli, plan: PlanCopy) -> None:
    plan.path("03-analyse.yaml").unlink()
    plan.path("03-analyse.yaml").mkdir()
    plan.path("04-resultaten.yaml").unlink()
    plan.path("04-resultaten.yaml").symlink_to("04-resultaten.yaml")
    proc = cli("check", plan.root)
    assert proc.returncode == 1
    assert_no_traceback(proc)
    assert "03-analyse.yaml:1:1: SP016" in proc.stdout
    assert "04-resultaten.yaml:1:1: SP016" in proc.stdout


def test_check_missing_folder_exits_2(cli: Cli) -> None:
    proc = cli("check", "/nonexistent")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "bestaat niet" in proc.stderr
    assert_no_traceback(proc)


def test_check_empty_folder_exits_2(cli: Cli, tmp_path: Path) -> None:
    proc = cli("check", tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "samenplan init" in proc.stderr
    assert_no_traceback(proc)


def test_check_file_instead_of_folder_exits_2(cli: Cli) -> None:
    proc = cli("check", HEIDEDORPEN / "samenplan.yaml")
    assert proc.returncode == 2
    assert "geen map" in proc.stderr
    assert_no_traceback(proc)


# --- usage errors -------------------------------------------------------------------------


def test_unknown_option_exits_2_in_dutch(cli: Cli) -> None:
    proc = cli("check", "--kleur", "examples/heidedorpen")
    assert proc.returncode == 2
    assert "bestaat niet" in proc.stderr
    assert "--kleur" in proc.stderr
    assert "No such option" not in proc.stderr
    assert_no_traceback(proc)


def test_unknown_option_with_suggestion(cli: Cli) -> None:
    proc = cli("check", "--no-colour", "examples/heidedorpen")
    assert proc.returncode == 2
    assert "--no-color" in proc.stderr
    assert "Did you mean" not in proc.stderr


def test_unknown_command_exits_2_in_dutch(cli: Cli) -> None:
    proc = cli("controleer", "examples/heidedorpen")
    assert proc.returncode == 2
    assert "controleer" in proc.stderr
    assert "Onbekende opdracht" in proc.stderr
    assert "No such command" not in proc.stderr
    assert_no_traceback(proc)


def test_too_many_arguments_exits_2_in_dutch(cli: Cli) -> None:
    proc = cli("check", "examples/heidedorpen", "extra")
    assert proc.returncode == 2
    assert "extra" in proc.stderr
    assert "unexpected" not in proc.stderr
    assert_no_traceback(proc)


# --- colour -------------------------------------------------------------------------------


def test_no_ansi_when_piped(plan: PlanCopy) -> None:
    plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    proc = run_process("check", plan.root)
    assert proc.returncode == 1
    assert not ANSI.search(proc.stdout)
    assert not ANSI.search(proc.stderr)


def run_in_tty(*args: str | Path, env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout connected to a pseudo-terminal; returns exit code and output."""
    master, slave = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    full_env.update(env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "samenplan", *map(str, args)],
        stdout=slave,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=full_env,
    )
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    code = proc.wait(timeout=60)
    assert proc.stderr is not None
    proc.stderr.close()
    return code, b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal(plan: PlanCopy) -> None:
    # Makes sure the pseudo-terminal set-up can see colours at all.
    plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    code, out = run_in_tty("check", plan.root, env={})
    assert code == 1
    assert ANSI.search(out)


def test_no_color_env_on_a_terminal(plan: PlanCopy) -> None:
    plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    code, out = run_in_tty("check", plan.root, env={"NO_COLOR": "1"})
    assert code == 1
    assert "SP012" in out
    assert not ANSI.search(out)


def test_no_color_option_on_a_terminal(plan: PlanCopy) -> None:
    plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    code, out = run_in_tty("check", "--no-color", plan.root, env={})
    assert code == 1
    assert "SP012" in out
    assert not ANSI.search(out)


# --- the installed console script ---------------------------------------------------------


def test_console_script(plan: PlanCopy) -> None:
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    script = shutil.which("samenplan", path=search)
    assert script is not None, "the console script 'samenplan' is not installed"
    version = subprocess.run([script, "--version"], capture_output=True, text=True, check=False, timeout=120)
    assert version.returncode == 0
    assert version.stdout.strip() == f"samenplan {__version__}"
    clean = subprocess.run(
        [script, "check", str(HEIDEDORPEN)], capture_output=True, text=True, check=False, timeout=120
    )
    assert clean.returncode == 0
    assert "Geen problemen" in clean.stdout
    plan.edit("05-aanpak.yaml", "bedrag: 52000\n", "bedrag: veel\n")
    broken = subprocess.run(
        [script, "check", str(plan.root)], capture_output=True, text=True, check=False, timeout=120
    )
    assert broken.returncode == 1
    assert "05-aanpak.yaml:" in broken.stdout and "SP012" in broken.stdout


def test_ctrl_c_says_afgebroken(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import samenplan.check.run
    from samenplan.cli.main import main

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(samenplan.check.run, "check_plans", interrupted)
    monkeypatch.setattr(samenplan.check.run, "check_plan", interrupted)
    with pytest.raises(SystemExit) as stop:
        main(["check", str(ROOT / "examples" / "heidedorpen")])
    assert stop.value.code == 130
    assert "Afgebroken." in capsys.readouterr().err
