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
