"""Documentation of every code, from the registry: terminal table, explain text, Markdown."""

import inspect
from dataclasses import dataclass
from functools import cached_property

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from samenplan import codes
from samenplan.check.codebook import all_codes, lookup
from samenplan.check.registry import Rule
from samenplan.check.rules import all_rules
from samenplan.diagnostics import Severity
from samenplan.plan.steps import DOCUMENTS
from samenplan.plan.vocab import Fase
from samenplan.suggest import did_you_mean

#: The command that writes docs/regels.md; tests tell contributors to run it.
REGENERATE = "samenplan rules --markdown > docs/regels.md"

#: Section titles per rule theme; an unknown theme gets its own name as title.
THEME_TITLES = {
    "samenhang": "Samenhang over leefdomeinen en ontwikkelgebieden",
    "verwijzingen": "Verwijzingen en ids",
    "geld": "Geld en bestedingsdoelen",
    "rodedraad": "De rode draad van analyse via resultaten naar aanpak",
    "samen": "Samen: partners, trekkers en meedoen",
    "tijd": "Tijd en periodes",
    "meten": "Meten en bijsturen",
    "volledigheid": "Volledigheid",
}
LOADER_TITLE = "Inlezen van de bestanden"
OTHER_TITLE = "Negeren en instellingen"


class UnknownCode(Exception):
    """The code or slug asked for does not exist."""


@dataclass(frozen=True)
class Entry:
    """One code as the documentation shows it; ``rule`` is None for codes outside the rules."""

    code: codes.Code
    rule: Rule | None

    @property
    def group(self) -> str:
        """Title of the section the code belongs to."""
        if self.rule is not None:
            return THEME_TITLES.get(self.rule.theme, self.rule.theme.replace("_", " ").capitalize())
        return LOADER_TITLE if self.code.code.startswith("SP0") else OTHER_TITLE

    @property
    def severity(self) -> Severity:
        """Default severity in the first fase the code is checked in."""
        return self.rule.severity_for(self.rule.applies_from) if self.rule else self.code.severity

    @property
    def checked_from(self) -> Fase | None:
        """The fase from which the rule is checked, when that is later than concept."""
        if self.rule is None or self.rule.applies_from is Fase.CONCEPT:
            return None
        return self.rule.applies_from

    @property
    def error_from(self) -> Fase | None:
        """The fase from which a finding becomes an error, when it starts out milder."""
        if self.rule is None or self.severity is Severity.ERROR:
            return None
        return self.rule.error_from

    @property
    def fase(self) -> str:
        """Short fase behaviour: 'alleen vanaf uitvoering', 'fout vanaf besluit', or ''."""
        parts = []
        if self.checked_from is not None:
            parts.append(f"alleen vanaf {self.checked_from.value}")
        if self.error_from is not None:
            parts.append(self.error_span)
        elif self.milder_after is not None:
            parts.append(f"{self.code.severity.label} na {self.milder_after.value}")
        return ", ".join(parts)

    @property
    def milder_after(self) -> Fase | None:
        """The fase after which a rule that starts as an error is milder again, if any."""
        if self.rule is None or self.severity is not Severity.ERROR:
            return None
        return self.rule.error_until

    @property
    def error_span(self) -> str:
        """'fout vanaf besluit', or 'fout in besluit' when the rule is milder again later."""
        assert self.error_from is not None
        until = self.rule.error_until if self.rule else None
        if until is None:
            return f"fout vanaf {self.error_from.value}"
        if until is self.error_from:
            return f"fout in {self.error_from.value}"
        return f"fout van {self.error_from.value} tot en met {until.value}"

    @property
    def doc(self) -> str:
        """The user documentation, dedented, paragraphs kept."""
        return inspect.cleandoc(self.code.doc)

    @cached_property
    def example_file(self) -> str | None:
        """The plan file the good and bad examples come from, when only one fits."""
        keys = _top_keys(self.rule.bad) | _top_keys(self.rule.good) if self.rule else set()
        files = [d.file for d in DOCUMENTS if keys and keys <= set(d.model.model_fields)]
        return files[0] if len(files) == 1 else None


def _top_keys(example: str) -> set[str]:
    try:
        data = YAML(typ="safe", pure=True).load(example)
    except YAMLError:
        return set()
    return {str(k) for k in data} if isinstance(data, dict) else set()


def entries() -> list[Entry]:
    """Every registered code (loader codes, rules, SP9xx), sorted by code."""
    rules = {r.code.code: r for r in all_rules()}
    return [Entry(c, rules.get(c.code)) for c in all_codes().values()]


