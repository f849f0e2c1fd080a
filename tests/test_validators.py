"""The plan models' validators kept in the user's cache: a check never depends on it.

A second start makes the validators from the kept schemas and builds none with pydantic; a
cache that is empty, damaged, stale or not safe to load gives the same findings, byte for
byte, as building every validator. Each start is a new process: pydantic's models are built
once per process.
"""

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from samenplan.files.usercache import NO_CACHE_VARIABLE
from samenplan.plan import validators
from support import EXAMPLES, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "formaat2"
#: Plans with every kind of validation finding (vol-fouten) and the formaat 2 shapes.
PLANS = [
    EXAMPLES / "vol-fouten",
    EXAMPLES / "heidedorpen",
    *sorted(p for p in FIXTURES.iterdir() if p.is_dir()),
]

# Checks PLANS in a new process and prints, as JSON, every finding and how many models pydantic
# built there (model_rebuild is how a deferred model is built, on first use or from here).
CHECK = """
import json, sys
from pathlib import Path
import pydantic
built = []
real = pydantic.BaseModel.model_rebuild.__func__
def counting(cls, *a, **k):
    built.append(cls.__name__)
    return real(cls, *a, **k)
pydantic.BaseModel.model_rebuild = classmethod(counting)
from samenplan.check.run import check_plan
from samenplan.diagnostics import Diagnostic
found = []
for plan in sys.argv[1:]:
    result = check_plan(Path(plan))
    found.append([repr(d) for d in result.diagnostics])
print(json.dumps({"found": found, "built": built}))
"""


# Validates every document of a plan with each scalar value in turn replaced by each of
# VALUES (about 15,000 documents) and prints every error pydantic reports: the kept
# validators must refuse and accept exactly what pydantic's own do.
MUTATED = """
import json, sys
from pathlib import Path
from samenplan.load.source import read_source
from samenplan.plan.steps import BY_FILE
from samenplan.plan.validators import validator
from pydantic import ValidationError
VALUES = [-1, 0, 1.5, 1999, 2024, "", " ", "x" * 70, "A B", "GM1", "1.000", "12,5", "ongeveer 10",
          "2024-13", "2022-2023", "onbekend", True, None, [], {}, ["a"], {"a": 1}]
out = []
def scalars(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from scalars(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from scalars(value, (*path, index))
    else:
        yield path
for plan in sys.argv[1:]:
    for file, document in sorted(BY_FILE.items()):
        data = read_source(Path(plan) / file, file).data
        if not isinstance(data, dict):
            continue
        check = validator(document.model).validate_python
        for path in list(scalars(data, ())):
            *parents, last = path
            holder = data
            for step in parents:
                holder = holder[step]
            kept = holder[last]
            for value in VALUES:
                holder[last] = value
                try:
                    check(data)
                    out.append("ok")
                except ValidationError as error:
                    out.append([[e["type"], list(e["loc"]), e["msg"]] for e in error.errors()])
            holder[last] = kept
print(json.dumps(out))
"""


def _start(cache: Path | None, script: str = CHECK, plans: list[Path] = PLANS) -> Any:
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", NO_CACHE_VARIABLE)}
    env["SAMENPLAN_DATUM"] = "2026-03-01"
    if cache is None:
        env[NO_CACHE_VARIABLE] = "1"
    else:
        env["XDG_CACHE_HOME"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, plans)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def test_kept_validators_refuse_and_accept_what_pydantic_does(tmp_path: Path) -> None:
    plans = [EXAMPLES / "lindeveen"]
    built = _start(None, MUTATED, plans)
    _start(tmp_path)  # fills the cache
    kept = _start(tmp_path, MUTATED, plans)
    assert len(built) > 10_000
    assert sum(result != "ok" for result in built) > 5_000
    assert kept == built


@pytest.fixture(scope="module")
def uncached() -> list[object]:
    without = _start(None)
    assert without["built"], "without a cache, pydantic builds the validators"
    return without["found"]


def _kept_files(cache: Path) -> list[Path]:
    return sorted((cache / "samenplan").glob("validators-*/*.pickle"))


def test_a_second_start_builds_no_validator_and_finds_the_same(
    uncached: list[object], tmp_path: Path
) -> None:
    first = _start(tmp_path)
    assert first["found"] == uncached
    assert first["built"]
    [kept] = _kept_files(tmp_path)
    assert kept.stat().st_mode & 0o077 == 0  # the user's own: no one else reads or writes it
    second = _start(tmp_path)
    assert second["built"] == []
    assert second["found"] == uncached


