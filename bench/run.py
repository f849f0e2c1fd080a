"""Benchmarks of `samenplan check` and `samenplan render` against the targets of issue 15.

Measures every target in one run, as ratios of commands run side by side (A B A B ...,
the ratio taken pair by pair, so a machine that speeds up or slows down during the run
moves both), prints met / not met per target and writes docs/performance.md. Needs
samenplan with its bench extra in the active environment; the script installs nothing:

    pip install -e '.[bench]'      # yamllint, check-jsonschema; ruamel.yaml's C parser
    python bench/run.py            # about 8 minutes; --quick takes about 4
    python bench/run.py --baseline 9971ed8   # also the in-process time of an older commit
    python bench/run.py --runs 15 --output /tmp/performance.md

Every process is fresh and timed from this script: wall time, CPU time (user + system,
from os.wait4; a busy machine disturbs it less) and peak memory (its largest resident
set). samenplan runs as `python -m samenplan` from this checkout's src/ (or, with
--baseline, from the src/ of an older commit, measured side by side in the same run).
Processes run as after an installation: bytecode is written (PYTHONDONTWRITEBYTECODE is
removed). Generated plans go to a temporary folder that is removed afterwards.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import EXAMPLES, GEMEENTEN, ROOT, gemeente_plans, large_plan

NEEDED = ("yamllint", "check-jsonschema")
#: Every shipped example; vol-fouten has a finding of every rule.
PLANS = ("heidedorpen", "lindeveen", "rivierstad", "vol-fouten")
#: (interventie copies, resultaat copies) of rivierstad: 10 interventies, 10 resultaten each.
SIZES = ((10, 3), (30, 9), (100, 30), (200, 60), (300, 90))
BASE = 100  # the size called 1×: 1,000 interventies, 300 resultaten
CITY = (200, 60)  # a city-wide plan: 2,000 interventies, 600 resultaten
FLOOR = "import pydantic, ruamel.yaml, typer"
NO_CACHE = "SAMENPLAN_NO_CACHE"
#: Every document model's validator, as the loader gets it (plan/validators.py).
VALIDATORS = (
    "from samenplan.plan.validators import kept_models, validator\n[validator(m) for m in kept_models()]"
)
FORMATS = ("text", "concise", "json", "github", "gitlab", "sarif", "junit")

#: The issue's targets: the value the issue started from (its own measurement).
BEFORE = {
    "yamllint": "1.29× / 0.77×",
    "floor": "about 2.3×",
    "render": "1.3–1.4×",
    "one process": "8.1 %",
    "memory": "426 MB",
    "largest": "refuses 1,000 interventies",
    "growth": "exponent 1.02; 1.27 s",
}
BEFORE_1000_CPU = 1.27  # s: in-process check of the 1× plan in docs/performance.md before issue 15

# Checks one plan in this process with samenplan's size limits lifted; prints JSON.
INNER = """
import json, resource, sys, time
from pathlib import Path
from typing import Any
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
from typing import Any
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

# Runs one command and prints its wall and CPU seconds, peak MB and exit code (JSON, last
# line), after its output when asked. Linux counts a child's peak memory from the moment it
# is forked, so the commands are started from this small process, not from the bench.
LAUNCH = """
import json, os, subprocess, sys, time
keep = sys.argv[1] == "keep"
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE if keep else subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
out = proc.stdout.read() if keep else b""
_, status, usage = os.wait4(proc.pid, 0)
wall = time.perf_counter() - start
sys.stdout.write(out.decode())
print(json.dumps([wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                  os.waitstatus_to_exitcode(status)]))
"""

# Checks every plan folder under a folder in one process, without the CLI (fallback).
LOOP = """
import sys
from pathlib import Path
from typing import Any
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


@dataclass
class Pair:
    """Two commands run in turn: each one's medians, and the medians of the ratios A/B per pair."""

    a: Timing
    b: Timing
    wall: float
    cpu: float


