"""Tijd: periods run forward, and each period lies within the one it belongs to."""

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from samenplan.check.registry import Finding, Ref, rule
from samenplan.check.rulecontext import RuleContext
from samenplan.diagnostics import KeyPath, Severity, Weight
from samenplan.dutch import datum, op_datum, periode
from samenplan.plan.bundle import Plan
from samenplan.plan.datum import VanTot
from samenplan.plan.models.aanpak import Interventie
from samenplan.plan.models.common import Begrotingsjaar, Datum, Periode
from samenplan.plan.models.samenwerking import Geldstroom
from samenplan.plan.names import describe_path
from samenplan.plan.steps import DOCUMENTS
from samenplan.plan.termijnen import bestedingstermijn, doorloop_tot
from samenplan.plan.vocab import Fase, MomentSoort


@dataclass(frozen=True)
class Termijn(VanTot):
    """A period somewhere in the plan: where its dates are, what it is, and its dates."""

    doc: str
    path: KeyPath  # the mapping that holds both dates
    wat: str  # "de periode van interventie 'x'"
    van: Datum
    tot: Datum
    van_key: str = "van"
    tot_key: str = "tot"

    @property
    def loopt_vooruit(self) -> bool:
        """Whether both ends are known and the period ends on or after its start."""
        return self.begin is not None and self.einde is not None and self.begin <= self.einde

    @property
    def loopt_terug(self) -> bool:
        """Whether both ends are known and the period ends before it starts (SP601)."""
        return self.begin is not None and self.einde is not None and self.einde < self.begin

    def buiten(self, d: Datum, naam: str) -> str | None:
        """How ``d`` lies wholly outside this period ('na het einde van het plan op …'), or None.

        A month, year or school year counts as outside only when all of it is; an unknown
        date is never compared, and an unknown start or end of the period is not either.
        """
        if d.eerste is None or d.laatste is None or self.loopt_terug:
            return None
        if self.begin is not None and d.laatste < self.begin:
            return f"voor het begin van {naam} op {datum(self.begin)}"
        if self.einde is not None and d.eerste > self.einde:
            return f"na het einde van {naam} op {datum(self.einde)}"
        return None


def _hoofdletter(text: str) -> str:
    """Text with a capital first letter, to start a sentence."""
    return text[:1].upper() + text[1:]


def _periode(doc: str, path: KeyPath, wat: str, periode: Periode) -> Termijn:
    return Termijn(doc, path, wat, periode.van, periode.tot)


def _planperiode(plan: Plan) -> Termijn | None:
    if plan.manifest.periode is None:
        return None
    return _periode("manifest", ("periode",), "de periode van het plan", plan.manifest.periode)


def _interventieperiode(i: int, iv: Interventie) -> Termijn | None:
    if iv.periode is None:
        return None
    return _periode(
        "aanpak", ("interventies", i, "periode"), f"de periode van interventie '{iv.id}'", iv.periode
    )


def _planningen(plan: Plan) -> Iterator[Termijn]:
    for i, p in enumerate(plan.uitvoering.planning):
        yield Termijn(
            "uitvoering",
            ("planning", i),
            f"de planning van interventie '{p.interventie}'",
            p.start,
            p.eind,
            "start",
            "eind",
        )


def _termijnen(plan: Plan) -> Iterator[Termijn]:
    """Every period the plan writes down, in file order."""
    if (plan_t := _planperiode(plan)) is not None:
        yield plan_t
    for i, r in enumerate(plan.manifest.regelingen):
        if r.periode is not None:
            yield _periode(
                "manifest", ("regelingen", i, "periode"), f"de periode van regeling '{r.id}'", r.periode
            )
    for i, g in enumerate(plan.samenwerking.geldstromen):
        if g.periode is not None:
            yield _periode(
                "samenwerking",
                ("geldstromen", i, "periode"),
                f"de periode van geldstroom '{g.id}'",
                g.periode,
            )
    for i, iv in enumerate(plan.aanpak.interventies):
        if (t := _interventieperiode(i, iv)) is not None:
            yield t
    yield from _planningen(plan)


