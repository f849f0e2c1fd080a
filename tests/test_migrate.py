"""`samenplan migrate`: formaatversie 1 to 2 without losing a value or a comment.

The fixtures in tests/fixtures/formaat1 are the shipped examples and an `init` plan as they
were in formaatversie 1. Each is migrated with every step in STEPS; then every scalar value
of the old files must be in the new files: at the same place, or where the step that moved
it says (its module's MOVES), and every comment must still be there.
"""

import json
import os
import re
import shutil
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from samenplan.check.run import check_plan
from samenplan.load.source import read_source
from samenplan.migrate import STEPS
from samenplan.migrate.changes import Change, Move, PlanFiles, Step
from samenplan.migrate.run import AlreadyCurrent, CannotMigrate, plan_migration
from samenplan.migrate.write import write_files
from samenplan.plan.steps import DOCUMENTS
from support import EXAMPLES, ROOT, Cli

FORMAAT1 = ROOT / "tests" / "fixtures" / "formaat1"
FIXTURES = sorted(p.name for p in FORMAAT1.iterdir() if (p / "samenplan.yaml").is_file())

Path_ = tuple[str | int, ...]


# --- the value-preservation check ---------------------------------------------------------


def _leaves(data: object, path: Path_ = ()) -> Iterator[tuple[Path_, object]]:
    """Every scalar of a file with its path; an empty list or mapping counts as a value."""
    if isinstance(data, dict) and data:
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list) and data:
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path, data


def _read_all(root: Path) -> dict[str, dict[Path_, object]]:
    found = {}
    for doc in DOCUMENTS:
        path = root / doc.file
        if path.exists():
            source = read_source(path, doc.file, inside=root)
            assert source.ok, (doc.file, source.diagnostics)
            found[doc.file] = dict(_leaves(source.data))
    return found


def _comments(root: Path) -> Counter[str]:
    """Every comment of the plan files (and, harmlessly, '#' text in values: on both sides)."""
    found: Counter[str] = Counter()
    for doc in DOCUMENTS:
        path = root / doc.file
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                match = re.search(r"(?:^|\s)(#.*)$", line)
                if match:
                    found[match.group(1).strip()] += 1
    return found


SW, AANPAK, METEN, ANALYSE, MANIFEST = (
    "02-samenwerking.yaml",
    "05-aanpak.yaml",
    "06-meten-en-bijsturen.yaml",
    "03-analyse.yaml",
    "samenplan.yaml",
)

#: The renames of FORMAAT2.md for the steps of the other areas, for a step module that does
#: not declare its own MOVES. A step that moves a value elsewhere fails the test below.
KNOWN_MOVES: dict[str, tuple[Move, ...]] = {
    "samenplan.migrate.step_money": (
        Move(SW, "geldstromen.*.reserveringen.*.thema", "geldstromen.*.posten.*.naam"),
        Move(SW, "geldstromen.*.reserveringen", "geldstromen.*.posten"),
        Move(SW, "geldstromen.*.verdelingen.*.posten.*.label", "geldstromen.*.verdelingen.*.posten.*.naam"),
        Move(AANPAK, "interventies.*.begroting.*.reservering", "interventies.*.begroting.*.post"),
    ),
    "samenplan.migrate.step_partners": (
        Move(AANPAK, "interventies.*.trekker", "interventies.*.trekkers.0"),
        Move(AANPAK, "interventies.*.locaties.*", "gebieden.?.naam", MANIFEST),
        Move(METEN, "verantwoording.*.wie", "verantwoording.*.wie.0"),
        Move(MANIFEST, "regelingen.*.ontvangers", "regelingen.*.aanvragers"),
    ),
    "samenplan.migrate.step_monitor": (
        Move(ANALYSE, "bevindingen.*.cijfer.vergelijking", "bevindingen.*.cijfer.vergelijkingen.0"),
        Move(AANPAK, "interventies.*.onderbouwing", "interventies.*.onderbouwing.0"),
        Move(
            MANIFEST,
            "regelingen.*.kanaal",
            "regelingen.*.kanaal",
            values=(("spuk", "specifieke_uitkering"),),
        ),
    ),
}


def _moves(steps: Sequence[Step]) -> list[Move]:
    moves = []
    for step in steps:
        module = step.__module__
        moves += getattr(sys.modules[module], "MOVES", None) or KNOWN_MOVES.get(module, ())
    return sorted(moves, key=lambda m: -len(m.old.split(".")))  # the most specific first


def _segment_matches(pattern: str, key: str | int) -> bool:
    return pattern == "*" or pattern == str(key)


