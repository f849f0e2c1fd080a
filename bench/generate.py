"""Generated plans for the benchmarks: one large plan at any size, and one plan per gemeente.

A large plan is an example plan with its interventies and resultaten copied: every list item
that names an interventie, resultaat or indicator is repeated once per copy, with the ids
renamed (``zomerschool`` → ``zomerschool_c7``), so every reference still points at something
that exists. Interventie copy c works on resultaat copy c mod (number of resultaat copies).
Amounts in 02-samenwerking.yaml grow with the interventies, so the budget stays covered.

Run on its own to look at the output:

    python bench/generate.py /tmp/groot 100 30     # 1,000 interventies, 300 resultaten
"""

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TEMPLATE = EXAMPLES / "rivierstad"
GEMEENTEN = 342  # gemeenten in the Netherlands on 1 January 2024

_ITEM = re.compile(r"^  - ")
_TOP_KEY = re.compile(r"^[^\s#]")
_BEDRAG = re.compile(r"^(\s*bedrag: )(\d+)\s*$")
#: Keys whose values name interventies, resultaten or indicatoren.
_REF_KEY = re.compile(r"^\s*(?:- )?(?:interventies?|resultaten|resultaat|indicator(?:en)?):(.*)$")
_LIST_ENTRY = re.compile(r"^\s+- ([^\s:#]+)\s*$")
_ID_LINE = {
    "04-resultaten.yaml": re.compile(r"^\s*- id: (.*)$"),
    "05-aanpak.yaml": re.compile(r"^  - id: (.*)$"),
}
_TOKEN = re.compile(r"[a-z0-9][a-z0-9_-]*")


def ids_of(template: Path) -> tuple[list[str], list[str]]:
    """The interventie ids, and the resultaat and indicator ids, of a plan's text."""
    aanpak = (template / "05-aanpak.yaml").read_text(encoding="utf-8")
    resultaten = (template / "04-resultaten.yaml").read_text(encoding="utf-8")
    interventies = re.findall(r"^  - id: (\S+)", aanpak, re.MULTILINE)
    doelen = re.findall(r"^\s+- id: (\S+)", resultaten, re.MULTILINE)
    return interventies, doelen


def reference_spans(text: str, file: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` (part of ``file``) names an id: in 'id:' lines and reference fields."""
    offset = 0
    in_list = False
    id_line = _ID_LINE.get(file)
    for line in text.splitlines(keepends=True):
        m = (id_line.match(line) if id_line else None) or _REF_KEY.match(line)
        if m is None and in_list:
            m = _LIST_ENTRY.match(line)
        if m is not None:
            for token in _TOKEN.finditer(m.group(1)):
                yield offset + m.start(1) + token.start(), offset + m.start(1) + token.end()
        ref_key = _REF_KEY.match(line)
        in_list = bool(ref_key and not ref_key.group(1).strip()) or (
            in_list and _LIST_ENTRY.match(line) is not None
        )
        offset += len(line)


def _blocks(text: str) -> Iterator[list[str]]:
    """Top-level blocks: a key line with everything under it."""
    block: list[str] = []
    for line in text.splitlines(keepends=True):
        if _TOP_KEY.match(line) and block:
            yield block
            block = []
        block.append(line)
    if block:
        yield block


def _items(block: list[str]) -> tuple[list[str], list[list[str]]]:
    """The block's head (key, comments) and its list items (each with comments before it)."""
    head: list[str] = []
    items: list[list[str]] = []
    pending: list[str] = []
    for line in block:
        if _ITEM.match(line):
            items.append([*pending, line])
            pending = []
        elif items and not line.lstrip().startswith("#") and line.strip():
            items[-1].append(line)
        elif items:
            pending.append(line)
        else:
            head.append(line)
    if items:
        items[-1].extend(pending)
    else:
        head.extend(pending)
    return head, items


class Scaler:
    """Renames ids per copy and repeats the list items that name them."""

    def __init__(self, template: Path, interventie_copies: int, resultaat_copies: int) -> None:
        interventies, doelen = ids_of(template)
        self.interventies, self.doelen = set(interventies), set(doelen)
        self.ci, self.cr = interventie_copies, resultaat_copies

    def _rename(self, text: str, spans: list[tuple[int, int]], ci: int, cr: int) -> str:
        out, last = [], 0
        for start, end in spans:
            token = text[start:end]
            suffix = f"_c{ci}" if token in self.interventies else f"_c{cr}" if token in self.doelen else ""
            out += [text[last:end], suffix]
            last = end
        return "".join([*out, text[last:]])

    def copies(self, text: str, file: str) -> list[str]:
        """One text per copy (or one, when it names no scaled id)."""
        spans = list(reference_spans(text, file))
        named = {text[a:b] for a, b in spans}
        if named & self.interventies:
            return [self._rename(text, spans, c, c % self.cr) for c in range(self.ci)]
        if named & self.doelen:
            return [self._rename(text, spans, 0, c) for c in range(self.cr)]
        return [text]

    def file(self, text: str, file: str) -> str:
        """A whole plan file, scaled."""
        out: list[str] = []
        for block in _blocks(text):
            head, items = _items(block)
            out.append(self._rename("".join(head), list(reference_spans("".join(head), file)), 0, 0))
            for item in items:
                out.extend(self.copies("".join(item), file))
        return "".join(out)


def _more_money(text: str, factor: int) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        m = _BEDRAG.match(line)
        lines.append(f"{m.group(1)}{int(m.group(2)) * factor}\n" if m else line)
    return "".join(lines)


def large_plan(
    target: Path, interventie_copies: int, resultaat_copies: int, template: Path = TEMPLATE
) -> Path:
    """Write the template with its interventies and resultaten copied into ``target``."""
    scaler = Scaler(template, interventie_copies, resultaat_copies)
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(template.glob("*.yaml")):
        text = scaler.file(path.read_text(encoding="utf-8"), path.name)
        if path.name == "02-samenwerking.yaml":
            text = _more_money(text, interventie_copies)
        (target / path.name).write_text(text, encoding="utf-8")
    return target


def gemeente_plans(target: Path, count: int = GEMEENTEN) -> list[Path]:
    """``count`` plan folders, one per gemeente, alternating the two example plans."""
    sources = [EXAMPLES / "heidedorpen", EXAMPLES / "rivierstad"]
    plans = []
    for n in range(1, count + 1):
        plan = target / f"gemeente-{n:03d}"
        shutil.copytree(
            sources[n % 2], plan, ignore=shutil.ignore_patterns("*.md", "*.html"), dirs_exist_ok=True
        )
        manifest = plan / "samenplan.yaml"
        text = manifest.read_text(encoding="utf-8")
        text = re.sub(r"cbs_code: GM\d{4}", lambda _m, n=n: f"cbs_code: GM{n:04d}", text, count=1)
        manifest.write_text(text, encoding="utf-8")
        plans.append(plan)
    return plans


def main(argv: list[str]) -> None:
    """python bench/generate.py TARGET INTERVENTIE_COPIES RESULTAAT_COPIES"""
    target, ci, cr = Path(argv[0]), int(argv[1]), int(argv[2])
    large_plan(target, ci, cr)
    interventies, doelen = ids_of(target)
    print(f"{target}: {len(interventies)} interventies, resultaten and indicatoren: {len(doelen)}")


if __name__ == "__main__":
    main(sys.argv[1:])
