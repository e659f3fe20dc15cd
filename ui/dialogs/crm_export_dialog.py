"""File → Export for CRM…: the CRM, its value for each stage it has none for, then the update file.

The file is the command line's (`planner export --format crm-csv`): one function,
`planner.exchange.crm_export.crm_csv`, writes both. The seller's answers are remembered in the plan
by the same functions `--crm-stage` and `--reason-field` use, so they are asked once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.exchange.crm import PROFILES, CrmProfile
from planner.exchange.crm_export import (
    CrmExport,
    CrmExportRefusedError,
    chosen_stage_map,
    contact_roles_path,
    crm_csv,
    crm_stage_values,
    imported_sources,
    reason_field,
    set_chosen_stage_map,
    set_reason_field,
)
from planner.exchange.files import write_private
from planner.i18n import QT_TRANSLATE_NOOP, plural
from planner.storage.db import PlanDB, PlanReadOnlyError
from ui import plain
from ui.file_dialogs import FolderKind, save_file

translate = QCoreApplication.translate

# How each CRM loads the file, in short (docs/crm.md has every step); shown once it is written.
# A CRM added to the registry without steps here is named with its profile's import tool.
LOADING_STEPS = {
    "salesforce": QT_TRANSLATE_NOOP(
        "CrmExportDialog",
        "In Data Loader choose Update and the Opportunity object, choose this file, use “Auto-Match "
        "Fields to Columns”, leave “Insert null values” off in Settings, and run. Load the contact "
        "roles file with Insert into the Opportunity Contact Role object.",
    ),
    "hubspot": QT_TRANSLATE_NOOP(
        "CrmExportDialog",
        "In HubSpot choose Import, File from computer, One file, One object, Deals; choose this file, "
        "let “Record ID” match existing deals (Update existing deals only), keep “Don't overwrite "
        "existing values with blank values” on, and finish the import.",
    ),
    "pipedrive": QT_TRANSLATE_NOOP(
        "CrmExportDialog",
        "In Pipedrive choose … (More), Import data, From a spreadsheet; choose this file, map "
        "“Deal - ID” to the deal ID, merge duplicates by ID, and import.",
    ),
    "zoho": QT_TRANSLATE_NOOP(
        "CrmExportDialog",
        "In Zoho CRM choose Deals, Import, Import Deals, From file; choose this file, choose Update "
        "existing Deals only, matched by Record Id, leave skip empty values on, and import.",
    ),
}


def loading_steps(source: CrmProfile) -> str:
    """How to load the update file into `source`, in a few sentences."""
    steps = LOADING_STEPS.get(source.value)
    if steps is not None:
        return translate("CrmExportDialog", steps)
    tool = source.import_tool or source.label
    return translate("CrmExportDialog", "Load it with {tool}.").format(tool=tool)


@dataclass(frozen=True, slots=True)
class CrmFilesWritten:
    """What the dialog wrote: the deals file and, for Salesforce, the contact roles beside it."""

    source: CrmProfile
    export: CrmExport
    path: Path
    roles_path: Path | None


class CrmExportDialog(QDialog):
    """Choose the CRM, answer what it needs once, and write its update file."""

    def __init__(self, plan: PlanDB, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.today = today or dt.date.today()
        self.written: CrmFilesWritten | None = None
        self.setWindowTitle(translate("CrmExportDialog", "Export for CRM"))
        self.setModal(True)
        imported = imported_sources(plan)
        # The CRMs the plan's deals came from first: the file is for one of them.
        self.sources = [*imported, *(p for p in PROFILES if p.exports and p not in imported)]
        self.imported = set(imported)

        self.crm = QComboBox(self)
        self.crm.setAccessibleName(translate("CrmExportDialog", "CRM"))
        for source in self.sources:
            self.crm.addItem(source.label)
        form = QFormLayout()
        crm_label = QLabel(translate("CrmExportDialog", "&CRM:"), self)
        crm_label.setBuddy(self.crm)
        form.addRow(crm_label, self.crm)
        self.reason = QLineEdit(self)
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason)
        self.reason_label.setWordWrap(True)
        form.addRow(self.reason_label, self.reason)

        # One combo per plan stage of a changed deal that has no CRM value (rebuilt per CRM).
        self.stages_box = QGroupBox(translate("CrmExportDialog", "Stage values this CRM needs"), self)
        self.stages_form = QFormLayout(self.stages_box)
        self.stage_combos: dict[str, QComboBox] = {}
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("CrmExportDialog", "What will be written"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(translate("CrmExportDialog", "&Export…"))
        self.buttons.accepted.connect(self._export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.stages_box)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.crm.currentIndexChanged.connect(self._on_crm_changed)
        self.reason.textChanged.connect(self._update_summary)
        self._on_crm_changed()
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def source(self) -> CrmProfile:
        return self.sources[max(self.crm.currentIndex(), 0)]

    def stage_choices(self) -> dict[str, str]:
        """Plan stage name -> the CRM value picked in the dialog (unanswered stages left out)."""
        picked = {name: str(combo.currentData() or "") for name, combo in self.stage_combos.items()}
        return {name: value for name, value in picked.items() if value}

    def reason_answer(self) -> str | None:
        """The reason field typed, or None where the CRM's layout has its own (or none)."""
        return self.reason.text().strip() if self.source().asks_reason_field else None

    def answered_export(self, source: CrmProfile) -> CrmExport:
        """The export with the dialog's answers (CrmExportRefusedError while a stage needs one)."""
        return crm_csv(self.plan, source, stage_choices=self.stage_choices(), reason=self.reason_answer())

    @Slot()
    def _on_crm_changed(self) -> None:
        source = self.source()
        asks = source.asks_reason_field
        self.reason_label.setText(
            translate("CrmExportDialog", "{crm} field for &reasons:").format(
                crm=source.label.replace("&", "&&")
            )
        )
        self.reason.blockSignals(True)
        self.reason.setText(reason_field(self.plan, source) if asks else "")
        self.reason.blockSignals(False)
        self.reason.setPlaceholderText(
            translate("CrmExportDialog", "e.g. {example} (empty: reasons are left out)").format(
                example=source.reason_example
            )
        )
        self.reason.setAccessibleName(
            translate("CrmExportDialog", "{crm} field for lost and walk-away reasons").format(
                crm=source.label
            )
        )
        self.reason.setVisible(asks)
        self.reason_label.setVisible(asks)
        self._build_stage_rows(source)
        self._update_summary()

    def _build_stage_rows(self, source: CrmProfile) -> None:
        while self.stages_form.rowCount():
            self.stages_form.removeRow(0)
        self.stage_combos = {}
        try:
            crm_csv(self.plan, source)
            needed: tuple[str, ...] = ()
        except CrmExportRefusedError as exc:
            needed = exc.stages
        values = crm_stage_values(self.plan, source)
        for name in needed:
            combo = QComboBox(self.stages_box)
            combo.addItem(translate("CrmExportDialog", "Choose…"), "")
            for value in values:
                combo.addItem(value, value)  # a combo's items are plain text
            combo.setAccessibleName(
                translate("CrmExportDialog", "{crm} stage value for “{stage}”").format(
                    crm=source.label, stage=name
                )
            )
            combo.currentIndexChanged.connect(self._update_summary)
            label = QLabel(name.replace("&", "&&") + ":", self.stages_box)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a stage name is the seller's text
            label.setBuddy(combo)
            self.stages_form.addRow(label, combo)
            self.stage_combos[name] = combo
        self.stages_box.setVisible(bool(needed))

    @Slot()
    def _update_summary(self) -> None:
        source = self.source()
        if source not in self.imported:
            self.summary.setText(
                translate(
                    "CrmExportDialog",
                    "No deal of this plan was imported from {crm}: there is nothing to write.",
                ).format(crm=source.label)
            )
            self.export_button.setEnabled(False)
            return
        try:
            export = self.answered_export(source)
        except CrmExportRefusedError as exc:
            self.summary.setText(str(exc))
            self.export_button.setEnabled(True)  # Export says why it cannot, and writes nothing
            return
        if not export.deals:
            self.summary.setText(
                translate(
                    "CrmExportDialog",
                    "No deal changed since the last import from {crm}: there is nothing to write.",
                ).format(crm=source.label)
            )
            self.export_button.setEnabled(False)
            return
        lines = [
            plural(
                export.deals,
                translate("CrmExportDialog", "{count} changed deal will be written."),
                translate("CrmExportDialog", "{count} changed deals will be written."),
            ).format(count=f"{export.deals:,}")
        ]
        if export.reasons_left_out:
            lines.append(left_out(export.reasons_left_out, source))
        self.summary.setText("\n".join(lines))
        self.export_button.setEnabled(True)

    def _remember(self, source: CrmProfile) -> None:
        """Keep the answers in the plan for the next export (and Stage settings)."""
        if self.plan.read_only:
            return  # this export still uses them; a plan open read-only keeps nothing
        try:
            picked = self.stage_choices()
            if picked:
                set_chosen_stage_map(self.plan, source, {**chosen_stage_map(self.plan, source), **picked})
            answer = self.reason_answer()
            if answer is not None and answer != reason_field(self.plan, source):
                set_reason_field(self.plan, source, answer)
        except (PlanReadOnlyError, sqlite3.Error):
            return  # not kept this time; this export uses them all the same

    @Slot()
    def _export(self) -> None:
        source = self.source()
        self._remember(source)
        title = translate("CrmExportDialog", "Export for CRM")
        try:
            export = self.answered_export(source)
        except CrmExportRefusedError as exc:
            plain.warning(self, title, str(exc))  # one line naming the stage; nothing is written
            return
        name = f"{source.value}-update-{self.today.isoformat()}.csv"
        path = save_file(
            self,
            FolderKind.EXPORTS,
            translate("CrmExportDialog", "Save the {crm} update file").format(crm=source.label),
            name,
            translate("CrmExportDialog", "CSV files (*.csv)"),
        )
        if path is None:
            return
        roles_path = contact_roles_path(path) if export.contact_roles is not None else None
        try:
            write_private(path, export.data)
            if roles_path is not None and export.contact_roles is not None:
                write_private(roles_path, export.contact_roles)
        except OSError as exc:
            plain.warning(
                self,
                title,
                translate("CrmExportDialog", "Cannot write {path}: {reason}.").format(
                    path=exc.filename or path, reason=exc.strerror or exc
                ),
            )
            return
        self.written = CrmFilesWritten(source, export, path, roles_path)
        self.accept()


