"""File → Export review pack…: scope, formats, private notes, a preview of the pages, then the files."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner import calendar, i18n
from planner.exchange.pack import (
    PAPER_SIZES,
    Pack,
    PackError,
    PackOptions,
    PackScope,
    PaperSize,
    build_pack,
    quarter_label,
)
from planner.exchange.pack_writers import PACK_FORMATS, write_pack
from planner.i18n import QT_TRANSLATE_NOOP, plural
from planner.since_review import last_review_day, record_review
from planner.storage import accounts as account_repo
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from ui import plain
from ui.app_settings import AppSettings
from ui.board.pipeline_switch import PipelineFilter
from ui.date_field import DateField
from ui.file_dialogs import FolderKind, choose_folder, remember, start_folder
from ui.format import amount
from ui.pack_pdf import PackLayout, default_paper, write_pdf

translate = QCoreApplication.translate

# English sources; shown through translate("ExportDialog", ...).
FORMAT_LABELS = {
    "pdf": QT_TRANSLATE_NOOP("ExportDialog", "PDF (print, or read anywhere)"),
    "html": QT_TRANSLATE_NOOP("ExportDialog", "HTML (one file; phones and browsers)"),
    "md": QT_TRANSLATE_NOOP("ExportDialog", "Markdown (a wiki page)"),
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV (deals, and influences beside it)"),
    "xlsx": QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (deals and influences sheets)"),
    "json": QT_TRANSLATE_NOOP("ExportDialog", "Plan bundle (JSON: the manager opens it for review)"),
}
EXTENSIONS = {"pdf": ".pdf", "html": ".html", "md": ".md", "csv": ".csv", "xlsx": ".xlsx", "json": ".json"}
PREVIEW_WIDTH = 380
# The preview lays out the cover, the deal table and this many deal pages: enough to judge.
PREVIEW_DEALS = 2


def _safe_name(text: str) -> str:
    cleaned = re.sub(r"[^\w .-]+", "_", text).strip(" ._")
    return cleaned[:60] or "plan"


def _quarters(today: dt.date, start_month: int) -> list[str]:
    """This quarter and the next three of the plan's fiscal year: '2026Q4', '2027Q1'..."""
    return [q.label for q in calendar.quarters_from(today, start_month, 4)]


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
        self.setWindowTitle(translate("ExportDialog", "Export review pack"))
        self.setModal(True)

        # Scope
        scope_box = QGroupBox(translate("ExportDialog", "Deals in the pack"), self)
        self.all_open = QRadioButton(translate("ExportDialog", "&All open deals"), scope_box)
        self.by_account = QRadioButton(
            translate("ExportDialog", "One &account and its subsidiaries:"), scope_box
        )
        self.account = QComboBox(scope_box)
        plain.keep_names_narrow(self.account)
        self.account.setAccessibleName(translate("ExportDialog", "Account"))
        for account in account_repo.list_accounts(plan):
            self.account.addItem(account.name, account.id)
        count = len(self.selected_ids)
        self.by_selection = QRadioButton(
            plural(
                count,
                translate("ExportDialog", "The &selected deal ({n})"),
                translate("ExportDialog", "The &selected deals ({n})"),
            ).format(n=count)
            if count
            else translate("ExportDialog", "The &selected deals (none)"),
            scope_box,
        )
        self.by_selection.setEnabled(bool(count))
        self.by_quarter = QRadioButton(translate("ExportDialog", "Deals closing in the &quarter:"), scope_box)
        self.quarter = QComboBox(scope_box)
        self.quarter.setAccessibleName(translate("ExportDialog", "Quarter"))
        self.quarter.setEditable(True)
        self.quarter.addItems(_quarters(self.today, calendar.plan_start_month(plan)))
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
        # Any of the scopes above, of one pipeline (hidden while the plan has only one).
        self.pipeline_filter = PipelineFilter(plan, scope_box)
        pipeline_label = QLabel(translate("ExportDialog", "Pipe&line:"), scope_box)
        pipeline_label.setBuddy(self.pipeline_filter)
        pipeline_label.setVisible(self.pipeline_filter.isVisibleTo(scope_box))
        grid.addWidget(pipeline_label, 4, 0)
        grid.addWidget(self.pipeline_filter, 4, 1)

        # Formats and options
        format_box = QGroupBox(translate("ExportDialog", "Formats (one file each)"), self)
        format_layout = QVBoxLayout(format_box)
        self.format_boxes: dict[str, QCheckBox] = {}
        for fmt in PACK_FORMATS:
            box = QCheckBox(translate("ExportDialog", FORMAT_LABELS[fmt]), format_box)
            box.setChecked(fmt == "pdf")
            format_layout.addWidget(box)
            self.format_boxes[fmt] = box
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(translate("ExportDialog", "Paper size"))
        for paper in PAPER_SIZES:
            self.paper.addItem("A4" if paper == "a4" else translate("ExportDialog", "US Letter"), paper)
        preferred = AppSettings().export_paper() or default_paper(QLocale.system())  # Edit → Preferences
        self.paper.setCurrentIndex(PAPER_SIZES.index(preferred))
        self.private = QCheckBox(translate("ExportDialog", "Include my &private notes"), self)
        self.private.setToolTip(
            translate("ExportDialog", "Off by default. The pack says on its cover whether it includes them.")
        )
        name = settings_repo.get_setting(plan, "plan_name", None) or (
            plan.path.stem if plan.path else translate("ExportDialog", "Plan")
        )
        stem = translate("ExportDialog", "{plan} review {date}").format(
            plan=name, date=self.today.isoformat()
        )
        self.file_name = QLineEdit(_safe_name(stem), self)
        self.file_name.setAccessibleName(translate("ExportDialog", "File name"))
        self.folder = QLineEdit(str(folder or start_folder(FolderKind.EXPORTS)), self)
        self.folder.setAccessibleName(translate("ExportDialog", "Folder"))
        browse = QPushButton(translate("ExportDialog", "&Browse…"), self)
        browse.setAccessibleName(translate("ExportDialog", "Browse for the folder"))
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        # The manager's page lists what changed since this day: the last pack's, or one chosen.
        self.last_review = last_review_day(plan)
        self.since = DateField(self, allow_empty=True, maximum=self.today)
        self.since.setAccessibleName(translate("ExportDialog", "Changes since"))
        self.since.set_value(self.last_review)
        self.since.setToolTip(
            translate(
                "ExportDialog",
                "The manager's page lists what changed in the plan on this day or later: deals added,"
                " advanced, moved back, pushed, amount and category changes, won, lost, walked away,"
                " red flags raised and resolved. It starts as the day the last pack was exported.",
            )
        )
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Changes &since"), self.since)
        form.addRow(translate("ExportDialog", "Pape&r (PDF)"), self.paper)
        form.addRow("", self.private)
        # The folder row holds a layout: its label names the line edit for screen readers.
        folder_label = QLabel(translate("ExportDialog", "&Folder"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow(translate("ExportDialog", "File &name"), self.file_name)

        # Preview
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setAccessibleName(translate("ExportDialog", "Preview of the pack's pages"))
        self.preview.setMinimumWidth(PREVIEW_WIDTH + 8)
        preview_scroll = QScrollArea(self)
        preview_scroll.setWidget(self.preview)
        preview_scroll.setWidgetResizable(True)
        preview_scroll.setMinimumHeight(420)
        self.previous_page = QPushButton("◀", self)
        self.previous_page.setAccessibleName(translate("ExportDialog", "Previous page"))
        self.previous_page.setToolTip(translate("ExportDialog", "Previous page"))
        self.next_page = QPushButton("▶", self)
        self.next_page.setAccessibleName(translate("ExportDialog", "Next page"))
        self.next_page.setToolTip(translate("ExportDialog", "Next page"))
        self.page_label = QLabel(self)
        self.previous_page.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_page.clicked.connect(lambda: self.show_page(self._page + 1))
        pager = QHBoxLayout()
        pager.addWidget(self.previous_page)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next_page)
        preview_box = QGroupBox(translate("ExportDialog", "Preview"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(preview_scroll, 1)
        preview_layout.addLayout(pager)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(translate("ExportDialog", "Export progress"))
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(
            translate("ExportDialog", "&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
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
        self.pipeline_filter.pipeline_changed.connect(self._on_choice_changed)
        self.private.toggled.connect(self._on_choice_changed)
        self.paper.currentIndexChanged.connect(self._on_choice_changed)
        self.since.editingFinished.connect(self._on_choice_changed)
        self.since.date_picked.connect(self._on_choice_changed)
        for box in self.format_boxes.values():
            box.toggled.connect(self._update_buttons)
        self.refresh_preview()

    # Choices --------------------------------------------------------------------------------
    def scope(self) -> PackScope:
        """The deals the choices name (PackError for a quarter that is not one)."""
        return replace(self._scope(), pipeline_id=self.pipeline_filter.chosen())

    def _scope(self) -> PackScope:
        if self.by_account.isChecked() and self.account.currentIndex() >= 0:
            return PackScope.account(int(self.account.currentData()))
        if self.by_selection.isChecked() and self.selected_ids:
            return PackScope.selected(self.selected_ids)
        if self.by_quarter.isChecked():
            return PackScope.closing_in(self.quarter.currentText().strip())
        return PackScope.all_open()

    def options(self) -> PackOptions:
        paper: PaperSize = "letter" if self.paper.currentData() == "letter" else "a4"
        return PackOptions(
            include_private_notes=self.private.isChecked(), paper=paper, since=self.since_day()
        )

    def since_day(self) -> dt.date | None:
        """The day typed for the manager's page; None for the last pack's (the page then says
        "since the last review"), also while the text is not a date."""
        try:
            day = self.since.value()
        except ValueError:
            return None
        return None if day == self.last_review else day

    def formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def destinations(self) -> dict[str, Path]:
        """Where each chosen format goes."""
        folder = Path(self.folder.text().strip() or ".").expanduser()
        stem = self.file_name.text().strip() or translate("ExportDialog", "review pack")
        return {fmt: folder / f"{stem}{EXTENSIONS[fmt]}" for fmt in self.formats()}

    @Slot()
    def _on_browse_clicked(self) -> None:
        typed = self.folder.text().strip()
        chosen = choose_folder(
            self,
            FolderKind.EXPORTS,
            translate("ExportDialog", "Export to folder"),
            start=Path(typed).expanduser() if typed else None,
        )
        if chosen is not None:
            self.folder.setText(str(chosen))

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
            scope = self.scope()
            # The pack is in English whatever the window's language: a manager reads it.
            with i18n.english():
                self.pack = build_pack(self.plan, scope, self.options(), self.today)
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
        deals = plural(
            count,
            translate("ExportDialog", "{scope}: {n} deal, {amount} (weighted {weighted})"),
            translate("ExportDialog", "{scope}: {n} deals, {amount} (weighted {weighted})"),
        ).format(
            scope=self.scope_text(scope),
            n=count,
            amount=amount(pack.totals.amount, pack.base_currency),
            weighted=amount(pack.totals.weighted, pack.base_currency),
        )
        flags = plural(
            pack.red_flag_count,
            translate("ExportDialog", "{n} red flag."),
            translate("ExportDialog", "{n} red flags."),
        ).format(n=pack.red_flag_count)
        empty = (
            ""
            if count
            else " " + translate("ExportDialog", "The pack will say there are no deals in this scope.")
        )
        self.summary.setText(
            translate("ExportDialog", "{deals}, {flags}").format(deals=deals, flags=flags) + empty
        )
        with i18n.english():
            self._layout = PackLayout(pack, self.options().paper, max_deals=PREVIEW_DEALS)
        self.show_page(min(self._page, self._layout.page_count - 1))
        self._update_buttons()

    def show_page(self, page: int) -> None:
        """Show one page of the preview."""
        layout = self._layout
        if layout is None:
            return
        self._page = max(0, min(page, layout.page_count - 1))
        with i18n.english():
            image = layout.page_image(self._page, PREVIEW_WIDTH)
        self.preview.setPixmap(QPixmap.fromImage(image))
        if len(layout.pack.deals) > PREVIEW_DEALS:
            text = translate("ExportDialog", "Page {page} of {count} (the first deals only)")
        else:
            text = translate("ExportDialog", "Page {page} of {count}")
        self.page_label.setText(text.format(page=self._page + 1, count=layout.page_count))
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
            answer = plain.question(
                self,
                translate("ExportDialog", "Replace files?"),
                plural(
                    len(existing),
                    translate("ExportDialog", "This file exists already:\n{names}\n\nReplace it?"),
                    translate("ExportDialog", "These files exist already:\n{names}\n\nReplace them?"),
                ).format(names=names),
            )
            if answer != plain.Button.Yes:
                return False
        self.progress.show()
        self.progress.setRange(0, 100 * len(destinations))
        self.progress.setValue(0)
        self.export_button.setEnabled(False)
        written: list[Path] = []
        try:
            for n, (fmt, path) in enumerate(destinations.items()):
                self.progress.setFormat(
                    translate("ExportDialog", "Writing {file}… %p%").format(file=path.name)
                )
                self._tick(100 * n)
                self._check_folder(path)
                # The files are in English whatever the window's language: a manager reads them.
                with i18n.english():
                    if fmt == "pdf":
                        written.append(
                            write_pdf(pack, path, pack.paper, progress=partial(self._pdf_tick, 100 * n))
                        )
                    else:
                        written += write_pack(pack, fmt, path)
                self._tick(100 * (n + 1))
        except PackError as exc:
            done = "\n".join(str(p) for p in written)
            also = (
                "\n\n" + translate("ExportDialog", "Written before the error:\n{files}").format(files=done)
                if done
                else ""
            )
            plain.warning(self, translate("ExportDialog", "The pack was not exported"), f"{exc}{also}")
            self.written = written
            self.progress.hide()
            self._update_buttons()
            return False
        self.written = written
        self._remember_review()
        self.progress.setFormat(translate("ExportDialog", "Done"))
        # Typed or browsed, the folder the pack went to is where the next one starts.
        remember(FolderKind.EXPORTS, next(iter(destinations.values())).parent)
        return True

    def _remember_review(self) -> None:
        # The next pack's "since the last review" starts here. The files are written whatever
        # happens: a plan that cannot be written to (read-only) only forgets this review.
        if self.plan.read_only:
            return
        try:
            record_review(self.plan, self.today)
        except (sqlite3.Error, OSError):
            return

    @staticmethod
    def _check_folder(path: Path) -> None:
        """The usual reasons a file cannot be written, in the window's language (PackError)."""
        if path.is_dir():
            raise PackError(
                translate("ExportDialog", "Cannot write {file}: it is a folder. Nothing was written.").format(
                    file=path
                )
            )
        if not path.parent.is_dir():
            raise PackError(
                translate(
                    "ExportDialog",
                    "Cannot write {file}: the folder {folder} does not exist. Nothing was written.",
                ).format(file=path, folder=path.parent)
            )

    def scope_text(self, scope: PackScope) -> str:
        """The scope in the window's language: 'All open deals', '3 selected deals'…"""
        text = self._scope_text(scope)
        if scope.pipeline_id is None:
            return text
        pipeline = self.pipeline_filter.currentText()
        return translate("ExportDialog", "{scope}, {pipeline} pipeline").format(scope=text, pipeline=pipeline)

    def _scope_text(self, scope: PackScope) -> str:
        if scope.deal_ids is not None:
            count = len(scope.deal_ids)
            return plural(
                count,
                translate("ExportDialog", "{n} selected deal"),
                translate("ExportDialog", "{n} selected deals"),
            ).format(n=count)
        if scope.account_ids:
            account_id = scope.account_ids[0]
            account = account_repo.get_account(self.plan, account_id)
            name = account.name if account else self.account.currentText()
            if len(account_repo.descendants(self.plan, account_id)) > 1:
                return translate("ExportDialog", "Open deals of {account} and its subsidiaries").format(
                    account=name
                )
            return translate("ExportDialog", "Open deals of {account}").format(account=name)
        if scope.quarter:
            return translate("ExportDialog", "Open deals closing in {quarter}").format(
                quarter=quarter_label(scope.quarter, calendar.plan_start_month(self.plan))
            )
        return translate("ExportDialog", "All open deals")

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
