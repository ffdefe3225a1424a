"""A worker id given to another person: today's workers.csv gives an id another name AND another phone than
when it was last paid. A forty-seventh trial gave a leaver's id (W04, 赵敏) to a new hire (孙浩): the leaver's
back pay, typed under W04 in adjustments.csv, was paid to the new hire (500.00 yuan, exit 0), and his sheet
showed her September score as his own. A name alone changing (a marriage) or a phone alone is one person."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd


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
