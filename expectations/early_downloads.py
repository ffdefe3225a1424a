"""Downloads made at the wrong time. A platform download holds every answer given up to the moment it was made:
the previous month's download, made just after that month ended, holds a few answers of the first hours of
this one. A sixtieth trial's clerk put October's download in November's folder: November was published on
its 8 early-morning answers (the rest of each grid's score from pooled earlier months), exit 0, the gate that
stops a month whose every row is dated in another month defeated by one answer. And a download made before
the month ended misses its last days: that trial's October download, made on the 28th, left out 32 answers
(W06 +126.38), nothing said."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection

FIRST_DAYS = 3       # a download whose answers of the month all fall in its first days was made then
LAST_DAYS = 2        # ... and one whose latest answer is this far before the month's end, before it ended


@dataclass(frozen=True)
class EarlyDownload:
    file: str
    earlier_month: str
    earlier_rows: int          # its answers of the month before, set aside
    rows: int                  # its answers of this month
    latest: datetime

    def __str__(self) -> str:
        return (f"{self.file} holds {self.earlier_rows} answers of {self.earlier_month} and {self.rows} of this "
                f"month, the latest at {self.latest:%Y-%m-%d %H:%M}: {self.earlier_month}'s download, made as this "
                f"month began?")


def previous_months_downloads(workdir: Path, month: str) -> list[EarlyDownload]:
    """Survey files of the month holding more answers of the month before than of this one, all of this
    one's in its first FIRST_DAYS days, but the older form's tails (below)."""
    looking = _early_looking(workdir, month)         # one query, for the tails too
    tails = {t.file for t in older_forms_tails(workdir, month, looking)}
    return [early for early in looking if early.file not in tails]


def older_forms_tails(workdir: Path, month: str, looking: list[EarlyDownload] | None = None) -> list[EarlyDownload]:
    """Of the files that look so, those each of whose grids another platform download of the month answers after
    its first days: the month's own form is there, and this is the month before's form, still answered in the
    first days (`looking`: _early_looking()'s, where the caller has them; a hundred-and-eighty-second trial's December
    link answered until 3 January; its download, put in January's folder beside January's as the stop advised, was
    stopped as December's download made early)."""
    early = _early_looking(workdir, month) if looking is None else looking
    if not early:
        return []
    cut = Month.parse(month).first_day + timedelta(days=FIRST_DAYS)
    with stage_connection(workdir) as con:
        grids = con.execute("select source_file, list(distinct grid_id) filter (where grid_id is not null) from surveys "
                            "group by 1").fetchall()
        later = con.execute("select grid_id, list(distinct source_file) from surveys where submitted_at_ts >= ? and "
                            "source_file in (select source_file from platform_files) group by 1", [cut]).fetchall()
    grids, later = dict(grids), dict(later)
    return [e for e in early if grids.get(e.file)
            and all(any(f != e.file for f in later.get(g, ())) for g in grids[e.file])]


def _early_looking(workdir: Path, month: str) -> list[EarlyDownload]:
    m = Month.parse(month)
    before = str(m.previous)
    with stage_connection(workdir) as con:
        rows = con.execute("""
            select s.source_file, a.rows, count(*)::integer, max(s.submitted_at_ts)
            from surveys s
            join (select source_file, sum(rows_set_aside)::integer as rows from set_aside where what = ?
                  group by source_file) a using (source_file)
            group by s.source_file, a.rows
            having a.rows > count(*) and max(s.submitted_at_ts) < ?
            order by s.source_file""", [f"rows of {before}", m.first_day + timedelta(days=FIRST_DAYS)]).fetchall()
    return [EarlyDownload(file, before, earlier, n, latest) for file, earlier, n, latest in rows]


def latest_answer(workdir: Path) -> tuple[datetime | None, int]:
    """The month's latest answer in its survey files, and how many are dated."""
    with stage_connection(workdir) as con:
        latest, dated = con.execute("select max(submitted_at_ts), count(submitted_at_ts) from surveys").fetchone()
        return latest, int(dated)


def platform_latest(workdir: Path) -> dict[str, tuple[datetime, int]]:
    """Each platform download's own latest answer of the month, and its answers (a hundred-and-third trial's mid-month
    download beside paper forms dated the 30th hid behind the month's latest answer, the paper's)."""
    with stage_connection(workdir) as con:
        return {file: (at, n) for file, at, n in con.execute(
            "select s.source_file, max(s.submitted_at_ts), count(s.submitted_at_ts)::integer from surveys s "
            "join platform_files p using (source_file) group by 1 having max(s.submitted_at_ts) is not null "
            "order by 1").fetchall()}


def downloaded_after(workdir: Path, month: str) -> set[str]:
    """The survey files holding answers of a month after `month` (set aside as its rows): made after the month
    ended, whatever their answers of it say (a hundred-and-fifty-sixth trial's download with three answers of
    December 1st was stopped as made on November 26th, its latest answer of November)."""
    later = Month.parse(month).next
    with stage_connection(workdir) as con:
        return {f for (f,) in con.execute("select distinct source_file from set_aside where what like 'rows of %' "
                                          "and substr(what, 9) >= ?", [str(later)]).fetchall()}
