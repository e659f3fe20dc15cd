"""Review mode: a plan bundle in the planner's own window, read-only, with the manager's notes editor."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import i18n
from planner.exchange.review import (
    Bundle,
    ReviewError,
    ReviewNote,
    ReviewVerdict,
    import_review_notes,
    load_bundle,
    new_note,
    new_verdict,
    read_review_notes,
)
from planner.limits import MAX_NOTE, MAX_TEXT, MAX_TITLE
from planner.model import ForecastCategory
from planner.operations import Change
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB, PlanError
from ui import format as fmt
from ui import plain
from ui.date_field import DateField
from ui.file_dialogs import FolderKind, choose_folder, open_file, open_files

translate = QCoreApplication.translate

# The notes panel's preferred height: what a 720-pixel screen leaves a dock.
PREFERRED_HEIGHT = 540
# A note editor's least height: two lines of text.
EDITOR_MIN_HEIGHT = 48

# Where the issue is silent, decided here: the manager's notes live in the window until saved
# (the bundle's plan is never written, not even in memory); closing with unsaved notes asks.


def _day(stamp: str) -> str:
    """An ISO timestamp's day as the window writes dates; the text itself if it is none."""
    try:
        return fmt.date(dt.date.fromisoformat(stamp[:10]))
    except ValueError:
        return stamp[:10]


# What a note may also be (planner.coaching): the choices of the panel's "Coaching item" boxes.
ITEM_CHOICES = ("", "question", "action")


