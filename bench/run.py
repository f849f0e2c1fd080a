"""Benchmarks of `samenplan check` and `samenplan render`, next to yamllint and check-jsonschema.

Writes medians, ratios, growth and peak memory to docs/performance.md. Needs samenplan with
its bench extra in the active environment; the script installs nothing:

    pip install -e '.[bench]'      # yamllint, check-jsonschema; ruamel.yaml's C parser
    python bench/run.py            # about 5 minutes; --quick takes about 2
    python bench/run.py --runs 15 --output /tmp/performance.md

Every number is a median of --runs runs (after one warm-up run) of a fresh process, timed
from this script: wall time, and CPU time (user + system, from os.wait4) which a busy
machine disturbs less. Peak memory is the largest resident set of those processes.
Generated plans go to a temporary folder that is removed afterwards.
"""

import argparse
import datetime
import importlib.metadata
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import EXAMPLES, GEMEENTEN, ROOT, gemeente_plans, large_plan

NEEDED = ("samenplan", "yamllint", "check-jsonschema")
PLANS = ("heidedorpen", "rivierstad")
#: (interventie copies, resultaat copies) of rivierstad: 10 interventies, 10 resultaten each.
SIZES = ((10, 3), (30, 9), (100, 30), (300, 90), (1000, 300))
BASE = 100  # the size called 1×: 1,000 interventies, 300 resultaten

# Checks one plan in this process with samenplan's size limits lifted; prints JSON.
INNER = """
import json, resource, sys, time
from pathlib import Path
from samenplan.load import limits
limits.MAX_BYTES = limits.MAX_NODES = limits.MAX_VALUES = limits.MAX_CHARS = 2**30
from samenplan.check.run import check_plan
check_plan(Path(sys.argv[2]))  # imports and the catalog, outside the timing
wall, cpu = time.perf_counter(), time.process_time()
result = check_plan(Path(sys.argv[1]))
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "findings": len(result.diagnostics),
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# The CPU time of checking one plan in a process that has checked it before (minimum of 10).
WARM = """
import sys, time
from pathlib import Path
from samenplan.check.run import check_plan
plan = Path(sys.argv[1])
check_plan(plan)
times = []
for _ in range(10):
    start = time.process_time()
    check_plan(plan)
    times.append(time.process_time() - start)
print(min(times))
"""

# Checks every plan folder under a folder in one process, without the CLI (fallback).
LOOP = """
import sys
from pathlib import Path
from samenplan.check.run import check_plan
for plan in sorted(p for p in Path(sys.argv[1]).iterdir() if p.is_dir()):
    check_plan(plan)
"""


@dataclass
class Timing:
    """Medians of some runs of one command (or one sequence of commands)."""

    wall: float  # seconds
    cpu: float  # seconds, user + system
    rss: float  # MB, the largest of all runs
    runs: int
    codes: tuple[int, ...]


def run_once(argv: Sequence[str], cwd: Path | None = None) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB and exit code of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def measure(commands: Sequence[Sequence[str]], runs: int, warmup: bool = True) -> Timing:
    """Medians over ``runs`` of running ``commands`` one after the other (summed)."""
    if warmup:
        for argv in commands:
            run_once(argv)
    walls, cpus, rss, codes = [], [], 0.0, []
    for _ in range(runs):
        total_wall = total_cpu = 0.0
        for argv in commands:
            wall, cpu, peak, code = run_once(argv)
            total_wall, total_cpu, rss = total_wall + wall, total_cpu + cpu, max(rss, peak)
            codes.append(code)
        walls.append(total_wall)
        cpus.append(total_cpu)
    return Timing(statistics.median(walls), statistics.median(cpus), rss, runs, tuple(codes))


def inner(plan: Path, runs: int) -> dict[str, float]:
    """Median in-process check of ``plan`` (limits lifted), as a fresh process per run."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", INNER, str(plan), str(EXAMPLES / PLANS[0])],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout))
    return {
        key: statistics.median(r[key] for r in results)
        if key != "rss"
        else max(r[key] for r in results) / 1024
        for key in results[0]
    }


def count(number: float) -> str:
    return f"{number:,.0f}".replace(",", " ")


def ms(seconds: float) -> str:
    return f"{count(seconds * 1000)} ms"


