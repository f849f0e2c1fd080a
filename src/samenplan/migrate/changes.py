"""What a migration step works on and what it reports."""

from collections.abc import Callable
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

#: The plan's documents by file name ("samenplan.yaml", "02-samenwerking.yaml", ...), as
#: ruamel round-trip maps; a step changes them in place. A file that is absent is not a key.
PlanFiles = dict[str, CommentedMap]


@dataclass(frozen=True)
class Change:
    """One thing a step changed, said in Dutch for the user, with where it was."""

    file: str
    line: int | None  # 1-based line in the formaatversie 1 file, when known
    text: str  # e.g. "'reserveringen' heet nu 'posten'"


#: A migration step: changes the documents in place and says what it changed.
Step = Callable[[PlanFiles], list[Change]]


@dataclass(frozen=True)
class Move:
    """Where a step puts the values it moves (read by the test that no value is lost).

    Paths are dotted keys with ``*`` for any list index or key: ``old`` matches the start of
    a value's path in formaatversie 1, and that start is replaced by ``new`` (each ``*`` in
    ``new`` takes what the same ``*`` matched in ``old``; ``?`` in ``new`` is any index or
    key). ``new_file`` when the value goes to another file. Examples:
    ``Move("02-samenwerking.yaml", "geldstromen.*.reserveringen", "geldstromen.*.posten")``,
    ``Move("05-aanpak.yaml", "interventies.*.trekker", "interventies.*.trekkers.0")``,
    ``Move("05-aanpak.yaml", "interventies.*.locaties.*", "gebieden.?.naam", "samenplan.yaml")``.
    ``values``: (old, new) pairs for a vocabulary value the step renames, as in
    ``Move("samenplan.yaml", "regelingen.*.kanaal", "regelingen.*.kanaal", values=(("spuk",
    "specifieke_uitkering"),))``.
    """

    file: str
    old: str
    new: str
    new_file: str | None = None
    values: tuple[tuple[object, object], ...] = ()