class Runner:
    """Starts processes in the environment of an installed samenplan."""

    def __init__(self, src: Path, cache: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", NO_CACHE)}
        self.env["PYTHONPATH"] = str(src)
        # A cache folder of this run only: the warm-up run of each measurement fills it, as
        # the first check after an installation does (files/usercache.py).
        self.env["XDG_CACHE_HOME"] = str(cache)
        for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI", "NO_COLOR"):
            self.env.pop(name, None)

    def once(self, argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
        """Wall seconds, CPU seconds, peak RSS in MB and exit code of one process."""
        return self.launch(argv, env)[0]

    def launch(
        self, argv: Sequence[str], env: dict[str, str] | None = None, keep: bool = False
    ) -> tuple[tuple[float, float, float, int], str]:
        """once(), and what the process wrote when ``keep``; started from LAUNCH."""
        done = subprocess.run(
            [sys.executable, "-c", LAUNCH, "keep" if keep else "drop", *argv],
            capture_output=True,
            text=True,
            env={**self.env, **(env or {})},
            check=True,
        )
        *output, stats = done.stdout.rstrip("\n").split("\n")
        wall, cpu, rss, code = json.loads(stats)
        return (wall, cpu, rss, int(code)), "\n".join(output)

    def measure(
        self,
        commands: Sequence[Sequence[str]],
        runs: int,
        warmup: bool = True,
        env: dict[str, str] | None = None,
    ) -> Timing:
        """Medians over ``runs`` of running ``commands`` one after the other (summed)."""
        if warmup:
            for argv in commands:
                self.once(argv, env)
        walls, cpus, rss, codes = [], [], 0.0, []
        for _ in range(runs):
            total_wall = total_cpu = 0.0
            for argv in commands:
                wall, cpu, peak, code = self.once(argv, env)
                total_wall, total_cpu, rss = total_wall + wall, total_cpu + cpu, max(rss, peak)
                codes.append(code)
            walls.append(total_wall)
            cpus.append(total_cpu)
        return Timing(statistics.median(walls), statistics.median(cpus), rss, runs, tuple(codes))

    def pair(
        self,
        a: Sequence[str],
        b: Sequence[str],
        runs: int,
        env_a: dict[str, str] | None = None,
        env_b: dict[str, str] | None = None,
    ) -> Pair:
        """``a`` and ``b`` in turn, ``runs`` times each after one warm-up of each."""
        self.once(a, env_a)
        self.once(b, env_b)
        results: tuple[list[tuple[float, float, float, int]], list[tuple[float, float, float, int]]] = (
            [],
            [],
        )
        for _ in range(runs):
            results[0].append(self.once(a, env_a))
            results[1].append(self.once(b, env_b))
        timings = [
            Timing(
                statistics.median(r[0] for r in rs),
                statistics.median(r[1] for r in rs),
                max(r[2] for r in rs),
                runs,
                tuple(r[3] for r in rs),
            )
            for rs in results
        ]
        walls = [x[0] / y[0] for x, y in zip(*results, strict=True)]
        cpus = [x[1] / y[1] for x, y in zip(*results, strict=True)]
        return Pair(timings[0], timings[1], statistics.median(walls), statistics.median(cpus))


def inner(plan: Path, runs: int, runner: "Runner", src: Path | None = None) -> dict[str, float]:
    """Median in-process check of ``plan`` (limits lifted), as a fresh process per run.

    ``src``: the samenplan source folder to import instead of the installed one.
    """
    env = {"PYTHONPATH": str(src)} if src is not None else None
    results = []
    for _ in range(runs):
        (_, _, rss, code), out = runner.launch(
            [sys.executable, "-c", INNER, str(plan), str(EXAMPLES / PLANS[0])], env, keep=True
        )
        assert code == 0, f"INNER failed on {plan}"
        results.append({**json.loads(out), "rss": rss * 1024})
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


def verdict(met: bool) -> str:
    return "**met**" if met else "**not met**"


class Bench:
    """Runs every measurement and collects the targets and the Markdown sections."""

    def __init__(self, runs: int, quick: bool, work: Path, baseline: tuple[Path, str] | None) -> None:
        self.runs, self.quick, self.work = runs, quick, work
        self.baseline, self.baseline_name = baseline if baseline is not None else (None, "")
        self.run = Runner(ROOT / "src", work / "cache")
        self.old = {"PYTHONPATH": str(self.baseline)} if self.baseline is not None else None
        self.old_peaks: dict[str, float] = {}
        self.sections: list[str] = []
        self.why = ""  # the analysis of the missed targets, shown after the targets
        self.targets: list[tuple[str, str, str, str, bool]] = []  # measure, before, now, target, met
        self.cpu: dict[str, float] = {}  # CPU seconds by key, for the analysis

    def log(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def sp(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "samenplan", *args]

    def target(self, measure: str, before: str, now: str, bound: str, met: bool) -> None:
        self.targets.append((measure, before, now, bound, met))
        self.log(f"  {measure}: {now} (target {bound}): {'met' if met else 'NOT MET'}")

    # -- example plans ---------------------------------------------------------------------

    def examples(self) -> None:
        schemas = self.work / "schemas"
        subprocess.run(self.sp("schema", str(schemas)), check=True, capture_output=True, env=self.run.env)
        floor = [sys.executable, "-c", FLOOR]
        rows = []
        lint_ratio, floor_ratio, render_ratio = {}, {}, {}
        old_lint, old_floor, old_render = {}, {}, {}
        for name in PLANS:
            plan = EXAMPLES / name
            self.log(f"voorbeeld {name}")
            check_cmd = self.sp("check", str(plan))
            render_cmd = self.sp("render", str(plan), "-o", "-", "--force")
            lint = self.run.pair(check_cmd, ["yamllint", str(plan)], self.runs)
            base = self.run.pair(check_cmd, floor, self.runs)
            render = self.run.pair(render_cmd, check_cmd, self.runs)
            if self.old is not None:
                old_lint[name] = self.run.pair(check_cmd, ["yamllint", str(plan)], self.runs, env_a=self.old)
                old_floor[name] = self.run.pair(check_cmd, floor, self.runs, env_a=self.old)
                old_render[name] = self.run.pair(render_cmd, check_cmd, self.runs, self.old, self.old)
            files = sorted(plan.glob("*.yaml"))
            jsonschema = self.run.measure(
                [
                    ["check-jsonschema", "--schemafile", str(schemas / f"{f.stem}.schema.json"), str(f)]
                    for f in files
                ],
                max(3, self.runs // 2),
            )
            lint_ratio[name], floor_ratio[name], render_ratio[name] = lint, base, render
            self.cpu[f"check:{name}"], self.cpu[f"yamllint:{name}"] = lint.a.cpu, lint.b.cpu
            check = lint.a
            size = sum(f.stat().st_size for f in files) / 1000
            rows.append(
                f"| {name} ({len(files)} files, {size:.0f} kB) | `samenplan check` | "
                f"{ms(check.wall)} | {ms(check.cpu)} | {mb(check.rss)} | "
                f"{lint.wall:.2f}× | {check.wall / jsonschema.wall:.2f}× |"
            )
            if name in old_lint:
                old = old_lint[name].a
                rows.append(
                    f"| | `samenplan check`, {self.baseline_name} | {ms(old.wall)} | {ms(old.cpu)} | "
                    f"{mb(old.rss)} | {old_lint[name].wall:.2f}× | {old.wall / jsonschema.wall:.2f}× |"
                )
            rows += [
                f"| | `samenplan render` (HTML) | {ms(render.a.wall)} | {ms(render.a.cpu)} | "
                f"{mb(render.a.rss)} | {render.a.wall / lint.b.wall:.2f}× | "
                f"{render.a.wall / jsonschema.wall:.2f}× |",
                f"| | `yamllint` | {ms(lint.b.wall)} | {ms(lint.b.cpu)} | {mb(lint.b.rss)} | 1× | |",
                f'| | `python -c "{FLOOR}"` (the import floor) | {ms(base.b.wall)} | '
                f"{ms(base.b.cpu)} | {mb(base.b.rss)} | {base.b.wall / lint.b.wall:.2f}× | |",
                f"| | `check-jsonschema`, {len(files)} runs (one per file and schema) | "
                f"{ms(jsonschema.wall)} | {ms(jsonschema.cpu)} | {mb(jsonschema.rss)} | | 1× |",
            ]
        self.sections.append(
            "\n".join(
                [
                    "## The example plans",
                    "",
                    "Medians of each command; the ratio to yamllint is the median of the ratios of "
                    "runs side by side.",
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

        def ratios(found: dict[str, Pair]) -> str:
            return " / ".join(f"{n}: {r.cpu:.2f}× ({r.wall:.2f}×)" for n, r in found.items())

        self.target(
            "`samenplan check` vs `yamllint`, each example: CPU (wall)",
            self.before(BEFORE["yamllint"], ratios(old_lint)),
            ratios(lint_ratio),
            "≤ 0.8× on every example",
            all(r.cpu <= 0.8 for r in lint_ratio.values()),
        )
        self.target(
            f'`samenplan check` vs the import floor (`python -c "{FLOOR}"`)',
            self.before(BEFORE["floor"], ratios(old_floor)),
            ratios(floor_ratio),
            "≤ 1.4×",
            all(r.cpu <= 1.4 for r in floor_ratio.values()),
        )
        self.target(
            "`samenplan render --format html` vs `check`, same plan",
            self.before(BEFORE["render"], ratios(old_render)),
            ratios(render_ratio),
            "≤ 1.5× (keep)",
            all(r.cpu <= 1.5 for r in render_ratio.values()),
        )
        self.floor_ratio = floor_ratio

    def before(self, issue: str, measured: str) -> str:
        """The issue's own value, and the baseline's measured in this run when there is one."""
        return f"{issue}; {self.baseline_name} in this run: {measured}" if measured else issue

    # -- where start-up time goes -----------------------------------------------------------

    def startup(self) -> None:
        py = sys.executable
        steps: list[tuple[Any, ...]] = [
            ("python", "Python itself (`python -c pass`)", [py, "-c", "pass"]),
            ("floor", f"the import floor (`{FLOOR}`)", [py, "-c", FLOOR]),
            ("version", "`samenplan --version` (typer, the CLI)", self.sp("--version")),
            ("typer", "`import typer`", [py, "-c", "import typer"]),
            ("pydantic", "`import pydantic`", [py, "-c", "import pydantic"]),
            (
                "basemodel",
                "`from pydantic import BaseModel, Field`",
                [py, "-c", "from pydantic import BaseModel, Field"],
            ),
            ("ruamel", "`import ruamel.yaml`", [py, "-c", "import ruamel.yaml"]),
            (
                "models",
                "`import samenplan.plan.steps` (pydantic and the plan models, their fields collected)",
                [py, "-c", "import samenplan.plan.steps"],
            ),
            (
                "validators",
                "the plan models with the validators of every document, from the user's cache",
                [py, "-c", VALIDATORS],
            ),
            (
                "built",
                "the same, the validators built by pydantic (`SAMENPLAN_NO_CACHE=1`: the first "
                "start after an installation or a change of the models)",
                [py, "-c", VALIDATORS],
                {NO_CACHE: "1"},
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
            (
                "cold",
                "`samenplan check examples/rivierstad` without the cache (`SAMENPLAN_NO_CACHE=1`)",
                self.sp("check", str(EXAMPLES / "rivierstad")),
                {NO_CACHE: "1"},
            ),
        ]
        # Round by round, every process once in each round: a busy moment of the machine then
        # weighs on every line alike, and the differences between lines stay meaningful.
        self.log("start-up: every process once a round")
        runs: dict[str, list[tuple[float, float, float, int]]] = {key: [] for key, *_ in steps}
        for round_ in range(self.runs + 1):  # the first round warms up
            for key, _, argv, *env in steps:
                once = self.run.once(argv, env[0] if env else None)
                if round_:
                    runs[key].append(once)
        rows = []
        for key, label, *_ in steps:
            wall = statistics.median(r[0] for r in runs[key])
            self.cpu[key] = statistics.median(r[1] for r in runs[key])
            peak = max(r[2] for r in runs[key])
            rows.append(f"| {label} | {ms(wall)} | {ms(self.cpu[key])} | {mb(peak)} |")
        for name in PLANS:
            out = subprocess.run(
                [py, "-c", WARM, str(EXAMPLES / name)],
                capture_output=True,
                text=True,
                check=True,
                env=self.run.env,
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
                    "Each line is a separate process; a line includes the ones above it that it imports. "
                    "The processes ran in turn, each once a round, so a busy moment weighs on all alike.",
                    "",
                    "| process | wall | CPU | peak memory |",
                    "| --- | ---: | ---: | ---: |",
                    *rows,
                ]
            )
        )

    # -- growth with plan size, the largest plan, hostile files ----------------------------

    def growth(self) -> None:
        sizes = SIZES[:3] if self.quick else SIZES
        rows, points = [], []
        one_x: dict[str, float] = {}
        for ci, cr in sizes:
            plan = large_plan(self.work / f"groot-{ci}", ci, cr)
            size = sum(f.stat().st_size for f in plan.glob("*.yaml")) / 1e6
            self.log(f"groot plan: {ci * 10} interventies")
            runs = 1 if ci >= 1000 else 3
            inside = inner(plan, runs, self.run)
            if ci == BASE:
                one_x = inside
            cli, refused = self.cli(plan, 3 if ci < 300 else 1)
            points.append((ci * 10, inside["cpu"]))
            cli_text = f"{secs(cli.wall)}" + (" (refused: SP015)" if refused else "")
            rows.append(
                f"| {ci / BASE:g}× | {count(ci * 10)} | {count(cr * 10)} | {size:.1f} MB | "
                f"{secs(inside['wall'])} | {secs(inside['cpu'])} | {mb(inside['rss'])} | "
                f"{inside['findings']:.0f} | {cli_text} |"
            )
        slope = exponent(points)
        tail = exponent(points[-3:]) if len(points) >= 3 else slope
        base_line = ""
        before_cpu, before_text = BEFORE_1000_CPU, "1.27 s (docs/performance.md before issue 15)"
        if self.baseline is not None:
            self.log("groot plan met de oude versie")
            plan, olds, news = self.work / f"groot-{BASE}", [], []
            for _ in range(3):  # in turn, so both see the same machine
                olds.append(inner(plan, 1, self.run, src=self.baseline))
                news.append(inner(plan, 1, self.run))
            old = {k: statistics.median(r[k] for r in olds) for k in olds[0]}
            new = {k: statistics.median(r[k] for r in news) for k in news[0]}
            ratios = sorted(n["cpu"] / o["cpu"] for o, n in zip(olds, news, strict=True))
            before_cpu, one_x = new["cpu"] / statistics.median(ratios), new
            before_text = f"{self.baseline_name} in this run ({secs(old['cpu'])}; median of 3 pairs)"
            base_line = (
                f"\n\nThe 1× plan with {self.baseline_name} in this run: {secs(old['cpu'])} CPU, "
                f"{mb(old['rss'])}; with this version {secs(new['cpu'])} CPU, {mb(new['rss'])}."
            )
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
                    f"linear.{base_line}",
                ]
            )
        )
        self.cpu["1x"] = one_x.get("cpu", 0.0)
        ratio = one_x["cpu"] / before_cpu if one_x else float("nan")
        self.target(
            "time growth with plan size; in-process time for 1,000 interventies",
            BEFORE["growth"],
            f"exponent {slope:.2f}; {secs(one_x.get('cpu', 0))} CPU = {ratio:.2f}× of {before_text}",
            "exponent ≤ 1.05 (keep); 1,000 interventies halved (≤ 0.5×)",
            slope <= 1.05 and ratio <= 0.5,
        )

    def cli(self, plan: Path, runs: int) -> tuple[Timing, bool]:
        """`samenplan check PLAN` as a user runs it, and whether it refused a file (SP015)."""
        timing = self.run.measure([self.sp("check", str(plan))], runs)
        out = subprocess.run(
            self.sp("check", "--format", "concise", str(plan)),
            capture_output=True,
            text=True,
            env=self.run.env,
        ).stdout
        return timing, "SP015" in out

    def largest(self) -> None:
        rows = []
        accepted: dict[str, bool] = {}
        for label, (ci, cr) in (("1×", (BASE, 30)), ("city-wide", CITY)):
            plan = large_plan(self.work / f"stad-{ci}-{cr}", ci, cr)
            self.log(f"grootste plan: {ci * 10} interventies, {cr * 10} resultaten")
            timing, refused = self.cli(plan, 1)
            accepted[label] = not refused
            size = sum(f.stat().st_size for f in plan.glob("*.yaml")) / 1e6
            rows.append(
                f"| {label}: {count(ci * 10)} interventies, {count(cr * 10)} resultaten, {size:.1f} MB | "
                f"{'accepted' if not refused else 'refused (SP015)'} | {secs(timing.wall)} | "
                f"{mb(timing.rss)} |"
            )
        hostile = self.hostile_plans()
        refused_all = True
        for label, plan in hostile:
            timing, refused = self.cli(plan, 1)
            refused_all = refused_all and refused
            rows.append(
                f"| hostile: {label} | {'refused (SP015)' if refused else '**not refused**'} | "
                f"{secs(timing.wall)} | {mb(timing.rss)} |"
            )
        self.sections.append(
            "\n".join(
                [
                    "## The largest plan the CLI accepts",
                    "",
                    "`samenplan check PLAN` with the size limits of this version (load/limits.py, "
                    "docs/grenzen.md), "
                    "on generated plans and on hostile files of the reliability tests "
                    "(tests/test_hostile.py).",
                    "",
                    "| plan | CLI | wall | peak memory |",
                    "| --- | --- | ---: | ---: |",
                    *rows,
                ]
            )
        )
        city = accepted["city-wide"]
        self.target(
            "largest plan the CLI accepts",
            BEFORE["largest"],
            ", ".join(f"{k}: {'accepted' if v else 'refused'}" for k, v in accepted.items())
            + f"; hostile files {'all refused' if refused_all else 'NOT all refused'}",
            "a city-wide plan (2,000 interventies, 600 resultaten) accepted; hostile inputs refused",
            city and refused_all,
        )

    def hostile_plans(self) -> list[tuple[str, Path]]:
        """Copies of heidedorpen with one hostile file each, as in tests/test_hostile.py."""
        from samenplan.load.limits import MAX_BYTES

        bomb = ["l0: &l0 [hihi, hihi, hihi, hihi, hihi, hihi, hihi, hihi, hihi, hihi]"]
        bomb += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 9)]
        over = "aanleiding: |\n" + ("  " + "x" * 98 + "\n") * (MAX_BYTES // 100 + 1)
        tiny = "interventies:\n" + "- 1\n" * (MAX_BYTES // 4 - 10)
        cases = [
            ("billion laughs (alias bomb)", "01-urgentie.yaml", "\n".join(bomb) + "\n"),
            (f"a file over {MAX_BYTES // 1_000_000} MB", "05-aanpak.yaml", over),
            (f"{MAX_BYTES // 4 - 10:,} tiny values under the size limit", "05-aanpak.yaml", tiny),
            (
                "nesting 100,000 brackets deep",
                "01-urgentie.yaml",
                "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
            ),
        ]
        plans = []
        for n, (label, file, text) in enumerate(cases):
            plan = self.work / f"vijandig-{n}"
            shutil.copytree(EXAMPLES / "heidedorpen", plan, ignore=shutil.ignore_patterns("*.md", "*.html"))
            (plan / file).write_text(text, encoding="utf-8")
            plans.append((label, plan))
        return plans

    # -- 342 plans --------------------------------------------------------------------------

    def gemeenten(self) -> None:
        folder = self.work / "gemeenten"
        plans = gemeente_plans(folder)
        self.log(f"{len(plans)} plannen")
        one = self.run.measure([self.sp("check", str(folder))], 3)
        how = f"`samenplan check {folder.name}/` (one process, all plans)"
        if one.codes[-1] == 2:  # this samenplan checks one plan per run
            one = self.run.measure([[sys.executable, "-c", LOOP, str(folder)]], 3)
            how = "`check_plan` for each plan in a loop, in one Python process"
        sample = plans[::10] if self.quick else plans
        separate = self.run.measure([self.sp("check", str(p)) for p in sample], 1, warmup=False)
        factor = len(plans) / len(sample)
        sep_wall, sep_cpu = separate.wall * factor, separate.cpu * factor
        counted = (
            f"{len(sample)} of the {len(plans)} runs, times {factor:.1f}"
            if factor > 1
            else f"all {len(plans)} runs"
        )
        memory_rows, peaks = [], {}
        for fmt in FORMATS:
            self.log(f"{len(plans)} plannen, geheugen: {fmt}")
            report = self.work / f"rapport.{fmt}"
            t = self.run.measure(
                [self.sp("check", str(folder), "--format", fmt, "--output", str(report))], 1, warmup=False
            )
            peaks[fmt] = t.rss
            old = ""
            if self.old is not None:
                self.log(f"{len(plans)} plannen, geheugen: {fmt}, {self.baseline_name}")
                before = self.run.measure(
                    [self.sp("check", str(folder), "--format", fmt, "--output", str(report))],
                    1,
                    warmup=False,
                    env=self.old,
                )
                self.old_peaks[fmt] = before.rss
                old = f" {secs(before.wall)} | {mb(before.rss)} |"
            memory_rows.append(f"| `--format {fmt}` | {secs(t.wall)} | {mb(t.rss)} |{old}")
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
                    f"One process takes {one.wall / sep_wall:.1%} of the wall time of separate runs, "
                    f"{one.cpu / sep_cpu:.1%} of their CPU time ({ms(one.cpu / len(plans))} CPU per plan "
                    f"against {ms(sep_cpu / len(plans))}).",
                    "",
                    f"Peak memory of one `samenplan check` over all {len(plans)} plans, per output format "
                    "(the report written to a file):",
                    "",
                    "| format | wall | peak memory |"
                    + (
                        f" wall, {self.baseline_name} | peak memory, {self.baseline_name} |"
                        if self.old
                        else ""
                    ),
                    "| --- | ---: | ---: |" + (" ---: | ---: |" if self.old else ""),
                    *memory_rows,
                ]
            )
        )
        self.cpu["per plan"] = one.cpu / len(plans)
        self.cpu["separate"] = sep_cpu / len(plans)
        self.target(
            f"{GEMEENTEN} plans in one process vs {GEMEENTEN} separate runs",
            BEFORE["one process"],
            f"CPU {one.cpu / sep_cpu:.1%} (wall {one.wall / sep_wall:.1%})",
            "≤ 5 %",
            one.cpu <= 0.05 * sep_cpu,
        )
        worst = max(peaks, key=lambda f: peaks[f])
        old_worst = max(self.old_peaks, key=lambda f: self.old_peaks[f]) if self.old_peaks else ""
        measured = f"up to {mb(self.old_peaks[old_worst])} ({old_worst})" if old_worst else ""
        self.target(
            f"peak memory of `check` over {GEMEENTEN} plans, every format",
            self.before(BEFORE["memory"], measured),
            f"at most {mb(peaks[worst])} ({worst})",
            "≤ 100 MB",
            peaks[worst] <= 100,
        )

    # -- what the missed targets would take -------------------------------------------------

    def analysis(self) -> None:
        c = self.cpu
        name = "rivierstad"
        parts = [
            ("Python start-up", c["python"]),
            ("pydantic's own import (`import pydantic`)", c["pydantic"] - c["python"]),
            ("BaseModel and Field (pydantic's model machinery)", c["basemodel"] - c["pydantic"]),
            ("ruamel.yaml", c["ruamel"] - c["python"]),
            ("the plan models, their fields collected (`defer_build`)", c["models"] - c["basemodel"]),
            ("their validators, from the user's cache", c["validators"] - c["models"]),
            ("the rest of check: loader, catalog, rules registered", c["nocli"] - c["validators"]),
            (f"reading and checking {name} itself", c[f"warm:{name}"]),
        ]
        rows = [f"| {label} | {ms(t)} |" for label, t in parts]
        needs = c["basemodel"] + c["ruamel"] - c["python"]  # what check cannot start without
        models = c["validators"] - c["basemodel"]
        built = c["built"] - c["validators"]  # what the cache saves
        missed = {m for m, _, _, _, ok in self.targets if not ok}
        notes = [
            "## Why a target is not met, and what would reach it",
            "",
            f"`samenplan check examples/{name}` takes {ms(c['cli'])} CPU. Its parts, from the "
            "start-up table (differences of CPU medians; they share standard-library imports, so "
            "they add up to a little more than the whole):",
            "",
            "| part | CPU |",
            "| --- | ---: |",
            *rows,
            "",
            "For check and render, typer is no longer imported (their options are read from one "
            "table each, cli/check.py and cli/render.py), no other command module is imported, "
            "and start-up and the first plan run without the garbage collector. The plan models "
            "are declared with `defer_build`, and the validators of the documents are made from "
            "core schemas kept in the user's cache (plan/validators.py): building them with "
            f"pydantic takes {ms(built)} more, which only the first check after an installation "
            f"or a change of the models pays (without the cache, check takes {ms(c['cold'])}). "
            "What remains is the imports check needs, collecting the models' fields and the plan "
            "itself. Python with pydantic's BaseModel and Field and ruamel.yaml alone take "
            f"{ms(needs)} CPU.",
            "",
            "This machine has 2 CPUs shared by 8 agents working at the same time: wall times are "
            "noisy and CPU times are higher than on a quiet machine. Ratios of commands run side "
            "by side hold up best.",
        ]
        if any(m.startswith("`samenplan check` vs `yamllint`") for m in missed):
            small = min(PLANS, key=lambda n: c[f"yamllint:{n}"])
            notes += [
                "",
                f"- **check vs yamllint.** yamllint's time grows with the text it reads; on {small} "
                f"it takes {ms(c[f'yamllint:{small}'])} CPU, so 0.8× is "
                f"{ms(0.8 * c[f'yamllint:{small}'])}: less than what check cannot start without, "
                f"{ms(needs + models)} ({ms(needs)} for Python, pydantic's model machinery and "
                f"ruamel.yaml, {ms(models)} for the plan models' fields and their validators from "
                "the cache). On the larger plans the gap "
                "is what samenplan's own modules take to import. The largest part of that is the "
                "classes: 91 dataclasses on check's path (41 of samenplan, 50 of pydantic), each "
                "0.5–1 ms to create on Python 3.11 (it compiles their methods at import), 27 ms for "
                "samenplan's and 22 ms for pydantic's; regular "
                "expressions compiled at import take about 6 ms, the regelingen catalog (kept "
                "parsed in the user's cache as well) 1 ms. What would reach 0.8× on the plans "
                "between is fewer classes on the path of a check (plain classes or named tuples "
                "for the value objects that need no generated methods); on the smallest plan only "
                "a check that does not import pydantic's model machinery at start would: a change "
                "of design.",
            ]
        if any(m.startswith("`samenplan check` vs the import floor") for m in missed):
            notes += [
                "",
                f"- **check vs the import floor.** The floor's `import pydantic` is lazy: it "
                f"loads {ms(c['pydantic'] - c['python'])} of pydantic, not the model machinery "
                f"(another {ms(c['basemodel'] - c['pydantic'])}) that every model needs. 1.4× the "
                f"floor is {ms(1.4 * c['floor'])}; the imports check needs take {ms(needs)}, the "
                f"plan models {ms(models)} and reading and checking {name} {ms(c[f'warm:{name}'])}. "
                "The floor itself is below what any pydantic model costs.",
            ]
        if any(m.startswith("`samenplan render") for m in missed):
            notes += [
                "",
                "- **render vs check.** render is one plan through the same loader and rules, "
                "plus jinja2, the document's modules, building the document and writing it. Its "
                "options are read without typer, as check's are (cli/plain.py), and its compiled "
                "templates come from the user's cache (document/templatecache.py; the warm-up run "
                "fills it). What is left is building and rendering the document itself.",
            ]
        if any(m.startswith("time growth") for m in missed):
            notes += [
                "",
                f"- **1,000 interventies in half the time.** Now {secs(c['1x'])} CPU. What was "
                "taken off: compose remembers the tags of short plain texts and calls the resolver "
                "patterns directly; convert reads each tag's text once and keeps positions as one "
                "int each, by the mapping or list that holds them; the garbage collector stays "
                "paused while the rules run; the rules that scanned the whole plan each "
                "(placeholders, unknown dates, waivers, references, money) scan less or share "
                "their sums; the C composer makes lean subclasses of ruamel's nodes (one Python "
                "__init__ each instead of three), 350 → 300 ms for composing. Measured by part on "
                "this plan: composing about 300 ms (about 200 ms of it in C: the parser, its marks "
                "and its texts; then one Python call per node to resolve its tag and one to make "
                "it), converting about 200 ms, pydantic about 95 ms, the rules about 200 ms, and "
                "one pass of the garbage collector over the loaded plan about 45 ms. No part is "
                "more than a third, and each is already one pass over the data. Halving needs the "
                "data made in C straight from the parser (a compiled extension of our own, or a "
                "parser that gives plain data with positions), or each file's data kept by the "
                "checksum of its text, so an unchanged file is not read again: that keeps a copy "
                "of plan content in the user's cache and only helps a second check, so it is not "
                "done.",
            ]
        if any(m.startswith(f"{GEMEENTEN} plans in one process") for m in missed):
            notes += [
                "",
                f"- **{GEMEENTEN} plans in one process.** One plan takes {ms(c['per plan'])} CPU in a "
                f"running process, a separate run {ms(c['separate'])}; 5 % would need "
                f"{ms(0.05 * c['separate'])} a plan. The faster the start-up, the larger the share "
                "of the plan itself: this ratio was 8.1 % when a separate run took 345 ms, and "
                "12 % after the validator cache made a separate run faster, before the loader and "
                "rule work above. What would reach it is the same as for the 1,000 interventies.",
            ]
        self.why = "\n".join(notes)


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
        f"load average at the end {load} (the machine is shared with 7 other agents at work)",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Packages: {', '.join(versions)}",
    ]