def _expected(file: str, path: Path_, moves: list[Move]) -> tuple[str, list[str | int | None], Move | None]:
    """Where a formaatversie 1 value must be after migration (None: any index or key), and by
    which move."""
    for move in moves:
        old = move.old.split(".")
        if move.file != file or len(old) > len(path):
            continue
        if all(_segment_matches(p, k) for p, k in zip(old, path, strict=False)):
            stars = iter(k for p, k in zip(old, path, strict=False) if p == "*")
            new: list[str | int | None] = []
            for part in move.new.split("."):
                if part == "*":
                    new.append(next(stars))
                elif part == "?":
                    new.append(None)
                else:
                    new.append(int(part) if part.isdigit() else part)
            return move.new_file or file, [*new, *path[len(old) :]], move
    return file, list(path), None


def _found(after: dict[Path_, object], wanted: list[str | int | None], value: object) -> bool:
    if None not in wanted:
        key = tuple(wanted)
        return key in after and after[key] == value
    return any(
        len(p) == len(wanted)
        and all(w is None or w == k for w, k in zip(wanted, p, strict=True))
        and v == value
        for p, v in after.items()
    )


def lost_values(before_root: Path, after_root: Path, steps: Sequence[Step]) -> list[str]:
    """Each value or comment of ``before_root`` that is not in ``after_root``, said plainly."""
    before, after = _read_all(before_root), _read_all(after_root)
    moves = _moves(steps)
    lost = []
    for file, leaves in before.items():
        for path, value in leaves.items():
            if (file, path) == ("samenplan.yaml", ("formaatversie",)):
                if after[file].get(path) != 2:
                    lost.append("formaatversie is not 2")
                continue
            target, wanted, move = _expected(file, path, moves)
            value = dict(move.values).get(value, value) if move is not None else value
            found = _found(after.get(target, {}), wanted, value)
            if not found and value is None and move is not None and wanted[-1:] == [0]:
                found = _found(after.get(target, {}), wanted[:-1], value)  # nothing stays nothing
            if not found:
                lost.append(f"{file}:{'.'.join(map(str, path))} = {value!r} (looked in {target}:{wanted})")
    missing = _comments(before_root) - _comments(after_root)
    lost += [f"comment {text!r} lost" for text in missing]
    return lost


