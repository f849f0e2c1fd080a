"""The diff as Dutch sentences, grouped by what matters to a reader; text and Markdown.

``sections`` gives the report as data (titles and lines); the text and Markdown forms only
lay those lines out. Plan text reaches Markdown only through md_escape, and the terminal (or a
CI job log, where a line starting with '::' is a GitHub workflow command) only through
safetext.terminal.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from samenplan.diff.kinds import BY_NAME
from samenplan.diff.model import Amount, CoverageChange, EntryChange, FindingChange, Move, PlanDiff, Version
from samenplan.dutch import euro
from samenplan.plan.labels import label
from samenplan.plan.money import Som
from samenplan.safetext import markdown as md_escape
from samenplan.safetext import terminal

NOTHING = "Er is niets veranderd in het plan."

#: Report section key → title, in the order a reader wants them.
SECTIONS: dict[str, str] = {
    "geld": "Geld",
    "interventies": "Interventies",
    "resultaten": "Resultaten en indicatoren",
    "plan": "Het plan",
    "samenwerking": "Samenwerking, partners en besluitvorming",
    "analyse": "Analyse",
    "controle": "Controle",
}

_MEASURES = {
    "beschikbaar": "beschikbaar",
    "toegewezen": "toegewezen",
    "niet_toegewezen": "niet toegewezen",
    "in_post": "in de post",
    "opgenomen": "opgenomen door interventies",
    "bedrag": "bedrag",
}


@dataclass(frozen=True)
class Line:
    """One statement, with details that belong to it (shown indented)."""

    text: str
    details: tuple[str, ...] = ()

    def flat(self) -> tuple[str, ...]:
        """The line, or one line per detail with the subject in front."""
        return (self.text,) if not self.details else tuple(f"{self.text}, {d}" for d in self.details)


@dataclass(frozen=True)
class Section:
    """A titled group of lines."""

    key: str
    title: str
    lines: tuple[Line, ...]


def heading(diff: PlanDiff) -> str:
    """'Wat is er veranderd in het plan 'titel''."""
    title = diff.new.title or diff.old.title
    return f"Wat is er veranderd in het plan '{title}'" if title else "Wat is er veranderd in het plan"


def versions(diff: PlanDiff) -> tuple[str, str]:
    """The two lines that say what is compared."""
    return f"Oud: {_version(diff.old)}", f"Nieuw: {_version(diff.new)}"


def _version(v: Version) -> str:
    if v.commit is None and v.label == v.folder:  # a plan folder named on the command line
        return f"map {v.folder}"
    name = f"{v.label} (commit {v.commit})" if v.commit else v.label
    return name if v.folder in ("", ".") else f"{name}, map {v.folder}"


def sections(diff: PlanDiff) -> tuple[Section, ...]:
    """The report as data: the sections that have something to say, in SECTIONS order."""
    lines: dict[str, list[Line]] = {key: [] for key in SECTIONS}
    lines["geld"] += _money(diff)
    for entry in diff.entries:
        lines[BY_NAME[entry.kind].section] += _entry(entry)
    lines["interventies"] += [_coverage(c) for c in diff.coverage]
    lines["controle"] += _unreadable(diff) + [_finding(diff, f) for f in diff.findings]
    return tuple(Section(key, SECTIONS[key], tuple(found)) for key, found in lines.items() if found)


# --- Money ---------------------------------------------------------------------------------


def difference(amount: Decimal | None) -> str:
    """'€ 4.000 meer', '€ 4.000 minder', 'gelijk'; 'verschil onbekend' when not exact."""
    if amount is None:
        return "verschil niet precies bekend"
    if amount > 0:
        return f"{euro(amount)} meer"
    return f"{euro(-amount)} minder" if amount < 0 else "gelijk"


def _euro(amount: Som | None) -> str:
    return amount.tekst if amount is not None else "geen"


def _money(diff: PlanDiff) -> list[Line]:
    plan = [a for a in diff.money if a.kind == "plan"]
    stromen = [a for a in diff.money if a.kind in ("geldstroom", "bestedingsdoel", "post", "verdeelpost")]
    interventies = [a for a in diff.money if a.kind == "interventie"]
    return [
        *(_amount(a) for a in stromen),
        *(_move(m) for m in diff.moves),
        *(_amount(a) for a in interventies),
        *(_amount(a) for a in plan),
    ]


def _subject(a: Amount) -> str:
    measure = _MEASURES[a.measure]
    if a.kind == "plan":
        return f"{measure.capitalize()} in het hele plan"
    if a.kind == "bestedingsdoel":
        return f"Geldstroom '{a.within}', {measure} aan bestedingsdoel '{a.name}'"
    if a.kind == "post":
        return f"Post '{a.name}' (geldstroom '{a.within}'), {measure}"
    if a.kind == "verdeelpost":
        return f"Geldstroom '{a.within}', verdeling '{a.verdeling}', post '{a.name}'"
    if a.kind == "interventie":
        return f"Interventie '{a.name}', {measure}"
    return f"Geldstroom '{a.name}', {measure}"


def _amount(a: Amount) -> Line:
    return Line(f"{_subject(a)}: {_euro(a.before)} → {_euro(a.after)} ({difference(a.difference)})")


def _move(m: Move) -> Line:
    return Line(
        f"Verschoven: {euro(m.bedrag)} van interventie '{m.van_name}' naar interventie "
        f"'{m.naar_name}' (geldstroom '{m.geldstroom_name}')"
    )


# --- Entries, coverage, findings -----------------------------------------------------------


def _entry(e: EntryChange) -> list[Line]:
    if e.status == "weg":
        return [Line(f"Uit het plan: {e.kind} '{e.name}'")]
    if e.status == "nieuw":
        told = "; ".join(f"{f.label}: {f.summary}" for f in e.fields)
        return [Line(f"Nieuw: {e.kind} '{e.name}'" + (f" ({told})" if told else ""))]
    if BY_NAME[e.kind].whole:  # the plan itself: one line per field
        return [Line(f"{_capital(f.label)}: {f.summary}") for f in e.fields]
    return [Line(f"{_capital(e.kind)} '{e.name}'", tuple(f"{f.label}: {f.summary}" for f in e.fields))]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _coverage(c: CoverageChange) -> Line:
    text = f"{_capital(c.vocabulary)} '{label(c.value)}': {c.before} → {c.after} {_interventies(c.after)}"
    if c.after == 0:
        text += f"; geen interventie bereikt dit {c.vocabulary} meer"
    elif c.before == 0:
        text += f"; eerst bereikte geen interventie dit {c.vocabulary}"
    return Line(text)


def _interventies(n: int) -> str:
    return "interventie" if n == 1 else "interventies"


def _unreadable(diff: PlanDiff) -> list[Line]:
    found = []
    for name, v in (("oude", diff.old), ("nieuwe", diff.new)):
        if not v.readable:
            fouten = "1 fout" if v.errors == 1 else f"{v.errors} fouten"
            found.append(
                Line(
                    f"De {name} versie kan niet gelezen worden ({fouten}); daarom zijn alleen de "
                    "meldingen van samenplan check vergeleken"
                )
            )
    return found


def _finding(diff: PlanDiff, f: FindingChange) -> Line:
    folder = (diff.new if f.status == "nieuw" else diff.old).folder
    place = f"{f.file}:{f.line}" if folder in ("", ".") else f"{folder}/{f.file}:{f.line}"
    word = "Nieuw" if f.status == "nieuw" else "Opgelost"
    return Line(f"{word}: {f.code} {f.severity.label} in {place}: {f.message}")


# --- Layout --------------------------------------------------------------------------------


def format_text(diff: PlanDiff) -> str:
    """The report for a terminal."""
    out = [terminal(heading(diff)), *map(terminal, versions(diff)), ""]
    found = sections(diff)
    if not found:
        out.append(NOTHING)
    for section in found:
        out.append(terminal(section.title))
        out += _list(section.lines, terminal)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def format_markdown(diff: PlanDiff) -> str:
    """The report for a merge-request comment or the GitHub step summary."""
    old, new = versions(diff)
    out = [f"## {md_escape(heading(diff))}", "", f"{md_escape(old)}  ", md_escape(new), ""]
    found = sections(diff)
    if not found:
        out += [md_escape(NOTHING), ""]
    for section in found:
        out += [f"### {md_escape(section.title)}", ""]
        out += _list(section.lines, md_escape)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _list(lines: Iterable[Line], escape: Callable[[str], str]) -> list[str]:
    out = []
    for line in lines:
        out.append(f"- {escape(line.text)}" + (":" if line.details else ""))
        out += [f"  - {escape(d)}" for d in line.details]
    return out
