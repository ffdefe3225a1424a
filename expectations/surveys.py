"""Suite for surveys/<YYYY-MM>*: one row per resident response. It runs through GX's SQL path on
the staged DuckDB table (expectations/runner.py), where regex expectations are not supported for
DuckDB, so the whole-number rule is a SQL rule."""
from __future__ import annotations

from datetime import datetime

import great_expectations as gx

from gridpay.transforms.door_numbers import DOOR_DATE
from gridpay.transforms.parsing import ambiguous_date_sql, month_first_files_sql
from gridpay.transforms.reasons import rule_reason


E = gx.expectations


def surveys_suite(items: tuple[str, ...], grids_table: str, channels: tuple[str, ...],
                  month_start: datetime, month_end: datetime, scale: range,
                  max_duration_s: int | None = None, ambiguous_dates: bool = False,
                  door_dates: bool = False, month_first_files: bool = False,
                  unknown_doors: bool = False, numberless_doors: bool = False,
                  houses: str = "false", numeral_worded: bool = False, group_doors: bool = False) -> gx.ExpectationSuite:
    """`month_end` is the last microsecond of the month (inclusive bound). `grids_table` is the
    table of known grid_ids next to the survey table: a city's 20,000 ids as a value set made
    GX copy the list on every look at the rule, and a join is what the database is for."""
    def meta(code: str, column: str | None = None, **params) -> dict:
        reason = rule_reason(code, column, **params)
        return {**reason.meta(), "column": reason.shows}

    answers = [str(v) for v in scale]
    rules = [
        E.ExpectColumnValuesToNotBeNull(column="response_id", meta=meta("blank", "response_id")),
        E.ExpectColumnValuesToBeUnique(column="response_id", meta=meta("repeated_response_id")),
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta=meta("blank", "grid_id")),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query=(f"select row_id from {{batch}} where grid_id is not null "
                                   f"and grid_id not in (select grid_id from {grids_table})"),
            description="grid_id is one of grids.csv", meta=meta("unknown_grid")),
        E.ExpectColumnValuesToNotBeNull(column="household_id", meta=meta("blank", "household_id")),
        # the rules check the parsed time; their reasons show what was typed (submitted_at)
        E.ExpectColumnValuesToNotBeNull(column="submitted_at_ts", meta=meta("bad_time")),
        E.ExpectColumnValuesToBeBetween(
            column="submitted_at_ts", min_value=month_start, max_value=month_end, meta=meta("outside_month")),
        E.ExpectColumnValuesToBeInSet(
            column="channel", value_set=list(channels), meta=meta("unknown_channel", channels=", ".join(channels))),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query=("select row_id from {batch} where duration_s is not null "
                                   "and not regexp_full_match(duration_s, '[0-9]+')"),
            description="duration_s is a whole number of seconds", meta=meta("bad_duration")),
    ]
    if max_duration_s is not None:     # the policy's survey.max_duration_s (policies before it: none)
        rules.append(E.UnexpectedRowsExpectation(
            unexpected_rows_query=("select row_id from {batch} where regexp_full_match(duration_s, '[0-9]+') "
                                   f"and try_cast(duration_s as double) > {int(max_duration_s)}"),
            description=f"duration_s is at most {max_duration_s} seconds",
            meta=meta("long_duration", seconds=max_duration_s)))
    if ambiguous_dates:         # survey.ambiguous_dates = "invalid" (policies before it: read month first)
        rules.append(_ambiguous_dates(month_first_files))
    if door_dates:              # survey.door_number_dates = "invalid" (policies before it: a household as typed)
        rules.append(_door_dates())
    if unknown_doors:           # survey.unknown_doors = "invalid" (policies before it: 看不清 is a home)
        rules.append(_unknown_doors(numberless_doors, houses, numeral_worded, group_doors))
    rules += [E.ExpectColumnValuesToBeInSet(
        column=item, value_set=answers,
        meta=meta("answer_out_of_scale", item, low=answers[0], high=answers[-1])) for item in items]
    return gx.ExpectationSuite(name="surveys", expectations=rules)


# day and month of a date typed d/m/yyyy or m/d/yyyy (also with '.' or '-'); no braces: GX formats {batch} into it


def _door_dates() -> gx.expectations.UnexpectedRowsExpectation:
    """A door number such as 1-3-12 that Excel turned into a date (2012-01-03): whose home it was
    cannot be told, so one home could count twice (a field trial's did, online as 1栋3单元12 and on
    paper as the date); the row is invalid and its reason says how to type the column."""
    return E.UnexpectedRowsExpectation(
        unexpected_rows_query=f"select row_id from {{batch}} where regexp_matches(household_id, '{DOOR_DATE}')",
        description="household_id is not a date", meta={**rule_reason("door_as_date").meta(), "column": "household_id"})


