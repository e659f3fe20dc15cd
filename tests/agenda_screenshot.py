"""Renders the README's picture of the Agenda tab from the demo plan: part of `make screenshot`.

The demo plan is dated relative to today; shown as the seller's own plan (no demo banner), as
it opens: on the agenda, with the day's notice over it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-screenshot-config-")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from planner.demo import populate_demo
from planner.storage import settings as settings_repo
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
    assert isinstance(app, QApplication)
    install_language(app, "en")
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan)
        settings_repo.set_setting(plan, "is_demo", False)
        for name, size in (("agenda.png", (1366, 768)), ("agenda-1280.png", (1280, 720))):
            settings_repo.set_setting(plan, "agenda_notice_day", None)
            window = MainWindow(plan)
            window.resize(*size)
            window.show()
            window.agenda.greet()
            _settle()
            path = OUT / name
            window.grab().save(str(path))
            print(f"wrote {path}")
            window.close()
            window.deleteLater()
            _settle()
        plan.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
