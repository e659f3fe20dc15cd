"""The Blue Sheet's section buttons: every section in view at the dock's width, in rows, no scroll arrows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QTabWidget, QToolButton, QWidget

translate = QCoreApplication.translate

SPACING = 2


class SectionBar(QWidget):
    """Buttons for a tab widget's pages, in as many rows as the width needs (three or two per row).

    A tab bar in a 400-pixel dock hid half the sections behind scroll arrows (more so in
    German); these buttons wrap instead. The tab widget keeps the pages and the current one;
    its own bar is hidden, and the buttons follow it both ways.
    """

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        tabs.tabBar().hide()
        self.setAccessibleName(translate("SectionBar", "Blue Sheet sections"))
        self.buttons: list[QToolButton] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._on_group_id_clicked)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        self._per_row = 3
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.sync()

    def sync(self) -> None:
        """One button per page, labelled as the page (call after adding pages or changing their texts)."""
        while len(self.buttons) < self.tabs.count():
            button = QToolButton(self)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            # Ignored: the bar, not each button, says how narrow it may be (two per row).
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.group.addButton(button, len(self.buttons))
            self.buttons.append(button)
        for index, button in enumerate(self.buttons):
            button.setText(self.tabs.tabText(index))
            button.setAccessibleDescription(translate("SectionBar", "Shows this section of the Blue Sheet"))
            button.setVisible(index < self.tabs.count())
        self._on_tabs_current_changed(self.tabs.currentIndex())
        self._arrange(self._fitting(self.width()))
        self.updateGeometry()

    def _widest(self) -> int:
        # Measured in bold, as the current section's button shows its text.
        bold = QFont(self.font())
        bold.setBold(True)
        in_bold = QFontMetrics(bold)
        return max(
            (
                b.sizeHint().width()
                - QFontMetrics(b.font()).horizontalAdvance(b.text())
                + in_bold.horizontalAdvance(b.text())
                for b in self.buttons[: self.tabs.count()]
            ),
            default=0,
        )

    def _needed(self, per_row: int) -> int:
        return per_row * self._widest() + (per_row - 1) * SPACING

    def _fitting(self, width: int) -> int:
        return 3 if width >= self._needed(3) else 2

    def _arrange(self, per_row: int) -> None:
        if per_row == self._per_row and self._grid.count() == self.tabs.count():
            return
        self._per_row = per_row
        for button in self.buttons:
            self._grid.removeWidget(button)
        for index, button in enumerate(self.buttons[: self.tabs.count()]):
            self._grid.addWidget(button, index // per_row, index % per_row)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < per_row else 0)

    def minimumSizeHint(self) -> QSize:
        rows = -(-self.tabs.count() // 2)
        height = max((b.sizeHint().height() for b in self.buttons), default=0)
        return QSize(self._needed(2), rows * height + (rows - 1) * SPACING)

    def sizeHint(self) -> QSize:
        rows = -(-self.tabs.count() // self._per_row)
        height = max((b.sizeHint().height() for b in self.buttons), default=0)
        return QSize(self._needed(self._per_row), rows * height + (rows - 1) * SPACING)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        per_row = self._fitting(event.size().width())
        if per_row != self._per_row:
            self._arrange(per_row)
            self.updateGeometry()  # one row more or fewer: the panel gives the pages the rest

    @Slot(int)
    def _on_group_id_clicked(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
        # Bold as well as pressed: in a dark theme a pressed button hardly differs.
        for position, button in enumerate(self.buttons):
            font = button.font()
            font.setBold(position == index)
            button.setFont(font)
