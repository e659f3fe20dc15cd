"""Running an import: what a preview amounts to (the summary), and applying it in one transaction."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planner.exchange.import_plan import Action, ImportPreview, MissingDeal, PlannedRow
from planner.exchange.merge import FieldChange
from planner.exchange.problems import Problem, Severity, plural
from planner.exchange.stage_mapping import CHOSEN
from planner.i18n import format_number, translate
from planner.storage.db import PlanDB
from planner.storage.imports import (
    AccountLink,
    DealLink,
    ImportBatch,
    NewInfluence,
    NewPerson,
    PersonLink,
    write_import,
)

RowKey = tuple[str, int]
Progress = Callable[[int, int], None]
# The text summary lists this many updated deals and problems; --json has them all.
_LISTED = 20


@dataclass(frozen=True, slots=True)
class UpdatedDeal:
    """A deal the import changes, and what changes."""

    opportunity_id: int
    external_id: str | None
    title: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ImportSummary:
    """Created, updated (with what changed), unchanged, skipped, missing: what an import did or would do."""

    source: str
    dry_run: bool
    files: tuple[tuple[str, str, str, int], ...]  # name, kind, layout, rows
    created: int
    updated: tuple[UpdatedDeal, ...]
    unchanged: int
    skipped: int
    filtered_out: int
    missing: tuple[MissingDeal, ...]
    problems: tuple[Problem, ...]
    stage_map: tuple[tuple[str, str, str], ...]  # file stage, plan stage, why
    notes: tuple[str, ...]
    accounts_created: int
    people_created: int
    influences_created: int
    owner: str | None = None
    created_ids: tuple[int, ...] = ()

    @property
    def imported(self) -> int:
        """Rows that are in the plan after the import: created, updated or already there."""
        return self.created + len(self.updated) + self.unchanged

    def as_json(self) -> dict[str, object]:
        """The summary for `planner import --json`."""
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "owner": self.owner,
            "files": [{"name": n, "kind": k, "layout": lay, "rows": r} for n, k, lay, r in self.files],
            "created": self.created,
            "updated": len(self.updated),
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "filtered_out": self.filtered_out,
            "missing": len(self.missing),
            "accounts_created": self.accounts_created,
            "people_created": self.people_created,
            "influences_created": self.influences_created,
            "stage_map": {stage: {"plan_stage": target, "why": why} for stage, target, why in self.stage_map},
            "changes": [
                {
                    "opportunity_id": u.opportunity_id,
                    "external_id": u.external_id,
                    "title": u.title,
                    "fields": [
                        {
                            "field": c.field,
                            "old": c.old,
                            "new": c.new,
                            "replaced_planner_value": c.replaced_planner_value,
                        }
                        for c in u.changes
                    ],
                }
                for u in self.updated
            ],
            "missing_deals": [
                {"opportunity_id": m.opportunity_id, "external_id": m.external_id, "title": m.title}
                for m in self.missing
            ],
            "problems": [p.as_json() for p in self.problems],
            "notes": list(self.notes),
            "created_ids": list(self.created_ids),
        }

    def lines(self) -> list[str]:
        """The summary as text, for the command line (English) and the wizard's last page (in the
        window's language)."""
        n = format_number
        head = (
            translate(
                "ImportSummary",
                "Would import from {crm}: {created} created, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped",
            )
            if self.dry_run
            else translate(
                "ImportSummary",
                "Imported from {crm}: {created} created, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped",
            )
        ).format(
            crm=self.source,
            created=n(self.created),
            updated=n(len(self.updated)),
            unchanged=n(self.unchanged),
            skipped=n(self.skipped),
        )
        if self.filtered_out:
            left_out = translate("ImportSummary", "{count} of other owners left out")
            head = f"{head}, {left_out.format(count=n(self.filtered_out))}"
        if self.dry_run:
            dry_run = translate("ImportSummary", "(dry run: nothing was written)")
            head = f"{head} {dry_run}"
        lines = [head]
        if self.accounts_created or self.people_created or self.influences_created:
            lines.append(
                translate(
                    "ImportSummary",
                    "New accounts: {accounts}; new people: {people}; new buying influences: {influences}",
                ).format(
                    accounts=n(self.accounts_created),
                    people=n(self.people_created),
                    influences=n(self.influences_created),
                )
            )
        if self.stage_map:
            chosen = translate("ImportSummary", "chosen")
            mapped = "; ".join(
                f"{stage} → {target} ({chosen if why == CHOSEN else why})"
                for stage, target, why in self.stage_map
            )
            lines.append(translate("ImportSummary", "Stages: {stages}").format(stages=mapped))
        updated = translate("ImportSummary", "Updated “{title}”: {changes}")
        for deal in self.updated[:_LISTED]:
            lines.append(updated.format(title=deal.title, changes="; ".join(c.line() for c in deal.changes)))
        if len(self.updated) > _LISTED:
            lines.append(
                translate("ImportSummary", "… and {count} more updated deals (--json lists them all)").format(
                    count=n(len(self.updated) - _LISTED)
                )
            )
        if self.missing:
            deals = plural(
                len(self.missing),
                translate("ImportSummary", "{n} open deal"),
                translate("ImportSummary", "{n} open deals"),
            )
            lines.append(
                translate(
                    "ImportSummary",
                    "{deals} imported from {crm} before are not in these files (nothing was deleted):",
                ).format(deals=deals, crm=self.source)
            )
            lines += [f"  “{m.title}” ({m.external_id})" for m in self.missing[:_LISTED]]
            if len(self.missing) > _LISTED:
                more = translate("ImportSummary", "… and {count} more").format(
                    count=n(len(self.missing) - _LISTED)
                )
                lines.append(f"  {more}")
        lines += self.notes
        lines += problem_lines(self.problems)
        return lines


