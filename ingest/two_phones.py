"""A phone cell holding two mobile numbers (a couple's form: 13800000001/13900000002). The stage keeps
both numbers' hashes (transforms/privacy.py's TWO_PREFIX) until this step: under the policy's
survey.two_phone_cells = "checked" a cell one of whose numbers is a worker's phone is read as that
phone (her own rating of her grid is a self-rating: a ninety-second trial's worker typed hers beside
her husband's and was counted), any other as no phone; otherwise, as before the rule, as no phone."""
from __future__ import annotations

from pathlib import Path

from gridpay.core.wording import listed
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.privacy import TWO_PREFIX

_PAIR = f"respondent_phone_hash like '{TWO_PREFIX}%'"
_FIRST = f"split_part(substr(respondent_phone_hash, {len(TWO_PREFIX) + 1}), ',', 1)"
_SECOND = f"split_part(substr(respondent_phone_hash, {len(TWO_PREFIX) + 1}), ',', 2)"


def apply_two_phones(workdir: Path, checked: bool, by_grid: bool = False) -> None:
    """Table `two_phone_cells` (source_file, row_number, worker: whether a number of the cell is a worker's
    phone, NULL where the policy does not check) in the stage file; each such row's phone read as above. `by_grid`
    (survey.two_phones_by_grid, policy 2027.27): where both numbers are workers', the one of a worker assignments.csv
    gives the answer's grid: trial 204's 13900139001/13700137002, W02's then W03's rating W03's grid, was read as
    W02's and W03's own rating counted (1725.84 for 1709.35, exit 0)."""
    with stage_connection(workdir) as con:
        phones = [str(workdir / "workers.parquet")]
        if (workdir / "worker_phones.parquet").exists():           # a worker's phones of earlier runs (2027.9)
            phones.append(str(workdir / "worker_phones.parquet"))
        con.execute("create or replace temp table worker_phone as select distinct phone_hash from "
                    "read_parquet(?, union_by_name = true) where phone_hash is not null", [phones])
        known = "(select phone_hash from worker_phone)"
        # a worker's number is looked for either way: a policy that reads none is told of it (a hundred-and-second
        # trial's upgrade published a worker's own rating through such a cell, said as unrecognisable)
        con.execute(f"create or replace table two_phone_cells as select source_file, row_number, "
                    f"({_FIRST} in {known} or {_SECOND} in {known}) as worker, {bool(checked)} as checked "
                    f"from surveys where {_PAIR} order by source_file, row_number")
        con.execute("create or replace temp table grid_phone as select distinct a.grid_id, w.phone_hash from "
                    "read_parquet(?) a join read_parquet(?, union_by_name = true) w using (worker_id) "
                    "where w.phone_hash is not null", [str(workdir / "assignments.parquet"), phones])
        own = "(select phone_hash from grid_phone g where g.grid_id = surveys.grid_id)"
        read = (f"case when {by_grid} and {_SECOND} in {own} and {_FIRST} not in {own} then {_SECOND} "
                f"when {_FIRST} in {known} then {_FIRST} when {_SECOND} in {known} then {_SECOND} end"
                if checked else "null")
        con.execute(f"update surveys set respondent_phone_hash = {read} where {_PAIR}")


def two_phone_cells(workdir: Path) -> list[tuple[str, list[int], list[int], bool]]:
    """(file, rows of a cell of two numbers, those of them holding a worker's phone, whether the policy read them
    so) of the month's answers."""
    with stage_connection(workdir) as con:
        if not con.execute("select count(*) from duckdb_tables() where table_name = 'two_phone_cells'").fetchone()[0]:
            return []
        return con.execute("select source_file, list(row_number order by row_number), coalesce(list(row_number "
                           "order by row_number) filter (where worker), []), bool_and(checked) "
                           "from two_phone_cells group by source_file order by source_file").fetchall()


def checked_line(file: str, rows: list[int], workers: list[int]) -> str:
    """What the run says of a file's cells of two numbers, each number checked against the workers' phones."""
    def named(numbers: list[int]) -> str:
        return f"row{'s' if len(numbers) > 1 else ''} {listed(tuple(map(str, numbers)))}"
    others = [n for n in rows if n not in workers]
    cells = f"{len(rows)} phone cell{'s' if len(rows) > 1 else ''} of {file} ({named(rows)}) " \
            f"hold{'' if len(rows) > 1 else 's'} two numbers, each checked against workers.csv's phones: "
    held = (f"{named(workers)} hold{'' if len(workers) > 1 else 's'} a worker's and {'are' if len(workers) > 1 else 'is'}"
            f" read as that worker's (a self-rating where the answer rates that worker's grid)") if workers else ""
    one = len(others) == 1
    subject = named(others) if workers else "it" if one else "they"
    rest = (f"{'; ' if workers else ''}{subject} hold{'s' if one else ''} no worker's and count{'s' if one else ''} "
            f"as no phone") if others else ""
    return cells + held + rest


def worker_cells(workdir: Path) -> list[tuple[str, list[int]]]:
    """(file, rows) of the cells of two numbers one of which is a worker's phone."""
    return [(file, workers) for file, _, workers, _ in two_phone_cells(workdir) if workers]


def unread_worker_cells_message(month: str, found: list[tuple[str, list[int]]]) -> str:
    """The stop where a policy without survey.two_phone_cells reads such a cell as no phone (a hundred-and-second
    trial's upgrade published a worker's own rating through one, said only as unrecognisable)."""
    cells = "; ".join(f"{file} (row{'s' if len(rows) > 1 else ''} {listed(tuple(map(str, rows)))})" for file, rows in found)
    return (f"{month}: a phone cell of two numbers holds a worker's phone: {cells}. This policy reads such a cell as no "
            f"phone (it has no survey.two_phone_cells), so a worker's rating of her own grid through it would count; "
            f"nothing published. Give the policy `two_phone_cells = \"checked\"` under [survey] (the shipped policy's "
            f"since 2027.12) with a new version, and run again")
