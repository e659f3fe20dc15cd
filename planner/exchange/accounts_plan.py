"""Accounts and people an import needs: the plan's own matched by CRM id, else by name, else new ones."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from planner.exchange.layouts import Field
from planner.exchange.problems import Problem
from planner.exchange.tables import Table
from planner.exchange.values import one_line
from planner.i18n import translate
from planner.storage.imports import AccountFill, AccountLink, NewAccount, NewPerson, PersonLink, PlanIndex
from planner.validation import MAX_TITLE


def name_key(name: str) -> str:
    """How names are compared: case and spacing do not matter ('ACME  corp' is 'Acme Corp')."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class FileAccount:
    """An account row of an accounts file."""

    name: str
    external_id: str | None = None
    parent: str | None = None
    parent_id: str | None = None
    industry: str = ""


@dataclass(frozen=True, slots=True)
class FileContact:
    """A contact row of a contacts file."""

    name: str
    external_id: str | None = None
    title: str = ""
    email: str = ""
    phone: str = ""
    account_id: str | None = None
    account: str | None = None


def _cell(row: list[str] | tuple[str, ...], columns: Mapping[Field, int], f: Field) -> str:
    index = columns.get(f)
    return "" if index is None else one_line(row[index])[:MAX_TITLE]


def read_accounts(table: Table, columns: Mapping[Field, int]) -> list[FileAccount]:
    """The account rows of an accounts file (rows without a name are left out)."""
    result: list[FileAccount] = []
    for row in table.rows:
        cells = tuple(row)
        name = _cell(cells, columns, Field.NAME)
        if not name:
            continue
        result.append(
            FileAccount(
                name,
                _cell(cells, columns, Field.EXTERNAL_ID) or None,
                _cell(cells, columns, Field.PARENT) or None,
                _cell(cells, columns, Field.PARENT_ID) or None,
                _cell(cells, columns, Field.INDUSTRY),
            )
        )
    return result


def read_contacts(table: Table, columns: Mapping[Field, int]) -> list[FileContact]:
    """The contact rows of a contacts file: 'First Last' when the file splits the name."""
    result: list[FileContact] = []
    for row in table.rows:
        cells = tuple(row)
        name = _cell(cells, columns, Field.NAME)
        if not name:
            first = _cell(cells, columns, Field.FIRST_NAME)
            last = _cell(cells, columns, Field.LAST_NAME)
            name = " ".join(part for part in (first, last) if part)
        if not name:
            continue
        result.append(
            FileContact(
                name,
                _cell(cells, columns, Field.EXTERNAL_ID) or None,
                _cell(cells, columns, Field.JOB_TITLE),
                _cell(cells, columns, Field.EMAIL),
                _cell(cells, columns, Field.PHONE),
                _cell(cells, columns, Field.ACCOUNT_ID) or None,
                _cell(cells, columns, Field.ACCOUNT) or None,
            )
        )
    return result


