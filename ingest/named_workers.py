"""A typed sheet's name column (姓名) holding a worker's name: the rows are noted at reading, by worker id, and never
the resident's name itself (names are not kept). A WeChat group relay (群接龙) typed into a sheet carries no phone, so
the self-rating rule cannot tell a worker's own line: trial 174's two workers' own all-非常满意 lines counted (W3
+24.00, W5 +30.42, exit 0, nothing said). pipeline/named_workers.py says those in the worker's own grids."""
from __future__ import annotations

import pandas as pd

TABLE = "worker_named_rows"        # the stage file's table: source_file, row_number, worker_id


def worker_names(workers: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """(name without spaces, worker id) of each worker: the reading's `worker_names`."""
    if "name" not in workers.columns:
        return ()
    return tuple((str(name).replace(" ", ""), str(worker)) for worker, name
                 in zip(workers["worker_id"], workers["name"]) if isinstance(name, str) and isinstance(worker, str))


def note_worker_names(con, frame: pd.DataFrame | None, names: tuple[tuple[str, str], ...]) -> None:
    """Rows of `frame` whose name cell is a worker's name, into TABLE (created, empty, with frame None)."""
    con.execute(f"create table if not exists {TABLE} (source_file varchar, row_number integer, worker_id varchar)")
    if frame is None or "name" not in frame.columns or not names:
        return
    ids: dict[str, list[str]] = {}
    for name, worker in names:
        ids.setdefault(name, []).append(worker)
    typed = frame["name"].astype("string").str.replace(" ", "", regex=False)
    rows = [(file, int(number), worker) for file, number, name in zip(frame["source_file"], frame["row_number"], typed)
            if isinstance(name, str) for worker in ids.get(name, ())]
    if rows:
        con.executemany(f"insert into {TABLE} values (?, ?, ?)", rows)
