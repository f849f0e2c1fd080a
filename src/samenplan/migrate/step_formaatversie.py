"""The step that says the plan is now formaatversie 2; it runs first, before the renames."""

from samenplan.migrate.changes import Change, PlanFiles
from samenplan.migrate.documents import key_line
from samenplan.plan.models.manifest import FORMAAT_VERSIE
from samenplan.plan.steps import MANIFEST


def migrate(files: PlanFiles) -> list[Change]:
    """Set ``formaatversie`` in samenplan.yaml to this samenplan's formaatversie."""
    manifest = files.get(MANIFEST.file)
    if manifest is None or manifest.get("formaatversie") == FORMAAT_VERSIE:
        return []
    old = manifest.get("formaatversie")
    manifest["formaatversie"] = FORMAAT_VERSIE
    return [
        Change(
            MANIFEST.file,
            key_line(manifest, "formaatversie"),
            f"'formaatversie' is nu {FORMAAT_VERSIE} (was {old}).",
        )
    ]
