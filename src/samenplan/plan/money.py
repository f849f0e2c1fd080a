"""The plan's money: per geldstroom what there is, what is allocated and what remains.

One rule, used by ``samenplan check`` and by the report alike:

- allocated (*toegewezen*) = the begroting lines that do not draw from a reservering of their
  own geldstroom + the geldstroom's reserveringen;
- a line that names a reservering of its geldstroom draws from it: it sits inside that
  reservering and is not counted a second time;
- a line that names an unknown reservering, or one of another geldstroom, counts directly on
  its geldstroom, so no money disappears from the sum;
- ``verdelingen`` (per sector, per thema) are views on the same money and never count.

A geldstroom id that is defined twice counts once, as its first definition (``dubbel`` says
so); lines naming an unknown geldstroom belong to no geldstroom.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from samenplan.diagnostics import KeyPath
from samenplan.plan.bundle import Plan
from samenplan.plan.models.aanpak import Begrotingsregel, Interventie
from samenplan.plan.models.samenwerking import Geldstroom, Reservering


def total(amounts: Iterable[Decimal]) -> Decimal:
    """Sum of amounts (0 for none)."""
    return sum(amounts, Decimal(0))


@dataclass(frozen=True)
class Regel:
    """A begroting line of an interventie, with its place in 05-aanpak.yaml."""

    interventie: str  # id
    path: KeyPath  # ("interventies", i, "begroting", j)
    line: Begrotingsregel

    @property
    def bedrag(self) -> Decimal:
        """The line's amount."""
        return self.line.bedrag


@dataclass(frozen=True)
class ReserveringGeld:
    """A reservering and the begroting lines that draw from it."""

    index: int  # place among the geldstroom's reserveringen
    reservering: Reservering
    regels: tuple[Regel, ...]

    @property
    def bedrag(self) -> Decimal:
        """What is reserved."""
        return self.reservering.bedrag

    @property
    def opgenomen(self) -> Decimal:
        """What the lines drawing from it take; more than ``bedrag`` when overdrawn."""
        return total(r.bedrag for r in self.regels)

    @property
    def vrij(self) -> Decimal:
        """What is left in the reservering; negative when overdrawn."""
        return self.bedrag - self.opgenomen


@dataclass(frozen=True)
class StroomGeld:
    """One geldstroom's money: its begroting lines and its reserveringen."""

    index: int  # place among the geldstromen in 02-samenwerking.yaml
    geldstroom: Geldstroom
    regels: tuple[Regel, ...]  # every line naming this geldstroom, in file order
    reserveringen: tuple[ReserveringGeld, ...]
    dubbel: bool  # the id is defined more than once

    @property
    def path(self) -> KeyPath:
        """Key path of the geldstroom in 02-samenwerking.yaml."""
        return ("geldstromen", self.index)

    @property
    def bedrag(self) -> Decimal:
        """What there is."""
        return self.geldstroom.bedrag

    @property
    def direct(self) -> tuple[Regel, ...]:
        """Lines that count directly on the geldstroom, not inside one of its reserveringen."""
        own = {r.id for r in self.geldstroom.reserveringen}
        return tuple(r for r in self.regels if r.line.reservering not in own)

    @property
    def direct_bedrag(self) -> Decimal:
        """Sum of the direct lines."""
        return total(r.bedrag for r in self.direct)

    @property
    def gereserveerd(self) -> Decimal:
        """Sum of the reserveringen."""
        return total(r.bedrag for r in self.reserveringen)

    @property
    def toegewezen(self) -> Decimal:
        """Allocated: direct lines plus reserveringen; verdelingen never count."""
        return self.direct_bedrag + self.gereserveerd

    @property
    def over(self) -> Decimal:
        """Not yet allocated; negative when more is allocated than there is."""
        return self.bedrag - self.toegewezen

    @property
    def per_doel(self) -> tuple[tuple[str | None, Decimal], ...]:
        """Allocated per bestedingsdoel id (None: a reservering without one), declared first."""
        amounts: defaultdict[str | None, Decimal] = defaultdict(Decimal)
        for r in self.direct:
            amounts[r.line.bestedingsdoel] += r.bedrag
        for res in self.reserveringen:
            amounts[res.reservering.bestedingsdoel] += res.bedrag
        declared = self.geldstroom.bestedingsdoelen
        return tuple(
            sorted(
                amounts.items(),
                key=lambda item: (
                    declared.index(item[0]) if item[0] in declared else len(declared),
                    item[0] or "",
                ),
            )
        )


