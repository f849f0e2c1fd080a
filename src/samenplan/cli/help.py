"""Dutch wording for the parts of the command line that typer and click print themselves."""

from typing import Any

# typer ships its own copy of click; of its error classes only BadParameter is public
# (typer.BadParameter). The others are imported here, once, by their place in typer; the
# test tests/test_help.py fails when typer raises other classes than these.
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)

_PANELS = {
    "OPTIONS_PANEL_TITLE": "Opties",
    "ARGUMENTS_PANEL_TITLE": "Argumenten",
    "COMMANDS_PANEL_TITLE": "Opdrachten",
    "ERRORS_PANEL_TITLE": "Fout",
    "DEFAULT_STRING": "[standaard: {}]",
    "REQUIRED_LONG_STRING": "[verplicht]",
    "ENVVAR_STRING": "[omgevingsvariabele: {}]",
    "ABORTED_TEXT": "Afgebroken.",
}

_GETTEXT = {
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Opdrachten",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(wisselend)",
    "Missing command.": "Geef een opdracht.",
    "Aborted!": "Afgebroken.",
}


def _translate(message: str) -> str:
    return _GETTEXT.get(message, message)


def dutch_help() -> None:
    """Switch help output to Dutch; only called when help is asked, to keep start-up fast.

    This reaches into typer's internals; if they change, help stays English but works.
    """
    try:
        from typer import core as typer_core
        from typer import rich_utils
        from typer._click import core, formatting
    except ImportError:
        return
    typer_core._ = _translate  # type: ignore[attr-defined]
    # Arguments carry a Dutch metavar (PLANMAP); typer's '<list[Path]>' adds only noise.
    typer_core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

    for name, text in _PANELS.items():
        setattr(rich_utils, name, text)

    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    original_option = core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_option(self, ctx)
        if option is not None:
            option.help = "Toon deze hulp en stop."
        return option

    core.Command.get_help_option = get_help_option  # type: ignore[method-assign]

    # The command list: the whole first sentence, wrapped, instead of cut off with "...".
    original_short_help = core.Command.get_short_help_str

    def get_short_help_str(self: Any, limit: int = 45) -> str:
        return str(original_short_help(self, limit=1000))

    core.Command.get_short_help_str = get_short_help_str  # type: ignore[method-assign]


# What typer says about a path argument (" 'x' does not exist."), in Dutch.
_PATH_PROBLEMS = {
    "does not exist": "bestaat niet",
    "is a file": "is een bestand, geen map",
    "is a directory": "is een map, geen bestand",
    "is not readable": "kan niet gelezen worden: je hebt daar geen toestemming voor",
    "is not writable": "kan niet beschreven worden: je hebt daar geen toestemming voor",
}


def _bad_parameter(exc: BadParameter) -> str:
    """Dutch for a wrong value of an option or argument; typer's English stays out."""
    param = exc.param
    if param is None:
        name = "?"
    elif param.opts and param.opts[0].startswith("-"):
        name = param.opts[0]
    else:
        name = getattr(param, "metavar", None) or str(param.name).upper()
    message = str(exc.message)
    for english, dutch in _PATH_PROBLEMS.items():
        if message.endswith(f" {english}."):
            shown = message[: -len(english) - 2].split(" ", 1)[-1]  # "Path 'x'" → "'x'"
            return f"{name}: {shown} {dutch}."
    return f"Ongeldige waarde voor {name}."


def is_help_request(exc: Exception) -> bool:
    """Whether ``exc`` is plain ``samenplan`` without a command: show the help, exit 0."""
    return isinstance(exc, NoArgsIsHelpError)


def usage_error_text(exc: Exception) -> str:
    """A Dutch message for a click usage error, with a pointer to --help."""
    text = _usage_text(exc)
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "samenplan"
    return f"samenplan: {text}\nZie '{command} --help' voor hulp."


def _usage_text(exc: Exception) -> str:
    # Most specific first: MissingParameter is a BadParameter, NoSuchOption a UsageError.
    if isinstance(exc, NoSuchOption):
        text = f"De optie '{exc.option_name}' bestaat niet."
        if exc.possibilities:
            text += " Bedoelde je " + " of ".join(f"'{p}'" for p in exc.possibilities) + "?"
        return text
    if isinstance(exc, MissingParameter):
        return f"'{exc.param.name if exc.param is not None else '?'}' ontbreekt."
    if isinstance(exc, BadParameter):
        return _bad_parameter(exc)
    if isinstance(exc, BadOptionUsage):
        if "requires an argument" in str(exc.message):
            return f"Achter de optie '{exc.option_name}' hoort een waarde."
        return f"De optie '{exc.option_name}' is verkeerd gebruikt."
    if not isinstance(exc, UsageError):
        return str(exc)
    # click has no class of its own for these two; its English text tells them apart.
    if "No such command" in exc.message:
        return exc.message.replace("No such command", "Onbekende opdracht").replace(
            "Did you mean", "Bedoelde je"
        )
    if "unexpected extra argument" in exc.message:  # "... argument(s) (a b)": what is in ' (…)'
        extra = exc.message.partition(" (")[2].removesuffix(")")
        return f"Te veel argumenten: {extra}."
    return exc.format_message()
