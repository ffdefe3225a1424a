"""Response ids that two survey files of one month both use. A platform numbers the answers of its
own download (问卷星 1..80), and a sheet typed from paper forms numbers its own (1..5): the same id
in two files is two answers, not one answer twice, and quarantining both (the rule within a file)
thins a grid quietly. A copy of one file under another name repeats every id. Either way the month
stops (policy gate.response_ids_across_files = "stop") and names both files: appeals.csv and the
verification calls name an answer by its id, which must stay one answer."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.core.table_rows import has_column
from gridpay.ingest.duckdb_reader import quoted
from gridpay.ingest.limits import capped
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.privacy import masked_numbers

SHOWN = 10          # ids named per pair of files, or per file


def _named(ids: tuple[str, ...], count: int) -> str:
    """'1, 2, 3' or, past SHOWN, the first ones and how many more."""
    return ", ".join(ids) + (f" and {count - len(ids)} more" if count > len(ids) else "")


@dataclass(frozen=True)
class SharedIds:
    """Response ids two survey files both use, or one file uses on more than one row (`files` holds
    one: a sheet typed from paper forms where two forms got one number, or a row typed twice)."""
    files: tuple[str, ...]           # source_file, in file order
    ids: tuple[str, ...]             # the first SHOWN, masked (one file: each with its rows, "P7 (rows 9, 10)")
    count: int
    same: int = 0                    # of them, ids that are the same answer in both (its time, grid and home)
    sizes: tuple[int, ...] = ()      # each file's response ids
    rated_otherwise: int = 0         # ids whose time, grid and home agree and whose ratings do not
    unreadable: tuple[int, int] = (0, 0)    # each file's phones unreadable (a spreadsheet saved them as numbers)

    @property
    def later_download(self) -> str | None:
        """The file holding every answer of the other, the same answers: two downloads of one form
        made on different days (a platform's download holds every answer given until it was made). Of two
        holding each other's every answer (one download saved twice), the one whose phones read: trial 189 was told
        to keep a WPS CSV copy whose 113 phones were 1.39E+10, over the .xlsx that kept them."""
        if len(self.files) != 2 or self.same != self.count:
            return None
        holding = [f for f, other in zip(self.files, reversed(self.sizes)) if other == self.count]
        if len(holding) == 2 and self.unreadable[0] != self.unreadable[1]:
            return self.files[self.unreadable.index(min(self.unreadable))]
        return holding[0] if holding else None

    def __str__(self) -> str:
        ids = f"{self.count} response id{'s' if self.count > 1 else ''}"
        if len(self.files) == 1:
            return f"'{self.files[0]}' uses {ids} on more than one row: {_named(self.ids, self.count)}"
        return f"'{self.files[0]}' and '{self.files[1]}' both use {ids} ({_named(self.ids, self.count)})"


def ids_across_files(workdir: Path, items: tuple[str, ...] = ()) -> list[SharedIds]:
    """Each pair of survey files that use the same response ids, in file order; an id is the same answer in both where
    its time, grid, home and ratings (`items`) agree (a hundred-and-fifty-seventh trial's hidden sheet, its ids, times
    and homes the download's and every rating 1, was called "the same answers", and the stop kept it by its name)."""
    rated = " and ".join(f"sa.{quoted(i)} is not distinct from sb.{quoted(i)}" for i in items) or "true"
    with stage_connection(workdir) as con:
        rows = con.execute(f"""
            with uses as (select response_id, source_file, min(row_id) as row_id from surveys
                          where response_id is not null group by all),
                 sizes as (select source_file, count(*) as ids from uses group by all),
                 pairs as (select a.source_file as first, b.source_file as second, a.response_id, a.row_id,
                                  min(a.row_id) over (partition by a.source_file) as file_order,
                                  -- to the minute: a download saved again through Excel drops the seconds
                                  date_trunc('minute', sa.submitted_at_ts)
                                      is not distinct from date_trunc('minute', sb.submitted_at_ts)
                                  and sa.grid_id is not distinct from sb.grid_id
                                  and sa.household_id is not distinct from sb.household_id as same_home,
                                  {rated} as same_rated
                           from uses a join uses b on a.response_id = b.response_id and a.row_id < b.row_id
                           and a.source_file <> b.source_file
                           join surveys sa on sa.row_id = a.row_id join surveys sb on sb.row_id = b.row_id)
            select first, second, list(response_id order by row_id), count(*),
                   count(*) filter (where same_home and same_rated), any_value(f.ids), any_value(s.ids),
                   count(*) filter (where same_home and not same_rated)
            from pairs join sizes f on f.source_file = first join sizes s on s.source_file = second
            group by first, second, file_order order by file_order, second""").fetchall()
        lost = dict(con.execute("select source_file, sum(rows_unreadable)::integer from unreadable_phones group by 1"
                                ).fetchall()) if has_column(con, "unreadable_phones", "rows_unreadable") else {}
    return [SharedIds((first, second), tuple(capped(masked_numbers(i)) for i in ids[:SHOWN]), n, same, (a, b), other,
                      (lost.get(first, 0), lost.get(second, 0)))
            for first, second, ids, n, same, a, b, other in rows]


def ids_within_files(workdir: Path) -> list[SharedIds]:
    """Each survey file that uses a response id on more than one row, in file order: among the rows
    validation found sharing an id (survey_rule_failures), not the month's every row again."""
    with stage_connection(workdir) as con:
        rows = con.execute("""
            with repeated as (select source_file, response_id, min(row_id) as row_id,
                                     list(row_number order by row_id) as row_numbers,
                                     -- one answer on each row (its time, grid and home): rows pasted twice
                                     count(distinct (date_trunc('minute', submitted_at_ts), grid_id, household_id)) = 1
                                         as same
                              from surveys where row_id in (select row_id from survey_rule_failures
                                                            where code = 'repeated_response_id')
                              group by all having count(*) > 1)
            select source_file, list(response_id order by row_id), list(row_numbers order by row_id), count(*),
                   count(*) filter (where same)
            from repeated group by source_file order by min(row_id)""").fetchall()
    return [SharedIds((file,), tuple(f"{capped(masked_numbers(i))} (rows {', '.join(map(str, numbers))})"
                                     for i, numbers in zip(ids[:SHOWN], rows_of[:SHOWN])), n, same)
            for file, ids, rows_of, n, same in rows]


def lacked_by_later(workdir: Path, shared: list[SharedIds]) -> dict[str, tuple[str, int, tuple[str, ...]]]:
    """file -> (the later download, how many, the first SHOWN masked ids) of a download's answers that a later download
    of its form lacks: another file holding the same answers under every id they share, and more of its own, but not
    these. A platform's later download holds every answer given until then unless one was deleted on the platform:
    trial 193, told to put a download made on 14 November "in place of" itself beside the one of 1 December, would have
    lost answer T200, which only the earlier held, without a word. `shared`: ids_across_files' pairs."""
    found: dict[str, tuple[str, int, tuple[str, ...]]] = {}
    pairs = [s for s in shared if len(s.files) == 2 and s.same == s.count]
    with stage_connection(workdir) as con:
        latest = dict(con.execute("select source_file, max(submitted_at_ts) from surveys group by 1").fetchall())
        for s in pairs:
            for file, other, size, other_size in ((*s.files, *s.sizes), (*reversed(s.files), *reversed(s.sizes))):
                # each holds answers the other lacks, the other's given later (the later's own are not lacked)
                if size > s.count and other_size > s.count and None not in (latest[file], latest[other]) \
                        and latest[file] < latest[other]:
                    ids = [i for (i,) in con.execute(
                        "select distinct response_id from surveys where source_file = ? and response_id is not null "
                        "and response_id not in (select response_id from surveys where source_file = ? and response_id "
                        "is not null) order by 1", [file, other]).fetchall()]
                    found[file] = (other, len(ids), tuple(capped(masked_numbers(i)) for i in ids[:SHOWN]))
    return found
