"""Report templates by name, from the packaged or the repository's templates folder."""

from samenplan.files.resources import templates_dir


def read_template(name: str) -> str | None:
    """Source of ``report/<name>``, or None when there is no such template."""
    path = templates_dir() / "report"
    for part in name.split("/"):
        if part in ("", ".", ".."):
            return None
        path = path / part
    return path.read_text(encoding="utf-8") if path.is_file() else None