def grouped() -> dict[str, list[Entry]]:
    """Entries per section title, sections in the order of their first code."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries():
        groups.setdefault(entry.group, []).append(entry)
    return groups


def find(code_or_slug: str) -> Entry:
    """The entry for a code (SP101) or slug, in any case; UnknownCode with a suggestion."""
    known = {e.code.code: e for e in entries()}
    found = lookup(code_or_slug)
    if found is not None and found.code in known:
        return known[found.code]
    options = [*known, *(e.code.slug for e in known.values()), *_catalog_ids()]
    raise UnknownCode(
        " ".join(
            filter(
                None,
                (
                    f"'{code_or_slug}' is geen code of naam van samenplan check, en geen regeling.",
                    did_you_mean(code_or_slug.strip(), options),
                    "Alle codes: samenplan rules. Alle regelingen: samenplan regelingen.",
                ),
            )
        )
    )


def _catalog_ids() -> list[str]:
    from samenplan.plan.catalog import load_catalog

    return list(load_catalog())


def _regeling_text(ident: str) -> str | None:
    """`explain` for a regeling id: the regeling in full, as `samenplan regelingen ID` shows it."""
    from datetime import date

    from samenplan.plan.catalog import load_catalog, peildatum
    from samenplan.plan.catalogtext import beschrijving

    regeling = load_catalog().get(ident.strip())
    if regeling is None:
        return None
    try:
        dag = peildatum(None, date.today())
    except ValueError:
        dag = date.today()
    return (
        beschrijving(regeling, dag)
        + f"\nDit is een regeling, geen code. Ook: samenplan regelingen {regeling.id}\n"
    )


# --- terminal ---------------------------------------------------------------------------------


def rules_table() -> str:
    """One line per code: code, slug, default severity, summary; grouped by section."""
    groups = grouped()
    width = max(len(e.code.slug) for group in groups.values() for e in group)
    lines: list[str] = []
    for title, group in groups.items():
        lines += ["", title] if lines else [title]
        lines += [_table_line(e, width) for e in group]
    lines += ["", "Uitleg bij een code: samenplan explain SP101"]
    return "\n".join(lines) + "\n"


def _table_line(entry: Entry, width: int) -> str:
    fase = f" ({entry.fase})" if entry.fase else ""
    return (
        f"  {entry.code.code}  {entry.code.slug:<{width}}  {entry.severity.label:<12}  "
        f"{entry.code.summary}{fase}"
    )


def explain_text(code: str) -> str:
    """The documentation of one code, with good and bad examples; or a regeling of the catalog."""
    try:
        entry = find(code)
    except UnknownCode:
        if (text := _regeling_text(code)) is not None:
            return text
        raise
    parts = [
        f"{entry.code.code} {entry.code.slug}: {entry.code.summary}",
        _severity_sentence(entry),
        entry.doc,
    ]
    parts += _explain_examples(entry)
    parts.append(_switch_off_text(entry))
    return "\n\n".join(parts) + "\n"


def _severity_sentence(entry: Entry) -> str:
    text = f"Ernst: {entry.severity.label}."
    if entry.checked_from is not None:
        text += f" Deze regel wordt pas gecontroleerd vanaf de fase {entry.checked_from.value}."
    if entry.error_from is not None and entry.rule is not None and entry.rule.error_until is not None:
        until = entry.rule.error_until
        span = (
            f"In de fase {until.value}"
            if until is entry.error_from
            else f"Van de fase {entry.error_from.value} tot en met {until.value}"
        )
        text += f" {span} is het een fout; daarna weer een {entry.severity.label}."
    elif entry.error_from is not None:
        text += f" Vanaf de fase {entry.error_from.value} is het een fout."
    elif entry.milder_after is not None:
        text += f" Na de fase {entry.milder_after.value} is het een {entry.code.severity.label}."
    if entry.rule is not None and not entry.fase:
        text += " Deze regel geldt in elke fase."
    return text


def _explain_examples(entry: Entry) -> list[str]:
    if entry.rule is None:
        return []
    where = f" ({entry.example_file})" if entry.example_file else ""
    parts = []
    for title, example in (("Fout voorbeeld", entry.rule.bad), ("Goed voorbeeld", entry.rule.good)):
        if example:
            parts += [f"{title}{where}:", _indent(example, 4)]
    return parts


def _indent(text: str, spaces: int) -> str:
    return "\n".join(" " * spaces + line if line else line for line in text.splitlines())


def _switch_off_text(entry: Entry) -> str:
    if entry.rule is None:
        return "Deze melding kun je niet uitzetten: los het probleem op."
    code = entry.code.code
    return "\n".join(
        [
            "Uitzetten voor het hele plan, in samenplan.yaml:",
            "",
            "    controle:",
            f"      regels_uit: [{code}]",
            "",
            "Of één melding negeren: zet aan het eind van de regel waar de melding staat",
            "",
            f"    # samenplan: negeer {code} reden: <waarom het hier toch klopt>",
            "",
            f"Andere ernst: `controle: ernst: {{{code}: waarschuwing}}` (fout, waarschuwing of info).",
        ]
    )


# --- Markdown ---------------------------------------------------------------------------------

INTRO = f"""\
# Regels van samenplan check

