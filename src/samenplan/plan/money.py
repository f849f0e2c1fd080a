"""The plan's money: per geldstroom what there is, what is allocated and what remains.

One rule, used by ``samenplan check`` and by the report alike:

- allocated (*toegewezen*) = the begroting lines that do not draw from a post of their own
  geldstroom + the geldstroom's posten;
- a line that names a post of its geldstroom draws from it: it sits inside that post and is
  not counted a second time (so a line without an amount inside a post is "deel onbekend" of
  that post, and the geldstroom's sum stays known);
- a line that names an unknown post, or one of another geldstroom, counts directly on its
  geldstroom, so no money disappears from the sum;
- ``verdelingen`` (per sector, per thema) are views on the same money and never count.

Amounts can be unknown, approximate or a bound: every sum is a :class:`Som`, which keeps the
known part, the bounds and how many parts are unknown. Unknown is never counted as 0.

A geldstroom id that is defined twice counts once, as its first definition (``dubbel`` says
so); lines naming an unknown geldstroom belong to no geldstroom.

The sums of a geldstroom, post or line are counted once (``cached_property``) and shared by
every rule that asks: the objects are frozen, and the plan does not change while it is read.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from samenplan.diagnostics import KeyPath
from samenplan.dutch import euro
from samenplan.plan.bundle import Plan
from samenplan.plan.models.aanpak import Begrotingsregel, Interventie
from samenplan.plan.models.common import Bedrag
from samenplan.plan.models.samenwerking import Geldstroom, Post
from samenplan.plan.vocab import BedragSoort

_ZERO = Decimal(0)


@dataclass(frozen=True)
class Som:
    """A sum of amounts, honest about what is not known.

    ``laag`` and ``hoog`` bound the sum (None: no bound known; ``laag`` is None only in a
    difference); ``benaderd`` says a part is approximate; ``onbekend`` counts unknown parts.
    """

    laag: Decimal | None = _ZERO
    hoog: Decimal | None = _ZERO
    benaderd: bool = False
    onbekend: int = 0

    @classmethod
    def van(cls, bedrag: Bedrag | None) -> "Som":
        """One amount as a sum; None (a line without an amount) is an unknown part."""
        if bedrag is None or bedrag.waarde is None:
            return cls(_ZERO, None, onbekend=1)
        w = bedrag.waarde
        if bedrag.soort is BedragSoort.MINSTENS:
            return cls(w, None)
        if bedrag.soort is BedragSoort.HOOGSTENS:
            return cls(_ZERO, w)
        return cls(w, w, benaderd=bedrag.soort is BedragSoort.ONGEVEER)

    @classmethod
    def euro(cls, value: Decimal | int) -> "Som":
        """An exact sum."""
        return cls(Decimal(value), Decimal(value))

    def __add__(self, other: "Som") -> "Som":
        return Som(
            _plus(self.laag, other.laag),
            _plus(self.hoog, other.hoog),
            self.benaderd or other.benaderd,
            self.onbekend + other.onbekend,
        )

    def __sub__(self, other: "Som") -> "Som":
        return Som(
            _min(self.laag, other.hoog),
            _min(self.hoog, other.laag),
            self.benaderd or other.benaderd,
            self.onbekend + other.onbekend,
        )

    @property
    def bekend(self) -> bool:
        """Whether the sum is one number (exact or approximate)."""
        return self.laag is not None and self.laag == self.hoog

    @property
    def exact(self) -> bool:
        """Whether the sum is one exact number."""
        return self.bekend and not self.benaderd

    @property
    def waarde(self) -> Decimal | None:
        """The number when the sum is one (exact or approximate); None otherwise."""
        return self.laag if self.bekend else None

    @property
    def zeker_te_veel(self) -> Decimal | None:
        """For a difference: how much too much at least, when it is certainly negative."""
        return -self.hoog if self.hoog is not None and self.hoog < 0 else None

    @property
    def zeker_over(self) -> Decimal | None:
        """For a difference: how much is left at least, when that is certainly more than 0."""
        return self.laag if self.laag is not None and self.laag > 0 else None

    @property
    def tekst(self) -> str:
        """The sum in Dutch: '€ 12.500', 'ongeveer € 1.500.000', 'minstens € 1.200.000, plus
        een onbekend deel', 'tussen € 100.000 en € 300.000', 'hoogstens € 300.000', 'onbekend'."""
        pre = "ongeveer " if self.benaderd else ""
        laag, hoog = self.laag, self.hoog
        if laag is not None and laag == hoog:
            return f"{pre}{euro(laag)}"
        if laag is None:
            return f"hoogstens {pre}{euro(hoog)}" if hoog is not None else "onbekend"
        if hoog is None:
            if self.onbekend and laag == 0:
                return "onbekend"
            if self.onbekend:
                return f"{'ongeveer' if self.benaderd else 'minstens'} {euro(laag)}, plus een onbekend deel"
            return f"ongeveer {euro(laag)} of meer" if self.benaderd else f"minstens {euro(laag)}"
        if laag == 0:
            return f"hoogstens {pre}{euro(hoog)}"
        return f"{pre}tussen {euro(laag)} en {euro(hoog)}"

    @property
    def rest_tekst(self) -> str:
        """A difference in Dutch: what is left ('minstens € 40.000'), or how much too much
        ('€ 5.000 te veel'), or 'onbekend'."""
        pre = "ongeveer " if self.benaderd else ""
        laag, hoog = self.laag, self.hoog
        if laag is not None and laag == hoog:
            return f"{pre}{euro(-laag)} te veel" if laag < 0 else f"{pre}{euro(laag)}"
        if laag is not None and laag >= 0:
            if hoog is None:
                return f"minstens {pre}{euro(laag)}" if laag > 0 else "onbekend"
            return (
                f"hoogstens {pre}{euro(hoog)}" if laag == 0 else f"{pre}tussen {euro(laag)} en {euro(hoog)}"
            )
        if (te_veel := self.zeker_te_veel) is not None:
            return f"minstens {pre}{euro(te_veel)} te veel"
        if hoog is not None and hoog > 0:
            return f"hoogstens {pre}{euro(hoog)}"
        return "onbekend"


