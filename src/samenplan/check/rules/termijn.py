"""Geld binnen de bestedingstermijn: money of a regeling is only spent while it may be spent.

Begroting lines with a ``jaar`` are checked by SP603 (theme tijd); this module dates the other
lines by their interventie's periode, or else by the plan's periode, and checks a geldstroom's
own periode against the term of its regeling.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import KeyPath, Severity
from samenplan.dutch import datum, periode
from samenplan.plan.models.common import Datum, Periode
from samenplan.plan.models.regeling import Regeling
from samenplan.plan.models.samenwerking import Geldstroom
from samenplan.plan.money import Regel, Som, begrotingsregels, som
from samenplan.plan.termijnen import bestedingstermijn, doorloop_tot


@dataclass(frozen=True)
class Termijn:
    """When a geldstroom's money may be spent, and where that comes from."""

    van: Datum
    tot: Datum  # verlenging.tot when the term is extended
    herkomst: str  # "de periode van geldstroom 'x'" or "de bestedingstermijn van regeling 'y'"
    ref: Ref

    def omvat(self, van: date, tot: date) -> bool:
        """Whether the days van–tot lie wholly within the term (starts on van.eerste, ends on
        tot.laatste)."""
        begin, einde = self.van.eerste, self.tot.laatste
        return begin is not None and einde is not None and begin <= van and tot <= einde


def _vooruit(p: Periode | None) -> bool:
    """Whether a period exists, is known at both ends and runs forward (reversed: SP601)."""
    return p is not None and p.begin is not None and p.einde is not None and p.begin <= p.einde


def _dagen(p: Periode) -> tuple[date, date]:
    """The first and last day of a period that ``_vooruit`` accepted."""
    assert p.begin is not None and p.einde is not None
    return p.begin, p.einde


def _regeling_ref(ctx: RuleContext, i: int, g: Geldstroom) -> Ref:
    """Where a regeling's periode is written: a plan's own regeling, or (catalog) the geldstroom."""
    for k, r in enumerate(ctx.plan.manifest.regelingen):
        if r.id == g.regeling:
            return Ref("manifest", ("regelingen", k, "periode"), f"de periode van regeling '{r.id}'")
    return Ref(
        "samenwerking",
        ("geldstromen", i, "regeling"),
        f"regeling '{g.regeling}' uit de catalogus; 'samenplan regelingen {g.regeling}' toont de periode",
    )


def _termijn(ctx: RuleContext, i: int, g: Geldstroom) -> Termijn | None:
    """The geldstroom's own periode, else its regeling's, extended by its verlenging; None
    when neither is usable (unknown, or reversed: SP601)."""
    bt = bestedingstermijn(g, ctx.plan.regelingen)
    if bt is None or bt.begin is None or bt.einde is None or bt.einde < bt.begin:
        return None
    if bt.verlenging is not None:
        bron = " ".join(bt.verlenging.bron.split())
        wat = f"de bestedingstermijn van geldstroom '{g.id}', verlengd tot {datum(bt.tot)} volgens {bron}"
        ref = Ref(
            "samenwerking", ("geldstromen", i, "verlenging", "tot"), f"de verlenging van geldstroom '{g.id}'"
        )
        return Termijn(bt.van, bt.tot, wat, ref)
    if bt.eigen:
        path: KeyPath = ("geldstromen", i, "periode")
        wat = f"de periode van geldstroom '{g.id}'"
        return Termijn(bt.van, bt.tot, wat, Ref("samenwerking", path, wat))
    wat = f"de bestedingstermijn van regeling '{g.regeling}'"
    return Termijn(bt.van, bt.tot, wat, _regeling_ref(ctx, i, g))


@dataclass(frozen=True)
class Besteding:
    """Begroting lines of one interventie from one geldstroom, without a ``jaar``."""

    interventie: str
    index: int  # of the interventie
    geldstroom: str
    regels: list[Regel]

    @property
    def bedrag(self) -> Som:
        """What these lines spend."""
        return som(r.bedrag for r in self.regels)