<!-- Gemaakt met `{REGENERATE}`. Pas dit bestand niet met de hand aan. -->

`samenplan check` leest alle bestanden van een plan en controleert of het plan compleet is en
samenhangt. Elke melding heeft een vaste code (zoals `SP101`) en een naam (zoals
`interventie-een-leefdomein`). Op deze pagina staat per code wat samenplan controleert, waarom
dat belangrijk is en hoe je het oplost. Op de opdrachtregel zie je hetzelfde met
`samenplan rules` (de lijst) en `samenplan explain SP101` (de uitleg bij één code).

## Ernst en fase

Elke melding is een **fout**, een **waarschuwing** of **info**. Een fout moet opgelost zijn
voordat het plan klaar is. Een waarschuwing vraagt aandacht, maar het plan mag nog niet af
zijn. Info is een tip.

In `samenplan.yaml` staat de fase van het plan: `concept`, `besluit`, `uitvoering` of
`evaluatie`. Hoe verder het plan is, hoe strenger samenplan controleert:

- *fout vanaf besluit*: in een concept is dit een waarschuwing, vanaf de fase besluit een fout.
  Een plan dat naar het college of het schoolbestuur gaat, moet af zijn.
- *alleen vanaf uitvoering*: deze regel controleert samenplan pas vanaf die fase, bijvoorbeeld
  omdat er in een concept nog niets uitgevoerd wordt.

Meldingen over het inlezen van de bestanden (`SP0..`) hangen niet af van de fase. Zolang die er
zijn, controleert samenplan de samenhang nog niet.

## Een regel uitzetten of de ernst veranderen

Past een regel niet bij jullie plan, zet hem dan uit onder `controle:` in `samenplan.yaml`. Je
kunt de code of de naam gebruiken. Met `ernst` geef je een regel een andere ernst: `fout`,
`waarschuwing` of `info`.

```yaml
controle:
  regels_uit: [SP103]
  ernst:
    SP407: waarschuwing
```

## Eén melding negeren

Klopt het plan op één plek toch, zet dan aan het eind van de regel waar de melding staat een
opmerking met de code en de reden. De reden is verplicht: wie het plan later leest, moet
kunnen zien waarom de werkgroep hiervan afwijkt.

```yaml
    leefdomeinen: [school]  # samenplan: negeer SP101 reden: ouders doen mee via interventie ouderavond
```

Meldingen over het inlezen en over negeren zelf (`SP0..` en `SP9..`) kun je niet uitzetten.
"""


def rules_markdown() -> str:
    """docs/regels.md: all codes, grouped by theme."""
    groups = grouped()
    parts = [INTRO, _markdown_table(groups)]
    for title, group in groups.items():
        parts.append(f"## {title}\n")
        parts += [_markdown_section(e) for e in group]
    return "\n".join(parts)


def _markdown_table(groups: dict[str, list[Entry]]) -> str:
    rows = ["## Alle codes\n", "| code | naam | ernst | fase | wat |", "|---|---|---|---|---|"]
    rows += [
        f"| [{e.code.code}](#{e.code.code.lower()}) | `{e.code.slug}` | {e.severity.label} "
        f"| {e.fase} | {_cell(e.code.summary)} |"
        for group in groups.values()
        for e in group
    ]
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown_section(entry: Entry) -> str:
    code = entry.code.code
    lines = [
        f'<a id="{code.lower()}"></a>',
        "",
        f"### {code} {entry.code.slug}",
        "",
        f"**{entry.code.summary}**",
        "",
        _severity_sentence(entry),
        "",
        entry.doc,
        "",
    ]
    lines += _markdown_examples(entry)
    if entry.rule is not None:
        lines += [
            f"Uitzetten: `regels_uit: [{code}]` onder `controle:` in samenplan.yaml, of op "
            f"één regel `# samenplan: negeer {code} reden: ...`.",
            "",
        ]
    return "\n".join(lines)


def _markdown_examples(entry: Entry) -> list[str]:
    if entry.rule is None:
        return []
    where = f" ({entry.example_file})" if entry.example_file else ""
    lines = []
    for title, example in (("Fout voorbeeld", entry.rule.bad), ("Goed voorbeeld", entry.rule.good)):
        if example:
            lines += [f"{title}{where}:", "", "```yaml", example, "```", ""]
    return lines
