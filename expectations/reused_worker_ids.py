"""A worker id given to another person: today's workers.csv gives an id another name AND another phone than
when it was last paid. A forty-seventh trial gave a leaver's id (W04, 赵敏) to a new hire (孙浩): the leaver's
back pay, typed under W04 in adjustments.csv, was paid to the new hire (500.00 yuan, exit 0), and his sheet
showed her September score as his own. A name alone changing (a marriage) or a phone alone is one person."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection


@dataclass(frozen=True)
class ReusedId:
    worker_id: str
    before: str              # the name when last paid
    now: str
    paid_month: str

    def __str__(self) -> str:
        return (f"{self.worker_id} was {self.before} when last paid ({self.paid_month}) and is now {self.now}, "
                f"with another phone")


def reused_worker_ids(workdir: Path, last_paid: dict[str, tuple[str, str | None, str]]) -> list[ReusedId]:
    """Workers of today's workers.csv whose name and phone both differ from those of the id's last paid month."""
    workers = pd.read_parquet(workdir / "workers.parquet")
    if "phone_hash" not in workers.columns:
        return []
    found = []
    for row in workers.itertuples(index=False):
        before = last_paid.get(row.worker_id)
        if before is None or pd.isna(row.phone_hash) or before[1] is None:
            continue
        if str(row.name).strip() != str(before[0]).strip() and row.phone_hash != before[1]:
            found.append(ReusedId(row.worker_id, before[0], row.name, before[2]))
    return found


def _old_phone_answers(workdir: Path, worker_id: str, phone_hash: str, month: str) -> list[str]:
    """The ids of the month's answers to the worker's grids of the month giving the phone she was last paid with: a
    rating of her own from before she changed it (trial 124: the 5th's, from the phone she gave up on the 12th,
    counted, nothing said), or the number's new owner's (trial 107): only HR can tell. A grid she held in no day of
    the month is not hers in it (trial 135's re-hired W05, re-running October: her complaint about her old grid, left
    without a worker, was offered to be taken out as her own rating)."""
    grids = pd.read_parquet(workdir / "assignments.parquet", columns=["worker_id", "grid_id", "start_date", "end_date"])
    first, last = str(Month.parse(month).first_day), str(Month.parse(month).last_day)
    ends = grids["end_date"].astype("string").str.strip().fillna("")        # blank: the row goes on
    held = (grids["worker_id"] == worker_id) & (grids["start_date"].astype("string").str.strip() <= last) & (
        (ends == "") | (ends >= first))
    own = sorted(set(grids.loc[held, "grid_id"]))
    if not own:
        return []
    with stage_connection(workdir) as con:
        return [str(r) for (r,) in con.execute(
            "select response_id from surveys where respondent_phone_hash = ? and grid_id in (select unnest(?)) "
            "order by row_id", [phone_hash, own]).fetchall()]


def same_name_new_phone(workdir: Path, last_paid: dict[str, tuple[str, str | None, str]],
                        month: str, past_phones: tuple[bool, ...] = (False, False, False)) -> list[tuple[str, str]]:
    """(line, its kind) for each worker of today's workers.csv under the name but not the phone the id was last paid
    with: a phone changed, or a leaver's id given to a new hire of the same name (a fifty-sixth trial's two
    王芳: the leaver's 300.00 adjustment was paid to the new one, exit 0). With the id's adjustments of `month`;
    `past_phones`: the policy's (integrity.self_rating_past_phones, integrity.past_phones_while_held,
    integrity.past_phones_not_others)."""
    workers = pd.read_parquet(workdir / "workers.parquet")
    if "phone_hash" not in workers.columns:
        return []
    holder = dict(zip(workers["phone_hash"], workers["worker_id"]))     # whose phone each is in today's workers.csv
    adjustments = pd.read_parquet(workdir / "adjustments.parquet")
    lines = []
    for row in workers.itertuples(index=False):
        before = last_paid.get(row.worker_id)
        if before is None or pd.isna(row.phone_hash) or before[1] is None or row.phone_hash == before[1]:
            continue
        if str(row.name).strip() != str(before[0]).strip():
            continue            # name and phone both changed: reused_worker_ids's stop
        own = adjustments.loc[(adjustments["worker_id"] == row.worker_id) & (adjustments["month"] == month), "amount"]
        paid = f"; {month}'s adjustments for {row.worker_id} ({', '.join(map(str, own))}) are paid to this person" \
            if len(own) else ""
        old = _old_phone_answers(workdir, row.worker_id, before[1], month)
        # trial 261's re-check: two rows' phones swapped and corrected read "kept out as her own rating", and counted
        other = holder.get(before[1]) if past_phones[2] else None
        lines.append((f"{row.worker_id} {row.name}: workers.csv gives another phone than {row.worker_id} was last paid "
                     f"with ({before[2]}){paid}. If {row.worker_id} is now another person of the same name (a "
                     f"leaver's id given to a new hire), give the new person an id of their own (an id is one "
                     f"person for good) and run again; " + (
                         f"{len(old)} answer{'s' if len(old) > 1 else ''} to {row.worker_id}'s grids this month "
                         f"give{'' if len(old) > 1 else 's'} the phone {row.worker_id} was last paid with (id "
                         f"{', '.join(old[:10])}{' ...' if len(old) > 10 else ''}): " + (
                             # trial 186's re-check was told to appeal a rating the rule had kept out already
                             f"counted, the phone {other}'s in today's workers.csv (integrity.past_phones_not_others)"
                             if other is not None and other != row.worker_id else
                             "kept out as her own rating, the phone hers in this month "
                             "(integrity.self_rating_past_phones)" if past_phones[0] and (not past_phones[1] or month <= before[2]) else
                             f"counted as a resident's. If one is {row.worker_id}'s own rating from before the phone "
                             f"changed, take it out as HR's own correction (appeals.csv: an upheld appeal, worker_id "
                             f"blank, category other) and run again")
                         if old else "a phone changed is nothing to do"), "self_rating" if old else "roster"))
    return lines
