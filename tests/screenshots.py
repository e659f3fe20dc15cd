"""Renders the README's screenshots from the demo plan: `make screenshot`.

Headless (offscreen); the demo plan is dated relative to today, so the pictures stay current.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Pictures of a first start: the default layout, and the seller's own preferences untouched.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-screenshot-config-")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from planner.demo import populate_demo
from planner.storage.db import open_plan
from ui.i18n import install_language
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language(app, "en")
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan)
        window = MainWindow(plan)
        window.resize(1500, 860)
        window.show()
        _settle()
        first_stage = window.controller.columns[1].id
        first_card = window.controller.models[first_stage].cards[0].id
        window.board.select(first_card)
        _settle()
        from ui.theme import Theme, apply_theme

        apply_theme(app, Theme.LIGHT)
        _settle()
        path = OUT / "board.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        apply_theme(app, Theme.DARK)
        _settle()
        path = OUT / "board-dark.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        apply_theme(app, Theme.LIGHT)
        _dialogs(window)
        window.close()
        window.deleteLater()
        _settle()
        # The same board in German: the translation, and numbers and dates in German formats.
        install_language(app, "de")
        window = MainWindow(plan)
        window.resize(1500, 860)
        window.show()
        _settle()
        window.board.select(first_card)
        _settle()
        path = OUT / "board-de.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()
        install_language(app, "en")
        plan.close()
    del app
    return 0


def _dialogs(window: MainWindow) -> None:
    """The first-run welcome and the preferences, as a seller first sees them."""
    from ui.dialogs.preferences_dialog import PreferencesDialog

    welcome = window.help_actions.show_welcome()
    _settle()
    welcome.adjustSize()
    _settle()
    path = OUT / "welcome.png"
    welcome.grab().save(str(path))
    print(f"wrote {path}")
    welcome.close()
    preferences = PreferencesDialog(window.settings, window)
    preferences.show()
    _settle()
    path = OUT / "preferences.png"
    preferences.grab().save(str(path))
    print(f"wrote {path}")
    preferences.close()


if __name__ == "__main__":
    raise SystemExit(main())
