"""The regelingen catalog shipped with samenplan, and merging it with a plan's own regelingen."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from samenplan.plan.models.regeling import Regeling

#: Package-relative location of the catalog file.
CATALOG_PARTS: tuple[str, ...] = ("data", "regelingen.yaml")


def _read_catalog_text() -> str:
    """Return the text of the shipped catalog file."""
    from importlib.resources import files

    resource = files("samenplan")
    for part in CATALOG_PARTS:
        resource = resource / part
    return resource.read_text(encoding="utf-8")


def _parse_yaml(text: str) -> Any:
    """Parse YAML safely, with ruamel's C loader when installed (30× faster), else pure Python."""
    try:
        from ruamel.yaml.cyaml import CSafeLoader
    except ImportError:
        from ruamel.yaml import YAML

        return YAML(typ="safe", pure=True).load(text)
    loader = CSafeLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def parse_catalog(data: Any) -> dict[str, Regeling]:
    """Validate parsed catalog data into regelingen by id.

    Raises ValueError when the top-level shape is wrong or an id occurs twice; pydantic's
    ValidationError when an entry does not fit the Regeling model.
    """
    from samenplan.plan.models.regeling import Regeling

    if not isinstance(data, dict) or not isinstance(data.get("regelingen"), list):
        raise ValueError("catalog must be a mapping with a list under 'regelingen'")
    catalog: dict[str, Regeling] = {}
    for entry in data["regelingen"]:
        regeling = Regeling.model_validate(entry)
        if regeling.id in catalog:
            raise ValueError(f"duplicate regeling id in catalog: {regeling.id!r}")
        doel_ids = [doel.id for doel in regeling.bestedingsdoelen]
        if len(doel_ids) != len(set(doel_ids)):
            raise ValueError(f"duplicate bestedingsdoel id in regeling {regeling.id!r}")
        catalog[regeling.id] = regeling
    return catalog


@functools.cache
def load_catalog() -> dict[str, Regeling]:
    """Load and validate the shipped regelingen catalog (cached; do not mutate the result)."""
    return parse_catalog(_parse_yaml(_read_catalog_text()))


def merge_regelingen(catalog: Mapping[str, Regeling], own: Iterable[Regeling]) -> dict[str, Regeling]:
    """Return the catalog plus a plan's own regelingen as a new dict.

    An own regeling with the same id as a catalog entry replaces it; among own regelingen
    with the same id the last one wins (duplicate ids are reported by the checks).
    """
    merged = dict(catalog)
    for regeling in own:
        merged[regeling.id] = regeling
    return merged