# a door number that says it is not known (a volunteer's 看不清 for a form's illegible one), after its compound
UNKNOWN_DOOR = r"(^| )(看不清|看不清楚|字迹不清|不清楚|不详|不知道|未知|未填|未写|无|没有|空|暂无|[?？/\-—_*xX]+)$"

# a number in a door (after its compound): digits, or the numerals a door is written in (三栋二单元五零一)
NUMERALS = "0-9０-９零〇一二三四五六七八九十百两"
# a door that names a floor, building or unit alone (一楼, 3栋, 2单元): no one home (trial 146's re-check: two 一楼)
PLACE_ONLY = f"^[^{NUMERALS}]*[{NUMERALS}]+ *号? *(楼|层|栋|幢|座|单元)$"
# ... or a village's group alone (李家村5组, 五组, 6队), or a door of zeros (0): many homes, or none (survey.group_doors_invalid,
# 2027.37: trial 308's five answers typed so were one home, all but the latest set aside, W04 1620.48 for 1600.00)
GROUP_ONLY = f"^[^{NUMERALS}]*[{NUMERALS}]+ *(组|队|社)$|^[0０]+$"


# a door word after a numeral: 三组十五号 is a door, 王二婶家 and 刘三爷 name a person (survey.numeral_doors_worded); a
# room in numerals alone (五零二) is a door too
WORDED_NUMERAL = ("[零〇一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾佰]+ *(号|组|栋|幢|座|楼|层|单元|室|户|排|巷|弄|院|门|间|队)"
                  "|^[零〇一二三四五六七八九十百两]+$")


def no_home_sql(col: str, houses: str = "false", worded: bool = False, groups: bool = False) -> str:
    """A door (after its compound) with no number at all, or naming a floor, building or unit alone; `houses`: SQL of
    the rows whose home is a whole house (survey.house_compounds), where a building alone (A12栋) is one home;
    `worded` (policy 2027.32): with no digit and no numeral before a door word either (trial 266's 王二婶家 counted as
    a home, 刘三爷 and 刘三爷家 as two, where 张大爷家 was invalid)."""
    door = door_sql(col)
    named = (f" or (not regexp_matches({door}, '[0-9０-９]') and not regexp_matches({door}, '{WORDED_NUMERAL}'))"
             if worded else "")
    group = f" or regexp_matches({door}, '{GROUP_ONLY}')" if groups else ""
    return f"(not regexp_matches({door}, '[{NUMERALS}]') or ({building_only_sql(col)} and not {houses}){named}{group})"


def door_sql(col: str) -> str:
    return f"regexp_extract({col}, '[^ ]*$')"


def building_only_sql(col: str) -> str:
    return f"regexp_matches({door_sql(col)}, '{PLACE_ONLY}')"


def _unknown_doors(numberless: bool = False, houses: str = "false", worded: bool = False,
                   groups: bool = False) -> gx.expectations.UnexpectedRowsExpectation:
    """A door number typed as not known: every such answer of a grid was one home (trial 123's two 看不清, two homes,
    were one household, the first set aside as the home's older answer, exit 0); invalid, its reason saying so.
    `numberless` (survey.unknown_doors = "no_number"): a door with no number at all too (trial 146's two 保密), or
    naming a floor, building or unit alone (一楼), but in a compound of houses (`houses`: A12栋 is a villa)."""
    none = f" or {no_home_sql('household_id', houses, worded, groups)}" if numberless else ""
    return E.UnexpectedRowsExpectation(
        unexpected_rows_query=f"select row_id from {{batch}} where regexp_matches(household_id, '{UNKNOWN_DOOR}'){none}",
        description="household_id is a door number", meta={**rule_reason("door_unknown").meta(), "column": "household_id"})


def _ambiguous_dates(month_first_files: bool = False) -> gx.expectations.UnexpectedRowsExpectation:
    """'10/08/2026 11:00' is 8 October read month-first and 10 August read day-first: where both
    numbers could be a month and differ, the row is refused rather than guessed (a wrong guess moves
    the answer into another month, or keeps one that was not this month's). 25/10/2026 and
    2026/10/08 read one way only. With `month_first_files` (survey.ambiguous_dates = "by_file") a file
    whose other dates show the month first (11/25/2026, an English-locale Excel's) is read so: a
    sixty-first trial's November stopped at the gate on 29 of its 77 answers."""
    by_file = (f" and source_file not in ({month_first_files_sql('submitted_at', '{batch}')})"
               if month_first_files else "")
    return E.UnexpectedRowsExpectation(
        unexpected_rows_query=f"select row_id from {{batch}} where {ambiguous_date_sql('submitted_at')}{by_file}",
        description="submitted_at does not read as two dates",
        meta={**rule_reason("ambiguous_date").meta(), "column": "submitted_at"})