def problem_lines(problems: Iterable[Problem]) -> list[str]:
    """Problems as text: each message once with how many rows have it and the first few rows."""
    groups: dict[tuple[str, str, str, Severity], list[Problem]] = {}
    for problem in problems:
        key = (problem.file, problem.column, problem.message, problem.severity)
        groups.setdefault(key, []).append(problem)
    lines: list[str] = []
    if not groups:
        return lines
    kinds = {
        Severity.ERROR: translate("ImportSummary", "Error: {problem}"),
        Severity.WARNING: translate("ImportSummary", "Warning: {problem}"),
    }
    one_row, many_rows = translate("ImportSummary", "{n} row"), translate("ImportSummary", "{n} rows")
    for (file, column, message, severity), members in list(groups.items())[:_LISTED]:
        if len(members) == 1:
            lines.append(kinds[severity].format(problem=members[0].line()))
            continue
        rows = ", ".join(str(p.row) for p in members[:5] if p.row is not None)
        more = ", …" if len(members) > 5 else ""
        where = f"{file}, {plural(len(members), one_row, many_rows)} ({rows}{more})" + (
            f", {column}" if column else ""
        )
        lines.append(kinds[severity].format(problem=f"{where}: {message}"))
    if len(groups) > _LISTED:
        lines.append(
            translate("ImportSummary", "… and {count} more kinds of problem (--json lists them all)").format(
                count=format_number(len(groups) - _LISTED)
            )
        )
    return lines


def accepted(
    preview: ImportPreview, skip: Iterable[RowKey] = (), skip_flagged: bool = False
) -> list[PlannedRow]:
    """The rows that will be written: not skipped by a problem, by the seller, or as flagged."""
    skipped = set(skip)
    return [
        r
        for r in preview.rows
        if r.action is not Action.SKIP and r.key not in skipped and not (skip_flagged and r.flagged)
    ]


