"""Reads for a few deals (after an edit, one Blue Sheet) give what the plan-wide reads give."""

from __future__ import annotations

from planner.storage import accounts as account_repo
from planner.storage.board import filter_words, load_cards
from planner.storage.db import PlanDB
from planner.storage.sheets import load_sheet_records


def test_filter_words_of_some_deals_are_those_of_every_deal(demo_plan: PlanDB) -> None:
    every = filter_words(demo_plan)
    some = [card.id for card in load_cards(demo_plan)][::3]
    assert filter_words(demo_plan, some) == {deal: every[deal] for deal in some}
    assert any("\n" in every[deal] for deal in some)  # people's names are among them


def test_accounts_of_some_ids_in_name_order(demo_plan: PlanDB) -> None:
    every = account_repo.list_accounts(demo_plan)
    wanted = {every[-1].id, every[0].id, 999_999}
    assert account_repo.accounts_of(demo_plan, wanted) == [every[0], every[-1]]
    assert account_repo.accounts_of(demo_plan, []) == []


def test_one_sheet_reads_its_own_account(demo_plan: PlanDB) -> None:
    card = next(c for c in load_cards(demo_plan) if c.account_id is not None)
    account = card.account_id
    assert account is not None
    records = load_sheet_records(demo_plan, [card.id])
    assert list(records.accounts) == [account]
    assert records.accounts[account] == account_repo.get_account(demo_plan, account)
