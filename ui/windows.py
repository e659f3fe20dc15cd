"""Which plan is open: replaces the window when the seller opens or starts another plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox

from planner.paths import OWN_FILE
from planner.storage.db import PlanDB, PlanError, open_plan
from ui.main_window import MainWindow


class WindowManager(QObject):
    """Owns the one open window and its plan."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.window: MainWindow | None = None

    def show_plan(self, plan: PlanDB) -> MainWindow:
        """Show `plan` in a new window, closing the previous one and its file."""
        window = MainWindow(plan)
        window.open_plan_requested.connect(self._on_window_open_plan_requested)
        window.start_own_plan_requested.connect(self._on_window_start_own_plan_requested)
        old = self.window
        self.window = window
        window.show()
        if old is not None:
            old.close()
            old.plan.close()
            old.deleteLater()
        return window

    def open_path(self, path: Path) -> MainWindow | None:
        """Open the plan at `path`, or explain why not and keep the current one."""
        try:
            plan = open_plan(path)
        except PlanError as exc:
            QMessageBox.warning(self.window, "Cannot open the plan", str(exc))
            return None
        return self.show_plan(plan)

    @Slot(Path)
    def _on_window_open_plan_requested(self, path: Path) -> None:
        self.open_path(path)

    @Slot()
    def _on_window_start_own_plan_requested(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.open_path(self.data_dir / OWN_FILE)
