"""Text another person wrote is shown as text, never as Qt markup.

A plan whose every text field holds markup (tests/hostile/markup.py: an image of /dev/zero,
nineteen nested tables, bold, an entity) is opened in the real main window and review window
with every tab, dock and Blue Sheet section shown. Every string those windows hand to Qt is
then read: each item model's roles, every label, every tooltip, every chart text, every message
box. Qt reads a tooltip, a What's This text, a message box or an AutoText label as rich text
when `Qt.mightBeRichText` says so; such a string fails the test if the markup is still in it
as written (not escaped). Display, status-tip and accessible texts are drawn or spoken as plain
text by Qt; for them the test checks that no view paints its items through a delegate of its own
that could render markup, and that nothing was escaped twice ('&lt;b&gt;' shown to the seller).
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QChartView
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGraphicsView,
    QItemDelegate,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyledItemDelegate,
    QTabBar,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.exchange.review import load_bundle
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB, open_plan
from tests.hostile import markup
from tests.ui import window_driver as drive
from ui.app_settings import AppSettings
from ui.board.delegate import CardDelegate, badge_layout, badges, card_inner
from ui.board.models import FACE_ROLE, ID_ROLE
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.windows import ReviewWindow, open_review_window

PLANNER = Path(sys.executable).with_name("planner")

# Roles Qt shows as rich text when they look like it, and roles it draws or speaks as plain text.
RICH_ROLES = {Qt.ItemDataRole.ToolTipRole: "tooltip", Qt.ItemDataRole.WhatsThisRole: "what's this"}
PLAIN_ROLES = {
    Qt.ItemDataRole.DisplayRole: "display",
    Qt.ItemDataRole.StatusTipRole: "status tip",
    Qt.ItemDataRole.AccessibleTextRole: "accessible text",
}
# Delegates of our own that paint item text: each draws it with QPainter.drawText (plain text).
PLAIN_PAINTERS: tuple[type[QStyledItemDelegate], ...] = (CardDelegate,)
# The payload escaped once (right for rich text, wrong for plain text) and twice (always wrong).
ESCAPED = ("&lt;b&gt;bold", "&lt;table&gt;")
ESCAPED_TWICE = ("&amp;lt;b&amp;gt;bold", "&amp;lt;table&amp;gt;")


def intact(text: str) -> bool:
    """The payload is in `text` as written: rendered as rich text, Qt would act on it."""
    return any(raw in text for raw in markup.RAW)


def read_as_rich_text(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    if text_format == Qt.TextFormat.AutoText:
        return QtGui.Qt.mightBeRichText(text)
    return text_format != Qt.TextFormat.PlainText


def shown_as_markup(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Qt would render `text` (in `text_format`) as rich text with the payload intact."""
    return bool(text) and read_as_rich_text(text, text_format) and intact(text)


