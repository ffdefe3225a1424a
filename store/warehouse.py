"""The DuckDB warehouse: opening it (schema and migrations), loading a run's staged inputs next to
every earlier run's. Scoring them is store/scoring.py's."""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from gridpay.core.errors import ConfigError
from gridpay.core.settings import duckdb_memory_limit
from gridpay.core.table_rows import insert_rows
from gridpay.core.layout import STAGE_DB
from gridpay.store.run_lock import WarehouseBusy, holder_now
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import register_masking
from gridpay.transforms.review_rules import register_review_rules

MIGRATIONS = Path(__file__).with_name("migrations")   # NNNN_what.sql, applied in order, each once
log = logging.getLogger("gridpay")
_HELD: set[str] = set()      # warehouses whose DuckDB instance a run holds open (HeldWarehouse)


def require_warehouse(db: Path) -> Path:
    """For commands that read the warehouse: they never create one where there is none."""
    if not db.is_file():
        raise ConfigError(f"no warehouse at {db} (give --db, or set GRIDPAY_DB; on a new computer, restore "
                          f"warehouse/ from your backup with out/)")
    return db


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(db))
    except duckdb.Error as exc:
        if "lock" in str(exc).lower() and (holder := holder_now(db)):   # a run holds it open while it reads it
            raise WarehouseBusy(f"{db}: the warehouse is busy with {holder}; run this again when it ends") from exc
        raise ConfigError(f"{db}: cannot open the warehouse ({str(exc).splitlines()[0]}); "
                          f"see `gridpay doctor` and restore it from backup") from exc
    if str(db) in _HELD:      # its instance is held open, migrated when it was opened
        register_masking(con)
        register_review_rules(con)
        return con
    con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")
    applied = migrate(con)
    ahead = con.execute("select max(version) from schema_migrations").fetchall()[0][0] or 0
    if ahead > (known := max(int(m.name[:4]) for m in MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql"))):
        con.close()         # a newer gridpay's schema: this build would write rows it does not know (trial 134)
        raise ConfigError(f"{db}: the warehouse's schema is at migration {ahead}, which this gridpay does not know (it "
                          f"knows up to {known}): a newer gridpay wrote it. Upgrade gridpay on this computer "
                          f"(CHANGELOG.md, upgrading) and run it again")
    if applied and applied[0] > 1:      # a warehouse of an earlier gridpay, upgraded in place (not a new one)
        log.info("%s: upgraded the warehouse's schema (migration%s %s; CHANGELOG.md, upgrading)", db,
                 "s" if len(applied) > 1 else "", ", ".join(map(str, applied)))
    # what the outputs show of an identifier goes through transforms/privacy.py's masking; registered
    # here, before any query: DuckDB refuses a function on a connection with a result still open
    register_masking(con)
    register_review_rules(con)
    return con


class HeldWarehouse:
    """The warehouse's DuckDB instance kept open across a run (held_warehouse), let go around the
    steps that do not read it (`released()`): there, `gridpay history` and others can open it."""

    def __init__(self, db: Path):
        self.db, self._con = db, None

    def hold(self, tries: int = 25) -> None:
        """Open it; a command reading it between the run's steps (`gridpay history`) holds it a moment: wait."""
        for attempt in range(tries):
            if self._con is not None:
                return
            try:
                self._con = connect(self.db)
                _HELD.add(str(self.db))
            except WarehouseBusy:
                if attempt == tries - 1:
                    raise
                time.sleep(0.2)

    def let_go(self) -> None:
        if self._con is not None:
            self._con, con = None, self._con
            _HELD.discard(str(self.db))
            con.close()

    @contextmanager
    def released(self) -> Iterator[None]:
        self.let_go()
        try:
            yield
        finally:
            self.hold()


@contextmanager
def held_warehouse(db: Path) -> Iterator[HeldWarehouse]:
    """Keep the warehouse's DuckDB instance open across a run: each connect() would otherwise build the
    instance again (~20 ms; a small month's run made ~40, a fifth of its time). While it is held,
    another process cannot open the file: the run lets it go around staging and validation, its long
    steps that never read it."""
    held = HeldWarehouse(db)
    held.hold()
    try:
        yield held
    finally:
        held.let_go()


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations this warehouse has not had, each in its own transaction; a warehouse
    written before migrations existed takes 0001 (its schema, idempotent) first. Returns them."""
    con.execute("create table if not exists schema_migrations (version integer primary key, name varchar not null, "
                "applied_at timestamp not null)")
    done = {v for (v,) in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for path in sorted(MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:4])
        if version in done:
            continue
        con.execute("begin transaction")
        con.execute(path.read_text(encoding="utf-8"))
        con.execute("insert into schema_migrations values (?, ?, now()::timestamp)", [version, path.stem])
        con.execute("commit")
        applied.append(version)
    return applied


MASKED_NOTES_FROM = 30       # the output format from which HR's words reach the warehouse with phones masked


def _register_masked_any_way(con: duckdb.DuckDBPyConnection) -> None:
    """masked_any_way() as gp_masked_any_way on `con`, unless it has it (a create raising inside a transaction would
    abort it)."""
    from gridpay.transforms.typed_numbers import masked_any_way
    if not con.execute("select count(*) from duckdb_functions() where function_name = 'gp_masked_any_way'"
                       ).fetchall()[0][0]:
        con.create_function("gp_masked_any_way", masked_any_way, ["VARCHAR"], "VARCHAR", null_handling="special",
                            side_effects=False)


def load_raw(con: duckdb.DuckDBPyConnection, run_id: str, workdir: Path, policy: Policy) -> None:
    def parquet(name: str) -> str:
        return str(workdir / f"{name}.parquet")

    con.execute("insert into raw_grids select ?, source_file, row_number, grid_id, grid_name, community, "
                "households, area from read_parquet(?)", [run_id, parquet("grids")])
    con.execute("insert into raw_grid_compounds select ?, grid_id, compound from read_parquet(?)",
                [run_id, parquet("grid_compounds")])
    if (workdir / "compound_names.parquet").exists():      # ingest/staging.py writes it; a hand-made stage may not
        con.execute("insert into raw_compound_names select ?, other_name, compound from read_parquet(?)",
                    [run_id, parquet("compound_names")])
    # HR's words with a phone in them, masked however written, from output format 30 (trial 259 found a note's
    # 电话13812345623, a dotted 138.1234.5608, a 扣款's 孙阿姨13812345680 and a worker's name cell's number in clear in the
    # warehouse, and the last three on the sheets); a month of an earlier format stores them as it did
    fmt = con.execute("select output_format from runs where run_id = ?", [run_id]).fetchall()
    _register_masked_any_way(con)

    def shown(column: str) -> str:
        return f"gp_masked_any_way({column})" if fmt and (fmt[0][0] or 1) >= MASKED_NOTES_FROM else column
    con.execute(f"insert into raw_workers select ?, source_file, row_number, worker_id, {shown('name')}, phone_hash, "
                "perf_pay_target from read_parquet(?)", [run_id, parquet("workers")])
    if (workdir / "worker_phones.parquet").exists():       # policy 2027.9: her phones of earlier published runs
        con.execute("insert into raw_worker_phones select ?, worker_id, phone_hash from read_parquet(?)",
                    [run_id, parquet("worker_phones")])
    con.execute("insert into raw_assignments select ?, source_file, row_number, worker_id, grid_id, "
                "start_date, end_date, weight from read_parquet(?)", [run_id, parquet("assignments")])
    con.execute(f"insert into raw_adjustments select ?, source_file, row_number, worker_id, month, amount, "
                f"{shown('reason')}, approved_by from read_parquet(?)", [run_id, parquet("adjustments")])
    # the 公示 cycle's files (empty tables where the inbox had none)
    con.execute(f"insert into raw_appeals by name select ? as run_id, * replace ({shown('statement')} as statement, "
                f"{shown('decision_note')} as decision_note) from read_parquet(?)", [run_id, parquet("appeals")])
    con.execute(f"insert into raw_verification select ?, source_file, row_number, response_id, result, called_by, "
                f"called_on, {shown('note')} from read_parquet(?)", [run_id, parquet("verification")])
    # the stage file holds the survey rows (hashed, masked) and validation's verdict on each
    con.execute("attach ? as stage (read_only)", [str(workdir / STAGE_DB)])
    try:
        if con.execute("select count(*) from duckdb_tables() where database_name = 'stage' and "
                       "table_name = 'set_aside_ids'").fetchone()[0]:     # later months' answers the files held
            con.execute("insert into raw_set_aside_answers select ?, month, source_file, response_id, submitted_at "
                        "from stage.set_aside_ids where month > (select month from runs where run_id = ?)",
                        [run_id, run_id])
        # Item names come from the policy (checked to be plain identifiers), never from input files;
        # a row's answers are one list, in the policy's item order (policy_items.position).
        answers = ", ".join(f's."{item}"' for item in policy.items)
        con.execute("insert into raw_surveys by name select ? as run_id, s.row_id, s.source_file, s.row_number, "
                    "s.response_id, s.grid_id, s.household_id, s.respondent_phone_hash, s.submitted_at, "
                    f"s.submitted_at_ts, s.channel, s.duration_s, s.comment, [{answers}] as answers, v.invalid_reason, v.invalid_code "
                    "from stage.surveys s left join stage.survey_invalid v using (row_id)", [run_id])
    finally:
        con.execute("detach stage")
    insert_rows(con, "policy_items", [[run_id, item, policy.item_weights[item], position]
                                      for position, item in enumerate(policy.items, start=1)])


def store_validation(con: duckdb.DuckDBPyConnection, run_id: str, month: str, rules) -> None:
    insert_rows(con, "validation_rules",
                [[run_id, month, "surveys", r.rule, r.column, r.reason, r.failed_rows, r.success, r.code] for r in rules],
                ("run_id", "month", "table_name", "rule", "column_name", "reason", "failed_rows", "success", "code"))
