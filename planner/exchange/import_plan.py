"""The import preview: every row of the files matched with the plan, merged and checked; nothing written."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast

from planner.close_reasons import map_crm_reason, reason_codes
from planner.exchange.accounts_plan import (
    AccountResolver,
    FileContact,
    PeopleResolver,
    name_key,
    read_accounts,
    read_contacts,
)
from planner.exchange.amounts import AmountReading, NumberStyle
from planner.exchange.crm_stages import EXPORT_STAGES_KEY, counterparts
from planner.exchange.deal_rows import DealRow, TableReading, decide, read_deal_rows
from planner.exchange.layouts import (
    Field,
    FileKind,
    Layout,
    check_mapping,
    fields_for,
    layout_key,
    normalise,
    suggest_mapping,
)
from planner.exchange.merge import FieldChange, MergeResult, field_labels, merge
from planner.exchange.problems import Problem, Severity, plural
from planner.exchange.sources import Loaded, SourceTable
from planner.exchange.stage_mapping import FileStage, StageChoice, file_stages, suggest
from planner.exchange.values import DateOrder, DateReading, one_line, parse_date, stamp_of
from planner.i18n import QT_TRANSLATE_NOOP, format_number, translate
from planner.model import FunnelLevel, Role, Stage
from planner.stages import open_stages, ordered
from planner.storage import imports as imports_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB
from planner.storage.imports import (
    AccountLink,
    CloseDateStep,
    DealUpdate,
    ExistingDeal,
    NewDeal,
    PersonLink,
    PlanIndex,
    StageChange,
    StageStep,
)

# Matching: a row is the deal with the same source and CRM id, else (for deals that have no CRM id
# yet) the deal with the same account and name. CRM-owned fields then merge three ways with what
# the last import wrote (see planner.exchange.merge): the seller's planner edits survive a refresh
# unless the CRM changed the same field since.

MAPPING_KEY = "import.mapping.{layout}"
STAGE_MAP_KEY = "import.stage_map.{source}"
Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 500

# Salesforce OpportunityContactRole roles that name a Miller Heiman role; other roles are unknown.
_ROLES = {
    "economic buyer": Role.ECONOMIC,
    "technical buyer": Role.TECHNICAL,
    "business user": Role.USER,
    "economic": Role.ECONOMIC,
    "technical": Role.TECHNICAL,
    "user": Role.USER,
    "coach": Role.COACH,
}
# The roles as a new buying influence's change names them (sources of "ImportChanges").
_ROLE_NAMES = {
    Role.ECONOMIC: QT_TRANSLATE_NOOP("ImportChanges", "economic"),
    Role.USER: QT_TRANSLATE_NOOP("ImportChanges", "user"),
    Role.TECHNICAL: QT_TRANSLATE_NOOP("ImportChanges", "technical"),
    Role.COACH: QT_TRANSLATE_NOOP("ImportChanges", "coach"),
    Role.UNKNOWN: QT_TRANSLATE_NOOP("ImportChanges", "unknown"),
}
_WON_STATUS = {"won", "closed won", "closedwon"}
_LOST_STATUS = {"lost", "closed lost", "closedlost"}
_DELETED_STATUS = {"deleted", "removed"}


class Action(StrEnum):
    """What the import does with a row."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """The seller's choices: each has an automatic default.

    `mappings` maps a table name (or "*" for every deals file) to header -> field; None un-maps
    a column. `stage_map` maps file stage values to plan stage names. `date_orders` maps a
    table name (or "*") to how its ambiguous dates are read, `number_styles` to the number style
    its amounts are written in.
    """

    source: Layout | None = None
    mappings: Mapping[str, Mapping[str, Field | None]] = field(default_factory=dict)
    stage_map: Mapping[str, str] = field(default_factory=dict)
    owner: str | None = None
    date_orders: Mapping[str, DateOrder] = field(default_factory=dict)
    default_currency: str | None = None
    number_styles: Mapping[str, NumberStyle] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One deals row: the action, what changes, its problems and what the batch would write."""

    file: str
    row: int
    action: Action
    title: str
    external_id: str | None
    owner: str
    stage_value: str
    opportunity_id: int | None = None
    changes: tuple[FieldChange, ...] = ()
    kept: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    new_deal: NewDeal | None = None
    update: DealUpdate | None = None
    state: Mapping[str, Any] | None = None
    account: AccountLink = None
    influences: tuple[tuple[PersonLink, str], ...] = ()

    @property
    def key(self) -> tuple[str, int]:
        return self.file, self.row

    @property
    def flagged(self) -> bool:
        """Imported, but with a warning the seller may want to act on (or skip the row for)."""
        return any(p.severity is Severity.WARNING for p in self.problems)


@dataclass(frozen=True, slots=True)
class TableInfo:
    """A file as the wizard shows it: what it is, how its columns are mapped and read."""

    name: str
    kind: FileKind
    layout: Layout
    rows: int
    headers: tuple[str, ...]
    mapping: Mapping[str, Field]
    origin: str  # "suggested", "remembered" or "chosen"
    layout_key: str
    samples: Mapping[str, tuple[str, ...]]
    dates: DateReading | None = None
    amounts: AmountReading | None = None


@dataclass(frozen=True, slots=True)
class MissingDeal:
    """An open deal imported from this source before that the new files no longer hold."""

    opportunity_id: int
    external_id: str
    title: str