def secs(seconds: float) -> str:
    return f"{seconds:,.2f} s" if seconds < 100 else f"{seconds:,.0f} s"


def mb(value: float) -> str:
    return f"{count(value)} MB"


def exponent(points: Sequence[tuple[float, float]]) -> float:
    """Least-squares slope of log(time) against log(size): 1.0 is linear growth."""
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


class Bench:
    """Runs every measurement and collects the Markdown sections."""

    def __init__(self, runs: int, quick: bool, work: Path) -> None:
        self.runs, self.quick, self.work = runs, quick, work
        self.sections: list[str] = []
        self.verdicts: list[str] = []
        self.cpu: dict[str, float] = {}  # CPU seconds by key, for the analysis
        self.samenplan = shutil.which("samenplan") or "samenplan"

    def log(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def sp(self, *args: str) -> list[str]:
        return [self.samenplan, *args]

    # -- example plans ---------------------------------------------------------------------

    def examples(self) -> None:
        schemas = self.work / "schemas"
        subprocess.run(self.sp("schema", str(schemas)), check=True, capture_output=True)
        rows = []
        ratios: dict[str, tuple[float, float]] = {}
        for name in PLANS:
            plan = EXAMPLES / name
            self.log(f"voorbeeld {name}")
            check = measure([self.sp("check", str(plan))], self.runs)
            render = measure([self.sp("render", str(plan), "-o", "-", "--force")], self.runs)
            lint = measure([["yamllint", str(plan)]], self.runs)
            files = sorted(plan.glob("*.yaml"))
            jsonschema = measure(
                [
                    ["check-jsonschema", "--schemafile", str(schemas / f"{f.stem}.schema.json"), str(f)]
                    for f in files
                ],
                max(3, self.runs // 2),
            )
            ratios[name] = (check.wall / lint.wall, check.cpu / lint.cpu)
            self.cpu[f"check:{name}"], self.cpu[f"yamllint:{name}"] = check.cpu, lint.cpu
            size = sum(f.stat().st_size for f in files) / 1000
            rows += [
                f"| {name} ({len(files)} files, {size:.0f} kB) | `samenplan check` | "
                f"{ms(check.wall)} | {ms(check.cpu)} | {mb(check.rss)} | "
                f"{check.wall / lint.wall:.2f}× | {check.wall / jsonschema.wall:.2f}× |",
                f"| | `samenplan render` (HTML) | {ms(render.wall)} | {ms(render.cpu)} | "
                f"{mb(render.rss)} | {render.wall / lint.wall:.2f}× | "
                f"{render.wall / jsonschema.wall:.2f}× |",
                f"| | `yamllint` | {ms(lint.wall)} | {ms(lint.cpu)} | {mb(lint.rss)} | 1× | |",
                f"| | `check-jsonschema`, {len(files)} runs (one per file and schema) | "
                f"{ms(jsonschema.wall)} | {ms(jsonschema.cpu)} | {mb(jsonschema.rss)} | | 1× |",
            ]
        self.sections.append(
            "\n".join(
                [
                    "## The example plans",
                    "",
                    "| plan | command | wall | CPU | peak memory | vs yamllint (wall) | "
                    "vs check-jsonschema (wall) |",
                    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
                    *rows,
                    "",
                    "yamllint runs with its default configuration over the plan folder. check-jsonschema "
                    "takes one schema per run, so checking a plan against the schemas of "
                    "`samenplan schema` takes one run per file; the time is the sum of those runs.",
                ]
            )
        )
        for name, (wall, cpu) in ratios.items():
            verdict = "met" if wall <= 0.6 else "not met"
            self.verdicts.append(
                f"- `check` of {name} at most 0.6× `yamllint`: **{verdict}** — {wall:.2f}× "
                f"in wall time, {cpu:.2f}× in CPU time."
            )

    # -- where start-up time goes -----------------------------------------------------------

    def startup(self) -> None:
        py = sys.executable
        steps = [
            ("python", "Python itself (`python -c pass`)", [py, "-c", "pass"]),
            ("version", "`samenplan --version` (typer, the CLI)", self.sp("--version")),
            ("typer", "`import typer`", [py, "-c", "import typer"]),
            (
                "pydantic",
                "`import pydantic` and a first model",
                [py, "-c", "import pydantic; pydantic.BaseModel"],
            ),
            ("ruamel", "`import ruamel.yaml`", [py, "-c", "import ruamel.yaml"]),
            (
                "models",
                "`import samenplan.plan.steps` (pydantic and all plan models)",
                [py, "-c", "import samenplan.plan.steps"],
            ),
            (
                "nocli",
                "all of check without the CLI: imports, catalog, rules registered",
                [
                    py,
                    "-c",
                    "import samenplan.check.run, samenplan.check.engine\n"
                    "from samenplan.check.rules import all_rules\n"
                    "from samenplan.plan.catalog import load_catalog\n"
                    "all_rules(); load_catalog()",
                ],
            ),
            ("cli", "`samenplan check examples/rivierstad`", self.sp("check", str(EXAMPLES / "rivierstad"))),
        ]
        rows = []
        for key, label, argv in steps:
            self.log(f"start-up: {label}")
            t = measure([argv], self.runs)
            self.cpu[key] = t.cpu
            rows.append(f"| {label} | {ms(t.wall)} | {ms(t.cpu)} | {mb(t.rss)} |")
        for name in PLANS:
            out = subprocess.run(
                [sys.executable, "-c", WARM, str(EXAMPLES / name)], capture_output=True, text=True, check=True
            )
            self.cpu[f"warm:{name}"] = float(out.stdout)
            rows.append(
                f"| reading and checking {name} again in the same process (no start-up)"
                f" | | {ms(float(out.stdout))} | |"
            )
        self.sections.append(
            "\n".join(
                [
                    "## Where the time of one check goes",
                    "",
                    "Each line is a separate process; a line includes the ones above it that it imports.",
                    "",
                    "| process | wall | CPU | peak memory |",
                    "| --- | ---: | ---: | ---: |",
                    *rows,
                ]
            )
        )

    # -- growth with plan size --------------------------------------------------------------

    def growth(self) -> None:
        sizes = SIZES[:3] if self.quick else SIZES
        rows, points = [], []
        for ci, cr in sizes:
            plan = large_plan(self.work / f"groot-{ci}", ci, cr)
            size = sum(f.stat().st_size for f in plan.glob("*.yaml")) / 1e6
            self.log(f"groot plan: {ci * 10} interventies")
            runs = 1 if ci >= 1000 else 3
            inside = inner(plan, runs)
            cli = measure([self.sp("check", str(plan))], 3 if ci < 300 else 1)
            refused = (
                "SP015"
                in subprocess.run(
                    self.sp("check", "--format", "concise", str(plan)), capture_output=True, text=True
                ).stdout
            )
            points.append((ci * 10, inside["cpu"]))
            cli_text = f"{secs(cli.wall)}" + (" (refused: SP015 file too large)" if refused else "")
            rows.append(
                f"| {ci / BASE:g}× | {count(ci * 10)} | {count(cr * 10)} | {size:.1f} MB | "
                f"{secs(inside['wall'])} | {secs(inside['cpu'])} | {mb(inside['rss'])} | "
                f"{inside['findings']:.0f} | {cli_text} |"
            )
        slope = exponent(points)
        tail = exponent(points[-3:]) if len(points) >= 3 else slope
        self.sections.append(
            "\n".join(
                [
                    "## Growth with plan size",
                    "",
                    "Rivierstad with its interventies and resultaten copied (bench/generate.py); 1× is "
                    "about 1,000 interventies and 300 resultaten. *Check* is `check_plan` in a fresh "
                    "process with samenplan's own size limits lifted, timed after a first check of "
                    "another plan (so without start-up). *CLI* is `samenplan check` as a user runs it, "
                    "with the limits in place.",
                    "",
                    "| size | interventies | resultaten | YAML | check (wall) | check (CPU) | "
                    "peak memory | findings | CLI (wall) |",
                    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                    *rows,
                    "",
                    f"Time grows as size^{slope:.2f} over all sizes (least squares on log CPU time "
                    f"against log interventies), size^{tail:.2f} over the three largest; 1.00 is "
                    "linear.",
                ]
            )
        )
        verdict = "met" if slope <= 1.1 else "not met"
        self.verdicts.append(
            f"- time grows linearly with plan size: **{verdict}** — "
            f"exponent {slope:.2f} ({tail:.2f} over the three largest sizes)."
        )

    # -- 342 plans --------------------------------------------------------------------------

    def gemeenten(self) -> None:
        folder = self.work / "gemeenten"
        plans = gemeente_plans(folder)
        self.log(f"{len(plans)} plannen")
        one = measure([self.sp("check", str(folder))], 3)
        how = f"`samenplan check {folder.name}/` (one process, all plans)"
        if one.codes[-1] == 2:  # this samenplan checks one plan per run
            one = measure([[sys.executable, "-c", LOOP, str(folder)]], 3)
            how = "`check_plan` for each plan in a loop, in one Python process"
        sample = plans[::10] if self.quick else plans
        separate = measure([self.sp("check", str(p)) for p in sample], 1, warmup=False)
        factor = len(plans) / len(sample)
        sep_wall, sep_cpu = separate.wall * factor, separate.cpu * factor
        counted = (
            f"{len(sample)} of the {len(plans)} runs, times {factor:.1f}"
            if factor > 1
            else f"all {len(plans)} runs"
        )
        self.sections.append(
            "\n".join(
                [
                    f"## {GEMEENTEN} plans, one per gemeente",
                    "",
                    "The two example plans, alternately, each with its own CBS code.",
                    "",
                    "| how | wall | CPU | peak memory |",
                    "| --- | ---: | ---: | ---: |",
                    f"| {how} | {secs(one.wall)} | {secs(one.cpu)} | {mb(one.rss)} |",
                    f"| {len(plans)} separate `samenplan check PLAN` runs ({counted}) | {secs(sep_wall)} | "
                    f"{secs(sep_cpu)} | {mb(separate.rss)} (largest run) |",
                    "",
                    f"One process takes {one.wall / sep_wall:.1%} of the wall time of separate runs "
                    f"({ms(one.wall / len(plans))} per plan against {ms(sep_wall / len(plans))}).",
                ]
            )
        )
        verdict = "met" if one.wall <= 0.1 * sep_wall else "not met"
        self.verdicts.append(
            f"- {GEMEENTEN} plans in one process a small fraction (at most 10%) "
            f"of {GEMEENTEN} separate runs: **{verdict}** — "
            f"{one.wall / sep_wall:.1%}."
        )

    # -- what the missed target would take --------------------------------------------------

    def analysis(self) -> None:
        c = self.cpu
        name = "rivierstad"
        budget = 0.6 * c[f"yamllint:{name}"]
        parts = [
            ("Python start-up", c["python"]),
            (
                "typer, click and the CLI layer (`samenplan --version` less Python)",
                c["version"] - c["python"],
            ),
            ("pydantic's own import", c["pydantic"] - c["python"]),
            ("building the plan models (pydantic)", c["models"] - c["pydantic"]),
            ("the rest of check's imports (ruamel.yaml, rules), the catalog", c["nocli"] - c["models"]),
            (f"reading and checking {name} itself", c[f"warm:{name}"]),
        ]
        rows = [f"| {label} | {ms(t)} |" for label, t in parts]
        without = c["cli"] - (c["version"] - c["python"])
        floor = c["python"] + (c["nocli"] - c["models"]) + c[f"warm:{name}"]
        small = "heidedorpen"
        small_floor = floor - c[f"warm:{name}"] + c[f"warm:{small}"]
        self.sections.append(
            "\n".join(
                [
                    "## What the 0.6× target would take",
                    "",
                    f"`samenplan check examples/{name}` takes {ms(c['cli'])} CPU; 0.6× yamllint is "
                    f"{ms(budget)}. Its parts, from the start-up table (differences of CPU medians; "
                    "they share standard-library imports, so they add up to a little more than the "
                    "whole):",
                    "",
                    "| part | CPU |",
                    "| --- | ---: |",
                    *rows,
                    "",
                    "Reading and checking the plan is a small part: almost all of the time is imports, "
                    "paid at every start. Plan files are read with ruamel.yaml's C parser when it is "
                    "installed, with the same YAML 1.2 rules and positions as the pure-Python parser.",
                    "",
                    f"- Not importing typer for `check` (a small argument parser of its own for the "
                    f"check command) would save up to {ms(c['version'] - c['python'])}: about "
                    f"{ms(without)}, {without / c[f'yamllint:{name}']:.2f}× yamllint.",
                    f"- pydantic costs {ms(c['models'] - c['python'])} at every start (its import and "
                    "building the models; `defer_build` moves that work to the first validation and "
                    "saves nothing for check). Without pydantic at start-up (validated plans cached by "
                    "the contents of their files, or a lighter validation library) the floor would be "
                    f"about {ms(floor)}: {floor / c[f'yamllint:{name}']:.2f}× yamllint.",
                    f"- Both together {'would reach' if floor <= budget else 'would still miss'} the "
                    f"target for {name}; for {small} the floor would be about {ms(small_floor)} "
                    f"against 0.6× yamllint = {ms(0.6 * c[f'yamllint:{small}'])}. Each is a change of "
                    "design, not of tuning: the CLI layer, or how plans are validated.",
                ]
            )
        )


def machine() -> list[str]:
    cpuinfo = Path("/proc/cpuinfo")
    names = [
        line.split(":", 1)[1].strip()
        for line in (cpuinfo.read_text(encoding="utf-8").splitlines() if cpuinfo.exists() else [])
        if line.startswith("model name")
    ]
    cpu = names[0] if names else platform.processor() or platform.machine()
    versions = []
    for dist in (
        "samenplan",
        "pydantic",
        "pydantic-core",
        "ruamel.yaml",
        "ruamel.yaml.clibz",
        "ruamel.yaml.clib",
        "typer",
        "yamllint",
        "check-jsonschema",
    ):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist} (not installed)")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        f"- Machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
        f"load average at the start {load}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Packages: {', '.join(versions)}",
    ]


