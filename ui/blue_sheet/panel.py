"""The Blue Sheet dock: a deal's objective, position, influences and map, flags, competition, plan, notes
and calls."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsScene,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner import evidence, green_sheet, red_flags
from planner import operations as ops
from planner import sheet_operations as sheet_ops
from planner.evidence import StageChecklist
from planner.exchange.pack import PackError
from planner.i18n import QT_TRANSLATE_NOOP, plural
from planner.model import (
    Action,
    ActionStatus,
    BuyingInfluence,
    CallPlan,
    Commitment,
    CompetitionKind,
    Competitor,
    ManualFlag,
    Note,
    Opportunity,
    Person,
    Role,
    Stage,
)
from planner.operations import Change
from planner.red_flags import Flag, SsoTest
from planner.sheet import load_sheet as read_sheet
from planner.sheet_operations import NewPerson, Objective
from planner.storage import people as people_repo
from planner.storage.db import PlanDB
from ui import format as fmt
from ui.blue_sheet import colours, labels
from ui.blue_sheet.calls import CallSection, call_title
from ui.blue_sheet.commitments import CommitmentSection
from ui.blue_sheet.dialogs import AddInfluenceDialog, PersonDialog
from ui.blue_sheet.green_sheet import CallPlanDialog, DebriefDialog, DebriefInput
from ui.blue_sheet.influence_map import (
    InfluenceNode,
    build_map_scene,
    influence_nodes,
    render_scene_png,
    render_scene_svg,
)
from ui.blue_sheet.models import InfluenceTableModel
from ui.blue_sheet.section_bar import SectionBar
from ui.blue_sheet.sections import (
    ActionSection,
    CompetitionSection,
    FlagSection,
    InfluenceSection,
    NoteSection,
    ObjectiveSection,
    plain_label,
)
from ui.commands import InfluenceWithPersonCommand, PersonEditCommand, run_opportunity_operation
from ui.file_dialogs import FolderKind, save_file
from ui.session import EditSession

if TYPE_CHECKING:
    from ui.dialogs.commitment_dialog import CommitmentDraft

translate = QCoreApplication.translate

# The objective's fields inside a sentence ("Set amount of …"), by Objective field name.
_OBJECTIVE_FIELDS = {
    "product": QT_TRANSLATE_NOOP("BlueSheetFields", "product"),
    "quantity": QT_TRANSLATE_NOOP("BlueSheetFields", "quantity"),
    "amount": QT_TRANSLATE_NOOP("BlueSheetFields", "amount"),
    "currency": QT_TRANSLATE_NOOP("BlueSheetFields", "currency"),
    "close_date": QT_TRANSLATE_NOOP("BlueSheetFields", "close date"),
}


# The panel's preferred height: what a 720-pixel screen leaves a dock under the menus and toolbar.
PREFERRED_HEIGHT = 540

# The SSO's fourth test, "Tied to a date" (red_flags.sso_tests keeps docs/method.md's order).
_DATE_TEST = 3


def _and(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' in the window's language."""
    if len(words) <= 1:
        return "".join(words)
    return translate("BlueSheetPanel", "{items} and {last}").format(
        items=", ".join(words[:-1]), last=words[-1]
    )


# Deal-level flags about the people on the deal: a click on one shows the influences.
_INFLUENCE_RULES = frozenset(
    (
        red_flags.NO_ECONOMIC_BUYER,
        red_flags.SEVERAL_ECONOMIC_BUYERS,
        red_flags.NO_COACH,
        red_flags.ALL_ROLES_COVERED,
        red_flags.NOT_IN_FUNNEL_YET,
    )
)
# Deal-level flags about the deal's actions: a click on one shows the action plan.
_ACTION_RULES = frozenset((red_flags.NO_NEXT_STEP, red_flags.FLAG_WITHOUT_ACTION))


@dataclass(frozen=True, slots=True)
class SheetData:
    """Everything the panel shows of one deal, read in one go."""

    opportunity: Opportunity
    account: str
    stage: Stage | None
    influences: list[BuyingInfluence]
    people: dict[int, Person]  # the account's people, and anyone an influence names
    competitors: list[Competitor]
    actions: list[Action]
    manual_flags: list[ManualFlag]
    notes: list[Note]
    flags: list[Flag]
    tests: list[SsoTest]
    calls: list[CallPlan]
    commitments: list[Commitment] = field(default_factory=list)  # the latest first
    checklists: list[StageChecklist] = field(default_factory=list)  # its stage and those before it
    stage_names: dict[int, str] = field(default_factory=dict)  # every stage, retired ones too

    def name(self, person_id: int | None) -> str:
        if person_id is None:
            return translate("BlueSheetPanel", "nobody")
        person = self.people.get(person_id)
        if person is not None:
            return person.name
        return translate("BlueSheetPanel", "Person #{id}").format(id=person_id)


def load_sheet(plan: PlanDB, opportunity_id: int, today: dt.date) -> SheetData | None:
    """A deal's Blue Sheet with its red flags and strengths from the rule engine (None: no such deal)."""
    sheet = read_sheet(plan, opportunity_id, today)
    if sheet is None:
        return None
    return SheetData(
        sheet.opportunity,
        sheet.account_name,
        sheet.stage,
        list(sheet.influences),
        dict(sheet.people),
        list(sheet.competitors),
        list(sheet.actions),
        list(sheet.manual_flags),
        list(sheet.notes),
        list(sheet.flags),
        red_flags.sso_tests(sheet.opportunity, sheet.account_name),
        list(sheet.call_plans),
        list(sheet.commitments),
        evidence.stage_checklists(sheet.opportunity.stage_id, sheet.stages, sheet.commitments),
        {s.id: s.name for s in sheet.stages},
    )


def _field(name: str, value: object) -> dict[str, Any]:
    """One field for dataclasses.replace: the models already converted the value to the field's type."""
    return {name: value}


