"""Suites for the 公示 cycle's files: appeals.csv (HR's decisions on workers' appeals) and verification/<YYYY-MM>.csv
(the month's verification calls). Unlike the reference tables, a broken row here stops the month at the gate (exit 1),
naming the appeal and the rule: these are HR's own decisions on whose answers count; ignoring one would pay wrongly.

The rules that look at the month's answers, workers and grids (is the answer one of the month's valid rows, in a
grid the appellant covered, filed within the appeal window, by a worker in workers.csv, its resident_grid in grids.csv)
apply to the run's month; the others to every row of the file (a row of another month is named with its month)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import great_expectations as gx

from gridpay.expectations.reference_notes import width_note
from gridpay.expectations.runner import validate_tables
from gridpay.expectations.sql_rules import matches
from gridpay.expectations.review_ids import meant_id
from gridpay.ingest.survey_stage import STAGE_DB, stage_connection
from gridpay.transforms.review_terms import CATEGORIES, DECISIONS, RESULTS

E = gx.expectations
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
KINDS = {"appeals": "appeals.csv", "verification": "verification"}
NO_WINDOW = (date.min, date.max)        # a policy without [appeals] window_days: filed whenever


COVERED = "the answer is not in a grid the appellant covered"


def _rows(where: str, reason: str, column: str) -> gx.expectations.UnexpectedRowsExpectation:
    # no alias: GX puts its own on {batch}; correlated checks are written as keys NOT IN a set
    return E.UnexpectedRowsExpectation(unexpected_rows_query=f"select row_id from {{batch}} where {where}",
                                       description=reason, meta={"reason": reason, "column": column})


def _one_of(column: str, words: dict[str, str], blank_too: bool = False) -> gx.expectations.ExpectColumnValuesToBeInSet:
    """`column` holds one of the codes (HR may have typed the Chinese word; ingest made it the code)."""
    listed = ", ".join(f"{code} ({word})" for code, word in words.items())
    return E.ExpectColumnValuesToBeInSet(column=column, value_set=list(words), meta={
        "reason": f"{column} is not {'blank or ' if blank_too else ''}one of {listed}"})


def _valid_answer(month_only: str) -> str:
    return (f"{month_only} and response_id not in (select s.response_id from surveys s where s.response_id is not null "
            f"and s.row_id not in (select row_id from survey_invalid))")


def appeals_suite(month: str, month_end: date, window: tuple[date, date] | None,
                  today: date | None = None) -> gx.ExpectationSuite:
    this = f"month = '{month}'"
    covered = (f"worker_id || chr(31) || response_id not in (select g.worker_id || chr(31) || s.response_id "
               f"from surveys s join assignments g on g.grid_id = s.grid_id where s.response_id is not null "
               f"and g.start_date <= '{month_end}' and coalesce(g.end_date, '9999-12-31') >= '{month}-01')")
    rules = [
        E.ExpectColumnValuesToNotBeNull(column="appeal_id", meta={"reason": "appeal_id is blank"}),
        E.ExpectColumnValuesToBeUnique(column="appeal_id", meta={"reason": "appeal_id is used more than once"}),
        matches("month", r"[0-9]{4}-[0-9]{2}", "is not YYYY-MM"),
        # the month's rows only: a worker who has left is taken out of workers.csv, and their appeal of an
        # earlier month stopped every month after it (an eighteenth trial's)
        _rows(f"{this} and worker_id is not null and worker_id not in (select worker_id from workers "
              "where worker_id is not null)", "worker_id is not in workers.csv", "worker_id"),
        E.ExpectColumnValuesToNotBeNull(column="response_id", meta={"reason": "response_id is blank"}),
        _one_of("category", CATEGORIES),
        E.ExpectColumnValuesToNotBeNull(column="statement", meta={"reason": "statement (the worker's grounds) is blank"}),
        E.ExpectColumnValuesToNotBeNull(column="filed_on", meta={"reason": "filed_on is blank"}),
        matches("filed_on", DATE, "is not a date (2027-01-06, 2027/1/6, 2027年1月6日, or 1月6日 within a year after the month began)"),
        _one_of("decision", DECISIONS, blank_too=True),
        _rows("decision in ('upheld', 'rejected') and decided_by is null", "decided_by is blank on a decided appeal",
              "decided_by"),
        _rows("decided_by is not null and (decided_by = worker_id or decided_by || chr(31) || worker_id in "
              "(select w.name || chr(31) || w.worker_id from workers w))",
              "decided_by is the appellant's id or name: an appeal is never decided by the worker who filed it "
              "(another person of that name is written so that they are told apart: 王丽（社区书记）)", "decided_by"),
        _rows("decision in ('upheld', 'rejected') and decided_on is null", "decided_on is blank on a decided appeal",
              "decided_on"),
        matches("decided_on", DATE, "is not a date (2027-01-06, 2027/1/6, 2027年1月6日, or 1月6日 within a year after the month began)"),
        _rows("decided_on is not null and filed_on is not null and decided_on < filed_on",
              "decided_on is before filed_on", "decided_on"),
        _rows("decision = 'upheld' and decision_note is null", "decision_note is blank on an upheld appeal",
              "decision_note"),
        _rows(_valid_answer(this), f"response_id is not one of {month}'s valid answers", "response_id"),
        # one answer, two appeals decided both ways: which decision stands is HR's to say, not the file order's
        _rows(f"{this} and decision in ('upheld', 'rejected') and response_id in (select response_id from appeals "
              f"where {this} and decision = 'upheld' intersect select response_id from appeals where {this} "
              f"and decision = 'rejected')",
              "the answer has another appeal decided the other way (one upheld, one rejected): decide it once (a "
              "decision reversed is its row edited, with the new decided_on and note; a trial added a second row)",
              "decision"),
        # a rejected appeal changes no pay and stays on record (a sixty-ninth trial's appeal of a worker who had
        # left, rejected 不予受理, stopped the month until the row was deleted)
        # ... a worker_id workers.csv lacks is that rule's line alone (trial 141 read this one first, the cause after)
        # ... and an id no answer has is the valid-answer rule's line alone (trial 167's 790 for 79 read both)
        # ... or the grid a 非本网格 appeal names as its resident's: that grid's worker asks for her residents' voices
        _rows(f"{this} and worker_id is not null and coalesce(decision, '') <> 'rejected' and {covered} "
              f"and worker_id in (select worker_id from workers) and response_id in (select response_id from surveys) "
              f"and worker_id || chr(31) || coalesce(resident_grid, '') not in (select worker_id || chr(31) || grid_id "
              f"from assignments where start_date <= '{month_end}' and coalesce(end_date, '9999-12-31') >= "
              f"'{month}-01')", f"{COVERED} in {month}", "worker_id"),
        *_resident_grid_rules(this),
    ]
    rules += _window_rules(month, window)
    # filed or decided after the day of the run (policy gate.appeal_dates): a typo, as a call's date is (a hundredth
    # trial's upheld appeal "decided 2026-12-14" moved a worker's pay on a sheet published 2026-12-05, exit 0)
    rules += [_rows(f"try_strptime({column}, '%Y-%m-%d')::date > '{today}'",
                    f"{column} is after the day of the run ({today}): is the date mistyped?", column)
              for column in ("filed_on", "decided_on")] if today else []
    return gx.ExpectationSuite(name="appeals", expectations=rules)


def _resident_grid_rules(this: str) -> list:
    """appeals.csv's resident_grid: the grid a 非本网格 appeal's answer counts in once upheld (the month's rows against
    grids.csv: a later month's, given a grid split off since, stopped trial 288's re-run of November)."""
    return [
        _rows("resident_grid is not null and category <> 'wrong_grid'",
              "resident_grid is given on an appeal that is not 非本网格 (wrong_grid): only an answer of another grid's "
              "resident counts in another grid", "resident_grid"),
        _rows(f"{this} and resident_grid not in (select grid_id from grids where grid_id is not null)",
              "resident_grid is not a grid of grids.csv (its id, name or an alias)", "resident_grid"),
        _rows(f"{this} and resident_grid is not null and response_id || chr(31) || resident_grid in (select "
              f"response_id || chr(31) || grid_id from surveys where response_id is not null)",
              "resident_grid is the grid the answer names: a 非本网格 appeal names the grid its resident lives in",
              "resident_grid"),
    ]


def _window_rules(month: str, window: tuple[date, date] | None) -> list:
    """The appeal window's rules: an appeal of an unpublished month, one filed outside the window, one of
    another month filed in this one's window against one of this month's answers."""
    this = f"month = '{month}'"
    rules: list = []
    if window is None:
        rules.append(_rows(f"{this} and worker_id is not null", f"{month} has not been published yet: appeals are filed "
                           "against a published month (HR's own correction, worker_id blank, may come first)", "month"))
    elif window != NO_WINDOW:
        date_pattern = DATE.replace("{", "{{").replace("}", "}}")      # GX formats {batch} into the query
        # a late appeal HR rejected (逾期不予受理) changes no pay and stays on record (a forty-seventh trial had to delete
        # the row); pending or upheld, it stops the month. HR's own correction (worker_id blank) has no window (trial 221)
        rules.append(_rows(f"{this} and regexp_full_match(filed_on, '{date_pattern}') and filed_on > '{window[1]}' "
                           "and coalesce(decision, '') <> 'rejected' and worker_id is not null",
                           f"filed_on is outside the appeal window ({window[0]} to {window[1]}): a late appeal "
                           f"is decided 驳回 (rejected), or taken out of appeals.csv; HR's own correction (a home's "
                           f"repeat, a worker's household's answer) leaves worker_id blank, and has no window", "filed_on"))
        # ... one dated before the window opened is not late (a hundred-and-second trial's was told so): before the
        # month was published there was nothing to appeal, so its date is more likely mistyped
        rules.append(_rows(f"{this} and regexp_full_match(filed_on, '{date_pattern}') and filed_on < '{window[0]}' "
                           "and coalesce(decision, '') <> 'rejected' and worker_id is not null",
                           f"filed_on is outside the appeal window ({window[0]} to {window[1]}), before it opened "
                           f"on the month's first publication: is the date mistyped? An appeal filed then is decided "
                           f"驳回 (rejected), or taken out of appeals.csv", "filed_on"))
        # an upheld appeal of 2026-10 typed 2026-1 was read as January's and applied in no month (a fifty-second trial)
        # ... a rejected one changes no pay either way (a sixty-ninth trial's late appeal of September, rejected
        # 逾期不予受理 in October's window, stopped October)
        # ... nor one of a month that is published (ids restart with each month's form: a seventieth trial's
        # upheld October appeal, filed while November's window was open, stopped November's every re-run)
        rules.append(_rows(f"month <> '{month}' and filed_on between '{window[0]}' and '{window[1]}' and "
                           "coalesce(decision, '') <> 'rejected' and month not in (select month from published_months) "
                           "and response_id in "
                           "(select s.response_id from surveys s where s.response_id is not null)",
                           f"month is not {month}, but the appeal was filed in {month}'s appeal window against one of "
                           f"{month}'s answers: is the month mistyped?", "month"))
    return rules


def _call_dates(today: date) -> list:
    """A call is made after the answer it checks was given and before the run that reads it: a date
    outside that is a typo, or (before the answer) the call of another answer, its response_id
    mistyped, which would exclude the wrong resident's answer (policy gate.verification_dates)."""
    called = "try_strptime(v.called_on, '%Y-%m-%d')::date"
    before = (f"row_id in (select v.row_id from verification v join surveys s on s.response_id = v.response_id "
              f"where {called} < s.submitted_at_ts::date)")
    return [_rows(before, "called_on is before the answer was given: is the response_id or the date mistyped?",
                  "called_on"),
            _rows(f"try_strptime(called_on, '%Y-%m-%d')::date > '{today}'",
                  f"called_on is after the day of the run ({today}): is the date mistyped?", "called_on")]