def _bestedingen(ctx: RuleContext) -> list[Besteding]:
    """Undated begroting lines grouped per interventie and geldstroom, in file order."""
    groups: dict[tuple[int, str], Besteding] = {}
    for regel in begrotingsregels(ctx.plan):
        if regel.line.jaar is not None:
            continue  # dated by its jaar: SP603
        index = regel.path[1]
        assert isinstance(index, int)
        key = (index, regel.line.geldstroom)
        if key not in groups:
            groups[key] = Besteding(regel.interventie, index, regel.line.geldstroom, [])
        groups[key].regels.append(regel)
    return list(groups.values())


def _regeling_hint(regeling: Regeling | None) -> str:
    if regeling is not None and not regeling.vaste_termijn:
        return (
            f" De periode van regeling '{regeling.id}' is geen harde bestedingstermijn: zet bij "
            "de geldstroom in 02-samenwerking.yaml de periode waarin jullie dit geld mogen besteden."
        )
    return ""


@rule(
    "SP310",
    "geld-buiten-bestedingstermijn",
    Severity.ERROR,
    "Geld uit een regeling wordt besteed buiten de periode waarin dat mag.",
    theme="geld",
    bad="""
# samenplan.yaml: periode van 2026-08-01 tot 2027-07-31
# 02-samenwerking.yaml: geldstroom gs_npo, regeling npo_gemeenten (tot en met 31 juli 2025)
interventies:
  - id: zomerschool
    begroting:
      - {geldstroom: gs_npo, bestedingsdoel: bovenschools, bedrag: 20000}
""",
    good="""
# samenplan.yaml: periode van 2026-08-01 tot 2027-07-31
# 02-samenwerking.yaml: geldstroom gs_goab, regeling goab (2023 tot en met 2026)
interventies:
  - id: zomerschool
    periode: {van: 2026-08-01, tot: 2026-12-31}
    begroting:
      - {geldstroom: gs_goab, bestedingsdoel: activiteiten_leerlingen, bedrag: 20000}
""",
)
def geld_buiten_bestedingstermijn(ctx: RuleContext) -> Iterator[Finding]:
    """Geld uit een regeling mag alleen besteed worden in de periode van die regeling: de
    bestedingstermijn. Het geld van het NP Onderwijs voor gemeenten bijvoorbeeld van
    1 juli 2021 tot en met 31 juli 2025. Wat daarna wordt uitgegeven, wordt niet betaald of
    moet terug. Een plan dat nu wordt gemaakt, kan dus geen geld meer uit een afgelopen
    regeling begroten.

    samenplan kijkt wanneer het geld wordt besteed. Heeft een begrotingsregel een `jaar`, dan
    telt dat jaar (regel SP603). Anders telt de periode van de interventie, en heeft die geen
    periode, dan de periode van het plan. De bestedingstermijn is de periode van de geldstroom
    in 02-samenwerking.yaml, en staat daar niets, dan de periode van de regeling. Heeft een
    geldstroom een eigen periode die buiten de bestedingstermijn van zijn regeling valt, dan
    meldt deze regel dat ook. `samenplan regelingen` toont welke regelingen nu lopen.

    Oplossing: betaal de interventie uit een regeling die loopt als het geld wordt besteed, of
    laat de interventie binnen de bestedingstermijn vallen (met een eigen `periode`). Is de
    termijn van de regeling verlengd? Beschrijf de regeling dan in samenplan.yaml onder
    `regelingen:`, met dezelfde id, de nieuwe periode en de vindplaats van de verlenging.
    """
    termijnen: dict[str, Termijn | None] = {}
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        if g.id in termijnen:
            continue  # a duplicate id: its first definition counts
        termijnen[g.id] = _termijn(ctx, i, g)
        yield from _eigen_periode(ctx, i, g)
    yield from _buiten_termijn(ctx, termijnen)


