"""What the window says about the agenda outside its tab: the once-a-day notice and the export."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB, PlanError
from ui import plain
from ui.app_settings import AppSettings
from ui.banner import banner as strip
from ui.file_dialogs import FolderKind, save_file

translate = QCoreApplication.translate

# The plan's setting that remembers the day the notice was last shown (it travels with the plan).
NOTICE_SETTING = "agenda_notice_day"
# When the notice of a plan whose check is still to come is remembered (the check is done by then).
REMEMBER_AFTER_CHECK_MS = 1000


def show_daily_notice(
    parent: QWidget,
    layout: QVBoxLayout,
    plan: PlanDB,
    today: dt.date,
    said: str,
    show_agenda: Callable[[], object],
) -> QFrame | None:
    """On top of `layout` (over the tabs), once a day per plan: '3 overdue, 5 due today', with a
    way to the agenda."""
    if settings_repo.get_setting(plan, NOTICE_SETTING, None) == today.isoformat():
        return None

    def remember() -> None:
        if plan.closed or plan.read_only:
            return
        # Not remembered when the write fails: shown again at the next opening, which does no harm.
        with contextlib.suppress(PlanError, sqlite3.Error):
            settings_repo.set_setting(plan, NOTICE_SETTING, today.isoformat())

    if plan.check_pending:
        # A large plan's check runs once the window is painted, and writes wait for it.
        QTimer.singleShot(REMEMBER_AFTER_CHECK_MS, parent, remember)
    else:
        remember()
    notice, row = strip(parent, "agenda-notice", "#e7f0fb", "#a8c4e6", "#0c2d53")
    label = QLabel(translate("AgendaNotice", "Today's agenda: {summary}.").format(summary=said), notice)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(translate("AgendaNotice", "Today's agenda"))
    row.addWidget(label, 1)
    show = QPushButton(translate("AgendaNotice", "Show the agenda"), notice)
    dismiss = QPushButton(translate("AgendaNotice", "Dismiss"), notice)
    show.clicked.connect(show_agenda)
    show.clicked.connect(notice.hide)
    dismiss.clicked.connect(notice.hide)
    row.addWidget(show)
    row.addWidget(dismiss)
    layout.insertWidget(0, notice)
    notice.show()
    return notice


def export_agenda_dialog(
    parent: QWidget, plan: PlanDB, today: dt.date, settings: AppSettings | None = None
) -> str | None:
    """Ask where and write the agenda's .ics there; what was written, for the status bar. None
    when cancelled or the file could not be written (said in a message)."""
    from planner.exchange import agenda_ics

    path = save_file(
        parent,
        FolderKind.EXPORTS,
        translate("AgendaNotice", "Export the agenda to a calendar file"),
        "agenda.ics",
        translate("AgendaNotice", "Calendar files (*.ics)"),
        settings=settings,
    )
    if path is None:
        return None
    try:
        written, remembered = agenda_ics.export_agenda(plan, path, today)
    except OSError as exc:
        plain.warning(
            parent,
            translate("AgendaNotice", "The agenda was not exported"),
            translate("AgendaNotice", "{path} could not be written: {reason}").format(
                path=path, reason=exc.strerror or exc
            ),
        )
        return None
    message = translate(
        "AgendaNotice",
        "{n} events written to {path}. Import the file into your calendar; exporting again "
        "updates the same events.",
    ).format(n=written, path=path)
    if not remembered:
        message += " " + translate(
            "AgendaNotice",
            "The plan is read-only, so it could not remember this export: a changed event may not "
            "replace the old one in your calendar.",
        )
    return message
