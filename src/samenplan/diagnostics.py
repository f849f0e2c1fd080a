"""The diagnostic: one problem in a plan, at a place, with a Dutch message and a hint."""

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

KeyPath = tuple[str | int, ...]


class Severity(StrEnum):
    """How bad a finding is; ordered error > warning > info. Its words are in ``_WORDS``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return _WORDS[self].rank

    @property
    def label(self) -> str:
        """Dutch name shown to users and written in samenplan.yaml: 'fout'."""
        return _WORDS[self].label

    def counted(self, count: int) -> str:
        """'1 fout', '3 waarschuwingen', '2 opmerkingen'."""
        words = _WORDS[self]
        return f"{count} {words.one if count == 1 else words.many}"

    @classmethod
    def from_word(cls, word: str) -> "Severity | None":
        """The severity named by its English value or its Dutch label, in any case."""
        key = word.strip().lower()
        return next((s for s in cls if key in (s.value, s.label)), None)


@dataclass(frozen=True)
class _Words:
    rank: int
    label: str
    one: str  # counted: '1 fout'
    many: str  # counted: '3 fouten'


#: The one table of severity words.
_WORDS: dict[str, _Words] = {
    "error": _Words(2, "fout", "fout", "fouten"),
    "warning": _Words(1, "waarschuwing", "waarschuwing", "waarschuwingen"),
    "info": _Words(0, "info", "opmerking", "opmerkingen"),
}


class Weight(IntEnum):
    """How much a finding matters for the plan as a whole, next to its severity.

    A weakness of the whole plan (no risico's, no leefdomein online) weighs more than one of a
    part (a resultaat, a geldstroom), which weighs more than one place (one interventie
    without trekker). The text report opens with the heaviest points.
    """

    PLEK = 1
    ONDERDEEL = 2
    PLAN = 3

    @property
    def label(self) -> str:
        """Dutch word shown to users: 'plan', 'onderdeel', 'plek'."""
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based position in a plan file; path is relative to the plan folder."""

    file: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Related:
    """A second place that belongs to a finding (the other end of a reference)."""

    location: Location
    message: str


@dataclass(frozen=True)
class Diagnostic:
    """One finding. ``key_path`` locates it independent of line numbers (fingerprints)."""

    code: str
    severity: Severity
    message: str
    location: Location
    hint: str = ""
    key_path: KeyPath = ()
    related: tuple[Related, ...] = field(default=())
    weight: Weight = Weight.PLEK

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Order of reporting: by file, line, column, code."""
        loc = self.location
        return (loc.file, loc.line, loc.col, self.code)