def document(bench: Bench, args: argparse.Namespace, took: float) -> str:
    command = (
        "python bench/run.py"
        + (" --quick" if args.quick else "")
        + (f" --runs {args.runs}" if args.runs != 7 else "")
        + (f" --baseline {args.baseline}" if args.baseline else "")
    )
    table = [
        "| measure | before | now | target | |",
        "| --- | --- | --- | --- | --- |",
        *(f"| {m} | {b} | {n} | {t} | {verdict(ok)} |" for m, b, n, t, ok in bench.targets),
    ]
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
            "machine CPU time is the steadier of the two. Ratios are medians of ratios of runs "
            "side by side; a target is judged on CPU time (this machine is shared: its wall "
            "times wait for other work), the wall ratio is in brackets.",
            "",
            "## Targets",
            "",
            "The targets of issue 15, all measured in this run. *Before* is the value the issue "
            "started from, and with `--baseline` the older commit measured side by side in this run.",
            "",
            *table,
            "",
            *([bench.why + "\n"] if bench.why else []),
            *[s + "\n" for s in bench.sections],
            "## How to run",
            "",
            "```",
            "pip install -e '.[bench]'",
            command,
            "```",
            "",
            "The script installs nothing. It runs samenplan as `python -m samenplan` from this "
            "checkout's src/, and needs `yamllint` and `check-jsonschema` on the PATH (the "
            "`bench` extra brings them, and ruamel.yaml's C parser, which `samenplan check` uses "
            "when it is there). `--baseline REV` also measures the samenplan of an older commit "
            "(its src/ from `git archive`) side by side: the example plans, the 1× plan and the "
            "memory over all plans. Commands per measurement:",
            "",
            "- `samenplan check PLAN`, `samenplan render PLAN -o - --force`",
            '- `yamllint PLAN`; the import floor `python -c "' + FLOOR + '"`',
            "- `samenplan schema SCHEMAS`, then per file "
            "`check-jsonschema --schemafile SCHEMAS/NAME.schema.json PLAN/NAME.yaml`",
            "- large plans: `python bench/generate.py FOLDER 100 30` writes the 1× plan; the "
            "in-process check is the INNER snippet in bench/run.py",
            f"- {GEMEENTEN} plans: `samenplan check FOLDER` against `samenplan check FOLDER/PLAN` per plan",
            "",
        ]
    )


def checkout(rev: str, work: Path) -> tuple[Path, str]:
    """The src folder of commit ``rev`` of this repository, unpacked into ``work``."""
    target = work / "baseline"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    name = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h", rev], capture_output=True, text=True, check=True
    ).stdout.strip()
    return target / "src", f"commit {name}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median)")
    parser.add_argument(
        "--quick", action="store_true", help="smaller growth series, every 10th of the separate runs"
    )
    parser.add_argument("--baseline", metavar="REV", help="also measure the 1× plan with this commit")
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
        work = Path(tmp)
        bench = Bench(args.runs, args.quick, work, checkout(args.baseline, work) if args.baseline else None)
        bench.examples()
        bench.startup()
        bench.growth()
        bench.largest()
        bench.gemeenten()
        bench.analysis()
    args.output.write_text(document(bench, args, time.perf_counter() - started), encoding="utf-8")
    print("\nTargets:")
    for measure, _, now, bound, met in bench.targets:
        print(f"  {'met    ' if met else 'NOT MET'}  {measure}: {now} (target {bound})")
    print(f"written: {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
