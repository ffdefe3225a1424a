"""Validate step: run the GX suites over the staged tables, mark invalid survey rows, apply the gate."""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from gridpay.expectations.adjustments import adjustments_suite
from gridpay.expectations.assignments import assignments_suite
from gridpay.expectations.grids import grids_suite
from gridpay.expectations.house_doors import houses_sql, say_building_doors
from gridpay.expectations.results import ValidationSummary
from gridpay.expectations.runner import validate_tables
from gridpay.expectations.reference_notes import closest_ids, merged_cell_note, summary_row, width_note, worker_named
from gridpay.expectations.summary_rows import summary_row_message
from gridpay.expectations.surveys import no_home_sql, surveys_suite
from gridpay.expectations.workers import workers_suite
from gridpay.core.errors import InputError
from gridpay.core.month import Month
from gridpay.core.progress import progress
from gridpay.ingest.limits import capped
from gridpay.ingest.survey_stage import STAGE_DB, held_stage, stage_connection
from gridpay.transforms.folding import visible
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import masked_numbers, regex_masked_sql
from gridpay.transforms.reasons import CODE_SEPARATOR, INVALID_PREFIX, RULE_SEPARATOR, RuleReason


REFERENCE = ("grids", "workers", "assignments", "adjustments")
log = logging.getLogger("gridpay")


def _stage_reference_tables(workdir: Path) -> None:
    """The reference tables next to the survey rows in the stage file, `row_id` in file order."""
    with stage_connection(workdir) as con:
        for kind in REFERENCE:
            con.execute(f"create or replace table {kind} as select file_row_number::integer as row_id, "
                        f"* exclude (file_row_number) from read_parquet(?, file_row_number = true)",
                        [str(workdir / f"{kind}.parquet")])


def _named_tables(workdir: Path) -> set[str]:
    """The reference tables with a name column beside worker_id (姓名 in an assignments or adjustments sheet), as
    'assignments' and 'adjustments'; 'assignments.grid_name' and 'grids.aliases' where those columns are."""
    with stage_connection(workdir) as con:
        return {t if c == "name" else f"{t}.{c}" for t, c in con.execute(
            "select table_name, column_name from information_schema.columns where (column_name = 'name' and table_name "
            "in ('assignments', 'adjustments')) or (table_name, column_name) in (('assignments', 'grid_name'), "
            "('grids', 'aliases'))").fetchall()}


def reference_digest(workdir: Path) -> str:
    """The staged reference tables' bytes, as one digest: a caller that validates many months
    (`passed_reference` below) checks each distinct set of reference tables once."""
    digest = hashlib.sha256()
    for kind in REFERENCE:
        with (workdir / f"{kind}.parquet").open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def _reference_suites(workdir: Path, suites: dict, record: Path | None, passed_reference: set[str] | None) -> dict:
    """The reference tables' suites to run: none when the caller has seen the same tables pass
    (`passed_reference`: digests it owns; None: always validate) and the run keeps no record (which
    names every suite), and none for an empty table."""
    if passed_reference is not None and record is None and reference_digest(workdir) in passed_reference:
        return {}
    with stage_connection(workdir) as con:
        return {t: s for t, s in suites.items() if con.execute(f"select count(*) from {t}").fetchone()[0]}


def _require_valid(workdir: Path, suites: dict, results: dict, passed_reference: set[str] | None) -> None:
    """Reference data must be right as a whole: the first broken cell, in table order, stops the
    run (exit 2)."""
    for table in suites:
        found = results[table]
        failing = [(rule, reason, sql) for rule, reason, sql in zip(found.rules, found.reasons, found.failing_rows_sql)
                   if sql is not None]
        if failing:
            _raise_first_problem(workdir, table, failing)
    if suites and passed_reference is not None:
        passed_reference.add(reference_digest(workdir))


