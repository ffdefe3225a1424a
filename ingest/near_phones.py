"""A phone one digit off a worker's in workers.csv: her number typed with one digit wrong (or two beside each other
swapped), her own answers then count as residents'. Trial 234's W04 helped ten elderly residents of her grid fill the
form on her own phone (代填); workers.csv gave her number one digit off, and those eight answers counted (1630.08 for
1510.24), said only as "12 answers came from 2 phones". The stage writes, for each worker's mobile, the hashes of the
numbers one digit off it (one digit changed, or two beside each other swapped: 109 for a mobile), never the numbers;
the run says each such phone that answered for two homes or more of a grid of hers. Said, not stopped: a family's
numbers are often one digit apart (亲情号)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.privacy import MOBILE_DIGITS, normalized_phone, phone_hash

NEAR_PHONES = "workers_near_phones.parquet"     # (worker_id, phone_hash) of numbers one digit off hers (stage folder)
HOMES = 2       # homes of her grid one such phone answered for before it is said


def near_numbers(phone: str) -> set[str]:
    """The numbers one digit off `phone`: each digit changed, and each two beside each other swapped."""
    near = {phone[:i] + d + phone[i + 1:] for i in range(len(phone)) for d in "0123456789" if d != phone[i]}
    near |= {phone[:i] + phone[i + 1] + phone[i] + phone[i + 2:] for i in range(len(phone) - 1) if phone[i] != phone[i + 1]}
    return near - {phone}


def write_near_phones(workers: pd.DataFrame, key: bytes, workdir: Path) -> None:
    """NEAR_PHONES for workers.csv's mobiles (`workers`: its phone column still in clear), hashed as answers are."""
    rows = []
    for worker, raw in zip(workers["worker_id"], workers["phone"] if "phone" in workers.columns else ()):
        phone = normalized_phone(raw) if isinstance(raw, str) else None
        if phone is not None and len(phone) == MOBILE_DIGITS:
            rows += [(worker, phone_hash(n, key)) for n in sorted(near_numbers(phone))]
    pd.DataFrame(rows, columns=["worker_id", "phone_hash"], dtype="string").to_parquet(workdir / NEAR_PHONES, index=False)


def near_worker_phones(workdir: Path) -> list[tuple[str, str, int, int, list[str]]]:
    """(worker, grid, answers, homes, answer ids) of each phone one digit off a worker's that answered for HOMES or more
    homes of a grid assignments.csv gives her, itself no worker's phone."""
    near, workers, assigned = (workdir / name for name in (NEAR_PHONES, "workers.parquet", "assignments.parquet"))
    if not (near.exists() and workers.exists() and assigned.exists()):
        return []
    with stage_connection(workdir) as con:
        return con.execute(
            "select n.worker_id, s.grid_id, count(*), count(distinct s.household_id), "
            "list(s.response_id::varchar order by s.row_id) from surveys s "
            "join read_parquet(?) n on n.phone_hash = s.respondent_phone_hash "
            "where s.grid_id in (select grid_id from read_parquet(?) a where a.worker_id = n.worker_id) "
            "and s.respondent_phone_hash not in (select phone_hash from read_parquet(?) where phone_hash is not null) "
            "group by n.worker_id, s.grid_id, s.respondent_phone_hash having count(distinct s.household_id) >= ? "
            "order by all", [str(near), str(assigned), str(workers), HOMES]).fetchall()