def batch_for(preview: ImportPreview, rows: Iterable[PlannedRow]) -> ImportBatch:
    """What writing `rows` takes: their deals and updates, and the accounts and people they need.

    Accounts (from an accounts file too) are created only when an imported deal, or a parent of
    its account, needs them; contacts become people when their account is one the import touches.
    """
    rows = list(rows)
    touched: set[AccountLink] = {r.account for r in rows if r.account is not None}
    persons: list[PersonLink] = [person for r in rows for person, _role in r.influences]
    persons += [person for account, person in preview.contacts if account in touched]
    new_people: dict[str, NewPerson] = {}
    for person in persons:
        if isinstance(person, str) and person not in new_people:
            new_people[person] = preview.people.new[person]
    needed = touched | {p.account for p in new_people.values() if p.account is not None}
    accounts, fills = preview.accounts.needed(needed)
    influences: list[NewInfluence] = []
    state: dict[DealLink, object] = {}
    for r in rows:
        deal: DealLink | None = r.new_deal.key if r.new_deal is not None else r.opportunity_id
        assert deal is not None
        influences += [NewInfluence(deal, person, role) for person, role in r.influences]
        if r.state is not None:
            state[deal] = r.state
    return ImportBatch(
        source=preview.source.value,
        accounts=accounts,
        account_fills=fills,
        people=tuple(new_people.values()),
        deals=tuple(r.new_deal for r in rows if r.new_deal is not None),
        updates=tuple(r.update for r in rows if r.update is not None),
        influences=tuple(influences),
        state=state,  # type: ignore[arg-type]  # values are the rows' state mappings
        settings=dict(preview.settings),
    )


def summarise(
    preview: ImportPreview,
    skip: Iterable[RowKey] = (),
    skip_flagged: bool = False,
    *,
    dry_run: bool = True,
    created_ids: tuple[int, ...] = (),
) -> ImportSummary:
    """The summary of importing the preview's accepted rows (nothing is written here)."""
    rows = accepted(preview, skip, skip_flagged)
    batch = batch_for(preview, rows)
    counts = Counter(r.action for r in rows)
    row_problems = [p for r in preview.rows for p in r.problems]
    return ImportSummary(
        source=preview.source.label,
        dry_run=dry_run,
        files=tuple((t.name, t.kind.value, t.layout.value, t.rows) for t in preview.tables),
        created=counts[Action.CREATE],
        updated=tuple(
            UpdatedDeal(r.opportunity_id or 0, r.external_id, r.title, r.changes)
            for r in rows
            if r.action is Action.UPDATE
        ),
        unchanged=counts[Action.UNCHANGED],
        skipped=len(preview.rows) - len(rows),
        filtered_out=preview.filtered_out,
        missing=preview.missing,
        problems=(*preview.problems, *row_problems),
        stage_map=tuple(
            (stage, preview.stage_names.get(choice.stage_id, "?"), choice.reason)
            for stage, choice in preview.stage_map.items()
        ),
        notes=preview.notes,
        accounts_created=len(batch.accounts),
        people_created=len(batch.people),
        influences_created=len(batch.influences),
        owner=preview.owner,
        created_ids=created_ids,
    )


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an applied import wrote: its summary and every deal it created or changed."""

    summary: ImportSummary
    opportunities: frozenset[int]


def apply_import(
    plan: PlanDB,
    preview: ImportPreview,
    skip: Iterable[RowKey] = (),
    skip_flagged: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the accepted rows in one transaction (all or nothing; `progress` may raise to cancel)."""
    skip = frozenset(skip)
    rows = accepted(preview, skip, skip_flagged)
    batch = batch_for(preview, rows)
    created: tuple[int, ...] = ()
    changed = frozenset(r.opportunity_id for r in rows if r.action is Action.UPDATE and r.opportunity_id)
    if batch.size or batch.state or batch.settings:
        written = write_import(plan, batch, preview.today or dt.date.today(), progress)
        created = tuple(written.deals[d.key] for d in batch.deals)
    summary = summarise(preview, skip, skip_flagged, dry_run=False, created_ids=created)
    return ImportResult(summary, changed | frozenset(created))