def ask_name(parent: QWidget | None, title: str, label: str) -> str:
    """A name asked once (the reviewer's, the seller's): '' when the person declines."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue("")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    editor = dialog.findChild(QLineEdit)
    if editor is not None:
        editor.setMaxLength(MAX_TITLE)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return ""
    return dialog.textValue().strip()


class ItemChoice(QWidget):
    """Whether a note is also a coaching item (a question, an action) and, for an action, its due date."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(name)
        self.kind.addItem(translate("CoachingNotesPanel", "Just a note"), "")
        self.kind.addItem(translate("CoachingNotesPanel", "A question to answer"), "question")
        self.kind.addItem(translate("CoachingNotesPanel", "An action with a due date"), "action")
        self.kind.setToolTip(
            translate(
                "CoachingNotesPanel",
                "A coaching item comes back to the seller as work: a question is answered, an action is"
                " done by its due date. Both become one of the deal's actions and appear in the Agenda.",
            )
        )
        self.due = DateField(self)
        self.due.setAccessibleName(translate("CoachingNotesPanel", "Due date of the coaching item"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind, 1)
        layout.addWidget(self.due, 1)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._on_kind_current_index_changed()

    def item(self) -> str:
        return str(self.kind.currentData() or "")

    def reset(self) -> None:
        self.kind.setCurrentIndex(0)
        self.due.set_value(None)

    @Slot()
    def _on_kind_current_index_changed(self) -> None:
        self.due.setEnabled(bool(self.item()))


def note_text(note: ReviewNote) -> str:
    """A note as the panel lists it: a coaching item says what it asks, and by when."""
    if note.item == "question":
        template = translate("CoachingNotesPanel", "Question: {text}")
    elif note.item == "action":
        template = translate("CoachingNotesPanel", "Action: {text}")
    else:
        return note.body
    text = template.format(text=note.body)
    if note.due is not None:
        text += translate("CoachingNotesPanel", " (due {date})").format(date=fmt.date(note.due))
    return text


class CoachingNotesPanel(QWidget):
    """The manager's notes: on the deal selected on the board, and on the whole plan."""

    notes_changed = Signal()

    def __init__(
        self, bundle: Bundle, parent: QWidget | None = None, reviewer: Callable[[], str] | None = None
    ) -> None:
        super().__init__(parent)
        self.bundle = bundle
        self.notes: list[ReviewNote] = []
        self.verdicts: dict[int, ReviewVerdict] = {}
        self.reviewer = reviewer or (lambda: "")  # the reviewer's name, asked the first time
        self.deal_id = 0
        self.setAccessibleName(translate("CoachingNotesPanel", "Coaching notes"))
        self.setAccessibleDescription(
            translate(
                "CoachingNotesPanel", "Your notes for the seller, on the selected deal and on the whole plan"
            )
        )
        self.deal_title = QLabel(
            translate("CoachingNotesPanel", "Select a deal on the board to write a note on it."), self
        )
        self.deal_title.setTextFormat(Qt.TextFormat.PlainText)
        self.deal_title.setWordWrap(True)
        self.earlier = QLabel(self)
        self.earlier.setTextFormat(Qt.TextFormat.PlainText)
        self.earlier.setWordWrap(True)
        self.earlier.setAccessibleName(translate("CoachingNotesPanel", "Coaching notes already in the plan"))
        self.deal_notes = QListWidget(self)
        self.deal_notes.setAccessibleName(translate("CoachingNotesPanel", "Your notes on this deal"))
        self.deal_notes.setWordWrap(True)
        self.deal_editor = QPlainTextEdit(self)
        self.deal_editor.setAccessibleName(translate("CoachingNotesPanel", "New note on this deal"))
        self.deal_editor.setPlaceholderText(translate("CoachingNotesPanel", "A coaching note on this deal…"))
        self.deal_editor.setTabChangesFocus(True)  # Tab leaves the editor: keyboard users are not trapped
        self.deal_editor.setMaximumHeight(110)
        # Two lines at least: with the coaching item and verdict rows, the panel still fits 720 pixels.
        self.deal_editor.setMinimumHeight(EDITOR_MIN_HEIGHT)
        self.deal_item = ItemChoice(translate("CoachingNotesPanel", "Coaching item on this deal"), self)
        self.add_deal_note = QPushButton(translate("CoachingNotesPanel", "Add note on this &deal"), self)
        self.add_deal_note.clicked.connect(self._on_add_deal_note_clicked)
        self.plan_notes = QListWidget(self)
        self.plan_notes.setAccessibleName(translate("CoachingNotesPanel", "Your notes on the whole plan"))
        self.plan_notes.setWordWrap(True)
        self.plan_editor = QPlainTextEdit(self)
        self.plan_editor.setAccessibleName(translate("CoachingNotesPanel", "New note on the whole plan"))
        self.plan_editor.setPlaceholderText(
            translate("CoachingNotesPanel", "A note on the whole plan: the funnel, the quarter, priorities…")
        )
        self.plan_editor.setTabChangesFocus(True)
        self.plan_editor.setMaximumHeight(110)
        self.plan_editor.setMinimumHeight(EDITOR_MIN_HEIGHT)
        self.plan_item = ItemChoice(translate("CoachingNotesPanel", "Coaching item on the whole plan"), self)
        self.add_plan_note = QPushButton(translate("CoachingNotesPanel", "Add note on the whole &plan"), self)
        self.add_plan_note.clicked.connect(self._on_add_plan_note_clicked)
        self.remove_button = QPushButton(translate("CoachingNotesPanel", "&Remove selected note"), self)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        # The verdict on a committed deal: agree, or challenge with a reason.
        self.verdict_label = QLabel(self)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setAccessibleName(translate("CoachingNotesPanel", "Your verdict on this deal"))
        self.verdict_choice = QComboBox(self)
        self.verdict_choice.setAccessibleName(translate("CoachingNotesPanel", "Verdict"))
        self.verdict_choice.addItem(translate("CoachingNotesPanel", "Agree"), "agree")
        self.verdict_choice.addItem(translate("CoachingNotesPanel", "Challenge"), "challenge")
        self.verdict_choice.setToolTip(
            translate(
                "CoachingNotesPanel",
                "Your word on a deal the seller committed to this quarter: agree, or challenge it with a"
                " reason. The seller sees it on the card and in the deal's details.",
            )
        )
        self.verdict_reason = QLineEdit(self)
        self.verdict_reason.setAccessibleName(translate("CoachingNotesPanel", "Reason for the verdict"))
        self.verdict_reason.setPlaceholderText(translate("CoachingNotesPanel", "Why (needed to challenge)"))
        self.verdict_reason.setMaxLength(MAX_TEXT)
        self.give_verdict = QPushButton(translate("CoachingNotesPanel", "Give &verdict"), self)
        self.give_verdict.clicked.connect(self._on_give_verdict_clicked)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict_choice)
        verdict_row.addWidget(self.verdict_reason, 1)
        verdict_row.addWidget(self.give_verdict)
        layout = QVBoxLayout(self)
        heading = QLabel(self)
        heading.setText(plain.rich("<b>{text}</b>", text=translate("CoachingNotesPanel", "On this deal")))
        layout.addWidget(heading)
        layout.addWidget(self.deal_title)
        layout.addWidget(self.earlier)
        layout.addWidget(self.deal_notes, 1)
        layout.addWidget(self.deal_editor)
        layout.addWidget(self.deal_item)
        layout.addWidget(self.add_deal_note)
        layout.addWidget(self.verdict_label)
        layout.addLayout(verdict_row)
        whole = QLabel(self)
        whole.setText(plain.rich("<b>{text}</b>", text=translate("CoachingNotesPanel", "On the whole plan")))
        layout.addWidget(whole)
        layout.addWidget(self.plan_notes, 1)
        layout.addWidget(self.plan_editor)
        layout.addWidget(self.plan_item)
        layout.addWidget(self.add_plan_note)
        layout.addWidget(self.remove_button)
        self.show_deal(0)

    def sizeHint(self) -> QSize:
        # Two lists and two editors would ask for 800 pixels, more than a laptop screen has:
        # the lists take the height the window has, down to a few notes each.
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), PREFERRED_HEIGHT))

    def show_deal(self, deal_id: int) -> None:
        """Show the notes of a deal of the bundle (0: none selected)."""
        deal = self.bundle.deals.get(deal_id)
        self.deal_id = deal.id if deal else 0
        self.deal_editor.setEnabled(deal is not None)
        self.deal_item.setEnabled(deal is not None)
        self.add_deal_note.setEnabled(deal is not None)
        self._show_verdict()
        if deal is None:
            self.deal_title.setText(
                translate("CoachingNotesPanel", "Select a deal on the board to write a note on it.")
            )
            self.earlier.setText("")
        else:
            self.deal_title.setText(deal.name)
            earlier = [
                translate("CoachingNotesPanel", "{date}: {note}").format(date=_day(n.created), note=n.body)
                for n in activity_repo.list_notes(self.bundle.plan, deal.id)
                if n.author == "manager"
            ]
            self.earlier.setText(
                translate("CoachingNotesPanel", "Earlier coaching notes:\n{notes}").format(
                    notes="\n".join(earlier)
                )
                if earlier
                else ""
            )
        self._fill()

    def _fill(self) -> None:
        self.deal_notes.clear()
        self.plan_notes.clear()
        for note in self.notes:
            item = QListWidgetItem(note_text(note))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            if note.deal_id is None:
                self.plan_notes.addItem(item)
            elif note.deal_id == self.deal_id:
                self.deal_notes.addItem(item)

    def committed(self, deal_id: int) -> bool:
        """Whether the seller committed the deal (its forecast category is Commit)."""
        deal = opportunity_repo.get_opportunity(self.bundle.plan, deal_id) if deal_id else None
        return deal is not None and deal.forecast_category is ForecastCategory.COMMIT

    def _show_verdict(self) -> None:
        committed = self.committed(self.deal_id)
        for widget in (self.verdict_choice, self.verdict_reason, self.give_verdict):
            widget.setEnabled(committed)
        verdict = self.verdicts.get(self.deal_id)
        if not committed:
            text = translate("CoachingNotesPanel", "A verdict is given on a deal the seller committed to.")
        elif verdict is None:
            text = translate("CoachingNotesPanel", "No verdict on this committed deal yet.")
        elif verdict.verdict == "challenge":
            text = translate("CoachingNotesPanel", "Your verdict: challenged ({reason})").format(
                reason=verdict.reason
            )
        else:
            text = translate("CoachingNotesPanel", "Your verdict: agreed")
            if verdict.reason:
                text += f" ({verdict.reason})"
        self.verdict_label.setText(text)

    def set_verdict(self, deal_id: int, verdict: str, reason: str) -> ReviewVerdict | None:
        """Agree with or challenge a committed deal (a challenge needs a reason); replaces an earlier one."""
        deal = self.bundle.deals.get(deal_id)
        if deal is None or not self.committed(deal_id):
            return None
        if verdict == "challenge" and not reason.strip():
            plain.warning(
                self,
                translate("CoachingNotesPanel", "Say why"),
                translate("CoachingNotesPanel", "A challenge needs a reason the seller can act on."),
            )
            return None
        self.reviewer()  # asked once, the first time a review note or verdict is given
        given = new_verdict(verdict, reason.strip(), deal)
        self.verdicts[deal_id] = given
        self._show_verdict()
        self.notes_changed.emit()
        return given

    def add_note(
        self, deal_id: int | None, body: str, item: str = "", due: dt.date | None = None
    ) -> ReviewNote | None:
        """Add a note on a deal (or, with None, on the plan), a coaching item when `item` says so;
        None when the text is empty or too long."""
        if not body.strip():
            return None
        if len(body.strip()) > MAX_NOTE:  # the seller's planner refuses a longer one
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("CoachingNotesPanel", "The note is too long"),
                translate(
                    "CoachingNotesPanel", "A note has at most {limit} characters; this one has {length}."
                ).format(limit=fmt.number(MAX_NOTE), length=fmt.number(len(body.strip()))),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return None
        deal = self.bundle.deals.get(deal_id) if deal_id is not None else None
        if deal_id is not None and deal is None:
            return None
        self.reviewer()  # asked once, the first time a review note is written
        note = new_note(body.strip(), deal, item=item, due=due if item else None)
        self.notes.append(note)
        self._fill()
        self.notes_changed.emit()
        return note

    def remove_note(self, note_id: str) -> None:
        """Remove one of this review's notes."""
        self.notes = [n for n in self.notes if n.id != note_id]
        self._fill()
        self.notes_changed.emit()

    def _add_from(self, deal_id: int | None, editor: QPlainTextEdit, choice: ItemChoice) -> None:
        item = choice.item()
        due = None
        if item:
            if not choice.due.check():
                return
            due = choice.due.value()
            if item == "action" and due is None:
                plain.warning(
                    self,
                    translate("CoachingNotesPanel", "When is it due?"),
                    translate("CoachingNotesPanel", "An action for the seller needs a due date."),
                )
                return
        if self.add_note(deal_id, editor.toPlainText(), item, due):
            editor.clear()
            choice.reset()

    @Slot()
    def _on_add_deal_note_clicked(self) -> None:
        self._add_from(self.deal_id, self.deal_editor, self.deal_item)

    @Slot()
    def _on_add_plan_note_clicked(self) -> None:
        self._add_from(None, self.plan_editor, self.plan_item)

    @Slot()
    def _on_give_verdict_clicked(self) -> None:
        if self.set_verdict(self.deal_id, str(self.verdict_choice.currentData()), self.verdict_reason.text()):
            self.verdict_reason.clear()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        for view in (self.deal_notes, self.plan_notes):
            item = view.currentItem()
            if item is not None and item.isSelected():
                self.remove_note(str(item.data(Qt.ItemDataRole.UserRole)))
                return


