"""Item models checked with qtmodeltester before and after every kind of change."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.model import Card
from planner.money import CurrencySums
from planner.storage import accounts as account_repo
from planner.storage.db import PlanDB
from ui.accounts_panel import ACCOUNT_ID_ROLE, AccountListModel
from ui.board.models import CARD_ROLE, ID_ROLE, StageColumnModel

ACCOUNTS = {1: "Acme", 2: "Globex", 3: "Other"}


def _card(i: int, title: str, account: int = 1, close: dt.date | None = None) -> Card:
    iso = close.isoformat() if close else None
    return Card(i, 1, title, account, 1000.0 * i, "EUR", iso, "2026-11-01", None, iso or "9999-12-31")


def test_column_model_inserts_removes_filters(qtmodeltester: ModelTester) -> None:
    model = StageColumnModel(1, accounts=ACCOUNTS)
    qtmodeltester.check(model)
    model.set_cards([_card(2, "A", close=dt.date(2026, 12, 1)), _card(1, "B", close=dt.date(2026, 12, 2))])
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())] == [2, 1]
    model.upsert(_card(3, "Undated"))
    model.upsert(_card(4, "First", account=2, close=dt.date(2026, 11, 30)))
    qtmodeltester.check(model)
    assert [c.id for c in model.visible_cards] == [4, 2, 1, 3]
    model.set_filter("glob")
    assert [c.id for c in model.visible_cards] == [4]
    model.set_filter("globe")  # narrowing the previous result
    assert [c.id for c in model.visible_cards] == [4]
    model.set_filter("ACME")
    assert [c.id for c in model.visible_cards] == [2, 1, 3]
    model.upsert(_card(5, "Hidden", account=3))  # kept, but filtered out
    assert 5 in [c.id for c in model.cards]
    assert 5 not in [c.id for c in model.visible_cards]
    model.remove(2)
    model.remove(99)  # unknown ids are ignored
    qtmodeltester.check(model)
    model.set_filter("")
    assert [c.id for c in model.visible_cards] == [4, 1, 3, 5]
    card = model.data(model.index(0, 0), CARD_ROLE)
    assert isinstance(card, Card)
    assert model.data(model.index(0, 0)) == "First"
    qtmodeltester.check(model)


def test_account_model_orders_subsidiaries_under_parents(
    qtbot: QtBot, qtmodeltester: ModelTester, plan: PlanDB
) -> None:
    from planner.model import AccountDraft

    top = account_repo.insert_account(plan, AccountDraft("Zeta Group"))
    account_repo.insert_account(plan, AccountDraft("Alpha"))
    account_repo.insert_account(plan, AccountDraft("Zeta Sub", parent_id=top))
    model = AccountListModel()
    qtmodeltester.check(model)
    model.set_accounts(account_repo.list_accounts(plan))
    qtmodeltester.check(model)
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == ["Alpha", "Zeta Group", "    Zeta Sub"]
    assert model.data(model.index(1, 0), ACCOUNT_ID_ROLE) == top
    assert model.row_of(top) == 1


def _money_card(i: int, title: str, currency: str, amount: float | None, override: int | None) -> Card:
    close = (dt.date(2026, 12, 1) + dt.timedelta(days=i % 17)).isoformat()
    return Card(i, 1, title, 1 + i % 3, amount, currency, close, "2026-11-01", override, close)


def _assert_sums_match(model: StageColumnModel) -> None:
    """The column's running sums are those of the visible cards added up afresh."""
    fresh = CurrencySums.of(((c.amount, c.currency, c.probability_override) for c in model.visible_cards), 40)
    assert model.sums.count == fresh.count == len(model.visible_cards)
    for currency in set(model.sums.sums) | set(fresh.sums):
        got = model.sums.sums.get(currency, [0.0, 0.0])
        want = fresh.sums.get(currency, [0.0, 0.0])
        assert got == pytest.approx(want, abs=1e-6), currency


def test_column_sums_follow_every_filter_step(qtmodeltester: ModelTester) -> None:
    """Clearing the filter copies the column's sums and a query that keeps most cards subtracts
    the few it leaves out: after moves in and out, under a filter or not, they still add up."""
    titles = ("Alpha", "Beta", "Gamma", "Delta")
    currencies = ("EUR", "USD", "GBP")
    cards = [
        _money_card(
            i,
            f"{titles[i % 4]} {i}",
            currencies[i % 3],
            None if i % 7 == 0 else 1000.0 + i,
            (i % 5) * 10 or None,
        )
        for i in range(1, 61)
    ]
    model = StageColumnModel(1, accounts=ACCOUNTS, default_probability=40)
    model.set_cards(sorted(cards, key=lambda c: (c.order_key, c.id)))
    qtmodeltester.check(model)
    _assert_sums_match(model)
    for query in ("a", "al", "", "e", "et", "eta", "", "t", "ta", "gamma", "", "zz", ""):
        model.set_filter(query)
        _assert_sums_match(model)
    model.set_filter("a")  # keeps most cards: the subtracting path
    assert len(model.visible_cards) > len(cards) // 2
    model.remove(2)  # a visible card leaves
    model.upsert(_money_card(100, "Omega", "CHF", 500.0, None))  # a card the filter shows
    model.upsert(_money_card(101, "Zulu", "EUR", 700.0, 90))  # one it hides, still in the column
    _assert_sums_match(model)
    model.set_filter("al")
    _assert_sums_match(model)
    model.set_filter("")
    _assert_sums_match(model)
    assert model.sums.count == len(cards) + 1
    qtmodeltester.check(model)


def test_a_key_that_leaves_the_same_cards_does_not_reset_the_column(qtmodeltester: ModelTester) -> None:
    """'Kapp' -> 'Kappa' shows the same cards: the view keeps its rows (no reset, no repaint);
    a key that changes them resets as before, and the shown cards are always the matching ones."""
    cards = [_money_card(i, f"{('Alpha', 'Kappa')[i % 2]} {i}", "EUR", 100.0 * i, None) for i in range(1, 21)]
    model = StageColumnModel(1, accounts=ACCOUNTS, default_probability=40)
    model.set_cards(sorted(cards, key=lambda c: (c.order_key, c.id)))
    qtmodeltester.check(model)
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append(model._filter))
    for query, resets_now in (("k", True), ("kap", False), ("kappa", False), ("kappa 1", True), ("", True)):
        before = len(resets)
        model.set_filter(query)
        assert (len(resets) > before) is resets_now, query
        ordered = sorted(cards, key=lambda c: (c.order_key, c.id))
        wanted = [c.id for c in ordered if query in f"{c.title}\n{ACCOUNTS[c.account_id or 0]}".casefold()]
        assert [c.id for c in model.visible_cards] == wanted, query
        _assert_sums_match(model)
    model.set_filter("a")  # every card has an "a": the same cards as no filter, no reset
    assert resets[-1] == ""
    assert len(model.visible_cards) == len(cards)
    qtmodeltester.check(model)
