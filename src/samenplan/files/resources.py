"""Where packaged files live: inside the wheel, or in the repository for a dev install."""

from importlib.resources import files
from pathlib import Path

_REPO = Path(__file__).resolve().parents[3]


def _resource_dir(name: str) -> Path:
    packaged = Path(str(files("samenplan") / name))
    return packaged if packaged.is_dir() else _REPO / name


def templates_dir() -> Path:
    """The Jinja templates (plan scaffolds and reports)."""
    return _resource_dir("templates")


def examples_dir() -> Path:
    """The example plans shipped with samenplan."""
    return _resource_dir("examples")
