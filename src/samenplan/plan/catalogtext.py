"""The regelingen as text for the terminal: a list with their stand, and one in full."""

import textwrap
from collections.abc import Iterable, Sequence
from datetime import date

from samenplan.dutch import datum, periode
from samenplan.plan.catalog import Stand, op_volgorde, stand_op
from samenplan.plan.datum import Datum, DatumSoort
from samenplan.plan.models.regeling import KANAAL_NAMEN, DoelenStatus, Regeling

WIDTH = 88

#: What the list says about the bestedingsdoelen, per status.
DOELEN_STATUS_TEKST = {
    DoelenStatus.VASTGESTELD: "",
    DoelenStatus.NIET_NAGEKEKEN: (
        "Let op: deze lijst komt niet uit de officiële tekst van de regeling en is misschien niet compleet."
    ),
    DoelenStatus.NIET_GEOORMERKT: (
        "Let op: dit geld is niet geoormerkt. De gemeenteraad beslist waaraan het besteed "
        "wordt; deze lijst volgt de brief waarin het geld werd aangekondigd."
    ),
}


def kort(day: date | Datum) -> str:
    """'1-7-2021' for a day; a month, year or school year as dutch.datum words it."""
    if isinstance(day, Datum):
        if day.soort is not DatumSoort.DAG or day.eerste is None:
            return datum(day)
        day = day.eerste
    return f"{day.day}-{day.month}-{day.year}"


def _periode_kort(regeling: Regeling) -> str:
    p = regeling.periode
    if p is None:
        return "onbekend"
    return f"{kort(p.van)} t/m {kort(p.tot)}" + ("" if regeling.vaste_termijn else " *")


def _stand_tekst(regeling: Regeling, dag: date) -> str:
    stand = stand_op(regeling, dag)
    p = regeling.periode
    if p is not None and stand is Stand.AFGELOPEN:
        return f"afgelopen op {datum(p.tot)}"
    if p is not None and stand is Stand.NOG_NIET:
        return f"begint op {datum(p.van)}"
    return stand.value


def _tabel(regelingen: Sequence[Regeling], dag: date) -> list[str]:
    rows = [(r.id, r.label, _periode_kort(r), _stand_tekst(r, dag)) for r in regelingen]
    heads = ("id", "naam", "periode", f"op {datum(dag)}")
    widths = [max(len(row[k]) for row in [heads, *rows]) for k in range(3)]
    lines = []
    for row in [heads, *rows]:
        lines.append(
            "  " + "  ".join(cell.ljust(widths[k]) for k, cell in enumerate(row[:3])) + "  " + row[3]
        )
    return lines


def overzicht(catalog: Iterable[Regeling], dag: date, eigen: Sequence[Regeling] = ()) -> str:
    """The list of `samenplan regelingen`: open regelingen first, then the rest."""
    by_id = {r.id: r for r in catalog}
    vervangen = {r.id for r in eigen if r.id in by_id}
    lines = [f"Regelingen in de catalogus van samenplan ({len(by_id)}):", ""]
    lines += _tabel([r for r in op_volgorde(by_id, dag) if r.id not in vervangen], dag)
    if eigen:
        lines += ["", f"Eigen regelingen van het plan, in samenplan.yaml ({len(eigen)}):", ""]
        lines += _tabel(list(eigen), dag)
        if vervangen:
            ids = ", ".join(sorted(vervangen))
            lines += [
                "",
                f"Het plan beschrijft zelf {ids}; die beschrijving geldt in plaats van de catalogus.",
            ]
    if any(not r.vaste_termijn for r in [*by_id.values(), *eigen]):
        lines += [
            "",
            "* De periode is geen harde bestedingstermijn (geld uit het gemeentefonds, of een",
            "  einddatum die is afgeleid); een plan mag bij de geldstroom een eigen periode zetten.",
        ]
    lines += ["", "Meer over één regeling: samenplan regelingen ID"]
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "  ") -> list[str]:
    lines: list[str] = []
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        if lines:
            lines.append("")
        lines += textwrap.wrap(para, WIDTH, initial_indent=indent, subsequent_indent=indent)
    return lines


def _item(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="  - ", subsequent_indent="    ")


def beschrijving(regeling: Regeling, dag: date) -> str:
    """One regeling in full: facts, bestedingsdoelen, what is not verified, toelichting."""
    lines = [f"{regeling.id}: {regeling.naam}", ""]
    facts = [
        ("Korte naam", regeling.korte_naam),
        ("Vindplaats", regeling.referentie),
        ("Verstrekker", regeling.verstrekker),
        ("Kanaal", KANAAL_NAMEN[regeling.kanaal] if regeling.kanaal else ""),
        ("Aanvragers", ", ".join(regeling.aanvragers)),
        ("Periode", _periode_lang(regeling, dag)),
        ("Bron", regeling.bron),
    ]
    width = max(len(k) for k, v in facts if v) + 1
    lines += [f"{(k + ':').ljust(width)} {v}" for k, v in facts if v]
    lines += ["", "Bestedingsdoelen (id en naam):"]
    doel_width = max(len(d.id) for d in regeling.bestedingsdoelen)
    for d in regeling.bestedingsdoelen:
        lines.append(f"  {d.id.ljust(doel_width)}  {d.naam}")
        if d.artikel:
            lines.append(f"  {''.ljust(doel_width)}  ({d.artikel})")
    status = DOELEN_STATUS_TEKST[regeling.bestedingsdoelen_status]
    if status:
        lines += ["", *_wrap(status + f" Nakijken: {regeling.doelen_bron}", "  ")]
    if regeling.niet_nagekeken:
        lines += ["", "Niet nagekeken:"]
        for item in regeling.niet_nagekeken:
            lines += _item(" ".join(item.split()))
    if regeling.toelichting.strip():
        lines += ["", "Toelichting:", *_wrap(regeling.toelichting)]
    return "\n".join(lines) + "\n"


def _periode_lang(regeling: Regeling, dag: date) -> str:
    p = regeling.periode
    if p is None:
        return ""
    text = periode(p.van, p.tot)
    stand = _stand_tekst(regeling, dag)
    text += f" ({stand} op {datum(dag)})" if stand == Stand.OPEN.value else f" ({stand})"
    if not regeling.vaste_termijn:
        text += "; geen harde bestedingstermijn"
    return text