def document(bench: Bench, args: argparse.Namespace, took: float) -> str:
    command = (
        "python bench/run.py"
        + (" --quick" if args.quick else "")
        + (f" --runs {args.runs}" if args.runs != 7 else "")
    )
    return "\n".join(
        [
            "# Performance",
            "",
            f"Generated by `{command}` on {datetime.date.today().isoformat()} in {took / 60:.0f} "
            "minutes. Do not edit by hand: run the script again.",
            "",
            *machine(),
            f"- Medians of {args.runs} runs after one warm-up run, each a fresh process. "
            "*Wall* is elapsed time, *CPU* is user + system time of the process; on a busy "
            "machine CPU time is the steadier of the two.",
            "",
            "## Targets",
            "",
            *bench.verdicts,
            "",
            *[s + "\n" for s in bench.sections],
            "## How to run",
            "",
            "```",
            "pip install -e '.[bench]'",
            command,
            "```",
            "",
            "The script installs nothing. It needs `samenplan`, `yamllint` and `check-jsonschema` "
            "on the PATH (the `bench` extra brings the last two, and ruamel.yaml's C parser, "
            "which `samenplan check` uses when it is there). Commands per measurement:",
            "",
            "- `samenplan check PLAN`, `samenplan render PLAN -o - --force`",
            "- `yamllint PLAN`",
            "- `samenplan schema SCHEMAS`, then per file "
            "`check-jsonschema --schemafile SCHEMAS/NAME.schema.json PLAN/NAME.yaml`",
            "- large plans: `python bench/generate.py FOLDER 100 30` writes the 1× plan; the "
            "in-process check is the INNER snippet in bench/run.py",
            f"- {GEMEENTEN} plans: `samenplan check FOLDER` against `samenplan check FOLDER/PLAN` per plan",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median)")
    parser.add_argument(
        "--quick", action="store_true", help="smaller growth series, every 10th of the separate runs"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        print(
            f"bench/run.py needs {', '.join(missing)} on the PATH. Install them with:\n"
            "    pip install -e '.[bench]'",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="samenplan-bench-") as tmp:
        bench = Bench(args.runs, args.quick, Path(tmp))
        bench.examples()
        bench.startup()
        bench.growth()
        bench.gemeenten()
        bench.analysis()
    args.output.write_text(document(bench, args, time.perf_counter() - started), encoding="utf-8")
    print(f"written: {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
