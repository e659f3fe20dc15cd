"""The agenda outside its tab: the greeting when a plan opens, a call's debrief from a row, the export."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.app_settings import AppSettings
from ui.session import EditSession

if TYPE_CHECKING:
    from ui.agenda_view import AgendaView
    from ui.blue_sheet import BlueSheetPanel


class AgendaActions(QObject):
    """The agenda's flows of one window; dialogs open over `widget`, the daily notice goes on top
    of `layout` (the window's, over its tabs)."""

    # What the status bar should say after a flow finished.
    status_message = Signal(str)

    def __init__(
        self,
        session: EditSession,
        widget: QWidget,
        settings: AppSettings,
        layout: QVBoxLayout,
        *,
        demo: bool,
        show_agenda: Callable[[], AgendaView],
        open_deal: Callable[[int], None],
        blue_sheet: Callable[[], BlueSheetPanel],
        status_text: Callable[[], str],
    ) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget
        self.settings = settings
        self.notice_layout = layout
        self.demo = demo
        self.show_agenda = show_agenda
        self.open_deal = open_deal
        self.blue_sheet = blue_sheet
        self.status_text = status_text
        self.notice: QFrame | None = None  # today's agenda, over the tabs once a day

    def debrief_call(self, opportunity_id: int, call_id: int) -> None:
        """A call's row marked done: show its deal and write the call's debrief, as in the Blue Sheet."""
        from PySide6.QtWidgets import QDialog

        self.open_deal(opportunity_id)
        sheet = self.blue_sheet()
        dialog = sheet.debrief_dialog(call_id)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            sheet.debrief_call(call_id, dialog.debrief())

    def greet(self) -> None:
        """A plan was opened for the seller: their own plan lands on the agenda; the status bar
        says what is overdue and due today, and once a day a notice says it too."""
        from planner import agenda
        from ui.agenda_notice import show_daily_notice

        today = self.session.clock.today()
        if self.demo:
            found = agenda.load_agenda_page(self.session.plan, today, limit=1).counts
        else:
            found = self.show_agenda().current_counts()
        said = agenda.summary(found)
        if self.session.read_only_reason is not None:
            return  # the status bar says why nothing can be changed; nothing is remembered either
        self.status_message.emit(f"{said} · {self.status_text()}")
        if not self.demo:
            self.notice = show_daily_notice(
                self.widget, self.notice_layout, self.session.plan, today, said, self.show_agenda
            )

    @Slot()
    def export_agenda(self) -> None:
        """File → Export agenda…: the calls, actions and close dates as an iCalendar file."""
        from ui.agenda_notice import export_agenda_dialog

        said = export_agenda_dialog(self.widget, self.session.plan, self.session.clock.today(), self.settings)
        if said is not None:
            self.status_message.emit(said)
