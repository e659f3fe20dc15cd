"""The welcome: three short steps shown the first time the planner starts, and from Help → Welcome….

It explains the board and the Blue Sheet and offers the way out of the demo plan (the same as the
demo banner's buttons). Not modal: the board it talks about stays in view, and in reach.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.app_settings import AppSettings

translate = QCoreApplication.translate

STEP_STYLE = (
    "#welcome-step { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"
    "#welcome-number { background: palette(highlight); color: palette(highlighted-text);"
    " border-radius: 14px; font-weight: 600; }"
)


class WelcomeDialog(QDialog):
    """Three steps (the board, the Blue Sheet, what next) and the buttons to begin."""

    start_own_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, demo: bool = True) -> None:
        super().__init__(parent)
        self.demo = demo
        self.setWindowTitle(translate("Welcome", "Welcome to Opportunity Planner"))
        self.setObjectName("welcome")
        self.setStyleSheet(STEP_STYLE)
        self.setMinimumWidth(640)

        header = QHBoxLayout()
        header.setSpacing(14)
        from ui.icons import app_icon

        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(56, 56))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        logo.setAccessibleName(translate("Welcome", "Opportunity Planner logo"))
        header.addWidget(logo)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        self.title = QLabel(translate("Welcome", "Welcome to Opportunity Planner"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setAccessibleName(self.title.text())
        self.subtitle = QLabel(
            translate(
                "Welcome",
                "Plan your deals with the Miller Heiman method. Three things to know:",
            ),
            self,
        )
        self.subtitle.setWordWrap(True)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        header.addLayout(heading, 1)

        if demo:
            next_text = translate(
                "Welcome",
                "This demo plan is for looking around: nothing in it is yours. When you are ready, "
                "start your own plan, or import your deals from a CRM export.",
            )
        else:
            next_text = translate(
                "Welcome",
                "Add your first deal, or import your deals from a CRM export. You can open this "
                "welcome again from the Help menu.",
            )
        self.steps = [
            self._step(
                1,
                translate("Welcome", "The board follows the customer"),
                translate(
                    "Welcome",
                    "Each column is a step of the customer's buying process. A deal moves on when "
                    "the customer commits to something, such as a trial or a meeting with the "
                    "decision maker. Badges mark deals that are stale (nothing happened for a "
                    "while) or slipped (the close date moved).",
                ),
            ),
            self._step(
                2,
                translate("Welcome", "The Blue Sheet plans each deal"),
                translate(
                    "Welcome",
                    "Select a deal to see its Blue Sheet: the buying influences and where each one "
                    "stands, the red flags to clear, and the action plan towards the next commitment.",
                ),
            ),
            self._step(3, translate("Welcome", "What next"), next_text),
        ]

        self.start_button = QPushButton(translate("Welcome", "&Start my own plan"), self)
        self.start_button.setToolTip(
            translate("Welcome", "An empty plan of your own; the demo stays as it is")
        )
        self.import_button = QPushButton(translate("Welcome", "&Import from CRM…"), self)
        self.import_button.setToolTip(
            translate("Welcome", "Bring in deals from a Salesforce, HubSpot or Pipedrive export")
        )
        explore = translate("Welcome", "&Explore the demo") if demo else translate("Welcome", "&Get started")
        self.explore_button = QPushButton(explore, self)
        self.explore_button.setDefault(True)
        self.start_button.setVisible(demo)
        for button in (self.start_button, self.import_button):
            button.setAutoDefault(False)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.explore_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.explore_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addSpacing(4)
        for step in self.steps:
            layout.addWidget(step)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.explore_button.setFocus()

    def _step(self, number: int, title: str, body: str) -> QFrame:
        step = QFrame(self)
        step.setObjectName("welcome-step")
        step.setAccessibleName(
            translate("Welcome", "Step {number}: {title}").format(number=number, title=title)
        )
        step.setAccessibleDescription(body)
        grid = QGridLayout(step)
        grid.setContentsMargins(14, 12, 14, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        badge = QLabel(str(number), step)
        badge.setObjectName("welcome-number")
        badge.setFixedSize(28, 28)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setAccessibleName(translate("Welcome", "Step {number}").format(number=number))
        heading = QLabel(title, step)
        font = QFont(heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        heading.setAccessibleName(title)
        text = QLabel(body, step)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setAccessibleName(body)
        grid.addWidget(badge, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(heading, 0, 1)
        grid.addWidget(text, 1, 1)
        grid.setColumnStretch(1, 1)
        return step

    @Slot()
    def _on_start_button_clicked(self) -> None:
        self.accept()
        self.start_own_requested.emit()

    @Slot()
    def _on_import_button_clicked(self) -> None:
        self.accept()
        self.import_requested.emit()


def show_welcome(
    parent: QWidget,
    settings: AppSettings,
    *,
    demo: bool,
    start_own: Callable[[], object] | None,
    import_from_crm: Callable[[], object] | None,
) -> WelcomeDialog:
    """Show the welcome over `parent` (the one already open, if any), and remember it was seen.

    `start_own` and `import_from_crm` are the demo banner's actions; None: not offered now.
    """
    for existing in parent.findChildren(WelcomeDialog):
        if existing.isVisible():
            # A dialog stays above its window (a transient): focusing it is enough.
            existing.activateWindow()
            return existing
    dialog = WelcomeDialog(parent, demo=demo)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if start_own is not None:
        dialog.start_own_requested.connect(start_own)
    if import_from_crm is not None:
        dialog.import_requested.connect(import_from_crm)
    dialog.start_button.setEnabled(start_own is not None)
    dialog.import_button.setEnabled(import_from_crm is not None)
    settings.set_welcome_seen()
    dialog.show()
    dialog.activateWindow()
    return dialog