@dataclass(frozen=True)
class Post:
    """What an interventie gets from one geldstroom, for one bestedingsdoel and reservering."""

    geldstroom: str  # id
    regeling: str | None  # of the geldstroom; None when the geldstroom is unknown
    bestedingsdoel: str  # id
    reservering: str | None  # id
    bedrag: Decimal


@dataclass(frozen=True)
class InterventieGeld:
    """What one interventie gets, summed per geldstroom, bestedingsdoel and reservering."""

    interventie: Interventie
    posten: tuple[Post, ...]  # sorted by geldstroom, bestedingsdoel, reservering

    @property
    def totaal(self) -> Decimal:
        """Everything this interventie gets."""
        return total(p.bedrag for p in self.posten)


@dataclass(frozen=True)
class Geld:
    """All money of a plan."""

    stromen: tuple[StroomGeld, ...]  # one per id (its first definition), in file order
    regels: tuple[Regel, ...]  # every begroting line, in file order
    interventies: tuple[InterventieGeld, ...]  # those with a begroting, in file order

    @property
    def uniek(self) -> dict[str, StroomGeld]:
        """Geldstromen by id, leaving out ids that are defined more than once."""
        return {s.geldstroom.id: s for s in self.stromen if not s.dubbel}

    @property
    def bedrag(self) -> Decimal:
        """All money at hand."""
        return total(s.bedrag for s in self.stromen)

    @property
    def gereserveerd(self) -> Decimal:
        """All money in reserveringen."""
        return total(s.gereserveerd for s in self.stromen)

    @property
    def toegewezen(self) -> Decimal:
        """All money allocated."""
        return total(s.toegewezen for s in self.stromen)

    @property
    def over(self) -> Decimal:
        """All money not yet allocated; negative when more is allocated than there is."""
        return self.bedrag - self.toegewezen


def begrotingsregels(plan: Plan) -> tuple[Regel, ...]:
    """Every begroting line of the plan, in file order."""
    return tuple(
        Regel(iv.id, ("interventies", i, "begroting", j), line)
        for i, iv in enumerate(plan.aanpak.interventies)
        for j, line in enumerate(iv.begroting)
    )


def _stroom(index: int, g: Geldstroom, own: tuple[Regel, ...], dubbel: bool) -> StroomGeld:
    reserveringen = tuple(
        ReserveringGeld(j, res, tuple(r for r in own if r.line.reservering == res.id))
        for j, res in enumerate(g.reserveringen)
    )
    return StroomGeld(index, g, own, reserveringen, dubbel)


def _stromen(plan: Plan, regels: tuple[Regel, ...]) -> tuple[StroomGeld, ...]:
    geldstromen = plan.samenwerking.geldstromen
    counts = Counter(g.id for g in geldstromen)
    first: dict[str, int] = {}
    for i, g in enumerate(geldstromen):
        first.setdefault(g.id, i)
    by_id: defaultdict[str, list[Regel]] = defaultdict(list)
    for r in regels:
        by_id[r.line.geldstroom].append(r)
    return tuple(_stroom(i, geldstromen[i], tuple(by_id[gs]), counts[gs] > 1) for gs, i in first.items())


def _interventie(iv: Interventie, regelingen: dict[str, str]) -> InterventieGeld:
    amounts: defaultdict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for r in iv.begroting:
        amounts[(r.geldstroom, r.bestedingsdoel, r.reservering or "")] += r.bedrag
    return InterventieGeld(
        iv,
        tuple(
            Post(gs, regelingen.get(gs), doel, res or None, bedrag)
            for (gs, doel, res), bedrag in sorted(amounts.items())
        ),
    )


def geld(plan: Plan) -> Geld:
    """The money of ``plan``: per geldstroom, per begroting line and per interventie."""
    regels = begrotingsregels(plan)
    stromen = _stromen(plan, regels)
    regelingen = {s.geldstroom.id: s.geldstroom.regeling for s in stromen}
    return Geld(
        stromen,
        regels,
        tuple(_interventie(iv, regelingen) for iv in plan.aanpak.interventies if iv.begroting),
    )