@rule(
    "SP601",
    "einde-voor-begin",
    Severity.ERROR,
    "Een periode eindigt voordat hij begint.",
    theme="tijd",
    bad="""
periode:
  van: 2024-08-01
  tot: 2024-07-01
""",
    good="""
periode:
  van: 2024-08-01
  tot: 2025-07-31
""",
)
def einde_voor_begin(ctx: RuleContext) -> Iterator[Finding]:
    """Een periode loopt van een begindatum naar een einddatum. Hier ligt het einde vóór het
    begin. Dat kan niet, en het maakt ook de andere controles op tijd onbetrouwbaar. Deze
    regel kijkt naar de periode van het plan, van eigen regelingen, van geldstromen en van
    interventies, en naar start en eind in de planning.

    Meestal zijn begin en einde omgedraaid, of staat er een verkeerd jaartal.

    Oplossing: zet de vroegste datum bij `van` (of `start`) en de laatste bij `tot` (of
    `eind`). Schrijf een dag als JJJJ-MM-DD (2024-08-01); een maand (2024-08), een jaar (2024)
    of een schooljaar (2024-2025) mag ook. Een periode begint op de eerste dag van `van` en
    eindigt op de laatste dag van `tot`.
    """
    for t in _termijnen(ctx.plan):
        if t.loopt_terug:
            yield Finding(
                t.doc,
                (*t.path, t.tot_key),
                f"{_hoofdletter(t.wat)} eindigt ({datum(t.tot)}) voor hij begint ({datum(t.van)}).",
                f"Kijk of '{t.van_key}' en '{t.tot_key}' niet zijn omgedraaid en of het jaartal klopt.",
            )


def _buiten_plan(plan: Plan) -> dict[str, list[tuple[Termijn, str, Datum]]]:
    """interventie id → (period, date key, date) of its periode and planning, in file order."""
    found: dict[str, list[tuple[Termijn, str, Datum]]] = {}
    for i, iv in enumerate(plan.aanpak.interventies):
        if (t := _interventieperiode(i, iv)) is not None:
            found.setdefault(iv.id, []).extend([(t, t.van_key, t.van), (t, t.tot_key, t.tot)])
    for t, p in zip(_planningen(plan), plan.uitvoering.planning, strict=True):
        found.setdefault(p.interventie, []).extend([(t, t.van_key, t.van), (t, t.tot_key, t.tot)])
    return found


@rule(
    "SP602",
    "buiten-planperiode",
    Severity.WARNING,
    "Een interventie of planning valt buiten de periode van het plan.",
    theme="tijd",
    bad="""
# samenplan.yaml: periode van 2023-08-01 tot 2025-07-31
interventies:
  - id: zomerschool
    periode: {van: 2025-06-01, tot: 2025-08-31}
""",
    good="""
# samenplan.yaml: periode van 2023-08-01 tot 2025-07-31
interventies:
  - id: zomerschool
    periode: {van: 2025-06-01, tot: 2025-07-31}
""",
)
def buiten_planperiode(ctx: RuleContext) -> Iterator[Finding]:
    """Het plan heeft een looptijd: de `periode` in samenplan.yaml. Interventies en hun
    planning vallen binnen die looptijd. Begint of eindigt een interventie daarbuiten, dan
    beslissen college, raad en schoolbesturen over iets wat het plan niet dekt, en is niet
    duidelijk wie daarna betaalt en bijstuurt.

    Per interventie komt er één melding, ook als de periode en de planning allebei buiten
    het plan vallen; de melding zegt hoeveel datums het zijn. Valt een planning buiten het
    plan, dan meldt regel SP605 diezelfde planning niet nog een keer. Eindigt een periode voor
    hij begint (SP601), dan meldt deze regel die interventie niet.

    Een datum die een maand, jaar of schooljaar is, valt pas buiten het plan als die hele
    maand of dat hele jaar erbuiten valt. Een onbekende datum wordt niet vergeleken. Heeft de
    interventie een `doorloop`, dan meldt deze regel niet dat ze na het plan doorloopt (tot
    `doorloop.tot`, of zonder einde als dat er niet staat).

    Oplossing: hoort de interventie bij dit plan, maak de periode van het plan dan passend.
    Loopt ze bewust door na het plan, zet dan bij de interventie `doorloop:` met `reden:`
    (waarom) en `bekostiging:` (waaruit ze dan betaald wordt), en eventueel `tot:`. Is de datum
    een vergissing, verbeter hem dan.
    """
    plan_t = _planperiode(ctx.plan)
    if plan_t is None or plan_t.loopt_terug:
        return
    doorlopen = doorloop_tot(ctx.plan)
    for ident, dates in _buiten_plan(ctx.plan).items():
        buiten = [
            (t, key, d, waar)
            for t, key, d in dates
            if (waar := plan_t.buiten(d, "het plan")) and not _loopt_door(d, plan_t, doorlopen.get(ident))
        ]
        if not buiten:
            continue
        t, key, d, waar = buiten[0]
        meer = len({(x[0].doc, x[0].path, x[1]) for x in buiten}) - 1
        extra = f" (en nog {meer} {'datum' if meer == 1 else 'datums'} van deze interventie)" if meer else ""
        yield Finding(
            t.doc,
            (*t.path, key),
            f"{_hoofdletter(t.wat)} {_werkwoord(key)} {datum(d)}, {waar}{extra}.",
            "Hoort dit bij het plan, pas dan de periode van het plan aan in samenplan.yaml. "
            "Loopt de interventie bewust door na het plan, zet dan bij de interventie "
            "`doorloop:` met `reden:` en `bekostiging:` (uit welk geld). Anders: verbeter de datum.",
            related=(Ref("manifest", ("periode",), "de periode van het plan"),),
        )


