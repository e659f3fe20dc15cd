"""`make bench`: start → painted, selection, filtering and memory of the board in fresh processes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.benchmarks.plans import CLOSED_SHARE, DEALS_PER_ACCOUNT, INFLUENCES_PER_DEAL, ensure_plan
from tests.benchmarks.report import (
    Results,
    Sample,
    markdown_table,
    metric_rows,
    phase_rows,
    target_rows,
    text_table,
    verdicts,
)

ROOT = Path(__file__).resolve().parents[2]
RESULTS_MD = Path(__file__).resolve().with_name("results.md")
ALL_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
BOARD_CHILD = "tests.benchmarks.child_board"
BASELINE_CHILD = "tests.benchmarks.child_baseline"
BASELINES_PER_RUN = 3


class BenchmarkError(Exception):
    """A child process failed or reported nonsense."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    began = time.monotonic()
    sizes = list(QUICK_SIZES if args.quick else args.sizes)
    plans_dir: Path = args.plans_dir
    print(f"Plans in {plans_dir} (built once per size, reused afterwards)")
    plans: dict[int, Path] = {}
    build_notes: list[str] = []
    for size in sizes:
        path, seconds = ensure_plan(plans_dir, size, rebuild=args.rebuild)
        plans[size] = path
        note = f"{size:,}: " + ("cached" if seconds is None else f"built in {seconds:.1f} s")
        build_notes.append(note)
        print(f"  plan {note} ({path.stat().st_size / 1e6:.0f} MB)")

    results = Results(sizes)
    with tempfile.TemporaryDirectory(prefix="planner-bench-data-") as data_dir:
        env = _child_env(Path(data_dir))
        try:
            if not args.no_warmup:
                print("Warm-up (not counted): page cache, bytecode")
                _spawn(BASELINE_CHILD, [], env, args.timeout)
                for size in sizes:
                    _spawn(BOARD_CHILD, ["--db", str(plans[size])], env, args.timeout)
            for run in range(1, args.runs + 1):
                # Interleaved, so every run of every size shares the machine's mood with its baseline.
                # The baseline is short, so one spike moves its ratio a lot: take several per run.
                baselines = [
                    _spawn(BASELINE_CHILD, [], env, args.timeout)[1] for _ in range(BASELINES_PER_RUN)
                ]
                results.baseline += baselines
                results.baseline_runs.append(statistics.median(b.start_ms for b in baselines))
                line = [f"run {run}/{args.runs}: baseline {results.baseline_runs[-1]:.0f} ms"]
                for size in sizes:
                    spawned, sample = _spawn(BOARD_CHILD, ["--db", str(plans[size])], env, args.timeout)
                    shown = sample.data.get("cards")
                    if shown != size and run == 1:
                        print(f"  warning: the {size:,} plan shows {shown} cards on the board")
                    results.boards.setdefault(size, []).append(sample)
                    results.spawned.setdefault(size, []).append(spawned)
                    line.append(f"{size:,}: {sample.start_ms:.0f} ms")
                print("  " + ", ".join(line), flush=True)
        except BenchmarkError as exc:
            print(f"benchmark failed: {exc}", file=sys.stderr)
            return 1

    elapsed = time.monotonic() - began
    tables = [
        ("Results", "Medians over runs, min-max in brackets.", metric_rows(results)),
        ("Targets", "", target_rows(results)),
        (
            "Where the start goes",
            "Board child's milestones, median ms since the parent's spawn.",
            phase_rows(results),
        ),
    ]
    for title, _note, (header, rows) in tables:
        print(f"\n{title}\n{text_table(header, rows)}")
    runs = f"{args.runs} run" + ("s" if args.runs != 1 else "")
    print(f"\nBenchmark took {elapsed:.0f} s in total ({runs}; plans: {'; '.join(build_notes)}).")
    versions = _versions(results)
    args.output.write_text(_markdown(results, tables, args.runs, elapsed, build_notes, versions))
    print(f"Wrote {args.output}")
    failed = any(verdict == "FAIL" for _, _, verdict in verdicts(results))
    return 1 if failed and args.check else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.run_benchmarks",
        description="Measure the stage board in fresh processes at several plan sizes.",
    )
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument(
        "--sizes",
        type=_sizes,
        default=ALL_SIZES,
        help="comma-separated open-deal counts, e.g. 1000,10k,100k (default: 1k,10k,100k)",
    )
    sizes.add_argument("--quick", action="store_true", help="only 1,000 and 10,000")
    parser.add_argument(
        "--runs",
        type=_positive,
        default=9,
        help="fresh processes per size (default 9: the machine is shared and noisy)",
    )
    parser.add_argument(
        "--plans-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "opportunity-planner-bench",
        help="where the generated plans are kept between benchmarks",
    )
    parser.add_argument("--rebuild", action="store_true", help="regenerate the plans even if cached")
    parser.add_argument(
        "--no-warmup", action="store_true", help="skip the uncounted first start of each child"
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a child is killed")
    parser.add_argument("--output", type=Path, default=RESULTS_MD, help="the Markdown report (overwritten)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _sizes(text: str) -> tuple[int, ...]:
    sizes = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        scale = 1000 if part.endswith("k") else 1
        try:
            value = int(part.removesuffix("k")) * scale
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a size: {part!r}") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"not a size: {part!r}")
        sizes.append(value)
    return tuple(sorted(set(sizes)))


# The offscreen platform's own screen is 800x600, and the window fits itself to the screen
# (MainWindow.fit_to_screen): two of the four columns would never be exposed, and the board never
# painted. The children get a desktop's screen instead, on which the window keeps its own size.
SCREEN = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}


def _child_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    if env.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        screens = data_dir / "offscreen-screens.json"
        screens.write_text(json.dumps({"screens": [SCREEN]}))
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["PLANNER_DATA_DIR"] = str(data_dir)  # the child never reaches for the user's own plans
    # Nor their preferences: every start is a first start, with the default window layout.
    env["XDG_CONFIG_HOME"] = str(data_dir / "config")
    # An installed planner starts from compiled bytecode (pip and the packaged build compile it;
    # `make run` runs compileall). Where PYTHONDONTWRITEBYTECODE is set, every child would compile
    # ~100 modules again (~50 ms), which no seller's start pays: the warm-up writes the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _spawn(module: str, args: list[str], env: dict[str, str], timeout: float) -> tuple[float, Sample]:
    """Start a child and time it from right before the spawn to the first paint it reports.

    The child stamps CLOCK_MONOTONIC (time.monotonic()) when its first paint is done; the parent's
    time.monotonic() reads the same clock, so the difference includes the whole process start.
    """
    command = [sys.executable, "-m", module, *args]
    spawned = time.monotonic()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise BenchmarkError(f"{module} {' '.join(args)} did not finish in {timeout:.0f} s") from None
    data: dict[str, Any] = {}
    lines = out.strip().splitlines()
    if lines:
        try:
            data = json.loads(lines[-1])
        except json.JSONDecodeError:
            data = {}
    if process.returncode != 0 or "painted" not in data or "error" in data:
        detail = data.get("error") or err.strip()[-2000:] or out.strip()[-2000:]
        raise BenchmarkError(f"{module} {' '.join(args)} exited {process.returncode}: {detail}")
    return spawned, Sample((float(data["painted"]) - spawned) * 1000, data)


def _versions(results: Results) -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    first = next((s.data for samples in results.boards.values() for s in samples), {})
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "Date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "Machine (uname -m)": platform.machine(),
        "CPU": cpu,
        "Cores": f"{os.cpu_count()} ({affinity} usable by this process)",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "PySide6": str(first.get("pyside", "?")),
        "Qt": str(first.get("qt", "?")),
        "Qt platform": (
            "offscreen, one 1920x1080 screen (set by the benchmark)"
            if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen"
            else os.environ["QT_QPA_PLATFORM"]
        ),
    }