def _raise_first_problem(workdir: Path, table: str, failing: list) -> None:
    with stage_connection(workdir) as con:
        problems = sorted((row_id, index) for index, (_, _, sql) in enumerate(failing)
                          for (row_id,) in con.execute(sql).fetchall())
        first_row, first_rule = problems[0]          # the first broken row, its first rule in suite order
        rule, reason, _ = failing[first_rule]
        # the value the rule's reason shows, masked as survey values are: "weight '0' is not a number > 0"
        shown = f'"{reason.shows}"' if reason else "null"       # ... and as typed, for the notes that compare it
        source_file, row_number, typed, unmasked = con.execute(
            f"select source_file, row_number, {regex_masked_sql(shown) if reason else 'null'}, {shown} from {table} "
            f"where row_id = ?", [first_row]).fetchone()
        summary = summary_row(con, table, first_row)
        if summary is not None:
            raise InputError(source_file, summary_row_message(summary[1], table), row=int(row_number),
                             column=summary[0])
        again = _same_value_rows(con, table, rule, first_row) if rule.rule.endswith("_be_unique") else ""
        if again and table == "workers":        # trial 310: a worker typed twice, her old phone on one row
            again += ": one row a worker (a phone changed in the month: both numbers in one cell, new/old)"
        # the other rows of that value are named once, not again as '(also row 9, worker_id)' (trial 310)
        rest = [(r, i) for r, i in problems[1:] if not (again and i == first_rule)]
        more = _more_problems(con, table, failing, [(first_row, first_rule)] + rest)
        meant = (closest_ids(con, reason, typed, unmasked) + worker_named(con, table, rule.column, first_row)
                 + merged_cell_note(con, table, rule.column, first_row, typed))
    tail = again + (width_note(typed) or meant) + more
    raise InputError(source_file, (reason.text(typed) if reason else rule.reason) + tail,
                     row=int(row_number), column=rule.column)


def _more_problems(con, table: str, failing: list, rest: list) -> str:
    """' (also row 9, end_date; row 12, grid_id)': where the other broken cells are, so one fix-and-run
    shows them all (a trial read '(and 1 more problems)' and could not find the second). Each cell once, and none
    of the first problem's row: trial 139 read '(also row 8, end_date)' of the cell just named, and a good end date
    named where its row's start date was unreadable (the rule comparing the two fails on it)."""
    first = rest[0][0] if rest else None
    rest = list(dict.fromkeys((r, i) for r, i in rest if r != first))
    seen: set = set()
    rest = [(r, i) for r, i in rest if not ((r, failing[i][0].column) in seen or seen.add((r, failing[i][0].column)))]
    if not rest:
        return ""
    rows = dict(con.execute(f"select row_id, row_number from {table} where row_id in "
                            f"({', '.join(str(int(r)) for r, _ in rest[:3])})").fetchall())
    named = "; ".join(f"row {rows[r]}, {failing[i][0].column}" for r, i in rest[:3])
    return f" (also {named}" + (f"; and {len(rest) - 3} more)" if len(rest) > 3 else ")")


def _same_value_rows(con, table: str, rule, row_id: int) -> str:
    """' (row 8 too)': the other rows of a value that must be unique (a trial's line named the first alone)."""
    rows = [r for (r,) in con.execute(f'select row_number from {table} where "{rule.column}" = (select "{rule.column}" '
                                      f'from {table} where row_id = ?) and row_id <> ? order by row_number',
                                      [row_id, row_id]).fetchall()]
    return f" (row{'s' if len(rows) > 1 else ''} {', '.join(map(str, rows[:5]))} too)" if rows else ""


def validate_staged(workdir: Path, month: str, policy: Policy, record: Path | None = None,
                    passed_reference: set[str] | None = None) -> ValidationSummary:
    """Checks the reference tables (raising InputError), then the staged survey rows where they
    are, writing `survey_invalid` (row_id, invalid_reason, invalid_code) into the stage file for
    rows that fail. `record`: where the run keeps its validation record (expectations/record.py),
    None for none; `passed_reference`: reference digests the caller has seen pass (see _require_valid)."""
    # three parts, each timed for the progress line: the reference tables, the survey rules, the failing rows
    with held_stage(workdir), progress("validating", 3) as advance:
        return _validated(workdir, month, policy, record, passed_reference, advance)


