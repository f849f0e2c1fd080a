"""Migration step for monitoring and onderbouwing: single values that became lists.

formaatversie 1 had one ``vergelijking`` per cijfer and one ``onderbouwing`` per interventie;
formaatversie 2 has lists (``vergelijkingen``, ``onderbouwing``). The kanaal of a plan's own
regeling ``spuk`` is now written out: ``specifieke_uitkering``. Each change keeps the key's
place, its comments and the value itself; a file without the old shape is left alone.
"""

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from samenplan.migrate.changes import Change, PlanFiles

ANALYSE = "03-analyse.yaml"
AANPAK = "05-aanpak.yaml"
MANIFEST = "samenplan.yaml"


def _line(node: CommentedMap, key: str) -> int | None:
    """The 1-based line of ``key`` in ``node``, when ruamel knows it."""
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _items(node: Any, key: str) -> list[CommentedMap]:
    """The mappings in the list under ``key`` of ``node`` (none when it is not a list)."""
    value = node.get(key) if isinstance(node, CommentedMap) else None
    return [item for item in value if isinstance(item, CommentedMap)] if isinstance(value, list) else []


def _as_list(value: Any) -> CommentedSeq:
    seq = CommentedSeq([value])
    if isinstance(value, CommentedMap):
        if value.fa.flow_style():
            seq.fa.set_block_style()  # one flow item per line: '- {waarde: 12, met: regio}'
        # A comment after the key ('onderbouwing:  # waarom') stays after the key.
        seq.ca.comment, value.ca.comment = value.ca.comment, None
    return seq


def _rename(node: CommentedMap, old: str, new: str, value: Any) -> None:
    """Put ``value`` under ``new`` where ``old`` was, with the comments of ``old``."""
    position = list(node).index(old)
    comment = node.ca.items.pop(old, None)
    del node[old]
    node.insert(position, new, value)
    if comment is not None:
        node.ca.items[new] = comment


def _vergelijkingen(files: PlanFiles) -> list[Change]:
    doc = files.get(ANALYSE)
    changes: list[Change] = []
    for bevinding in _items(doc, "bevindingen"):
        cijfer = bevinding.get("cijfer")
        if not isinstance(cijfer, CommentedMap) or "vergelijking" not in cijfer:
            continue
        line = _line(cijfer, "vergelijking")
        if "vergelijkingen" in cijfer:
            changes.append(
                Change(
                    ANALYSE,
                    line,
                    "Dit cijfer heeft zowel 'vergelijking' als 'vergelijkingen'; zet de vergelijking "
                    "zelf in de lijst 'vergelijkingen'. Niets is veranderd.",
                )
            )
            continue
        old = cijfer["vergelijking"]
        _rename(cijfer, "vergelijking", "vergelijkingen", old if old is None else _as_list(old))
        changes.append(
            Change(
                ANALYSE, line, "'vergelijking' heet nu 'vergelijkingen', een lijst: er kunnen er meer zijn."
            )
        )
    return changes


def _onderbouwing(files: PlanFiles) -> list[Change]:
    doc = files.get(AANPAK)
    changes: list[Change] = []
    for interventie in _items(doc, "interventies"):
        value = interventie.get("onderbouwing")
        if not isinstance(value, CommentedMap):
            continue  # absent, empty or already a list
        line = _line(interventie, "onderbouwing")
        _rename(interventie, "onderbouwing", "onderbouwing", _as_list(value))
        changes.append(
            Change(AANPAK, line, "'onderbouwing' is nu een lijst: een interventie kan er meer hebben.")
        )
    return changes


def _kanaal(files: PlanFiles) -> list[Change]:
    doc = files.get(MANIFEST)
    changes: list[Change] = []
    for regeling in _items(doc, "regelingen"):
        if regeling.get("kanaal") == "spuk":
            regeling["kanaal"] = "specifieke_uitkering"
            changes.append(
                Change(MANIFEST, _line(regeling, "kanaal"), "kanaal 'spuk' heet nu 'specifieke_uitkering'.")
            )
    return changes


def migrate(files: PlanFiles) -> list[Change]:
    """Make vergelijking and onderbouwing lists, and write kanaal spuk out in full."""
    return [*_vergelijkingen(files), *_onderbouwing(files), *_kanaal(files)]
