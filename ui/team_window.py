"""The team roll-up: several sellers' bundles read-only in one window, a row each, with drill-down."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import i18n
from planner.exchange.rollup import (
    CombinedForecast,
    Conversion,
    LevelTotal,
    SellerRow,
    Team,
    check_bundle,
    load_team,
)
from planner.i18n import QT_TRANSLATE_NOOP, plural
from ui import format as fmt
from ui import plain
from ui.banner import banner
from ui.table_model import HeadedTableModel, Index

if TYPE_CHECKING:
    from ui.windows import ReviewWindow

translate = QCoreApplication.translate

# Where the issue is silent, decided here: the rows show at once from a quick read of each
# bundle; a moment after the window is painted every bundle is read in full (as the single
# review reads it), one per turn of the event loop, and one that fails is refused then. By
# default currencies are kept apart (one total per currency); Team → Convert with rates…
# converts with the manager's rates, and a currency without a rate still stays apart.
CHECK_AFTER_MS = 200
DASH = "–"  # noqa: RUF001 (a figure that is not known: shown as an en dash)


def _money(value: float | None, currency: str) -> str:
    return DASH if value is None else fmt.amount(round(value), currency)


def _ratio(value: float | None) -> str:
    return DASH if value is None else translate("TeamWindow", "{n}×").format(n=fmt.number(value, 1))  # noqa: RUF001


def _percent(value: float | None) -> str:
    return DASH if value is None else translate("TeamWindow", "{n} %").format(n=fmt.number(value * 100))


class _TextTable(HeadedTableModel):
    """Read-only rows of text, with a tooltip per cell and one per heading."""

    TIPS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cells: list[list[str]] = []
        self.tips: list[list[str]] = []

    def set_rows(self, cells: list[list[str]], tips: list[list[str]]) -> None:
        self.beginResetModel()
        self.cells, self.tips = cells, tips
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cells)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cells):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.plain_tooltip(self.tips[index.row()][index.column()])  # names sellers typed
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.TIPS) and self.TIPS[section]:
                return translate(self.CONTEXT, self.TIPS[section])
            return None
        return super().headerData(section, orientation, role)


class SellerModel(_TextTable):
    """One row per seller: the quarter's figures in the seller's own currency."""

    CONTEXT = "TeamWindow"
    HEADERS = (
        QT_TRANSLATE_NOOP("TeamWindow", "Seller"),
        QT_TRANSLATE_NOOP("TeamWindow", "Quarter"),
        QT_TRANSLATE_NOOP("TeamWindow", "Target"),
        QT_TRANSLATE_NOOP("TeamWindow", "Won"),
        QT_TRANSLATE_NOOP("TeamWindow", "Commit"),
        QT_TRANSLATE_NOOP("TeamWindow", "Best case"),
        QT_TRANSLATE_NOOP("TeamWindow", "Coverage"),
        QT_TRANSLATE_NOOP("TeamWindow", "Last call"),
        QT_TRANSLATE_NOOP("TeamWindow", "Accuracy last quarter"),
        QT_TRANSLATE_NOOP("TeamWindow", "Red flags on commit"),
    )
    TIPS = (
        QT_TRANSLATE_NOOP("TeamWindow", "The seller, as the bundle names them (else the plan's name)."),
        QT_TRANSLATE_NOOP(
            "TeamWindow", "The seller's current quarter when the bundle was exported (their fiscal year)."
        ),
        QT_TRANSLATE_NOOP(
            "TeamWindow", "The seller's target for the quarter; a dash when the bundle has none."
        ),
        QT_TRANSLATE_NOOP("TeamWindow", "Deals won in the quarter, in the seller's base currency."),
        QT_TRANSLATE_NOOP("TeamWindow", "Open deals in the Commit category closing in the quarter."),
        QT_TRANSLATE_NOOP("TeamWindow", "Open deals in the Best Case category closing in the quarter."),
        QT_TRANSLATE_NOOP(
            "TeamWindow",
            "Open pipeline (commit + best case + pipeline) ÷ remaining target (target - won);"
            " a dash without a target or with the target reached.",
        ),
        QT_TRANSLATE_NOOP(
            "TeamWindow",
            "The Commit of the seller's last forecast call for the quarter (the cell's tooltip gives"
            " its day, Best Case and comment); a dash when the bundle carries no call for it.",
        ),
        QT_TRANSLATE_NOOP(
            "TeamWindow",
            "Won in last quarter ÷ the last Commit called for it: 100 % is a call that came true."
            " A dash when the bundle carries no call for last quarter.",
        ),
        QT_TRANSLATE_NOOP(
            "TeamWindow",
            "Red flags on the open deals in Commit closing in the quarter, as the seller's pack lists"
            " them; the cell's tooltip names the deals.",
        ),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sellers: tuple[SellerRow, ...] = ()

    def set_sellers(self, sellers: tuple[SellerRow, ...]) -> None:
        self.sellers = sellers
        self.set_rows([_seller_cells(s) for s in sellers], [_seller_tips(s) for s in sellers])


def _seller_cells(s: SellerRow) -> list[str]:
    flags = s.red_flags_on_committed
    committed = len(s.committed)
    return [
        s.name,
        s.quarter.title,
        _money(s.target, s.currency),
        _money(s.won, s.currency),
        _money(s.commit, s.currency),
        _money(s.best_case, s.currency),
        _ratio(s.coverage),
        DASH if s.last_call is None else _money(s.last_call.commit, s.last_call.currency),
        _percent(s.accuracy_last_quarter),
        # No committed deal in the quarter: nothing to count (not "0 on 0 deals").
        DASH
        if not committed
        else plural(
            committed,
            translate("TeamWindow", "{flags} on 1 deal"),
            translate("TeamWindow", "{flags} on {deals} deals"),
        ).format(flags=fmt.number(flags), deals=fmt.number(committed)),
    ]


def _seller_tips(s: SellerRow) -> list[str]:
    source = (
        translate("TeamWindow", "Figures from the seller's forecast at export.")
        if s.from_forecast
        else translate(
            "TeamWindow",
            "This bundle carries no forecast: figures counted from its deals (won only as far as"
            " it holds won deals; no target).",
        )
    )
    who = translate(
        "TeamWindow", "{seller}\nPlan: {plan}\nFile: {file}\nExported: {exported}\n{source}"
    ).format(
        seller=s.name,
        plan=s.plan_name,
        file=s.path,
        exported=s.exported_at[:16].replace("T", " "),
        source=source,
    )
    apart = [
        translate("TeamWindow", "Not added (no rate in the seller's plan): {amount} in {column}").format(
            amount=_money(value, currency), column=column
        )
        for currency, columns in s.unconverted.items()
        for column, value in columns.items()
        if value
    ]
    figures = "\n".join(apart)
    flags = "\n".join(
        translate("TeamWindow", "{deal}: {flags}").format(deal=d.name, flags="; ".join(d.red_flags) or DASH)
        for d in s.committed
    )
    return [who, "", figures, figures, figures, figures, figures, _call_tip(s), _accuracy_tip(s), flags]


def _call_tip(s: SellerRow) -> str:
    call = s.last_call
    if call is None:
        return translate("TeamWindow", "The bundle carries no forecast call for this quarter.")
    text = translate(
        "TeamWindow", "Called on {day} for {quarter}: Commit {commit}, Best Case {best_case}."
    ).format(
        day=fmt.date(call.day),
        quarter=call.quarter,
        commit=_money(call.commit, call.currency),
        best_case=_money(call.best_case, call.currency),
    )
    if call.comment:
        text += "\n" + translate("TeamWindow", "Comment: {comment}").format(comment=call.comment)
    return text


def _accuracy_tip(s: SellerRow) -> str:
    last = s.last_quarter
    if last is None:
        return translate("TeamWindow", "The bundle carries no forecast call for last quarter.")
    return translate(
        "TeamWindow", "{quarter}: won {won} ÷ the last Commit called, {commit} on {day} = {percent}."
    ).format(
        quarter=last.call.quarter,
        won=_money(last.won, last.call.currency),
        commit=_money(last.call.commit, last.call.currency),
        day=fmt.date(last.call.day),
        percent=_percent(last.ratio),
    )


class CombinedModel(_TextTable):
    """The team's quarter: one row per quarter and currency."""

    CONTEXT = "TeamWindow"
    HEADERS = (
        QT_TRANSLATE_NOOP("TeamWindow", "Quarter"),
        QT_TRANSLATE_NOOP("TeamWindow", "Currency"),
        QT_TRANSLATE_NOOP("TeamWindow", "Sellers"),
        QT_TRANSLATE_NOOP("TeamWindow", "Target"),
        QT_TRANSLATE_NOOP("TeamWindow", "Won"),
        QT_TRANSLATE_NOOP("TeamWindow", "Commit"),
        QT_TRANSLATE_NOOP("TeamWindow", "Best case"),
        QT_TRANSLATE_NOOP("TeamWindow", "Pipeline"),
        QT_TRANSLATE_NOOP("TeamWindow", "Gap"),
        QT_TRANSLATE_NOOP("TeamWindow", "Coverage"),
    )
    TIPS = (
        "",
        QT_TRANSLATE_NOOP(
            "TeamWindow",
            "Amounts are never added across currencies: one row per currency, unless you convert"
            " them with your rates (Team → Convert with rates…).",
        ),
        QT_TRANSLATE_NOOP("TeamWindow", "Sellers with amounts in this currency."),
        QT_TRANSLATE_NOOP("TeamWindow", "The sum of the targets of the sellers who have one."),
        "",
        "",
        "",
        "",
        QT_TRANSLATE_NOOP(
            "TeamWindow",
            "Target - (won + commit) of the sellers with a target: what best case and pipeline must bring.",
        ),
        QT_TRANSLATE_NOOP(
            "TeamWindow", "Open pipeline ÷ remaining target (target - won), of the sellers with a target."
        ),
    )

    def set_combined(self, rows: Sequence[CombinedForecast]) -> None:
        cells = [
            [
                c.quarter.title,
                c.currency,
                fmt.number(c.sellers),
                _money(c.target, c.currency),
                _money(c.won, c.currency),
                _money(c.commit, c.currency),
                _money(c.best_case, c.currency),
                _money(c.pipeline, c.currency),
                _money(c.gap, c.currency),
                _ratio(c.coverage),
            ]
            for c in rows
        ]
        tips = [
            [
                "",
                "",
                "",
                translate("TeamWindow", "{n} of {sellers} sellers have a target.").format(
                    n=fmt.number(c.targets), sellers=fmt.number(c.sellers)
                ),
                *[""] * 6,
            ]
            for c in rows
        ]
        self.set_rows(cells, tips)


