"""The phones a run knows as each worker's besides workers.csv's (policy 2027.9, integrity.self_rating_past_phones):
those the published runs before it were given for the same worker id. An eighty-fourth trial corrected July
after W01 had changed phone in August, with today's workers.csv (the only one naming August's hire): her July
rating of her own grid, from the phone she had then, counted as a resident's, +5.94 yuan to her, exit 0.
Written beside workers.parquet as worker_phones.parquet (hashes only), for the models on either path."""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd

from gridpay.core.secret_key import key_fingerprint
from gridpay.ingest.phones import CELL_PHONES
from gridpay.pipeline.context import RunContext
from gridpay.store.worker_history import published_phones


def write_past_phones(ctx: RunContext) -> int:
    """worker_phones.parquet for the run's workers, where the policy keeps their past phones, and the second phone
    workers.csv's cell gives a worker this month (ingest/phones.py split_worker_phones); how many rows."""
    cell = ctx.workdir / CELL_PHONES
    in_cell = pd.read_parquet(cell) if cell.exists() else pd.DataFrame(columns=["worker_id", "phone_hash"])
    if not ctx.policy.integrity.self_rating_past_phones:
        if len(in_cell):
            in_cell.astype("string").to_parquet(ctx.workdir / "worker_phones.parquet", index=False)
        return len(in_cell)
    workers = pd.read_parquet(ctx.workdir / "workers.parquet", columns=["worker_id", "phone_hash"])
    current = set(zip(workers["worker_id"], workers["phone_hash"]))
    ids = set(workers["worker_id"])
    before = ctx.request.as_of or datetime.now(timezone.utc).replace(tzinfo=None)
    # under integrity.past_phones_while_held, only phones a published run of this month or a later one gave her
    held = ctx.month if ctx.policy.integrity.past_phones_while_held else None
    # under integrity.past_phones_not_others, not a phone the month's workers.csv gives another worker (trial 261)
    others = {h: w for w, h in current} if ctx.policy.integrity.past_phones_not_others else {}
    rows = [(w, h) for w, h in published_phones(ctx.settings.db, key_fingerprint(ctx.key), before, held)
            if w in ids and (w, h) not in current and others.get(h, w) == w]
    rows += [(w, h) for w, h in zip(in_cell["worker_id"], in_cell["phone_hash"]) if (w, h) not in set(rows)]
    pd.DataFrame(rows, columns=["worker_id", "phone_hash"], dtype="string").to_parquet(
        ctx.workdir / "worker_phones.parquet", index=False)
    return len(rows)
