"""Money renames from formaatversie 1 to 2.

- ``geldstromen.*.reserveringen`` becomes ``posten``, and in each post ``thema`` becomes ``naam``;
- ``geldstromen.*.verdelingen.*.posten.*.label`` becomes ``naam``;
- ``interventies.*.begroting.*.reservering`` becomes ``post``.

A key is renamed in place: its value, its comments and its place among the keys stay. When the
new key is already there too, nothing is moved and the change says so; no value is lost.
"""

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from samenplan.migrate.changes import Change, PlanFiles

SAMENWERKING = "02-samenwerking.yaml"
AANPAK = "05-aanpak.yaml"


def _line(m: CommentedMap, key: str) -> int | None:
    try:
        return int(m.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _shift(comment: list[Any], delta: int) -> None:
    """Keep an end-of-line comment the same distance after a renamed key."""
    token = comment[2] if len(comment) > 2 else None
    if isinstance(token, CommentToken) and token.value.startswith("#"):
        token.column = max(0, token.column + delta)


def rename(m: CommentedMap, old: str, new: str, file: str, where: str) -> list[Change]:
    """Rename key ``old`` of ``m`` to ``new`` in place, keeping its value, comments and order."""
    if old not in m:
        return []
    line = _line(m, old)
    if new in m:
        return [
            Change(
                file,
                line,
                f"{where}: '{old}' en '{new}' staan er allebei; '{old}' is niet veranderd. "
                f"Zet de inhoud zelf onder '{new}'.",
            )
        ]
    position = list(m.keys()).index(old)
    comment = m.ca.items.pop(old, None)
    value = m[old]
    del m[old]
    m.insert(position, new, value)
    if comment is not None:
        _shift(comment, len(new) - len(old))
        m.ca.items[new] = comment
    return [Change(file, line, f"{where}: '{old}' heet nu '{new}'.")]


def _maps(value: Any) -> list[CommentedMap]:
    """The mappings in a list (other items are left alone)."""
    return (
        [item for item in value if isinstance(item, CommentedMap)] if isinstance(value, CommentedSeq) else []
    )


def _name(item: CommentedMap, kind: str) -> str:
    key = item.get("id") or item.get("naam")
    return f"{kind} '{key}'" if isinstance(key, str) else kind


def _samenwerking(doc: CommentedMap) -> list[Change]:
    changes: list[Change] = []
    for g in _maps(doc.get("geldstromen")):
        where = _name(g, "geldstroom")
        changes += rename(g, "reserveringen", "posten", SAMENWERKING, where)
        if "reserveringen" not in g:  # moved (or there was none): its items are posten now
            for post in _maps(g.get("posten")):
                changes += rename(post, "thema", "naam", SAMENWERKING, _name(post, "post"))
        for v in _maps(g.get("verdelingen")):
            for p in _maps(v.get("posten")):
                changes += rename(p, "label", "naam", SAMENWERKING, f"{where}, {_name(v, 'verdeling')}")
    return changes


def _aanpak(doc: CommentedMap) -> list[Change]:
    changes: list[Change] = []
    for iv in _maps(doc.get("interventies")):
        for line in _maps(iv.get("begroting")):
            changes += rename(
                line, "reservering", "post", AANPAK, f"begroting van {_name(iv, 'interventie')}"
            )
    return changes


def migrate(files: PlanFiles) -> list[Change]:
    """Rename the money keys of formaatversie 1; do nothing on files without them."""
    changes: list[Change] = []
    if isinstance(files.get(SAMENWERKING), CommentedMap):
        changes += _samenwerking(files[SAMENWERKING])
    if isinstance(files.get(AANPAK), CommentedMap):
        changes += _aanpak(files[AANPAK])
    return changes
