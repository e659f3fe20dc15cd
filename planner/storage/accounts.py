"""Account repository."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from planner.model import Account, AccountDraft
from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB

_COLUMNS = "id, name, parent_id, industry, notes, external_id, source"


def _account(row: tuple[Any, ...]) -> Account:
    return Account(
        id=row[0],
        name=row[1],
        parent_id=row[2],
        industry=row[3],
        notes=row[4],
        external_id=row[5],
        source=row[6],
    )


def list_accounts(plan: PlanDB) -> list[Account]:
    """Every account, by name."""
    rows = plan.query(f"SELECT {_COLUMNS} FROM account ORDER BY name COLLATE NOCASE, id")
    return [_account(r) for r in rows]


# More ids than this are looked up by reading every account (SQLite's limit on parameters).
_FEW_ACCOUNTS = 500


def accounts_of(plan: PlanDB, account_ids: Collection[int]) -> list[Account]:
    """The given accounts (unknown ids left out), by name like list_accounts."""
    wanted = set(account_ids)
    if len(wanted) > _FEW_ACCOUNTS:
        return [a for a in list_accounts(plan) if a.id in wanted]
    # One deal's Blue Sheet needs its one account, not the plan's thousands.
    rows = plan.query(
        f"SELECT {_COLUMNS} FROM account WHERE id IN ({','.join('?' * len(wanted))})"
        " ORDER BY name COLLATE NOCASE, id",
        sorted(wanted),
    )
    return [_account(r) for r in rows]


def get_account(plan: PlanDB, account_id: int) -> Account | None:
    """One account, or None."""
    rows = plan.query(f"SELECT {_COLUMNS} FROM account WHERE id = ?", [account_id])
    return _account(rows[0]) if rows else None


def insert_account(
    plan: PlanDB,
    draft: AccountDraft,
    *,
    account_id: int | None = None,
    external_id: str | None = None,
    source: str | None = None,
) -> int:
    """Insert an account (with a given id when restoring) and return its id."""
    stamp = now_stamp()
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO account (id, name, parent_id, industry, notes, external_id, source,"
            " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                account_id,
                draft.name.strip(),
                draft.parent_id,
                draft.industry,
                draft.notes,
                external_id,
                source,
                stamp,
                stamp,
            ],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_account(plan: PlanDB, account_id: int, draft: AccountDraft) -> None:
    """Replace the editable fields of an account."""
    with plan.atomic():
        plan.execute(
            "UPDATE account SET name = ?, parent_id = ?, industry = ?, notes = ?, updated = ? WHERE id = ?",
            [draft.name.strip(), draft.parent_id, draft.industry, draft.notes, now_stamp(), account_id],
        )


def delete_account(plan: PlanDB, account_id: int) -> None:
    """Delete an account; its deals, people and notes go with it (foreign-key cascade)."""
    with plan.atomic():
        plan.execute("DELETE FROM account WHERE id = ?", [account_id])


def count_opportunities(plan: PlanDB, account_id: int) -> int:
    """How many deals an account holds (the delete confirmation says it)."""
    return int(plan.query("SELECT COUNT(*) FROM opportunity WHERE account_id = ?", [account_id])[0][0])


def descendants(plan: PlanDB, account_id: int) -> list[int]:
    """The ids of an account and all its subsidiaries, at any depth."""
    rows = plan.query(
        "WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT a.id FROM account a"
        " JOIN tree t ON a.parent_id = t.id) SELECT id FROM tree",
        [account_id],
    )
    return [r[0] for r in rows]
