"""Entry point of the `planner` command: subcommands, or the window on a plan."""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

from planner.cli import PROG, UsageError, parse, run_command
from planner.paths import data_dir, resolve_plan
from planner.storage.db import PlanDB, PlanError, open_plan


def display_problem() -> str | None:
    """Why Qt could not show a window here, in words, before Qt aborts with its own message."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and platform not in ("xcb", "wayland"):
        return None  # offscreen, minimal, eglfs...: no X11 libraries involved
    if sys.platform != "linux":
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return (
            "No display found (DISPLAY and WAYLAND_DISPLAY are unset). Run the planner in a desktop "
            "session, or set QT_QPA_PLATFORM=offscreen to run it without a screen."
        )
    if platform == "wayland" or os.environ.get("WAYLAND_DISPLAY"):
        return None
    missing = [pkg for lib, pkg in _XCB_LIBS if ctypes.util.find_library(lib) is None]
    if missing:
        return (
            "Qt's X11 support needs system libraries that are missing. On Debian or Ubuntu: "
            f"sudo apt install {' '.join(missing)}"
        )
    return None


# The libraries Qt's xcb platform plugin loads beyond plain Xlib (find_library names).
_XCB_LIBS = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
)


def open_or_create(path: Path, *, demo: bool) -> PlanDB:
    """Open a plan; the demo plan is written the first time it is needed."""
    if demo:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = not path.exists()
        plan = open_plan(path)
        if fresh:
            from planner.demo import populate_demo

            populate_demo(plan)
        return plan
    return open_plan(path)


def main(argv: list[str] | None = None) -> int:
    """`planner [--db PATH] [COMMAND ...]`."""
    args_list = sys.argv[1:] if argv is None else argv
    try:
        args = parse(args_list)
        result = run_command(args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    if result is not None:
        return result
    return run_gui(args.db)


def run_gui(db: Path | None) -> int:
    """Open the window; errors about the plan file go to stderr and, on a screen, a dialog."""
    problem = display_problem()
    if problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 1
    path, demo = resolve_plan(db)
    plan_or_error: PlanDB | str
    try:
        plan_or_error = open_or_create(path, demo=demo)
    except PlanError as exc:
        plan_or_error = str(exc)
    except OSError as exc:
        plan_or_error = f"Cannot open {path}: {exc.strerror or exc}."

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.windows import WindowManager

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Opportunity Planner")
    app.setOrganizationName("Opportunity Planner")
    app.setApplicationVersion(_version())
    if isinstance(plan_or_error, str):
        print(f"{PROG}: {plan_or_error}", file=sys.stderr)
        if app.platformName() != "offscreen":
            QMessageBox.critical(None, "Opportunity Planner", plan_or_error)
        return 1
    manager = WindowManager(data_dir())
    manager.show_plan(plan_or_error)
    return app.exec()


def _version() -> str:
    from planner import __version__

    return __version__


if __name__ == "__main__":
    raise SystemExit(main())