def migrated_copy(tmp_path: Path, name: str, steps: Sequence[Step] | None = None) -> Path:
    """A copy of fixture ``name``, migrated in place (without a reservekopie)."""
    target = tmp_path / name
    shutil.copytree(FORMAAT1 / name, target)
    write_files(plan_migration(target, steps))
    return target


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Each fixture plan migrated by the real STEPS once for the module (two tests read it)."""
    done: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in done:
            done[name] = migrated_copy(tmp_path_factory.mktemp("migrated"), name)
        return done[name]

    return get


@pytest.mark.parametrize("name", FIXTURES)
def test_migrating_keeps_every_value_and_every_comment(migrated: Callable[[str], Path], name: str) -> None:
    assert lost_values(FORMAAT1 / name, migrated(name), STEPS) == []


def test_the_fixtures_are_the_old_examples_and_an_init_plan() -> None:
    assert FIXTURES == ["heidedorpen", "init", "rivierstad", "vol-fouten"]
    for name in FIXTURES:
        assert (FORMAAT1 / name / "samenplan.yaml").read_text(encoding="utf-8").count(
            "formaatversie: 1\n"
        ) == 1


def _drops_regio(files: PlanFiles) -> list[Change]:
    del files["samenplan.yaml"]["regio"]
    return [Change("samenplan.yaml", None, "regio weg")]


def _moves_regio_silently(files: PlanFiles) -> list[Change]:
    manifest = files["samenplan.yaml"]
    manifest["streek"] = manifest.pop("regio")
    return [Change("samenplan.yaml", None, "regio heet nu streek")]


def _drops_a_comment(files: PlanFiles) -> list[Change]:
    files["samenplan.yaml"].ca.items.clear()
    return []


@pytest.mark.parametrize("bad", [_drops_regio, _moves_regio_silently, _drops_a_comment])
def test_a_step_that_loses_a_value_or_comment_fails_the_check(tmp_path: Path, bad: Step) -> None:
    steps = [*STEPS, bad]
    after = migrated_copy(tmp_path, "rivierstad", steps)
    assert lost_values(FORMAAT1 / "rivierstad", after, steps) != []


def test_a_declared_move_is_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("step_streek")  # a step module as a helper would write it
    module.MOVES = (Move("samenplan.yaml", "regio", "streek"),)  # type: ignore[attr-defined]

    def migrate(files: PlanFiles) -> list[Change]:
        return _moves_regio_silently(files)

    migrate.__module__ = module.__name__
    monkeypatch.setitem(sys.modules, module.__name__, module)
    steps = [*STEPS, migrate]
    after = migrated_copy(tmp_path, "rivierstad", steps)
    assert "streek: Rivierland" in (after / "samenplan.yaml").read_text(encoding="utf-8")
    assert lost_values(FORMAAT1 / "rivierstad", after, steps) == []


@pytest.mark.parametrize("name", FIXTURES)
def test_the_migrated_plans_load_and_the_rules_run(migrated: Callable[[str], Path], name: str) -> None:
    result = check_plan(migrated(name))
    assert [(d.code, d.location, d.message) for d in result.diagnostics if d.code.startswith("SP0")] == []
    assert result.rules_ran


# --- what migrate changes in a file, and what it leaves ------------------------------------


def _v1(tmp_path: Path, name: str | None = None) -> Path:
    """A formaatversie 1 fixture plan by ``name``; without a name, heidedorpen as it is today
    with only 'formaatversie: 1': a plan where just the formaatversie step has work to do."""
    if name is not None:
        target = tmp_path / name
        shutil.copytree(FORMAAT1 / name, target)
        return target
    target = tmp_path / "heidedorpen"
    shutil.copytree(EXAMPLES / "heidedorpen", target)
    manifest = target / "samenplan.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("formaatversie: 2\n", "formaatversie: 1\n", 1),
        encoding="utf-8",
    )
    return target


def test_only_the_files_a_step_changes_are_rewritten(tmp_path: Path) -> None:
    migration = plan_migration(_v1(tmp_path))
    assert [f.name for f in migration.files] == ["samenplan.yaml"]
    [file] = migration.files
    assert file.new == file.old.replace("formaatversie: 1\n", "formaatversie: 2\n", 1)
    assert [(c.file, c.line, c.text) for c in migration.changes] == [
        ("samenplan.yaml", 1, "'formaatversie' is nu 2 (was 1).")
    ]


def test_comments_quotes_order_and_indentation_are_kept(tmp_path: Path) -> None:
    plan = _v1(tmp_path)
    text = (
        "# Ons plan\n"
        "formaatversie: 1   # niet zelf aanpassen\n"
        "titel: 'Samen Sterker'\n"
        "gemeenten:\n"
        '- naam: "Heidebeek"\n'
        "  cbs_code: GM9902\n"
        "periode: {van: 2023-08-01, tot: 2025-07-31}\n"
        "fase: concept\n"
    )
    (plan / "samenplan.yaml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    [file] = plan_migration(plan).files
    assert file.new == text.replace("formaatversie: 1 ", "formaatversie: 2 ").replace("\n", "\r\n")


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    plan = _v1(tmp_path)
    path = plan / "samenplan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    [file] = plan_migration(plan).files
    assert file.new.startswith("\ufeffformaatversie: 2\n")


def test_a_plan_already_in_formaatversie_2_is_left(tmp_path: Path) -> None:
    plan = migrated_copy(tmp_path, "heidedorpen")
    with pytest.raises(AlreadyCurrent, match="al bijgewerkt"):
        plan_migration(plan)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("formaatversie: 3\n", "Werk samenplan bij"),
        ("formaatversie: een\n", "geen formaatversie"),
        ("formaatversie: 0\n", "die bestaat niet"),
        ("formaatversie: [1\n", "kan niet gelezen worden, regel 1"),
    ],
)
def test_what_migrate_cannot_update(tmp_path: Path, line: str, says: str) -> None:
    plan = _v1(tmp_path)
    path = plan / "samenplan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("formaatversie: 1\n", line), encoding="utf-8")
    with pytest.raises(CannotMigrate, match=says):
        plan_migration(plan)


# --- the command ---------------------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_dry_run_shows_the_diff_and_the_changes_and_writes_nothing(tmp_path: Path, cli: Cli) -> None:
    plan = _v1(tmp_path)
    before = _snapshot(plan)
    run = cli("migrate", plan, "--dry-run")
    assert run.code == 0
    assert run.out.startswith(
        "--- samenplan.yaml (nu)\n+++ samenplan.yaml (formaatversie 2)\n@@ -1,4 +1,4 @@\n"
        "-formaatversie: 1\n+formaatversie: 2\n"
    )
    assert run.out.endswith(
        "Wat er verandert (1):\n  samenplan.yaml, regel 1: 'formaatversie' is nu 2 (was 1).\n"
        "Dit was een proef (--dry-run): er is niets geschreven.\n"
    )
    assert _snapshot(plan) == before


def test_without_a_terminal_it_needs_yes(tmp_path: Path, cli: Cli) -> None:
    plan = _v1(tmp_path)
    before = _snapshot(plan)
    run = cli("migrate", plan)
    assert run.code == 2
    assert run.err == (
        "samenplan: samenplan migrate verandert 1 bestand. Zonder terminal kan samenplan niet vragen "
        "of dat mag: geef --yes mee (of kijk eerst met --dry-run). Er is niets veranderd.\n"
    )
    assert _snapshot(plan) == before


def test_yes_writes_keeps_a_reservekopie_and_init_herstel_puts_it_back(tmp_path: Path, cli: Cli) -> None:
    plan = _v1(tmp_path)
    old = (plan / "samenplan.yaml").read_bytes()
    run = cli("migrate", plan, "--yes")
    assert run.code == 0, run.err
    assert (plan / "samenplan.yaml").read_bytes() == old.replace(b"formaatversie: 1\n", b"formaatversie: 2\n")
    [backup] = (plan / "reservekopie").iterdir()
    assert sorted(p.name for p in backup.iterdir()) == ["herstel.json", "samenplan.yaml"]
    assert (backup / "samenplan.yaml").read_bytes() == old
    assert f"De oude versie staat in {Path(os.path.relpath(backup, ROOT)).as_posix()}/." in run.out
    assert f"Terugzetten: samenplan init {plan.as_posix()} --herstel\n" in run.out
    assert run.out.endswith(f"Controleer het plan: samenplan check {plan.as_posix()}\n")
    assert check_plan(plan).diagnostics == []
    assert cli("migrate", plan).out == (
        f"Het plan in '{plan.as_posix()}' is al bijgewerkt: het staat in formaatversie 2. "
        "Er is niets veranderd.\n"
    )
    assert cli("init", plan, "--herstel", "--yes").code == 0
    assert (plan / "samenplan.yaml").read_bytes() == old


def test_on_a_terminal_it_asks_first(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _v1(tmp_path)
    before = _snapshot(plan)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("typer.prompt", lambda *a, **k: "nee")
    run = cli("migrate", plan)
    assert (run.code, run.out.splitlines()[-2:]) == (
        0,
        [
            "samenplan migrate verandert 1 bestand; de oude versie komt eerst in een reservekopie.",
            "Er is niets veranderd.",
        ],
    )
    assert _snapshot(plan) == before
    monkeypatch.setattr("typer.prompt", lambda *a, **k: "j")
    assert cli("migrate", plan).code == 0
    assert (plan / "samenplan.yaml").read_text(encoding="utf-8").startswith("formaatversie: 2\n")


def test_the_diff_is_safe_for_a_terminal(tmp_path: Path, cli: Cli) -> None:
    plan = _v1(tmp_path)
    path = plan / "samenplan.yaml"
    path.write_text("# plan \u202egnitsil\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    run = cli("migrate", plan, "--dry-run")
    assert " # plan \\u202egnitsil\n" in run.out
    assert "\u202e" not in run.out


def test_the_editor_schemas_of_init_are_refreshed(tmp_path: Path, cli: Cli) -> None:
    from samenplan.plan.schema import MARKER, render_schemas

    plan = _v1(tmp_path, "init")
    (plan / "schemas").mkdir()
    stale = json.dumps({"$comment": MARKER, "oud": True})
    (plan / "schemas" / "samenplan.schema.json").write_text(stale, encoding="utf-8")
    run = cli("migrate", plan, "--yes")
    assert f"De schema's voor de editor in {plan.as_posix()}/schemas/ zijn bijgewerkt." in run.out
    text = (plan / "schemas" / "samenplan.schema.json").read_text(encoding="utf-8")
    assert text == render_schemas()["samenplan.schema.json"]


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p / "nergens", "bestaat niet"),
        (lambda p: p, "staat geen plan"),
    ],
)
def test_not_a_plan(tmp_path: Path, cli: Cli, make: object, says: str) -> None:
    run = cli("migrate", make(tmp_path))  # type: ignore[operator]
    assert run.code == 2 and says in run.err and run.err.startswith("samenplan: ")


def test_a_newer_plan_is_refused(tmp_path: Path, cli: Cli) -> None:
    plan = _v1(tmp_path)
    path = plan / "samenplan.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("formaatversie: 1", "formaatversie: 7"), encoding="utf-8"
    )
    run = cli("migrate", plan, "--yes")
    assert run.code == 2
    assert "formaatversie 7; deze samenplan kent formaatversie 2. Werk samenplan bij" in run.err
    assert not (plan / "reservekopie").exists()


def test_a_step_that_fails_changes_nothing_and_says_so(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(files: PlanFiles) -> list[Change]:
        raise KeyError("x")

    plan = _v1(tmp_path)
    before = _snapshot(plan)
    monkeypatch.setattr("samenplan.migrate.STEPS", [*STEPS, broken])
    run = cli("migrate", plan, "--yes")
    assert run.code == 2
    assert run.err.startswith(
        "samenplan: samenplan kan dit plan niet automatisch bijwerken (stap test_migrate: KeyError)"
    )
    assert _snapshot(plan) == before
