"""File → Export review pack…: scope, formats, private notes, a preview of the pages, then the files."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, QTimer, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.exchange.pack import (
    PAPER_SIZES,
    Pack,
    PackError,
    PackOptions,
    PackScope,
    PaperSize,
    build_pack,
    money_text,
)
from planner.pack_commands import PACK_FORMATS, write_pack
from planner.storage import accounts as account_repo
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from ui.pack_pdf import PackLayout, default_paper, write_pdf

FORMAT_LABELS = {
    "pdf": "PDF (print, or read anywhere)",
    "html": "HTML (one file; phones and browsers)",
    "md": "Markdown (a wiki page)",
    "csv": "CSV (deals, and influences beside it)",
    "xlsx": "Excel workbook (deals and influences sheets)",
    "json": "Plan bundle (JSON: the manager opens it for review)",
}
EXTENSIONS = {"pdf": ".pdf", "html": ".html", "md": ".md", "csv": ".csv", "xlsx": ".xlsx", "json": ".json"}
PREVIEW_WIDTH = 380
# The preview lays out the cover, the deal table and this many deal pages: enough to judge.
PREVIEW_DEALS = 2


def _safe_name(text: str) -> str:
    cleaned = re.sub(r"[^\w .-]+", "_", text).strip(" ._")
    return cleaned[:60] or "plan"


def _quarters(today: dt.date) -> list[str]:
    """This quarter and the next three: '2026Q4', '2027Q1'..."""
    quarters = []
    year, quarter = today.year, (today.month + 2) // 3
    for _ in range(4):
        quarters.append(f"{year}Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return quarters


class ExportDialog(QDialog):
    """Choose what goes into the review pack, see its first pages, and write it."""

    def __init__(
        self,
        plan: PlanDB,
        selected_ids: Sequence[int],
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.today = today or dt.date.today()
        self.selected_ids = list(dict.fromkeys(selected_ids))
        self.written: list[Path] = []
        self.pack: Pack | None = None
        self._layout: PackLayout | None = None
        self._page = 0
        self.setWindowTitle("Export review pack")
        self.setModal(True)

        # Scope
        scope_box = QGroupBox("Deals in the pack", self)
        self.all_open = QRadioButton("&All open deals", scope_box)
        self.by_account = QRadioButton("One &account and its subsidiaries:", scope_box)
        self.account = QComboBox(scope_box)
        self.account.setAccessibleName("Account")
        for account in account_repo.list_accounts(plan):
            self.account.addItem(account.name, account.id)
        count = len(self.selected_ids)
        self.by_selection = QRadioButton(
            f"The &selected deal{'s' if count != 1 else ''} ({count})"
            if count
            else "The &selected deals (none)",
            scope_box,
        )
        self.by_selection.setEnabled(bool(count))
        self.by_quarter = QRadioButton("Deals closing in the &quarter:", scope_box)
        self.quarter = QComboBox(scope_box)
        self.quarter.setAccessibleName("Quarter")
        self.quarter.setEditable(True)
        self.quarter.addItems(_quarters(self.today))
        self.scope_group = QButtonGroup(self)
        for button in (self.all_open, self.by_account, self.by_selection, self.by_quarter):
            self.scope_group.addButton(button)
        (self.by_selection if count > 1 else self.all_open).setChecked(True)
        self.by_account.setEnabled(self.account.count() > 0)
        grid = QGridLayout(scope_box)
        grid.addWidget(self.all_open, 0, 0, 1, 2)
        grid.addWidget(self.by_account, 1, 0)
        grid.addWidget(self.account, 1, 1)
        grid.addWidget(self.by_selection, 2, 0, 1, 2)
        grid.addWidget(self.by_quarter, 3, 0)
        grid.addWidget(self.quarter, 3, 1)

        # Formats and options
        format_box = QGroupBox("Formats (one file each)", self)
        format_layout = QVBoxLayout(format_box)
        self.format_boxes: dict[str, QCheckBox] = {}
        for fmt in PACK_FORMATS:
            box = QCheckBox(FORMAT_LABELS[fmt], format_box)
            box.setChecked(fmt == "pdf")
            format_layout.addWidget(box)
            self.format_boxes[fmt] = box
        self.paper = QComboBox(self)
        self.paper.setAccessibleName("Paper size")
        for paper in PAPER_SIZES:
            self.paper.addItem("A4" if paper == "a4" else "US Letter", paper)
        self.paper.setCurrentIndex(PAPER_SIZES.index(default_paper(QLocale.system())))
        self.private = QCheckBox("Include my &private notes", self)
        self.private.setToolTip("Off by default. The pack says on its cover whether it includes them.")
        name = settings_repo.get_setting(plan, "plan_name", None) or (plan.path.stem if plan.path else "Plan")
        self.file_name = QLineEdit(_safe_name(f"{name} review {self.today.isoformat()}"), self)
        self.file_name.setAccessibleName("File name")
        default_folder = folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
        )
        self.folder = QLineEdit(str(default_folder), self)
        self.folder.setAccessibleName("Folder")
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Paper (PDF)", self.paper)
        form.addRow("", self.private)
        form.addRow("Folder", folder_row)
        form.addRow("File &name", self.file_name)

        # Preview
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setAccessibleName("Preview of the pack's pages")
        self.preview.setMinimumWidth(PREVIEW_WIDTH + 8)
        preview_scroll = QScrollArea(self)
        preview_scroll.setWidget(self.preview)
        preview_scroll.setWidgetResizable(True)
        preview_scroll.setMinimumHeight(420)
        self.previous_page = QPushButton("◀", self)
        self.previous_page.setAccessibleName("Previous page")
        self.next_page = QPushButton("▶", self)
        self.next_page.setAccessibleName("Next page")
        self.page_label = QLabel(self)
        self.previous_page.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_page.clicked.connect(lambda: self.show_page(self._page + 1))
        pager = QHBoxLayout()
        pager.addWidget(self.previous_page)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next_page)
        preview_box = QGroupBox("Preview", self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(preview_scroll, 1)
        preview_layout.addLayout(pager)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(scope_box)
        left.addWidget(format_box)
        left.addLayout(form)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(preview_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        # The preview follows every choice, a moment after the last change.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(150)
        self._refresh.timeout.connect(self.refresh_preview)
        self.scope_group.buttonToggled.connect(self._on_choice_changed)
        self.account.currentIndexChanged.connect(self._on_choice_changed)
        self.quarter.currentTextChanged.connect(self._on_choice_changed)
        self.private.toggled.connect(self._on_choice_changed)
        self.paper.currentIndexChanged.connect(self._on_choice_changed)
        for box in self.format_boxes.values():
            box.toggled.connect(self._update_buttons)
        self.refresh_preview()

    # Choices --------------------------------------------------------------------------------
    def scope(self) -> PackScope:
        """The deals the choices name (PackError for a quarter that is not one)."""
        if self.by_account.isChecked() and self.account.currentIndex() >= 0:
            return PackScope.account(int(self.account.currentData()))
        if self.by_selection.isChecked() and self.selected_ids:
            return PackScope.selected(self.selected_ids)
        if self.by_quarter.isChecked():
            return PackScope.closing_in(self.quarter.currentText().strip())
        return PackScope.all_open()

    def options(self) -> PackOptions:
        paper: PaperSize = "letter" if self.paper.currentData() == "letter" else "a4"
        return PackOptions(include_private_notes=self.private.isChecked(), paper=paper)

    def formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def destinations(self) -> dict[str, Path]:
        """Where each chosen format goes."""
        folder = Path(self.folder.text().strip() or ".").expanduser()
        stem = self.file_name.text().strip() or "review pack"
        return {fmt: folder / f"{stem}{EXTENSIONS[fmt]}" for fmt in self.formats()}

    @Slot()
    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Export to folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    @Slot()
    def _on_choice_changed(self) -> None:
        self._refresh.start()

    @Slot()
    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.formats()) and self.pack is not None)

    # Preview --------------------------------------------------------------------------------
    @Slot()
    def refresh_preview(self) -> None:
        """Build the pack for the current choices and lay out its first pages."""
        try:
            self.pack = build_pack(self.plan, self.scope(), self.options(), self.today)
        except PackError as exc:
            self.pack = None
            self._layout = None
            self.summary.setText(str(exc))
            self.preview.clear()
            self.page_label.setText("")
            self._update_buttons()
            return
        pack = self.pack
        count = len(pack.deals)
        self.summary.setText(
            f"{pack.scope_text}: {count} deal{'s' if count != 1 else ''},"
            f" {money_text(pack.totals.amount, pack.base_currency)}"
            f" (weighted {money_text(pack.totals.weighted, pack.base_currency)}),"
            f" {pack.red_flag_count} red flags."
            + ("" if count else " The pack will say there are no deals in this scope.")
        )
        self._layout = PackLayout(pack, self.options().paper, max_deals=PREVIEW_DEALS)
        self.show_page(min(self._page, self._layout.page_count - 1))
        self._update_buttons()

    def show_page(self, page: int) -> None:
        """Show one page of the preview."""
        layout = self._layout
        if layout is None:
            return
        self._page = max(0, min(page, layout.page_count - 1))
        self.preview.setPixmap(QPixmap.fromImage(layout.page_image(self._page, PREVIEW_WIDTH)))
        more = " (the first deals only)" if len(layout.pack.deals) > PREVIEW_DEALS else ""
        self.page_label.setText(f"Page {self._page + 1} of {layout.page_count}{more}")
        self.previous_page.setEnabled(self._page > 0)
        self.next_page.setEnabled(self._page < layout.page_count - 1)

    # Writing --------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.export():
            super().accept()

    def export(self, *, ask_to_replace: bool = True) -> bool:
        """Write every chosen format; True when all were written (`written` lists the files)."""
        if self._refresh.isActive():
            self._refresh.stop()
            self.refresh_preview()
        pack = self.pack
        destinations = self.destinations()
        if pack is None or not destinations:
            return False
        existing = [p for p in destinations.values() if p.exists()]
        if existing and ask_to_replace:
            names = "\n".join(str(p) for p in existing)
            answer = QMessageBox.question(
                self,
                "Replace files?",
                f"These files exist already:\n{names}\n\nReplace them?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.progress.show()
        self.progress.setRange(0, 100 * len(destinations))
        self.progress.setValue(0)
        self.export_button.setEnabled(False)
        written: list[Path] = []
        try:
            for n, (fmt, path) in enumerate(destinations.items()):
                self.progress.setFormat(f"Writing {path.name}… %p%")
                self._tick(100 * n)
                if fmt == "pdf":
                    written.append(
                        write_pdf(pack, path, pack.paper, progress=partial(self._pdf_tick, 100 * n))
                    )
                else:
                    written += write_pack(pack, fmt, path)
                self._tick(100 * (n + 1))
        except PackError as exc:
            done = "\n".join(str(p) for p in written)
            also = f"\n\nWritten before the error:\n{done}" if done else ""
            QMessageBox.warning(self, "The pack was not exported", f"{exc}{also}")
            self.written = written
            self.progress.hide()
            self._update_buttons()
            return False
        self.written = written
        self.progress.setFormat("Done")
        return True

    def _pdf_tick(self, base: int, done: int, total: int) -> None:
        self._tick(base + 100 * done // max(total, 1))

    def _tick(self, value: int) -> None:
        self.progress.setValue(value)
        # A long PDF takes a second or two: keep the bar moving (the dialog is modal meanwhile).
        QCoreApplication.processEvents()


def run_export_dialog(parent: QWidget | None, plan: PlanDB, selected_ids: list[int]) -> list[Path]:
    """File → Export review pack… (Ctrl+E): the files written, or [] when cancelled."""
    dialog = ExportDialog(plan, selected_ids, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return list(dialog.written)
        return []
    finally:
        dialog.deleteLater()
