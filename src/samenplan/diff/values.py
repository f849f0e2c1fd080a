"""How a compared value reads in the report: names for ids, Dutch dates, amounts, labels."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from samenplan.dutch import datum, measure, number, op_datum, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup, bestedingsdoel_name
from samenplan.plan.money import Som

GEEN = "geen"


@dataclass(frozen=True)
class Names:
    """One side's plan and its names by id, to show values in words."""

    plan: Plan
    lookup: Lookup


#: (value, the entry it belongs to, names of its side) → Dutch words
Show = Callable[[Any, Any, Names], str]


def ids(kind: str) -> Show:
    """Ids of ``kind`` (a field of Lookup) as their quoted names."""
    return lambda v, _e, n: ", ".join(f"'{name}'" for name in n.lookup.names(kind, v)) or GEEN


def one(kind: str) -> Show:
    """One id of ``kind`` as its name."""
    return lambda v, _e, n: n.lookup.name(kind, v) or GEEN


def codes(v: Any, _e: Any, _n: Names) -> str:
    """Ids that have no name of their own (bevindingen), quoted."""
    return ", ".join(f"'{x}'" for x in v) or GEEN


def vocab(v: Any, _e: Any, _n: Names) -> str:
    """Vocabulary values (or free words) in Dutch: 'vrije tijd', 'JGZ'."""
    if isinstance(v, list | tuple):
        return labels(v) or GEEN
    return label(v) if isinstance(v, StrEnum | str) and v else GEEN


def span(v: Any, _e: Any, _n: Names) -> str:
    """A Periode: '1 augustus 2023 tot en met 31 juli 2025'."""
    return periode(v.van, v.tot) if v is not None else GEEN


def verlenging(v: Any, _e: Any, _n: Names) -> str:
    """A geldstroom's verlenging: 'tot 31 juli 2025 (bron: Wijziging van de regeling …)'."""
    return f"tot {datum(v.tot)} (bron: {' '.join(v.bron.split())})" if v is not None else GEEN


def doorloop(v: Any, _e: Any, _n: Names) -> str:
    """An interventie's doorloop: 'tot 31 juli 2026, uit eigen middelen'."""
    if v is None:
        return GEEN
    tot = f"tot {datum(v.tot)}" if v.tot is not None else "zonder einddatum"
    return f"{tot}, uit {' '.join(v.bekostiging.split())}: {' '.join(v.reden.split())}"


def day(v: Any, _e: Any, _n: Names) -> str:
    """A date: '1 december 2024'."""
    return datum(v) if v is not None else GEEN


def meetwaarde(v: Any, e: Any, _n: Names) -> str:
    """A nulmeting or streefwaarde with the indicator's unit: '62% op 30 juni 2025'."""
    return f"{measure(v.waarde, e.eenheid)} {op_datum(v.datum)}" if v is not None else GEEN


def cijfer(v: Any, _e: Any, _n: Names) -> str:
    """The figure of a bevinding: '14%', with what it is compared to."""
    if v is None:
        return GEEN
    text = measure(v.waarde, v.eenheid)
    if v.vergelijkingen:
        text += f" ({'; '.join(f'{x.met}: {measure(x.waarde, v.eenheid)}' for x in v.vergelijkingen)})"
    return text


def meetwaarden(v: Any, e: Any, n: Names) -> str:
    """Metingen or tussendoelen of the indicator ``e``: '65% op 1 oktober 2023; …'."""
    return "; ".join(meetwaarde(m, e, n) for m in v) or GEEN


def bestedingen(v: Any, _e: Any, _n: Names) -> str:
    """Besteed per bestedingsdoel and jaar: '€ 120.000 (b, 2023)'."""
    return (
        "; ".join(
            f"{Som.van(b.bedrag).tekst} ({b.bestedingsdoel or 'geen doel'}, {b.jaar or 'geen jaar'})"
            for b in v
        )
        or GEEN
    )


def restant(v: Any, _e: Any, _n: Names) -> str:
    """'€ 15.000, moet terug'; the toelichting is compared as text on its own."""
    if v is None:
        return GEEN
    terug = {True: "moet terug", False: "mag blijven", None: "onbekend of het terug moet"}[v.terugbetalen]
    return f"{Som.van(v.bedrag).tekst}, {terug}"


def money(v: Any, _e: Any, _n: Names) -> str:
    """An amount: '€ 12.500', 'ongeveer € 1.500.000', 'onbekend'."""
    if v is None:
        return GEEN
    from samenplan.plan.money import Som

    return Som.van(v).tekst


def rondes(v: Any, _e: Any, _n: Names) -> str:
    """Rondes of a subsidie: 'Eerste ronde (tot 1 maart 2024)'."""
    return "; ".join(f"{r.naam} (tot {datum(r.tot)})" if r.tot else r.naam for r in v or ()) or GEEN


def toekenning(v: Any, _e: Any, n: Names) -> str:
    """A granted application: 'aan VV Heidebeek, 20 maart 2024, Eerste ronde'."""
    if v is None:
        return GEEN
    parts = [f"aan {n.lookup.name('partner', v.aanvrager)}"]
    parts += [datum(v.datum)] if v.datum else []
    parts += [v.ronde] if v.ronde else []
    return ", ".join(parts)


def plain(v: Any, _e: Any, _n: Names) -> str:
    """A short value as it is written."""
    return str(v) if v not in (None, "") else GEEN


def ja_nee(v: Any, _e: Any, _n: Names) -> str:
    """A yes/no field: 'ja' or 'nee'."""
    return "ja" if v else "nee"


def onderbouwing(v: Any, _e: Any, _n: Names) -> str:
    """'NPO-menukaart, doelgebied D; eigen onderbouwing'; the toelichting is compared as text."""
    shown = []
    for o in v or ():
        parts = [label(o.soort)]
        if o.niveau is not None:
            parts.append(label(o.niveau))
        if o.doelgebied is not None:
            parts.append(f"doelgebied {o.doelgebied}")
        shown.append(", ".join(parts))
    return "; ".join(shown) or GEEN


def bereik(v: Any, _e: Any, _n: Names) -> str:
    """'400 jongeren', with what was reached: '(bereikt: 80 op 1 juli 2024)'."""
    if v is None:
        return GEEN
    text = f"{number(v.aantal)} {v.eenheid}"
    if v.gerealiseerd:
        text += f" (bereikt: {'; '.join(f'{number(g.aantal)} {op_datum(g.datum)}' for g in v.gerealiseerd)})"
    return text


def leeftijd(v: Any, _e: Any, _n: Names) -> str:
    """'4 tot en met 12 jaar'."""
    return f"{v.van} tot en met {v.tot} jaar" if v is not None else GEEN


def gemeenten(v: Any, _e: Any, _n: Names) -> str:
    """The names of the gemeenten."""
    return ", ".join(g.naam for g in v) or GEEN


def doelen(v: Any, e: Any, n: Names) -> str:
    """Bestedingsdoelen of the geldstroom ``e`` by name."""
    return ", ".join(f"'{bestedingsdoel_name(n.plan, e.regeling, d)}'" for d in v) or GEEN


def doel(v: Any, _e: Any, _n: Names) -> str:
    """The bestedingsdoel id of a post."""
    return GEEN if v is None else str(v)


def mijlpalen(v: Any, _e: Any, _n: Names) -> str:
    """Mijlpalen: '30 november 2023: Alle leerkrachten …'."""
    return "; ".join(f"{datum(m.datum)}: {' '.join(m.omschrijving.split())}" for m in v) or GEEN
