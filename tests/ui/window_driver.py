"""Drives the real main window the way a seller does: clicks, drags, keys, typed text, dialogs.

Used by the stateful window walk (tests/ui/test_window_walk.py) and by regression tests. Widgets
are found through Qt (labels' buddies, accessible names, visual rects), not through the window's
private attributes, so a refactor of the window keeps these tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTabWidget,
    QWidget,
)

from ui.window_parts import in_view

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier

# The property that marks a modal widget or menu as answered.
ANSWERED = "window-driver-answered"

# What answers a modal widget (a dialog, a message box) or a popup menu.
Answer = Callable[[QWidget], None]


def settle(ms: int = 0) -> None:
    """Let queued events and zero-time timers run."""
    deadline = time.monotonic() + ms / 1000
    while True:
        QApplication.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.002)


def activate(window: QWidget) -> None:
    """Give a window the keyboard again: offscreen, a closed dialog does not (docs/qt-notes.md)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        settle()


def bare(text: str) -> str:
    """A label's text without its mnemonic ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    QTest.mouseClick(widget, LEFT, NO_KEYS, pos if pos is not None else widget.rect().center())


def double_click(widget: QWidget, pos: QPoint) -> None:
    QTest.mouseClick(widget, LEFT, NO_KEYS, pos)
    QTest.mouseDClick(widget, LEFT, NO_KEYS, pos)


def click_check_box(box: QCheckBox) -> None:
    """Click where the style says a check box takes clicks (its centre may miss)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    area = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, box)
    click(box, area.center())


def type_into(edit: QLineEdit, text: str) -> None:
    """Click into a line edit, select what is there and type over it (an empty text clears)."""
    click(edit)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(edit, text)
    else:
        QTest.keyClick(edit, Qt.Key.Key_Delete)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key; a letter no key of QTest's names ("È", "ë") comes as a key
    event carrying it, as a keyboard with that letter (or a compose key) sends it."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
            )


def line_edit_of(widget: QWidget) -> QLineEdit:
    """The line edit a field types into (the field itself, or the one inside a date field)."""
    if isinstance(widget, QLineEdit):
        return widget
    found = widget.findChild(QLineEdit)
    assert found is not None, f"{widget!r} has no line edit"
    return found


def field(container: QWidget, label: str) -> QWidget:
    """The widget a form label names (its buddy), e.g. field(dialog, "Amount")."""
    for candidate in container.findChildren(QLabel):
        if bare(candidate.text()).rstrip(":") == label and candidate.buddy() is not None:
            return candidate.buddy()
    raise AssertionError(f"no field labelled {label!r} in {container!r}")


def named(container: QWidget, name: str, kind: type[QWidget] = QWidget) -> QWidget:
    """A visible-or-not child by accessible name."""
    for candidate in container.findChildren(kind):
        if candidate.accessibleName() == name:
            return candidate
    raise AssertionError(f"no {kind.__name__} named {name!r} in {container!r}")


def button(container: QWidget, text: str) -> QAbstractButton:
    """A push button by its text (mnemonics ignored), or a dialog button box's standard one."""
    for candidate in container.findChildren(QAbstractButton):
        if bare(candidate.text()) == text:
            return candidate
    raise AssertionError(f"no button {text!r} in {container!r}")


