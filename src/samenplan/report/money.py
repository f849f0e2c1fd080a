"""The plan's money: per geldstroom what is there, what is allocated, and what remains.

Allocated (toegewezen) = begroting lines without a reservering + the reserveringen. A line
that draws from a reservering of its geldstroom sits inside that reservering and is not
counted again. Verdelingen (per sector, per thema) are views on the same money: never summed.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from samenplan.models.aanpak import Begrotingsregel, Interventie
from samenplan.models.samenwerking import Geldstroom
from samenplan.plan import Plan
from samenplan.report.lookup import bestedingsdoel_name


def total(amounts: Iterable[Decimal]) -> Decimal:
    """Sum of amounts (0 for none)."""
    return sum(amounts, Decimal(0))


@dataclass(frozen=True)
class Line:
    """A begroting line with the interventie it belongs to."""

    interventie: str
    regel: Begrotingsregel


@dataclass(frozen=True)
class ReserveringGeld:
    """A reservering and how much of it is already given to interventies."""

    id: str
    thema: str
    bestedingsdoel: str  # name
    bedrag: Decimal
    toegekend: Decimal

    @property
    def vrij(self) -> Decimal:
        """What is left in the reservering."""
        return self.bedrag - self.toegekend


@dataclass(frozen=True)
class StroomGeld:
    """One geldstroom's money."""

    id: str
    naam: str
    regeling: str  # id
    ontvanger: str  # id
    bedrag: Decimal
    direct: Decimal  # begroting lines outside a reservering
    reserveringen: tuple[ReserveringGeld, ...]
    per_doel: tuple[tuple[str, Decimal], ...]  # bestedingsdoel name → allocated, declared order

    @property
    def gereserveerd(self) -> Decimal:
        """Sum of the reserveringen."""
        return total(r.bedrag for r in self.reserveringen)

    @property
    def toegewezen(self) -> Decimal:
        """Allocated: direct lines plus reserveringen."""
        return self.direct + self.gereserveerd

    @property
    def over(self) -> Decimal:
        """Not yet allocated; negative when more is allocated than there is."""
        return self.bedrag - self.toegewezen


@dataclass(frozen=True)
class InterventieGeld:
    """What one interventie gets, per geldstroom and bestedingsdoel."""

    id: str
    naam: str
    posten: tuple[tuple[str, str, Decimal, str], ...]  # geldstroom id, doel name, bedrag, reservering

    @property
    def totaal(self) -> Decimal:
        """Everything this interventie gets."""
        return total(p[2] for p in self.posten)


@dataclass(frozen=True)
class Geld:
    """All money of a plan."""

    stromen: tuple[StroomGeld, ...]
    interventies: tuple[InterventieGeld, ...]

    @property
    def bedrag(self) -> Decimal:
        """All money at hand."""
        return total(s.bedrag for s in self.stromen)

    @property
    def toegewezen(self) -> Decimal:
        """All money allocated."""
        return total(s.toegewezen for s in self.stromen)

    @property
    def over(self) -> Decimal:
        """All money not yet allocated."""
        return self.bedrag - self.toegewezen


def _lines(plan: Plan) -> list[Line]:
    return [Line(iv.id, r) for iv in plan.aanpak.interventies for r in iv.begroting]


def _stroom(plan: Plan, g: Geldstroom, lines: list[Line]) -> StroomGeld:
    own = [ln.regel for ln in lines if ln.regel.geldstroom == g.id]
    reserved = {r.id for r in g.reserveringen}
    direct = [r for r in own if r.reservering not in reserved]
    per_doel: defaultdict[str, Decimal] = defaultdict(Decimal)
    for r in direct:
        per_doel[bestedingsdoel_name(plan, g.regeling, r.bestedingsdoel)] += r.bedrag
    reserveringen = tuple(
        ReserveringGeld(res.id, res.thema, bestedingsdoel_name(plan, g.regeling, res.bestedingsdoel),
                        res.bedrag, total(r.bedrag for r in own if r.reservering == res.id))
        for res in g.reserveringen)
    for res in reserveringen:
        per_doel[res.bestedingsdoel] += res.bedrag
    declared = [bestedingsdoel_name(plan, g.regeling, d) for d in g.bestedingsdoelen]
    order = sorted(per_doel.items(), key=lambda item: (
        declared.index(item[0]) if item[0] in declared else len(declared), item[0]))
    return StroomGeld(g.id, g.naam, g.regeling, g.ontvanger, g.bedrag,
                      total(r.bedrag for r in direct), reserveringen, tuple(order))


def _interventie(plan: Plan, iv: Interventie, stromen: dict[str, Geldstroom]) -> InterventieGeld:
    posten: defaultdict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for r in iv.begroting:
        regeling = stromen[r.geldstroom].regeling if r.geldstroom in stromen else None
        doel = bestedingsdoel_name(plan, regeling, r.bestedingsdoel)
        posten[(r.geldstroom, doel, r.reservering or "")] += r.bedrag
    return InterventieGeld(iv.id, iv.naam, tuple(
        (g, doel, bedrag, res) for (g, doel, res), bedrag in sorted(posten.items())))


def geld(plan: Plan) -> Geld:
    """The money view of ``plan``; the first geldstroom with an id counts (duplicates skip)."""
    lines = _lines(plan)
    stromen: dict[str, Geldstroom] = {}
    for g in plan.samenwerking.geldstromen:
        stromen.setdefault(g.id, g)
    return Geld(
        tuple(_stroom(plan, g, lines) for g in stromen.values()),
        tuple(_interventie(plan, iv, stromen) for iv in plan.aanpak.interventies if iv.begroting),
    )
