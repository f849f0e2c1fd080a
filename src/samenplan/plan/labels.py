"""How vocabulary values read in a report: 'vrije_tijd' → 'vrije tijd', 'jgz' → 'JGZ'."""

from collections.abc import Iterable
from enum import StrEnum

_LABELS: dict[str, str] = {
    "jgz": "JGZ",
    "lea": "LEA",
    "oogo": "OOGO",
    "vve_goab": "VVE/GOAB",
    "schoolprogramma_npo": "schoolprogramma NPO",
    "bestuur_swv": "bestuur samenwerkingsverband",
    "mr": "MR",
    "gmr": "GMR",
    "sisa": "SiSa",
    "goed_onderbouwd": "goed onderbouwd",
    "effectief_eerste_aanwijzingen": "effectief volgens eerste aanwijzingen",
    "effectief_goede_aanwijzingen": "effectief volgens goede aanwijzingen",
    "effectief_sterke_aanwijzingen": "effectief volgens sterke aanwijzingen",
    "databank": "Databank Effectieve Jeugdinterventies",
    "menukaart": "NPO-menukaart",
    "eigen": "eigen onderbouwing",
    "open_groep": "open groep",
}


def label(value: StrEnum | str) -> str:
    """The Dutch words for a vocabulary value."""
    text = str(value)
    return _LABELS.get(text, text.replace("_", " "))


def labels(values: Iterable[StrEnum | str]) -> str:
    """Several values as one phrase: 'thuis, school, vrije tijd'."""
    return ", ".join(label(v) for v in values)
