"""Run the rules over a loaded plan: place findings, apply fase, cascades, settings and waivers."""

from dataclasses import dataclass
from datetime import date

from samenplan import codes
from samenplan.check.codebook import lookup
from samenplan.check.registry import Finding, Rule
from samenplan.check.rulecontext import RuleContext
from samenplan.check.rules import all_rules
from samenplan.check.waivers import apply_waivers
from samenplan.diagnostics import Diagnostic, KeyPath, Location, Related, Severity, Weight
from samenplan.load.planfolder import LoadedPlan
from samenplan.plan.steps import BY_SLUG, MANIFEST
from samenplan.suggest import did_you_mean


def run_rules(loaded: LoadedPlan, today: date | None = None) -> tuple[list[Diagnostic], list[str]]:
    """Diagnostics of every active rule, and the codes of the rules that ran.

    Both are empty when the plan did not load. ``today`` fixes the clock of the rules that
    compare with today (SP313, SP607); default: rulecontext.today().
    """
    plan = loaded.plan
    if plan is None:
        return [], []
    rules = all_rules()
    settings, disabled, overrides = _settings(loaded, rules)
    raw = {slug: _raw(loaded, slug) for slug in BY_SLUG}
    ctx = RuleContext(plan, raw, today) if today is not None else RuleContext(plan, raw)
    found: list[Diagnostic] = []
    ran: list[str] = []
    for rule in rules:
        code = rule.code.code
        if code in disabled or plan.manifest.fase.rank < rule.applies_from.rank:
            continue
        ran.append(code)
        severity = overrides.get(code) or rule.severity_for(plan.manifest.fase)
        found.extend(_place(loaded, rule, finding, severity) for finding in rule.check(ctx))
    return apply_waivers(loaded, cascade(found)) + settings, ran


@dataclass(frozen=True)
class Cascade:
    """One weakness, two rules: where ``first`` fires, ``then`` is left out.

    ``depth`` is how much of the key path (document slug included) both findings share: 3 is
    the same item (("resultaten", "resultaten", 2)), 0 anywhere in the plan.
    """

    first: str
    then: str
    depth: int
    why: str


#: Every cascade between rules, also listed in the docs of the rules involved.
CASCADES: tuple[Cascade, ...] = (
    Cascade("SP402", "SP406", 3, "een resultaat zonder indicator is al niet meetbaar"),
    Cascade("SP313", "SP305", 3, "na de bestedingstermijn is niet-toegewezen geld een terugbetaalrisico"),
    Cascade("SP307", "SP311", 3, "een geldstroom die niemand gebruikt, gebruikt ook zijn doelen niet"),
    Cascade("SP302", "SP311", 5, "een bestedingsdoel van een andere regeling wordt al gemeld"),
    Cascade("SP309", "SP311", 5, "een doel buiten de bekende lijst van de regeling wordt al gemeld"),
    Cascade("SP315", "SP304", 3, "posten die samen meer zijn dan de geldstroom worden al gemeld"),
    Cascade("SP804", "SP311", 3, "een geldstroom zonder bedrag heeft ook geen geld voor zijn doelen"),
    Cascade("SP316", "SP311", 3, "een geldstroom met een onbekend bedrag heeft nog geen geld voor doelen"),
    Cascade("SP602", "SP605", 3, "een planning buiten het plan wordt één keer gemeld"),
    Cascade("SP601", "SP602", 3, "bij een omgedraaide periode is 'buiten het plan' niet te zeggen"),
)


def cascade(found: list[Diagnostic]) -> list[Diagnostic]:
    """The findings without those that a cascade leaves out."""
    places: dict[str, set[KeyPath]] = {}
    for d in found:
        places.setdefault(d.code, set()).add(d.key_path)

    def covered(d: Diagnostic) -> bool:
        for c in CASCADES:
            if c.then == d.code and any(
                p[: c.depth] == d.key_path[: c.depth] for p in places.get(c.first, ())
            ):
                return True
        return False

    return [d for d in found if not covered(d)]


def _raw(loaded: LoadedPlan, slug: str) -> object:
    source = loaded.sources.get(BY_SLUG[slug].file)
    return source.data if source is not None else None


def _place(loaded: LoadedPlan, rule: Rule, finding: Finding, severity: Severity) -> Diagnostic:
    related = tuple(
        Related(_locate(loaded, ref.doc, ref.path, at_key=False), ref.message) for ref in finding.related
    )
    return Diagnostic(
        rule.code.code,
        severity,
        finding.message,
        _locate(loaded, finding.doc, finding.path, at_key=finding.at_key),
        finding.hint,
        key_path=(finding.doc, *finding.path),
        related=related,
        weight=Weight(finding.weight or rule.weight),
    )


def _locate(loaded: LoadedPlan, doc: str, path: tuple[str | int, ...], *, at_key: bool) -> Location:
    file = BY_SLUG[doc].file
    source = loaded.sources.get(file)
    return source.positions.locate(path, at_key=at_key) if source else Location(file)


def _settings(
    loaded: LoadedPlan, rules: list[Rule]
) -> tuple[list[Diagnostic], set[str], dict[str, Severity]]:
    """Resolve 'controle' in samenplan.yaml; unknown rule names are reported."""
    assert loaded.plan is not None
    controle = loaded.plan.manifest.controle
    problems: list[Diagnostic] = []
    known = [r.code.code for r in rules] + [r.code.slug for r in rules]

    def resolve(name: str, path: tuple[str | int, ...]) -> str | None:
        entry = lookup(name)
        if entry is not None and entry.code in {r.code.code for r in rules}:
            return entry.code
        source = loaded.sources[MANIFEST.file]
        problems.append(
            Diagnostic(
                codes.UNKNOWN_RULE.code,
                codes.UNKNOWN_RULE.severity,
                f"'{name}' is geen regel van samenplan check.",
                source.positions.locate(path, at_key=True),
                did_you_mean(name, known) or "Zie 'samenplan rules' voor alle regels.",
                key_path=("manifest", *path),
            )
        )
        return None

    disabled = {
        c for i, name in enumerate(controle.regels_uit) if (c := resolve(name, ("controle", "regels_uit", i)))
    }
    overrides = {
        c: severity
        for name, ernst in controle.ernst.items()
        if (c := resolve(name, ("controle", "ernst", name))) and (severity := Severity.from_word(ernst))
    }
    return problems, disabled, overrides