def _loopt_door(d: Datum, t: Termijn, tot: Datum | None) -> bool:
    """Whether ``d``, after the end of ``t``, is covered by a doorloop until ``tot``."""
    if tot is None or d.eerste is None or t.einde is None or d.eerste <= t.einde:
        return False
    return tot.laatste is None or d.eerste <= tot.laatste


def _werkwoord(key: str) -> str:
    """'begint op' or 'eindigt op', for the key of a start or end date."""
    return "begint op" if key in ("van", "start") else "eindigt op"


@dataclass(frozen=True)
class Geldperiode:
    """When a geldstroom's money may be spent, and where that is written."""

    termijn: Termijn
    ref: Ref
    herkomst: str = ""  # " (de periode van regeling 'x')" when the geldstroom has none


def _geldperiode(ctx: RuleContext, i: int, g: Geldstroom) -> Geldperiode | None:
    """The geldstroom's own periode, else its regeling's, with its verlenging; None when unknown."""
    bt = bestedingstermijn(g, ctx.plan.regelingen)
    if bt is None:
        return None
    if bt.verlenging is not None:
        path: KeyPath = ("geldstromen", i, "verlenging")
        t = Termijn("samenwerking", path, f"geldstroom '{g.id}'", bt.van, bt.tot)
        bron = " ".join(bt.verlenging.bron.split())
        return Geldperiode(
            t,
            Ref("samenwerking", (*path, "tot"), f"de verlenging van geldstroom '{g.id}'"),
            f" (verlengd tot {datum(bt.tot)}; bron: {bron})",
        )
    if bt.eigen:
        path = ("geldstromen", i, "periode")
        t = Termijn("samenwerking", path, f"geldstroom '{g.id}'", bt.van, bt.tot)
        return Geldperiode(t, Ref("samenwerking", path, f"de periode van geldstroom '{g.id}'"))
    t = Termijn("samenwerking", ("geldstromen", i), f"regeling '{g.regeling}'", bt.van, bt.tot)
    return Geldperiode(t, _regelingref(ctx, i, g), f" (de periode van regeling '{g.regeling}')")


def _regelingref(ctx: RuleContext, i: int, g: Geldstroom) -> Ref:
    """Where a geldstroom without periode gets its period: an own regeling, or the catalog."""
    message = f"geldstroom '{g.id}' heeft geen eigen periode; de periode van regeling '{g.regeling}' geldt"
    for k, r in enumerate(ctx.plan.manifest.regelingen):
        if r.id == g.regeling:
            return Ref("manifest", ("regelingen", k, "periode"), message)
    return Ref("samenwerking", ("geldstromen", i, "regeling"), message)


