"""Benchmark child: a bare Qt window (QMainWindow with a QLabel), timed to its first paint."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from tests.benchmarks.probe import FirstPaintProbe


def main() -> int:
    """Show the window, report when its first paint is done (CLOCK_MONOTONIC) and the peak RSS."""
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    label = QLabel("Baseline: a bare Qt window", window)
    window.setCentralWidget(label)
    window.resize(1280, 780)
    result: dict[str, object] = {"kind": "baseline"}

    def painted(at: float) -> None:
        import resource

        result["painted"] = at
        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.close()
        app.quit()

    probe = FirstPaintProbe([label], painted)
    window.show()
    code = app.exec()
    result["paint_cycles"] = probe.cycles
    import json

    print(json.dumps(result))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
