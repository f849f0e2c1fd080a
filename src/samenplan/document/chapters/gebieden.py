"""Per gebied: what happens in each gebied of samenplan.yaml, and what is spent there.

An amount is only said for a gebied when it belongs to that gebied alone: the begroting of an
interventie that runs in this gebied and no other. An interventie in several gebieden has one
begroting that the plan does not split, so the chapter names it as shared instead of dividing
it; one without begroting is named as 'bedrag onbekend'. A plan without gebieden has no chapter.
"""

from decimal import Decimal

from samenplan.document.nodes import Chapter, Section, field, fields, money, note, parts, section
from samenplan.dutch import euro
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.lookup import Lookup
from samenplan.plan.models.aanpak import Interventie
from samenplan.plan.models.manifest import Gebied
from samenplan.plan.money import total


def _begroot(iv: Interventie) -> Decimal:
    return total(r.bedrag for r in iv.begroting)


def _geld(ivs: list[Interventie], gebied: str, lk: Lookup) -> tuple[Decimal | None, list[str]]:
    """The amount for this gebied alone (None when none is known), and sentences on the rest."""
    alleen = [iv for iv in ivs if iv.begroting and set(iv.gebieden) == {gebied}]
    gedeeld = [iv for iv in ivs if iv.begroting and set(iv.gebieden) != {gebied}]
    zonder = [iv for iv in ivs if not iv.begroting]
    zinnen = []
    if gedeeld:
        namen = "; ".join(
            f"{iv.naam} ({euro(_begroot(iv))} voor "
            f"{' en '.join(lk.names('gebied', dict.fromkeys(iv.gebieden)))} samen)"
            for iv in gedeeld
        )
        zinnen.append(f"Ook in andere gebieden, het geld is niet per gebied verdeeld: {namen}.")
    if zonder:
        namen = ", ".join(iv.naam for iv in zonder)
        zinnen.append(f"Zonder begroting (bedrag onbekend): {namen}.")
    return (total(_begroot(iv) for iv in alleen) if alleen else None), zinnen


def _gebied(plan: Plan, g: Gebied, lk: Lookup) -> Section | None:
    ivs = [iv for iv in plan.aanpak.interventies if g.id in iv.gebieden]
    bedrag, zinnen = _geld(ivs, g.id, lk)
    kleiner = [x.naam for x in plan.manifest.gebieden if x.binnen == g.id]
    return section(
        g.naam,
        fields(
            field("Soort", label(g.soort) if g.soort else ""),
            field("Ligt in", lk.name("gebied", g.binnen)),
            field("Gebieden hierin", tuple(kleiner)),
            field(
                "Doelgroepen",
                tuple(d.naam for d in plan.urgentie.doelgroepen if g.id in d.gebieden),
            ),
            field("Bevindingen", tuple(b.tekst for b in plan.analyse.bevindingen if g.id in b.gebieden)),
            field("Interventies", tuple(iv.naam for iv in ivs)),
            field("Begroot voor dit gebied alleen", money(bedrag) if bedrag is not None else ""),
        ),
        *(note(z) for z in zinnen),
        None if ivs else note("In dit gebied staat nog geen interventie."),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter | None:
    """The chapter 'Per gebied'; None when the plan names no gebieden."""
    gebieden = plan.manifest.gebieden
    if not gebieden:
        return None
    bekend = {g.id for g in gebieden}
    nergens = [iv.naam for iv in plan.aanpak.interventies if not set(iv.gebieden) & bekend]
    return Chapter(
        "per-gebied",
        "Per gebied",
        parts(
            note(
                "Wat er per gebied gebeurt. Een bedrag staat er alleen bij als het geld voor dat "
                "gebied alleen is; geld van een interventie in meer gebieden is niet verdeeld."
            ),
            *(_gebied(plan, g, lk) for g in gebieden),
            section(
                "Niet aan een gebied gekoppeld",
                note("Deze interventies noemen geen gebied: " + ", ".join(nergens) + ".")
                if nergens
                else None,
            ),
        ),
    )