def run_open_for_review(parent: QWidget | None) -> QMainWindow | None:
    """File → Open for review…: choose a bundle (or several: a team) and open it, or explain why not."""
    paths = open_files(
        parent,
        FolderKind.REVIEWS,
        translate("ReviewWindow", "Open plan bundles for review (several: a team)"),
        translate("ReviewWindow", "Plan bundles (*.json);;All files (*)"),
    )
    if not paths:
        return None
    if len(paths) > 1:
        from ui.team_window import open_team

        return open_team(paths, parent)
    try:
        from ui.windows import open_review_window  # the module that builds windows

        return open_review_window(paths[0], parent)
    except ReviewError as exc:
        # The reason quotes the bundle's bad value as written: shown as text, never as markup.
        plain.warning(parent, translate("ReviewWindow", "Cannot open for review"), str(exc))
        return None


def run_open_folder_for_review(parent: QWidget | None) -> QMainWindow | None:
    """File → Open a team's folder for review…: every bundle in a folder, as a team."""
    folder = choose_folder(
        parent, FolderKind.REVIEWS, translate("ReviewWindow", "Open a team's folder for review")
    )
    if folder is None:
        return None
    from ui.team_window import open_team

    return open_team([folder], parent)


def run_import_review_notes(parent: QWidget | None, plan: PlanDB) -> Change | None:
    """File → Import review notes…: add the manager's notes to their deals; the change, or None."""
    path = open_file(
        parent,
        FolderKind.REVIEWS,
        translate("ReviewWindow", "Import review notes"),
        translate("ReviewWindow", "Review notes (*.json);;All files (*)"),
    )
    if path is None:
        return None
    try:
        result = import_review_notes(plan, read_review_notes(path))
    except ReviewError as exc:
        plain.warning(parent, translate("ReviewWindow", "The review notes were not imported"), str(exc))
        return None
    except PlanError as exc:  # the plan is read-only, or was moved
        plain.warning(parent, translate("ReviewWindow", "The review notes were not imported"), str(exc))
        return None
    # The summary quotes deal names from the notes file.
    plain.information(parent, translate("ReviewWindow", "Review notes imported"), result.summary())
    return result.change


def run_review_gui(path: Path) -> int:
    """`planner review FILE.json`: the review window until closed (1, and a message, if it cannot open)."""
    from ui.app import application, display_problem  # ui.app imports this lazily too

    problem = display_problem()
    if problem:
        print(f"planner: {problem}", file=sys.stderr)
        return 1
    from ui.windows import open_review_window, quit_after_start  # the module that builds windows

    app = application()  # the seller's language, icon and theme, as in the planner's window
    try:
        window = open_review_window(Path(path))
    except ReviewError as exc:
        print(f"planner: {_in_english(path, exc)}", file=sys.stderr)
        return 1
    window.setObjectName("review-window")  # this reference keeps it alive until the loop ends
    quit_after_start(app, window)
    return app.exec()


def _in_english(path: Path, error: ReviewError) -> str:
    """`error` (in the window's language) as stderr says it, in English: the file read again."""
    with i18n.english():
        try:
            load_bundle(Path(path)).plan.close()
        except ReviewError as exc:
            return str(exc)
    return str(error)
