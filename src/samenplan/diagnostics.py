"""The diagnostic: one problem in a plan, at a place, with a Dutch message and a hint."""

from dataclasses import dataclass, field
from enum import StrEnum

KeyPath = tuple[str | int, ...]


class Severity(StrEnum):
    """How bad a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]

    @property
    def label(self) -> str:
        """Dutch name shown to users."""
        return {"error": "fout", "warning": "waarschuwing", "info": "info"}[self.value]


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

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Order of reporting: by file, line, column, code."""
        loc = self.location
        return (loc.file, loc.line, loc.col, self.code)
