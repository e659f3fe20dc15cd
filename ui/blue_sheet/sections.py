"""The Blue Sheet's sections as widgets: each shows its part of a deal and asks the panel to write edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner import validation
from planner.limits import MAX_NOTE
from planner.model import (
    MAX_RATING,
    MIN_RATING,
    Action,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    Note,
    Opportunity,
)
from planner.next_step import next_step
from planner.red_flags import Flag, SsoTest
from planner.sheet_operations import Objective, flag_ref
from ui import format as fmt
from ui.blue_sheet import labels
from ui.blue_sheet.colours import set_tone
from ui.blue_sheet.delegates import SheetListView, SheetTableView
from ui.blue_sheet.influence_map import MapView
from ui.blue_sheet.models import (
    ActionTableModel,
    CompetitorTableModel,
    FlagListModel,
    InfluenceTableModel,
    NoteListModel,
    not_linked,
)
from ui.date_field import DateField
from ui.plain import keep_names_narrow

translate = QCoreApplication.translate

# Labels are coloured by tone (ui.blue_sheet.colours.set_tone): the colours follow the palette,
# and the panel recolours them when the theme changes.


def plain_label(parent: QWidget, text: str = "", *, wrap: bool = True) -> QLabel:
    """A label for user data: plain text always, so "<b>x</b>" from a CRM file shows as typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def _row(*widgets: QWidget, stretch_first: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    for i, widget in enumerate(widgets):
        row.addWidget(widget, 1 if stretch_first and i == 0 else 0)
    if not stretch_first:
        row.addStretch(1)
    return row


def _scrolling(inner: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(inner)
    return area


# ----------------------------------------------------------------------------------------------
# 1 and 2: Single Sales Objective, current position


class ObjectiveSection(QWidget):
    """The SSO's fields with the five tests as a live checklist, and the current position scale."""

    objective_submitted = Signal(object)  # an Objective the seller finished typing
    position_chosen = Signal(object)  # an int on the scale, or None to clear it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._stored: Objective | None = None
        self._position: int | None = None
        inner = QWidget(self)
        layout = QVBoxLayout(inner)

        sso = QGroupBox(translate("ObjectiveSection", "Single Sales Objective"), inner)
        form = QFormLayout(sso)
        self.product = QLineEdit(sso)
        self.product.setMaxLength(300)
        self.product.setPlaceholderText(
            translate("ObjectiveSection", "The product or service, e.g. Fleet Telematics")
        )
        self.quantity = QLineEdit(sso)
        self.quantity.setPlaceholderText(translate("ObjectiveSection", "How many units, e.g. 120"))
        self.amount = QLineEdit(sso)
        self.amount.setPlaceholderText(
            translate("ObjectiveSection", "e.g. {amount}").format(amount=fmt.number(120_000))
        )
        self.currency = QLineEdit(sso)
        self.currency.setMaxLength(3)
        self.currency.setPlaceholderText("EUR")
        self.close_date = DateField(sso)
        # A day picked in the calendar is a finished edit, as Enter after typing it would be.
        self.close_date.date_picked.connect(self._on_field_editing_finished)
        for label, name, edit in (
            (
                translate("ObjectiveSection", "&Product"),
                translate("ObjectiveSection", "Product"),
                self.product,
            ),
            (
                translate("ObjectiveSection", "&Quantity"),
                translate("ObjectiveSection", "Quantity"),
                self.quantity,
            ),
            (translate("ObjectiveSection", "&Amount"), translate("ObjectiveSection", "Amount"), self.amount),
            (
                translate("ObjectiveSection", "C&urrency"),
                translate("ObjectiveSection", "Currency"),
                self.currency,
            ),
            (
                translate("ObjectiveSection", "&Close date"),
                translate("ObjectiveSection", "Close date"),
                self.close_date,
            ),
        ):
            edit.setAccessibleName(name)
            form.addRow(label, edit)
            edit.editingFinished.connect(self._on_field_editing_finished)
        self.error = plain_label(sso)
        set_tone(self.error, "failed")
        self.error.hide()
        form.addRow(self.error)
        tests_title = QLabel(translate("ObjectiveSection", "The five tests"), sso)
        tests_title.setStyleSheet("font-weight: bold;")
        form.addRow(tests_title)
        self.tests = [plain_label(sso) for _ in range(5)]
        for test in self.tests:
            form.addRow(test)
        layout.addWidget(sso)

        position = QGroupBox(
            translate("ObjectiveSection", "Current position: how do you feel about this deal?"), inner
        )
        box = QVBoxLayout(position)
        self.slider = QSlider(Qt.Orientation.Horizontal, position)
        self.slider.setRange(MIN_RATING, MAX_RATING)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setPageStep(1)
        self.slider.setAccessibleName(
            translate("ObjectiveSection", "Current position, Panic {minus}5 to Euphoric +5").format(
                minus=labels.MINUS
            )
        )
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.sliderReleased.connect(self._on_slider_slider_released)
        box.addWidget(self.slider)
        ends = QHBoxLayout()
        self.panic = QLabel(
            translate("ObjectiveSection", "Panic {minus}5").format(minus=labels.MINUS), position
        )
        self.middle = QLabel("0", position)
        self.euphoric = QLabel(translate("ObjectiveSection", "Euphoric +5"), position)
        for end in (self.panic, self.euphoric):
            set_tone(end, "warning")
            end.setToolTip(
                translate(
                    "ObjectiveSection",
                    "Both ends are warnings: euphoria is often blindness, panic needs a plan.",
                )
            )
        ends.addWidget(self.panic)
        ends.addStretch(1)
        ends.addWidget(self.middle)
        ends.addStretch(1)
        ends.addWidget(self.euphoric)
        box.addLayout(ends)
        self.position_label = plain_label(position)
        self.clear_position = QPushButton(translate("ObjectiveSection", "C&lear"), position)
        self.clear_position.setToolTip(translate("ObjectiveSection", "Clear the current position"))
        self.clear_position.clicked.connect(self._on_clear_position_clicked)
        box.addLayout(_row(self.position_label, self.clear_position, stretch_first=True))
        layout.addWidget(position)
        layout.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(inner, self))

    def load(self, opportunity: Opportunity, tests: Sequence[SsoTest]) -> None:
        """Show the stored objective and its tests (a refresh throws away unfinished typing)."""
        self._loading = True
        try:
            o = opportunity
            self._stored = Objective(o.product, o.quantity, o.amount, o.currency, o.close_date)
            self.product.setText(o.product)
            self.quantity.setText(fmt.edit_number(o.quantity))
            self.amount.setText(fmt.edit_number(o.amount))
            self.currency.setText(o.currency)
            self.close_date.setText(fmt.edit_date(o.close_date))
            self.error.hide()
            for label, test in zip(self.tests, tests, strict=False):
                if test.passed:
                    label.setText(f"\u2713 {test.name}")
                    set_tone(label, "passed")
                else:
                    label.setText(
                        "\u2717 "
                        + translate("ObjectiveSection", "{test}: {hint}").format(
                            test=test.name, hint=test.hint
                        )
                    )
                    set_tone(label, "failed")
            on_scale = type(o.position) is int and MIN_RATING <= o.position <= MAX_RATING
            self._position = o.position if on_scale else None
            self.slider.setValue(self._position if self._position is not None else 0)
            self._show_position(self._position, stored=o.position)
        finally:
            self._loading = False

    def _show_position(self, value: int | None, *, stored: object = None) -> None:
        if value is None:
            text = translate(
                "ObjectiveSection", "Not set: move the slider to say how you feel about this deal."
            )
            if stored is not None:
                text = translate(
                    "ObjectiveSection", "The stored position ({position}) is off the scale: set it again."
                ).format(position=stored)
            set_tone(self.position_label, "muted")
        else:
            text = labels.position(value)
            advice = labels.position_advice(value)
            if advice:
                text = translate("ObjectiveSection", "{position}: {advice}").format(
                    position=text, advice=advice
                )
            set_tone(self.position_label, "warning" if advice else "")
        self.position_label.setText(text)
        self.clear_position.setEnabled(value is not None and self.slider.isEnabled())

    def current_objective(self) -> Objective | None:
        """The typed objective, or None (with the reason shown) when a field cannot be read."""
        try:
            objective = Objective(
                product=validation.check_text(
                    self.product.text().strip(), translate("ObjectiveSection", "Product")
                ),
                quantity=fmt.parse_quantity(self.quantity.text()),
                amount=fmt.parse_amount(self.amount.text()),
                currency=validation.check_currency(self.currency.text() or "EUR"),
                close_date=self.close_date.value(),
            )
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return None
        self.error.hide()
        return objective

    def set_editable(self, editable: bool) -> None:
        for edit in (self.product, self.quantity, self.amount, self.currency, self.close_date):
            edit.setReadOnly(not editable)
        self.slider.setEnabled(editable)
        self.clear_position.setEnabled(editable and self._position is not None)

    @Slot()
    def _on_field_editing_finished(self) -> None:
        if self._loading:
            return
        objective = self.current_objective()
        if objective is not None and objective != self._stored:
            self.objective_submitted.emit(objective)

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        if self._loading:
            return
        self._show_position(value)
        if not self.slider.isSliderDown():  # keys and clicks on the groove; a drag ends on release
            self._choose(value)

    @Slot()
    def _on_slider_slider_released(self) -> None:
        self._choose(self.slider.value())

    @Slot()
    def _on_clear_position_clicked(self) -> None:
        self.position_chosen.emit(None)

    def _choose(self, value: int) -> None:
        if value != self._position:
            self.position_chosen.emit(value)


# ----------------------------------------------------------------------------------------------
# 3 and 4: Buying influences and the influence map


class InfluenceSection(QWidget):
    """The buying-influences table over the influence map; the map follows the table's selection."""

    add_requested = Signal()
    remove_requested = Signal(int)  # influence id
    edit_person_requested = Signal(int)  # person id
    export_requested = Signal(str)  # "png" or "svg"

    COLUMN_WIDTHS = (140, 130, 86, 74, 104, 66, 150, 150, 96, 170, 110, 100, 78, 130, 170)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = InfluenceTableModel(self)
        self.table = SheetTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("InfluenceSection", "Buying influences"))
        header = self.table.horizontalHeader()
        for column, width in enumerate(self.COLUMN_WIDTHS):
            header.resizeSection(column, width)
        # The person's name stays in view: once the Person column scrolls away, the rows' own
        # headings (the names) show at the left, fixed while the other columns scroll.
        names = self.table.verticalHeader()
        names.setMaximumWidth(self.COLUMN_WIDTHS[InfluenceTableModel.PERSON])
        names.setTextElideMode(Qt.TextElideMode.ElideRight)
        names.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        names.setHighlightSections(True)
        self.table.horizontalScrollBar().valueChanged.connect(self._on_table_scrolled)
        self.table.insert_requested.connect(self.add_requested)
        self.table.delete_requested.connect(self._on_table_delete_requested)
        self.add_button = QPushButton(translate("InfluenceSection", "&Add influence…"), self)
        self.add_button.setToolTip(
            translate("InfluenceSection", "Add someone at the account, or a new person (Insert)")
        )
        self.add_button.clicked.connect(self.add_requested)
        self.person_button = QPushButton(translate("InfluenceSection", "Edit &person…"), self)
        self.person_button.setToolTip(
            translate(
                "InfluenceSection", "Name, title and contact details: shared by every deal of the account"
            )
        )
        self.person_button.clicked.connect(self._on_person_button_clicked)
        self.remove_button = QPushButton(translate("InfluenceSection", "&Remove"), self)
        self.remove_button.setToolTip(
            translate("InfluenceSection", "Take the selected person off this deal (Delete)")
        )
        self.remove_button.clicked.connect(self._on_table_delete_requested)
        self.map = MapView(self)
        self.png_button = QPushButton(translate("InfluenceSection", "Export map as P&NG…"), self)
        self.svg_button = QPushButton(translate("InfluenceSection", "Export map as &SVG…"), self)
        self.png_button.clicked.connect(self._on_png_button_clicked)
        self.svg_button.clicked.connect(self._on_svg_button_clicked)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(_row(self.add_button, self.person_button, self.remove_button))
        top_layout.addWidget(self.table)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        map_title = QLabel(translate("InfluenceSection", "Influence map: who reports to whom"), bottom)
        map_title.setStyleSheet("font-weight: bold;")
        bottom_layout.addWidget(map_title)
        bottom_layout.addWidget(self.map, 1)
        bottom_layout.addLayout(_row(self.png_button, self.svg_button))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def current_influence(self) -> BuyingInfluence | None:
        index = self.table.currentIndex()
        return self.model.influence(index.row()) if index.isValid() else None

    @Slot(int)
    def _on_table_scrolled(self, value: int) -> None:
        # Scrolled per column: any value past 0 has the Person column out of view.
        names = self.table.verticalHeader()
        if names.isVisibleTo(self.table) == (value > 0):
            return
        names.setVisible(value > 0)
        # The names take width from the cells: keep the current cell in view all the same.
        self.table.updateGeometries()
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)

    def set_editable(self, editable: bool, has_account: bool) -> None:
        self.model.editable = editable
        self.add_button.setEnabled(editable and has_account)
        self.add_button.setToolTip(
            translate("InfluenceSection", "Add someone at the account, or a new person (Insert)")
            if has_account
            else translate(
                "InfluenceSection",
                "Give the deal an account first: buying influences are people at the customer's account.",
            )
        )
        self.person_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    @Slot()
    def _on_table_delete_requested(self) -> None:
        current = self.current_influence()
        if current is not None and self.model.editable:
            self.remove_requested.emit(current.id)

    @Slot()
    def _on_person_button_clicked(self) -> None:
        current = self.current_influence()
        if current is not None:
            self.edit_person_requested.emit(current.person_id)

    @Slot()
    def _on_png_button_clicked(self) -> None:
        self.export_requested.emit("png")

    @Slot()
    def _on_svg_button_clicked(self) -> None:
        self.export_requested.emit("svg")


