"""The id kinds of the plan format, and every field that refers to one: the single table.

An id kind is a list whose items have an ``id`` (partners, interventies, ...). Everything
else derives from ``KINDS``: where rules find definitions, the Dutch singular and plural,
the hint that says where ids of a kind are defined, and the names the document shows.
``REFERENCES`` lists every model field that holds an id of another item; a test proves that
every such field in the models is in it. To add an id kind: one ``IdKind`` entry plus its
model field; to add a reference field: one ``Reference`` entry plus its model field.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from samenplan.diagnostics import KeyPath
from samenplan.plan.steps import BY_SLUG


@dataclass(frozen=True)
class IdKind:
    """A kind of item with an id: where its list is, and its Dutch names.

    ``pattern`` is the key path of the items in document ``doc``, with ``*`` for every list
    item (``geldstromen.*.posten.*``). ``name_fields`` are the fields that name an
    item in the document, the first one filled in wins.
    """

    kind: str
    plural: str
    doc: str
    pattern: str
    name_fields: tuple[str, ...] = ("naam",)

    @property
    def list_key(self) -> str:
        """The key of the list that holds the items: 'posten'."""
        return self.pattern.split(".")[-2]

    @property
    def owner(self) -> "IdKind | None":
        """The kind whose items hold this list (a post's geldstroom), if nested."""
        outer = ".".join(self.pattern.split(".")[:-2])
        return next((k for k in KINDS if k.pattern == outer), None)

    @property
    def where(self) -> str:
        """Dutch hint: where ids of this kind are defined."""
        text = f"{self.plural.capitalize()} staan in {BY_SLUG[self.doc].file} onder {self.list_key}"
        owner = self.owner
        return f"{text}, bij hun {owner.kind}." if owner else f"{text}."

    def name_of(self, item: Any) -> str:
        """How the document names ``item``: its first filled-in name field."""
        return next((v for f in self.name_fields if (v := getattr(item, f, None))), "") or ""


#: Every id kind, in the order rules and documents list them.
KINDS: tuple[IdKind, ...] = (
    IdKind("gebied", "gebieden", "manifest", "gebieden.*"),
    IdKind("doelgroep", "doelgroepen", "urgentie", "doelgroepen.*"),
    IdKind("partner", "partners", "samenwerking", "partners.*"),
    IdKind("geldstroom", "geldstromen", "samenwerking", "geldstromen.*"),
    IdKind("post", "posten", "samenwerking", "geldstromen.*.posten.*"),
    IdKind("bron", "bronnen", "analyse", "bronnen.*"),
    IdKind("bevinding", "bevindingen", "analyse", "bevindingen.*", ("tekst",)),
    IdKind("resultaat", "resultaten", "resultaten", "resultaten.*", ("ambitie", "resultaat")),
    IdKind("indicator", "indicatoren", "resultaten", "resultaten.*.indicatoren.*"),
    IdKind("interventie", "interventies", "aanpak", "interventies.*"),
)

BY_KIND: dict[str, IdKind] = {k.kind: k for k in KINDS}


@dataclass(frozen=True)
class Reference:
    """A field that refers to an id of ``kind``, in document ``doc``.

    ``pattern`` is the key path with ``*`` for every list item. ``subject`` names the item
    in a message; it is formatted with the items matched by the ``*``s (``{0.id}``).
    ``rol`` is the word for the value when it is not the kind itself (trekker, ontvanger).
    ``binnen`` names the sibling key of the geldstroom whose own posten count.
    ``checked_by`` is the theme whose rules check the field when SP201 does not.
    """

    kind: str
    doc: str
    pattern: str
    subject: str = ""
    rol: str = ""
    binnen: str = ""
    checked_by: str = "verwijzingen"


def _ref(kind: str, doc: str, pattern: str, subject: str, rol: str = "", binnen: str = "") -> Reference:
    return Reference(kind, doc, pattern, subject, rol, binnen)


#: Every reference field of the plan format. The regelingen and bestedingsdoelen of a
#: geldstroom are checked with the money rules (SP3xx), not with SP201.
REFERENCES: tuple[Reference, ...] = (
    _ref("gebied", "manifest", "gebieden.*.binnen", "Gebied '{0.id}'"),
    _ref("partner", "urgentie", "signalen.*.partner", "Een signaal"),
    _ref("gebied", "urgentie", "doelgroepen.*.gebieden.*", "Doelgroep '{0.id}'"),
    _ref("partner", "samenwerking", "partners.*.onder", "Partner '{0.id}'"),
    _ref("partner", "samenwerking", "werkgroep.*.partner", "Werkgroeplid '{0.naam}'"),
    _ref("partner", "samenwerking", "overleg.*.deelnemers.*", "Overleg '{0.naam}'", "deelnemer"),
    _ref("partner", "samenwerking", "besluitvorming.*.partner", "Een besluit"),
    _ref("partner", "samenwerking", "geldstromen.*.ontvanger", "Geldstroom '{0.id}'", "ontvanger"),
    _ref("partner", "samenwerking", "geldstromen.*.voor.*", "Geldstroom '{0.id}'"),
    _ref("doelgroep", "analyse", "bevindingen.*.doelgroepen.*", "Bevinding '{0.id}'"),
    _ref("bron", "analyse", "bevindingen.*.bronnen.*", "Bevinding '{0.id}'"),
    _ref("gebied", "analyse", "bevindingen.*.gebieden.*", "Bevinding '{0.id}'"),
    _ref("partner", "analyse", "bestaand_aanbod.*.aanbieder", "Bestaand aanbod '{0.naam}'", "aanbieder"),
    _ref("doelgroep", "resultaten", "resultaten.*.doelgroepen.*", "Resultaat '{0.id}'"),
    _ref("bevinding", "resultaten", "resultaten.*.bevindingen.*", "Resultaat '{0.id}'"),
    _ref("bron", "resultaten", "resultaten.*.indicatoren.*.bron", "Indicator '{1.id}'"),
    _ref(
        "bron",
        "resultaten",
        "resultaten.*.indicatoren.*.metingen.*.bron",
        "Een meting van indicator '{1.id}'",
    ),
    _ref("doelgroep", "aanpak", "interventies.*.doelgroepen.*", "Interventie '{0.id}'"),
    _ref("resultaat", "aanpak", "interventies.*.resultaten.*", "Interventie '{0.id}'"),
    _ref("partner", "aanpak", "interventies.*.trekkers.*", "Interventie '{0.id}'", "trekker"),
    _ref("partner", "aanpak", "interventies.*.partners.*", "Interventie '{0.id}'"),
    _ref("gebied", "aanpak", "interventies.*.gebieden.*", "Interventie '{0.id}'"),
    _ref(
        "geldstroom",
        "aanpak",
        "interventies.*.begroting.*.geldstroom",
        "Interventie '{0.id}'",
        "in de begroting geldstroom",
    ),
    _ref(
        "post",
        "aanpak",
        "interventies.*.begroting.*.post",
        "Interventie '{0.id}'",
        "in de begroting post",
        binnen="geldstroom",
    ),
    _ref("partner", "aanpak", "interventies.*.toekenning.aanvrager", "Interventie '{0.id}'", "aanvrager"),
    _ref("partner", "samenwerking", "geldstromen.*.posten.*.partner", "Post '{1.id}'"),
    _ref("gebied", "samenwerking", "geldstromen.*.posten.*.gebied", "Post '{1.id}'"),
    _ref("partner", "aanpak", "taakverdeling.*.wie.*", "De taakverdeling"),
    _ref("indicator", "meten_en_bijsturen", "metingen.*.indicator", "Een meting"),
    _ref("partner", "meten_en_bijsturen", "metingen.*.wie", "De meting van '{0.indicator}'"),
    _ref("bron", "meten_en_bijsturen", "metingen.*.bron", "De meting van '{0.indicator}'"),
    _ref("partner", "meten_en_bijsturen", "momenten.*.wie.*", "Het moment van {0.datum}"),
    _ref("indicator", "meten_en_bijsturen", "bijsturing.*.indicator", "Een bijsturingsafspraak"),
    _ref("geldstroom", "meten_en_bijsturen", "verantwoording.*.geldstroom", "Een verantwoording"),
    _ref("partner", "meten_en_bijsturen", "verantwoording.*.wie.*", "De verantwoording van '{0.geldstroom}'"),
    _ref(
        "partner",
        "meten_en_bijsturen",
        "verantwoording.*.uitvoerders.*",
        "De verantwoording van '{0.geldstroom}'",
        "uitvoerder",
    ),
    _ref("interventie", "uitvoering", "planning.*.interventie", "De planning"),
    _ref("interventie", "uitvoering", "voortgang.*.interventie", "Een voortgangsregel"),
    _ref("partner", "uitvoering", "risicos.*.eigenaar", "Een risico", "eigenaar"),
    _ref("interventie", "uitvoering", "risicos.*.interventies.*", "Een risico"),
    Reference("regeling", "samenwerking", "geldstromen.*.regeling", checked_by="geld"),
    Reference("bestedingsdoel", "samenwerking", "geldstromen.*.bestedingsdoelen.*", checked_by="geld"),
    Reference("bestedingsdoel", "samenwerking", "geldstromen.*.posten.*.bestedingsdoel", checked_by="geld"),
    Reference("bestedingsdoel", "aanpak", "interventies.*.begroting.*.bestedingsdoel", checked_by="geld"),
    Reference(
        "bestedingsdoel",
        "meten_en_bijsturen",
        "verantwoording.*.besteed.*.bestedingsdoel",
        checked_by="meten",
    ),
)


def reference_at(doc: str, path: KeyPath) -> Reference | None:
    """The reference field at ``path`` in document ``doc`` (a list index matches ``*``), if any."""
    for ref in REFERENCES:
        parts = ref.pattern.split(".")
        if ref.doc == doc and len(parts) == len(path) and all(map(_part_matches, parts, path)):
            return ref
    return None


def _part_matches(part: str, key: str | int) -> bool:
    return isinstance(key, int) if part == "*" else part == key


class Match(NamedTuple):
    """One value at a pattern: its key path, the value, and the list items on its path.

    A named tuple: a plan has many (every reference), and a tuple is made fastest.
    """

    path: KeyPath
    value: Any
    items: tuple[Any, ...]


def walk(root: Any, pattern: str) -> Iterator[Match]:
    """Every value at ``pattern`` under ``root`` (a model), in document order.

    One level of the pattern at a time, over all values found so far (that keeps their
    order); a value that is None has nothing under it and is left out.
    """
    found: list[tuple[KeyPath, tuple[Any, ...], Any]] = [((), (), root)] if root is not None else []
    for part in pattern.split("."):
        if part == "*":
            found = [
                ((*path, i), (*items, item), item)
                for path, items, node in found
                for i, item in enumerate(node)
                if item is not None
            ]
        else:
            found = [
                ((*path, part), items, value)
                for path, items, node in found
                if (value := getattr(node, part)) is not None
            ]
    return iter([Match(path, node, items) for path, items, node in found])