def geldperioden(ctx: RuleContext) -> dict[str, Geldperiode]:
    """geldstroom id → its spending period (first definition wins)."""
    found: dict[str, Geldperiode] = {}
    for i, g in enumerate(ctx.plan.samenwerking.geldstromen):
        if g.id not in found and (gp := _geldperiode(ctx, i, g)) is not None:
            found[g.id] = gp
    return found


@rule(
    "SP603",
    "begroting-buiten-geldstroom",
    Severity.ERROR,
    "Een begrotingsregel staat in een jaar waarin de geldstroom niet besteed mag worden.",
    theme="tijd",
    bad="""
begroting:
  - geldstroom: gs_npo   # periode tot 2025-07-31
    bestedingsdoel: bovenschools
    bedrag: 20000
    jaar: 2026
""",
    good="""
begroting:
  - geldstroom: gs_npo   # periode tot 2025-07-31
    bestedingsdoel: bovenschools
    bedrag: 20000
    jaar: 2025
""",
)
def begroting_buiten_geldstroom(ctx: RuleContext) -> Iterator[Finding]:
    """Geld uit een regeling mag alleen in een bepaalde periode besteed worden. Het geld van
    het NP Onderwijs voor gemeenten bijvoorbeeld tot en met 31 juli 2025. Een begrotingsregel
    met een `jaar` waarin de geldstroom niet loopt, wordt niet betaald of moet terug.

    De periode van de geldstroom staat in 02-samenwerking.yaml; staat daar niets, dan geldt
    de periode van de regeling. Alleen begrotingsregels worden zo gecontroleerd: een evaluatie
    of meetmoment mag wél na het einde van het geld vallen.

    Is de bestedingstermijn verlengd (`verlenging` bij de geldstroom), dan telt het nieuwe
    einde, `verlenging.tot`.

    Oplossing: zet het bedrag in een jaar waarin het geld besteed mag worden, of betaal het
    uit een andere geldstroom. Is de bestedingstermijn verlengd? Zet dan bij de geldstroom
    `verlenging:` met `tot:` (het nieuwe einde) en `bron:` (waar de verlenging staat).
    """
    perioden = geldperioden(ctx)
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        for j, regel in enumerate(iv.begroting):
            gp = perioden.get(regel.geldstroom)
            if regel.jaar is None or gp is None or _jaar_past(regel.jaar, gp.termijn):
                continue
            t = gp.termijn
            yield Finding(
                "aanpak",
                ("interventies", i, "begroting", j, "jaar"),
                f"Interventie '{iv.id}' begroot geld van geldstroom '{regel.geldstroom}' in "
                f"{regel.jaar}, maar dat geld mag alleen besteed worden van {periode(t.van, t.tot)}"
                f"{gp.herkomst}.",
                "Zet het bedrag in een jaar waarin het geld besteed mag worden, of kies een "
                "andere geldstroom. Is de termijn verlengd? Zet dan bij de geldstroom in "
                "02-samenwerking.yaml `verlenging:` met `tot:` en `bron:`.",
                related=(gp.ref,),
            )


def _jaar_past(jaar: Begrotingsjaar, t: Termijn) -> bool:
    """Whether a calendar or school year overlaps the period; a reversed period is left to SP601."""
    if t.loopt_terug:
        return True
    after = t.einde is not None and jaar.eerste > t.einde
    before = t.begin is not None and jaar.laatste < t.begin
    return not (after or before)  # an unknown start or end is not compared