class FunnelModel(_TextTable):
    """The team's open funnel per level: deals, and amounts per currency."""

    CONTEXT = "TeamWindow"
    HEADERS = (
        QT_TRANSLATE_NOOP("TeamWindow", "Funnel level"),
        QT_TRANSLATE_NOOP("TeamWindow", "Deals"),
        QT_TRANSLATE_NOOP("TeamWindow", "Amount"),
    )
    TIPS = (
        "",
        QT_TRANSLATE_NOOP(
            "TeamWindow", "Open deals of every seller at this level, whatever their close date."
        ),
        QT_TRANSLATE_NOOP("TeamWindow", "Their amounts, one total per currency."),
    )

    def set_levels(self, levels: Sequence[LevelTotal]) -> None:
        cells = [
            [
                t.level.label,
                fmt.number(t.count),
                "; ".join(_money(a, c) for c, a in t.amounts.items() if a) or DASH,
            ]
            for t in levels
        ]
        self.set_rows(cells, [["", "", ""] for _ in levels])


def _table(parent: QWidget, model: _TextTable, name: str, *, stretch: int | None = 0) -> QTableView:
    """A read-only table; column `stretch` takes the width left (None: the last column)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # names take what is left
    return view


class RatesDialog(QDialog):
    """Team → Convert with rates…: the currency to show, and one unit of each other in it."""

    def __init__(self, currencies: Sequence[str], current: Conversion | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RatesDialog", "Convert with rates"))
        self.currencies = list(currencies)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "RatesDialog",
                "Show the team's amounts in one currency. A currency left without a rate keeps its own"
                " total: amounts are never added across currencies.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.target = QComboBox(self)
        self.target.addItems(self.currencies)
        if current is not None and current.currency in self.currencies:
            self.target.setCurrentText(current.currency)
        form.addRow(translate("RatesDialog", "Show amounts &in"), self.target)
        self.rates: dict[str, QLineEdit] = {}
        for code in self.currencies:
            edit = QLineEdit(self)
            edit.setAccessibleName(translate("RatesDialog", "Rate of {code}").format(code=code))
            if current is not None and code in current.rates:
                edit.setText(fmt.edit_rate(current.rates[code]))
            self.rates[code] = edit
            form.addRow(translate("RatesDialog", "1 {code} =").format(code=code), edit)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.target.currentTextChanged.connect(self._on_target_current_text_changed)
        self._on_target_current_text_changed(self.target.currentText())
        self.conversion: Conversion | None = None

    @Slot(str)
    def _on_target_current_text_changed(self, code: str) -> None:
        for other, edit in self.rates.items():
            edit.setEnabled(other != code)
            edit.setPlaceholderText(
                ""
                if other == code
                else translate("RatesDialog", "{code}, or empty to keep apart").format(code=code)
            )

    def accept(self) -> None:
        code = self.target.currentText()
        rates: dict[str, float] = {}
        for other, edit in self.rates.items():
            if other == code or not edit.text().strip():
                continue
            try:
                rate = fmt.parse_rate(edit.text())
            except ValueError as exc:
                self.problem.setText(str(exc))
                edit.setFocus()
                return
            if rate is None or rate <= 0:
                self.problem.setText(translate("RatesDialog", "A rate is a number above 0."))
                edit.setFocus()
                return
            rates[other] = rate
        self.conversion = Conversion(code, rates)
        super().accept()


class TeamWindow(QMainWindow):
    """Several sellers' bundles: a row each, the combined forecast and funnel, drill-down."""

    def __init__(self, team: Team, parent: QWidget | None = None, *, report: bool = False) -> None:
        super().__init__(parent)
        self.team = team
        self.conversion: Conversion | None = None
        self.report = report  # bundles refused by the full read are also printed (the command line)
        self.seller_windows: dict[Path, ReviewWindow] = {}
        self.unchecked = [s.path for s in team.sellers]
        self.setObjectName("team-window")
        self.setWindowTitle(translate("TeamWindow", "Team review — Opportunity Planner"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 6)
        strip, row = banner(central, "team-banner", "#ddeeff", "#1f5fa8", "#0b2e59")
        self.banner = QLabel(strip)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        row.addWidget(self.banner, 1)
        layout.addWidget(strip)
        body = QVBoxLayout()
        body.setContentsMargins(9, 0, 9, 0)
        self.refused_label = QLabel(central)
        self.refused_label.setTextFormat(Qt.TextFormat.PlainText)
        self.refused = QListWidget(central)
        self.refused.setAccessibleName(translate("TeamWindow", "Bundles not opened"))
        self.refused.setMaximumHeight(72)
        body.addWidget(self.refused_label)
        body.addWidget(self.refused)
        self.sellers_model = SellerModel(self)
        self.sellers = _table(central, self.sellers_model, translate("TeamWindow", "Sellers"))
        self.sellers.activated.connect(self._on_sellers_activated)  # double-click, or Enter
        body.addWidget(self.sellers, 3)
        self.combined_model = CombinedModel(self)
        self.funnel_model = FunnelModel(self)
        self.combined = _table(
            central, self.combined_model, translate("TeamWindow", "Combined forecast"), stretch=None
        )
        self.funnel = _table(central, self.funnel_model, translate("TeamWindow", "Combined funnel"))
        self.combined_heading = QLabel(central)
        # Side by side: stacked, the two small tables scrolled on a 720-pixel screen.
        below = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.combined_heading)
        left.addWidget(self.combined)
        funnel_heading = translate("TeamWindow", "Combined funnel")
        right.addWidget(QLabel(plain.rich("<b>{t}</b>", t=funnel_heading), central))
        right.addWidget(self.funnel)
        # The combined forecast's ten columns need about twice the funnel's three.
        below.addLayout(left, 2)
        below.addLayout(right, 1)
        body.addLayout(below, 2)
        layout.addLayout(body)
        self.setCentralWidget(central)
        self._make_menus()
        self._refresh()
        self.resize(1200, 720)

    def _make_menus(self) -> None:
        def action(
            text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
        ) -> QAction:
            made = QAction(text, self)
            made.triggered.connect(slot)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
            self.addAction(made)
            return made

        self.open_seller_action = action(
            translate("TeamWindow", "&Open the seller's plan"), self.open_current
        )
        self.save_notes_action = action(
            translate("TeamWindow", "&Save every seller's notes…"),
            self.save_all_dialog,
            QKeySequence(QKeySequence.StandardKey.Save),
        )
        self.apart_action = action(translate("TeamWindow", "&Keep currencies apart"), self.keep_apart)
        self.apart_action.setCheckable(True)
        self.rates_action = action(translate("TeamWindow", "Convert with &rates…"), self.rates_dialog)
        self.close_action = action(
            translate("TeamWindow", "&Close"), self.close, QKeySequence(QKeySequence.StandardKey.Close)
        )
        menu = self.menuBar().addMenu(translate("TeamWindow", "&Team"))
        menu.addActions([self.open_seller_action, self.save_notes_action])
        menu.addSeparator()
        menu.addActions([self.apart_action, self.rates_action])
        menu.addSeparator()
        menu.addAction(self.close_action)

    # ------------------------------------------------------------------------------------------
    # What the window shows

    def _refresh(self) -> None:
        team = self.team
        count = len(team.sellers)
        self.banner.setText(
            plural(
                count,
                translate(
                    "TeamWindow",
                    "Team review: 1 seller's plan, read-only. Double-click a seller to open their board"
                    " and deals and write coaching notes; each seller's notes are saved as a file of their"
                    " own.",
                ),
                translate(
                    "TeamWindow",
                    "Team review: {n} sellers' plans, read-only. Double-click a seller to open their board"
                    " and deals and write coaching notes; each seller's notes are saved as a file of their"
                    " own.",
                ),
            ).format(n=fmt.number(count))
        )
        self.refused.clear()
        self.refused.addItems([r.reason for r in team.refused])  # list items are plain text
        self.refused_label.setText(
            plural(
                len(team.refused),
                translate("TeamWindow", "1 file was not opened:"),
                translate("TeamWindow", "{n} files were not opened:"),
            ).format(n=fmt.number(len(team.refused)))
        )
        if team.refused:  # up to three lines tall; more scroll
            rows = min(len(team.refused), 3)
            frame = 2 * self.refused.frameWidth() + 2
            self.refused.setMaximumHeight(self.refused.sizeHintForRow(0) * rows + frame)
        self.refused.setVisible(bool(team.refused))
        self.refused_label.setVisible(bool(team.refused))
        self.sellers_model.set_sellers(team.sellers)
        self.combined_model.set_combined(team.combined(self.conversion))
        self.funnel_model.set_levels(team.combined_funnel(self.conversion))
        self.apart_action.setChecked(self.conversion is None)
        heading = (
            translate("TeamWindow", "Combined forecast (currencies kept apart)")
            if self.conversion is None
            else translate("TeamWindow", "Combined forecast (converted into {code} with your rates)").format(
                code=self.conversion.currency
            )
        )
        self.combined_heading.setText(plain.rich("<b>{t}</b>", t=heading))

    def currencies(self) -> list[str]:
        """Every currency the team's amounts are in, the most used first."""
        counts: dict[str, int] = {}
        for seller in self.team.sellers:
            for code in (seller.currency, *seller.unconverted):
                counts[code] = counts.get(code, 0) + 1
            for level in seller.funnel:
                for code in level.amounts:
                    counts.setdefault(code, 0)
        return sorted(counts, key=lambda c: (-counts[c], c))

    @Slot()
    def keep_apart(self) -> None:
        """Team → Keep currencies apart: one total per currency (the default)."""
        self.conversion = None
        self._refresh()

    @Slot()
    def rates_dialog(self) -> None:
        """Team → Convert with rates…: ask for the rates, then show the totals converted."""
        dialog = RatesDialog(self.currencies(), self.conversion, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.conversion is not None:
            self.set_conversion(dialog.conversion)
        else:
            self._refresh()  # the checkable action follows what is shown

    def set_conversion(self, conversion: Conversion | None) -> None:
        self.conversion = conversion
        self._refresh()

    # ------------------------------------------------------------------------------------------
    # The full read, after the first paint

    def start_checks(self) -> None:
        """Read every bundle in full, one per turn of the event loop, once the window is painted."""
        QTimer.singleShot(CHECK_AFTER_MS, self, self._check_next)

    @property
    def checked(self) -> bool:
        return not self.unchecked

    @Slot()
    def _check_next(self) -> None:
        if not self.unchecked:
            return
        path = self.unchecked.pop(0)
        problem = check_bundle(path)
        if problem is not None:
            self.refuse(path, problem)
            if self.report:
                with i18n.english():
                    print(f"planner: {check_bundle(path) or problem}", file=sys.stderr)
        if self.unchecked:
            QTimer.singleShot(0, self, self._check_next)

    def refuse(self, path: Path, reason: str) -> None:
        """Take a seller out of the team: their bundle cannot be opened after all."""
        self.team = self.team.without(path, reason)
        self._refresh()

    # ------------------------------------------------------------------------------------------
    # Drill-down and notes

    @Slot(QModelIndex)
    def _on_sellers_activated(self, index: QModelIndex) -> None:
        self.open_seller(index.row())

    @Slot()
    def open_current(self) -> None:
        """Team → Open the seller's plan: the selected row's."""
        index = self.sellers.currentIndex()
        if index.isValid():
            self.open_seller(index.row())

    def open_seller(self, row: int) -> ReviewWindow | None:
        """The seller's board and deals in review mode (the window already open, if it is)."""
        from planner.exchange.review import ReviewError
        from ui.windows import open_review_window

        if not 0 <= row < len(self.team.sellers):
            return None
        path = self.team.sellers[row].path
        window = self.seller_windows.get(path)
        if window is None:
            try:
                window = open_review_window(path, self)
            except ReviewError as exc:
                self.refuse(path, " ".join(str(exc).split()))
                plain.warning(self, translate("TeamWindow", "Cannot open for review"), str(exc))
                return None
            self.seller_windows[path] = window
            window.destroyed.connect(lambda _gone=None, p=path: self.seller_windows.pop(p, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def unsaved_windows(self) -> list[ReviewWindow]:
        return [w for w in self.seller_windows.values() if w.unsaved]

    def save_all(self, folder: Path) -> list[Path]:
        """Save each open seller's notes in `folder`, one file per seller (PackError when one fails)."""
        written: list[Path] = []
        for window in self.seller_windows.values():
            if not window.notes_panel.notes:
                continue
            name = translate("ReviewWindow", "{stem} review notes {date}.json").format(
                stem=window.bundle.path.stem, date=window.session.clock.today()
            )
            written.append(window.save_notes(folder / name))
        self.statusBar().showMessage(
            plural(
                len(written),
                translate("TeamWindow", "Saved 1 seller's notes in {folder}"),
                translate("TeamWindow", "Saved {n} sellers' notes in {folder}, a file each"),
            ).format(n=fmt.number(len(written)), folder=folder)
        )
        return written

    @Slot()
    def save_all_dialog(self) -> list[Path] | None:
        """Team → Save every seller's notes…: choose a folder, then write a file per seller."""
        from planner.exchange.pack import PackError
        from ui.file_dialogs import FolderKind, choose_folder

        if not any(w.notes_panel.notes for w in self.seller_windows.values()):
            plain.information(
                self,
                translate("TeamWindow", "No coaching notes"),
                translate("TeamWindow", "Open a seller's plan (double-click their row) and add notes first."),
            )
            return []
        folder = choose_folder(
            self, FolderKind.REVIEWS, translate("TeamWindow", "Save every seller's notes in")
        )
        if folder is None:
            return None
        try:
            return self.save_all(folder)
        except PackError as exc:
            plain.warning(self, translate("ReviewWindow", "The review notes were not saved"), str(exc))
            return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unsaved_windows():
            answer = QMessageBox.question(
                self,
                translate("TeamWindow", "Save the review notes?"),
                translate(
                    "TeamWindow",
                    "Some sellers' coaching notes are not saved yet. Save them, a file per seller?",
                ),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and self.save_all_dialog() is None
            ):
                event.ignore()
                return
        for window in list(self.seller_windows.values()):
            window.unsaved = False  # answered above, for every seller at once
            window.close()
        self.unchecked = []
        super().closeEvent(event)


def open_team_window(team: Team, parent: QWidget | None = None, *, report: bool = False) -> TeamWindow:
    """Show the team roll-up; every bundle is then read in full in the background."""
    window = TeamWindow(team, parent, report=report)
    if parent is not None:
        window.setWindowFlag(Qt.WindowType.Window, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen = window.screen()
    if screen is not None:
        free = screen.availableGeometry()
        window.resize(min(window.width(), free.width()), min(window.height(), free.height() - 30))
    window.show()
    window.start_checks()
    return window


def open_team(paths: Sequence[Path], parent: QWidget | None) -> TeamWindow | None:
    """Open several bundles (or folders) as a team; a message when none of them can be opened."""
    team = load_team(paths)
    if not team.sellers:
        plain.warning(
            parent,
            translate("TeamWindow", "Cannot open for review"),
            "\n".join(r.reason for r in team.refused)
            or translate("TeamWindow", "No plan bundles were chosen."),
        )
        return None
    return open_team_window(team, parent)


def run_team_gui(paths: Sequence[Path]) -> int:
    """`planner review A.json B.json …`: the team window until closed (1 when no bundle opens).

    Each file refused is one line on stderr, in English, whatever the window's language.
    """
    from ui.app import application, display_problem
    from ui.windows import quit_after_start

    problem = display_problem()
    if problem:
        print(f"planner: {problem}", file=sys.stderr)
        return 1
    app = application()
    team = load_team(paths)
    for refusal in team.refused:
        # In English, as the command line speaks: the refused file alone is read again.
        with i18n.english():
            again = load_team([refusal.path]).refused
        print(f"planner: {again[0].reason if again else refusal.reason}", file=sys.stderr)
    if not team.sellers:
        return 1
    window = open_team_window(team, report=True)
    window.setObjectName("team-window")  # this reference keeps it alive until the loop ends
    quit_after_start(app, None)
    return app.exec()
