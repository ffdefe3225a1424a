"""A platform download holding fewer answers than its name says: 问卷星 names a download after its form and
the answers it holds (283746519_2_青枫社区网格员满意度测评_82_82.xlsx), so one of 60 rows was cut off on its
way (a forty-first trial's, cut at row 60 and ended cleanly, was paid on what arrived: four grids fell
under the minimum and their workers went to the neutral coefficient, ~1,020 yuan moved, exit 0). Said,
not stopped: a name is HR's to keep or change, and a renamed file proves nothing."""
from __future__ import annotations

import logging
import re
from pathlib import Path, PurePosixPath

from gridpay.ingest.survey_stage import stage_connection

log = logging.getLogger("gridpay")
_COUNTED_NAME = re.compile(r"^\d+_\d+_.+_(\d+)_(\d+)\.(?:xls|xlsx|csv)$")


def named_answers(file_name: str) -> int | None:
    """The answers a 问卷星 download's name says it holds (both its counts the same), else None."""
    named = _COUNTED_NAME.match(PurePosixPath(file_name).name)
    return int(named[1]) if named and named[1] == named[2] else None


def short_downloads(workdir: Path) -> list[tuple[str, int, int]]:
    """(file, answers its name gives, answer rows it holds: the month's and those set aside as other months')
    for each survey file named as 问卷星 names a download whose two counts agree, holding fewer."""
    with stage_connection(workdir) as con:
        held = dict(con.execute("""
            select source_file, sum(n) from (
                select source_file, count(*) as n from surveys group by all
                union all select source_file, sum(rows_set_aside) from set_aside where what like 'rows of %' group by all)
            group by all""").fetchall())
    found = []
    for file, rows in sorted(held.items()):
        if (named := named_answers(file)) is not None and named > rows:
            found.append((file, named, int(rows)))
    return found


def missing_numbers(workdir: Path, file: str, named: int) -> str:
    """The 序号 of 1 to `named` a short download lacks, as ranges (' (序号 61 to 96 missing)': cut off at 60; a few
    here and there: filtered), where its ids are the platform's numbers (digits, after a policy's prefix); else ''."""
    with stage_connection(workdir) as con:
        aside = ("union all select response_id from set_aside_ids where source_file = $file" if con.execute(
            "select count(*) from duckdb_tables() where table_name = 'set_aside_ids'").fetchone()[0] else "")
        ids = [r for (r,) in con.execute(f"select response_id from surveys where source_file = $file {aside}",
                                         {"file": file}).fetchall()]
    numbers = {int(m[1]) for r in ids if r and (m := re.search(r"(\d+)$", r))}
    if len(numbers) != len(ids) or not numbers or max(numbers) > named:
        return ""
    gaps = sorted(set(range(1, named + 1)) - numbers)
    runs: list[list[int]] = []
    for n in gaps:
        if runs and runs[-1][1] == n - 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = [str(a) if a == b else f"{a} to {b}" for a, b in runs]
    more = f" and {len(shown) - 8} more runs" if len(shown) > 8 else ""
    return f" (序号 {', '.join(shown[:8])}{more} missing)" if gaps else ""


def say_short_downloads(workdir: Path) -> None:
    for file, named, rows in short_downloads(workdir):
        log.warning("%s holds %d answer rows where its name says %d%s (问卷星 names a download by the answers it holds): "
                    "a download cut off on its way? Download it again, put it in place of this one, and run again",
                    file, rows, named, missing_numbers(workdir, file, named))