def left_out(count: int, source: CrmProfile) -> str:
    """The window's note on reasons left out (the command line's names its option)."""
    return plural(
        count,
        translate(
            "CrmExportDialog",
            "{count} close reason is left out: name your {crm} field for reasons in Export for CRM.",
        ),
        translate(
            "CrmExportDialog",
            "{count} close reasons are left out: name your {crm} field for reasons in Export for CRM.",
        ),
    ).format(count=f"{count:,}", crm=source.label)


def written_message(written: CrmFilesWritten) -> tuple[str, str]:
    """The one line saying what was written where, and the whole message with how to load it."""
    export, source = written.export, written.source
    line = plural(
        export.deals,
        translate("CrmExportDialog", "Wrote {count} changed deal to {path}."),
        translate("CrmExportDialog", "Wrote {count} changed deals to {path}."),
    ).format(count=f"{export.deals:,}", path=written.path)
    if written.roles_path is not None:
        roles = plural(
            export.roles,
            translate("CrmExportDialog", "Wrote {count} contact role to {path}."),
            translate("CrmExportDialog", "Wrote {count} contact roles to {path}."),
        )
        line += " " + roles.format(count=f"{export.roles:,}", path=written.roles_path)
    parts = [line]
    if export.reasons_left_out:
        parts.append(left_out(export.reasons_left_out, source))
    parts.append(
        translate("CrmExportDialog", "How to load this file into {crm}: {steps}").format(
            crm=source.label, steps=loading_steps(source)
        )
    )
    return line, "\n\n".join(parts)
