"""Answer times a spreadsheet saved as its day numbers, rounded: 问卷星's 2026-11-30 23:53 saved by Excel (WPS)
with two decimals is 46357.00, read as 2026-12-01 00:00, and the answer went to December (trial 131: W02 paid
1371.56 for 1362.04, exit 0, "set aside: 1 row of 2026-12" the only word). A day number with d decimals places
the answer only to within half of 10^-d of a day (7.2 minutes at two): where that span holds a month's first
moment, the answer may be either month's, and no rule can tell which. Such rows stop the month (never in an
audit, which replays what was published), naming each; a day number with five decimals or more (under a second)
or none (a date: the whole day) is read as it is."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection

EXCEL_EPOCH = "1899-12-30"
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
    # Excel's day numbers of the month's first moment and the next month's
    with stage_connection(workdir) as con:
        bounds = con.execute("select date_diff('day', ?::date, ?::date), date_diff('day', ?::date, ?::date)",
                             [EXCEL_EPOCH, str(this.first_day), EXCEL_EPOCH, str(this.next.first_day)]).fetchone()
        aside = ("union all select source_file, 'answer ' || response_id, trim(submitted_at), 2, null from set_aside_ids"
                 if con.execute("select count(*) from duckdb_tables() where table_name = 'set_aside_ids'").fetchone()[0]
                 else "")
        return [RoundedTime(*row) for row in con.execute(f"""
            with typed as (select source_file, 'row ' || row_number as place, trim(submitted_at) as typed, 1 as kind,
                                  row_number from surveys {aside}),
                 serial as (select *, length(split_part(typed, '.', 2)) as decimals, try_cast(typed as double) as day from typed
                            where regexp_full_match(typed, '[0-9]{{5}}\\.[0-9]{{1,4}}'))
            select source_file, place, typed from serial
            where abs(day - ?) <= 0.5 * pow(10, -decimals) or abs(day - ?) <= 0.5 * pow(10, -decimals)
            order by source_file, kind, row_number, place""", list(bounds)).fetchall()]


def rounded_times_message(month: str, found: list[RoundedTime]) -> str:
    shown = "; ".join(map(str, found[:SHOWN])) + (f" and {len(found) - SHOWN} more" if len(found) > SHOWN else "")
    return (f"{month}: answer times saved as a spreadsheet's rounded day numbers may be another month's; nothing "
            f"published. {shown}. A day number with two decimals places an answer only to within 7 minutes, and "
            f"these lie that close to a month's first moment (46357.00 is 2026-12-01 00:00, or 2026-11-30 23:53): a "
            f"download opened and saved again in Excel or WPS. Put the download in as the platform gives it (download "
            f"it again; do not open and save it in a spreadsheet), or type each named row's time from the platform "
            f"(2026-11-30 23:53:10), and run again")