# ----------------------------------------------------------------------------------------------
# 5: Red flags and strengths


class FlagSection(QWidget):
    """The rule engine's red flags and strengths with their reasons, plus the seller's own."""

    flag_clicked = Signal(object)  # a Flag: the panel selects the record it points to
    manual_add_requested = Signal(str, bool, object)  # text, is strength, influence id or None
    manual_remove_requested = Signal(int)  # manual flag id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FlagListModel(self)
        self.list = SheetListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAccessibleName(translate("FlagSection", "Red flags and strengths"))
        self.list.setIconSize(QSize(16, 16))
        self.list.setSpacing(2)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.clicked.connect(self._on_list_clicked)
        self.list.activated.connect(self._on_list_clicked)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.list.delete_requested.connect(self._on_remove_clicked)
        hint = plain_label(
            self,
            translate(
                "FlagSection", "Click one, or press Enter on it, to go to the person or field it is about."
            ),
        )
        set_tone(hint, "muted")

        own = QGroupBox(translate("FlagSection", "Your own red flags and strengths"), self)
        form = QFormLayout(own)
        self.text = QLineEdit(own)
        self.text.setMaxLength(600)
        self.text.setPlaceholderText(translate("FlagSection", "e.g. Procurement wants three quotes"))
        self.text.setAccessibleName(translate("FlagSection", "Text"))
        self.about = QComboBox(own)
        keep_names_narrow(self.about)
        self.about.setAccessibleName(translate("FlagSection", "About"))
        self.add_flag = QPushButton(translate("FlagSection", "Add red &flag"), own)
        self.add_strength = QPushButton(translate("FlagSection", "Add stren&gth"), own)
        self.remove = QPushButton(translate("FlagSection", "Remove yours"), own)
        self.remove.setToolTip(translate("FlagSection", "Remove the selected red flag or strength you wrote"))
        form.addRow(translate("FlagSection", "&Text"), self.text)
        form.addRow(translate("FlagSection", "A&bout"), self.about)
        form.addRow(_row(self.add_flag, self.add_strength, self.remove))
        self.add_flag.clicked.connect(self._on_add_flag_clicked)
        self.add_strength.clicked.connect(self._on_add_strength_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.text.textChanged.connect(self._on_text_text_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(own)
        self._editable = True
        self._update_buttons()

    def load(
        self, flags: Sequence[Flag], influences: Sequence[BuyingInfluence], names: dict[int, str]
    ) -> None:
        current = self.current_flag()
        self.model.set_flags(flags)
        if current is not None and (row := self.model.row_of(current)) >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        chosen = self.about.currentData()
        self.about.clear()
        self.about.addItem(translate("FlagSection", "The deal"), 0)
        for bi in influences:
            name = names.get(bi.person_id) or translate("FlagSection", "Person #{id}").format(id=bi.person_id)
            self.about.addItem(name, bi.id)
        self.about.setCurrentIndex(max(self.about.findData(chosen), 0))
        self._update_buttons()

    def current_flag(self) -> Flag | None:
        index = self.list.currentIndex()
        return self.model.flag(index.row()) if index.isValid() else None

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.text.setReadOnly(not editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_text = bool(self.text.text().strip()) and self._editable
        self.add_flag.setEnabled(has_text)
        self.add_strength.setEnabled(has_text)
        current = self.current_flag()
        self.remove.setEnabled(self._editable and current is not None and current.ref.kind == "manual_flag")

    def _add(self, is_strength: bool) -> None:
        influence = self.about.currentData() or None
        self.manual_add_requested.emit(self.text.text().strip(), is_strength, influence)

    @Slot()
    def _on_add_flag_clicked(self) -> None:
        self._add(False)

    @Slot()
    def _on_add_strength_clicked(self) -> None:
        self._add(True)

    @Slot()
    def _on_remove_clicked(self) -> None:
        current = self.current_flag()
        if current is not None and current.ref.kind == "manual_flag":
            self.manual_remove_requested.emit(current.ref.id)

    @Slot(str)
    def _on_text_text_changed(self, _text: str) -> None:
        self._update_buttons()

    @Slot(QModelIndex)
    def _on_list_clicked(self, index: QModelIndex) -> None:
        flag = self.model.flag(index.row())
        if flag is not None:
            self.flag_clicked.emit(flag)

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()


# ----------------------------------------------------------------------------------------------
# 6: Competition


class CompetitionSection(QWidget):
    """Other vendors, internal resources, budget spent elsewhere, doing nothing."""

    add_requested = Signal(str, object, str)  # name, CompetitionKind, notes
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CompetitorTableModel(self)
        self.table = SheetTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("CompetitionSection", "Competition"))
        self.table.horizontalHeader().resizeSection(0, 150)
        self.table.horizontalHeader().resizeSection(1, 150)
        self.table.insert_requested.connect(self._on_table_insert_requested)
        self.table.delete_requested.connect(self._on_remove_clicked)
        new = QGroupBox(translate("CompetitionSection", "Add competition"), self)
        form = QFormLayout(new)
        self.name = QLineEdit(new)
        self.name.setMaxLength(300)
        self.name.setPlaceholderText(translate("CompetitionSection", "e.g. Contoso, or the in-house IT team"))
        self.name.setAccessibleName(translate("CompetitionSection", "Name"))
        self.kind = QComboBox(new)
        self.kind.setAccessibleName(translate("CompetitionSection", "Type"))
        for kind in labels.COMPETITION:
            self.kind.addItem(labels.competition(kind), kind.value)
        self.notes = QLineEdit(new)
        self.notes.setPlaceholderText(
            translate("CompetitionSection", "Where they are strong, what they offer")
        )
        self.notes.setAccessibleName(translate("CompetitionSection", "Notes"))
        self.add = QPushButton(translate("CompetitionSection", "&Add"), new)
        self.add.clicked.connect(self._on_add_clicked)
        form.addRow(translate("CompetitionSection", "&Name"), self.name)
        form.addRow(translate("CompetitionSection", "&Type"), self.kind)
        form.addRow(translate("CompetitionSection", "N&otes"), self.notes)
        form.addRow(_row(self.add))
        self.remove = QPushButton(translate("CompetitionSection", "&Remove"), self)
        self.remove.setToolTip(translate("CompetitionSection", "Remove the selected competitor (Delete)"))
        self.remove.clicked.connect(self._on_remove_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(_row(self.remove))
        layout.addWidget(new)

    def set_editable(self, editable: bool) -> None:
        self.model.editable = editable
        for widget in (self.add, self.remove):
            widget.setEnabled(editable)

    def clear_form(self) -> None:
        self.name.clear()
        self.notes.clear()

    @Slot()
    def _on_table_insert_requested(self) -> None:
        self.name.setFocus()

    @Slot()
    def _on_add_clicked(self) -> None:
        kind = CompetitionKind(self.kind.currentData())
        self.add_requested.emit(self.name.text().strip(), kind, self.notes.text().strip())

    @Slot()
    def _on_remove_clicked(self) -> None:
        index = self.table.currentIndex()
        competitor = self.model.competitor(index.row()) if index.isValid() else None
        if competitor is not None and self.model.editable:
            self.remove_requested.emit(competitor.id)


# ----------------------------------------------------------------------------------------------
# 7: Action plan


class ActionSection(QWidget):
    """Possible actions and the best action plan, each linked to the red flag it removes or a strength."""

    add_requested = Signal(object)  # an Action (id 0)
    add_refused = Signal(str)  # why the form's action was not added
    remove_requested = Signal(int)
    plan_requested = Signal(str)  # the CRM's next step, to become a planned action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ActionTableModel(self)
        self.next_label = plain_label(self)
        self.next_label.setAccessibleName(translate("ActionSection", "Next step"))
        self.next_label.setStyleSheet("font-weight: bold;")
        self.plan_crm = QPushButton(translate("ActionSection", "&Plan as action"), self)
        self.plan_crm.setToolTip(
            translate("ActionSection", "Add the CRM's next step to the action plan as a planned action")
        )
        self.plan_crm.clicked.connect(self._on_plan_crm_clicked)
        self.plan_crm.hide()
        self._crm_step = ""
        self.table = SheetTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("ActionSection", "Action plan"))
        for column, width in enumerate((210, 96, 72, 230, 100, 96)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.insert_requested.connect(self._on_table_insert_requested)
        self.table.delete_requested.connect(self._on_remove_clicked)
        legend = plain_label(
            self,
            translate("ActionSection", "Bold: the next step (shown on the card). Red: overdue."),
        )
        set_tone(legend, "muted")
        new = QGroupBox(translate("ActionSection", "Add an action"), self)
        form = QFormLayout(new)
        self.what = QLineEdit(new)
        self.what.setPlaceholderText(
            translate("ActionSection", "e.g. Ask the coach to introduce us to the CFO")
        )
        self.what.setAccessibleName(translate("ActionSection", "What"))
        self.who = QLineEdit(new)
        self.who.setMaxLength(300)
        self.who.setAccessibleName(translate("ActionSection", "Who"))
        self.due = DateField(new)
        self.due.setAccessibleName(translate("ActionSection", "Due"))
        self.status = QComboBox(new)
        self.status.setAccessibleName(translate("ActionSection", "Status"))
        for status in labels.STATUS:
            self.status.addItem(labels.status(status), status.value)
        self.link = QComboBox(new)
        self.link.setAccessibleName(translate("ActionSection", "Removes or uses"))
        self.add = QPushButton(translate("ActionSection", "&Add"), new)
        self.add.clicked.connect(self._on_add_clicked)
        self.what.textChanged.connect(self._on_what_text_changed)
        form.addRow(translate("ActionSection", "&What"), self.what)
        form.addRow(translate("ActionSection", "W&ho"), self.who)
        form.addRow(translate("ActionSection", "&Due"), self.due)
        form.addRow(translate("ActionSection", "&Status"), self.status)
        form.addRow(translate("ActionSection", "Removes / &uses"), self.link)
        form.addRow(_row(self.add))
        self.remove = QPushButton(translate("ActionSection", "&Remove"), self)
        self.remove.setToolTip(translate("ActionSection", "Delete the selected action (Delete)"))
        self.remove.clicked.connect(self._on_remove_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(_row(self.next_label, self.plan_crm, stretch_first=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addLayout(_row(self.remove))
        layout.addWidget(new)
        self._editable = True
        self.add.setEnabled(False)

    def load(
        self, actions: Sequence[Action], flags: Sequence[Flag], today: dt.date, crm_next_step: str = ""
    ) -> None:
        """Show the actions; the next step line says what the card says (`planner.next_step`)."""
        self.model.set_actions(actions, flags, today)
        step = next_step(actions, crm_next_step)
        if step is None:
            self.next_label.setText(
                translate(
                    "ActionSection", "Next step: none planned. Add the action that moves the deal forward."
                )
            )
        else:
            self.next_label.setText(
                translate("ActionSection", "Next step: {step}").format(step=fmt.next_step(step, today))
            )
        # A step only the CRM gave is in italics, as on the card, and can be planned in one click.
        from_crm = step is not None and step.source == "crm"
        self.next_label.setStyleSheet("font-style: italic;" if from_crm else "font-weight: bold;")
        self._crm_step = step.text if step is not None and from_crm else ""
        self.plan_crm.setVisible(from_crm)
        self.plan_crm.setEnabled(self._editable)
        chosen = self.link.currentData()
        self.link.clear()
        self.link.addItem(not_linked(), "")
        for flag in flags:
            self.link.addItem(self.model.link_text(flag_ref(flag)), flag_ref(flag))
        self.link.setCurrentIndex(max(self.link.findData(chosen), 0))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.model.editable = editable
        self.remove.setEnabled(editable)
        self.plan_crm.setEnabled(editable)
        self.add.setEnabled(editable and bool(self.what.text().strip()))

    def clear_form(self) -> None:
        self.what.clear()
        self.who.clear()
        self.due.set_value(None)

    def draft(self) -> Action:
        """The action the form describes (id 0: not written yet); ValueError while Due is not a date."""
        return Action(
            0,
            0,
            self.what.text().strip(),
            who=self.who.text().strip(),
            due=self.due.value(),
            status=ActionStatus(self.status.currentData()),
            flag_ref=str(self.link.currentData() or ""),
        )

    @Slot(str)
    def _on_what_text_changed(self, text: str) -> None:
        self.add.setEnabled(self._editable and bool(text.strip()))

    @Slot()
    def _on_table_insert_requested(self) -> None:
        self.what.setFocus()

    @Slot()
    def _on_add_clicked(self) -> None:
        if not self.due.check():  # a due date that is not one: nothing added, and the reason said
            self.due.setFocus()
            self.add_refused.emit(
                translate("ActionSection", "The action was not added: {reason}").format(reason=self.due.error)
            )
            return
        self.add_requested.emit(self.draft())

    @Slot()
    def _on_plan_crm_clicked(self) -> None:
        if self._crm_step and self._editable:
            self.plan_requested.emit(self._crm_step)

    @Slot()
    def _on_remove_clicked(self) -> None:
        index = self.table.currentIndex()
        action = self.model.action(index.row()) if index.isValid() else None
        if action is not None and self.model.editable:
            self.remove_requested.emit(action.id)


# ----------------------------------------------------------------------------------------------
# 8: Notes


class NoteSection(QWidget):
    """Private and shareable notes; the manager's coaching notes are shown, never edited."""

    add_requested = Signal(str, bool)  # body, private
    save_requested = Signal(int, str, bool)  # note id, body, private
    remove_requested = Signal(int)
    hide_requested = Signal(int)  # a manager's coaching note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NoteListModel(self)
        self.list = SheetListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(translate("NoteSection", "Notes"))
        self.list.setAlternatingRowColors(True)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.list.delete_requested.connect(self._on_remove_clicked)
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName(translate("NoteSection", "Note"))
        self.body.setPlaceholderText(translate("NoteSection", "Write a note on this deal…"))
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body.setMaximumHeight(120)
        self.private = QCheckBox(translate("NoteSection", "&Private: never exported unless you ask"), self)
        self.private.setChecked(True)
        self.read_only = plain_label(
            self, translate("NoteSection", "A coaching note from your manager: read-only.")
        )
        set_tone(self.read_only, "coaching")
        self.read_only.hide()
        self.new = QPushButton(translate("NoteSection", "&New note"), self)
        self.save = QPushButton(translate("NoteSection", "&Save note"), self)
        self.save.setToolTip(translate("NoteSection", "Save the note (Ctrl+Return)"))
        self.remove = QPushButton(translate("NoteSection", "&Remove"), self)
        self.remove.setToolTip(translate("NoteSection", "Delete the selected note (Delete)"))
        # In place of Remove for a manager's note: it cannot be deleted, but it can be put away.
        self.hide_button = QPushButton(translate("NoteSection", "Hi&de"), self)
        self.hide_button.setToolTip(
            translate("NoteSection", "Hide your manager's coaching note from this deal (Undo shows it again)")
        )
        self.hide_button.hide()
        self.new.clicked.connect(self._on_new_clicked)
        self.save.clicked.connect(self._on_save_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.hide_button.clicked.connect(self._on_hide_button_clicked)
        save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.body)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        save_shortcut.activated.connect(self._on_save_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.read_only)
        layout.addWidget(self.body)
        layout.addWidget(self.private)
        layout.addLayout(_row(self.new, self.save, self.remove, self.hide_button))
        self._editable = True
        self._update()

    def load(self, notes: Sequence[Note]) -> None:
        current = self.current_note()
        self.model.set_notes(notes)
        row = self.model.row_of(current.id) if current is not None else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._update()

    def current_note(self) -> Note | None:
        index = self.list.currentIndex()
        return self.model.note(index.row()) if index.isValid() else None

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update()

    def _update(self) -> None:
        note = self.current_note()
        coaching = note is not None and note.author != "seller"
        self.read_only.setVisible(coaching)
        self.body.setReadOnly(coaching or not self._editable)
        self.private.setEnabled(not coaching and self._editable)
        self.save.setEnabled(not coaching and self._editable)
        self.remove.setEnabled(note is not None and not coaching and self._editable)
        self.remove.setVisible(not coaching)
        self.hide_button.setVisible(coaching)
        self.hide_button.setEnabled(coaching and self._editable)
        self.new.setEnabled(self._editable)

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        note = self.model.note(current.row()) if current.isValid() else None
        if note is not None:
            # A coaching note is only read here: one longer than a note may be (imported before
            # notes files were held to the limit) is shown in part, not laid out whole.
            body = note.body
            if note.author != "seller" and len(body) > MAX_NOTE:
                body = body[:MAX_NOTE] + "…"
            self.body.setPlainText(body)
            self.private.setChecked(note.private)
        self._update()

    @Slot()
    def _on_new_clicked(self) -> None:
        self.list.setCurrentIndex(QModelIndex())
        self.body.clear()
        self.private.setChecked(True)
        self.body.setFocus()
        self._update()

    @Slot()
    def _on_save_clicked(self) -> None:
        note = self.current_note()
        text = self.body.toPlainText().strip()
        if note is None:
            self.add_requested.emit(text, self.private.isChecked())
        elif note.author == "seller":
            self.save_requested.emit(note.id, text, self.private.isChecked())

    @Slot()
    def _on_remove_clicked(self) -> None:
        note = self.current_note()
        if note is not None and note.author == "seller":
            self.remove_requested.emit(note.id)

    @Slot()
    def _on_hide_button_clicked(self) -> None:
        note = self.current_note()
        if note is not None and note.author != "seller":
            self.hide_requested.emit(note.id)
