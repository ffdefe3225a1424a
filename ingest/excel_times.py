"""A platform's download opened and saved again in a spreadsheet (Excel, WPS), which changes what residents typed.
A door number made a date (a paper 9-1 saved as 2026/9/1) tells no home: trial 131's row was invalid and its home's
answer lost (W05 +1.20, exit 0, "1 invalid" the only word). An answer time saved as a rounded day number places the
answer only to within half of 10^-d of a day for d decimals (7.2 minutes at two): 问卷星's 2026-11-30 23:53 saved
as 46357.00 read as 2026-12-01 00:00 and went to December (W02 paid 1371.56 for 1362.04, exit 0, "set aside: 1 row
of 2026-12" the only word). Where that span holds a month's first moment no rule can tell the month.

Both stop the month, naming the rows: a door number made a date only in a platform's download (in a sheet HR typed
it is an invalid row whose reason says to type it again), a rounded time in any file; a day number to five decimals
or more (under a second) or none (a date: the whole day) is read as it is. Neither on an audit's replay, which
replays a published month as it was."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.door_numbers import DOOR_DATE

EXCEL_EPOCH = date(1899, 12, 30)      # Excel's day 0 (its day numbers count from it)
SHOWN = 5


@dataclass(frozen=True)
class RoundedTime:
    file: str
    where: str               # "row 12", or "answer 4417" for a row set aside as another month's
    typed: str               # the cell as the file holds it: 46357.00

    def __str__(self) -> str:
        return f"{self.file} {self.where}: {self.typed}"


def rounded_times(workdir: Path, month: str) -> list[RoundedTime]:
    """The month's rows, and those of its download set aside as the month before's or after's, whose time is a
    rounded day number whose span holds the first moment of the month or of the next."""
    this = Month.parse(month)
    bounds = [(day - EXCEL_EPOCH).days for day in (this.first_day, this.next.first_day)]     # their day numbers
    with stage_connection(workdir) as con:
        aside = ("union all select source_file, 'answer ' || response_id, trim(submitted_at), 2, null from set_aside_ids"
                 if con.execute("select count(*) from duckdb_tables() where table_name = 'set_aside_ids'").fetchone()[0]
                 else "")
        return [RoundedTime(*row) for row in con.execute(f"""
            with typed as (select source_file, 'row ' || row_number as place, trim(submitted_at) as typed, 1 as kind,
                                  row_number from surveys {aside}),
                 serial as (select *, length(split_part(typed, '.', 2)) as decimals, try_cast(typed as double) as day
                            from typed where regexp_full_match(typed, '[0-9]{{5}}\\.[0-9]{{1,4}}'))
            select source_file, place, typed from serial
            where abs(day - ?) <= 0.5 * pow(10, -decimals) or abs(day - ?) <= 0.5 * pow(10, -decimals)
            order by source_file, kind, row_number, place""", bounds).fetchall()]


@dataclass(frozen=True)
class ResavedDownload:
    file: str
    door_dates: int          # door numbers made dates
    rows: tuple[int, ...]    # the first of them

    def __str__(self) -> str:
        more = " ..." if self.door_dates > len(self.rows) else ""
        return (f"{self.file}: {self.door_dates} door number{'s' if self.door_dates != 1 else ''} made "
                f"date{'s' if self.door_dates != 1 else ''} (row{'s' if len(self.rows) != 1 else ''} "
                f"{', '.join(map(str, self.rows))}{more})")


def resaved_downloads(workdir: Path) -> list[ResavedDownload]:
    """The platform downloads of the month holding a door number a spreadsheet made a date."""
    with stage_connection(workdir) as con:
        return [ResavedDownload(file, n, tuple(rows)) for file, n, rows in con.execute(f"""
            select source_file, count(*)::integer, (list(row_number order by row_number))[1:{SHOWN}] from surveys
            where source_file in (select source_file from platform_files)
              and regexp_matches(coalesce(household_id, ''), '{DOOR_DATE}')
            group by source_file order by source_file""").fetchall()]


def spreadsheet_message(month: str, found: list) -> str:
    """The stop's line for ResavedDownload and RoundedTime findings."""
    resaved = [f for f in found if isinstance(f, ResavedDownload)]
    rounded = [f for f in found if isinstance(f, RoundedTime)]
    said = "; ".join([*map(str, resaved), *map(str, rounded[:SHOWN])]) + (
        f" and {len(rounded) - SHOWN} more" if len(rounded) > SHOWN else "")
    what = ("a platform's download was opened and saved again in a spreadsheet, which changed what residents typed"
            if resaved else "answer times saved as a spreadsheet's rounded day numbers may be another month's")
    why = ((" A door number a spreadsheet made a date (3-2 as 3月2日) tells no home, so its answer would be lost." if
            resaved else "") + (" A day number with two decimals places an answer only to within 7 minutes, and "
                                "these lie that close to a month's first moment (46357.00 is 2026-12-01 00:00, or "
                                "2026-11-30 23:53): a download opened and saved again in Excel or WPS." if rounded else ""))
    return (f"{month}: {what}; nothing published. {said}.{why} Put the download in as the platform gives it "
            f"(download it again; open it in a spreadsheet only to read it, never save it), or type each named row's "
            f"{'door number and time' if resaved and rounded else 'door number' if resaved else 'time'} as the form "
            f"gave it{' (the time to the second, as the platform shows the answer)' if rounded else ''}, and run again")
