"""The pipeline below the CLI, for tests that check rows: one month staged, validated and scored
into an in-memory warehouse, and one SQL model run over given rows (dbt's unit tests)."""
from __future__ import annotations

from pathlib import Path


# Reference-table digests seen to pass in this test session: the property tests' hundreds of small
# months share a few sets of reference files, each validated once (the cache is the tests', passed in).
PASSED_REFERENCE: set[str] = set()


def scored_below_the_cli(inbox: Path, work: Path, policy, key: bytes = b"k", month: str = "2026-09"):
    """The pipeline's steps without the CLI, the archive or a warehouse file: stage `inbox`, validate,
    load and score into an in-memory warehouse. Returns (validation summary, the open connection):
    the caller closes it (`with`), and reads the run "run"'s rows and the models' temp tables."""
    import duckdb
    from gridpay.expectations.validate import validate_staged
    from gridpay.ingest.grid_aliases import apply_grid_aliases
    from gridpay.ingest.grid_compounds import alias_one_compound_grids
    from gridpay.ingest.masked_phones import apply_masked_phones
    from gridpay.ingest.two_phones import apply_two_phones
    from gridpay.ingest.staging import stage_inputs
    from gridpay.store.scoring import load_and_score
    from gridpay.store.warehouse import migrate
    stage_inputs(inbox, month, policy, key, work)
    apply_grid_aliases(work, alias_one_compound_grids(work, policy), dots=policy.grid_dots_dropped)     # as the pipeline's settle_staged step does
    apply_two_phones(work, policy.two_phone_cells_checked)
    apply_masked_phones(work, policy.masked_phones_shown_digits)
    summary = validate_staged(work, month, policy, passed_reference=PASSED_REFERENCE)
    con = duckdb.connect()
    migrate(con)
    load_and_score(con, "run", month, work, policy)
    return summary, con


# int_window_responses reads this month's workers (its self-rating rule) and each run's compounds: a window
# test about neither gives these, empty (before its own given tables, which win)
PHONE = "respondent_phone_hash varchar"
NO_COMPOUNDS = {"raw_grid_compounds": ("run_id varchar, grid_id varchar, compound varchar", []),
                "raw_compound_names": ("run_id varchar, other_name varchar, compound varchar", [])}
WINDOW_EMPTY = {"stg_worker_phones": ("worker_id varchar, phone_hash varchar", []),
                "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date", []),
                "int_window_self_ratings": ("run_id varchar, row_id integer", []), **NO_COMPOUNDS}
# ... and the run_params its newer rules read, off (a test's own params come after them and win)
WINDOW_OFF = {"window_self_ratings": False, "exclude_self_rating": True, "month_start": "2026-10-01",
              "month_end": "2026-10-31", "window_homes_by_compound": False, "run_id": "run",
              "window_compound_names": False}


# run_params columns whose type a Python value does not carry (as store/scoring.py run_params casts them)
_PARAM_CASTS = {"month_start": "date", "month_end": "date", "items": "varchar[]", "item_weights": "decimal(9, 4)[]"}


def model_rows(model: str, given: dict[str, tuple[str, list[tuple]]], params: dict | None = None) -> list[tuple]:
    """dbt-style unit test of one SQL model in an in-memory DuckDB: its SQL over the given tables
    (each as ('col type, ...', rows); only the columns the model reads) and run_params as one row
    (a dict). Returns the model's rows, ordered by all columns."""
    import duckdb
    from gridpay.store.models import sql_models
    from gridpay.transforms.reasons import register_reasons
    with duckdb.connect() as con:
        register_reasons(con)           # the exclusion models' texts, as store/scoring.py run_params does
        for table, (columns, rows) in given.items():
            con.execute(f"create temp table {table} ({columns})")
            if rows:      # into the first columns: a column a test gives no value is null
                names = [r[0] for r in con.execute(f"describe {table}").fetchall()][:len(rows[0])]
                con.executemany(f"insert into {table} ({', '.join(names)}) values ({', '.join('?' * len(rows[0]))})",
                                rows)
        if params is not None:
            columns = ", ".join(f"cast(? as {_PARAM_CASTS[k]}) as {k}" if k in _PARAM_CASTS else f"? as {k}"
                                for k in params)
            con.execute(f"create temp table run_params as select {columns}", list(params.values()))
        return con.execute(f"select * from ({sql_models()[model].sql}) order by all").fetchall()


def quarantined_below_the_cli(inbox: Path, work: Path, policy) -> dict[str, str]:
    """{response_id: reason_code} of the month's quarantine, scored below the CLI."""
    _, con = scored_below_the_cli(inbox, work, policy)
    with con:
        return dict(con.execute("select response_id, reason_code from quarantine").fetchall())


_KEEPER = None      # one in-memory database for every example (each new one costs ~20 ms)


def kept_by_duckdb(text: str, rules: tuple[bool, ...] = ()) -> bool:
    """Does the stage's SQL test (ingest/survey_values.py canonical_household) keep `text` as typed under the door
    `rules`? Each door rule's property test checks that what it keeps, the rule's Python also leaves as typed."""
    global _KEEPER
    import duckdb
    from gridpay.ingest.survey_values import canonical_household
    _KEEPER = _KEEPER or duckdb.connect()
    return _KEEPER.execute(f"select {canonical_household('v', *rules)} from (select ?::varchar as v)",
                           [text]).fetchone()[0]
