"""Benchmark results: per-run samples, summary statistics, targets, and the text/Markdown tables."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Milestones the board child stamps (CLOCK_MONOTONIC), shown as time since the parent's spawn.
PHASES = (
    ("python_ready", "interpreter up"),
    ("plan_opened", "plan opened"),
    ("ui_imported", "PySide6 + ui imported"),
    ("window_init", "QApplication made"),
    ("window_built", "MainWindow built"),
    ("show_returned", "show() returned"),
    ("painted", "board painted"),
    ("all_cards_read", "all cards read"),
)


@dataclass(frozen=True, slots=True)
class Sample:
    """One fresh child process: start → painted seen from the parent, and what it reported."""

    start_ms: float
    data: dict[str, Any]

    @property
    def rss_mb(self) -> float:
        # The board's peak, measured before the move and status-of-all steps (older runs: at exit).
        return float(self.data.get("board_rss_mb", self.data["rss_mb"]))

    def since_spawn_ms(self, mark: str, spawned: float) -> float:
        return (float(self.data["marks"][mark]) - spawned) * 1000


@dataclass(slots=True)
class Results:
    """Every measured run: run i of each size is paired with baseline run i."""

    sizes: list[int]
    baseline: list[Sample] = field(default_factory=list)  # every baseline start, all runs
    baseline_runs: list[float] = field(default_factory=list)  # per run: median baseline start, ms
    boards: dict[int, list[Sample]] = field(default_factory=dict)
    spawned: dict[int, list[float]] = field(default_factory=dict)  # parent's clock at each spawn


@dataclass(frozen=True, slots=True)
class Target:
    """One requirement from the issue, judged on the summary of the runs."""

    label: str
    size: int
    limit: float
    unit: str
    measure: Callable[[Results, int], float | None]


def median_range(values: Sequence[float], digits: int = 0) -> str:
    """'262 (250-280)': the median and the spread over runs."""
    if not values:
        return "—"
    fmt = f"{{:,.{digits}f}}"
    mid = fmt.format(statistics.median(values))
    if len(values) == 1:
        return mid
    return f"{mid} ({fmt.format(min(values))}-{fmt.format(max(values))})"


def start_ms(results: Results, size: int) -> list[float]:
    return [s.start_ms for s in results.boards.get(size, [])]


def ratios(results: Results, size: int) -> list[float]:
    """Each run's start over the same run's baseline start: the spread of the ratio."""
    samples = results.boards.get(size, [])
    return [s.start_ms / b for s, b in zip(samples, results.baseline_runs, strict=False)]


def ratio_of_medians(results: Results, size: int) -> float | None:
    """Median start over median baseline start: robust to a spike in either process."""
    starts = start_ms(results, size)
    if not starts or not results.baseline:
        return None
    return statistics.median(starts) / statistics.median(s.start_ms for s in results.baseline)


def select_ms(results: Results, size: int) -> list[float]:
    return [statistics.median(s.data["select_ms"]) for s in results.boards.get(size, [])]


def filter_ms(results: Results, size: int) -> list[float]:
    return [statistics.median(s.data["filter_ms"]) for s in results.boards.get(size, [])]


def filter_worst_ms(results: Results, size: int) -> list[float]:
    return [max(s.data["filter_ms"]) for s in results.boards.get(size, [])]


def move_ms(results: Results, size: int) -> list[float]:
    return [
        statistics.median(s.data["move_ms"]) for s in results.boards.get(size, []) if s.data.get("move_ms")
    ]


def status_all_ms(results: Results, size: int) -> list[float]:
    return [
        statistics.median(s.data["status_all_ms"])
        for s in results.boards.get(size, [])
        if s.data.get("status_all_ms")
    ]


def status_all_load_ms(results: Results, size: int) -> list[float]:
    boards = results.boards.get(size, [])
    return [
        statistics.median(s.data["status_all_load_ms"]) for s in boards if s.data.get("status_all_load_ms")
    ]


def rss_mb(results: Results, size: int) -> list[float]:
    return [s.rss_mb for s in results.boards.get(size, [])]


def _median_of(metric: Callable[[Results, int], list[float]]) -> Callable[[Results, int], float | None]:
    def measure(results: Results, size: int) -> float | None:
        values = metric(results, size)
        return statistics.median(values) if values else None

    return measure


def _max_of(metric: Callable[[Results, int], list[float]]) -> Callable[[Results, int], float | None]:
    def measure(results: Results, size: int) -> float | None:
        values = metric(results, size)
        return max(values) if values else None

    return measure


TARGETS = (
    Target("start → painted ≤ 2.5 x baseline (ratio of medians)", 10_000, 2.5, "x", ratio_of_medians),
    Target("start → painted ≤ 4 x baseline (ratio of medians)", 100_000, 4.0, "x", ratio_of_medians),
    Target("filter keystroke ≤ 25 ms (median)", 100_000, 25.0, "ms", _median_of(filter_ms)),
    Target(
        "filter keystroke, worst of a run ≤ 60 ms (median over runs)",
        100_000,
        60.0,
        "ms",
        _median_of(filter_worst_ms),
    ),
    Target("peak RSS ≤ 250 MB (highest run)", 100_000, 250.0, "MB", _max_of(rss_mb)),
    Target("move one card ≤ 16 ms (median)", 100_000, 16.0, "ms", _median_of(move_ms)),
    Target(
        "stale/slip/premature for all cards ≤ 150 ms (median)",
        100_000,
        150.0,
        "ms",
        _median_of(status_all_ms),
    ),
)


def verdicts(results: Results) -> list[tuple[Target, float | None, str]]:
    """Each target with its measured value and PASS, FAIL or 'not run'."""
    rows = []
    for target in TARGETS:
        value = target.measure(results, target.size) if target.size in results.sizes else None
        verdict = "not run" if value is None else ("PASS" if value <= target.limit else "FAIL")
        rows.append((target, value, verdict))
    return rows


def metric_rows(results: Results) -> tuple[list[str], list[list[str]]]:
    """The main table: one row per plan size, plus the bare-window baseline."""
    header = [
        "Plan (cards on board)",
        "start → painted, ms",
        "÷ baseline",
        "select → detail, ms",
        "filter key, ms (median)",
        "filter key, ms (worst)",
        "move card, ms",
        "status of all, ms",
        "read + status of all, ms",
        "peak RSS, MB",
    ]
    base = [s.start_ms for s in results.baseline]
    rows = [
        [
            "bare Qt window (baseline, all starts)",
            median_range(base),
            "1",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            median_range([s.rss_mb for s in results.baseline]),
        ]
    ]
    for size in results.sizes:
        rows.append(
            [
                f"{size:,}",
                median_range(start_ms(results, size)),
                _ratio_cell(results, size),
                median_range(select_ms(results, size), 1),
                median_range(filter_ms(results, size), 1),
                median_range(filter_worst_ms(results, size), 1),
                median_range(move_ms(results, size), 1),
                median_range(status_all_ms(results, size)),
                median_range(status_all_load_ms(results, size)),
                median_range(rss_mb(results, size)),
            ]
        )
    return header, rows


def _ratio_cell(results: Results, size: int) -> str:
    value = ratio_of_medians(results, size)
    if value is None:
        return "—"
    paired = ratios(results, size)
    if len(paired) < 2:
        return f"{value:.2f}"
    return f"{value:.2f} (runs {min(paired):.2f}-{max(paired):.2f})"


def phase_rows(results: Results) -> tuple[list[str], list[list[str]]]:
    """Where the start goes: medians of the child's milestones, in ms since the parent's spawn."""
    header = ["Plan", *(label for _, label in PHASES)]
    rows = []
    for size in results.sizes:
        samples = results.boards.get(size, [])
        spawns = results.spawned.get(size, [])
        cells = [f"{size:,}"]
        for mark, _ in PHASES:
            values = [s.since_spawn_ms(mark, t) for s, t in zip(samples, spawns, strict=True)]
            cells.append(f"{statistics.median(values):,.0f}" if values else "—")
        rows.append(cells)
    return header, rows


def target_rows(results: Results) -> tuple[list[str], list[list[str]]]:
    header = ["Target", "Plan", "Measured", "Limit", "Result"]
    rows = []
    for target, value, verdict in verdicts(results):
        digits = 2 if target.unit == "x" else (1 if target.unit == "ms" else 0)
        measured = "—" if value is None else f"{value:,.{digits}f} {target.unit}"
        rows.append([target.label, f"{target.size:,}", measured, f"{target.limit:g} {target.unit}", verdict])
    return header, rows


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain aligned table for the terminal."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """The same table in GitHub Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)
