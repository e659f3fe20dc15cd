"""Review mode: a plan bundle in the planner's own window, read-only, with the manager's notes editor."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
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
    import_review_notes,
    load_bundle,
    new_note,
    read_review_notes,
)
from planner.limits import MAX_NOTE
from planner.operations import Change
from planner.storage import activities as activity_repo
from planner.storage.db import PlanDB, PlanError
from ui import format as fmt
from ui import plain
from ui.file_dialogs import FolderKind, choose_folder, open_file, open_files

translate = QCoreApplication.translate

# The notes panel's preferred height: what a 720-pixel screen leaves a dock.
PREFERRED_HEIGHT = 540

# Where the issue is silent, decided here: the manager's notes live in the window until saved
# (the bundle's plan is never written, not even in memory); closing with unsaved notes asks.


def _day(stamp: str) -> str:
    """An ISO timestamp's day as the window writes dates; the text itself if it is none."""
    try:
        return fmt.date(dt.date.fromisoformat(stamp[:10]))
    except ValueError:
        return stamp[:10]


class CoachingNotesPanel(QWidget):
    """The manager's notes: on the deal selected on the board, and on the whole plan."""

    notes_changed = Signal()

    def __init__(self, bundle: Bundle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle = bundle
        self.notes: list[ReviewNote] = []
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
        self.add_plan_note = QPushButton(translate("CoachingNotesPanel", "Add note on the whole &plan"), self)
        self.add_plan_note.clicked.connect(self._on_add_plan_note_clicked)
        self.remove_button = QPushButton(translate("CoachingNotesPanel", "&Remove selected note"), self)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        layout = QVBoxLayout(self)
        heading = QLabel(self)
        heading.setText(plain.rich("<b>{text}</b>", text=translate("CoachingNotesPanel", "On this deal")))
        layout.addWidget(heading)
        layout.addWidget(self.deal_title)
        layout.addWidget(self.earlier)
        layout.addWidget(self.deal_notes, 1)
        layout.addWidget(self.deal_editor)
        layout.addWidget(self.add_deal_note)
        whole = QLabel(self)
        whole.setText(plain.rich("<b>{text}</b>", text=translate("CoachingNotesPanel", "On the whole plan")))
        layout.addWidget(whole)
        layout.addWidget(self.plan_notes, 1)
        layout.addWidget(self.plan_editor)
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
        self.add_deal_note.setEnabled(deal is not None)
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
            item = QListWidgetItem(note.body)
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            if note.deal_id is None:
                self.plan_notes.addItem(item)
            elif note.deal_id == self.deal_id:
                self.deal_notes.addItem(item)

    def add_note(self, deal_id: int | None, body: str) -> ReviewNote | None:
        """Add a note on a deal (or, with None, on the plan); None when the text is empty or too long."""
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
        note = new_note(body.strip(), deal)
        self.notes.append(note)
        self._fill()
        self.notes_changed.emit()
        return note

    def remove_note(self, note_id: str) -> None:
        """Remove one of this review's notes."""
        self.notes = [n for n in self.notes if n.id != note_id]
        self._fill()
        self.notes_changed.emit()

    @Slot()
    def _on_add_deal_note_clicked(self) -> None:
        if self.add_note(self.deal_id, self.deal_editor.toPlainText()):
            self.deal_editor.clear()

    @Slot()
    def _on_add_plan_note_clicked(self) -> None:
        if self.add_note(None, self.plan_editor.toPlainText()):
            self.plan_editor.clear()

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