def press_ok(dialog: QWidget) -> bool:
    """Click OK (False when it is disabled: the dialog is then cancelled)."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None and ok.isEnabled():
        click(ok)
        return True
    press_cancel(dialog)
    return False


def press_cancel(dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel) if box is not None else None
    if cancel is not None:
        click(cancel)
    elif isinstance(dialog, QDialog):
        dialog.reject()


def answer_message_box(box: QWidget, choice: QMessageBox.StandardButton) -> None:
    assert isinstance(box, QMessageBox), f"expected a message box, got {box!r}: {describe(box)}"
    target = box.button(choice)
    assert target is not None, f"{describe(box)} has no {choice}"
    click(target)


def describe(widget: QWidget) -> str:
    """What a modal widget says, for a failure message."""
    if isinstance(widget, QMessageBox):
        return f"message box {widget.windowTitle()!r}: {widget.text()!r}"
    return f"{type(widget).__name__} {widget.windowTitle()!r}"


class Modals:
    """Answers the modal dialogs and popup menus a step opens, in order; any other is an error.

    A repeating timer looks for the active modal widget or popup; the next answer in the queue
    handles it. A modal nobody expected (an error box, say) is recorded and closed, so a test
    never hangs on it and fails with what it said.
    """

    def __init__(self) -> None:
        self.queue: list[Answer] = []
        self.unexpected: list[str] = []
        self.answered = 0
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._poll)

    @contextmanager
    def expecting(self, *answers: Answer, optional: int = 0) -> Iterator[None]:
        """Answer these in order; the last `optional` ones may not be needed (not waited for)."""
        self.queue = list(answers)
        self._timer.start()
        try:
            yield
            deadline = time.monotonic() + 5
            while len(self.queue) > optional and time.monotonic() < deadline:
                settle(5)
            wait_until_idle()
        finally:
            self.queue = []
            self._timer.stop()

    def _poll(self) -> None:
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or widget.property(ANSWERED):
            return
        # Marked once: an answer may open the next modal, which this timer then answers from
        # inside it (re-entrantly); the widget just answered is not answered twice. The mark is
        # on the widget itself: a later dialog may reuse a deleted one's address.
        widget.setProperty(ANSWERED, True)
        if self.queue:
            answer = self.queue.pop(0)
            self.answered += 1
            # Answered from the modal's own event loop once this slot has returned: a timer's slot
            # is not re-entered, so a box the answer opens (an error, say) would wait for ever.
            QTimer.singleShot(0, widget, lambda: answer(widget))
            return
        self.unexpected.append(describe(widget))
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def take_unexpected(self) -> list[str]:
        found, self.unexpected = self.unexpected, []
        return found


def wait_until_idle(timeout: float = 5) -> None:
    """Process events until no modal widget or popup is open (answered ones close)."""
    deadline = time.monotonic() + timeout
    settle()
    while QApplication.activeModalWidget() or QApplication.activePopupWidget():
        if time.monotonic() > deadline:
            raise AssertionError("a dialog or menu stayed open")
        settle(5)
    settle()


def choose_in_menu(*path: str) -> Answer:
    """Answer a popup menu by choosing the action at `path` (submenu texts, then the action)."""

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QMenu), f"expected a menu, got {describe(widget)}"
        menu: QMenu | None = widget
        chosen = None
        for step in path:
            assert menu is not None
            chosen = next((a for a in menu.actions() if bare(a.text()) == step), None)
            assert chosen is not None, f"no {step!r} in menu {[bare(a.text()) for a in menu.actions()]}"
            sub = chosen.menu()
            menu = sub if isinstance(sub, QMenu) else None
        assert chosen is not None
        widget.close()
        if chosen.isEnabled():
            # After the menu's own loop has returned, as a click on the item would.
            QTimer.singleShot(0, chosen.trigger)

    return answer


def reveal(widget: QWidget) -> None:
    """Bring a widget on screen: click the tabs of every tab widget it sits in."""
    chain = []
    parent = widget.parentWidget()
    child = widget
    while parent is not None:
        chain.append((parent, child))
        child, parent = parent, parent.parentWidget()
    for parent, child in reversed(chain):
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            index = tabs.indexOf(child)
            if index >= 0 and tabs.currentIndex() != index:
                click_section(tabs, index)
        elif isinstance(parent, QStackedWidget) and parent.currentWidget() is not child:
            parent.setCurrentWidget(child)


def tab_of(tabs: QTabWidget, widget: QWidget) -> int:
    """The index of the tab whose page holds `widget` (-1 when none does)."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None and (page is widget or page.isAncestorOf(widget)):
            return index
    return -1


def click_section(tabs: QTabWidget, index: int) -> None:
    """Show a tab widget's page as a person would: its tab, or, where the tab bar is hidden for
    a row of section buttons (the Blue Sheet), the button with the tab's text."""
    bar = tabs.tabBar()
    if not bar.isHidden():
        click(bar, bar.tabRect(index).center())
        return
    holder = tabs.parentWidget()
    assert holder is not None
    wanted = bare(tabs.tabText(index))
    for candidate in holder.findChildren(QAbstractButton):
        if candidate.isCheckable() and bare(candidate.text()) == wanted and candidate.isVisible():
            click(candidate)
            return
    raise AssertionError(f"no tab or section button for {wanted!r}")


