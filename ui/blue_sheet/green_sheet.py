"""The Green Sheet dialogs: plan a customer meeting, and debrief it afterwards (docs/method.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.green_sheet import AttendeeNews, FollowUp
from planner.model import (
    MAX_RATING,
    MIN_RATING,
    BuyingInfluence,
    CallPlan,
    Mode,
    Opportunity,
    Person,
    Stage,
)
from planner.validation import MAX_TITLE
from ui import format as fmt
from ui.blue_sheet import labels
from ui.blue_sheet.colours import set_tone
from ui.blue_sheet.sections import plain_label
from ui.date_field import DateField
from ui.plain import plain_tooltip
from ui.time_field import TimeField

translate = QCoreApplication.translate

# Both dialogs fit a 1366x768 laptop screen: their pages are tabs, and long lists scroll.
TEXT_HEIGHT = 64  # a few lines of a multi-line field
INFLUENCE_ROLE = Qt.ItemDataRole.UserRole + 1  # an attendee item's influence id
DEFAULT_TIME = dt.time(9, 0)


class LineEntry(QLineEdit):
    """A line edit whose Enter adds its text to a list (`submitted`), not accept the dialog."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class QuestionList(QWidget):
    """An editable list of lines: type a question and press Enter (or Add); double-click edits one."""

    def __init__(self, name: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = LineEntry(self)
        self.entry.setMaxLength(2000)
        self.entry.setPlaceholderText(placeholder)
        self.entry.setAccessibleName(name)
        self.entry.submitted.connect(self._on_add_clicked)
        self.add = QPushButton(translate("QuestionList", "Add"), self)
        self.add.setAutoDefault(False)
        self.add.clicked.connect(self._on_add_clicked)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("QuestionList", "{list}: the list").format(list=name))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setMaximumHeight(78)
        self.list.setWordWrap(True)  # a long question wraps rather than scrolls sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.remove = QPushButton(translate("QuestionList", "Remove"), self)
        self.remove.setAutoDefault(False)
        self.remove.setToolTip(translate("QuestionList", "Remove the selected line"))
        self.remove.clicked.connect(self._on_remove_clicked)
        top = QHBoxLayout()
        top.addWidget(self.entry, 1)
        top.addWidget(self.add)
        bottom = QHBoxLayout()
        bottom.addWidget(self.list, 1)
        bottom.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)  # items show their text as typed: never markup
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def set_lines(self, lines: Sequence[str]) -> None:
        self.list.clear()
        for line in lines:
            self.list.addItem(self._item(line))

    def lines(self) -> tuple[str, ...]:
        """The lines, empty ones left out; a line typed but not yet added counts too."""
        found = [self.list.item(row).text().strip() for row in range(self.list.count())]
        pending = self.entry.text().strip()
        return tuple(line for line in [*found, pending] if line)

    def set_read_only(self, read_only: bool) -> None:
        self.entry.setVisible(not read_only)
        self.add.setVisible(not read_only)
        self.remove.setVisible(not read_only)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    @Slot()
    def _on_add_clicked(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.list.addItem(self._item(text))
            self.list.setCurrentRow(self.list.count() - 1)
            self.entry.clear()
        self.entry.setFocus()

    @Slot()
    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)


