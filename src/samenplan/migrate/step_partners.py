"""Migration of the partner keys from formaatversie 1 to 2.

- an interventie's ``trekker: x`` becomes ``trekkers: [x]``;
- an interventie's free-text ``locaties`` become ``gebieden``: one gebied per distinct text in
  samenplan.yaml (``id`` made from the text, ``naam`` the text itself), referred to by id;
- a verantwoording's ``wie: x`` becomes ``wie: [x]``;
- a regeling's ``ontvangers`` (samenplan.yaml) is now called ``aanvragers``.

Every step keeps the key's place and its comments, does nothing on a file without the old key,
and leaves a value it cannot move where it is, saying so.
"""

import re
import unicodedata
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from samenplan.migrate.changes import Change, PlanFiles

MANIFEST = "samenplan.yaml"
AANPAK = "05-aanpak.yaml"
METEN = "06-meten-en-bijsturen.yaml"

#: Longest id a gebied made from a text gets (an Id has at most 64 characters).
_ID_MAX = 40


def migrate(files: PlanFiles) -> list[Change]:
    """Every partner rename of formaatversie 2, in place; what changed, in Dutch."""
    return [
        *_trekkers(files),
        *_gebieden(files),
        *_verantwoording_wie(files),
        *_aanvragers(files),
    ]


def _line(m: CommentedMap, key: Any) -> int | None:
    try:
        return int(m.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _items(doc: CommentedMap | None, key: str) -> list[CommentedMap]:
    """The mapping items of list ``key`` of ``doc``; none when it is absent or not a list."""
    found = doc.get(key) if isinstance(doc, CommentedMap) else None
    return [x for x in found if isinstance(x, CommentedMap)] if isinstance(found, list) else []


def _flow(values: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _rename(m: CommentedMap, old: str, new: str, value: Any) -> None:
    """Replace key ``old`` by ``new`` with ``value``, at the same place, keeping its comments."""
    position = list(m.keys()).index(old)
    comment = m.ca.items.pop(old, None)
    del m[old]
    m.insert(position, new, value)
    if comment is not None:
        m.ca.items[new] = comment


def _as_list(value: Any) -> Any:
    """A single value as a one-item list; a list, or nothing, as it is."""
    if value is None or isinstance(value, list):
        return value
    return _flow([value])


def _trekkers(files: PlanFiles) -> list[Change]:
    changes = []
    for iv in _items(files.get(AANPAK), "interventies"):
        if "trekker" not in iv:
            continue
        line = _line(iv, "trekker")
        if "trekkers" in iv:
            changes.append(
                Change(AANPAK, line, "'trekker' niet verplaatst: er staat al 'trekkers'; voeg ze zelf samen")
            )
            continue
        _rename(iv, "trekker", "trekkers", _as_list(iv["trekker"]))
        changes.append(Change(AANPAK, line, "'trekker' heet nu 'trekkers' (een lijst)"))
    return changes


def gebied_id(text: str, taken: set[str]) -> str:
    """An id made from ``text`` ('Stadsdeel Noord' -> 'stadsdeel-noord'), not yet in ``taken``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:_ID_MAX].strip("-") or "gebied"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return ident


def _gebieden(files: PlanFiles) -> list[Change]:
    interventies = [iv for iv in _items(files.get(AANPAK), "interventies") if "locaties" in iv]
    if not interventies:
        return []
    manifest = files.get(MANIFEST)
    if not isinstance(manifest, CommentedMap):
        return [
            Change(AANPAK, _line(iv, "locaties"), "'locaties' niet omgezet: samenplan.yaml ontbreekt")
            for iv in interventies
        ]
    gebieden = manifest.get("gebieden")
    if gebieden is None:
        gebieden = CommentedSeq()
        _insert_after(manifest, "gebieden", gebieden, ("periode", "regio", "gemeenten", "titel"))
    if not isinstance(gebieden, list):
        return [
            Change(MANIFEST, _line(manifest, "gebieden"), "'gebieden' is geen lijst: 'locaties' niet omgezet")
        ]
    by_naam = {
        str(g["naam"]): str(g["id"])
        for g in gebieden
        if isinstance(g, CommentedMap) and "naam" in g and "id" in g
    }
    taken = {str(g["id"]) for g in gebieden if isinstance(g, CommentedMap) and "id" in g}
    changes = []
    for iv in interventies:
        line = _line(iv, "locaties")
        value = iv["locaties"]
        texts = value if isinstance(value, list) else [] if value is None else [value]
        if "gebieden" in iv or not all(isinstance(t, str | int) for t in texts):
            changes.append(Change(AANPAK, line, "'locaties' niet omgezet: zet ze zelf bij 'gebieden'"))
            continue
        ids = []
        for text in (str(t) for t in texts):
            if text not in by_naam:
                by_naam[text] = gebied_id(text, taken)
                taken.add(by_naam[text])
                gebieden.append(CommentedMap([("id", by_naam[text]), ("naam", text)]))
                changes.append(Change(MANIFEST, None, f"gebied '{by_naam[text]}' gemaakt voor '{text}'"))
            ids.append(by_naam[text])
        _rename(iv, "locaties", "gebieden", _same_style(value, ids))
        changes.append(Change(AANPAK, line, "'locaties' heet nu 'gebieden': ids uit samenplan.yaml"))
    return changes


def _same_style(old: Any, values: list[str]) -> CommentedSeq:
    """``values`` in the list ``old`` when it was one (its style and comments stay), else a new one."""
    if isinstance(old, CommentedSeq) and len(old) == len(values):
        for i, value in enumerate(values):
            old[i] = value  # item by item: the comments after each item stay
        return old
    return _flow(values)


def _insert_after(m: CommentedMap, key: str, value: Any, after: tuple[str, ...]) -> None:
    """Add ``key`` right after the first of ``after`` that ``m`` has, or at the end."""
    keys = list(m.keys())
    anchor = next((k for k in after if k in m), None)
    m.insert(keys.index(anchor) + 1 if anchor is not None else len(keys), key, value)


def _verantwoording_wie(files: PlanFiles) -> list[Change]:
    changes = []
    for v in _items(files.get(METEN), "verantwoording"):
        if "wie" in v and v["wie"] is not None and not isinstance(v["wie"], list):
            v["wie"] = _as_list(v["wie"])
            changes.append(Change(METEN, _line(v, "wie"), "'wie' van de verantwoording is nu een lijst"))
    return changes


def _aanvragers(files: PlanFiles) -> list[Change]:
    changes = []
    for r in _items(files.get(MANIFEST), "regelingen"):
        if "ontvangers" not in r:
            continue
        line = _line(r, "ontvangers")
        if "aanvragers" in r:
            changes.append(Change(MANIFEST, line, "'ontvangers' niet verplaatst: er staat al 'aanvragers'"))
            continue
        _rename(r, "ontvangers", "aanvragers", r["ontvangers"])
        changes.append(Change(MANIFEST, line, "'ontvangers' van de regeling heet nu 'aanvragers'"))
    return changes