def click_dock_tab(window: QMainWindow, dock: QDockWidget) -> None:
    """Bring a dock that shares its place with others to the front: a click on its tab."""
    shown = dock.widget()
    if shown is not None and in_view(shown):
        return  # in front already
    title = dock.windowTitle()
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabText(index) == title:
                click(bar, bar.tabRect(index).center())
                settle()
                assert shown is not None
                assert in_view(shown), f"{title!r} did not come to the front"
                return
    bars = [(b.isVisible(), [b.tabText(i) for i in range(b.count())]) for b in window.findChildren(QTabBar)]
    raise AssertionError(f"no tab for the {title!r} dock among {bars}")


def click_tab(tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    click(bar, bar.tabRect(index).center())


def click_row(view: QListView | QWidget, index: QModelIndex) -> None:
    """Click an item of an item view at its visual rect (scrolled to first)."""
    from PySide6.QtWidgets import QAbstractItemView

    assert isinstance(view, QAbstractItemView)
    view.scrollTo(index)
    click(view.viewport(), view.visualRect(index).center())


def open_context_menu(view: QAbstractItemView, index: QModelIndex) -> None:
    """Right-click a card: press and release first, then the context-menu event (docs/qt-notes.md)."""
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, NO_KEYS, pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)


def drag(source: QAbstractItemView, index: QModelIndex, target: QAbstractItemView) -> None:
    """Drag a card onto another column: press on it, then the drag events a real drag delivers
    (QDrag.exec cannot run offscreen), then the release."""
    source.scrollTo(index)
    start = source.visualRect(index).center()
    QTest.mousePress(source.viewport(), LEFT, NO_KEYS, start)
    model = source.model()
    data: QMimeData = model.mimeData([index])
    point = QPointF(target.viewport().rect().center())
    accepted = True
    for kind in (QDragEnterEvent, QDragMoveEvent):
        approach = kind(point.toPoint(), Qt.DropAction.MoveAction, data, LEFT, NO_KEYS)
        QApplication.sendEvent(target.viewport(), approach)
        accepted = accepted and approach.isAccepted()
    # A real drag's own loop swallows the button's release: no view sees it. Released on the
    # pressed card before the drop, it ends the source view's press as a click on that card
    # (which changes nothing) instead of leaving the view waiting for a release.
    QTest.mouseRelease(source.viewport(), LEFT, NO_KEYS, start)
    if accepted:
        drop = QDropEvent(point, Qt.DropAction.MoveAction, data, LEFT, NO_KEYS)
        QApplication.sendEvent(target.viewport(), drop)


def drag_within(view: QAbstractItemView, index: QModelIndex, onto: QModelIndex | None) -> None:
    """Drag a card within its column: dropped at the top edge of the card `onto` (Qt's
    drop indicator then says "above it"), or at the bottom edge of the last card (None: "below
    it", the end of the column)."""
    view.scrollTo(index)
    start = view.visualRect(index).center()
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, start)
    data: QMimeData = view.model().mimeData([index])
    # As in drag(): the release a real drag swallows ends the press on the pressed card, before
    # the view scrolls to where the card goes (a real drag scrolls the column as it nears an edge).
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, start)
    target = onto if onto is not None else view.model().index(view.model().rowCount() - 1, 0)
    view.scrollTo(target)
    rect = view.visualRect(target)
    point = QPointF(rect.center().x(), rect.top() + 1 if onto is not None else rect.bottom() - 1)
    accepted = True
    for kind in (QDragEnterEvent, QDragMoveEvent):
        approach = kind(point.toPoint(), Qt.DropAction.MoveAction, data, LEFT, NO_KEYS)
        QApplication.sendEvent(view.viewport(), approach)
        accepted = accepted and approach.isAccepted()
    if accepted:
        drop = QDropEvent(point, Qt.DropAction.MoveAction, data, LEFT, NO_KEYS)
        QApplication.sendEvent(view.viewport(), drop)


def pick_in_combo(combo: QComboBox, row: int) -> None:
    """Open a combo box with a click, go to `row` with the arrow keys and take it with Enter."""
    click(combo)
    popup = combo.view()
    # A combo box showing its placeholder (no current item) opens on its first row.
    steps = row - max(combo.currentIndex(), 0)
    for _ in range(abs(steps)):
        QTest.keyClick(popup, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    QTest.keyClick(popup, Qt.Key.Key_Return)


def push_button(container: QWidget, text: str) -> None:
    target = button(container, text)
    assert isinstance(target, QPushButton | QAbstractButton)
    if target.isEnabled():
        click(target)


def choose_in_combo(combo: QComboBox, steps: int) -> None:
    """Step a closed combo box down (or up, for negative steps) with the arrow keys."""
    combo.setFocus()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        QTest.keyClick(combo, key)
