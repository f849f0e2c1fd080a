"""Per gebied: what happens in each gebied of samenplan.yaml, and what is spent there.

An amount is only said for a gebied when it belongs to that gebied alone: the begroting of an
interventie that runs in this gebied and no other. An interventie in several gebieden has one
begroting that the plan does not split, so the chapter names it as shared instead of dividing
it; one without begroting is named as 'bedrag onbekend'. A plan without gebieden has no chapter.
"""

from samenplan.document.nodes import Chapter, Section, field, fields, money, note, parts, section
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label
from samenplan.plan.lookup import Lookup
from samenplan.plan.models.aanpak import Interventie
from samenplan.plan.models.manifest import Gebied
from samenplan.plan.money import Som, som


def _begroot(iv: Interventie) -> Som:
    """The begroting of an interventie; a line without an amount is an unknown part."""
    return som(Som.van(r.bedrag) for r in iv.begroting)


def _geld(ivs: list[Interventie], gebied: str, lk: Lookup) -> tuple[Som | None, list[str]]:
    """The amount for this gebied alone (None when none is known), and sentences on the rest."""
    alleen = [iv for iv in ivs if iv.begroting and set(iv.gebieden) == {gebied}]
    gedeeld = [iv for iv in ivs if iv.begroting and set(iv.gebieden) != {gebied}]
    zonder = [iv for iv in ivs if not iv.begroting]
    zinnen = []
    if gedeeld:
        namen = "; ".join(
            f"{iv.naam} ({_begroot(iv).tekst} voor "
            f"{' en '.join(lk.names('gebied', dict.fromkeys(iv.gebieden)))} samen)"
            for iv in gedeeld
        )
        zinnen.append(f"Ook in andere gebieden, het geld is niet per gebied verdeeld: {namen}.")
    if zonder:
        namen = ", ".join(iv.naam for iv in zonder)
        zinnen.append(f"Zonder begroting (bedrag onbekend): {namen}.")
    return (som(_begroot(iv) for iv in alleen) if alleen else None), zinnen


def _posten(plan: Plan, gebied: str) -> tuple[str, ...]:
    """The budget posts of the geldstromen that are for this gebied: 'Lezen (NPO-geld): € 40.000'."""
    return tuple(
        f"{p.naam} ({g.naam}): {Som.van(p.bedrag).tekst}"
        for g in plan.samenwerking.geldstromen
        for p in g.posten
        if p.gebied == gebied
    )


def _keten(start: str | None, ouder: dict[str, str | None]) -> list[str]:
    """The ids of the larger gebieden ``start`` lies in, nearest first (a ring stops)."""
    found: list[str] = []
    while start is not None and start in ouder and start not in found:
        found.append(start)
        start = ouder[start]
    return found


def _voor(naam: str, ivs: list[Interventie]) -> str:
    """'de 5 interventies voor Rivierstad'; '' for none."""
    if not ivs:
        return ""
    return f"de interventie voor {naam}" if len(ivs) == 1 else f"de {len(ivs)} interventies voor {naam}"


def _gebied(plan: Plan, g: Gebied, lk: Lookup) -> Section | None:
    ouder = {x.id: x.binnen for x in plan.manifest.gebieden}
    boven = _keten(g.binnen, ouder)
    onder = [x.id for x in plan.manifest.gebieden if x.id != g.id and g.id in _keten(x.binnen, ouder)]
    alle = plan.aanpak.interventies
    ivs = [iv for iv in alle if g.id in iv.gebieden]
    groter = [_voor(lk.name("gebied", b), [iv for iv in alle if b in iv.gebieden]) for b in boven]
    kleiner = [
        f"{iv.naam} ({lk.name('gebied', k)})"
        for k in onder
        for iv in alle
        if k in iv.gebieden and iv not in ivs
    ]
    bedrag, zinnen = _geld(ivs, g.id, lk)
    return section(
        g.naam,
        fields(
            field("Soort", label(g.soort) if g.soort else ""),
            field("Ligt in", lk.name("gebied", g.binnen)),
            field("Gebieden hierin", tuple(x.naam for x in plan.manifest.gebieden if x.binnen == g.id)),
            field(
                "Doelgroepen",
                tuple(d.naam for d in plan.urgentie.doelgroepen if g.id in d.gebieden),
            ),
            field("Bevindingen", tuple(b.tekst for b in plan.analyse.bevindingen if g.id in b.gebieden)),
            field("Interventies", tuple(iv.naam for iv in ivs)),
            field("Ook hier", tuple(g for g in groter if g)),
            field("In een gebied hierin", tuple(dict.fromkeys(kleiner))),
            field("Begroot voor dit gebied alleen", money(bedrag) if bedrag is not None else ""),
            field("Posten voor dit gebied", _posten(plan, g.id)),
        ),
        *(note(z) for z in zinnen),
        None if ivs or any(groter) or kleiner else note("In dit gebied staat nog geen interventie."),
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