class BlueSheetPanel(QWidget):
    """The digital Blue Sheet of the selected deal, for a dock; every edit is an undoable command.

    Edits go through the plan's edit session; the panel follows the session's `changed` itself
    (refreshing when its deal changed) and goes read-only with it.
    """

    # After a click on a flag: the kind ("opportunity", "influence", "manual_flag") and id it selected.
    record_selected = Signal(str, int)
    # A value typed into a table that was not written, and why (the window shows it in its status bar).
    edit_refused = Signal(str)
    # A debrief's commitment lets the deal leave its stage: the deal and the stage to move it to
    # (the window moves it as any other move: DealActions.request_move).
    move_requested = Signal(int, int)

    TABS = (
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Objective"),
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Influences"),
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Flags"),
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Competition"),
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Actions"),
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Notes"),
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Commitments"),
        QT_TRANSLATE_NOOP("BlueSheetPanel", "Calls"),
    )

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan = session.plan
        # EditSession.push: runs the factory, pushes its command, reports a failure under the title.
        self._push = session.push
        self._apply_change = session.applier(self)
        self._today = session.clock.today
        self.opportunity_id = 0
        self.data: SheetData | None = None
        self._shown_day: dt.date | None = None  # the day self.data was read for
        self.scene: QGraphicsScene | None = None
        self._editable = True
        self._syncing = False  # the table and the map selecting each other
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.setAccessibleName(translate("BlueSheetPanel", "Blue Sheet"))

        self.placeholder = plain_label(
            self, translate("BlueSheetPanel", "Select a deal on the board to see its Blue Sheet.")
        )
        self.title = plain_label(self)
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.title.setAccessibleName(translate("BlueSheetPanel", "Deal"))
        self.summary = plain_label(self)
        self.summary.setAccessibleName(translate("BlueSheetPanel", "Summary"))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.objective = ObjectiveSection(self)
        self.influence = InfluenceSection(self)
        self.flag_section = FlagSection(self)
        self.competition = CompetitionSection(self)
        self.action_section = ActionSection(self)
        self.note_section = NoteSection(self)
        self.commitment_section = CommitmentSection(self)
        self.call_section = CallSection(self)
        for section, name in zip(
            (
                self.objective,
                self.influence,
                self.flag_section,
                self.competition,
                self.action_section,
                self.note_section,
                self.commitment_section,
                self.call_section,
            ),
            self.TABS,
            strict=True,
        ):
            self.tabs.addTab(section, translate("BlueSheetPanel", name))
        self.sections = SectionBar(self.tabs, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.sections)
        layout.addWidget(self.tabs, 1)
        self.setMinimumWidth(360)
        session.changed.connect(self._on_session_changed)
        session.reloaded.connect(self.refresh)
        session.read_only_set.connect(self._on_session_read_only_set)
        if session.read_only_reason is not None:
            self.set_editable(False)

        self.objective.objective_submitted.connect(self._on_objective_objective_submitted)
        self.objective.position_chosen.connect(self._on_objective_position_chosen)
        self.influence.model.edit_handler = self._write_influence_cell
        self.influence.add_requested.connect(self._on_influence_add_requested)
        self.influence.remove_requested.connect(self._on_influence_remove_requested)
        self.influence.edit_person_requested.connect(self._on_influence_edit_person_requested)
        self.influence.export_requested.connect(self._on_influence_export_requested)
        self.influence.table.selectionModel().currentRowChanged.connect(self._on_influence_row_changed)
        for table in (self.influence.table, self.competition.table, self.action_section.table):
            table.edit_refused.connect(self.edit_refused)
        self.action_section.add_refused.connect(self.edit_refused)
        self.flag_section.flag_clicked.connect(self._on_flag_section_flag_clicked)
        self.flag_section.manual_add_requested.connect(self._on_flag_section_manual_add_requested)
        self.flag_section.manual_remove_requested.connect(self._on_flag_section_manual_remove_requested)
        self.competition.model.edit_handler = self._write_competitor_cell
        self.competition.add_requested.connect(self._on_competition_add_requested)
        self.competition.remove_requested.connect(self._on_competition_remove_requested)
        self.action_section.model.edit_handler = self._write_action_cell
        self.action_section.add_requested.connect(self._on_action_section_add_requested)
        self.action_section.remove_requested.connect(self._on_action_section_remove_requested)
        self.action_section.plan_requested.connect(self._on_action_section_plan_requested)
        self.note_section.add_requested.connect(self._on_note_section_add_requested)
        self.note_section.save_requested.connect(self._on_note_section_save_requested)
        self.note_section.remove_requested.connect(self._on_note_section_remove_requested)
        self.note_section.hide_requested.connect(self._on_note_section_hide_requested)
        self.commitment_section.record_requested.connect(self._on_commitment_section_record_requested)
        self.commitment_section.remove_requested.connect(self._on_commitment_section_remove_requested)
        self.call_section.new_requested.connect(self._on_call_section_new_requested)
        self.call_section.open_requested.connect(self._on_call_section_open_requested)
        self.call_section.debrief_requested.connect(self._on_call_section_debrief_requested)
        self.call_section.print_requested.connect(self._on_call_section_print_requested)
        self.call_section.delete_requested.connect(self._on_call_section_delete_requested)
        self.show_opportunity(0)

    def sizeHint(self) -> QSize:
        # The busiest section would ask for more height than a laptop screen has (the window's
        # own size hint past 768 pixels); its tables and lists take the height the dock has.
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), PREFERRED_HEIGHT))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            # The theme changed: the checklist's and the hints' colours follow it (AA in both).
            colours.restyle(self)

    # Showing a deal ----------------------------------------------------------------------------
    @Slot(object, object)
    def _on_session_changed(self, change: Change, _initiator: object) -> None:
        shown = self.opportunity_id
        if shown and (shown in change.opportunities or shown in change.removed_opportunities):
            self.refresh(whole=False)

    @Slot(str)
    def _on_session_read_only_set(self, _reason: str) -> None:
        self.set_editable(False)

    def show_opportunity(self, opportunity_id: int) -> None:
        """Show a deal's Blue Sheet (0, or a deal that no longer exists, clears the panel)."""
        if opportunity_id != self.opportunity_id:
            self.influence.table.setCurrentIndex(QModelIndex())
        self.opportunity_id = opportunity_id
        self.refresh()

    def refresh(self, *, whole: bool = True) -> None:
        """Read the shown deal again and re-run the rules (after any edit, undo or redo touching it).

        Not `whole`: sections whose records read the same as before keep what they show (a
        change the session reported; a refused edit reloads the whole sheet, so that whatever
        the seller typed goes back to what the plan holds)."""
        today = self._today()
        data = load_sheet(self.plan, self.opportunity_id, today) if self.opportunity_id else None
        # The same deal on the same day: sections whose records are as they were keep their
        # rows, their selection and their map (a move or a typed value changes a few of them;
        # reloading all of them made each move repaint the whole dock).
        before = self.data if not whole and self._shown_day == today else None
        if before is not None and (data is None or before.opportunity.id != data.opportunity.id):
            before = None
        self.data = data
        self._shown_day = today
        shown = data is not None
        self.opportunity_id = data.opportunity.id if data else 0
        self.placeholder.setVisible(not shown)
        for widget in (self.title, self.summary, self.sections, self.tabs):
            widget.setVisible(shown)
        if data is None:
            self._clear()
            return
        o = data.opportunity
        red = red_flags.red_flag_count(data.flags)
        strengths = len(data.flags) - red
        self.title.setText(o.title)
        parts = [data.account or translate("BlueSheetPanel", "No account")]
        if data.stage is not None:
            parts.append(data.stage.name)
        parts.append(
            plural(
                red, translate("BlueSheetPanel", "{n} red flag"), translate("BlueSheetPanel", "{n} red flags")
            ).format(n=red)
        )
        parts.append(
            plural(
                strengths,
                translate("BlueSheetPanel", "{n} strength"),
                translate("BlueSheetPanel", "{n} strengths"),
            ).format(n=strengths)
        )
        self.summary.setText(" · ".join(parts))
        self.tabs.setTabText(
            1, translate("BlueSheetPanel", "Influences ({n})").format(n=len(data.influences))
        )
        self.tabs.setTabText(2, translate("BlueSheetPanel", "Flags ({n})").format(n=red))
        self.tabs.setTabText(4, translate("BlueSheetPanel", "Actions ({n})").format(n=len(data.actions)))
        self.tabs.setTabText(
            self.tabs.indexOf(self.commitment_section),
            translate("BlueSheetPanel", "Commitments ({n})").format(n=len(data.commitments)),
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.call_section),
            translate("BlueSheetPanel", "Calls ({n})").format(n=len(data.calls)),
        )
        self.sections.sync()

        def same(*parts: str) -> bool:
            return before is not None and all(getattr(before, p) == getattr(data, p) for p in parts)

        if not same("opportunity", "tests"):
            self.objective.load(o, data.tests)
        if not same("influences", "people"):
            self._load_influences(data)
        if not same("flags", "influences", "people"):
            names = {pid: p.name for pid, p in data.people.items()}
            self.flag_section.load(data.flags, data.influences, names)
        if not same("competitors"):
            self.competition.model.set_competitors(data.competitors)
        if not same("actions", "flags", "opportunity"):
            self.action_section.load(data.actions, data.flags, today, o.next_step)
        if not same("notes"):
            self.note_section.load(data.notes)
        if not same("checklists", "commitments", "stage_names"):
            self.commitment_section.load(data.checklists, data.commitments, data.stage_names)
        if not same("calls"):
            self.call_section.load(data.calls, today)
        self._apply_editable()

    def _clear(self) -> None:
        self.influence.model.set_influences([], {})
        self.flag_section.model.set_flags([])
        self.competition.model.set_competitors([])
        self.action_section.model.set_actions([], [], self._today())
        self.note_section.model.set_notes([])
        self.commitment_section.load([], [], {})
        self.call_section.load([], self._today())
        self._set_scene(build_map_scene([], {}))

    def _load_influences(self, data: SheetData) -> None:
        table = self.influence.table
        current = table.current_record()
        column = max(table.currentIndex().column(), 0)
        self._syncing = True
        try:
            self.influence.model.set_influences(data.influences, data.people)
            if current and table.current_record() != current:
                table.select_record(current, column)
        finally:
            self._syncing = False
        self._set_scene(build_map_scene(data.influences, data.people))

    def _set_scene(self, scene: QGraphicsScene) -> None:
        view = self.influence.map
        old = self.scene
        if old is not None:
            old.selectionChanged.disconnect(self._on_scene_selection_changed)
        scene.setParent(self)  # lives with the panel; the previous one is deleted below
        self.scene = scene
        view.setScene(scene)
        scene.selectionChanged.connect(self._on_scene_selection_changed)
        if old is not None:
            old.deleteLater()
        view.fit()
        self._select_node(self.influence.table.current_record())

    def set_editable(self, editable: bool) -> None:
        """Offer edits or not (a read-only plan shows its Blue Sheets without editors)."""
        self._editable = editable
        self._apply_editable()

    def _apply_editable(self) -> None:
        editable = self._editable
        has_account = self.data is not None and self.data.opportunity.account_id is not None
        self.objective.set_editable(editable)
        self.influence.set_editable(editable, has_account)
        self.flag_section.set_editable(editable)
        self.competition.set_editable(editable)
        self.action_section.set_editable(editable)
        self.note_section.set_editable(editable)
        self.commitment_section.set_editable(editable)
        self.call_section.set_editable(editable)

    # Selection: table <-> map; flags -> their record ------------------------------------------
    def select_influence(self, influence_id: int) -> bool:
        """Make an influence's row current (the map follows)."""
        return self.influence.table.select_record(influence_id)

    def _select_node(self, influence_id: int) -> None:
        if self.scene is None:
            return
        self._syncing = True
        try:
            for node in influence_nodes(self.scene):
                node.setSelected(bool(influence_id) and node.influence_id == influence_id)
        finally:
            self._syncing = False

    @Slot(QModelIndex, QModelIndex)
    def _on_influence_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        bi = self.influence.model.influence(current.row()) if current.isValid() else None
        self._select_node(bi.id if bi else 0)

    @Slot()
    def _on_scene_selection_changed(self) -> None:
        # A scene destroyed with a box selected says so from its destructor, when its Python
        # wrapper is already gone (the panel closing): nothing to follow then.
        if self._syncing or self.scene is None or not shiboken6.isValid(self.scene):
            return
        chosen = [i for i in self.scene.selectedItems() if isinstance(i, InfluenceNode) and i.influence_id]
        if chosen:
            self._syncing = True
            try:
                self.influence.table.select_record(chosen[0].influence_id)
            finally:
                self._syncing = False

    def select_record(self, flag: Flag) -> None:
        """Go to what a flag is about: the influence's row, the objective's field, or the flag itself."""
        data = self.data
        if data is None:
            return
        kind, record = flag.ref
        if kind == "influence":
            self.tabs.setCurrentWidget(self.influence)
            self.select_influence(record)
            self.influence.table.setFocus()
        elif kind == "manual_flag":
            self.tabs.setCurrentWidget(self.flag_section)
            manual = next((m for m in data.manual_flags if m.id == record), None)
            if manual is not None and manual.influence_id:
                self.select_influence(manual.influence_id)
        elif flag.rule in _INFLUENCE_RULES:
            self.tabs.setCurrentWidget(self.influence)
            economic = [bi for bi in data.influences if bi.role is Role.ECONOMIC]
            if flag.rule == red_flags.SEVERAL_ECONOMIC_BUYERS and economic:
                self.select_influence(economic[0].id)
            self.influence.table.setFocus()
        elif flag.rule in _ACTION_RULES:
            self.tabs.setCurrentWidget(self.action_section)
            self.action_section.what.setFocus()
        else:
            self.tabs.setCurrentWidget(self.objective)
            field = self.objective.product
            if flag.rule in (red_flags.SLIPPING, red_flags.OVERDUE, red_flags.BEST_FEW_UNCONFIRMED):
                field = self.objective.close_date
            elif flag.rule == red_flags.OBJECTIVE_INCOMPLETE:
                # The first failed test, by its place (its name may be translated).
                failed = [i for i, t in enumerate(data.tests) if not t.passed]
                if failed and failed[0] == _DATE_TEST:
                    field = self.objective.close_date
            field.setFocus()
        self.record_selected.emit(kind, record)

    @Slot(object)
    def _on_flag_section_flag_clicked(self, flag: Flag) -> None:
        self.select_record(flag)

    # Running edits -------------------------------------------------------------------------------
    def _run(self, text: str, operation: Callable[[], Change], failure: str) -> bool:
        """Run a per-deal operation as an undoable command (the whole deal swaps on undo/redo)."""
        deal = self.opportunity_id
        if not deal:
            return False

        def operation_with_id() -> tuple[Change, int]:
            return operation(), deal

        return self._push(
            lambda: run_opportunity_operation(text, self.plan, deal, operation_with_id, self._apply_change),
            failure,
        )

    def _create(self, text: str, operation: Callable[[], tuple[Change, int]], failure: str) -> int:
        """Like `_run`, for an operation that adds a record: its id, or 0 when nothing was written."""
        created: list[int] = []

        def run() -> Change:
            change, new_id = operation()
            created.append(new_id)
            return change

        return created[0] if self._run(text, run, failure) and created else 0

    def _quoted(self) -> str:
        if self.data is None:
            return translate("BlueSheetPanel", "the deal")
        return translate("BlueSheetPanel", "“{title}”").format(title=self.data.opportunity.title)

    # 1, 2: objective and position
    def set_objective(self, objective: Objective) -> bool:
        """Write the SSO's fields (a changed close date goes into its history)."""
        if self.data is None:
            return False
        stored = sheet_ops.objective_of(self.data.opportunity)
        changed = [
            translate("BlueSheetFields", _OBJECTIVE_FIELDS.get(f.name, f.name))
            for f in dataclasses.fields(Objective)
            if getattr(objective, f.name) != getattr(stored, f.name)
        ]
        what = _and(changed) or translate("BlueSheetFields", "objective")
        deal = self.opportunity_id
        return self._run(
            translate("BlueSheetPanel", "Set {field} of {deal}").format(field=what, deal=self._quoted()),
            lambda: sheet_ops.set_objective(self.plan, deal, objective),
            translate("BlueSheetPanel", "The objective was not saved"),
        )

    def set_position(self, position: int | None) -> bool:
        """Write the current position (None: not set)."""
        deal = self.opportunity_id
        text = translate("BlueSheetPanel", "Set current position of {deal} to {position}").format(
            deal=self._quoted(), position=labels.position(position)
        )
        return self._run(
            text,
            lambda: sheet_ops.set_position(self.plan, deal, position),
            translate("BlueSheetPanel", "The position was not saved"),
        )

    @Slot(object)
    def _on_objective_objective_submitted(self, objective: Objective) -> None:
        self.set_objective(objective)

    @Slot(object)
    def _on_objective_position_chosen(self, position: int | None) -> None:
        if not self.set_position(position):
            self.refresh()  # the slider goes back to what the plan holds

    # 3: influences and people
    def add_influence(
        self, person: int | NewPerson, role: Role = Role.UNKNOWN, details: BuyingInfluence | None = None
    ) -> int:
        """Add someone at the account, or a new person, as an influence; the influence id (0: failed)."""
        deal = self.opportunity_id
        if not deal or self.data is None:
            return 0
        fields = dataclasses.replace(details or BuyingInfluence(0, deal, 0), role=role)
        if not isinstance(person, NewPerson):
            name = self.data.name(person)
            return self._create(
                translate("BlueSheetPanel", "Add {name} to {deal}").format(name=name, deal=self._quoted()),
                lambda: sheet_ops.add_influence(self.plan, deal, person, fields),
                translate("BlueSheetPanel", "The buying influence was not added"),
            )
        created: list[int] = []
        text = translate("BlueSheetPanel", "Add {name} (new) to {deal}").format(
            name=person.name.strip(), deal=self._quoted()
        )

        def make() -> QUndoCommand:
            before = ops.snapshot_opportunity(self.plan, deal)
            change, influence_id = sheet_ops.add_influence(self.plan, deal, person, fields)
            added = sheet_ops.get_influence(self.plan, influence_id)
            assert added is not None
            after = ops.snapshot_opportunity(self.plan, deal)
            row = sheet_ops.snapshot_person(self.plan, added.person_id)
            created.append(influence_id)
            self._apply_change(change)
            return InfluenceWithPersonCommand(
                text, self.plan, deal, added.person_id, (before, after), row, self._apply_change
            )

        failure = translate("BlueSheetPanel", "The buying influence was not added")
        return created[0] if self._push(make, failure) and created else 0

    def update_influence(self, influence: BuyingInfluence, what: str = "") -> bool:
        """Write a buying influence's fields."""
        name = self.data.name(influence.person_id) if self.data else ""
        if what:
            text = translate("BlueSheetPanel", "Set {field} of {name}").format(field=what, name=name)
        else:
            text = translate("BlueSheetPanel", "Edit {name}").format(name=name)
        return self._run(
            text,
            lambda: sheet_ops.update_influence(self.plan, influence),
            translate("BlueSheetPanel", "The buying influence was not saved"),
        )

    def remove_influence(self, influence_id: int, *, ask: bool = True) -> bool:
        """Take a person off the deal (after asking, unless `ask` is False)."""
        bi = next((b for b in self.data.influences if b.id == influence_id), None) if self.data else None
        if bi is None or self.data is None:
            return False
        name = self.data.name(bi.person_id)
        if ask and not self.confirm(
            translate("BlueSheetPanel", "Remove buying influence"),
            translate(
                "BlueSheetPanel",
                "Take {name} off this deal? They stay at the account. You can undo this with Edit → Undo.",
            ).format(name=name),
        ):
            return False
        return self._run(
            translate("BlueSheetPanel", "Remove {name} from {deal}").format(name=name, deal=self._quoted()),
            lambda: sheet_ops.remove_influence(self.plan, influence_id),
            translate("BlueSheetPanel", "The buying influence was not removed"),
        )

    def update_person(self, person: Person) -> bool:
        """Rename a person or change their title; every deal they are on shows it (undoable)."""
        old = self.data.name(person.id) if self.data else person.name
        if person.name != old:
            text = translate("BlueSheetPanel", "Rename {old} to {new}").format(old=old, new=person.name)
        else:
            text = translate("BlueSheetPanel", "Edit {name}").format(name=old)

        def make() -> QUndoCommand:
            before = sheet_ops.snapshot_person(self.plan, person.id)
            change = sheet_ops.update_person(self.plan, person)
            after = sheet_ops.snapshot_person(self.plan, person.id)
            self._apply_change(change)
            return PersonEditCommand(text, self.plan, before, after, self._apply_change)

        return self._push(make, translate("BlueSheetPanel", "The person was not saved"))

    def add_influence_dialog(self) -> AddInfluenceDialog | None:
        """The dialog that picks someone at the account (not yet on the deal) or a new person."""
        if self.data is None or self.data.opportunity.account_id is None:
            return None
        taken = {bi.person_id for bi in self.data.influences}
        account_id = self.data.opportunity.account_id
        candidates = sorted(
            (p for p in self.data.people.values() if p.id not in taken and p.account_id == account_id),
            key=lambda p: p.name.casefold(),
        )
        return AddInfluenceDialog(candidates, self.data.account, self)

    @Slot()
    def _on_influence_add_requested(self) -> None:
        dialog = self.add_influence_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            person, role = dialog.choice()
            new_id = self.add_influence(person, role)
            if new_id:
                self.tabs.setCurrentWidget(self.influence)
                self.influence.table.select_record(new_id, InfluenceTableModel.ROLE)
                self.influence.table.setFocus()

    @Slot(int)
    def _on_influence_remove_requested(self, influence_id: int) -> None:
        self.remove_influence(influence_id)

    @Slot(int)
    def _on_influence_edit_person_requested(self, person_id: int) -> None:
        person = self.data.people.get(person_id) if self.data else None
        if person is None:
            return
        deals = len(people_repo.opportunities_of_person(self.plan, person_id))
        dialog = PersonDialog(person, deals, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.person() != person:
            self.update_person(dialog.person())

    def _write_influence_cell(self, influence_id: int, column: int, value: object) -> bool:
        data = self.data
        bi = next((b for b in data.influences if b.id == influence_id), None) if data else None
        if bi is None or data is None:
            return False
        model = self.influence.model
        if column in model.PERSON_COLUMNS:
            person = data.people.get(bi.person_id)
            if person is None or not isinstance(value, str):
                return False
            field = "name" if column == model.PERSON else "title"
            return self.update_person(dataclasses.replace(person, **_field(field, value)))
        field = model.field_name(column)
        return self.update_influence(
            dataclasses.replace(bi, **_field(field, value)), model.field_word(column)
        )

    # 4: the map
    def map_scene(self) -> QGraphicsScene:
        """A fresh scene of the shown deal's map, with no selection (for export)."""
        data = self.data
        return build_map_scene(data.influences if data else [], data.people if data else {})

    def render_map_png(self, path: Path | str) -> bool:
        """Write the shown deal's influence map, legend included, as a PNG."""
        return render_scene_png(self.map_scene(), path)

    def render_map_svg(self, path: Path | str) -> bool:
        """Write the shown deal's influence map, legend included, as an SVG."""
        return render_scene_svg(
            self.map_scene(),
            path,
            translate("BlueSheetPanel", "Influence map: {deal}").format(deal=self.data.opportunity.title)
            if self.data
            else translate("BlueSheetPanel", "Influence map"),
        )

    @Slot(str)
    def _on_influence_export_requested(self, kind: str) -> None:
        if self.data is None:
            return
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.data.opportunity.title)[:60]
        name = translate("BlueSheetPanel", "{deal} - influence map").format(
            deal=safe.strip() or translate("BlueSheetPanel", "deal")
        )
        if kind == "png":
            pattern = translate("BlueSheetPanel", "PNG images (*.png)")
        else:
            pattern = translate("BlueSheetPanel", "SVG drawings (*.svg)")
        chosen = save_file(
            self,
            FolderKind.EXPORTS,
            translate("BlueSheetPanel", "Export the influence map"),
            f"{name}.{kind}",
            pattern,
        )
        if chosen is None:
            return
        path = str(chosen)
        written = self.render_map_png(path) if kind == "png" else self.render_map_svg(path)
        if not written:
            QMessageBox.warning(
                self,
                translate("BlueSheetPanel", "The map was not exported"),
                translate("BlueSheetPanel", "Could not write {path}.").format(path=path),
            )

    # 5: the seller's own flags and strengths
    def add_manual_flag(self, text: str, *, is_strength: bool, influence_id: int | None = None) -> int:
        """Write down a red flag or strength of the seller's own; its id (0: failed)."""
        deal = self.opportunity_id
        if is_strength:
            undo = translate("BlueSheetPanel", "Add strength to {deal}").format(deal=self._quoted())
            failure = translate("BlueSheetPanel", "The strength was not added")
        else:
            undo = translate("BlueSheetPanel", "Add red flag to {deal}").format(deal=self._quoted())
            failure = translate("BlueSheetPanel", "The red flag was not added")
        new_id = self._create(
            undo,
            lambda: sheet_ops.add_manual_flag(
                self.plan, deal, text, is_strength=is_strength, influence_id=influence_id
            ),
            failure,
        )
        if new_id:
            self.flag_section.text.clear()
        return new_id

    def remove_manual_flag(self, flag_id: int, *, ask: bool = True) -> bool:
        """Delete one of the seller's own red flags or strengths (after asking)."""
        mine = next((m for m in self.data.manual_flags if m.id == flag_id), None) if self.data else None
        if mine is None:
            return False
        if mine.is_strength:
            title = translate("BlueSheetPanel", "Remove your strength")
        else:
            title = translate("BlueSheetPanel", "Remove your red flag")
        question = translate("BlueSheetPanel", "Remove “{text}”?").format(text=mine.text)
        if ask and not self.confirm(title, question):
            return False
        return self._run(
            translate("BlueSheetPanel", "Remove your own flag from {deal}").format(deal=self._quoted()),
            lambda: sheet_ops.remove_manual_flag(self.plan, flag_id),
            translate("BlueSheetPanel", "The flag was not removed"),
        )

    @Slot(str, bool, object)
    def _on_flag_section_manual_add_requested(self, text: str, is_strength: bool, influence: object) -> None:
        self.add_manual_flag(
            text, is_strength=is_strength, influence_id=influence if isinstance(influence, int) else None
        )

    @Slot(int)
    def _on_flag_section_manual_remove_requested(self, flag_id: int) -> None:
        self.remove_manual_flag(flag_id)

    # 6: competition
    def add_competitor(
        self, name: str, kind: CompetitionKind = CompetitionKind.VENDOR, notes: str = ""
    ) -> int:
        """Add competition to the deal; its id (0: failed)."""
        deal = self.opportunity_id
        new_id = self._create(
            translate("BlueSheetPanel", "Add competitor {name} to {deal}").format(
                name=name or labels.competition(kind), deal=self._quoted()
            ),
            lambda: sheet_ops.add_competitor(self.plan, deal, name, kind, notes),
            translate("BlueSheetPanel", "The competitor was not added"),
        )
        if new_id:
            self.competition.clear_form()
        return new_id

    def update_competitor(self, competitor: Competitor) -> bool:
        """Write a competitor's name, type and notes."""
        return self._run(
            translate("BlueSheetPanel", "Edit competitor {name}").format(
                name=competitor.name or labels.competition(competitor.kind)
            ),
            lambda: sheet_ops.update_competitor(self.plan, competitor),
            translate("BlueSheetPanel", "The competitor was not saved"),
        )

    def remove_competitor(self, competitor_id: int, *, ask: bool = True) -> bool:
        """Remove competition from the deal (after asking)."""
        found = next((c for c in self.data.competitors if c.id == competitor_id), None) if self.data else None
        if found is None:
            return False
        name = found.name or labels.competition(found.kind)
        question = translate("BlueSheetPanel", "Remove {name} from this deal's competition?").format(
            name=name
        )
        if ask and not self.confirm(translate("BlueSheetPanel", "Remove competitor"), question):
            return False
        return self._run(
            translate("BlueSheetPanel", "Remove competitor {name}").format(name=name),
            lambda: sheet_ops.remove_competitor(self.plan, competitor_id),
            translate("BlueSheetPanel", "The competitor was not removed"),
        )

    def _write_competitor_cell(self, competitor_id: int, column: int, value: object) -> bool:
        found = next((c for c in self.data.competitors if c.id == competitor_id), None) if self.data else None
        if found is None:
            return False
        field = ("name", "kind", "notes")[column]
        return self.update_competitor(dataclasses.replace(found, **_field(field, value)))

    @Slot(str, object, str)
    def _on_competition_add_requested(self, name: str, kind: object, notes: str) -> None:
        self.add_competitor(
            name, CompetitionKind(kind) if isinstance(kind, str) else CompetitionKind.VENDOR, notes
        )

    @Slot(int)
    def _on_competition_remove_requested(self, competitor_id: int) -> None:
        self.remove_competitor(competitor_id)

    # 7: actions
    def add_action(self, draft: Action) -> int:
        """Add an action (what, who, due, status, link); its id (0: failed)."""
        deal = self.opportunity_id
        today = self._today()
        new_id = self._create(
            translate("BlueSheetPanel", "Add action “{what}”").format(what=draft.what),
            lambda: sheet_ops.add_action(
                self.plan,
                deal,
                draft.what,
                today,
                who=draft.who,
                due=draft.due,
                status=draft.status,
                flag_ref=draft.flag_ref,
            ),
            translate("BlueSheetPanel", "The action was not added"),
        )
        if new_id:
            self.action_section.clear_form()
        return new_id

    def plan_crm_next_step(self, text: str) -> int:
        """Make the CRM's next step a planned action of this deal (undoable); its id (0: failed)."""
        deal = self.opportunity_id
        today = self._today()
        return self._create(
            translate("BlueSheetPanel", "Plan “{what}” as an action").format(what=text),
            lambda: sheet_ops.add_action(self.plan, deal, text, today, status=ActionStatus.PLANNED),
            translate("BlueSheetPanel", "The action was not added"),
        )

    def update_action(self, action: Action, what: str = "") -> bool:
        """Write an action; marking it done dates it today."""
        today = self._today()
        if what:
            text = translate("BlueSheetPanel", "Set {field} of action “{what}”").format(
                field=what, what=action.what
            )
        else:
            text = translate("BlueSheetPanel", "Edit action “{what}”").format(what=action.what)
        return self._run(
            text,
            lambda: sheet_ops.update_action(self.plan, action, today),
            translate("BlueSheetPanel", "The action was not saved"),
        )

    def remove_action(self, action_id: int, *, ask: bool = True) -> bool:
        """Delete an action (after asking)."""
        found = next((a for a in self.data.actions if a.id == action_id), None) if self.data else None
        if found is None:
            return False
        question = translate("BlueSheetPanel", "Delete the action “{what}”?").format(what=found.what)
        if ask and not self.confirm(translate("BlueSheetPanel", "Delete action"), question):
            return False
        return self._run(
            translate("BlueSheetPanel", "Delete action “{what}”").format(what=found.what),
            lambda: sheet_ops.remove_action(self.plan, action_id),
            translate("BlueSheetPanel", "The action was not deleted"),
        )

    def _write_action_cell(self, action_id: int, column: int, value: object) -> bool:
        found = next((a for a in self.data.actions if a.id == action_id), None) if self.data else None
        if found is None:
            return False
        field = self.action_section.model.FIELDS[column]
        what = self.action_section.model.field_word(column)
        return self.update_action(dataclasses.replace(found, **_field(field, value)), what)

    @Slot(object)
    def _on_action_section_add_requested(self, draft: Action) -> None:
        self.add_action(draft)

    @Slot(int)
    def _on_action_section_remove_requested(self, action_id: int) -> None:
        self.remove_action(action_id)

    @Slot(str)
    def _on_action_section_plan_requested(self, text: str) -> None:
        self.plan_crm_next_step(text)

    # 8: notes
    def add_note(self, body: str, *, private: bool = True) -> int:
        """Add a note (private by default); its id (0: failed)."""
        deal = self.opportunity_id
        if private:
            undo = translate("BlueSheetPanel", "Add private note to {deal}").format(deal=self._quoted())
        else:
            undo = translate("BlueSheetPanel", "Add shareable note to {deal}").format(deal=self._quoted())
        new_id = self._create(
            undo,
            lambda: sheet_ops.add_note(self.plan, deal, body, private=private),
            translate("BlueSheetPanel", "The note was not added"),
        )
        if new_id:
            row = self.note_section.model.row_of(new_id)
            self.note_section.list.setCurrentIndex(self.note_section.model.index(row, 0))
        return new_id

    def update_note(self, note: Note) -> bool:
        """Rewrite a seller's note or its privacy; coaching notes are refused."""
        return self._run(
            translate("BlueSheetPanel", "Edit note on {deal}").format(deal=self._quoted()),
            lambda: sheet_ops.update_note(self.plan, note),
            translate("BlueSheetPanel", "The note was not saved"),
        )

    def remove_note(self, note_id: int, *, ask: bool = True) -> bool:
        """Delete a seller's note (after asking)."""
        if ask and not self.confirm(
            translate("BlueSheetPanel", "Delete note"), translate("BlueSheetPanel", "Delete this note?")
        ):
            return False
        return self._run(
            translate("BlueSheetPanel", "Delete note on {deal}").format(deal=self._quoted()),
            lambda: sheet_ops.remove_note(self.plan, note_id),
            translate("BlueSheetPanel", "The note was not deleted"),
        )

    def hide_note(self, note_id: int) -> bool:
        """Hide a manager's coaching note (undoable: Undo shows it again)."""
        return self._run(
            translate("BlueSheetPanel", "Hide coaching note on {deal}").format(deal=self._quoted()),
            lambda: sheet_ops.hide_note(self.plan, note_id),
            translate("BlueSheetPanel", "The note was not hidden"),
        )

    @Slot(str, bool)
    def _on_note_section_add_requested(self, body: str, private: bool) -> None:
        self.add_note(body, private=private)

    @Slot(int, str, bool)
    def _on_note_section_save_requested(self, note_id: int, body: str, private: bool) -> None:
        found = next((n for n in self.data.notes if n.id == note_id), None) if self.data else None
        if found is not None and (found.body != body or found.private != private):
            self.update_note(dataclasses.replace(found, body=body, private=private))

    @Slot(int)
    def _on_note_section_remove_requested(self, note_id: int) -> None:
        self.remove_note(note_id)

    @Slot(int)
    def _on_note_section_hide_requested(self, note_id: int) -> None:
        self.hide_note(note_id)

    # 9: calls (Green Sheets)
    def call_plan_dialog(self, call_id: int = 0) -> CallPlanDialog | None:
        """The Green Sheet of a call (0: a new one); read-only when the plan is."""
        data = self.data
        call = next((c for c in data.calls if c.id == call_id), None) if data else None
        if data is None or (call_id and call is None):
            return None
        return CallPlanDialog(
            data.opportunity,
            data.account,
            data.influences,
            data.people,
            call,
            self._today(),
            self,
            editable=self._editable,
        )

    def debrief_dialog(self, call_id: int) -> DebriefDialog | None:
        data = self.data
        call = next((c for c in data.calls if c.id == call_id), None) if data else None
        if data is None or call is None:
            return None
        return DebriefDialog(call, data.stage, data.influences, data.people, self._today(), self)

    def plan_call(self, call: CallPlan) -> int:
        """Write a new call plan of the shown deal; its id (0: failed)."""
        deal = self.opportunity_id
        new_id = self._create(
            translate("BlueSheetPanel", "Plan call “{title}”").format(title=call_title(call)),
            lambda: green_sheet.create_call_plan(self.plan, dataclasses.replace(call, opportunity_id=deal)),
            translate("BlueSheetPanel", "The call plan was not saved"),
        )
        if new_id:
            self.call_section.select_call(new_id)
        return new_id

    def update_call(self, call: CallPlan) -> bool:
        """Write a call plan's planning fields."""
        return self._run(
            translate("BlueSheetPanel", "Edit call plan “{title}”").format(title=call_title(call)),
            lambda: green_sheet.update_call_plan(self.plan, call),
            translate("BlueSheetPanel", "The call plan was not saved"),
        )

    def debrief_call(self, call_id: int, entered: DebriefInput) -> bool:
        """Write a call's debrief (one undo step); then offer the move its commitment allows."""
        data = self.data
        call = next((c for c in data.calls if c.id == call_id), None) if data else None
        if call is None:
            return False
        today = self._today()
        done = self._run(
            translate("BlueSheetPanel", "Debrief call “{title}”").format(title=call_title(call)),
            lambda: green_sheet.debrief(
                self.plan,
                call_id,
                entered.debriefed_on,
                entered.commitment,
                entered.notes,
                entered.attendees,
                entered.follow_ups,
                today=today,
            ),
            translate("BlueSheetPanel", "The debrief was not saved"),
        )
        if done:
            self.call_section.select_call(call_id)
            self.offer_move(entered.commitment)
        return done

    def offer_move(self, commitment: str) -> bool:
        """After a debrief whose commitment lets the deal leave its stage: offer the move."""
        deal = self.opportunity_id
        target = green_sheet.move_offered(self.plan, deal, commitment)
        if target is None or self.data is None or not self._editable:
            return False
        stage = self.data.stage.name if self.data.stage else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("BlueSheetPanel", "Move the deal"),
            translate(
                "BlueSheetPanel",
                "The customer committed to “{commitment}”, on the {stage} checklist. "
                "Move the deal to {target}?",
            ).format(commitment=commitment, stage=stage, target=target.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.button(QMessageBox.StandardButton.Yes)
        no = box.button(QMessageBox.StandardButton.No)
        if yes is not None and no is not None:
            yes.setText(translate("BlueSheetPanel", "Move the deal to {target}").format(target=target.name))
            no.setText(translate("BlueSheetPanel", "Not now"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        self.move_requested.emit(deal, target.id)
        return True

    def delete_call(self, call_id: int, *, ask: bool = True) -> bool:
        """Delete a call plan (after asking); a commitment its debrief recorded stays."""
        call = next((c for c in self.data.calls if c.id == call_id), None) if self.data else None
        if call is None:
            return False
        question = translate(
            "BlueSheetPanel",
            "Delete the call plan “{title}” of {when}? What the customer committed to stays recorded. "
            "You can undo this with Edit → Undo.",
        ).format(title=call_title(call), when=fmt.date_time(call.meeting_at))
        if ask and not self.confirm(translate("BlueSheetPanel", "Delete call plan"), question):
            return False
        return self._run(
            translate("BlueSheetPanel", "Delete call plan “{title}”").format(title=call_title(call)),
            lambda: green_sheet.delete_call_plan(self.plan, call_id),
            translate("BlueSheetPanel", "The call plan was not deleted"),
        )

    def print_call(self, call_id: int, path: Path | None = None) -> bool:
        """Write a call plan as a one-page PDF (asks where, unless `path` is given)."""
        from ui.green_sheet_pdf import write_call_plan  # Qt's PDF writer: loaded when first printed

        call = next((c for c in self.data.calls if c.id == call_id), None) if self.data else None
        if call is None or self.data is None:
            return False
        if path is None:
            safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in call_title(call))[:60].strip()
            name = translate("BlueSheetPanel", "{call} - call plan").format(
                call=safe or translate("BlueSheetPanel", "call")
            )
            path = save_file(
                self,
                FolderKind.EXPORTS,
                translate("BlueSheetPanel", "Print the call plan as PDF"),
                f"{name}.pdf",
                translate("BlueSheetPanel", "PDF files (*.pdf)"),
            )
            if path is None:
                return False
        try:
            write_call_plan(self.plan, call_id, self.opportunity_id, path, self._today())
        except (PackError, OSError) as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("BlueSheetPanel", "The call plan was not printed"),
                translate("BlueSheetPanel", "Could not write {path}: {error}").format(path=path, error=exc),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return False
        return True

    @Slot()
    def _on_call_section_new_requested(self) -> None:
        dialog = self.call_plan_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.plan_call(dialog.call_plan())

    @Slot(int)
    def _on_call_section_open_requested(self, call_id: int) -> None:
        dialog = self.call_plan_dialog(call_id)
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted or not self._editable:
            return
        call = dialog.call_plan()
        if call != dialog.stored:
            self.update_call(call)

    @Slot(int)
    def _on_call_section_debrief_requested(self, call_id: int) -> None:
        dialog = self.debrief_dialog(call_id)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.debrief_call(call_id, dialog.debrief())

    @Slot(int)
    def _on_call_section_print_requested(self, call_id: int) -> None:
        self.print_call(call_id)

    @Slot(int)
    def _on_call_section_delete_requested(self, call_id: int) -> None:
        self.delete_call(call_id)

    # Asking ------------------------------------------------------------------------------------
    # 9: customer commitments
    def ask_commitment(self) -> bool:
        """Ask what the customer committed to, and when, and record it on the shown deal."""
        from ui.dialogs.commitment_dialog import commitment_dialog

        deal = self.opportunity_id
        dialog = commitment_dialog(self.plan, deal, self._today(), self) if deal else None
        if dialog is None or dialog.exec() != dialog.DialogCode.Accepted:
            return False
        return self.record_commitment(dialog.draft())

    def record_commitment(self, draft: CommitmentDraft) -> bool:
        """Record a customer commitment on the shown deal (undoable)."""
        from ui.dialogs.commitment_dialog import record_command

        deal = self.opportunity_id
        if not deal:
            return False
        return self._push(
            lambda: record_command(self.plan, deal, draft, self._today(), self._apply_change),
            translate("BlueSheetPanel", "The commitment was not recorded"),
        )

    def remove_commitment(self, commitment_id: int, *, ask: bool = True) -> bool:
        """Remove a commitment record (after asking): the deal may be stale or premature again."""
        found = next((c for c in self.data.commitments if c.id == commitment_id), None) if self.data else None
        if found is None:
            return False
        question = translate(
            "BlueSheetPanel",
            "Remove the customer commitment “{what}” of {date}?\nStale and Premature no longer count it."
            " You can undo this with Edit → Undo.",
        ).format(what=found.what, date=fmt.date(found.committed_on))
        if ask and not self.confirm(translate("BlueSheetPanel", "Remove commitment"), question):
            return False
        return self._run(
            translate("BlueSheetPanel", "Remove commitment “{what}” from {deal}").format(
                what=found.what, deal=self._quoted()
            ),
            lambda: evidence.remove_commitment(self.plan, commitment_id),
            translate("BlueSheetPanel", "The commitment was not removed"),
        )

    @Slot()
    def _on_commitment_section_record_requested(self) -> None:
        self.ask_commitment()

    @Slot(int)
    def _on_commitment_section_remove_requested(self, commitment_id: int) -> None:
        self.remove_commitment(commitment_id)

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # names are the seller's data, never markup
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
