"""Where the report templates live: inside the wheel, or in the repository for a dev install."""

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

#: The templates folder of the repository (src/samenplan/report → repo root).
_REPO_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def templates_root() -> Traversable:
    """The packaged ``samenplan/templates`` (hatch force-include), else the repo's templates/."""
    packaged = files("samenplan") / "templates"
    return packaged if packaged.is_dir() else _REPO_TEMPLATES


def read_template(name: str) -> str | None:
    """Source of ``report/<name>``, or None when there is no such template."""
    resource = templates_root() / "report"
    for part in name.split("/"):
        if part in ("", ".", ".."):
            return None
        resource = resource / part
    return resource.read_text(encoding="utf-8") if resource.is_file() else None