class AccountResolver:
    """Account links for names and CRM ids; new accounts and filled blanks are recorded, not written.

    Existing accounts are the seller's: an import never renames or re-parents them, it only fills
    what is blank (CRM id, industry, a parent when there is none).
    """

    def __init__(self, index: PlanIndex, source: str, file_accounts: Iterable[FileAccount]) -> None:
        self.source = source
        self._by_id = {a.id: a for a in index.accounts}
        self._by_external = {a.external_id: a for a in index.accounts if a.source == source and a.external_id}
        self._by_name: dict[str, int] = {}
        for account in sorted(index.accounts, key=lambda a: a.id):
            self._by_name.setdefault(name_key(account.name), account.id)
        self._file_by_external: dict[str, FileAccount] = {}
        self._file_by_name: dict[str, FileAccount] = {}
        for file_account in file_accounts:
            if file_account.external_id:
                self._file_by_external.setdefault(file_account.external_id, file_account)
            self._file_by_name.setdefault(name_key(file_account.name), file_account)
        self.new: dict[str, NewAccount] = {}
        self.fills: dict[int, AccountFill] = {}
        self.problems: list[Problem] = []
        # Read once per import, not once per row that needs it.
        self._unknown_id = translate(
            "Import",
            "the account id {id} is in no accounts file; imported without an account (import the "
            "accounts file, e.g. Account.csv, with it)",
        )

    def link(self, name: str | None, external_id: str | None) -> tuple[AccountLink, str | None]:
        """The account a row names (by CRM id first, then name) and, if it cannot be found, why."""
        file_account: FileAccount | None = None
        if external_id:
            existing = self._by_external.get(external_id)
            if existing is not None:
                return existing.id, None
            file_account = self._file_by_external.get(external_id)
            if file_account is not None:
                name = file_account.name
            elif not name:
                return None, self._unknown_id.format(id=external_id)
        if not name:
            return None, None
        key = name_key(name)
        file_account = file_account or self._file_by_name.get(key)
        existing_id = self._by_name.get(key)
        if existing_id is not None:
            if file_account is not None or external_id:
                self._fill(existing_id, file_account, external_id)
            return existing_id, None
        return self._create(key, name, file_account, external_id), None

    def _create(self, key: str, name: str, file_account: FileAccount | None, external_id: str | None) -> str:
        link = f"account:{key}"
        if link in self.new:
            return link
        self.new[link] = NewAccount(
            link,
            file_account.name if file_account else name,
            file_account.industry if file_account else "",
            external_id or (file_account.external_id if file_account else None),
            self.source,
        )
        if file_account is not None:
            parent = self._parent(file_account)
            if parent is not None and not self._cycle(link, parent):
                self.new[link] = replace(self.new[link], parent=parent)
        return link

    def _fill(self, account_id: int, file_account: FileAccount | None, external_id: str | None) -> None:
        if account_id in self.fills:
            return
        current = self._by_id[account_id]
        fill = AccountFill(account_id)
        self.fills[account_id] = fill  # registered first: a parent chain may lead back here
        wanted_id = external_id or (file_account.external_id if file_account else None)
        if wanted_id and not current.external_id and wanted_id not in self._by_external:
            fill = replace(fill, external_id=wanted_id, source=self.source)
        if file_account is not None:
            if file_account.industry and not current.industry:
                fill = replace(fill, industry=file_account.industry)
            if current.parent_id is None:
                parent = self._parent(file_account)
                if parent is not None and not self._cycle(account_id, parent):
                    fill = replace(fill, parent=parent)
        self.fills[account_id] = fill

    def _parent(self, file_account: FileAccount) -> AccountLink:
        if not (file_account.parent or file_account.parent_id):
            return None
        parent, _why = self.link(file_account.parent, file_account.parent_id)
        return parent

    def parent_of(self, link: AccountLink) -> AccountLink:
        """The parent a link will have once the batch is written."""
        if isinstance(link, str):
            return self.new[link].parent
        if link is None:
            return None
        fill = self.fills.get(link)
        if fill is not None and fill.parent is not None:
            return fill.parent
        existing = self._by_id.get(link)
        return existing.parent_id if existing else None

    def _cycle(self, child: AccountLink, parent: AccountLink) -> bool:
        seen: set[AccountLink] = set()
        node = parent
        while node is not None and node not in seen:
            if node == child:
                name = self.new[child].name if isinstance(child, str) else self._by_id[child].name
                self.problems.append(
                    Problem(
                        translate("Import", "accounts"),
                        None,
                        "",
                        name,
                        translate("Import", "its parent chain leads back to itself; no parent set"),
                    )
                )
                return True
            seen.add(node)
            node = self.parent_of(node)
        return False

    def needed(self, links: Iterable[AccountLink]) -> tuple[tuple[NewAccount, ...], tuple[AccountFill, ...]]:
        """The new accounts and fills the given links need, with their parents up the chain."""
        wanted: set[AccountLink] = set()
        for link in links:
            node: AccountLink = link
            while node is not None and node not in wanted:
                wanted.add(node)
                node = self.parent_of(node)
        accounts = tuple(a for key, a in self.new.items() if key in wanted)
        fills = tuple(
            f
            for account_id, f in self.fills.items()
            if account_id in wanted and (f.parent is not None or f.industry is not None or f.external_id)
        )
        return accounts, fills


class PeopleResolver:
    """Person links for contacts: by CRM id, else by account and name, else a new person."""

    def __init__(self, index: PlanIndex, source: str) -> None:
        self.source = source
        self._by_external = {
            p.external_id: p.id for p in index.people if p.source == source and p.external_id
        }
        self._by_name: dict[tuple[int, str], int] = {}
        for person in index.people:
            self._by_name.setdefault((person.account_id, name_key(person.name)), person.id)
        self.new: dict[str, NewPerson] = {}
        self.names: dict[PersonLink, str] = {}

    def link(self, contact: FileContact, account: AccountLink) -> PersonLink | None:
        """The person for a contact at `account` (None when there is no account to put them in)."""
        if contact.external_id and contact.external_id in self._by_external:
            return self._by_external[contact.external_id]
        if account is None:
            return None
        key = name_key(contact.name)
        if isinstance(account, int) and (account, key) in self._by_name:
            return self._by_name[(account, key)]
        link = f"person:{account}:{contact.external_id or ''}:{key}"
        if link not in self.new:
            self.new[link] = NewPerson(
                link,
                account,
                contact.name,
                contact.title,
                contact.email,
                contact.phone,
                contact.external_id,
                self.source if contact.external_id else None,
            )
            self.names[link] = contact.name
        return link

    def name_of(self, link: PersonLink) -> str:
        return self.names.get(link, "") if isinstance(link, str) else ""