@rule(
    "SP604",
    "mijlpaal-buiten-planning",
    Severity.WARNING,
    "Een mijlpaal valt buiten de start en het eind van de planning.",
    theme="tijd",
    bad="""
planning:
  - interventie: huiswerkklas
    start: 2024-01-08
    eind: 2025-07-11
    mijlpalen:
      - {datum: 2025-10-01, omschrijving: Evaluatie met ouders}
""",
    good="""
planning:
  - interventie: huiswerkklas
    start: 2024-01-08
    eind: 2025-07-11
    mijlpalen:
      - {datum: 2025-06-01, omschrijving: Evaluatie met ouders}
""",
)
def mijlpaal_buiten_planning(ctx: RuleContext) -> Iterator[Finding]:
    """Een mijlpaal is een moment in de uitvoering van een interventie: de training is
    gegeven, de eerste groep is gestart. Hij valt dus tussen de `start` en het `eind` van de
    planning van die interventie. Valt hij erbuiten, dan klopt de datum van de mijlpaal niet,
    of de planning zelf.

    Oplossing: verbeter de datum van de mijlpaal, of pas `start` of `eind` van de planning
    aan. Een evaluatie na afloop hoort niet bij de mijlpalen maar bij de momenten in
    06-meten-en-bijsturen.yaml.
    """
    for t, p in zip(_planningen(ctx.plan), ctx.plan.uitvoering.planning, strict=True):
        if t.loopt_terug:
            continue
        for j, m in enumerate(p.mijlpalen):
            if (waar := t.buiten(m.datum, "de planning")) is not None:
                yield Finding(
                    "uitvoering",
                    (*t.path, "mijlpalen", j, "datum"),
                    f"Een mijlpaal van interventie '{p.interventie}' ligt op {datum(m.datum)}, {waar}.",
                    "Verbeter de datum van de mijlpaal, of pas start of eind van de planning aan. "
                    "Een evaluatie na afloop zet je bij de momenten in 06-meten-en-bijsturen.yaml.",
                )


def _interventieperioden(plan: Plan) -> dict[str, Termijn]:
    """interventie id → its own periode (first definition wins), when it has one."""
    found: dict[str, Termijn] = {}
    for i, iv in enumerate(plan.aanpak.interventies):
        t = _interventieperiode(i, iv)
        if t is not None and iv.id not in found:
            found[iv.id] = t
    return found


@rule(
    "SP605",
    "planning-buiten-interventie",
    Severity.WARNING,
    "De planning van een interventie valt buiten de periode van die interventie.",
    theme="tijd",
    bad="""
# 05-aanpak.yaml: huiswerkklas heeft periode van 2024-01-08 tot 2025-07-11
planning:
  - {interventie: huiswerkklas, start: 2023-09-01, eind: 2025-07-11}
""",
    good="""
# 05-aanpak.yaml: huiswerkklas heeft periode van 2024-01-08 tot 2025-07-11
planning:
  - {interventie: huiswerkklas, start: 2024-01-08, eind: 2025-07-11}
""",
)
def planning_buiten_interventie(ctx: RuleContext) -> Iterator[Finding]:
    """Stap 5 zegt in welke periode een interventie loopt; de planning in stap 7 werkt dat
    uit. De `start` en het `eind` van de planning vallen daarom binnen de `periode` van de
    interventie in 05-aanpak.yaml. Wijken ze af, dan weet niemand welke datum geldt, en
    kloppen de begroting en de verantwoording misschien ook niet.

    Valt dezelfde datum ook buiten de periode van het plan, dan meldt regel SP602 dat, en
    deze regel niet.

    Heeft de interventie een `doorloop`, dan mag de planning na de periode doorlopen (tot
    `doorloop.tot`).

    Oplossing: maak de planning en de periode van de interventie gelijk, of laat de planning
    binnen die periode vallen.
    """
    perioden = _interventieperioden(ctx.plan)
    doorlopen = doorloop_tot(ctx.plan)
    for t, p in zip(_planningen(ctx.plan), ctx.plan.uitvoering.planning, strict=True):
        iv = perioden.get(p.interventie)
        if iv is None or iv.loopt_terug:
            continue
        for key, d in ((t.van_key, t.van), (t.tot_key, t.tot)):
            if _loopt_door(d, iv, doorlopen.get(p.interventie)):
                continue
            if (waar := iv.buiten(d, "de interventie")) is not None:
                yield Finding(
                    "uitvoering",
                    (*t.path, key),
                    f"De planning van interventie '{p.interventie}' {_werkwoord(key)} {datum(d)}, {waar}.",
                    "Maak start en eind van de planning gelijk aan de periode van de interventie "
                    "in 05-aanpak.yaml, of laat ze binnen die periode vallen.",
                    related=(Ref(iv.doc, iv.path, f"de periode van interventie '{p.interventie}'"),),
                )