def verification_suite(month: str, today: date | None = None, listed: bool = False) -> gx.ExpectationSuite:
    """`today`: the run's local date, where the policy checks the calls' dates (else None); `listed`:
    whether a call must name an answer a published run listed for one (table called_answers)."""
    return gx.ExpectationSuite(name="verification", expectations=[
        E.ExpectColumnValuesToNotBeNull(column="response_id", meta={"reason": "response_id is blank"}),
        E.ExpectColumnValuesToBeUnique(column="response_id", meta={"reason": (
            "response_id has more than one result: keep one row per answer, the call that reached the resident (or "
            "the last attempt), and note earlier attempts in its note (三次未接通后接通)")}),
        _one_of("result", RESULTS),
        E.ExpectColumnValuesToNotBeNull(column="called_by", meta={"reason": "called_by is blank"}),
        E.ExpectColumnValuesToNotBeNull(column="called_on", meta={"reason": "called_on is blank"}),
        matches("called_on", DATE, "is not a date (2027-01-06, 2027/1/6, 2027年1月6日, or 1月6日 within a year after the month began)"),
        _rows(_valid_answer("true"), f"response_id is not one of {month}'s valid answers", "response_id"),
        *(_call_dates(today) if today else []),
        # a call of an answer no list gave HR (its phone never disclosed): another answer's call, its id
        # mistyped, which would take out a resident's answer nobody called (a thirteenth trial's J97 for J87)
        # (a call HR made on its own, a resident's complaint, says so in its note: a fourteenth trial's did)
        *([_rows("response_id not in (select response_id from called_answers) and note is null",
                 "the answer was on no call list of the month (verify.csv, callbacks.csv) and the call has no "
                 "note: is the response_id mistyped? (a call HR made on its own says why in its note)",
                 "response_id")] if listed else []),
    ])


