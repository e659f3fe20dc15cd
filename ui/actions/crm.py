"""File → Export for CRM…: the CRM's update file from the window, as `planner export --format crm-csv`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QDialog, QWidget

from planner.storage.db import PlanDB
from ui import plain

translate = QCoreApplication.translate


class CrmActions(QObject):
    """The CRM update file of one plan; dialogs open over `widget`, the written line goes to `status`."""

    def __init__(self, plan: PlanDB, widget: QWidget, status: Callable[[str], None]) -> None:
        super().__init__(widget)
        self.plan = plan
        self.widget = widget
        self.status = status

    @Slot()
    def export_for_crm(self) -> None:
        # Here, not at the top: the window paints without the export's modules (start-up time).
        from ui.dialogs.crm_export_dialog import CrmExportDialog, written_message

        dialog = CrmExportDialog(self.plan, self.widget)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
                return
            line, message = written_message(dialog.written)
        finally:
            dialog.deleteLater()  # with the window as parent it would otherwise live as long
        self.status(line)
        plain.information(self.widget, translate("CrmExportDialog", "Export for CRM"), message)
