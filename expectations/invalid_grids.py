"""Grids most of whose survey rows are invalid. The gate judges the month's invalid share as a
whole: one grid's paper sheet read wrong (a column typed in a way the rules refuse) can be all of
that grid's answers and still a small share of the month, and the grid's worker would then be paid
as if nobody had answered. Read from validation's verdict in the stage file (survey_invalid)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.core.table_rows import has_column
from gridpay.ingest.sheet_scales import TICKS
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.unknown_grid_answers import ditto_sql
from gridpay.transforms.reasons import INVALID_PREFIX


@dataclass(frozen=True)
class InvalidGrid:
    grid_id: str
    grid_name: str
    invalid_rows: int
    rows: int
    first_reason: str                # the reason of its first invalid row (values masked, as stored)
    first_row: str                   # where that row is: "surveys/2026-10-paper.csv row 2"

    def __str__(self) -> str:
        reason = self.first_reason.removeprefix(INVALID_PREFIX)
        return (f"{self.grid_name} ({self.grid_id}): {self.invalid_rows} of its {self.rows} survey rows are "
                f"invalid; the first, {self.first_row}: {reason}")


def invalid_grids(workdir: Path, max_share: float | None, min_rows: int) -> list[InvalidGrid]:
    """Grids of grids.csv with more than `max_share` of their survey rows invalid and at least
    `min_rows` invalid rows (none when the policy sets no share), most invalid rows first."""
    if max_share is None:
        return []
    with stage_connection(workdir) as con:
        found = con.execute("""
            select s.grid_id, any_value(g.grid_name), count(v.row_id), count(*),
                   arg_min(v.invalid_reason, s.row_id) filter (where v.row_id is not null),
                   arg_min(s.source_file || ' row ' || s.row_number, s.row_id) filter (where v.row_id is not null)
            from surveys as s
            join (select grid_id, any_value(grid_name) as grid_name from grids group by grid_id) as g using (grid_id)
            left join survey_invalid as v on v.row_id = s.row_id
            group by s.grid_id
            having count(v.row_id) >= ? and count(v.row_id) > ? * count(*)
            order by count(v.row_id) desc, s.grid_id""", [min_rows, max_share]).fetchall()
    return [InvalidGrid(*row) for row in found]


@dataclass(frozen=True)
class InvalidFile:
    """A survey file much of which is invalid: said on the run (and its scorecard), never a stop: a
    thirty-seventh trial's paper sheet, all 16 rows invalid for one column typed one way (a channel word,
    dates saved month-first, door numbers Excel made dates), was 13% of the month; the run said '16 invalid'."""
    source_file: str
    invalid_rows: int
    rows: int
    first_reason: str
    first_row: int
    shared_ids: int = 0          # ... of them for a response id used more than once in the month
    day_first: str = ""          # a date of the file only day-first reads ('25/11/2026 10:00, row 2'), its others
    #                              refused as reading two ways (trial 139's colleague's sheet: 2 of 5 rows lost)
    word: str = ""               # an answer typed in words no rule reads (还行: trial 151's house visits), the first
    one_reason: bool = False     # every invalid row for one reason and value (trial 271's re-check: 7 of 8 dated 12-02)

    def __str__(self) -> str:
        # a month's two downloads numbered from 1 each: the cause is the ids, said as such (a forty-sixth
        # trial read "a column typed one way" before the stop's line named the ids)
        # ... and where only some rows fail, a column typed one way is not the cause (a forty-eighth trial's paper
        # sheet: 3 of 7 dates typed 10号 or 十月五日, the rest read)
        cause = (f"an answer is a tick ('{self.word}'), not an option's word: a sheet with a column per option? "
                 f"{TICKS}" if self.word in TICK_MARKS else
                 f"an answer is typed in words ('{self.word}'): give each such word its point in the policy's "
                 f"[survey.answer_words] (还行 = 3; a new version) and run again" if self.word else
                 f"the file writes dates both ways ({self.day_first.removeprefix(BOTH)}: two people's habits?), so a "
                 f"date whose day is 12 or less reads two ways: write its dates with the year first (2026-11-05) and "
                 f"run again" if self.day_first.startswith(BOTH) else
                 f"the file writes the day first ({self.day_first}), so a date whose day is 12 or less reads two "
                 f"ways: write its dates with the year first (2026-11-05) and run again" if self.day_first else
                 "the response ids are another file's too (two downloads each numbered from 1? the month stops on "
                 "them: see below)" if self.shared_ids * 2 >= self.invalid_rows else
                 "a column typed one way through the file is the usual cause" if self.invalid_rows == self.rows else
                 "they fail on one value, typed one way through the file" if self.one_reason and self.invalid_rows > 1
                 and self.invalid_rows * 2 >= self.rows else
                 "each of those rows fails on a value of its own (its reason says which)")
        return (f"{self.source_file}: {self.invalid_rows} of its {self.rows} survey rows are invalid and count "
                f"nowhere; the first, row {self.first_row}: {self.first_reason.removeprefix(INVALID_PREFIX)}; "
                f"{cause} (quarantine.csv lists every row)")


_SLASH = r"^\s*([0-9][0-9]?)[/.-]([0-9][0-9]?)[/.-][0-9]{4}([^0-9]|$)"
# a tick where an answer's word goes (a sheet with a column per option, headed as the question: trial 295 was told to
# give √ a point, which would read a 1 ticked under 非常满意 as 非常不满意)
TICK_MARKS = ("√", "✓", "✔", "☑", "○", "●", "◎", "v", "V")
BOTH = "both:"        # InvalidFile.day_first of a file writing dates both ways: its first day-first and month-first


def invalid_files(workdir: Path, share: float = 0.25, min_rows: int = 3) -> list[InvalidFile]:
    """Survey files with at least `share` of their rows, and `min_rows` rows, invalid; and those with a date refused
    as reading two ways whose other dates show the day first (some first number over 12, no second)."""
    first, second = (f"try_cast(regexp_extract(s.submitted_at, '{_SLASH}', {i}) as integer)" for i in (1, 2))
    with stage_connection(workdir) as con:
        found = con.execute(f"""
            select s.source_file, count(v.row_id), count(*),
                   arg_min(v.invalid_reason, s.row_id) filter (where v.row_id is not null),
                   arg_min(s.row_number, s.row_id) filter (where v.row_id is not null),
                   count(v.row_id) filter (where contains(v.invalid_code, 'repeated_response_id')),
                   case when count(v.row_id) filter (where contains(v.invalid_code, 'ambiguous_date')) = 0 then ''
                        when bool_or({first} > 12) and not coalesce(bool_or({second} > 12), false)
                        then arg_min(s.submitted_at || ', row ' || s.row_number, s.row_id) filter (where {first} > 12)
                        -- trial 185's two volunteers, one writing 21/11/2026, the other 11/25/2026: 9 answers lost unsaid
                        when bool_or({first} > 12) and bool_or({second} > 12)
                        then '{BOTH}' || arg_min(s.submitted_at || ', row ' || s.row_number, s.row_id)
                             filter (where {first} > 12) || '; ' || arg_min(s.submitted_at || ', row ' ||
                             s.row_number, s.row_id) filter (where {second} > 12)
                        else '' end as day_first,
                   coalesce(arg_min(w.value, w.row_id), '') as word,
                   count(distinct v.invalid_reason) = 1 as one_reason
            from surveys as s left join survey_invalid as v on v.row_id = s.row_id
            left join (select row_id, min(value) as value from survey_rule_failures where starts_with(code, 'answer_out_of_scale')
                       and regexp_matches(value, '[^0-9.\s-]') group by row_id) as w on w.row_id = s.row_id
            group by s.source_file
            having (count(v.row_id) >= ? and count(v.row_id) >= ? * count(*)) or day_first <> ''
            order by s.source_file""", [min_rows, share]).fetchall()
    return [InvalidFile(*row) for row in found]




@dataclass(frozen=True)
class GridlessRows:
    """Answers of one survey file that name no grid: they count for none."""
    source_file: str
    rows: int
    first_row: int
    last_row: int
    above: str | None                 # the grid on the row right above the first of them, if one names one

    def __str__(self) -> str:
        where = f"row {self.first_row}" if self.rows == 1 else f"rows {self.first_row}-{self.last_row}"
        above = (f"; the grid is blank below row {self.first_row - 1}'s '{self.above}' (written once for the "
                 f"sheet, or 同上?)" if self.above else "")
        some = f"{self.rows} answers in {self.source_file} name" if self.rows != 1 else f"1 answer in {self.source_file} names"
        return f"{some} no grid ({where}){above}"


def gridless_rows(workdir: Path, min_rows: int | None) -> list[GridlessRows]:
    """Survey files with at least `min_rows` answers whose grid is blank or a ditto mark (none
    when the policy sets no count), in file order."""
    if min_rows is None:
        return []
    with stage_connection(workdir) as con:
        # an answer 不清楚 is no grid left blank (ingest/unknown_grid_answers.py)
        known = "grid_not_known is null and " if has_column(con, "surveys", "grid_not_known") else ""
        found = con.execute(f"""
            with r as (
                select source_file, row_number, {known}(coalesce(trim(grid_id), '') = '' or {ditto_sql('grid_id')}) as blank,
                       lag(grid_id) over (partition by source_file order by row_number) as above,
                       lag(row_number) over (partition by source_file order by row_number) as row_above
                from surveys)
            select source_file, count(*), min(row_number), max(row_number),
                   arg_min(case when row_above = row_number - 1 and coalesce(trim(above), '') <> ''
                                     and not {ditto_sql('above')}
                                then above end, row_number)
            from r where blank
            group by source_file having count(*) >= ?
            order by source_file""", [min_rows]).fetchall()
    return [GridlessRows(*row) for row in found]
