"""A month's platform download saved in the folder of the month before or after it: the month it
belongs to reads only its own folder, and was published without its answers (a fifteenth trial's
November paid on three grids' paper answers alone, 123.76 yuan off in all, exit 0; the month whose
folder held it said "it counts in no month", but only when that month ran). A download holding answers
of the month being run and none of the month whose folder it is in was put in the wrong folder. So was
a later download of the month's form, in the next month's folder, holding answers of the month that
the month's own files lack: the month's was made before it ended (a thirty-first trial's, made on the
25th, left out 24 answers: two workers paid at the neutral coefficient, exit 0)."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gridpay.core.errors import InputError
from gridpay.core.month import Month
from gridpay.ingest.archive import file_sha256
from gridpay.ingest.formats import Source, month_survey_files
from gridpay.ingest.survey_files import SurveyReading, read_survey_file
from gridpay.ingest.survey_ids import file_id_prefix
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.parsing import ambiguous_date_sql, month_first_files_sql


@dataclass(frozen=True)
class Misfiled:
    file: str            # its path in the inbox
    folder_month: str    # the month whose folder holds it
    rows: int            # its answers of the month being run (later: those the month's own files lack)
    later: bool = False  # a later download of the month's form: the month's own was made before it ended
    lacks: int = 0       # ... and answers of the month its own download holds that this one lacks
    outnumbers: int | None = None   # answers this month's own files hold, fewer than this one's they lack

    def __str__(self) -> str:
        answers = f"{self.rows} answer{'s' if self.rows != 1 else ''} of this month"
        if self.later and self.lacks:   # a download filtered by date: in the month's place it lost the rest (trial 38)
            return (f"{self.file} holds {answers} that this month's files lack, and lacks {self.lacks} that they hold "
                    f"(a download of part of the form, filtered by date?): download the form once more (every answer "
                    f"of this month) and put that in this month's folder in place of the earlier one")
        if self.outnumbers is not None:     # made after the month ended, so it holds a few of the next's (trial 43)
            return (f"{self.file} holds {answers} that this month's files lack, more than they hold "
                    f"({self.outnumbers}): this month's download, put in {self.folder_month}'s folder? Move it into "
                    f"this month's folder (copy it, if it is {self.folder_month}'s own download too)")
        if self.later:
            return (f"{self.file} holds {answers} that this month's files lack: a later download of this month's "
                    f"form (the one in this month's folder made before the month ended?); put a copy of it in this "
                    f"month's folder in place of the earlier one, and leave it in {self.folder_month}'s (a "
                    f"download of the whole form holds that month's answers too)")
        return f"{self.file} holds {answers} and none of {self.folder_month}, whose folder it is in"


def misfiled_downloads(inbox: Path, month: str, reading: SurveyReading, grid_ids: list[str],
                       read: set[str] = frozenset(), held: dict[str, set[str]] | None = None) -> list[Misfiled]:
    """Platform downloads in the folders of the months before and after `month` holding answers of
    `month` and none of their own folder's month, other than copies of a file this month read (their
    sha256 in `read`); and, given the response ids each of this month's files holds (`held`), a download in
    the next month's folder holding answers of `month` with ids they lack, where it shares others with them
    (the same form, downloaded later) or they hold none, with the count of the ids it lacks of the files it
    shares ids with; and, in either folder, a download holding more answers of `month` that its files lack than
    they hold in all (this month's own download, made after the month ended and so holding a few answers of
    the next, put in the next month's folder: a forty-third trial's November was paid on October's answers,
    exit 0). A sheet HR typed is not looked at (it has no month of its own to compare); a file that cannot be
    read is its own month's to say."""
    found, have = [], set().union(*(held or {}).values())
    for other in (str(Month.parse(month).previous), str(Month.parse(month).next)):
        for path in month_survey_files(inbox, other):
            source = Source(path.relative_to(inbox).as_posix(), path)
            try:
                if file_sha256(path) in read:        # a copy of a file of this month: its answers are read
                    continue
                with _unsaid():
                    sheet = read_survey_file(source, month, reading, grid_ids)
            except (InputError, OSError, ValueError):
                continue
            if sheet.layout is None or not len(sheet.frame):
                continue
            if not sheet.set_aside.get(f"rows of {other}"):
                found.append(Misfiled(source.file_name, other, len(sheet.frame)))
            elif held is not None:
                prefix = file_id_prefix(source.file_name, reading)
                ids = {f"{prefix}{rid}" for rid in sheet.frame["response_id"].dropna()}
                # the same form (ids in common: a platform numbers its answers on), or the month holds no
                # answer at all; a sheet's own numbering (R1, P1) beside a platform's is another form
                if other > month and (ids - have) and (ids & have or not have):
                    form = set().union(*(held_ids for held_ids in held.values() if held_ids & ids))
                    found.append(Misfiled(source.file_name, other, len(ids - have), later=True, lacks=len(form - ids)))
                elif len(ids - have) > len(have):
                    found.append(Misfiled(source.file_name, other, len(ids - have), outnumbers=len(have)))
    return found


def misfiled_files(workdir: Path) -> list[tuple[str, list[tuple[int, str]]]]:
    """(file, [(rows, 'rows of 2026-10'), ...]) for each survey file holding no row of the run's month
    and rows of other months: a sheet put in the wrong month's folder, which counts in no month."""
    with stage_connection(workdir) as con:
        return con.execute("""
            select source_file, list((rows_set_aside, what) order by what)
            from set_aside where what like 'rows of %'
              and source_file not in (select distinct source_file from surveys)
            group by source_file order by source_file""").fetchall()


