"""Entry point of the `planner` command: subcommands, or the window on a plan."""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planner import PROG, i18n
from planner.paths import data_dir, plan_path, resolve_plan
from planner.storage.db import PlanDamagedError, PlanDB, PlanError, open_plan

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from planner.exchange.pack import Pack


def display_problem() -> str | None:
    """Why Qt could not show a window here, in words, before Qt aborts with its own message."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    # Qt accepts fallbacks ("wayland;xcb") and plugin options after a colon ("xcb:foo=1").
    names = {entry.split(":")[0].strip() for entry in platform.split(";")} - {""}
    if names - {"xcb", "wayland"}:
        return None  # offscreen, minimal, eglfs...: no X11 libraries involved
    if sys.platform != "linux":
        return None
    allows_x = not names or "xcb" in names
    allows_wayland = not names or "wayland" in names
    if allows_wayland and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not allows_x or not os.environ.get("DISPLAY"):
        if names == {"xcb"}:
            why = "QT_QPA_PLATFORM=xcb but DISPLAY is unset"
        elif names == {"wayland"}:
            why = "QT_QPA_PLATFORM=wayland but WAYLAND_DISPLAY is unset"
        else:
            why = "DISPLAY and WAYLAND_DISPLAY are unset"
        return (
            f"No display found ({why}). Run the planner in a desktop "
            "session, or set QT_QPA_PLATFORM=offscreen to run it without a screen."
        )
    import ctypes.util  # here, not at the top: only the X11 check needs it (14 ms at start)

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
        plan = open_plan(path)
        if plan.created:  # not merely missing: an interrupted restore may have put it back
            from planner.demo import populate_demo

            populate_demo(plan)
        return plan
    # A large plan is checked by SQLite once its board is painted (WindowManager.show_plan).
    return open_plan(path, check_later=True)


def main(argv: list[str] | None = None) -> int:
    """`planner [--db PATH] [COMMAND ...]`: the command line, given what needs Qt (the PDF writer
    and the windows), which planner/ cannot import."""
    argv = sys.argv[1:] if argv is None else argv
    opens, db = window_only(argv)
    if opens:
        return run_gui(db)
    from planner import cli  # here: its parser and command modules are 8 ms of the window's start

    return cli.main(argv, pdf_writer=write_pack_pdf, window=open_window)


def window_only(argv: list[str]) -> tuple[bool, Path | None]:
    """Whether `argv` only opens the window (`planner`, `planner --db PATH`), and on which plan.

    These two need no parser: the command line's parser reads them the same way (a test says
    so), and everything else, `--db=PATH`, `--help` or a wrong path included, goes to it.
    """
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        try:
            return True, plan_path(argv[1])
        except argparse.ArgumentTypeError:
            return False, None  # the parser says what is wrong, in its own words
    return False, None


def write_pack_pdf(pack: Pack, path: Path) -> Path:
    """`planner export --format pdf`: the review pack's PDF, drawn by Qt without a screen."""
    from ui.pack_pdf import write_pdf_headless  # here: Qt is loaded only when a PDF is asked for

    return write_pdf_headless(pack, path)


def open_window(args: argparse.Namespace) -> int:
    """`planner [--db PATH]` and `planner review FILE.json…`: the commands that open a window."""
    if args.command == "review":
        from planner.cli.pack import is_team_review

        if is_team_review(args.files):
            from ui.team_window import run_team_gui

            return run_team_gui(args.files)
        from ui.review_window import run_review_gui

        return run_review_gui(args.files[0])
    return run_gui(args.db)


def _import_window_modules() -> None:
    # Importing only: no QObject is made here (Qt objects belong to the main thread).
    try:
        import ui.windows  # noqa: F401  (imports PySide6 and the main window with it)
    finally:
        sys.setswitchinterval(_SWITCH_INTERVAL_S)


# Python's default: how long a thread may hold the interpreter lock while another waits for it.
_SWITCH_INTERVAL_S = sys.getswitchinterval()
# While the window's modules are imported on the second core, a short hand-over: opening the
# plan makes dozens of SQLite calls, each of which lets go of the lock and then waits for it
# again, up to the whole interval while the imports hold it (with the default 5 ms the plan was
# open only once the imports were done: 233 instead of 83 ms).
_PRELOAD_SWITCH_INTERVAL_S = 0.0002


def run_gui(db: Path | None) -> int:
    """Open the window; errors about the plan file go to stderr and, on a screen, a dialog."""
    problem = display_problem()
    if problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 1
    path, demo = resolve_plan(db)
    # Shiboken's first import sets itself up by walking sys.modules, which fails ("dictionary
    # changed size during iteration", then a fatal error) when another thread imports a module
    # meanwhile, as opening the demo plan does: that part is done here, before the thread starts.
    import shiboken6  # noqa: F401

    # Import Qt and the window's modules on the second core while SQLite checks the plan file:
    # the check runs without the interpreter lock, so the two overlap instead of adding up.
    preload = threading.Thread(target=_import_window_modules, name="preload-ui", daemon=True)
    sys.setswitchinterval(_PRELOAD_SWITCH_INTERVAL_S)
    preload.start()
    # No garbage collection while the window is made: start-up allocates some hundred thousand
    # objects (modules, classes, the first cards) and none of them is garbage yet. Once the board
    # is on screen they are frozen out of later collections, which then only walk what the
    # seller's work creates.
    gc.disable()
    try:
        return _open_and_run(path, demo, preload.join)
    finally:
        gc.enable()  # an early return (a refused plan) must not leave collection off
        # An interpreter that exits while another thread is still importing Qt modules can
        # crash (a refused plan returns at once); once the window has run, it finished long ago.
        preload.join()