def _markdown(
    results: Results,
    tables: list[tuple[str, str, tuple[list[str], list[list[str]]]]],
    runs: int,
    elapsed: float,
    build_notes: list[str],
    versions: dict[str, str],
) -> str:
    parts = [
        "# Board benchmark",
        "",
        "Written by `make bench` (`python -m tests.benchmarks.run_benchmarks`); overwritten on every run.",
        "",
        *(f"- {key}: {value}" for key, value in versions.items()),
        f"- Runs: {runs} fresh processes per size, after one uncounted warm-up start of each child",
        f"- Benchmark wall time: {elapsed:.0f} s (plans: {'; '.join(build_notes)})",
        "",
    ]
    for title, note, (header, rows) in tables:
        parts += [f"## {title}", ""]
        if note:
            parts += [note, ""]
        parts += [markdown_table(header, rows), ""]
    parts += [
        "## Method",
        "",
        f"- Plans: N open deals spread over the four open stages, plus {CLOSED_SHARE:.0%} of N closed"
        f" (won, lost, walked away); one account per {DEALS_PER_ACCOUNT} deals, {INFLUENCES_PER_DEAL}"
        " buying influences per deal, stage history, close-date history on a quarter of the deals.",
        "- start → painted: the parent reads `time.monotonic()` right before spawning a fresh Python;"
        " the child runs the planner's own entry point, `ui.app.main(['--db', PLAN])`, with three"
        " hooks (after `open_or_create`, around `MainWindow.__init__`, in `MainWindow.show`), and"
        " reports `time.monotonic()` once every column that holds deals has painted a card (the"
        " delegate's paint, counted per column's model) and that paint pass returned to the event"
        " loop (a zero-timer armed in the pass). The baseline is a QMainWindow with a QLabel whose"
        " first Paint event arms the same zero-timer, same spawn, the same 1920x1080 offscreen screen,"
        f" {BASELINES_PER_RUN} times per run.",
        "- ÷ baseline: median start over median baseline start (the targets use this); in brackets the"
        " range of each run's start over the same run's baseline (runs interleave baseline and sizes).",
        "- select → detail: `setCurrentIndex` on a card (20 cards across the columns) until"
        " `processEvents()` returned with the detail dock showing it; per-run median.",
        "- filter key: one key event into the filter field (typing `acme`, `pilot`, `ber`, `zq`, `data`,"
        " clearing with select-all + Backspace after each) until `processEvents()` returned;"
        " per-run median and worst key.",
        "- move card: `move_opportunity` of one of the first column's first 20 cards to the next"
        " stage with a commitment, until `processEvents()` returned; the card is selected first"
        " (not timed), as the press of a drag, the right-click of the Move to menu or Ctrl+Right"
        " selects it. The child also records `move_unselected_ms`, a card that was not selected"
        " (the docks switch to it too); per-run median.",
        "- peak RSS: `getrusage(RUSAGE_SELF).ru_maxrss` of the child after all of the above.",
        "- To see where a child's time goes: `QT_QPA_PLATFORM=offscreen python -m cProfile -o out.prof"
        " -m tests.benchmarks.child_board --db PLAN` (the plans are kept in `--plans-dir`).",
        "",
    ]
    return "\n".join(parts)


if __name__ == "__main__":
    raise SystemExit(main())