def _plus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a + b


def _min(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b


def som(parts: Iterable[Som]) -> Som:
    """The sum of sums (exactly 0 for none): what adding them one by one gives, in one Som."""
    laag: Decimal | None = _ZERO
    hoog: Decimal | None = _ZERO
    benaderd = False
    onbekend = 0
    for part in parts:
        laag = _plus(laag, part.laag)
        hoog = _plus(hoog, part.hoog)
        benaderd = benaderd or part.benaderd
        onbekend += part.onbekend
    return Som(laag, hoog, benaderd, onbekend)


def total(amounts: Iterable[Decimal]) -> Decimal:
    """Sum of known numbers (0 for none)."""
    return sum(amounts, _ZERO)


@dataclass(frozen=True)
class Regel:
    """A begroting line of an interventie, with its place in 05-aanpak.yaml."""

    interventie: str  # id
    path: KeyPath  # ("interventies", i, "begroting", j)
    line: Begrotingsregel

    @cached_property
    def bedrag(self) -> Som:
        """The line's amount; unknown when the line has none ("deel onbekend")."""
        return Som.van(self.line.bedrag)


@dataclass(frozen=True)
class PostGeld:
    """A post of a geldstroom and the begroting lines that draw from it."""

    index: int  # place among the geldstroom's posten
    post: Post
    regels: tuple[Regel, ...]

    @cached_property
    def bedrag(self) -> Som:
        """What is in the post."""
        return Som.van(self.post.bedrag)

    @cached_property
    def opgenomen(self) -> Som:
        """What the lines drawing from it take; more than ``bedrag`` when overdrawn."""
        return som(r.bedrag for r in self.regels)

    @cached_property
    def vrij(self) -> Som:
        """What is left in the post; negative when overdrawn."""
        return self.bedrag - self.opgenomen


@dataclass(frozen=True)
class StroomGeld:
    """One geldstroom's money: its begroting lines and its posten."""

    index: int  # place among the geldstromen in 02-samenwerking.yaml
    geldstroom: Geldstroom
    regels: tuple[Regel, ...]  # every line naming this geldstroom, in file order
    posten: tuple[PostGeld, ...]
    dubbel: bool  # the id is defined more than once

    @property
    def path(self) -> KeyPath:
        """Key path of the geldstroom in 02-samenwerking.yaml."""
        return ("geldstromen", self.index)

    @cached_property
    def bedrag(self) -> Som:
        """What there is."""
        return Som.van(self.geldstroom.bedrag)

    @property
    def gebruikt(self) -> bool:
        """Whether any begroting line or post uses this money (with or without an amount)."""
        return bool(self.regels or self.geldstroom.posten)

    @cached_property
    def direct(self) -> tuple[Regel, ...]:
        """Lines that count directly on the geldstroom, not inside one of its posten."""
        own = {p.id for p in self.geldstroom.posten}
        return tuple(r for r in self.regels if r.line.post not in own)

    @cached_property
    def direct_bedrag(self) -> Som:
        """Sum of the direct lines."""
        return som(r.bedrag for r in self.direct)

    @cached_property
    def in_posten(self) -> Som:
        """Sum of the posten."""
        return som(p.bedrag for p in self.posten)

    @cached_property
    def toegewezen(self) -> Som:
        """Allocated: direct lines plus posten; verdelingen never count."""
        return self.direct_bedrag + self.in_posten

    @cached_property
    def over(self) -> Som:
        """Not yet allocated; negative when more is allocated than there is."""
        return self.bedrag - self.toegewezen

    def doel(self, regel: Regel) -> str | None:
        """The bestedingsdoel of a line: its own, else that of its post, else the geldstroom's
        only one; None when none of these says."""
        return self.doel_van(regel.line)

    def doel_van(self, line: Begrotingsregel) -> str | None:
        """The bestedingsdoel of a begroting line (see ``doel``)."""
        if line.bestedingsdoel is not None:
            return line.bestedingsdoel
        post = next((p for p in self.geldstroom.posten if p.id == line.post), None)
        if post is not None and post.bestedingsdoel is not None:
            return post.bestedingsdoel
        doelen = set(self.geldstroom.bestedingsdoelen)
        return doelen.pop() if len(doelen) == 1 else None

    @cached_property
    def per_doel(self) -> tuple[tuple[str | None, Som], ...]:
        """Allocated per bestedingsdoel id (None: not said), declared first."""
        amounts: defaultdict[str | None, Som] = defaultdict(Som)
        for r in self.direct:
            amounts[self.doel(r)] += r.bedrag
        for p in self.posten:
            amounts[p.post.bestedingsdoel] += p.bedrag
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
class Bijdrage:
    """What an interventie gets from one geldstroom, for one bestedingsdoel and post."""

    geldstroom: str  # id
    regeling: str | None  # of the geldstroom; None when the geldstroom is unknown
    bestedingsdoel: str | None  # id; None when neither line nor post says
    post: str | None  # id
    bedrag: Som


@dataclass(frozen=True)
class InterventieGeld:
    """What one interventie gets, summed per geldstroom, bestedingsdoel and post."""

    interventie: Interventie
    bijdragen: tuple[Bijdrage, ...]  # sorted by geldstroom, bestedingsdoel, post

    @cached_property
    def totaal(self) -> Som:
        """Everything this interventie gets."""
        return som(b.bedrag for b in self.bijdragen)


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

    @cached_property
    def bedrag(self) -> Som:
        """All money at hand."""
        return som(s.bedrag for s in self.stromen)

    @cached_property
    def in_posten(self) -> Som:
        """All money in posten."""
        return som(s.in_posten for s in self.stromen)

    @cached_property
    def toegewezen(self) -> Som:
        """All money allocated."""
        return som(s.toegewezen for s in self.stromen)

    @cached_property
    def over(self) -> Som:
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
    posten = tuple(
        PostGeld(j, post, tuple(r for r in own if r.line.post == post.id)) for j, post in enumerate(g.posten)
    )
    return StroomGeld(index, g, own, posten, dubbel)


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


def _interventie(iv: Interventie, stromen: dict[str, StroomGeld]) -> InterventieGeld:
    parts: defaultdict[tuple[str, str, str], list[Som]] = defaultdict(list)
    for line in iv.begroting:
        stroom = stromen.get(line.geldstroom)
        doel = line.bestedingsdoel if stroom is None else stroom.doel_van(line)
        parts[(line.geldstroom, doel or "", line.post or "")].append(Som.van(line.bedrag))
    amounts = {key: som(bedragen) for key, bedragen in parts.items()}
    return InterventieGeld(
        iv,
        tuple(
            Bijdrage(
                gs,
                stromen[gs].geldstroom.regeling if gs in stromen else None,
                doel or None,
                post or None,
                bedrag,
            )
            for (gs, doel, post), bedrag in sorted(amounts.items())
        ),
    )


def geld(plan: Plan) -> Geld:
    """The money of ``plan``: per geldstroom, per begroting line and per interventie."""
    regels = begrotingsregels(plan)
    stromen = _stromen(plan, regels)
    by_id = {s.geldstroom.id: s for s in stromen}
    return Geld(
        stromen,
        regels,
        tuple(_interventie(iv, by_id) for iv in plan.aanpak.interventies if iv.begroting),
    )
