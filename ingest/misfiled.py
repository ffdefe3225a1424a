"""A month's platform download saved in the folder of the month before or after it: the month it
belongs to reads only its own folder, and was published without its answers (a fifteenth trial's
November paid on three grids' paper answers alone, 123.76 yuan off in all, exit 0; the month whose
folder held it said "it counts in no month", but only when that month ran). A download holding answers
of the month being run and none of the month whose folder it is in was put in the wrong folder."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.core.errors import InputError
from gridpay.core.month import Month
from gridpay.ingest.archive import file_sha256
from gridpay.ingest.formats import Source, month_survey_files
from gridpay.ingest.survey_files import SurveyReading, read_survey_file
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.parsing import ambiguous_date_sql


@dataclass(frozen=True)
class Misfiled:
    file: str            # its path in the inbox
    folder_month: str    # the month whose folder holds it
    rows: int            # its answers of the month being run

    def __str__(self) -> str:
        return (f"{self.file} holds {self.rows} answer{'s' if self.rows != 1 else ''} of this month and none of "
                f"{self.folder_month}, whose folder it is in")


def misfiled_downloads(inbox: Path, month: str, reading: SurveyReading, grid_ids: list[str],
                       read: set[str] = frozenset()) -> list[Misfiled]:
    """Platform downloads in the folders of the months before and after `month` holding answers of
    `month` and none of their own folder's month, other than copies of a file this month read (their
    sha256 in `read`). A sheet HR typed is not looked at (it has no month of its own to compare); a file
    that cannot be read is its own month's to say."""
    found = []
    for other in (str(Month.parse(month).previous), str(Month.parse(month).next)):
        for path in month_survey_files(inbox, other):
            source = Source(path.relative_to(inbox).as_posix(), path)
            try:
                if file_sha256(path) in read:        # a copy of a file of this month: its answers are read
                    continue
                sheet = read_survey_file(source, month, reading, grid_ids)
            except (InputError, OSError, ValueError):
                continue
            if sheet.layout is not None and len(sheet.frame) and not sheet.set_aside.get(f"rows of {other}"):
                found.append(Misfiled(source.file_name, other, len(sheet.frame)))
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
            from surveys where (submitted_at_ts < ? or submitted_at_ts > ?) {ambiguous}
            group by all order by all""", [start, end]).fetchall()
