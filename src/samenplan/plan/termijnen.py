"""When a geldstroom's money may be spent: its own periode or its regeling's, and a verlenging.

Defined once here for the rules (tijd, termijn, bedragen) and the document. The term starts on
the first day of ``van`` and ends on the last day of ``tot``; with a ``verlenging`` the end is
``verlenging.tot``.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from samenplan.plan.datum import Datum, VanTot
from samenplan.plan.models.regeling import Regeling
from samenplan.plan.models.samenwerking import Geldstroom, Verlenging

if TYPE_CHECKING:
    from samenplan.plan.bundle import Plan


@dataclass(frozen=True)
class Bestedingstermijn(VanTot):
    """The spending term of one geldstroom: money may be spent from ``begin`` to ``einde``."""

    van: Datum
    tot: Datum  # verlenging.tot when the term is extended
    eigen: bool  # True: the geldstroom's own periode; False: its regeling's
    verlenging: Verlenging | None = None
    oorspronkelijk: Datum | None = None  # the end before the verlenging


def bestedingstermijn(g: Geldstroom, regelingen: Mapping[str, Regeling]) -> Bestedingstermijn | None:
    """The term of ``g``: its own periode, else its regeling's, extended by ``g.verlenging``.

    None when neither a periode nor a verlenging says anything.
    """
    regeling = regelingen.get(g.regeling)
    base = g.periode or (regeling.periode if regeling is not None else None)
    eigen = g.periode is not None
    if g.verlenging is None:
        return None if base is None else Bestedingstermijn(base.van, base.tot, eigen)
    van = base.van if base is not None else Datum.onbekend()
    oorspronkelijk = base.tot if base is not None else None
    return Bestedingstermijn(van, g.verlenging.tot, eigen, g.verlenging, oorspronkelijk)


#: An interventie with `doorloop` but no (known) `tot`: it runs on without a known end.
ZONDER_EINDE = Datum.onbekend()


def doorloop_tot(plan: "Plan") -> dict[str, Datum]:
    """interventie id → until when it deliberately runs on (`doorloop`), first definition wins.

    An interventie with a doorloop is not reported for running on after the plan or the money.
    """
    found: dict[str, Datum] = {}
    for iv in plan.aanpak.interventies:
        if iv.doorloop is not None and iv.id not in found:
            found[iv.id] = iv.doorloop.tot or ZONDER_EINDE
    return found
