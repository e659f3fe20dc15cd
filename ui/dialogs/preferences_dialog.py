"""Edit → Preferences…: this computer's choices (language, theme, PDF paper), and the way to the
plan's own settings (fiscal year and targets, currencies, stages), which live in the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.app_settings import AppSettings
from ui.i18n import LANGUAGES, SYSTEM, current_language, system_language
from ui.theme import Theme

if TYPE_CHECKING:
    from collections.abc import Callable

translate = QCoreApplication.translate


class PreferencesDialog(QDialog):
    """Shows `settings`; OK stores the choices (`store`), Cancel changes nothing.

    The plan's settings are not stored here: the buttons of "This plan" ask the window to open
    them (the signals), so there is one place to edit each.
    """

    forecast_settings_requested = Signal()
    currencies_requested = Signal()
    stages_requested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.setMinimumWidth(480)

        # This computer -----------------------------------------------------------------------
        self.language = QComboBox(self)
        system = LANGUAGES.get(system_language(), system_language())
        self.language.addItem(
            translate("PreferencesDialog", "Same as the system ({language})").format(language=system), SYSTEM
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each language by its own name
        self.language.setAccessibleName(translate("PreferencesDialog", "Language"))
        self.language_note = QLabel(
            translate("PreferencesDialog", "A new language takes effect the next time the planner starts."),
            self,
        )
        self.language_note.setWordWrap(True)
        small = QFont(self.language_note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.language_note.setFont(small)

        self.theme = QComboBox(self)
        for theme, label in (
            (Theme.SYSTEM, translate("PreferencesDialog", "Same as the system")),
            (Theme.LIGHT, translate("PreferencesDialog", "Light")),
            (Theme.DARK, translate("PreferencesDialog", "Dark")),
        ):
            self.theme.addItem(label, theme.value)
        self.theme.setAccessibleName(translate("PreferencesDialog", "Theme"))

        from ui.pack_pdf import default_paper

        letter = translate("PreferencesDialog", "US Letter")
        regional = "A4" if default_paper(QLocale.system()) == "a4" else letter
        self.paper = QComboBox(self)
        self.paper.addItem(
            translate("PreferencesDialog", "Same as the region ({paper})").format(paper=regional), "locale"
        )
        self.paper.addItem("A4", "A4")
        self.paper.addItem(letter, "Letter")
        self.paper.setAccessibleName(translate("PreferencesDialog", "Paper size for PDF export"))

        computer = QGroupBox(translate("PreferencesDialog", "On this computer"), self)
        form = QFormLayout(computer)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language_label = self._label(translate("PreferencesDialog", "&Language:"), self.language)
        form.addRow(self.language_label, self.language)
        form.addRow("", self.language_note)
        self.theme_label = self._label(translate("PreferencesDialog", "&Theme:"), self.theme)
        form.addRow(self.theme_label, self.theme)
        self.paper_label = self._label(translate("PreferencesDialog", "&Paper for PDF export:"), self.paper)
        form.addRow(self.paper_label, self.paper)

        # This plan ---------------------------------------------------------------------------
        plan = QGroupBox(translate("PreferencesDialog", "This plan"), self)
        plan_layout = QVBoxLayout(plan)
        intro = QLabel(
            translate(
                "PreferencesDialog",
                "The fiscal year, the quarter targets, the currencies and the stages are kept in "
                "the plan, so they travel with it. Change them here:",
            ),
            plan,
        )
        intro.setWordWrap(True)
        plan_layout.addWidget(intro)
        self.forecast_button = QPushButton(translate("PreferencesDialog", "&Fiscal year and targets…"), plan)
        self.forecast_button.setToolTip(
            translate(
                "PreferencesDialog",
                "Keeps the choices above, closes Preferences and shows the fiscal year and the "
                "quarter's target on the Forecast tab.",
            )
        )
        self.currencies_button = QPushButton(translate("PreferencesDialog", "&Currencies and rates…"), plan)
        self.stages_button = QPushButton(translate("PreferencesDialog", "&Stages…"), plan)
        row = QHBoxLayout()
        for button in (self.forecast_button, self.currencies_button, self.stages_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        plan_layout.addLayout(row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(computer)
        layout.addWidget(plan)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._select(self.language, settings.language())
        self._select(self.theme, settings.theme().value)
        self._select(self.paper, settings.paper_size())
        self.forecast_button.clicked.connect(self._on_forecast_button_clicked)
        self.currencies_button.clicked.connect(self.currencies_requested)
        self.stages_button.clicked.connect(self.stages_requested)
        self.language.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # What the seller chose ----------------------------------------------------------------
    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def chosen_theme(self) -> Theme:
        return Theme(str(self.theme.currentData()))

    def chosen_paper(self) -> str:
        return str(self.paper.currentData())

    def store(self) -> None:
        """Write the choices to the settings (the theme is applied by the window: set_theme)."""
        self.settings.set_language(self.chosen_language())
        self.settings.set_theme(self.chosen_theme())
        self.settings.set_paper_size(self.chosen_paper())

    def language_changes(self) -> bool:
        """Whether the chosen language differs from the one the window speaks now."""
        chosen = self.chosen_language()
        return (system_language() if chosen == SYSTEM else chosen) != current_language()

    @Slot()
    def _on_forecast_button_clicked(self) -> None:
        self.accept()
        self.forecast_settings_requested.emit()


def run_preferences(
    parent: QWidget,
    settings: AppSettings,
    *,
    plan_editable: bool,
    edit_currencies: Callable[[], object],
    edit_stages: Callable[[], object],
    forecast_settings: Callable[[], object],
    set_theme: Callable[[str], object],
) -> PreferencesDialog:
    """Edit → Preferences…: OK stores the choices and applies the theme; Cancel changes nothing.

    The plan's own settings open through the callables; `plan_editable` False: a read-only plan.
    """
    dialog = PreferencesDialog(settings, parent)
    dialog.forecast_settings_requested.connect(forecast_settings)
    dialog.currencies_requested.connect(edit_currencies)
    dialog.stages_requested.connect(edit_stages)
    # A read-only plan: its settings cannot change (the window's actions say so too).
    dialog.currencies_button.setEnabled(plan_editable)
    dialog.stages_button.setEnabled(plan_editable)
    dialog.accepted.connect(lambda: _apply(parent, settings, dialog, set_theme))
    dialog.exec()
    return dialog


def _apply(
    parent: QWidget, settings: AppSettings, dialog: PreferencesDialog, set_theme: Callable[[str], object]
) -> None:
    dialog.store()
    set_theme(dialog.chosen_theme().value)
    settings.sync()
    if dialog.language_changes():
        window = parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                translate(
                    "PreferencesDialog", "The new language takes effect the next time the planner starts."
                ),
                8000,
            )
