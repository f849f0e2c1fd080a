"""What changed, as plain data: the result of comparing two versions of a plan."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from samenplan.diagnostics import KeyPath, Severity
from samenplan.plan.money import Som

Status = Literal["nieuw", "weg", "gewijzigd"]


@dataclass(frozen=True)
class FieldChange:
    """One compared field of an entry that differs."""

    field: str  # dotted name in the format: 'periode', 'onderbouwing.toelichting'
    label: str  # Dutch, as shown: 'periode', 'onderbouwing'
    before: Any  # JSON-ready value (None when absent)
    after: Any
    summary: str  # Dutch: "1 januari 2024 … → …", "'8' werd '12'", "erbij: wijk"


@dataclass(frozen=True)
class EntryChange:
    """An entry (matched by id) that is new, gone, or has changed fields."""

    kind: str  # 'interventie', 'indicator', …: a key of compare.KINDS
    key: str  # its id (or, for entries without an id, what identifies it)
    name: str  # how the report names it (the newest name)
    status: Status
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Amount:
    """An amount before and after; None where it did not exist."""

    kind: str  # 'plan', 'geldstroom', 'bestedingsdoel', 'post', 'verdeelpost', 'interventie'
    key: str  # id; 'geldstroom/bestedingsdoel'; 'geldstroom/verdeling/post'
    name: str
    measure: str  # 'beschikbaar', 'toegewezen', 'niet_toegewezen', 'in_post', 'opgenomen', 'bedrag'
    before: Som | None
    after: Som | None
    within: str = ""  # the geldstroom's name, for a bestedingsdoel, post or verdeelpost
    verdeling: str = ""  # the name of the verdeling a verdeelpost belongs to

    @property
    def difference(self) -> Decimal | None:
        """After minus before (absent counts as nothing); None when either is not exact."""
        change = (self.after or Som()) - (self.before or Som())
        return change.waarde if change.exact else None


@dataclass(frozen=True)
class Move:
    """Money of one geldstroom that went from one interventie to another."""

    geldstroom: str  # id
    geldstroom_name: str
    van: str  # interventie id
    van_name: str
    naar: str
    naar_name: str
    bedrag: Decimal


@dataclass(frozen=True)
class CoverageChange:
    """How many interventies reach a leefdomein or ontwikkelgebied, before and after."""

    vocabulary: Literal["leefdomein", "ontwikkelgebied"]
    value: str
    before: int
    after: int


@dataclass(frozen=True)
class FindingChange:
    """A finding of `samenplan check` that is new, or that was solved."""

    status: Literal["nieuw", "opgelost"]
    code: str
    severity: Severity
    message: str
    file: str  # relative to the plan folder
    line: int  # in the version where the finding is
    key_path: KeyPath


@dataclass(frozen=True)
class Version:
    """One side of the comparison, as the report names it."""

    label: str
    commit: str | None
    folder: str
    title: str  # plan title, '' when the plan could not be read
    readable: bool  # the plan loaded without errors, so its content is compared
    errors: int


@dataclass(frozen=True)
class PlanDiff:
    """Everything that differs between two versions of a plan."""

    old: Version
    new: Version
    money: tuple[Amount, ...]
    moves: tuple[Move, ...]
    entries: tuple[EntryChange, ...]
    coverage: tuple[CoverageChange, ...]
    findings: tuple[FindingChange, ...]

    @property
    def empty(self) -> bool:
        """Whether nothing differs."""
        return not (self.money or self.moves or self.entries or self.coverage or self.findings)