def other_month_rows(workdir: Path, month: str, ambiguous_invalid: bool = False) -> list[tuple[str, str, list[int]]]:
    """(file, YYYY-MM, row numbers) of the staged rows dated in a month other than `month`: a typed
    sheet's (a platform download's rows of other months are set aside before the stage). With
    `ambiguous_invalid` (survey.ambiguous_dates = "invalid") not a date that reads two ways: '8/11/2026'
    is no month's, and a trial was told to move it to August."""
    start, end = Month.parse(month).bounds()
    ambiguous = f"and not coalesce({ambiguous_date_sql('submitted_at')}, false)" if ambiguous_invalid else ""
    with stage_connection(workdir) as con:
        return con.execute(f"""
            select source_file, strftime(submitted_at_ts, '%Y-%m'), list(row_number order by row_number)
            from surveys where (submitted_at_ts < ? or submitted_at_ts > ?) {ambiguous} and not {TIME_ALONE}
            group by all order by all""", [start, end]).fetchall()


def yearless_other_month_rows(workdir: Path, month: str, dotted: bool = False) -> list[tuple[str, str, list[int], str]]:
    """(file, YYYY-MM, row numbers, the first as a date with its year) of staged rows dated with no year in another
    month (10月28日 in a November sheet: survey.yearless_dates reads a day of the run's month only; with `dotted`,
    survey.dotted_dates, 10.28 too), the latest such month up to `month`: trial 278's two October paper forms typed into
    November's sheet were invalid as "not a date-time", nothing said, where 2026/10/28 was told to move to October."""
    year, number = (int(part) for part in month.split("-"))
    forms = [r"^([0-9]{1,2})月([0-9]{1,2})[日号]"] + ([r"^(1[0-2]|0?[1-9])\.([12][0-9]|3[01]|0[1-9]|[4-9])$"] if dotted else [])
    with stage_connection(workdir) as con:
        found = con.execute(f"""
            with d as (select source_file, row_number, {_number_of(forms, 1)} as m, {_number_of(forms, 2)} as d
                       from surveys where submitted_at_ts is null)
            select source_file, m, list(row_number order by row_number), arg_min(d, row_number) from d
            where m is not null group by all order by all""").fetchall()
    return [(file, f"{year - (m > number)}-{m:02d}", rows, f"{year - (m > number)}年{m}月{d}日")
            for file, m, rows, d in found if 1 <= m <= 12 and m != number]


def _number_of(forms: list[str], group: int) -> str:
    """SQL: the number in `group` of the first of the regular expressions `forms` that submitted_at matches."""
    return "coalesce(" + ", ".join(f"try_cast(nullif(regexp_extract(trim(submitted_at), '{form}', {group}), '') as integer)"
                                   for form in forms) + ")"


# a time typed without its day (15点20分, 下午3:20, 15:20, the day in another column): read as the day of the run
TIME_ALONE = (r"coalesce(regexp_full_match(trim(submitted_at), '(上午|早上|中午|下午|晚上)?\s*[0-9]{1,2}\s*([:：点时]\s*"
              r"[0-9]{0,2}\s*分?\s*([:：][0-9]{1,2})?)'), false)")


def time_alone_rows(workdir: Path) -> list[tuple[str, list[int], str]]:
    """(file, row numbers, the first value) of the staged rows whose submitted_at is a time without a date: trial 185's
    15点20分 was read as the run's day, set aside as another month's, and the line said to move it to that month."""
    with stage_connection(workdir) as con:
        return con.execute(f"select source_file, list(row_number order by row_number), min(submitted_at) from surveys "
                           f"where {TIME_ALONE} group by all order by all").fetchall()


def month_first_misreads(workdir: Path, month: str) -> list[tuple[str, list[int], str]]:
    """(file, row numbers, the first value) of dates that read two ways (3/11/2026), read month first where the file's
    others are written so (survey.ambiguous_dates = "by_file"), outside `month`, and in it read day first: trial 185's
    two volunteers shared a sheet, one writing 11/25/2026, the other 3/11/2026, and five answers fell in other months
    unsaid."""
    start, end = Month.parse(month).bounds()
    first, second, year = (f"try_cast(regexp_extract(submitted_at, '{p}', 1) as integer)" for p in (
        r"^\s*([0-9]+)[/.-]", r"^\s*[0-9]+[/.-]([0-9]+)[/.-]", r"^\s*[0-9]+[/.-][0-9]+[/.-]([0-9]{4})"))
    with stage_connection(workdir) as con:
        return con.execute(f"select source_file, list(row_number order by row_number), min(submitted_at) from surveys "
                           f"where coalesce({ambiguous_date_sql('submitted_at')}, false) and (submitted_at_ts < ? or "
                           f"submitted_at_ts > ?) and {second} = ? and {year} = ? and source_file in "
                           f"({month_first_files_sql('submitted_at', 'surveys')}) group by all order by all",
                           [start, end, int(month[5:]), int(month[:4])]).fetchall()


@contextmanager
def _unsaid():
    """A neighbouring month's file is read here only to look for this month's answers: what reading it says (its hidden
    rows) is its own month's to say (trial 131's October and November scorecards listed September's hidden rows)."""
    log, drop = logging.getLogger("gridpay"), (lambda record: record.levelno > logging.WARNING)
    log.addFilter(drop)
    try:
        yield
    finally:
        log.removeFilter(drop)
