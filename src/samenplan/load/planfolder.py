"""Read a plan folder: every file, every problem, in one pass; a Plan when all is valid."""

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from samenplan import codes
from samenplan.diagnostics import Diagnostic, Location
from samenplan.load.formaat import format_finding
from samenplan.load.namedids import with_name_hints
from samenplan.load.source import Source, read_source
from samenplan.load.validation import validate
from samenplan.plan.bundle import Plan
from samenplan.plan.catalog import load_catalog, merge_regelingen
from samenplan.plan.models.manifest import Manifest
from samenplan.plan.steps import DOCUMENTS, MANIFEST, Document
from samenplan.suggest import did_you_mean


class NotAPlan(Exception):
    """The folder does not exist or holds no plan files (a usage error, exit 2)."""


@dataclass
class LoadedPlan:
    """Everything read from a plan folder."""

    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    models: dict[str, BaseModel] = field(default_factory=dict)  # by document slug
    diagnostics: list[Diagnostic] = field(default_factory=list)
    plan: Plan | None = None
    #: The finding of a samenplan.yaml in another formaatversie; then nothing else is read.
    formaat: Diagnostic | None = None


def is_plan_folder(root: Path) -> bool:
    """Whether ``root`` is a folder holding at least one plan file."""
    return root.is_dir() and any((root / d.file).exists() or (root / d.file).is_symlink() for d in DOCUMENTS)


def folder_problem(root: Path, instead: str) -> str | None:
    """Why ``root`` is no plan folder, in Dutch; None when it is one. ``instead`` ends the
    message for a folder without a plan: what to do instead."""
    if not root.exists():
        return f"De map '{root}' bestaat niet."
    if not root.is_dir():
        return f"'{root}' is een bestand, geen map met een plan."
    if not is_plan_folder(root):
        return f"In '{root}' staat geen plan: samenplan.yaml en de stapbestanden ontbreken. {instead}"
    return None


def load_plan(root: Path) -> LoadedPlan:
    """Load every file of the plan folder ``root``; raises NotAPlan for a wrong folder."""
    problem = folder_problem(root, "Maak een nieuw plan met 'samenplan init'.")
    if problem is not None:
        raise NotAPlan(problem)
    loaded = LoadedPlan(root)
    with collector_paused():
        for doc in DOCUMENTS:
            _load_document(loaded, doc)
            if loaded.formaat is not None:
                return loaded
        loaded.diagnostics = with_name_hints(loaded.diagnostics, loaded.sources)
        if not loaded.diagnostics:
            loaded.plan = _assemble(loaded)
        loaded.diagnostics.extend(_stray_files(root))
        loaded.diagnostics.extend(note for source in loaded.sources.values() for note in source.notes)
    return loaded


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while reading (and, in check_plan, checking).

    Node trees, data and models are many objects without cycles; the collector's passes
    over them only cost time (a third of it on a plan with 1,000 interventies). Nested
    pauses leave the collector off until the outer one ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_document(loaded: LoadedPlan, doc: Document) -> None:
    path = loaded.root / doc.file
    if not path.exists() and not path.is_symlink():
        code = codes.FILE_MISSING
        loaded.diagnostics.append(
            Diagnostic(
                code.code,
                code.severity,
                f"{doc.file} ontbreekt ({doc.label}: {doc.title}).",
                Location(doc.file),
                "Maak het bestand met 'samenplan init'; bestaande bestanden blijven dan staan.",
            )
        )
        return
    source = read_source(path, doc.file, inside=loaded.root)
    loaded.sources[doc.file] = source
    loaded.diagnostics.extend(source.diagnostics)
    if not source.ok:
        return
    if doc is MANIFEST:
        loaded.formaat = format_finding(source, loaded.root)
        if loaded.formaat is not None:
            loaded.diagnostics.append(loaded.formaat)
            return
    model, problems = validate(doc.model, source.data, source.positions)
    loaded.diagnostics.extend(problems)
    if model is not None:
        loaded.models[doc.slug] = model


_LOOKS_LIKE_A_STEP = re.compile(r"^(0?\d[\s_.-]|samenplan\b)", re.IGNORECASE)


def _stray_files(root: Path) -> list[Diagnostic]:
    """A warning for each YAML file that looks like a plan file but is not read (a copy, a rename)."""
    known = [d.file for d in DOCUMENTS]
    try:
        names = sorted(p.name for p in root.iterdir() if p.suffix.lower() in (".yaml", ".yml"))
    except OSError:
        return []
    code = codes.STRAY_FILE
    return [
        Diagnostic(
            code.code,
            code.severity,
            f"'{name}' lijkt een bestand van het plan, maar samenplan leest het niet: de naam is "
            "niet die van een stap.",
            Location(name),
            " ".join(
                filter(None, [_meant(name, known), "Geef het de vaste naam, of haal het uit de planmap."])
            ),
        )
        for name in names
        if name not in known and _LOOKS_LIKE_A_STEP.match(name)
    ]


def _meant(name: str, known: list[str]) -> str:
    """'Bedoelde je ...?' for a stray file: the step with the same number, else the closest name."""
    number = re.match(r"^0?(\d)\D", name)
    if number:
        same = [f for f in known if f.startswith(f"0{number.group(1)}-")]
        if same:
            return f"Bedoelde je '{same[0]}'?"
    return did_you_mean(name, known)


def _assemble(loaded: LoadedPlan) -> Plan:
    """The Plan from the models of every document (all loaded without problems)."""
    manifest = cast(Manifest, loaded.models[MANIFEST.slug])
    steps: dict[str, Any] = {doc.slug: loaded.models[doc.slug] for doc in DOCUMENTS}
    return Plan(**steps, regelingen=merge_regelingen(load_catalog(), manifest.regelingen))
