"""File → Export for CRM…: the CRM's update file from the window, as `planner export --format crm-csv`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from ui import plain
from ui.session import EditSession

translate = QCoreApplication.translate


class CrmActions(QObject):
    """The CRM update file of one plan; dialogs open over `widget`."""

    # What was written where, in one line (the window's status bar).
    status_message = Signal(str)

    def __init__(self, session: EditSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget

    @Slot()
    def export_for_crm(self) -> None:
        # Here, not at the top: the window paints without the export's modules (start-up time).
        from ui.dialogs.crm_export_dialog import CrmExportDialog, written_message

        dialog = CrmExportDialog(self.session.plan, self.widget, today=self.session.clock.today())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
                return
            line, message = written_message(dialog.written)
        finally:
            dialog.deleteLater()  # with the window as parent it would otherwise live as long
        self.status_message.emit(line)
        plain.information(self.widget, translate("CrmExportDialog", "Export for CRM"), message)