def _open_and_run(path: Path, demo: bool, imported: Callable[[], None]) -> int:
    """Open the plan and run the window; `imported` waits for the window's modules.

    Nothing here touches Qt before `imported()` returns: a Qt class first used by this thread
    while the other still imports PySide6 can deadlock the two (each holds what the other
    waits for: the interpreter lock and the class's one-time set-up).
    """

    def open_() -> PlanDB:
        return open_or_create(path, demo=demo)

    try:
        # English, like every stderr line; a dialog says it again in the seller's language.
        with i18n.english():
            plan = open_()
    except PlanDamagedError as exc:
        imported()
        recovered = _recover(exc, open_)
        if not isinstance(recovered, PlanDB):
            return recovered
        plan = recovered
    except PlanError as exc:
        imported()
        return _refuse(str(exc), functools.partial(_said_again, open_, exc))
    except OSError as exc:
        imported()
        error = exc.strerror or exc

        def cannot_open() -> str:
            return i18n.translate("PlanFile", "Cannot open {path}: {error}.").format(path=path, error=error)

        with i18n.english():
            english = cannot_open()
        return _refuse(english, cannot_open)
    for note in plan.notes:
        # What opening the file did or found (an interrupted restore, foreign objects): the
        # window says it too, in the seller's language.
        print(f"{PROG}: {path}: {note}", file=sys.stderr)

    imported()
    from PySide6.QtCore import QTimer

    from ui.windows import WindowManager, quit_after_start

    app = application()
    manager = WindowManager(data_dir())
    manager.install_error_hook()
    manager.show_plan(plan)
    QTimer.singleShot(GC_AFTER_START_MS, _collect_from_now_on)
    quit_after_start(app, manager.window)
    try:
        return app.exec()
    finally:
        # Close the open plan so SQLite folds its -wal file back and removes it.
        if manager.window is not None:
            manager.window.plan.close()


# After start-up (the board painted and its cards read), garbage collection runs again.
GC_AFTER_START_MS = 1500


def _collect_from_now_on() -> None:
    gc.freeze()
    gc.enable()


def _recover(error: PlanDamagedError, reopen: Callable[[], PlanDB]) -> PlanDB | int:
    """A damaged plan: on a screen, offer its latest good backup or a salvage copy; else explain.

    `error` is in English (for stderr); `reopen` opens the plan again, to say it in the seller's
    language in the dialog.
    """
    if os.environ.get("QT_QPA_PLATFORM", "") in _HEADLESS:
        return _refuse(
            f"{error} Open it in the planner on a screen to restore a backup or to copy what can "
            "still be read into a new plan."
        )
    from ui.dialogs.restore_dialog import run_damaged_dialog

    application()
    shown = _again(reopen, error)
    target = run_damaged_dialog(None, shown if isinstance(shown, PlanDamagedError) else error)
    if target is None:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1

    def open_target() -> PlanDB:
        return open_plan(target)

    try:
        with i18n.english():
            return open_target()
    except PlanError as exc:
        return _refuse(str(exc), functools.partial(_said_again, open_target, exc))


def _again(reopen: Callable[[], PlanDB], first: PlanError) -> PlanError:
    """`first` in the language installed since: the file refused again says the same in the
    seller's words. Only on the way to a dialog, so the normal start-up checks the file once.
    `first` itself when the second try fails otherwise, or opens the plan (closed again)."""
    try:
        plan = reopen()
    except PlanError as exc:
        return exc if type(exc) is type(first) else first
    plan.close()
    return first


def _said_again(reopen: Callable[[], PlanDB], first: PlanError) -> str:
    return str(_again(reopen, first))


def _refuse(english: str, shown: Callable[[], str] | None = None) -> int:
    """A plan that cannot be opened: one line on stderr in English, and a dialog when there is
    a screen, in the seller's language (`shown` builds it once the language is installed)."""
    print(f"{PROG}: {english}", file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM", "") not in _HEADLESS:
        from PySide6.QtWidgets import QMessageBox

        application()
        QMessageBox.critical(None, "Opportunity Planner", shown() if shown is not None else english)
    return 1


# Platforms without a screen: no dialog, and no Qt start-up (its warnings would add lines to stderr).
_HEADLESS = ("offscreen", "minimal")


def application() -> QApplication:
    """The QApplication (made here if there is none) with the planner's names, the seller's
    language, icon and theme. The window, `planner review` and the start-up dialogs use it."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Opportunity Planner")
    app.setOrganizationName("Opportunity Planner")
    app.setApplicationVersion(_version())
    app.setDesktopFileName("io.opportunityplanner.OpportunityPlanner")  # docks show our icon
    from ui.app_settings import AppSettings
    from ui.i18n import install_language
    from ui.icons import app_icon
    from ui.theme import apply_theme

    settings = AppSettings()
    install_language(app, settings.language())
    app.setWindowIcon(app_icon())
    apply_theme(app, settings.theme())
    return app


def _version() -> str:
    from planner import __version__

    return __version__


if __name__ == "__main__":
    raise SystemExit(main())