def _eigen_periode(ctx: RuleContext, i: int, g: Geldstroom) -> Iterator[Finding]:
    """A geldstroom's own periode outside the fixed term of its regeling."""
    regeling = ctx.plan.regelingen.get(g.regeling)
    if regeling is None or not regeling.vaste_termijn or not _vooruit(regeling.periode):
        return
    if g.periode is None or not _vooruit(g.periode):
        return
    term = regeling.periode
    assert term is not None
    (begin, einde), (van, tot) = _dagen(term), _dagen(g.periode)
    if begin <= van and tot <= einde:
        return
    yield Finding(
        "samenwerking",
        ("geldstromen", i, "periode"),
        f"Geldstroom '{g.id}' ({Som.van(g.bedrag).tekst}) heeft als periode "
        f"{periode(g.periode.van, g.periode.tot)}, "
        f"maar het geld van regeling '{regeling.id}' ({regeling.label}) mag alleen besteed "
        f"worden van {periode(term.van, term.tot)}.",
        "Laat de periode van de geldstroom binnen de bestedingstermijn van de regeling vallen. "
        "Is de termijn verlengd? Beschrijf de regeling dan in samenplan.yaml onder "
        "`regelingen:`, met dezelfde id, de nieuwe periode en de vindplaats van de verlenging.",
        related=(_regeling_ref(ctx, i, g),),
    )


def _buiten_termijn(ctx: RuleContext, termijnen: dict[str, Termijn | None]) -> Iterator[Finding]:
    """Undated begroting lines whose interventie, or else the plan, runs outside the term."""
    plan_periode = ctx.plan.manifest.periode
    doorlopen = doorloop_tot(ctx.plan)
    interventies = ctx.plan.aanpak.interventies
    stromen = {g.id: g for g in reversed(ctx.plan.samenwerking.geldstromen)}  # first wins
    for b in _bestedingen(ctx):
        term = termijnen.get(b.geldstroom)
        if term is None:
            continue  # unknown geldstroom or no usable period: other rules
        iv = interventies[b.index]
        if iv.periode is not None:
            if not _vooruit(iv.periode):
                continue
            van, tot = _dagen(iv.periode)
            wanneer = f"in de periode van de interventie, {periode(iv.periode.van, iv.periode.tot)}"
            if b.interventie in doorlopen and term.tot.laatste is not None and term.tot.laatste < tot:
                tot = max(van, term.tot.laatste)  # it runs on after the money on purpose: doorloop
            waar = Ref(
                "aanpak", ("interventies", b.index, "periode"), f"de periode van interventie '{iv.id}'"
            )
        else:
            if plan_periode is None or not _vooruit(plan_periode):
                continue
            van, tot = _dagen(plan_periode)
            wanneer = (
                f"in de periode van het plan, {periode(plan_periode.van, plan_periode.tot)} "
                "(de interventie heeft geen eigen periode)"
            )
            waar = Ref("manifest", ("periode",), "de periode van het plan")
        if term.omvat(van, tot):
            continue
        first = b.regels[0]
        regeling = ctx.plan.regelingen.get(stromen[b.geldstroom].regeling)
        yield Finding(
            "aanpak",
            (*first.path, "bedrag"),
            f"Interventie '{b.interventie}' besteedt {b.bedrag.tekst} van geldstroom "
            f"'{b.geldstroom}' {wanneer}, maar dat geld mag alleen besteed worden van "
            f"{periode(term.van, term.tot)} ({term.herkomst}).",
            "Betaal de interventie uit een regeling die dan loopt ('samenplan regelingen' "
            "toont welke), of laat de interventie binnen de bestedingstermijn vallen met een "
            "eigen `periode`." + _regeling_hint(regeling),
            related=(waar, term.ref),
        )