@rule(
    "SP606",
    "interventie-zonder-planning",
    Severity.WARNING,
    "Bij een interventie staat niet wanneer ze loopt.",
    theme="tijd",
    error_from=Fase.BESLUIT,
    bad="""
# 05-aanpak.yaml: interventie huiswerkklas zonder periode
# 07-uitvoering.yaml:
planning: []
""",
    good="""
# 07-uitvoering.yaml:
planning:
  - {interventie: huiswerkklas, start: 2024-01-08, eind: 2025-07-11}
""",
)
def interventie_zonder_planning(ctx: RuleContext) -> Iterator[Finding]:
    """Wanneer begint een interventie en wanneer stopt ze? Zonder periode of planning kan
    niemand zeggen of ze binnen het plan en binnen de termijn van het geld valt, en kan de
    werkgroep de voortgang niet volgen. Een interventie heeft daarom een `periode` in
    05-aanpak.yaml of een planning in 07-uitvoering.yaml. In een concept is dit een
    waarschuwing; vanaf de fase besluit een fout.

    Oplossing: zet bij de interventie `periode:` met `van:` en `tot:`, of zet in
    07-uitvoering.yaml onder `planning` een regel met `interventie:`, `start:` en `eind:`.
    """
    gepland = {p.interventie for p in ctx.plan.uitvoering.planning}
    for i, iv in enumerate(ctx.plan.aanpak.interventies):
        if iv.periode is None and iv.id not in gepland:
            yield Finding(
                "aanpak",
                ("interventies", i, "id"),
                f"Bij interventie '{iv.id}' staat niet wanneer ze loopt: geen periode en geen planning.",
                "Zet `periode:` met `van:` en `tot:` bij de interventie, of een planning met "
                f"'interventie: {iv.id}' in 07-uitvoering.yaml.",
            )


@rule(
    "SP607",
    "plan-afgelopen-zonder-evaluatie",
    Severity.ERROR,
    "De periode van het plan is voorbij, het plan staat nog op uitvoering en er is geen evaluatie.",
    theme="tijd",
    applies_from=Fase.UITVOERING,
    weight=Weight.PLAN,
    bad="""
# samenplan.yaml: periode tot 2023-07-31, fase: uitvoering
momenten:
  - {datum: 2022-10-01, soort: bijstuurmoment}
""",
    good="""
# samenplan.yaml: periode tot 2023-07-31, fase: uitvoering
momenten:
  - {datum: 2023-10-15, soort: evaluatie, wat: Evaluatie van het hele plan.}
""",
)
def plan_afgelopen_zonder_evaluatie(ctx: RuleContext) -> Iterator[Finding]:
    """Een plan heeft een looptijd. Is die voorbij, en staat het plan nog op fase
    uitvoering, dan is niet duidelijk wat er is bereikt en wat er doorgaat. Zonder
    evaluatiemoment in stap 6 kijkt niemand terug. De landelijke evaluaties noemen dit: geen
    evaluatie en geen borging na het einde van het geld. Deze regel doet mee in de fase
    uitvoering en kijkt naar de datum van vandaag.

    Oplossing: zet in 06-meten-en-bijsturen.yaml onder `momenten` een moment met `soort:
    evaluatie`. Is de evaluatie al begonnen, zet dan `fase: evaluatie` in samenplan.yaml.
    Loopt het plan langer, pas dan de periode aan.
    """
    plan_t = _planperiode(ctx.plan)
    if ctx.fase is not Fase.UITVOERING or plan_t is None or plan_t.loopt_terug:
        return
    if plan_t.einde is None or plan_t.einde >= ctx.today:
        return
    if any(m.soort is MomentSoort.EVALUATIE for m in ctx.plan.meten_en_bijsturen.momenten):
        return
    yield Finding(
        "manifest",
        ("periode", "tot"),
        f"Het plan liep tot en met {datum(plan_t.tot)} en staat nog op fase uitvoering, maar stap 6 "
        "heeft geen evaluatiemoment.",
        "Zet in 06-meten-en-bijsturen.yaml onder `momenten` een moment met `soort: evaluatie`, "
        "of zet `fase: evaluatie` in samenplan.yaml als de evaluatie al loopt.",
        related=(Ref("meten_en_bijsturen", ("momenten",), "hier horen de momenten"),),
    )