def _validated(workdir: Path, month: str, policy: Policy, record: Path | None, passed_reference: set[str] | None,
               advance) -> ValidationSummary:
    _stage_reference_tables(workdir)
    start, end = Month.parse(month).bounds()
    named = _named_tables(workdir)
    reference = _reference_suites(workdir, {"grids": grids_suite(), "workers": workers_suite(),
                                            "assignments": assignments_suite(
                                                "workers", "grids", end.date(), start.date(), "assignments" in named,
                                                ("assignments.grid_name" in named, "grids.aliases" in named)),
                                            "adjustments": adjustments_suite("workers", month, "adjustments" in named)},
                                  record, passed_reference)
    scale = range(policy.scale_min, policy.scale_max + 1)
    suite = surveys_suite(policy.items, "grids", policy.channels, start, end, scale, policy.max_duration_s,
                          policy.ambiguous_dates != "month_first", policy.door_number_dates,
                          month_first_files=policy.ambiguous_dates == "by_file",
                          unknown_doors=policy.unknown_doors_invalid, numberless_doors=policy.numberless_doors_invalid,
                          houses=houses_sql(workdir, policy), numeral_worded=policy.numeral_doors_worded,
                          group_doors=policy.group_doors_invalid)
    with stage_connection(workdir) as con:
        total = con.execute("select count(*) from surveys").fetchone()[0]
    # one GX context and data source for every table (each costs ~0.3 s to build and drop): the
    # reference tables' problems still stop the run first, before any survey row is judged
    suites = {**reference, **({"surveys": suite} if total else {})}
    results = validate_tables(workdir / STAGE_DB, suites, record=record) if suites else {}
    _require_valid(workdir, reference, results, passed_reference)
    advance()
    result = results.get("surveys")
    rules = result.rules if result else ()
    advance()
    with stage_connection(workdir) as con:
        con.execute("create or replace table survey_rule_failures (row_id integer, rule_index integer, "
                    "code varchar, column_name varchar, value varchar, reason varchar)")
        for index, (reason, query) in enumerate(zip(result.reasons, result.failing_rows_sql) if result else ()):
            if query is not None:
                _record_failures(con, index, reason, query)
        # a row's reasons and codes in suite order (transforms/reasons.py: "invalid: a; b", "a;b")
        con.execute("""create or replace table survey_invalid as
                        select row_id,
                               ? || string_agg(reason, ? order by rule_index) as invalid_reason,
                               string_agg(code, ? order by rule_index) as invalid_code
                        from survey_rule_failures group by row_id""",
                    [INVALID_PREFIX, RULE_SEPARATOR, CODE_SEPARATOR])
        invalid = con.execute("select count(*) from survey_invalid").fetchone()[0]
        if policy.unknown_doors_invalid and not policy.numberless_doors_invalid:
            _say_numberless_doors(con)
        elif policy.numberless_doors_invalid:
            say_building_doors(con)
        advance()
        first = dict(con.execute(
            "select rule_index, arg_min(s.source_file || ' row ' || s.row_number, s.row_id) "
            "from survey_rule_failures f join surveys s using (row_id) group by rule_index").fetchall())
    return ValidationSummary(
        total_rows=total,
        invalid_rows=invalid,
        invalid_share=round(invalid / total, 6) if total else 0.0,
        max_invalid_share=policy.max_invalid_share,
        rules=rules,
        first_rows=tuple(first.get(i, "") for i in range(len(rules))),
    )


def _say_numberless_doors(con) -> None:
    """A policy copied before 2027.17 reads a door with no number (保密) as a home: two residents' 保密 of a grid are one
    household, the older answer set aside (trial 146, exit 0); said, with the key that reads each as no door."""
    for file, grid, door, n in con.execute(
            f"select min(source_file), grid_id, household_id, count(*) from surveys where household_id is not null "
            f"and row_id not in (select row_id from survey_invalid) and {no_home_sql('household_id')} "
            f"group by all having count(*) > 1 order by 1, 2, 3").fetchall():
        log.warning("%s: %d answers of grid %s give the door '%s', which names no one home: they are read as one home, "
                    "all but the latest set aside; survey.unknown_doors = \"no_number\" (policy 2027.17) reads each "
                    "as no door number (invalid, door_unknown): add it to your policy with a new version", file, n,
                    grid, masked_numbers(door), extra={"notice": "answer_doubts"})


def _record_failures(con, index: int, reason: RuleReason, query: str) -> None:
    """The rows `query` selects, each with its rule's code, the value the reason shows (masked)
    and the reason rendered from them: "sat_overall '很好吧' is not 1-5 or blank"."""
    value = regex_masked_sql(f's."{reason.shows}"')
    con.execute(f"insert into survey_rule_failures select f.row_id, ?, ?, ?, {value}, {reason.text_sql(value)} "
                f"from ({query}) as f join surveys as s using (row_id)", [index, reason.label, reason.shows])


def rejected_rows(workdir: Path) -> list[dict]:
    """Every failed rule of every invalid survey row, in file and row order: what HR fixes from."""
    with stage_connection(workdir) as con:
        cursor = con.execute(
            "select s.source_file, s.row_number, s.response_id, f.column_name as \"column\", f.value, f.reason "
            "from survey_rule_failures f join surveys s using (row_id) order by s.row_id, f.rule_index")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    for row in rows:          # a mobile or ID number typed as the response id (the value is masked above), a long one cut
        row["response_id"] = row["response_id"] and capped(masked_numbers(row["response_id"]))
        # ... and a character no one sees named, as the console names it (trial 157's U+202E turned the row around)
        row["value"], row["response_id"], row["reason"] = (row[k] and visible(row[k]) for k in ("value", "response_id",
                                                                                               "reason"))
    return rows
