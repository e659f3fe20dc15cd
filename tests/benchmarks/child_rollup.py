"""Benchmark child: the real `planner review A.json B.json …` start, until the team window is painted."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

# Diagnostics only: the start is timed by the parent, from right before it spawns this process.
MARKS: dict[str, float] = {"python_ready": time.monotonic()}

import ui.app as planner_app  # noqa: E402 - what the `planner` console script imports

PROBES: list[Any] = []


def main(argv: list[str]) -> int:
    """`python -m tests.benchmarks.child_rollup A.json B.json …`: one measured team review start.

    Runs `ui.app.main(["review", ...])`, the console script's entry point. One hook: the team
    window's `show` puts a first-paint probe on its tables (which need their rows), and once they
    are painted the probe stamps the time and quits the event loop.
    """
    result: dict[str, Any] = {"kind": "rollup"}
    from PySide6.QtWidgets import QApplication

    import ui.team_window as team_window
    from tests.benchmarks.probe import FirstPaintProbe

    show = team_window.TeamWindow.show

    def show_with_probe(window: team_window.TeamWindow) -> None:
        MARKS["window_built"] = time.monotonic()

        def painted(at: float) -> None:
            result["painted"] = at
            result["sellers"] = window.sellers_model.rowCount()
            result["refused"] = window.refused.count()
            QApplication.quit()

        views = [window.sellers.viewport(), window.combined.viewport(), window.funnel.viewport()]
        PROBES.append(FirstPaintProbe(views, painted, lambda: window.sellers_model.rowCount() > 0))
        show(window)

    team_window.TeamWindow.show = show_with_probe  # type: ignore[method-assign,assignment]
    code = planner_app.main(["review", *argv])
    if "painted" not in result:
        result.setdefault("error", f"the planner exited ({code}) without painting the team window")
    result["marks"] = MARKS
    print(json.dumps(result))
    return 1 if "error" in result else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
