"""Write or print the JSON Schemas; refuse to overwrite files that samenplan did not make."""

from pathlib import Path

from samenplan.files.atomic import write_atomic
from samenplan.files.oserrors import reason
from samenplan.plan.schema import MARKER, render_schemas, schema_file_name
from samenplan.plan.steps import BY_FILE, DOCUMENTS
from samenplan.suggest import did_you_mean


class SchemaError(Exception):
    """A usage problem: unknown plan file, or a target that is not ours to overwrite."""


def print_schema(plan_file: str) -> str:
    """The schema text of one plan file, by its name ('05-aanpak.yaml')."""
    doc = BY_FILE.get(plan_file)
    if doc is None:
        hint = did_you_mean(plan_file, BY_FILE)
        raise SchemaError(f"'{plan_file}' is geen plan-bestand. {hint}".strip())
    return render_schemas()[schema_file_name(doc)]


def write_schemas(target: Path) -> list[Path]:
    """Write every schema into ``target``; returns the paths that changed."""
    if target.exists() and not target.is_dir():
        raise SchemaError(f"'{target}' is een bestand; geef een map op.")
    texts = render_schemas()
    for doc in DOCUMENTS:
        path = target / schema_file_name(doc)
        if path.exists() and MARKER not in path.read_text(encoding="utf-8", errors="replace"):
            raise SchemaError(
                f"{path} bestaat al en is niet door samenplan gemaakt; er is niets overschreven."
            )
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in texts.items():
            path = target / name
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                write_atomic(path, text)
                written.append(path)
    except OSError as exc:
        raise SchemaError(f"kan niet schrijven in '{target}': {reason(exc)}.") from exc
    return written
