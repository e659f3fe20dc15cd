"""The import wizard driven like a seller: files, layout, columns, stages, owner, preview, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QStyleOptionViewItem, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.exchange.layouts import Field
from planner.storage.db import PlanDB
from tests.planner.import_support import DATA, deals, fingerprint, shared
from ui.dialogs.import_wizard import (
    UNDO_NOTE,
    ChoiceDelegate,
    ImportWizard,
    run_import_wizard,
)


@pytest.fixture
def wizard(qtbot: QtBot, plan: PlanDB) -> ImportWizard:
    w = ImportWizard(plan)
    qtbot.addWidget(w)
    w.show()
    return w


def answer_old_data(button_text: str) -> None:
    """Click one button of the old-data question (run from a single-shot timer).

    The preview is computed first, painting as it goes: until the question shows, look again.
    """
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: answer_old_data(button_text))
        return
    button = next(b for b in box.buttons() if b.text() == button_text)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _column(model: object, column: int) -> list[object]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]  # type: ignore[attr-defined]


def _row_of(model: object, text: str) -> int:
    return _column(model, 0).index(text)


def test_salesforce_file_through_every_page(
    wizard: ImportWizard, plan: PlanDB, qtmodeltester: ModelTester
) -> None:
    assert not wizard.files_page.isComplete()
    wizard.files_page.add_paths([DATA / "salesforce_opportunities.csv"])
    assert wizard.files_page.isComplete()
    wizard.next()
    assert wizard.currentId() == ImportWizard.LAYOUT
    qtmodeltester.check(wizard.layout_page.model)
    assert _column(wizard.layout_page.model, 1) == ["Deals"]
    assert _column(wizard.layout_page.model, 2) == ["Salesforce"]
    assert "Recognised as Salesforce exports" in wizard.layout_page.detected.text()

    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    mapping = wizard.mapping_page.model
    qtmodeltester.check(mapping)
    assert mapping.data(mapping.index(_row_of(mapping, "StageName"), 2)) == "Stage"
    assert (
        mapping.data(mapping.index(_row_of(mapping, "Name"), 1))
        == "Fleet rollout · Analytics pilot · Support renewal"
    )

    wizard.next()
    assert wizard.currentId() == ImportWizard.STAGES
    stages = wizard.stage_page.model
    qtmodeltester.check(stages)
    assert _column(stages, 3) == ["Prospect", "Evaluating", "Committed", "Won", "Lost"]
    qualified = next(s.id for s in wizard.stages if s.name == "Qualified")
    assert stages.setData(stages.index(0, 3), qualified)
    assert stages.data(stages.index(0, 4)) == "chosen"
    assert not stages.setData(stages.index(0, 3), 9999)  # not a stage
    qtmodeltester.check(stages)

    wizard.next()
    assert wizard.currentId() == ImportWizard.OWNER
    owner = wizard.owner_page.owner
    assert [owner.itemText(i) for i in range(owner.count())] == [
        "Everyone (5 deals)", "Sam Seller (3 deals)", "Alex Other (2 deals)",
    ]  # fmt: skip
    owner.setCurrentIndex(1)

    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW
    qtmodeltester.check(wizard.preview_page.model)
    assert wizard.preview_page.counts.text() == (
        "3 to create, 0 to update, 0 unchanged, 0 to skip, 2 of other owners left out."
    )
    assert UNDO_NOTE in wizard.preview_page.note.text()
    assert wizard.change is None

    wizard.next()  # Import: one transaction
    assert wizard.currentId() == ImportWizard.DONE
    got = deals(plan)
    assert set(got) == {"0065g00000AAAA1AAA", "0065g00000AAAA2AAA", "0065g00000AAAA4AAA"}
    assert got["0065g00000AAAA1AAA"]["stage"] == "Qualified"  # the stage page's choice
    assert wizard.change is not None
    assert wizard.change.opportunities == {d["id"] for d in got.values()}
    assert wizard.change.accounts_changed
    text = wizard.done_page.text.toPlainText()
    assert text.startswith("Imported from Salesforce: 3 created")
    assert wizard.done_page.note.text() == "Edit → Undo takes the whole import back."


def test_mapping_page_edits_and_remembers(
    qtbot: QtBot, wizard: ImportWizard, plan: PlanDB, qtmodeltester: ModelTester
) -> None:
    wizard.files_page.add_paths([DATA / "custom_columns.csv"])
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    model = page.model
    qtmodeltester.check(model)
    assert page.date_note.text() == ""  # no date column mapped yet
    fields = {
        "Ref": Field.EXTERNAL_ID, "Opportunité": Field.TITLE, "Montant": Field.AMOUNT,
        "Échéance": Field.CLOSE_DATE, "Étape": Field.STAGE,
    }  # fmt: skip
    for header, field in fields.items():
        assert model.setData(model.index(_row_of(model, header), 2), field.value)
    assert not model.setData(model.index(0, 2), "price")  # not a field of a deals file
    # One column per field: mapping Client to the name takes the name off Opportunité.
    with qtbot.waitSignal(model.dataChanged):
        model.setData(model.index(_row_of(model, "Client"), 2), Field.TITLE.value)
    assert model.mapping["Opportunité"] is None
    model.setData(model.index(_row_of(model, "Client"), 2), Field.ACCOUNT.value)
    model.setData(model.index(_row_of(model, "Opportunité"), 2), Field.TITLE.value)
    qtmodeltester.check(model)
    assert "2 dates could be read either way; read as month/day/year" in page.date_note.text()
    page.dates.setCurrentIndex(2)  # day first
    assert page.date_note.text() == "Dates are read as day/month/year."
    wizard.next()
    assert wizard.currentId() == ImportWizard.STAGES
    stages = wizard.stage_page.model
    assert _column(stages, 0) == ["Négociation", "Découverte"]
    committed = next(s.id for s in wizard.stages if s.name == "Committed")
    stages.setData(stages.index(0, 3), committed)
    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW  # no owner column: no owner page
    wizard.next()
    got = deals(plan)
    assert (got["F-1"]["title"], got["F-1"]["close_date"], got["F-1"]["stage"]) == (
        "Contrat cadre", "2026-04-03", "Committed",
    )  # fmt: skip

    again = ImportWizard(plan)
    qtbot.addWidget(again)
    again.show()
    again.files_page.add_paths([DATA / "custom_columns.csv"])
    again.next()
    again.next()
    remembered = again.mapping_page.model
    assert remembered.data(remembered.index(_row_of(remembered, "Opportunité"), 2)) == "Deal name"
    assert again.mapping_page.dates.currentIndex() == 0  # remembered with the mapping, not re-chosen


def test_rows_with_problems_can_be_skipped(
    wizard: ImportWizard, plan: PlanDB, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    path = tmp_path / "deals.csv"
    path.write_text(
        "id,name,account,stage,amount,close date\n"
        "1,Good,Acme,Prospect,100,2026-12-01\n"
        "2,Negative,Acme,Prospect,-5,2026-12-01\n"
        "3,Bad date,Acme,Prospect,5,2026-02-30\n"
        "1,Duplicate,Acme,Prospect,5,2026-12-01\n"
    )
    wizard.files_page.add_paths([path])
    for _ in range(4):  # files, layout, columns, stages (no owner column: no owner page)
        wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW
    page = wizard.preview_page
    problems = page.model
    qtmodeltester.check(problems)
    assert _column(problems, 2) == ["3", "4", "4", "5"]
    assert problems.data(problems.index(3, 0)) == "skipped"  # the duplicate cannot be imported
    assert problems.flags(problems.index(3, 0)) & Qt.ItemFlag.ItemIsUserCheckable == Qt.ItemFlag.NoItemFlags
    assert page.counts.text().startswith("3 to create, 0 to update, 0 unchanged, 1 to skip")
    # Untick row 4: both of its problem lines follow.
    assert problems.setData(problems.index(1, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert problems.data(problems.index(2, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert page.counts.text().startswith("2 to create, 0 to update, 0 unchanged, 2 to skip")
    qtmodeltester.check(problems)
    page.skip_flagged.setChecked(True)
    assert page.counts.text().startswith("1 to create")
    page.skip_flagged.setChecked(False)
    wizard.next()
    assert set(deals(plan)) == {"1", "2"}
    assert deals(plan)["2"]["amount"] is None


def test_stopping_the_import_writes_nothing(
    qtbot: QtBot, wizard: ImportWizard, plan: PlanDB, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    path.write_text(
        "id,name,account,stage\n" + "".join(f"{i},Deal {i},Account {i},Prospect\n" for i in range(600))
    )
    wizard.files_page.add_paths([path])
    for _ in range(4):  # files, layout, columns, stages (no owner column: no owner page)
        wizard.next()
    page = wizard.preview_page
    before = fingerprint(plan)
    seen: list[int] = []

    def stop(done: int, _total: int) -> None:
        seen.append(done)
        if done >= 400:
            page.cancel_button.click()

    page.import_progressed.connect(stop)
    wizard.next()
    assert seen[:2] == [200, 400]
    assert wizard.currentId() == ImportWizard.PREVIEW
    assert page.error.text() == "The import was stopped; nothing was written."
    assert fingerprint(plan) == before
    assert wizard.change is None
    assert wizard.button(wizard.WizardButton.CommitButton).isEnabled()


def test_choice_delegate_edits_through_a_combo_box(wizard: ImportWizard, qtbot: QtBot) -> None:
    wizard.files_page.add_paths([DATA / "generic_deals.csv"])
    wizard.next()
    wizard.next()
    view = wizard.mapping_page.view
    model = wizard.mapping_page.model
    index = model.index(_row_of(model, "owner"), 2)
    delegate = view.itemDelegateForColumn(2)
    assert isinstance(delegate, ChoiceDelegate)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    qtbot.addWidget(editor)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "Owner"
    editor.setCurrentIndex(0)  # (not imported)
    delegate.setModelData(editor, model, index)
    assert model.mapping["owner"] is None
    wizard.next()
    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW  # without the owner column there is no owner page


def test_unreadable_files_keep_the_wizard_on_the_first_page(wizard: ImportWizard, tmp_path: Path) -> None:
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    wizard.files_page.add_paths([image])
    wizard.next()
    assert wizard.currentId() == ImportWizard.FILES
    assert (
        "photo.png is not a CSV or spreadsheet file (it looks like a PNG image)."
        in wizard.files_page.error.text()
    )


def test_run_import_wizard_returns_none_when_cancelled(qtbot: QtBot, plan: PlanDB) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportWizard)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    assert run_import_wizard(parent, plan) is None


def test_real_data_owner_page_imports_one_agent(wizard: ImportWizard, plan: PlanDB) -> None:
    maven = shared("crm-sales-opportunities")
    wizard.files_page.add_paths([maven])
    for _ in range(4):
        wizard.next()
    assert wizard.currentId() == ImportWizard.OWNER
    owner = wizard.owner_page.owner
    assert owner.count() == 31  # everyone, and the 30 agents
    owner.setCurrentIndex(owner.findData("Darcel Schlecht"))
    # Years-old close dates: the wizard asks first; every deal comes in here.
    QTimer.singleShot(0, lambda: answer_old_data("&Every deal"))
    wizard.next()
    assert wizard.closed_history_only is False
    assert wizard.preview_page.counts.text().startswith("747 to create, 0 to update, 0 unchanged, 0 to skip")
    wizard.next()
    assert wizard.currentId() == ImportWizard.DONE
    assert len(deals(plan)) == 747
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()
