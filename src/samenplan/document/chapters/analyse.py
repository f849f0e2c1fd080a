"""Stap 3: bronnen, bevindingen, bestaand aanbod, witte vlekken and duiding."""

from samenplan.document.blocks import Bullets
from samenplan.document.chapters.common import NIET_INGEVULD, step_chapter
from samenplan.document.nodes import Cell, Chapter, Row, Text, cell, flat, link, note, section, table, text
from samenplan.dutch import datum, measure
from samenplan.plan.bundle import Plan
from samenplan.plan.labels import label, labels
from samenplan.plan.lookup import Lookup
from samenplan.plan.models.analyse import Aanbod, Bevinding, Bron, Cijfer


def _bron(b: Bron) -> Row:
    return Row(
        cell(b.naam), (Cell(label(b.soort)), Cell(datum(b.peildatum) if b.peildatum else ""), link(b.link))
    )


def cijfer(c: Cijfer | None) -> str:
    """'55% (Rivierstad 2019: 63%; Nederland: 60%)'; '' without a figure."""
    if c is None:
        return ""
    main = measure(c.waarde, c.eenheid)
    if not c.vergelijkingen:
        return main
    return f"{main} ({'; '.join(f'{flat(v.met)}: {measure(v.waarde, c.eenheid)}' for v in c.vergelijkingen)})"


def _waar(b: Bevinding, lk: Lookup) -> tuple[str, ...]:
    return tuple(
        x
        for x in (
            ", ".join(lk.names("doelgroep", b.doelgroepen)),
            f"leefdomeinen: {labels(b.leefdomeinen)}" if b.leefdomeinen else "",
            f"ontwikkelgebieden: {labels(b.ontwikkelgebieden)}" if b.ontwikkelgebieden else "",
            f"geparkeerd: {flat(b.geparkeerd)}" if b.geparkeerd.strip() else "",
        )
        if x
    )


def _bevinding(b: Bevinding, lk: Lookup) -> Row:
    return Row(
        cell(b.tekst),
        (Cell(cijfer(b.cijfer)), Cell(items=_waar(b, lk)), Cell(items=lk.names("bron", b.bronnen))),
    )


def _aanbod(a: Aanbod, lk: Lookup) -> Row:
    return Row(
        cell(a.naam),
        (Cell(lk.name("partner", a.aanbieder)), Cell(labels(a.leefdomeinen)), cell(a.omschrijving)),
    )


def chapter(plan: Plan, lk: Lookup) -> Chapter:
    """The chapter of step 3."""
    a = plan.analyse
    vlekken = tuple(flat(v) for v in a.witte_vlekken if v.strip())
    return step_chapter(
        "analyse",
        section(
            "Bronnen",
            table(
                "Gebruikte bronnen",
                ("Bron", "Soort", "Peildatum", "Link"),
                [_bron(b) for b in a.bronnen],
                "Er zijn nog geen bronnen.",
            ),
        ),
        section(
            "Bevindingen",
            table(
                "Bevindingen uit de analyse",
                ("Bevinding", "Cijfer", "Voor wie en waar", "Bronnen"),
                [_bevinding(b, lk) for b in a.bevindingen],
                "Er zijn nog geen bevindingen.",
            ),
        ),
        section(
            "Bestaand aanbod",
            table(
                "Aanbod dat er al is",
                ("Aanbod", "Aanbieder", "Leefdomeinen", "Omschrijving"),
                [_aanbod(x, lk) for x in a.bestaand_aanbod],
                "Er is nog geen bestaand aanbod beschreven.",
            ),
        ),
        section("Witte vlekken", Text((Bullets(vlekken),)) if vlekken else note(NIET_INGEVULD)),
        section("Duiding", text(a.duiding, NIET_INGEVULD)),
    )