@rule(
    "SP608",
    "planperiode-onbekend",
    Severity.WARNING,
    "De periode van het plan ontbreekt of is nog (deels) onbekend.",
    theme="tijd",
    applies_from=Fase.BESLUIT,
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    weight=Weight.PLAN,
    bad="""
# samenplan.yaml, fase: besluit
periode: {van: 2023-08-01, tot: onbekend}
""",
    good="""
# samenplan.yaml, fase: besluit
periode: {van: 2023-08-01, tot: 2025-07-31}
""",
)
def planperiode_onbekend(ctx: RuleContext) -> Iterator[Finding]:
    """Een concept weet soms nog niet hoe lang het plan loopt. Daarom mag de `periode` in
    samenplan.yaml in de fase concept ontbreken, of `onbekend` zijn (`tot: onbekend`). Wie
    over het plan besluit, moet wel weten tot wanneer het loopt: vanaf de fase besluit meldt
    deze regel een ontbrekende of onbekende periode. In de fase besluit is dat een fout,
    daarna een waarschuwing.

    Zolang de periode onbekend is, vergelijkt check er niets mee: geen interventie valt
    "buiten het plan", en het document schrijft "onbekend".

    Oplossing: zet in samenplan.yaml `periode:` met `van:` en `tot:`. Een maand (2025-07),
    een jaar (2025) of een schooljaar (2024-2025) mag ook.
    """
    p = ctx.plan.manifest.periode
    if p is None:
        yield Finding(
            "manifest",
            (),
            "Het plan heeft nog geen periode: niet te zien is van wanneer tot wanneer het loopt.",
            "Zet in samenplan.yaml `periode:` met `van:` en `tot:`, bijvoorbeeld "
            "`periode: {van: 2023-08-01, tot: 2025-07-31}`.",
        )
        return
    for key, d in (("van", p.van), ("tot", p.tot)):
        if not d.bekend:
            wat = "het begin" if key == "van" else "het einde"
            yield Finding(
                "manifest",
                ("periode", key),
                f"{_hoofdletter(wat)} van de periode van het plan is nog onbekend.",
                f"Vul bij `{key}:` een datum in: een dag, maand, jaar of schooljaar.",
            )


def _onbekende_datums(value: object, path: KeyPath) -> Iterator[KeyPath]:
    """Key paths of every date in ``value`` (a model, list or value) that is onbekend."""
    found: list[KeyPath] = []
    _verzamel_onbekend(value, path, found)
    return iter(found)