@dataclass(frozen=True)
class ImportPreview:
    """Everything the import would do, computed without writing."""

    source: Layout
    tables: tuple[TableInfo, ...]
    rows: tuple[PlannedRow, ...]
    filtered_out: int
    owners: tuple[tuple[str, int], ...]
    owner: str | None
    stages: tuple[FileStage, ...]
    stage_map: Mapping[str, StageChoice]
    stage_names: Mapping[int, str]
    missing: tuple[MissingDeal, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    accounts: AccountResolver
    people: PeopleResolver
    contacts: tuple[tuple[AccountLink, PersonLink], ...]
    settings: Mapping[str, Any]
    today: dt.date

    @property
    def importable(self) -> bool:
        return any(r.action is not Action.SKIP for r in self.rows)

    def table(self, name: str) -> TableInfo | None:
        return next((t for t in self.tables if t.name == name), None)


def role_of(text: str) -> Role:
    """A CRM contact role as a buying-influence role (Economic Buyer -> ECONOMIC; others UNKNOWN)."""
    return _ROLES.get(" ".join(text.casefold().split()), Role.UNKNOWN)


def _remembered_mapping(plan: PlanDB, key: str, headers: Sequence[str], kind: FileKind) -> dict[str, Field]:
    saved = settings_repo.get_setting(plan, MAPPING_KEY.format(layout=key), None)
    if not isinstance(saved, dict) or not isinstance(saved.get("columns"), dict):
        return {}
    allowed = {f.value: f for f in fields_for(kind)}
    return {h: allowed[f] for h, f in saved["columns"].items() if h in headers and f in allowed}


def _remembered_order(plan: PlanDB, key: str) -> DateOrder | None:
    saved = settings_repo.get_setting(plan, MAPPING_KEY.format(layout=key), None)
    value = saved.get("date_order") if isinstance(saved, dict) else None
    return DateOrder(value) if value in ("mdy", "dmy") else None


def remembered_style(plan: PlanDB, key: str) -> NumberStyle | None:
    """The number style the seller chose before for files of this layout key, if any."""
    saved = settings_repo.get_setting(plan, MAPPING_KEY.format(layout=key), None)
    value = saved.get("number_style") if isinstance(saved, dict) else None
    return NumberStyle(value) if value in ("point", "comma") else None


def _mapping_for(
    plan: PlanDB, source: SourceTable, options: ImportOptions, problems: list[Problem]
) -> tuple[dict[str, Field], str, dict[str, Field]]:
    """(mapping, origin, the base it started from) of one table."""
    table, kind = source.table, source.kind
    key = layout_key(kind, table.headers)
    remembered = _remembered_mapping(plan, key, table.headers, kind)
    base = remembered or suggest_mapping(kind, table.headers)
    origin = "remembered" if remembered else "suggested"
    given = options.mappings.get(table.name)
    if given is None and kind is FileKind.DEALS:
        given = options.mappings.get("*")
    if not given:
        return dict(base), origin, base
    mapping = dict(base)
    allowed = set(fields_for(kind))
    for header, wanted in given.items():
        if header not in table.headers:
            problems.append(
                Problem(
                    table.name,
                    None,
                    header,
                    "",
                    translate("Import", "the mapping names a column the file lacks"),
                )
            )
            continue
        mapping.pop(header, None)
        if wanted is None:
            continue
        if wanted not in allowed:
            problems.append(
                Problem(
                    table.name,
                    None,
                    header,
                    "",
                    translate("Import", "{field} is not a field of a {kind} file").format(
                        field=wanted.label, kind=kind.word
                    ),
                )
            )
            continue
        for other in [h for h, f in mapping.items() if f is wanted]:
            del mapping[other]  # the seller's choice wins over a suggestion for the same field
        mapping[header] = wanted
    for message in check_mapping(kind, table.headers, mapping):
        problems.append(Problem(table.name, None, "", "", message, Severity.ERROR))
    return mapping, "chosen", base


def _columns(table_headers: Sequence[str], mapping: Mapping[str, Field]) -> dict[Field, int]:
    return {f: table_headers.index(h) for h, f in mapping.items()}


def _samples(source: SourceTable) -> dict[str, tuple[str, ...]]:
    table = source.table
    result: dict[str, tuple[str, ...]] = {}
    for index, header in enumerate(table.headers):
        values: list[str] = []
        for row in table.rows[:50]:
            value = one_line(row[index])[:40]
            if value and value not in values:
                values.append(value)
            if len(values) == 3:
                break
        result[header] = tuple(values)
    return result


@dataclass
class _HistoryEntry:
    stamp: str
    stage: str
    close_date: dt.date | None


class _Builder:
    """Builds one preview; state shared by the steps lives here."""

    def __init__(
        self, plan: PlanDB, loaded: Loaded, options: ImportOptions, today: dt.date, progress: Progress | None
    ) -> None:
        self.plan = plan
        self.loaded = loaded
        self.options = options
        self.today = today
        self.progress = progress
        self.problems: list[Problem] = list(loaded.problems)
        self.notes: list[str] = []
        self.settings: dict[str, Any] = {}
        self.tables: list[TableInfo] = []
        self.columns: dict[str, dict[Field, int]] = {}
        self.stamp = now_stamp()
        deal_tables = loaded.of_kind(FileKind.DEALS)
        self.source = options.source or _majority_layout(deal_tables)
        self.index: PlanIndex = imports_repo.load_index(plan, self.source.value)
        self.stages = stage_repo.list_stages(plan)
        self.active = ordered(self.stages)
        self.closed_ids = {s.id for s in self.stages if s.is_closed}
        self.reason_codes = reason_codes(plan)  # CRM loss reasons map onto the plan's list
        self.first_of_level: dict[FunnelLevel, Stage] = {}
        for stage in self.active:
            self.first_of_level.setdefault(stage.level, stage)
        self.default_currency = options.default_currency or str(
            settings_repo.get_setting(plan, "base_currency", "EUR")
        )
        self.stage_choices: Mapping[str, StageChoice] = {}
        self.crm_values: dict[int, list[str]] = {}  # plan stage id -> its CRM values (crm_stages)
        self.file_stages: list[FileStage] = []
        self.all_contacts: list[FileContact] = []
        self.account_resolver: AccountResolver | None = None
        self.date_orders: dict[str, DateOrder] = {}
        # Per table: the number style the seller gave for this import, and the one remembered.
        self.number_styles: dict[str, tuple[NumberStyle | None, NumberStyle | None]] = {}
        # The sentences every row may need, translated once per preview (not once per row).
        self.labels = field_labels()
        self.say = _row_wording()

    def describe(self, name: str, value: Any) -> str:
        """A field value as the summary shows it (stage and account names rather than ids)."""
        if value is None:
            return ""
        if name == "stage_id":
            return next((s.name for s in self.stages if s.id == value), str(value))
        if name == "account_id":
            if isinstance(value, str) and self.account_resolver is not None:
                return self.account_resolver.new[value].name
            return next((a.name for a in self.index.accounts if a.id == value), str(value))
        if name == "amount" and isinstance(value, float | int):
            return format_number(value, 0 if round(value, 2).is_integer() else 2)
        return str(value)

    @property
    def crm(self) -> str:
        return self.source.label

    # Tables -------------------------------------------------------------------------------
    def map_tables(self) -> None:
        for source in self.loaded.tables:
            table = source.table
            key = layout_key(source.kind, table.headers)
            if source.kind is FileKind.UNUSED:
                self.notes.append(
                    translate(
                        "Import",
                        "{file}: not used (its columns look like none of deals, accounts, contacts, "
                        "contact roles, stage history, products or users)",
                    ).format(file=table.name)
                )
                self.tables.append(
                    TableInfo(table.name, source.kind, source.layout, len(table.rows), table.headers, {},
                              "suggested", key, _samples(source))
                )  # fmt: skip
                continue
            mapping, origin, base = _mapping_for(self.plan, source, self.options, self.problems)
            remembered_order = _remembered_order(self.plan, key)
            given_order = self.options.date_orders.get(table.name) or (
                self.options.date_orders.get("*") if source.kind is FileKind.DEALS else None
            )
            order = given_order or remembered_order
            if order is not None:
                self.date_orders[table.name] = order
            remembered = remembered_style(self.plan, key)
            given_style = self.options.number_styles.get(table.name) or (
                self.options.number_styles.get("*") if source.kind is FileKind.DEALS else None
            )
            self.number_styles[table.name] = (given_style, remembered)
            style = given_style or remembered
            if (
                mapping != base
                or (given_order is not None and given_order != remembered_order)
                or (given_style is not None and given_style != remembered)
            ):
                entry: dict[str, Any] = {"columns": {h: f.value for h, f in mapping.items()}}
                if order is not None:
                    entry["date_order"] = order.value
                if style is not None:
                    entry["number_style"] = style.value
                self.settings[MAPPING_KEY.format(layout=key)] = entry
            self.columns[table.name] = _columns(table.headers, mapping)
            self.tables.append(
                TableInfo(table.name, source.kind, source.layout, len(table.rows), table.headers, mapping,
                          origin, key, _samples(source))
            )  # fmt: skip

    def tables_of(self, kind: FileKind) -> list[SourceTable]:
        return [t for t in self.loaded.of_kind(kind) if t.table.name in self.columns]

    def cells(self, kind: FileKind) -> Iterable[tuple[str, Mapping[Field, int], Sequence[str], int]]:
        for source in self.tables_of(kind):
            columns = self.columns[source.table.name]
            for number, row in zip(source.table.numbers, source.table.rows, strict=True):
                yield source.table.name, columns, row, number

    # Reading ------------------------------------------------------------------------------
    def read_deals(self) -> list[DealRow]:
        users: dict[str, str] = {}
        for _name, columns, row, _number in self.cells(FileKind.USERS):
            user_id = row[columns[Field.EXTERNAL_ID]].strip() if Field.EXTERNAL_ID in columns else ""
            name = row[columns[Field.NAME]].strip() if Field.NAME in columns else ""
            if not name:
                parts = [row[columns[f]].strip() for f in (Field.FIRST_NAME, Field.LAST_NAME) if f in columns]
                name = " ".join(p for p in parts if p)
            if user_id and name:
                users[user_id] = name
        deals: list[DealRow] = []
        for index, source in enumerate(self.tables_of(FileKind.DEALS)):
            table = source.table
            columns = self.columns[table.name]
            given_style, remembered = self.number_styles.get(table.name, (None, None))
            reading: TableReading = decide(
                table, columns, self.date_orders.get(table.name), given_style, remembered
            )
            if note := reading.dates.note(table.name):
                self.notes.append(note)
            if note := reading.amounts.note(table.name):
                self.notes.append(note)
            self.tables[self._table_index(table.name)] = _with_reading(
                self.tables[self._table_index(table.name)], reading
            )
            if not reading.amounts.decided:
                # Guessing could make every amount a thousand times too small or too large.
                message = translate(
                    "Import", "{question}; nothing is imported from it until you say which style it uses"
                ).format(question=reading.amounts.question(table.name))
                self.problems.append(Problem(table.name, None, "", "", message, Severity.ERROR))
                continue
            if not columns:
                self.problems.append(
                    Problem(
                        table.name,
                        None,
                        "",
                        "",
                        translate("Import", "{file}: no column is mapped to a field").format(file=table.name),
                        Severity.ERROR,
                    )
                )
                continue
            if not {Field.ACCOUNT, Field.ACCOUNT_ID} & columns.keys():
                self.notes.append(
                    translate(
                        "Import", "{file}: no account column; deals are imported without accounts"
                    ).format(file=table.name)
                )
            deals.extend(read_deal_rows(table, columns, reading, users))
            if self.progress is not None:
                self.progress(index + 1, len(self.tables_of(FileKind.DEALS)) + 1)
        return deals

    def _table_index(self, name: str) -> int:
        return next(i for i, t in enumerate(self.tables) if t.name == name)

    def filter_owner(self, deals: list[DealRow]) -> tuple[list[DealRow], int, list[tuple[str, int]]]:
        counts = Counter(d.owner for d in deals if d.owner)
        owners = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
        wanted = (self.options.owner or "").strip()
        if not wanted:
            return deals, 0, owners
        has_owner = any(Field.OWNER in self.columns[t.table.name] for t in self.tables_of(FileKind.DEALS))
        if not has_owner:
            self.problems.append(
                Problem(
                    "",
                    None,
                    "",
                    wanted,
                    translate("Import", "the files have no owner column to filter by"),
                    Severity.ERROR,
                )
            )
            return [], len(deals), owners
        key = wanted.casefold()
        kept = [d for d in deals if d.owner.casefold() == key]
        if not kept:
            listed = ", ".join(f"{name} ({count})" for name, count in owners[:10])
            message = translate(
                "Import", "no deal in the files is owned by “{owner}” (owners: {owners})"
            ).format(owner=wanted, owners=listed)
            self.problems.append(Problem("", None, "", wanted, message, Severity.ERROR))
        return kept, len(deals) - len(kept), owners

    def mark_duplicates(self, deals: list[DealRow]) -> None:
        first: dict[str, DealRow] = {}
        same_file = translate("Import", "the same id is on row {row}; this row is skipped")
        other_file = translate("Import", "the same id is on {file}, row {row}; this row is skipped")
        for deal in deals:
            if deal.external_id is None:
                continue
            earlier = first.get(deal.external_id)
            if earlier is None:
                first[deal.external_id] = deal
                continue
            message = (
                same_file.format(row=earlier.row)
                if earlier.file == deal.file
                else other_file.format(file=earlier.file, row=earlier.row)
            )
            column = self._header(deal.file, Field.EXTERNAL_ID)
            deal.problems.append(
                Problem(deal.file, deal.row, column, deal.external_id, message, Severity.ERROR)
            )

    def _header(self, table_name: str, f: Field) -> str:
        info = self.tables[self._table_index(table_name)]
        return next((h for h, mapped in info.mapping.items() if mapped is f), "")

    def unify_products(self, deals: list[DealRow]) -> None:
        canonical: dict[str, str] = {}
        for _name, columns, row, _number in self.cells(FileKind.PRODUCTS):
            if Field.NAME in columns and (name := one_line(row[columns[Field.NAME]])):
                canonical.setdefault(_product_key(name), name)
        for name in self.index.products:
            canonical.setdefault(_product_key(name), name)
        renamed: Counter[tuple[str, str]] = Counter()
        for deal in deals:
            if not deal.product:
                continue
            spelling = canonical.setdefault(_product_key(deal.product), deal.product)
            if spelling != deal.product:
                renamed[(deal.product, spelling)] += 1
                deal.product = spelling
        if not renamed:
            return
        note = translate("Import", "Product “{written}” is written “{spelling}” ({deals})")
        one, many = translate("Import", "{n} deal"), translate("Import", "{n} deals")
        for (written, spelling), count in sorted(renamed.items()):
            self.notes.append(note.format(written=written, spelling=spelling, deals=plural(count, one, many)))

    # Stages -------------------------------------------------------------------------------
    def map_stages(
        self, deals: list[DealRow], history: Mapping[str, list[_HistoryEntry]]
    ) -> dict[str, StageChoice]:
        pairs: list[tuple[str, int | None]] = [(d.stage, d.probability) for d in deals if d.stage]
        pairs += [(h.stage, None) for entries in history.values() for h in entries if h.stage]
        self.file_stages = file_stages(pairs)
        key = STAGE_MAP_KEY.format(source=self.source.value)
        remembered = settings_repo.get_setting(self.plan, key, {})
        remembered = remembered if isinstance(remembered, dict) else {}
        # A CRM value the seller chose for a plan stage (for the export) comes back to that stage.
        chosen = settings_repo.get_setting(self.plan, EXPORT_STAGES_KEY.format(source=self.source.value), {})
        chosen = {str(v): str(k) for k, v in chosen.items()} if isinstance(chosen, dict) else {}
        choices = suggest(self.file_stages, self.stages, {**chosen, **remembered}, self.options.stage_map)
        self.stage_choices = choices
        names = {s.id: s.name for s in self.stages}
        saved = {**remembered, **{stage: names[c.stage_id] for stage, c in choices.items()}}
        if saved != remembered:
            self.settings[key] = saved
        self.crm_values = counterparts(self.source, self.stages, saved, {v: k for k, v in chosen.items()})
        return choices

    def target_stage(
        self, deal: DealRow, choices: Mapping[str, StageChoice]
    ) -> tuple[int | None, str | None]:
        """(stage id or None when the row says nothing, problem message or None)."""
        status = deal.status
        if status in _DELETED_STATUS or deal.is_deleted:
            return None, self.say["deleted"]
        if status in _WON_STATUS or (deal.is_won and deal.is_closed is not False):
            level: FunnelLevel | None = FunnelLevel.WON
        elif status in _LOST_STATUS or (deal.is_closed and deal.is_won is False):
            level = FunnelLevel.LOST
        else:
            level = None
        if level is not None and level in self.first_of_level:
            return self.first_of_level[level].id, None
        if deal.stage and deal.stage in choices:
            return choices[deal.stage].stage_id, None
        return None, None

    # Accounts, people, history ------------------------------------------------------------
    def resolvers(self) -> tuple[AccountResolver, PeopleResolver, dict[str, FileContact]]:
        file_accounts = []
        for source in self.tables_of(FileKind.ACCOUNTS):
            file_accounts += read_accounts(source.table, self.columns[source.table.name])
        accounts = AccountResolver(self.index, self.source.value, file_accounts)
        self.account_resolver = accounts
        people = PeopleResolver(self.index, self.source.value)
        for person in self.index.people:
            people.names[person.id] = person.name
        contacts: dict[str, FileContact] = {}
        for source in self.tables_of(FileKind.CONTACTS):
            for contact in read_contacts(source.table, self.columns[source.table.name]):
                self.all_contacts.append(contact)
                if contact.external_id:
                    contacts.setdefault(contact.external_id, contact)
        return accounts, people, contacts

    def roles(self) -> dict[str, list[tuple[str, str]]]:
        result: dict[str, list[tuple[str, str]]] = {}
        for _name, columns, row, _number in self.cells(FileKind.CONTACT_ROLES):
            if Field.OPPORTUNITY_ID in columns and Field.CONTACT_ID in columns:
                deal_id = row[columns[Field.OPPORTUNITY_ID]].strip()
                contact_id = row[columns[Field.CONTACT_ID]].strip()
                role = row[columns[Field.ROLE]].strip() if Field.ROLE in columns else ""
                if deal_id and contact_id:
                    result.setdefault(deal_id, []).append((contact_id, role))
        return result

    def history(self) -> dict[str, list[_HistoryEntry]]:
        result: dict[str, list[_HistoryEntry]] = {}
        for _name, columns, row, _number in self.cells(FileKind.HISTORY):
            if Field.OPPORTUNITY_ID not in columns or Field.CHANGED_AT not in columns:
                continue
            stamp = stamp_of(row[columns[Field.CHANGED_AT]])
            deal_id = row[columns[Field.OPPORTUNITY_ID]].strip()
            if stamp is None or not deal_id:
                continue
            stage = one_line(row[columns[Field.STAGE]]) if Field.STAGE in columns else ""
            close: dt.date | None = None
            if Field.CLOSE_DATE in columns:
                try:
                    close = parse_date(row[columns[Field.CLOSE_DATE]])
                except ValueError:
                    close = None
            result.setdefault(deal_id, []).append(_HistoryEntry(stamp, stage, close))
        for entries in result.values():
            entries.sort(key=lambda h: h.stamp)
        return result


def _row_wording() -> dict[str, str]:
    """The problems and change names of a row, in the window's language (read once per preview)."""
    return {
        "deleted": translate("Import", "deleted in the CRM; skipped"),
        "no account": translate("Import", "no account; imported without one"),
        "no name": translate("Import", "the row has no deal name, product, account or id; skipped"),
        "no open stage": translate("Import", "the plan has no open stage to put the deal in; skipped"),
        "stage not mapped": translate("Import", "the stage is not mapped; placed in {stage}"),
        "no stage": translate("Import", "no stage; placed in {stage}"),
        "no close date": translate("Import", "open deal without a close date; imported and flagged"),
        "unknown contact": translate(
            "Import", "a contact role names a contact that is in no contacts file; not added"
        ),
        "contact without account": translate("Import", "a contact person needs an account; not added"),
        "crm id": translate("ImportChanges", "CRM id"),
        "buying influence": translate("ImportChanges", "Buying influence"),
        "probability": translate("ImportChanges", "Probability"),
        **{f"role:{role.value}": translate("ImportChanges", name) for role, name in _ROLE_NAMES.items()},
    }


def _majority_layout(tables: Sequence[SourceTable]) -> Layout:
    counts = Counter(t.layout for t in tables if t.layout is not Layout.GENERIC)
    return counts.most_common(1)[0][0] if counts else Layout.GENERIC


def _product_key(name: str) -> str:
    # 'GTXPro' and 'GTX Pro' are one product: only letters and digits count.
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _with_reading(info: TableInfo, reading: TableReading) -> TableInfo:
    return TableInfo(
        info.name, info.kind, info.layout, info.rows, info.headers, info.mapping, info.origin,
        info.layout_key, info.samples, reading.dates, reading.amounts,
    )  # fmt: skip


def build_preview(
    plan: PlanDB,
    loaded: Loaded,
    options: ImportOptions | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """What importing `loaded` into `plan` would do; reads the plan, writes nothing."""
    options = options or ImportOptions()
    today = today or dt.date.today()
    b = _Builder(plan, loaded, options, today, progress)
    b.map_tables()
    if b.tables and not b.tables_of(FileKind.DEALS):
        kinds = "; ".join(f"{t.name}: {t.kind.word}" for t in b.tables)
        message = translate("Import", "No file holds deals ({files}).").format(files=kinds)
        b.problems.append(Problem("", None, "", "", message, Severity.ERROR))
    deals = b.read_deals()
    deals, filtered_out, owners = b.filter_owner(deals)
    b.mark_duplicates(deals)
    b.unify_products(deals)
    history = b.history()
    choices = b.map_stages(deals, history)
    accounts, people, contacts = b.resolvers()
    roles = b.roles()
    rows = _plan_rows(b, deals, choices, history, roles, accounts, people, contacts)
    claimed = {r.opportunity_id for r in rows if r.opportunity_id is not None}
    missing = tuple(
        sorted(
            (
                MissingDeal(d.id, d.external_id or "", d.title)
                for d in b.index.deals
                if d.source == b.source.value
                and d.external_id
                and d.id not in claimed
                and d.stage_id not in b.closed_ids
            ),
            key=lambda m: (m.title.casefold(), m.opportunity_id),
        )
    )
    contact_links: list[tuple[AccountLink, PersonLink]] = []
    for contact in b.all_contacts:
        account, _why = accounts.link(contact.account, contact.account_id)
        person = people.link(contact, account)
        if account is not None and person is not None:
            contact_links.append((account, person))
    return ImportPreview(
        source=b.source,
        tables=tuple(b.tables),
        rows=tuple(rows),
        filtered_out=filtered_out,
        owners=tuple(owners),
        owner=options.owner,
        stages=tuple(b.file_stages),
        stage_map=choices,
        stage_names={s.id: s.name for s in b.stages},
        missing=missing,
        problems=tuple(b.problems + accounts.problems),
        notes=tuple(b.notes),
        accounts=accounts,
        people=people,
        contacts=tuple(contact_links),
        settings=b.settings,
        today=today,
    )


def _plan_rows(
    b: _Builder,
    deals: list[DealRow],
    choices: Mapping[str, StageChoice],
    history: Mapping[str, list[_HistoryEntry]],
    roles: Mapping[str, list[tuple[str, str]]],
    accounts: AccountResolver,
    people: PeopleResolver,
    contacts: Mapping[str, FileContact],
) -> list[PlannedRow]:
    by_external = {d.external_id: d for d in b.index.deals if d.source == b.source.value and d.external_id}
    fallback: dict[tuple[int | None, str], list[ExistingDeal]] = {}
    for existing in b.index.deals:
        if existing.external_id is None:
            fallback.setdefault((existing.account_id, name_key(existing.title)), []).append(existing)
    claimed: set[int] = set()
    rows: list[PlannedRow] = []
    for position, deal in enumerate(deals):
        if b.progress is not None and position % _PROGRESS_EVERY == 0:
            b.progress(position, len(deals))
        rows.append(
            _plan_row(
                b, deal, choices, history, roles, accounts, people, contacts, by_external, fallback, claimed
            )
        )
    return rows


def _skip(deal: DealRow, title: str, problems: list[Problem]) -> PlannedRow:
    return PlannedRow(
        deal.file,
        deal.row,
        Action.SKIP,
        title,
        deal.external_id,
        deal.owner,
        deal.stage,
        problems=tuple(problems),
    )


def _plan_row(
    b: _Builder,
    deal: DealRow,
    choices: Mapping[str, StageChoice],
    history: Mapping[str, list[_HistoryEntry]],
    roles: Mapping[str, list[tuple[str, str]]],
    accounts: AccountResolver,
    people: PeopleResolver,
    contacts: Mapping[str, FileContact],
    by_external: Mapping[str, ExistingDeal],
    fallback: Mapping[tuple[int | None, str], list[ExistingDeal]],
    claimed: set[int],
) -> PlannedRow:
    problems = list(deal.problems)
    say = b.say

    def warn(f: Field | None, value: str, message: str, severity: Severity = Severity.WARNING) -> None:
        column = b._header(deal.file, f) if f is not None else ""
        problems.append(Problem(deal.file, deal.row, column, value, message, severity))

    account: AccountLink = None
    if Field.ACCOUNT in deal.supplied or Field.ACCOUNT_ID in deal.supplied:
        account, why = accounts.link(deal.account, deal.account_id)
        if why:
            warn(Field.ACCOUNT_ID, deal.account_id or "", why)
        elif account is None:
            warn(Field.ACCOUNT, "", say["no account"])
    title = deal.title or " — ".join(p for p in (deal.product, deal.account) if p)
    if not title and deal.external_id:
        title = f"Deal {deal.external_id}"  # the deal's name in the plan: data, not translated
    if not title:
        warn(None, "", say["no name"], Severity.ERROR)
    stage_id, why = b.target_stage(deal, choices)
    if why:
        warn(Field.IS_DELETED if deal.is_deleted else Field.STATUS, deal.status, why, Severity.ERROR)
    if deal.has_errors or any(p.severity is Severity.ERROR for p in problems):
        return _skip(deal, title, problems)

    existing = by_external.get(deal.external_id) if deal.external_id else None
    if existing is None and (deal.title_given or not deal.external_id):
        candidates = fallback.get((account if isinstance(account, int) else None, name_key(title)), [])
        existing = next((c for c in candidates if c.id not in claimed), None)
    if existing is not None:
        claimed.add(existing.id)

    target = stage_id if stage_id is not None else (existing.stage_id if existing else None)
    if target is None:
        columns = open_stages(b.stages)
        if not columns:
            warn(Field.STAGE, deal.stage, say["no open stage"], Severity.ERROR)
            return _skip(deal, title, problems)
        first = columns[0]
        target = first.id
        if deal.stage:
            warn(Field.STAGE, deal.stage, say["stage not mapped"].format(stage=first.name))
        else:
            warn(Field.STAGE, "", say["no stage"].format(stage=first.name))
    closed = target in b.closed_ids
    if not closed and deal.close_date is None:
        warn(Field.CLOSE_DATE, "", say["no close date"])

    influences, person_keys = _influences(deal, account, roles, people, contacts, warn, say)
    stage_value = deal.stage or deal.status
    if existing is None:
        return _create_row(b, deal, title, account, target, closed, stage_value, history, influences,
                           person_keys, problems)  # fmt: skip
    stage_id = _as_exported(b, deal, existing, stage_id, stage_value)
    return _merge_row(
        b, deal, existing, account, stage_id, stage_value, influences, person_keys, people, problems
    )


def _as_exported(
    b: _Builder, deal: DealRow, existing: ExistingDeal, stage_id: int | None, stage_value: str
) -> int | None:
    """The deal's own stage when the file's value is what the export writes for it (a deal walked
    away from in the planner comes back 'Closed Lost' or 'lost'), else `stage_id`."""
    if stage_id is None or stage_id == existing.stage_id:
        return stage_id
    current = next((s for s in b.stages if s.id == existing.stage_id), None)
    if current is None:
        return stage_id
    if b.source.closed_by_status and current.is_closed:
        same = deal.status in (_WON_STATUS if current.level is FunnelLevel.WON else _LOST_STATUS)
    else:
        # HubSpot takes "closedlost" and shows it as "Closed Lost": compared as normalise() does.
        same = bool(stage_value) and normalise(stage_value) in {
            normalise(v) for v in b.crm_values.get(current.id, ())
        }
    return existing.stage_id if same else stage_id


def _influences(
    deal: DealRow,
    account: AccountLink,
    roles: Mapping[str, list[tuple[str, str]]],
    people: PeopleResolver,
    contacts: Mapping[str, FileContact],
    warn: Callable[[Field | None, str, str], None],
    say: Mapping[str, str],
) -> tuple[list[tuple[PersonLink, str, str]], list[str]]:
    """(person, role, person key) per contact role of the row, and the person keys."""
    found: list[tuple[PersonLink, str, str]] = []
    for contact_id, role_text in roles.get(deal.external_id or "", []):
        contact = contacts.get(contact_id, FileContact("", contact_id))
        person = people.link(contact, account) if contact.name else people.link(contact, None)
        if person is None:
            warn(None, contact_id, say["unknown contact"])
            continue
        found.append((person, role_of(role_text).value, contact_id))
    if deal.contact:
        person = people.link(FileContact(deal.contact), account)
        if person is None:
            warn(Field.CONTACT, deal.contact, say["contact without account"])
        else:
            found.append((person, Role.UNKNOWN.value, "name:" + name_key(deal.contact)))
    return found, [key for _p, _r, key in found]


def _seed_history(
    b: _Builder, deal: DealRow, target: int, entries: Sequence[_HistoryEntry], created: str
) -> tuple[tuple[StageStep, ...], tuple[CloseDateStep, ...], dt.date | None]:
    """Stage and close-date history of a new deal (from OpportunityHistory when given).

    The reasons are stored in the plan, so they stay English whatever the window's language (as
    do the close reasons and "Changed in …" of `_create_row` and `_merge_row`).
    """
    choices = b.stage_choices
    moves: list[StageStep] = []
    slips: list[CloseDateStep] = []
    previous: int | None = None
    previous_close: dt.date | None = None
    for entry in entries:
        stage_id = choices[entry.stage].stage_id if entry.stage in choices else None
        if stage_id is not None and stage_id != previous:
            moves.append(StageStep(previous, stage_id, entry.stamp, f"{b.crm} history: {entry.stage}"))
            previous = stage_id
        if entry.close_date is not None:
            if previous_close is not None and entry.close_date != previous_close:
                slips.append(CloseDateStep(previous_close, entry.close_date, entry.stamp))
            previous_close = entry.close_date
    if target != previous:
        moves.append(StageStep(previous, target, created if not moves else b.stamp, f"Imported from {b.crm}"))
    if previous_close is not None and deal.close_date is not None and deal.close_date != previous_close:
        slips.append(CloseDateStep(previous_close, deal.close_date, b.stamp))
    entered = dt.date.fromisoformat(moves[-1].moved_at[:10]) if entries else None
    return tuple(moves), tuple(slips), entered


def _create_row(
    b: _Builder,
    deal: DealRow,
    title: str,
    account: AccountLink,
    target: int,
    closed: bool,
    stage_value: str,
    history: Mapping[str, list[_HistoryEntry]],
    influences: list[tuple[PersonLink, str, str]],
    person_keys: list[str],
    problems: list[Problem],
) -> PlannedRow:
    entries = history.get(deal.external_id or "", [])
    created = f"{deal.created.isoformat()}T00:00:00+00:00" if deal.created else ""
    if entries and not created:
        created = entries[0].stamp
    moves, slips, entered = _seed_history(b, deal, target, entries, created or b.stamp)
    closed_on = (deal.close_date or b.today) if closed else None
    level = next(s.level for s in b.stages if s.id == target)
    reason = deal.lost_reason or (f"{level.english_label} in {b.crm}" if closed else "")
    why = map_crm_reason(deal.lost_reason if closed else "", b.reason_codes)
    currency = deal.currency or b.default_currency
    override = _crm_probability(b, deal, target)
    key = f"deal:{deal.file}:{deal.row}"
    new = NewDeal(
        key=key,
        title=title,
        account=account,
        stage_id=target,
        product=deal.product,
        quantity=deal.quantity,
        amount=deal.amount,
        currency=currency,
        close_date=deal.close_date,
        forecast_category=deal.forecast_category.value if deal.forecast_category else None,
        next_step=deal.next_step,
        created=created,
        probability_override=override,
        stage_entered=closed_on if closed else (entered or b.today),
        closed_on=closed_on,
        close_reason=reason,
        close_reason_code=why.code,
        close_competitor=why.competitor,
        external_id=deal.external_id,
        source=b.source.value,
        moves=moves,
        close_dates=slips,
    )
    state = _supplied(deal, title, account, target)
    state["stage_value"] = stage_value
    if Field.PROBABILITY in deal.supplied:
        state["probability_override"] = override
    if person_keys:
        state["people"] = sorted(set(person_keys))
    return PlannedRow(
        deal.file, deal.row, Action.CREATE, title, deal.external_id, deal.owner, stage_value,
        problems=tuple(problems), new_deal=new, state=state, account=account,
        influences=tuple((person, role) for person, role, _key in influences),
    )  # fmt: skip


def _supplied(deal: DealRow, title: str, account: AccountLink, stage_id: int | None) -> dict[str, Any]:
    """The CRM-owned values the row gives, as the state record stores them (JSON values)."""
    values: dict[str, Any] = {}
    if deal.title_given:
        values["title"] = title
    if Field.ACCOUNT in deal.supplied or Field.ACCOUNT_ID in deal.supplied:
        values["account_id"] = account
    if Field.PRODUCT in deal.supplied:
        values["product"] = deal.product
    if Field.AMOUNT in deal.supplied:
        values["amount"] = deal.amount
    if Field.CURRENCY in deal.supplied:
        values["currency"] = deal.currency
    if Field.CLOSE_DATE in deal.supplied:
        values["close_date"] = deal.close_date.isoformat() if deal.close_date else None
    if stage_id is not None:
        values["stage_id"] = stage_id
    if Field.NEXT_STEP in deal.supplied:
        values["next_step"] = deal.next_step
    if Field.FORECAST_CATEGORY in deal.supplied:
        values["forecast_category"] = deal.forecast_category.value if deal.forecast_category else None
    if Field.QUANTITY in deal.supplied:
        values["quantity"] = deal.quantity
    return values


def _merge_row(
    b: _Builder,
    deal: DealRow,
    existing: ExistingDeal,
    account: AccountLink,
    stage_id: int | None,
    stage_value: str,
    influences: list[tuple[PersonLink, str, str]],
    person_keys: list[str],
    people: PeopleResolver,
    problems: list[Problem],
) -> PlannedRow:
    base = b.index.state.get(existing.id, {})
    supplied = _supplied(deal, deal.title, account, stage_id)
    result: MergeResult = merge(existing, supplied, base, b.describe, b.labels)
    fields = dict(result.fields)
    changes = list(result.changes)
    if existing.external_id is None and deal.external_id:
        fields["external_id"] = deal.external_id
        fields["source"] = b.source.value
        changes.append(FieldChange(b.say["crm id"], "", deal.external_id))
    stage_change: StageChange | None = None
    if result.stage is not None:
        to_closed = result.stage in b.closed_ids
        from_closed = existing.stage_id in b.closed_ids
        level = next(s.level for s in b.stages if s.id == result.stage)
        why = map_crm_reason(deal.lost_reason if to_closed else "", b.reason_codes)
        stage_change = StageChange(
            existing.stage_id,
            result.stage,
            f"Changed in {b.crm}: {stage_value}" if stage_value else f"Changed in {b.crm}",
            closing=to_closed and not from_closed,
            reopening=from_closed and not to_closed,
            closed_on=deal.close_date if to_closed else None,
            close_reason=deal.lost_reason or (f"{level.english_label} in {b.crm}" if to_closed else ""),
            close_reason_code=why.code,
            close_competitor=why.competitor,
        )
    if Field.PROBABILITY in deal.supplied:
        written = _merge_probability(b, deal, existing, result.stage or existing.stage_id, base)
        if written is not None:
            fields["probability_override"] = written[1]
            changes.append(
                FieldChange(
                    b.say["probability"], _percent(existing.probability_override), _percent(written[1])
                )
            )
    known = set(base.get("people", []))
    added: list[tuple[PersonLink, str]] = []
    for person, role, key in influences:
        if key in known or (isinstance(person, int) and (existing.id, person) in b.index.influences):
            continue
        added.append((person, role))
        role_name = b.say.get(f"role:{role}", role)
        changes.append(FieldChange(b.say["buying influence"], "", f"{people.name_of(person)} ({role_name})"))
    state = dict(supplied)
    state["stage_value"] = stage_value
    if Field.PROBABILITY in deal.supplied:
        state["probability_override"] = _probability_state(deal, existing, fields, base)
    if person_keys or known:
        state["people"] = sorted(known | set(person_keys))
    state_changed = any(base.get(k) != v for k, v in state.items())
    update = None
    if fields or stage_change is not None or result.close_date is not None:
        update = DealUpdate(existing.id, fields, stage_change, result.close_date)
    action = Action.UPDATE if (update is not None or added) else Action.UNCHANGED
    return PlannedRow(
        deal.file, deal.row, action, existing.title if "title" not in fields else str(fields["title"]),
        deal.external_id, deal.owner, stage_value, existing.id, tuple(changes), result.kept, tuple(problems),
        None, update, state if state_changed or action is Action.UPDATE else None, account, tuple(added),
    )  # fmt: skip


# The CRM's per-deal probability -----------------------------------------------------------------
# On the first import it becomes the deal's probability when it differs from its plan stage's;
# later imports follow the CRM only while the seller has not set their own (the deal's override is
# still what the last import wrote, the state's "probability_override").


def _crm_probability(b: _Builder, deal: DealRow, stage_id: int) -> int | None:
    """The override the CRM's probability stands for in `stage_id`: None when it says the same."""
    stage = next(s for s in b.stages if s.id == stage_id)
    if deal.probability is None or stage.is_closed or deal.probability == stage.probability:
        return None
    return deal.probability


def _merge_probability(
    b: _Builder, deal: DealRow, existing: ExistingDeal, stage_id: int, base: Mapping[str, Any]
) -> tuple[int | None, int | None] | None:
    """(old, new) override when the CRM's probability replaces it; None to leave the deal alone."""
    if existing.probability_override != base.get("probability_override"):
        return None  # the seller's own: kept
    if any(s.id == stage_id and s.is_closed for s in b.stages):
        return None  # a closed deal's probability is its stage's; what it was is history
    wanted = _crm_probability(b, deal, stage_id)
    if wanted == existing.probability_override:
        return None
    return existing.probability_override, wanted


def _probability_state(
    deal: DealRow, existing: ExistingDeal, fields: Mapping[str, Any], base: Mapping[str, Any]
) -> int | None:
    """The override the state records as the CRM's after this import."""
    if "probability_override" in fields:
        return cast("int | None", fields["probability_override"])
    if existing.probability_override is not None and deal.probability == existing.probability_override:
        return existing.probability_override  # the CRM took the seller's value: it is in sync now
    return cast("int | None", base.get("probability_override", existing.probability_override))


def _percent(value: int | None) -> str:
    return f"{value} %" if value is not None else ""