def review_problems(workdir: Path, month: str, month_end: date, window: tuple[date, date] | None,
                    record: Path | None = None, today: date | None = None, called: set[str] | None = None,
                    published: frozenset[str] = frozenset(), appeals_today: date | None = None) -> list[str]:
    """Every broken rule of the staged appeals and verification rows, one line each, in file order:
    "appeals.csv row 3 (appeal A7): the answer is not in a grid the appellant covered in 2026-10".
    `today` (`appeals_today`): the run's local date, where the policy checks the calls' (appeals') dates; `called`: the answers
    the month's published runs listed for a call, where the policy checks that a call was one; `published`: the
    other months with a published run (an appeal of one of them is that month's, whatever its answer's id)."""
    with stage_connection(workdir) as con:
        con.execute("create or replace table published_months as select unnest(?::varchar[]) as month",
                    [sorted(published)])
        con.execute("create or replace table called_answers (response_id varchar)")
        if called:
            con.executemany("insert into called_answers values (?)", [[r] for r in sorted(called)])
        sizes = {}
        for kind in KINDS:
            con.execute(f"create or replace table {kind} as select file_row_number::integer as row_id, "
                        f"* exclude (file_row_number) from read_parquet(?, file_row_number = true)",
                        [str(workdir / f"{kind}.parquet")])
            sizes[kind] = con.execute(f"select count(*) from {kind}").fetchone()[0]
    suites = {"appeals": appeals_suite(month, month_end, window, appeals_today),
              "verification": verification_suite(month, today, called is not None)}
    suites = {kind: suite for kind, suite in suites.items() if sizes[kind]}
    if not suites:
        return []
    results = validate_tables(workdir / STAGE_DB, suites, record=record)
    problems = []
    with stage_connection(workdir) as con:
        for kind, result in results.items():
            # the grid an appealed answer names: trial 207's "not in a grid the appellant covered" left HR to find it
            label = ("a.appeal_id, a.month, a.worker_id, a.resident_grid, (select string_agg(distinct s.grid_id, ', ') "
                     "from surveys s where s.response_id = a.response_id), a.response_id" if kind == "appeals"
                     else "a.response_id, null, null, null, null, a.response_id")
            for rule, query in zip(result.rules, result.failing_rows_sql):
                if query is None:
                    continue
                for source, row, name, of, worker, resident, named, rid in con.execute(
                        f"select a.source_file, a.row_number, {label} from {kind} a where a.row_id in ({query})").fetchall():
                    # an appeal of another month is named so: HR may look for the fault in this month's rows
                    what = (f"appeal {name}" + (f", of {of}" if of and of != month else "") if kind == "appeals"
                            else f"answer {name}")
                    # the id as typed, and a full-width one said so (trial 141's Ｗ０３ was named by neither)
                    typed = (f": '{worker}'{width_note(worker)}" if rule.reason == "worker_id is not in workers.csv"
                             else f": '{resident}'" if rule.column == "resident_grid"
                             else f" (the answer names {named}: is its id mistyped?)" if rule.reason.startswith(COVERED) and named
                             else f" (did you mean {m}?)" if rule.column == "response_id" and (m := meant_id(con, rid))
                             else "")
                    problems.append((source, int(row), f"{source} row {row} ({what}): {rule.reason}{typed}"))
    return [text for _, _, text in sorted(problems)]
