"""Coverage: which interventies reach which leefdomeinen and ontwikkelgebieden, and the gaps."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from samenplan.plan.models.aanpak import Interventie
from samenplan.plan.vocab import KERN_LEEFDOMEINEN, NPO_ONTWIKKELGEBIEDEN, Leefdomein, Ontwikkelgebied


@dataclass(frozen=True)
class Matrix:
    """Interventies (rows) × values of one vocabulary (columns)."""

    columns: tuple[StrEnum, ...]
    rows: tuple[tuple[str, tuple[bool, ...]], ...]  # interventie name, covered per column
    required: tuple[StrEnum, ...]  # the columns a plan must reach; the others are welcome

    @property
    def counts(self) -> tuple[int, ...]:
        """How many interventies reach each column."""
        return tuple(sum(row[1][i] for row in self.rows) for i in range(len(self.columns)))

    @property
    def gaps(self) -> tuple[StrEnum, ...]:
        """Required columns no interventie reaches: the gaps, as `samenplan check` sees them."""
        return tuple(c for c in self.unreached if c in self.required)

    @property
    def unreached(self) -> tuple[StrEnum, ...]:
        """Columns no interventie reaches, required or not."""
        return tuple(c for c, n in zip(self.columns, self.counts, strict=True) if n == 0)


def _matrix(
    interventies: Sequence[Interventie],
    columns: tuple[StrEnum, ...],
    attr: str,
    required: tuple[StrEnum, ...],
) -> Matrix:
    rows = tuple((iv.naam, tuple(c in getattr(iv, attr) for c in columns)) for iv in interventies)
    return Matrix(columns, rows, required)


def leefdomeinen(interventies: Sequence[Interventie]) -> Matrix:
    """Interventies × leefdomeinen (thuis, school, vrije tijd, online, wijk)."""
    return _matrix(interventies, tuple(Leefdomein), "leefdomeinen", KERN_LEEFDOMEINEN)


def ontwikkelgebieden(interventies: Sequence[Interventie]) -> Matrix:
    """Interventies × ontwikkelgebieden (cognitief … fysiek)."""
    return _matrix(interventies, tuple(Ontwikkelgebied), "ontwikkelgebieden", NPO_ONTWIKKELGEBIEDEN)