def _multiline(parent: QWidget, name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(TEXT_HEIGHT)
    return edit


def _right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row


def _label(parent: QWidget, text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _scrolling(inner: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(inner)
    return area


def objective_line(deal: Opportunity, account: str) -> str:
    """'“Fleet rollout” · Northwind · Fleet Telematics, 120,000 EUR, closes 15 Dec 2026'."""
    parts = [translate("GreenSheetDialog", "“{deal}”").format(deal=deal.title)]
    if account:
        parts.append(account)
    sso = [deal.product] if deal.product else []
    if deal.amount is not None:
        sso.append(fmt.amount(deal.amount, deal.currency))
    if deal.close_date is not None:
        sso.append(translate("GreenSheetDialog", "closes {date}").format(date=fmt.date(deal.close_date)))
    if sso:
        parts.append(", ".join(sso))
    return " · ".join(parts)


def attendee_text(bi: BuyingInfluence, people: Mapping[int, Person]) -> str:
    """An attendee as the checklist shows them: name and role, their Concept under it."""
    person = people.get(bi.person_id)
    name = person.name if person else translate("GreenSheetDialog", "Person #{id}").format(id=bi.person_id)
    concept = bi.concept.strip() or labels.unknown()
    if bi.concept_kind is not None and bi.concept.strip():
        concept = translate("GreenSheetDialog", "{kind}: {concept}").format(
            kind=labels.concept_kind(bi.concept_kind), concept=concept
        )
    return translate("GreenSheetDialog", "{name} ({role})\nConcept: {concept}").format(
        name=name, role=labels.role(bi.role), concept=concept
    )


class CallPlanDialog(QDialog):
    """Plan a customer meeting: when, who, why, what to give and ask, the commitment to ask for."""

    def __init__(
        self,
        deal: Opportunity,
        account: str,
        influences: Sequence[BuyingInfluence],
        people: Mapping[int, Person],
        call: CallPlan | None,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        editable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.deal = deal
        self.stored = call
        self.editable = editable
        if call is None:
            self.setWindowTitle(translate("GreenSheetDialog", "New call plan"))
        else:
            self.setWindowTitle(translate("GreenSheetDialog", "Call plan: {title}").format(title=call.title))
        heading = plain_label(self, objective_line(deal, account))
        heading.setAccessibleName(translate("GreenSheetDialog", "Deal"))
        self.tabs = QTabWidget(self)

        meeting = QWidget(self.tabs)
        form = QFormLayout(meeting)
        self.date = DateField(meeting, allow_empty=False)
        self.date.setAccessibleName(translate("GreenSheetDialog", "Date"))
        self.time = TimeField(meeting)
        self.time.setAccessibleName(translate("GreenSheetDialog", "Time"))
        self.title = QLineEdit(meeting)
        self.title.setMaxLength(MAX_TITLE)
        self.title.setAccessibleName(translate("GreenSheetDialog", "Title"))
        self.title.setPlaceholderText(translate("GreenSheetDialog", "e.g. Evaluation kick-off with IT"))
        self.attendees = QListWidget(meeting)
        self.attendees.setAccessibleName(translate("GreenSheetDialog", "Attendees"))
        self.attendees.setWordWrap(True)
        self.attendees.setAlternatingRowColors(True)
        self.attendees.setMinimumHeight(110)
        chosen = set(call.attendees) if call is not None else set()
        for bi in influences:
            item = QListWidgetItem(attendee_text(bi, people))
            item.setData(INFLUENCE_ROLE, bi.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if editable else flags)
            item.setCheckState(Qt.CheckState.Checked if bi.id in chosen else Qt.CheckState.Unchecked)
            self.attendees.addItem(item)
        self.no_attendees = plain_label(
            meeting,
            translate(
                "GreenSheetDialog",
                "The deal has no buying influences yet: add them in the Blue Sheet to choose attendees.",
            ),
        )
        set_tone(self.no_attendees, "muted")
        self.no_attendees.setVisible(not influences)
        self.reason = _multiline(
            meeting,
            translate("GreenSheetDialog", "Valid business reason"),
            translate("GreenSheetDialog", "Why the customer should spend this time with you"),
        )
        when = QHBoxLayout()
        when.addWidget(self.date, 1)
        when.addWidget(_label(meeting, translate("GreenSheetDialog", "T&ime"), self.time))
        when.addWidget(self.time)
        form.addRow(_label(meeting, translate("GreenSheetDialog", "&Date"), self.date), when)
        form.addRow(translate("GreenSheetDialog", "&Title"), self.title)
        form.addRow(translate("GreenSheetDialog", "&Attendees"), self.attendees)
        form.addRow(self.no_attendees)
        form.addRow(translate("GreenSheetDialog", "&Valid business reason"), self.reason)
        self.tabs.addTab(meeting, translate("GreenSheetDialog", "Meeting"))

        information = QWidget(self.tabs)
        form = QFormLayout(information)
        self.giving = _multiline(
            information,
            translate("GreenSheetDialog", "What we give"),
            translate("GreenSheetDialog", "Our unique strengths, and the information the customer needs"),
        )
        self.confirmation = QuestionList(
            translate("GreenSheetDialog", "Confirmation questions"),
            translate("GreenSheetDialog", "What to confirm, e.g. Is March still the go-live?"),
            information,
        )
        self.new_information = QuestionList(
            translate("GreenSheetDialog", "New-information questions"),
            translate("GreenSheetDialog", "What you do not know yet, e.g. Who else signs off?"),
            information,
        )
        self.attitude = QuestionList(
            translate("GreenSheetDialog", "Attitude questions"),
            translate("GreenSheetDialog", "How they feel about it, e.g. What worries you about the rollout?"),
            information,
        )
        form.addRow(translate("GreenSheetDialog", "What we &give"), self.giving)
        # Each list's label leads to where a question is typed.
        for text, questions in (
            (translate("GreenSheetDialog", "&Confirmation questions"), self.confirmation),
            (translate("GreenSheetDialog", "&New-information questions"), self.new_information),
            (translate("GreenSheetDialog", "Attit&ude questions"), self.attitude),
        ):
            form.addRow(_label(information, text, questions.entry), questions)
        self.tabs.addTab(information, translate("GreenSheetDialog", "Information"))

        commitment = QWidget(self.tabs)
        form = QFormLayout(commitment)
        self.best = QLineEdit(commitment)
        self.best.setAccessibleName(translate("GreenSheetDialog", "Best Action Commitment"))
        self.best.setPlaceholderText(
            translate("GreenSheetDialog", "The most the customer could do next, e.g. Sign the pilot order")
        )
        self.minimum = QLineEdit(commitment)
        self.minimum.setAccessibleName(translate("GreenSheetDialog", "Minimum Acceptable Action"))
        self.minimum.setPlaceholderText(
            translate(
                "GreenSheetDialog", "The least that keeps the deal moving, e.g. Introduce us to the CFO"
            )
        )
        self.commit_by = DateField(commitment)
        self.commit_by.setAccessibleName(translate("GreenSheetDialog", "Commit by"))
        explain = plain_label(
            commitment,
            translate(
                "GreenSheetDialog",
                "Ask for a commitment at every meeting: an action the customer takes, by a date. The debrief "
                "records what they actually committed to.",
            ),
        )
        set_tone(explain, "muted")
        form.addRow(explain)
        form.addRow(translate("GreenSheetDialog", "&Best Action Commitment"), self.best)
        form.addRow(translate("GreenSheetDialog", "&Minimum Acceptable Action"), self.minimum)
        form.addRow(translate("GreenSheetDialog", "Commit b&y"), self.commit_by)
        self.tabs.addTab(commitment, translate("GreenSheetDialog", "Commitment"))

        self.error = plain_label(self)
        set_tone(self.error, "failed")
        self.error.hide()
        if editable:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
                translate("GreenSheetDialog", "Save")
            )
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._load(call, today)
        if not editable:
            for edit in (self.date, self.time, self.title, self.best, self.minimum, self.commit_by):
                edit.setReadOnly(True)
            for multiline in (self.reason, self.giving):
                multiline.setReadOnly(True)
            for questions in (self.confirmation, self.new_information, self.attitude):
                questions.set_read_only(True)

    def _load(self, call: CallPlan | None, today: dt.date) -> None:
        if call is None:
            self.date.set_value(today)
            self.time.set_value(DEFAULT_TIME)
            return
        self.date.set_value(call.meeting_at.date())
        self.time.set_value(call.meeting_at.time())
        self.title.setText(call.title)
        self.reason.setPlainText(call.business_reason)
        self.giving.setPlainText(call.giving)
        self.confirmation.set_lines(call.confirmation_questions)
        self.new_information.set_lines(call.new_information_questions)
        self.attitude.set_lines(call.attitude_questions)
        self.best.setText(call.best_action)
        self.minimum.setText(call.minimum_action)
        self.commit_by.set_value(call.commit_by)

    def chosen_attendees(self) -> tuple[int, ...]:
        found = []
        for row in range(self.attendees.count()):
            item = self.attendees.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(INFLUENCE_ROLE)))
        return tuple(found)

    def call_plan(self) -> CallPlan:
        """The call plan as entered (the stored one's id and debrief kept); ValueError for a bad
        date or time."""
        day = self.date.value()
        if day is None:
            raise ValueError(translate("GreenSheetDialog", "Give the meeting's date."))
        time = self.time.value()
        base = self.stored or CallPlan(0, self.deal.id, dt.datetime.combine(day, dt.time()))
        return dataclasses.replace(
            base,
            meeting_at=dt.datetime.combine(day, time),
            title=self.title.text().strip(),
            attendees=self.chosen_attendees(),
            business_reason=self.reason.toPlainText().strip(),
            giving=self.giving.toPlainText().strip(),
            confirmation_questions=self.confirmation.lines(),
            new_information_questions=self.new_information.lines(),
            attitude_questions=self.attitude.lines(),
            best_action=self.best.text().strip(),
            minimum_action=self.minimum.text().strip(),
            commit_by=self.commit_by.value(),
        )

    def accept(self) -> None:
        if not self.editable:
            super().accept()
            return
        for field, page in ((self.date, 0), (self.time, 0), (self.commit_by, 2)):
            if not field.check():
                self.tabs.setCurrentIndex(page)
                field.setFocus()
                self.error.setText(field.error)
                self.error.show()
                return
        super().accept()


@dataclass(frozen=True, slots=True)
class DebriefInput:
    """What the debrief dialog holds: planner.green_sheet.debrief's arguments."""

    debriefed_on: dt.date
    commitment: str
    notes: str
    attendees: tuple[AttendeeNews, ...]
    follow_ups: tuple[FollowUp, ...]


class AttendeeBox(QGroupBox):
    """What the meeting taught about one attendee: response mode, rating, Concept."""

    def __init__(self, bi: BuyingInfluence, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)  # a group box's title is plain text
        self.influence = bi
        self.mode = QComboBox(self)
        for mode in labels.MODE:
            self.mode.addItem(labels.mode(mode), mode.value)
        self.mode.setCurrentIndex(max(self.mode.findData(bi.mode.value), 0))
        self.mode.setAccessibleName(translate("DebriefDialog", "Mode of {name}").format(name=name))
        self.rating = QComboBox(self)
        self.rating.addItem(labels.unknown(), None)
        for value in range(MAX_RATING, MIN_RATING - 1, -1):
            self.rating.addItem(labels.rating(value), value)
        self.rating.setCurrentIndex(max(self.rating.findData(bi.rating), 0) if bi.rating is not None else 0)
        self.rating.setAccessibleName(translate("DebriefDialog", "Rating of {name}").format(name=name))
        self.concept = QLineEdit(self)
        self.concept.setText(bi.concept)
        self.concept.setPlaceholderText(
            translate("DebriefDialog", "What they want to accomplish, fix or avoid, in their words")
        )
        self.concept.setAccessibleName(translate("DebriefDialog", "Concept of {name}").format(name=name))
        row = QHBoxLayout()
        row.addWidget(self.mode)
        row.addWidget(self.rating)
        form = QFormLayout(self)
        form.addRow(translate("DebriefDialog", "Mode, rating"), row)
        form.addRow(translate("DebriefDialog", "Concept"), self.concept)

    def news(self) -> AttendeeNews:
        rating = self.rating.currentData()
        return AttendeeNews(
            self.influence.id,
            Mode(self.mode.currentData()),
            rating if isinstance(rating, int) else None,
            self.concept.text().strip(),
        )


class DebriefDialog(QDialog):
    """After the meeting: what the customer committed to, what was learnt, what follows."""

    def __init__(
        self,
        call: CallPlan,
        stage: Stage | None,
        influences: Sequence[BuyingInfluence],
        people: Mapping[int, Person],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.call = call
        title = call.title or translate("CallListModel", "Meeting")
        self.setWindowTitle(translate("DebriefDialog", "Debrief: {title}").format(title=title))
        heading = plain_label(
            self,
            translate("DebriefDialog", "{title}, {when}").format(
                title=title, when=fmt.date_time(call.meeting_at)
            ),
        )
        heading.setStyleSheet("font-weight: bold;")
        asked = []
        if call.best_action:
            asked.append(
                translate("DebriefDialog", "Best Action Commitment: {text}").format(text=call.best_action)
            )
        if call.minimum_action:
            asked.append(
                translate("DebriefDialog", "Minimum Acceptable Action: {text}").format(
                    text=call.minimum_action
                )
            )
        plan = plain_label(
            self, "\n".join(asked) or translate("DebriefDialog", "The call plan asked for no commitment.")
        )
        set_tone(plan, "muted")
        self.tabs = QTabWidget(self)

        outcome = QWidget(self.tabs)
        form = QFormLayout(outcome)
        held = call.meeting_at.date()
        self.debriefed_on = DateField(outcome, allow_empty=False, minimum=min(held, today), maximum=today)
        self.debriefed_on.setAccessibleName(translate("DebriefDialog", "Debriefed on"))
        self.debriefed_on.set_value(call.debriefed_on or today)
        self.commitment = QComboBox(outcome)
        self.commitment.setEditable(True)
        self.commitment.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.commitment.setAccessibleName(translate("DebriefDialog", "The customer committed to"))
        line = self.commitment.lineEdit()
        assert line is not None
        line.setMaxLength(2000)
        line.setPlaceholderText(translate("DebriefDialog", "Choose, or type it in the customer's words"))
        self.commitment.addItem("")
        checklist = stage.exit_commitments if stage is not None else ()
        stage_name = stage.name if stage is not None else ""
        for text, origin in (
            (call.best_action, translate("DebriefDialog", "The Best Action Commitment you asked for")),
            (call.minimum_action, translate("DebriefDialog", "The Minimum Acceptable Action you asked for")),
            *(
                (item, translate("DebriefDialog", "On the checklist of {stage}").format(stage=stage_name))
                for item in checklist
            ),
        ):
            if text and self.commitment.findText(text, Qt.MatchFlag.MatchExactly) < 0:
                self.commitment.addItem(text)
                # Escaped: the stage's name is the seller's text, and Qt renders tooltips as markup.
                tip = plain_tooltip(origin)
                self.commitment.setItemData(self.commitment.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.commitment.setCurrentIndex(0)
        self.commitment.setEditText(call.debrief_commitment)
        if checklist:
            text = translate(
                "DebriefDialog",
                "Choose the commitment you asked for, one of the {stage} checklist (it can then move the "
                "deal), or type what the customer agreed to do. Leave it empty if they committed to nothing.",
            ).format(stage=stage_name)
        else:
            text = translate(
                "DebriefDialog",
                "Choose the commitment you asked for, or type what the customer agreed to do. Leave it empty "
                "if they committed to nothing.",
            )
        hint = plain_label(outcome, text)
        set_tone(hint, "muted")
        self.notes = QPlainTextEdit(outcome)
        self.notes.setAccessibleName(translate("DebriefDialog", "Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setPlainText(call.debrief_notes)
        self.notes.setPlaceholderText(translate("DebriefDialog", "What happened, what you learnt"))
        form.addRow(translate("DebriefDialog", "&Debriefed on"), self.debriefed_on)
        form.addRow(translate("DebriefDialog", "The customer &committed to"), self.commitment)
        form.addRow(hint)
        form.addRow(translate("DebriefDialog", "&Notes"), self.notes)
        self.tabs.addTab(outcome, translate("DebriefDialog", "Outcome"))

        news = QWidget(self.tabs)
        column = QVBoxLayout(news)
        on_deal = {bi.id: bi for bi in influences}
        self.attendee_boxes: list[AttendeeBox] = []
        for influence_id in call.attendees:
            bi = on_deal.get(influence_id)
            if bi is None:
                continue  # taken off the deal since the call was planned
            person = people.get(bi.person_id)
            box = AttendeeBox(bi, person.name if person else f"#{bi.person_id}", news)
            self.attendee_boxes.append(box)
            column.addWidget(box)
        if not self.attendee_boxes:
            column.addWidget(
                plain_label(news, translate("DebriefDialog", "The call plan names no attendees."))
            )
        column.addStretch(1)
        self.tabs.addTab(_scrolling(news, self.tabs), translate("DebriefDialog", "Attendees"))

        follow = QWidget(self.tabs)
        form = QFormLayout(follow)
        self.follow_what = LineEntry(follow)
        self.follow_what.setAccessibleName(translate("DebriefDialog", "Follow-up"))
        self.follow_what.setPlaceholderText(translate("DebriefDialog", "e.g. Send the pilot proposal"))
        self.follow_what.submitted.connect(self._on_follow_add_clicked)
        self.follow_who = QLineEdit(follow)
        self.follow_who.setMaxLength(MAX_TITLE)
        self.follow_who.setAccessibleName(translate("DebriefDialog", "Who"))
        self.follow_due = DateField(follow)
        self.follow_due.setAccessibleName(translate("DebriefDialog", "Due"))
        self.follow_add = QPushButton(translate("DebriefDialog", "Add follow-up"), follow)
        self.follow_add.setAutoDefault(False)
        self.follow_add.clicked.connect(self._on_follow_add_clicked)
        self.follow_list = QListWidget(follow)
        self.follow_list.setAccessibleName(translate("DebriefDialog", "Follow-up actions"))
        self.follow_remove = QPushButton(translate("DebriefDialog", "Remove"), follow)
        self.follow_remove.setAutoDefault(False)
        self.follow_remove.clicked.connect(self._on_follow_remove_clicked)
        self.follow_ups: list[FollowUp] = []
        form.addRow(translate("DebriefDialog", "&What"), self.follow_what)
        form.addRow(translate("DebriefDialog", "W&ho"), self.follow_who)
        form.addRow(translate("DebriefDialog", "D&ue"), self.follow_due)
        form.addRow(_right(self.follow_add))
        form.addRow(self.follow_list)
        form.addRow(_right(self.follow_remove))
        explain = plain_label(
            follow, translate("DebriefDialog", "Each follow-up becomes a planned action of the deal.")
        )
        set_tone(explain, "muted")
        form.addRow(explain)
        self.tabs.addTab(follow, translate("DebriefDialog", "Follow-up"))

        self.error = plain_label(self)
        set_tone(self.error, "failed")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("DebriefDialog", "Save debrief")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(plan)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _refuse(self, message: str, page: int, field: QWidget) -> None:
        self.tabs.setCurrentIndex(page)
        field.setFocus()
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _on_follow_add_clicked(self) -> None:
        what = self.follow_what.text().strip()
        if not what:
            self.follow_what.setFocus()
            return
        if not self.follow_due.check():
            self._refuse(self.follow_due.error, 2, self.follow_due)
            return
        self.error.hide()
        follow_up = FollowUp(what, self.follow_who.text().strip(), self.follow_due.value())
        self.follow_ups.append(follow_up)
        parts = [what]
        if follow_up.who:
            parts.append(follow_up.who)
        if follow_up.due is not None:
            parts.append(fmt.date(follow_up.due))
        self.follow_list.addItem(QListWidgetItem(" · ".join(parts)))
        self.follow_what.clear()
        self.follow_who.clear()
        self.follow_due.set_value(None)
        self.follow_what.setFocus()

    @Slot()
    def _on_follow_remove_clicked(self) -> None:
        row = self.follow_list.currentRow()
        if 0 <= row < len(self.follow_ups):
            self.follow_list.takeItem(row)
            del self.follow_ups[row]

    def debrief(self) -> DebriefInput:
        """What was entered; ValueError while the debrief's date is not one."""
        day = self.debriefed_on.value()
        if day is None:
            raise ValueError(translate("GreenSheetDialog", "Give the meeting's date."))
        return DebriefInput(
            day,
            self.commitment.currentText().strip(),
            self.notes.toPlainText().strip(),
            tuple(box.news() for box in self.attendee_boxes),
            tuple(self.follow_ups),
        )

    def accept(self) -> None:
        if not self.debriefed_on.check():
            self._refuse(self.debriefed_on.error, 0, self.debriefed_on)
            return
        if self.follow_what.text().strip():  # typed but not added: the seller meant it
            self._on_follow_add_clicked()
            if self.follow_what.text().strip():
                return
        super().accept()
