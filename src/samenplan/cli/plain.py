"""A command's options declared once, read without typer when they are plain.

`check` and `render` declare their parameters in one table of Option each. cli/main.py
reads plain command lines with parse_plain (without loading typer, a fifth of a start) and
calls the command's run function; anything else (help, an unknown option, a missing value)
goes through typer, whose command typer_command builds from the same table and which calls
the same run function. Both ways give the same output and exit code.
"""

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any


@dataclass(frozen=True)
class Option:
    """One parameter of a command: a positional argument, a flag, or an option with a value."""

    keyword: str  # the run function's parameter
    names: tuple[str, ...]  # ("--format", "-f"); () for an argument
    help: str
    metavar: str | None = None
    #: "argument" (positional, may be given more often), "positional" (one positional),
    #: "value", "values" (may be given more often), "flag"
    kind: str = "value"
    convert: Callable[[str], Any] = str
    default: Any = None
    show_default: bool = True  # for an argument: '[standaard: .]' in the help

    @property
    def annotation(self) -> Any:
        """The parameter's type, as typer reads it."""
        if self.kind == "flag":
            return bool
        if self.kind in _LISTS:
            return list[self.convert] | None  # type: ignore[name-defined]
        return self.convert if self.default is not None else self.convert | None  # type: ignore[operator]


_LISTS = ("argument", "values")
_POSITIONAL = ("argument", "positional")


def parse_plain(options: Sequence[Option], args: Sequence[str]) -> dict[str, Any] | None:
    """The run function's keyword arguments from ``args`` (after the command), or None for typer.

    Reads what click would read the same way: arguments, flags, '--', '--name value',
    '--name=value' and '-' as a value. None for anything else (help, an unknown option, a
    missing value, a value that starts with '-', '-fjson', one argument too many, a path that
    may not be read), so that typer gives its usual message or reading.
    """
    found: dict[str, Any] = {o.keyword: [] if o.kind in _LISTS else o.default for o in options}
    positional = next(o for o in options if o.kind in _POSITIONAL)
    by_name = {name: option for option in options for name in option.names}
    given = False
    rest = list(args)
    only_arguments = False
    while rest:
        arg = rest.pop(0)
        if only_arguments or arg == "-" or not arg.startswith("-"):
            if not _plain_path(arg) or (given and positional.kind == "positional"):
                return None
            value = positional.convert(arg)
            if positional.kind == "positional":
                found[positional.keyword] = value
            else:
                found[positional.keyword].append(value)
            given = True
        elif arg == "--":
            only_arguments = True
        elif not _take_option(by_name, arg, rest, found):
            return None
    return {key: (value or None) if isinstance(value, list) else value for key, value in found.items()}


def _take_option(by_name: dict[str, Option], arg: str, rest: list[str], found: dict[str, Any]) -> bool:
    """Read the option ``arg`` (and its value from ``rest``) into ``found``; False if unusual."""
    name, equals, value = arg.partition("=")
    option = by_name.get(name if equals and name.startswith("--") else arg)
    if option is None or (option.kind == "flag" and equals):
        return False
    if option.kind == "flag":
        found[option.keyword] = True
        return True
    if not equals:
        if not rest or (rest[0].startswith("-") and rest[0] != "-"):
            return False
        value = rest.pop(0)
    if option.convert is Path and not _plain_path(value):
        return False
    if option.kind == "values":
        found[option.keyword].append(option.convert(value))
    else:
        found[option.keyword] = option.convert(value)
    return True


def _plain_path(value: str) -> bool:
    """Whether typer takes ``value`` as a path without a word: it does not exist, or may be read."""
    try:
        Path(value).stat()
    except (OSError, ValueError):
        return True
    return os.access(value, os.R_OK)


def typer_command(options: Sequence[Option], run: Callable[..., int], help: str) -> Callable[..., None]:
    """The command for typer: its parameters from ``options``, its work ``run``'s (the exit code)."""
    import inspect

    import typer

    def command(**given: Any) -> None:
        raise typer.Exit(run(**given))

    def declared(option: Option) -> Any:
        if option.kind in _POSITIONAL:
            return typer.Argument(metavar=option.metavar, help=option.help, show_default=option.show_default)
        return typer.Option(*option.names, metavar=option.metavar, help=option.help)

    command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                o.keyword,
                inspect.Parameter.KEYWORD_ONLY,
                default=o.default,
                annotation=Annotated[o.annotation, declared(o)],
            )
            for o in options
        ]
    )
    command.__doc__ = help
    return command
