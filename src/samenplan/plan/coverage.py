"""Coverage: which interventies reach which leefdomeinen and ontwikkelgebieden, and the gaps.

A plan may also record, in its ``taakverdeling``, that a partner covers an ontwikkelgebied or
leefdomein outside the plan's own interventies (the schools with their own NPO programme). Such
a column is covered: it is no gap, and the document says who covers it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from samenplan.plan.models.aanpak import Interventie, Taak
from samenplan.plan.vocab import KERN_LEEFDOMEINEN, NPO_ONTWIKKELGEBIEDEN, Leefdomein, Ontwikkelgebied


@dataclass(frozen=True)
class Matrix:
    """Interventies (rows) × values of one vocabulary (columns), plus the taakverdeling."""

    columns: tuple[StrEnum, ...]
    rows: tuple[tuple[str, tuple[bool, ...]], ...]  # interventie name, covered per column
    required: tuple[StrEnum, ...]  # the columns a plan must reach; the others are welcome
    #: Per column the taken of the taakverdeling that cover it (partner ids per taak).
    taken: tuple[tuple[StrEnum, tuple[Taak, ...]], ...] = ()

    @property
    def counts(self) -> tuple[int, ...]:
        """How many interventies reach each column."""
        return tuple(sum(row[1][i] for row in self.rows) for i in range(len(self.columns)))

    @property
    def by_taak(self) -> dict[StrEnum, tuple[Taak, ...]]:
        """Columns the taakverdeling covers, with the taken that cover them."""
        return {c: t for c, t in self.taken if t}

    @property
    def gaps(self) -> tuple[StrEnum, ...]:
        """Required columns no interventie reaches and no taak covers: the gaps `check` reports."""
        return tuple(c for c in self.unreached if c in self.required and c not in self.by_taak)

    @property
    def elsewhere(self) -> tuple[StrEnum, ...]:
        """Columns no interventie reaches but the taakverdeling covers."""
        return tuple(c for c in self.unreached if c in self.by_taak)

    @property
    def unreached(self) -> tuple[StrEnum, ...]:
        """Columns no interventie reaches, required or not."""
        return tuple(c for c, n in zip(self.columns, self.counts, strict=True) if n == 0)


def _matrix(
    interventies: Sequence[Interventie],
    columns: tuple[StrEnum, ...],
    attr: str,
    required: tuple[StrEnum, ...],
    taakverdeling: Sequence[Taak],
) -> Matrix:
    rows = tuple((iv.naam, tuple(c in getattr(iv, attr) for c in columns)) for iv in interventies)
    taken = tuple((c, tuple(t for t in taakverdeling if c in getattr(t, attr))) for c in columns)
    return Matrix(columns, rows, required, taken)


def leefdomeinen(interventies: Sequence[Interventie], taakverdeling: Sequence[Taak] = ()) -> Matrix:
    """Interventies × leefdomeinen (thuis, school, vrije tijd, online, wijk)."""
    return _matrix(interventies, tuple(Leefdomein), "leefdomeinen", KERN_LEEFDOMEINEN, taakverdeling)


def ontwikkelgebieden(interventies: Sequence[Interventie], taakverdeling: Sequence[Taak] = ()) -> Matrix:
    """Interventies × ontwikkelgebieden (cognitief … fysiek)."""
    return _matrix(
        interventies, tuple(Ontwikkelgebied), "ontwikkelgebieden", NPO_ONTWIKKELGEBIEDEN, taakverdeling
    )