def test_every_kept_model_is_in_the_cache_file(tmp_path: Path) -> None:
    """A validator function pickle cannot keep by name would silently turn the cache off."""
    _start(tmp_path)
    [kept] = _kept_files(tmp_path)
    names = set(pickle.loads(kept.read_bytes()))
    assert names == {f"{m.__module__}.{m.__qualname__}" for m in validators.kept_models()}


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"rommel",
        lambda data: data[: len(data) // 2],  # a write that was cut off
        lambda data: pickle.dumps(["geen", "dict"]),
        lambda data: pickle.dumps({"samenplan.plan.models.aanpak.Aanpak": ({"type": "?"}, {})}),
        lambda data: data.replace(b"Aanpak", b"Aanpax"),  # a class that does not exist
    ],
    ids=["empty", "garbage", "truncated", "not a dict", "a broken schema", "an unknown class"],
)
def test_a_damaged_cache_gives_the_same_findings_and_is_written_again(
    damage: object, uncached: list[object], tmp_path: Path
) -> None:
    _start(tmp_path)
    [kept] = _kept_files(tmp_path)
    kept.write_bytes(damage(kept.read_bytes()))  # type: ignore[operator]
    damaged = _start(tmp_path)
    assert damaged["found"] == uncached
    assert damaged["built"]
    assert _start(tmp_path)["built"] == []  # written again, complete


def test_a_cache_others_may_write_in_is_not_loaded(uncached: list[object], tmp_path: Path) -> None:
    _start(tmp_path)
    [kept] = _kept_files(tmp_path)
    kept.chmod(0o666)
    again = _start(tmp_path)
    assert again["built"] and again["found"] == uncached
    kept.parent.chmod(0o777)
    assert _start(tmp_path)["built"]


def test_a_changed_model_source_is_a_new_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "samenplan"
    for name in validators.SOURCES:
        source = Path(validators.__file__).parents[1] / name
        target = package / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    monkeypatch.setattr(validators, "_PACKAGE", package)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    before = validators.cache_file()
    vocab = package / "plan" / "vocab.py"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "\n# een nieuw woord\n", encoding="utf-8")
    after = validators.cache_file()
    assert before is not None and after is not None
    assert before.parent == after.parent and before != after
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    assert validators.cache_file() is None


def test_the_checksum_covers_every_module_the_models_import() -> None:
    """A module outside SOURCES that shapes a model would leave a stale cache in use."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib, pkgutil, sys; import samenplan.plan.models as models; "
            "import samenplan.plan.steps; "
            "[importlib.import_module(m.name) "
            "for m in pkgutil.iter_modules(models.__path__, 'samenplan.plan.models.')]; "
            "print('\\n'.join(m.__file__ for n, m in sys.modules.items() "
            "if n.startswith('samenplan') and getattr(m, '__file__', None)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    package = Path(validators.__file__).parents[1]
    covered = [package / name for name in validators.SOURCES]
    for file in map(Path, done.stdout.split()):
        assert any(file == c or c in file.parents for c in covered), f"{file} is not in SOURCES"


def test_a_model_made_as_a_default_is_kept() -> None:
    """A default_factory model validates itself when made: without its kept validator, every
    start would build it (and pydantic's schema machinery) anyway."""
    from pydantic import BaseModel

    kept = set(validators.kept_models())
    seen: set[type[BaseModel]] = set()

    def defaults(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for field in model.model_fields.values():
            factory = field.default_factory
            if isinstance(factory, type) and issubclass(factory, BaseModel):
                assert factory in kept, f"{factory.__name__} is made as a default and not kept"
            for arg in _models_in(field.annotation):
                defaults(arg)

    for model in list(kept):
        defaults(model)


def _models_in(annotation: object) -> list[type]:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


def test_a_cache_that_cannot_be_made_gives_the_same_findings(uncached: list[object], tmp_path: Path) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("", encoding="utf-8")
    first = _start(blocker)
    assert first["found"] == uncached
    assert _start(blocker)["built"]  # nothing could be kept
    assert blocker.read_text(encoding="utf-8") == ""


def test_only_what_validation_does_not_read_is_left_out() -> None:
    data = {"type": "x", "metadata": 1}
    schema = {
        "type": "model-fields",
        "fields": {
            "metadata": {"type": "model-field", "schema": {"type": "str"}, "metadata": {"js": 1}},
            "soort": {
                "type": "model-field",
                "schema": {"type": "default", "default": data, "schema": {"type": "any"}},
            },
        },
        "serialization": {"type": "function-plain"},
    }
    assert validators._for_validation(schema) == {
        "type": "model-fields",
        "fields": {
            "metadata": {"type": "model-field", "schema": {"type": "str"}},  # a field of that name stays
            "soort": {
                "type": "model-field",
                "schema": {"type": "default", "default": data, "schema": {"type": "any"}},
            },  # a default value is data, kept whole
        },
    }
