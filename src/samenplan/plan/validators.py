"""The validators of the plan's documents and of a regeling, built once per installed version.

Building the validators of the plan models is the largest part of starting `samenplan check`
that is samenplan's own: about 65 ms of 320 (docs/performance.md). The models are declared
with ``defer_build`` (models/common.py): importing them only collects their fields.
``validator(model)`` gives the validator of a document model or of ``Regeling``: made from the
core schema kept in the user's cache (files/usercache.py) when there is one, else built by
pydantic, after which the schemas of all of them are kept for the next start.

A kept schema holds the plan's classes and validator functions by name (pickle), without the
parts only JSON Schema and serialization use; those are built by pydantic when asked for.
The file's folder is named after the versions of samenplan, pydantic, pydantic-core and Python,
the file after a checksum of the source it depends on (SOURCES), so a change to any model,
type or vocabulary is a new file. A cache that is missing, damaged, stale, unwritable or not
safe to load is a miss: the validator is built as without a cache, and validates the same.
"""

import functools
import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaValidator

from samenplan.files.usercache import cache_folder, checksum, forget_others, read_cached, write_cached

_PACKAGE = Path(__file__).resolve().parents[1]

#: The source the kept schemas depend on, relative to the samenplan package: the plan format
#: (this package: models, types, vocabularies) and the modules it imports from outside it.
#: tests/test_validators.py proves every module the models import is here.
SOURCES: tuple[str, ...] = ("plan", "diagnostics.py", "dutch.py", "__init__.py")

#: Keys of a core schema that only JSON Schema and serialization read (and that may hold
#: functions pickle cannot keep by name, such as pydantic's own closures).
_NOT_VALIDATION = frozenset({"metadata", "serialization"})


def kept_models() -> tuple[type[BaseModel], ...]:
    """The models whose validators are kept.

    Every document of a plan, a regeling of the catalog, and the models a document makes as
    the default of a field (``default_factory``), which validate themselves when they are made.
    """
    from samenplan.plan.models.manifest import Controle
    from samenplan.plan.models.regeling import Regeling
    from samenplan.plan.models.samenwerking import Participatie
    from samenplan.plan.steps import DOCUMENTS

    return (*(document.model for document in DOCUMENTS), Regeling, Controle, Participatie)


def validator(model: type[BaseModel]) -> SchemaValidator:
    """The validator of ``model``, as pydantic would build it; from the cache when it holds it."""
    if not _built(model):
        if model not in kept_models():
            model.model_rebuild()
        elif not _install_kept():
            _build_and_keep()
    return model.__pydantic_validator__  # type: ignore[return-value]  # built now


def _built(model: type[BaseModel]) -> bool:
    return isinstance(model.__pydantic_validator__, SchemaValidator)


def _name(model: type[BaseModel]) -> str:
    return f"{model.__module__}.{model.__qualname__}"


def _install_kept() -> bool:
    """Give every kept model its validator from the cache; whether the cache had them all."""
    kept = _kept()
    complete = True
    for model in kept_models():
        if _built(model):
            continue
        try:
            schema, config = kept[_name(model)]
            model.__pydantic_validator__ = SchemaValidator(schema, config)
        except Exception:  # not kept, or a damaged entry: built as without a cache
            complete = False
    return complete


@functools.cache
def _kept() -> dict[str, Any]:
    """The kept schemas and configs by model name; empty when there are none to trust."""
    file = cache_file()
    data = None if file is None else read_cached(file)
    if data is None:
        return {}
    try:
        kept = pickle.loads(data)
    except Exception:  # damaged, cut off, or naming what no longer exists
        return {}
    return kept if isinstance(kept, dict) else {}


def _build_and_keep() -> None:
    """Build the validators of every kept model with pydantic, and keep their schemas."""
    kept: dict[str, Any] = {}
    for model in kept_models():
        if not _built(model):
            model.model_rebuild()
        built: Any = model.__pydantic_validator__
        schema, config = built.__reduce__()[1][:2]  # the schema and config, as pickle keeps them
        kept[_name(model)] = (_for_validation(schema), config)
    _kept.cache_clear()
    file = cache_file()
    if file is None:
        return
    try:
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a function pickle cannot keep by name: nothing is kept
        return
    if write_cached(file, data):
        forget_others(file)


def _for_validation(schema: Any) -> Any:
    """``schema`` without what only JSON Schema and serialization read.

    A schema is a dict with a text under "type"; the field dicts of a model (field name →
    schema) have none, so a field named "metadata" is kept. A field's default value is data,
    never a schema, and is kept as it is.
    """
    if isinstance(schema, dict):
        kind = schema.get("type")
        if not isinstance(kind, str):
            return {k: _for_validation(v) for k, v in schema.items()}
        return {
            k: v if kind == "default" and k == "default" else _for_validation(v)
            for k, v in schema.items()
            if k not in _NOT_VALIDATION
        }
    if isinstance(schema, list):
        return [_for_validation(v) for v in schema]
    return schema


def cache_file() -> Path | None:
    """Where the kept schemas of this installation are; None when there is no cache."""
    import pydantic
    import pydantic_core

    from samenplan import __version__

    try:
        digest = _checksum()
    except OSError:  # the package is not plain files (a zip)
        return None
    folder = cache_folder(
        f"validators-{__version__}-pydantic-{pydantic.VERSION}-core-{pydantic_core.__version__}"
        f"-{sys.implementation.cache_tag}"
    )
    return None if folder is None else folder / f"{digest}.pickle"


def _checksum() -> str:
    files = _source_files()
    return checksum(*(f"{f.relative_to(_PACKAGE).as_posix()}\n".encode() + f.read_bytes() for f in files))


def _source_files() -> Iterator[Path]:
    for name in SOURCES:
        path = _PACKAGE / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]
