"""Dutch usage errors: each kind of mistake on the command line, and the classes behind them.

typer ships its own copy of click, and only typer.BadParameter of its error classes is public.
cli/help.py imports the others from typer's copy; the first test fails when typer raises other
classes than those (for example when it moves or drops its copy of click), so the Dutch
messages can never silently turn back into English ones.
"""

import pytest
import typer

from samenplan.cli import help as cli_help
from samenplan.cli.main import app
from support import Cli

RAISED = {
    "NoSuchOption": (["check", "--kleur"], cli_help.NoSuchOption),
    "MissingParameter": (["explain"], cli_help.MissingParameter),
    "BadOptionUsage": (["check", "--format"], cli_help.BadOptionUsage),
    "UsageError": (["controleer"], cli_help.UsageError),
    "NoArgsIsHelpError": ([], cli_help.NoArgsIsHelpError),
}


@pytest.mark.parametrize(("args", "kind"), RAISED.values(), ids=RAISED.keys())
def test_typer_raises_the_classes_help_matches(args: list[str], kind: type[Exception]) -> None:
    command = typer.main.get_command(app)
    with pytest.raises(typer.TyperException) as raised:
        command.main(args=args, prog_name="samenplan", standalone_mode=False)
    assert type(raised.value) is kind
    assert cli_help.BadParameter is typer.BadParameter


MESSAGES = {
    "optie-onbekend": (["check", "--kleur"], "De optie '--kleur' bestaat niet.", "samenplan check"),
    "optie-tikfout": (
        ["check", "--no-colour"],
        "De optie '--no-colour' bestaat niet. Bedoelde je '--no-color'?",
        "samenplan check",
    ),
    "opdracht-onbekend": (["controleer"], "Onbekende opdracht 'controleer'.", "samenplan"),
    "argument-ontbreekt": (["explain"], "'code' ontbreekt.", "samenplan explain"),
    "waarde-ontbreekt": (["check", "--format"], "Achter de optie '--format' hoort een waarde.", "samenplan"),
    "te-veel": (["explain", "SP101", "extra", "nog"], "Te veel argumenten: extra nog.", "samenplan explain"),
}


@pytest.mark.parametrize(("args", "message", "command"), MESSAGES.values(), ids=MESSAGES.keys())
def test_usage_errors_are_dutch(cli: Cli, args: list[str], message: str, command: str) -> None:
    done = cli(*args)
    assert (done.code, done.out) == (2, "")
    assert done.err == f"samenplan: {message}\nZie '{command} --help' voor hulp.\n"


def test_plain_samenplan_shows_the_help(cli: Cli) -> None:
    done = cli()
    assert done.code == 0
    assert done.out.startswith("Gebruik: samenplan [OPTIES] OPDRACHT [ARGUMENTEN]...")