def escaped_too_often(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """The seller would see entities ('&lt;b&gt;') instead of what was written."""
    if read_as_rich_text(text, text_format):
        return any(mark in text for mark in ESCAPED_TWICE)
    return any(mark in text for mark in ESCAPED)


class Findings:
    """What a walk found: one line per string Qt would read as markup (or escaped twice)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.checked = 0

    def rich(self, where: str, text: object, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> None:
        """`text` is shown by Qt as rich text when it looks like it (tooltips, labels, boxes)."""
        if not isinstance(text, str) or not text:
            return
        self.checked += 1
        if shown_as_markup(text, text_format):
            self.lines.append(f"{where}: rendered as markup: {text[:90]!r}")
        elif escaped_too_often(text, text_format):
            self.lines.append(f"{where}: shown escaped: {text[:90]!r}")

    def html(self, where: str, text: str) -> None:
        """`text` is always HTML to Qt (QtCharts' titles, labels and legends)."""
        self.checked += 1
        if intact(text):
            self.lines.append(f"{where}: rendered as markup: {text[:90]!r}")

    def plain(self, where: str, text: object) -> None:
        """`text` is drawn or spoken as plain text: it must not reach the seller escaped."""
        if isinstance(text, str) and text:
            self.checked += 1
            if escaped_too_often(text, Qt.TextFormat.PlainText):
                self.lines.append(f"{where}: shown escaped: {text[:90]!r}")


def _name(widget: QWidget) -> str:
    return widget.objectName() or widget.accessibleName() or type(widget).__name__


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A list model's columnCount is private in PySide: one column.
    if isinstance(model, QAbstractListModel):
        return 1
    return model.columnCount(parent)


def walk_model(model: QAbstractItemModel, where: str, found: Findings) -> None:
    """Every role Qt renders, of every header section and every item (children too)."""
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        sections = (
            _columns(model, QModelIndex())
            if orientation == Qt.Orientation.Horizontal
            else model.rowCount(QModelIndex())
        )
        for section in range(sections):
            for role, role_name in RICH_ROLES.items():
                found.rich(
                    f"{where} header {section} {role_name}", model.headerData(section, orientation, role)
                )
            for role, role_name in PLAIN_ROLES.items():
                found.plain(
                    f"{where} header {section} {role_name}", model.headerData(section, orientation, role)
                )
    parents = [QModelIndex()]
    while parents:
        parent = parents.pop()
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                cell = f"{where} [{row},{column}]"
                for role, role_name in RICH_ROLES.items():
                    found.rich(f"{cell} {role_name}", model.data(index, role))
                for role, role_name in PLAIN_ROLES.items():
                    found.plain(f"{cell} {role_name}", model.data(index, role))
                flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
                if column == 0 and not flat and model.hasChildren(index):
                    parents.append(index)


def _paints_own_text(delegate: object) -> bool:
    """The delegate's class (ours) overrides paint(): it draws item text its own way."""
    for cls in type(delegate).__mro__:
        if cls.__module__.startswith(("PySide6", "shiboken6")) or cls is object:
            return False
        if "paint" in vars(cls):
            return True
    return False


def check_delegates(view: QAbstractItemView, where: str, found: Findings) -> None:
    """Items' display text is plain when Qt's own delegates draw it; ours must be audited."""
    model = view.model()
    delegates = [view.itemDelegate()]
    if model is not None:
        delegates += [view.itemDelegateForColumn(c) for c in range(_columns(model, QModelIndex()))]
    for delegate in delegates:
        if delegate is None or isinstance(delegate, QItemDelegate):
            continue
        if _paints_own_text(delegate) and not isinstance(delegate, PLAIN_PAINTERS):
            found.lines.append(f"{where}: {type(delegate).__name__} paints items; audit it for markup")


def walk_chart(view: QChartView, where: str, found: Findings) -> None:
    chart = view.chart()
    found.html(f"{where} title", chart.title())
    for axis in chart.axes():
        found.html(f"{where} axis title", axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            for category in axis.categories():
                found.html(f"{where} category", category)
    for series in chart.series():
        found.html(f"{where} series", series.name())
        if isinstance(series, QAbstractBarSeries):
            for bar_set in series.barSets():
                found.html(f"{where} bar set", bar_set.label())


def walk(root: QWidget, where: str) -> Findings:
    """Every string `root` and its children hand to Qt, checked."""
    found = Findings()
    models: set[int] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = f"{where}/{_name(widget)}"
        found.rich(f"{name} toolTip", widget.toolTip())
        found.rich(f"{name} whatsThis", widget.whatsThis())
        found.plain(f"{name} accessibleName", widget.accessibleName())
        for action in widget.actions():
            found.rich(f"{name} action whatsThis", action.whatsThis())
        if isinstance(widget, QLabel):
            found.rich(f"{name} text", widget.text(), widget.textFormat())
        if isinstance(widget, QMessageBox):
            found.rich(f"{name} text", widget.text(), widget.textFormat())
            found.rich(f"{name} informative text", widget.informativeText())
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                found.rich(f"{name} tab {tab} toolTip", widget.tabToolTip(tab))
                found.rich(f"{name} tab {tab} whatsThis", widget.tabWhatsThis(tab))
        if isinstance(widget, QChartView):
            walk_chart(widget, name, found)
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                found.rich(f"{name} item toolTip", item.toolTip())
        model: QAbstractItemModel | None = None
        if isinstance(widget, QAbstractItemView):
            check_delegates(widget, name, found)
            model = widget.model()
        elif isinstance(widget, QComboBox):
            model = widget.model()
        if model is not None and id(model) not in models:
            models.add(id(model))
            walk_model(model, f"{name} {type(model).__name__}", found)
    return found


def test_the_audited_delegates_paint_plain_text() -> None:
    """The delegates the walk trusts draw text with drawText, never through a rich-text document."""
    for delegate in PLAIN_PAINTERS:
        source = inspect.getsource(delegate)
        for rich_text in ("QTextDocument", "setHtml", "RichText", "QLabel", "QStaticText"):
            assert rich_text not in source, f"{delegate.__name__} uses {rich_text}"


def test_the_check_finds_markup_and_passes_text() -> None:
    """The rule itself: markup as written fails, escaped or plain-format text passes."""
    from ui.plain import plain_tooltip

    assert shown_as_markup(f"Deal {markup.IMAGE}")
    assert shown_as_markup(markup.TABLES)
    assert shown_as_markup(markup.BOLD, Qt.TextFormat.RichText)
    assert not shown_as_markup(markup.BOLD, Qt.TextFormat.PlainText)
    assert not shown_as_markup(plain_tooltip(markup.markup("T1")))
    assert QtGui.Qt.mightBeRichText(plain_tooltip("x"))  # escaped rich text, as intended
    assert escaped_too_often(plain_tooltip(plain_tooltip(markup.BOLD)))
    assert not escaped_too_often(plain_tooltip(markup.BOLD))
    assert escaped_too_often(plain_tooltip(markup.BOLD), Qt.TextFormat.PlainText)


def test_rich_text_escapes_every_value() -> None:
    from ui.plain import rich

    text = rich("<b>{name}</b>: {n:,} {share:.0%}", name="<i>Acme</i> & Co", n=1200, share=0.5)
    assert text == "<b>&lt;i&gt;Acme&lt;/i&gt; &amp; Co</b>: 1,200 50%"


# ----------------------------------------------------------------------------------------------
# The windows on a hostile plan


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A plan file whose every text field holds markup."""
    import datetime as dt

    path = tmp_path / "markup.plan"
    plan = open_plan(path, create=True)
    try:
        markup.hostile_plan(plan, dt.date.today())
    finally:
        plan.close()
    return path


@pytest.fixture
def window(qtbot: QtBot, hostile: Path) -> Iterator[MainWindow]:
    plan = open_plan(hostile)
    w = MainWindow(plan)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    drive.settle(50)
    yield w
    w.undo_stack.clear()
    w.close()
    plan.close()


def _open_deals(plan: PlanDB) -> list[int]:
    return [r[0] for r in plan.query("SELECT id FROM opportunity WHERE closed_on IS NULL ORDER BY id")]


def _card(window: MainWindow, deal_id: int) -> tuple[QAbstractItemView, QModelIndex]:
    for column in window.board.columns.values():
        model = column.view.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == deal_id:
                return column.view, index
    raise AssertionError(f"no card for deal {deal_id}")


def click_card(window: MainWindow, deal_id: int) -> None:
    view, index = _card(window, deal_id)
    drive.click_row(view, index)
    drive.settle()


def show_every_part(window: MainWindow, deal_id: int) -> list[Findings]:
    """Select a deal by clicking its card, then walk the window with every tab, dock and Blue
    Sheet section shown in turn."""
    found = []
    drive.click_tab(window.tabs, 0)
    click_card(window, deal_id)
    window.accounts_dock.show()
    window.history_dock.show()
    drive.settle()
    sheet = window.blue_sheet
    window.blue_sheet_dock.raise_()
    for section in range(sheet.tabs.count()):
        drive.click_tab(sheet.tabs, section)
        drive.settle()
        found.append(walk(window, f"deal {deal_id} blue sheet tab {section}"))
    window.details_dock.raise_()
    found.append(walk(window, f"deal {deal_id} details"))
    for tab in range(window.tabs.count()):
        drive.click_tab(window.tabs, tab)
        drive.settle(20)
        found.append(walk(window, f"tab {window.tabs.tabText(tab)}"))
    drive.click_tab(window.tabs, 0)
    return found


def _place(line: str) -> str:
    """Where a finding is, without the walk's step and the row: one line per place in a report."""
    where, _, rest = line.partition(": ")
    where = where.split("/", 1)[-1]
    where = re.sub(r"\[\d+,(\d+)\]", r"[*,\1]", where)
    where = re.sub(r"(header|tab) \d+", r"\1 *", where)
    return f"{where}: {rest.split(':', 1)[0]}"


def assert_text_only(found: list[Findings], least: int = 1000) -> None:
    assert sum(f.checked for f in found) >= least  # the walk reached the window's texts
    lines = sorted({line for f in found for line in f.lines})
    places: dict[str, list[str]] = {}
    for line in lines:
        places.setdefault(_place(line), []).append(line)
    report = [f"{place} ({len(seen)}x), e.g. {seen[0].rsplit(': ', 1)[-1]}" for place, seen in places.items()]
    assert not lines, f"{len(places)} places show text as markup:\n" + "\n".join(report)


class Boxes:
    """Answers message boxes (and file dialogs) from a timer, keeping what each box said."""

    def __init__(self) -> None:
        self.said: list[tuple[str, Qt.TextFormat, str]] = []
        self.unexpected: list[str] = []

    @contextmanager
    def expecting(self, *answers: drive.Answer) -> Iterator[None]:
        # A fresh answerer each time: it knows modals by id(), which a later dialog may reuse.
        modals = drive.Modals()
        with modals.expecting(*answers):
            yield
        self.unexpected += modals.take_unexpected()

    def read(self, choice: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> drive.Answer:
        def answer(widget: QWidget) -> None:
            assert isinstance(widget, QMessageBox), drive.describe(widget)
            self.said.append((widget.text(), widget.textFormat(), widget.informativeText()))
            drive.answer_message_box(widget, choice)

        return answer

    def findings(self, where: str) -> Findings:
        found = Findings()
        for text, text_format, informative in self.said:
            found.rich(f"{where} message box", text, text_format)
            found.rich(f"{where} message box informative text", informative)
        return found


def choose_file(path: Path) -> drive.Answer:
    """Answer a file dialog: the path in its name box, then Enter."""

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QFileDialog), drive.describe(widget)
        name = widget.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(path))  # set, not typed: typing opens the completer's popup
        QTest.keyClick(name, Qt.Key.Key_Return)

    return answer


def test_the_main_window_shows_markup_as_text(window: MainWindow, qtbot: QtBot) -> None:
    plan = window.plan
    deals = _open_deals(plan)
    found: list[Findings] = []
    # The fullest Blue Sheet, a snoozed deal, and a closed deal chosen in the archive.
    fullest = plan.query(
        "SELECT opportunity_id FROM buying_influence GROUP BY opportunity_id ORDER BY count(*) DESC LIMIT 1"
    )[0][0]
    snoozed = plan.query("SELECT id FROM opportunity WHERE snooze_until IS NOT NULL LIMIT 1")[0][0]
    for deal in (fullest, snoozed):
        found += show_every_part(window, deal)
    archive = window.tabs.indexOf(window.archive)
    drive.click_tab(window.tabs, archive)
    drive.settle()
    table = window.archive.table
    drive.click_row(table, table.model().index(0, 0))
    found.append(walk(window, "archive selection"))

    # Message boxes quoting stored text: clearing a snooze names its reason; deleting a deal
    # names it (and the undo button then names it too).
    boxes = Boxes()
    drive.click_tab(window.tabs, 0)
    click_card(window, snoozed)
    with boxes.expecting(boxes.read(QMessageBox.StandardButton.No)):
        window.menus.snooze_action.trigger()
    victim = next(d for d in deals if d not in (fullest, snoozed))
    click_card(window, victim)
    with boxes.expecting(boxes.read(QMessageBox.StandardButton.Yes)):
        window.menus.delete_deal_action.trigger()
    assert opportunity_repo.get_opportunity(plan, victim) is None
    assert boxes.unexpected == []
    assert len(boxes.said) == 2
    found.append(boxes.findings("main window"))
    found.append(walk(window, "after a delete"))
    assert_text_only(found)


def hover(view: QAbstractItemView, pos: QPoint) -> str:
    """Rest the mouse on a card at `pos` (viewport coordinates); the tooltip Qt then shows."""
    QToolTip.hideText()
    drive.settle()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    drive.settle()
    assert QToolTip.isVisible()
    return QToolTip.text()


def test_a_card_and_its_badges_hover_as_text(window: MainWindow) -> None:
    """The card's sentence and its badge's reasons (which quote names) as tooltips."""
    flagged = [
        (column.view, row)
        for column in window.board.columns.values()
        for row in range(column.view.model().rowCount())
        if (face := column.view.model().index(row, 0).data(FACE_ROLE)) is not None and face.red_flags
    ]
    assert flagged
    view, row = flagged[0]
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    delegate = window.board.delegate
    chips = badge_layout(card_inner(rect), delegate.line_height, badges(index.data(FACE_ROLE)), view.font())
    found = Findings()
    card_tip = hover(view, rect.topLeft() + QPoint(20, 10))
    found.rich("card tooltip", card_tip)
    assert intact(index.data(Qt.ItemDataRole.AccessibleTextRole))  # read aloud as written
    for badge, chip in chips:
        tip = hover(view, chip.center())
        found.rich(f"badge {badge.text} tooltip", tip)
    flag_tip = hover(view, chips[-1][1].center())
    QToolTip.hideText()
    assert_text_only([found], least=len(chips) + 1)
    assert "&lt;" in flag_tip  # the flags' reasons quote names: there was markup to escape


def test_the_review_window_shows_markup_as_text(qtbot: QtBot, tmp_path: Path) -> None:
    plan = markup.hostile_memory_plan(currencies=False)
    try:
        bundle = markup.write_bundle(plan, tmp_path / "bundle.json")
    finally:
        plan.close()
    AppSettings().set_reviewer_name("Dana Reviewer")  # named before: the first note asks nothing
    window = open_review_window(bundle)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    drive.settle(50)
    found: list[Findings] = []
    try:
        deal = next(iter(window.bundle.deals))
        panel = window.notes_panel
        click_card(window, deal)
        qtbot.waitUntil(lambda: panel.deal_id == deal, timeout=2000)
        qtbot.keyClicks(panel.deal_editor, markup.markup("MANAGER"))
        drive.click(panel.add_deal_note)
        qtbot.keyClicks(panel.plan_editor, markup.markup("WHOLE PLAN"))
        drive.click(panel.add_plan_note)
        assert panel.deal_notes.count() == 1
        found += show_every_part(window, deal)
        found.append(walk(window, "review window"))
    finally:
        window.unsaved = False
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it again
        window.close()
    assert_text_only(found)


def test_review_notes_and_bundles_with_markup_are_quoted_as_text(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from planner.exchange.review import write_review_notes
    from planner.storage import pack_queries

    notes = write_review_notes(
        markup.notes_for_unknown_deals(pack_queries.plan_id(window.plan)), tmp_path / "notes.json"
    )
    foreign = write_review_notes(markup.notes_for_unknown_deals("another plan"), tmp_path / "foreign.json")
    plan = markup.hostile_memory_plan(currencies=False)
    try:
        bundle = markup.write_bundle(plan, tmp_path / "bundle.json")
    finally:
        plan.close()
    bad = markup.write_bad_bundle(bundle, tmp_path / "bad.json")
    boxes = Boxes()
    before = activity_repo.list_notes(window.plan, _open_deals(window.plan)[0])
    with boxes.expecting(choose_file(notes), boxes.read()):
        window.menus.import_review_action.trigger()
    with boxes.expecting(choose_file(foreign), boxes.read()):
        window.menus.import_review_action.trigger()
    with boxes.expecting(choose_file(bad), boxes.read()):
        window.menus.open_review_action.trigger()
    assert boxes.unexpected == []
    summary, wrong_plan, cannot_open = boxes.said
    assert "3 left out" in summary[0]
    assert markup.BOLD in summary[0]  # quoted as written, shown as text
    assert "not for this plan" in wrong_plan[0]
    assert markup.BOLD in wrong_plan[0]
    assert markup.BAD_DATE in cannot_open[0]
    assert activity_repo.list_notes(window.plan, _open_deals(window.plan)[0]) == before
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible()]
    assert_text_only([boxes.findings("review files"), walk(window, "after the review files")], least=100)


def test_a_crm_file_with_markup_imports_through_the_wizard_as_text(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    source = markup.write_crm_csv(tmp_path / "crm.csv")
    wizard = ImportWizard(window.plan, window)
    qtbot.addWidget(wizard)
    wizard.show()
    found: list[Findings] = []
    wizard.files_page.add_paths([source])
    while wizard.currentId() != ImportWizard.DONE:
        found.append(walk(wizard, f"import wizard page {wizard.currentId()}"))
        before = wizard.currentId()
        wizard.next()
        drive.settle()
        assert wizard.currentId() != before, f"the wizard stopped on page {before}"
    found.append(walk(wizard, "import wizard done"))
    imported = window.plan.query("SELECT title FROM opportunity WHERE source = 'salesforce'")
    assert len(imported) == 4
    assert all(intact(title) for (title,) in imported)  # stored as written
    assert wizard.change is not None
    window.session.apply_change(wizard.change)
    wizard.close()
    drive.settle(20)
    found.append(walk(window, "after the import"))
    assert_text_only(found, least=200)


# ----------------------------------------------------------------------------------------------
# The same files through the command line


def planner(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PLANNER_DATA_DIR"] = str(cwd / "data")
    env["PLANNER_QUIT_AFTER_START"] = "tabs"  # build every tab, then quit (no window left open)
    return subprocess.run(
        [str(PLANNER), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


CORPUS = Path(__file__).resolve().parent.parent / "data" / "hostile" / "markup"


def test_the_corpus_is_what_the_generator_writes(tmp_path: Path) -> None:
    made = markup.make(tmp_path)
    for path in made:
        kept = CORPUS / path.name
        assert kept.read_bytes() == path.read_bytes(), (
            f"{kept} is stale: run python -m tests.hostile.make_corpus"
        )


@pytest.mark.slow
def test_planner_imports_markup_as_text_and_opens_it(tmp_path: Path) -> None:
    result = planner(tmp_path, "import", CORPUS / "markup-crm.csv", "--db", "mine.plan")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    plan = open_plan(tmp_path / "mine.plan", create=False)
    try:
        titles = [title for (title,) in plan.query("SELECT title FROM opportunity ORDER BY title")]
    finally:
        plan.close()
    assert [title[:4] for title in titles] == ["CRM0", "CRM1", "CRM2", "CRM3"]
    assert all(intact(title) for title in titles)
    shown = planner(tmp_path, "--db", "mine.plan")
    assert shown.returncode == 0, shown.stderr
    assert "Traceback" not in shown.stderr


@pytest.mark.slow
def test_planner_review_of_markup_bundles(tmp_path: Path) -> None:
    opened = planner(tmp_path, "review", CORPUS / "markup-bundle.json")
    assert opened.returncode == 0, opened.stderr
    assert "Traceback" not in opened.stderr
    refused = planner(tmp_path, "review", CORPUS / "markup-bad-bundle.json")
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert len(lines) == 1, refused.stderr
    assert lines[0].startswith("planner: markup-bad-bundle.json cannot be read: opportunities[0].close_date")
    assert markup.BAD_DATE in lines[0]  # quoted as written on a terminal


def test_the_corpus_bundle_opens_for_review(qtbot: QtBot) -> None:
    bundle = load_bundle(CORPUS / "markup-bundle.json")
    try:
        assert len(bundle.deals) == 6
        assert all(intact(deal.name) for deal in bundle.deals.values())
    finally:
        bundle.plan.close()
