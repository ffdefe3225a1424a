"""Survey rows whose grid or compound is text a wrong encoding garbled: rows saved as UTF-8 pasted into a GBK file,
or a file opened in one encoding and saved in the other. A hundred-and-fiftieth trial's four all-5 paper forms of
one grid read '缈犵?瑰洯缃戞牸' for 翠竹园网格: invalid (an unknown grid), under the gate's counts, so the grid's
worker lost them, exit 0, and the line said they failed "not on the way the file is typed". Stopped under any
policy, naming file, row, column and value, and what the value reads as; never in an audit (it replays)."""
from __future__ import annotations

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.transforms.folding import utf8_misread

COLUMNS = ("grid_id", "compound")     # the texts that say whose answer it is (few distinct values a month)


def garbled_rows(ctx: RunContext) -> list[tuple[str, int, str, str, str, int]]:
    """(file, its first such row, column, value, what it reads as, rows of the file so) per file."""
    if ctx.request.replay is not None:
        return []
    with stage_connection(ctx.workdir) as con:
        values = {v for (v,) in con.execute(      # one scan of the month for both columns
            f"select distinct v from (select unnest([{', '.join(COLUMNS)}]) as v from surveys) "
            f"where v is not null and regexp_matches(v, '[一-鿿]')").fetchall()}
        garbled = {v: back for v in values if (back := utf8_misread(v))}
        if not garbled:
            return []
        con.execute("create or replace temp table garbled_values (v varchar)")
        con.executemany("insert into garbled_values values (?)", [[v] for v in garbled])
        rows = con.execute(f"""
            select source_file, arg_min(row_number, row_id), arg_min(col, row_id), arg_min(v, row_id),
                   count(distinct row_id)
            from ({" union all ".join(f"select source_file, row_number, row_id, '{c}' as col, {c} as v from surveys"
                                      for c in COLUMNS)})
            where v in (select v from garbled_values) group by source_file order by source_file""").fetchall()
    return [(file, row, column, value, garbled[value], count) for file, row, column, value, count in rows]


def garbled_message(ctx: RunContext, found: list[tuple[str, int, str, str, str, int]]) -> str:
    file, row, column, value, back, count = found[0]
    more = f"; also {', '.join(f[0] for f in found[1:])}" if len(found) > 1 else ""
    return (f"{file} row {row}, column {column}: '{value}' is text garbled by a wrong encoding (its bytes read as "
            f"UTF-8 say '{back}'), {count} row{'s' if count > 1 else ''} of the file so{more}: rows saved as UTF-8 were "
            f"pasted into a GBK file, or the file was opened in one encoding and saved in the other, and their answers "
            f"would count {'for no grid' if column == 'grid_id' else 'as homes of no compound grids.csv lists'}; "
            f"nothing published. Put the original file (the download, the volunteer's copy) in "
            f"the inbox, in one encoding throughout, and run {ctx.month} again")