def _verzamel_onbekend(value: object, path: KeyPath, found: list[KeyPath]) -> None:
    """Add the paths of the onbekende dates in ``value`` to ``found``, in file order."""
    if isinstance(value, Datum):
        if not value.bekend:
            found.append(path)
    elif isinstance(value, BaseModel):
        for name in _datumvelden(type(value)):
            _verzamel_onbekend(getattr(value, name), (*path, name), found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _verzamel_onbekend(item, (*path, i), found)


@functools.cache
def _datumvelden(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that can hold a date, in a list or a model too (in field order).

    A field of text, numbers, booleans or choices (``list[str]``, ``Leefdomein``) holds none,
    so the rule need not look at it.
    """
    return tuple(name for name, info in model.model_fields.items() if _kan_datum(info.annotation, set()))


def _kan_datum(annotation: object, seen: set[type]) -> bool:
    """Whether a value of this type can be or hold a Datum; True when not sure."""
    if annotation is Datum:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False  # asked already, further up
        seen.add(annotation)
        return any(_kan_datum(info.annotation, seen) for info in annotation.model_fields.values())
    if isinstance(annotation, type) and issubclass(annotation, _ZONDER_DATUM):
        return False
    if get_origin(annotation) is dict:
        return False  # the rule does not look inside dicts
    arguments = get_args(annotation)
    if get_origin(annotation) is Annotated:
        return _kan_datum(arguments[0], seen)
    if arguments and get_origin(annotation) in (list, Union, UnionType):
        return any(_kan_datum(a, seen) for a in arguments)
    return annotation is not type(None)


#: Types whose values are never a date and hold none.
_ZONDER_DATUM = (str, int, float, bool, date, Decimal, Enum)


def _mag_onbekend(slug: str, path: KeyPath) -> bool:
    """The plan's own periode (SP608) and a doorloop's end may be onbekend here."""
    return (slug == "manifest" and path[:1] == ("periode",)) or path[-2:] == ("doorloop", "tot")


@rule(
    "SP609",
    "datum-onbekend",
    Severity.WARNING,
    "Een datum is nog onbekend.",
    theme="tijd",
    error_from=Fase.BESLUIT,
    error_until=Fase.BESLUIT,
    bad="""
planning:
  - {interventie: huiswerkklas, start: 2024-01, eind: onbekend}
""",
    good="""
planning:
  - {interventie: huiswerkklas, start: 2024-01, eind: 2025-07}
""",
)
def datum_onbekend(ctx: RuleContext) -> Iterator[Finding]:
    """Een datum mag `onbekend` zijn: dat is eerlijker dan een verzonnen dag. Maar een
    onbekende datum is nog niet af. check vergelijkt hem met niets (hij valt nooit "buiten
    het plan") en het document schrijft "onbekend". Deze regel houdt bij welke datums nog
    ingevuld moeten worden. In een concept is dat een waarschuwing, in de fase besluit een
    fout, en daarna weer een waarschuwing.

    Weet je alleen de maand, het jaar of het schooljaar? Schrijf dan dat: 2024-10, 2024 of
    2024-2025. Dat is geen melding. De periode van het plan heeft een eigen regel (SP608), en
    bij `doorloop` mag `tot` onbekend zijn.

    Oplossing: vul de datum in, zo precies als jullie hem weten.
    """
    for doc in DOCUMENTS:
        for path in _onbekende_datums(getattr(ctx.plan, doc.slug), ()):
            if _mag_onbekend(doc.slug, path):
                continue
            field = str(path[-1])
            where = describe_path(path, ctx.raw.get(doc.slug))
            plek = f" bij {where}" if where else ""
            yield Finding(
                doc.slug,
                path,
                f"De datum '{field}'{plek} is nog onbekend.",
                "Vul de datum in: een dag (2024-03-15), maand (2024-03), jaar (2024) of "
                "schooljaar (2024-2025).",
            )


@rule(
    "SP610",
    "wijziging-voor-vaststelling",
    Severity.WARNING,
    "Een wijziging van het plan is van vóór de datum waarop het plan is vastgesteld.",
    theme="tijd",
    bad="""
# samenplan.yaml
vastgesteld_op: 2022-07-05
wijzigingen:
  - {datum: 2022-03-01, wat: De zomerschool is een week langer.}
""",
    good="""
# samenplan.yaml
vastgesteld_op: 2022-07-05
wijzigingen:
  - {datum: 2023-03-01, wat: De zomerschool is een week langer.}
""",
)
def wijziging_voor_vaststelling(ctx: RuleContext) -> Iterator[Finding]:
    """Onder `wijzigingen` in samenplan.yaml staat wat er veranderde nadat het plan was
    vastgesteld (`vastgesteld_op`). Een wijziging met een datum van vóór die dag kan dus niet
    kloppen: of de datum is verkeerd getypt, of het hoort bij het plan zoals het is
    vastgesteld. Wie het document leest, ziet anders een wijziging van een plan dat er nog
    niet was.

    Een maand, jaar of schooljaar telt als vóór de vaststelling als die helemaal ervoor ligt.
    Een onbekende datum vergelijkt check niet.

    Oplossing: verbeter de datum van de wijziging. Hoorde het al bij het vastgestelde plan?
    Haal de wijziging dan weg.
    """
    manifest = ctx.plan.manifest
    vastgesteld = manifest.vastgesteld_op
    if vastgesteld is None or vastgesteld.eerste is None:
        return
    for index, wijziging in enumerate(manifest.wijzigingen):
        laatste = wijziging.datum.laatste
        if laatste is None or laatste >= vastgesteld.eerste:
            continue
        yield Finding(
            "manifest",
            ("wijzigingen", index, "datum"),
            f"De wijziging {op_datum(wijziging.datum)} is van vóór de vaststelling van het plan "
            f"({op_datum(vastgesteld)}): een wijziging komt na het vaststellen.",
            "Verbeter de datum van de wijziging. Hoorde het al bij het vastgestelde plan? Haal de "
            "wijziging dan weg.",
            related=(Ref("manifest", ("vastgesteld_op",), "de datum van vaststelling"),),
        )
