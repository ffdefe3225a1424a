"""What a broken reference row's line adds after its rule (expectations/validate.py): the row read as a 合计 or 备注 row,
a worker typed by name, the id a name has, a full-width id, the id likely meant."""
from __future__ import annotations

import difflib
import re
import unicodedata

from gridpay.expectations.summary_rows import summary_cell
from gridpay.ingest.grid_aliases import listed_names
from gridpay.transforms.parsing import normalized_cell
from gridpay.transforms.folding import folded
from gridpay.transforms.reasons import RuleReason


def summary_row(con, table: str, row_id: int) -> tuple[str, str] | None:
    """The typed cells of the first broken row, looked at as a possible 合计 or 备注 row."""
    cursor = con.execute(f"select * exclude (row_id, source_file, row_number) from {table} where row_id = ?", [row_id])
    return summary_cell(dict(zip([d[0] for d in cursor.description], cursor.fetchone())))


KNOWN_IN = {"is not in workers.csv": "workers", "is not in grids.csv": "grids"}


def closest_ids(con, reason: RuleReason | None, typed: str | None, unmasked: str | None = None) -> str:
    """' (did you mean W07?)' for an id the other file lacks: a fifty-sixth trial's W7 for W07 was refused
    with nothing to say which id was meant (difflib: the few ids of a community's files need no index)."""
    table = KNOWN_IN.get(reason.predicate) if reason else None
    if table is None or not typed:
        return ""
    if table == "workers" and (named := _named_workers(con, typed)):
        return named
    if table == "grids" and (grid := con.execute("select grid_id from grids where replace(grid_name, ' ', '') = ?",
                                                 [folded(typed).replace(" ", "")]).fetchone()):
        return f" ({typed} is the grid_name of {grid[0]} in grids.csv: type the grid's id)"      # trial 141
    if table == "grids" and (alias := _alias_of(con, typed)):
        return f" ({typed} is an alias of {alias} in grids.csv: type the grid's id)"       # its re-check's 三网格
    known = [v for (v,) in con.execute(f'select distinct "{reason.shows}" from {table} where "{reason.shows}" is not null')
             .fetchall()]
    # ... and a long id Excel kept as a number, compared as typed (the line shows it masked: a 身份证号)
    if zeros := (_zeros_dropped(folded(typed), known, f"{table}.csv")
                 or _long_number(folded(unmasked or typed), known, f"{table}.csv")):
        return zeros
    # an id in other letter case (trial 228's clerk typed g4 for G4, which difflib finds only half alike)
    close = [k for k in known if k.casefold() == folded(typed).casefold()] or difflib.get_close_matches(
        folded(typed), known, n=2, cutoff=0.6)
    return f" (did you mean {' or '.join(close)}?)" if close else ""


def _zeros_dropped(typed: str, known: list[str], file: str) -> str:
    """' (workers.csv has 7: ...)': an id of digits the other file has with other leading zeros, as a spreadsheet leaves
    it (a hundred-and-fifty-fourth trial's workers.csv, saved again by Excel, held 7 for 007; the line offered 006 or
    005, and a hurried clerk could have typed one of them)."""
    if not typed.isdigit():
        return ""
    same = [k for k in known if k.isdigit() and k.lstrip("0") == typed.lstrip("0")]
    if not same:
        return ""
    return (f" ({file} has {' and '.join(same)}: a spreadsheet drops an id's leading zeros (007 "
            f"saved as 7); type the id one way in both files, as text)")


def _long_number(typed: str, known: list[str], file: str) -> str:
    """' (a spreadsheet saved ...)': a long id of digits (a 身份证号) as Excel keeps it: 3.40104E+17, or its first 15 digits
    and zeros (340104198805061000). Trial 205's were named with no word of Excel, the second masked beside its match."""
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", typed):
        return (" (a spreadsheet saved a long number in scientific notation: format the column as text and type the "
                "ids again)")
    same = [k for k in known if len(typed) > 15 and typed.isdigit() and k.isdigit() and k[:15] == typed[:15] != k]
    return (f" ({file} has an id of the same first 15 digits: a spreadsheet keeps 15 digits of a number and makes the "
            f"rest 0; format the column as text and type the ids again)" if same else "")


def _alias_of(con, typed: str) -> str | None:
    """The grid whose grids.csv aliases list `typed` (where the file has the column)."""
    if not con.execute("select 1 from information_schema.columns where table_name = 'grids' and column_name = "
                       "'aliases'").fetchone():
        return None
    wanted = normalized_cell(typed)
    return next((gid for gid, cell in con.execute("select grid_id, aliases from grids where aliases is not null")
                 .fetchall() if wanted in listed_names(cell)), None)


def worker_named(con, table: str, column: str | None, row_id: int) -> str:
    """' (W05 is 陈刚 in workers.csv)': the name a row's worker_id has, beside the other name typed (sql_rules.named_as);
    ' (FL07 is 锦湖家园二网格 in grids.csv)' for a grid's (sql_rules.grid_named_as)."""
    if column == "grid_name":        # sql_rules.grid_named_as
        found = con.execute(f"select g.grid_id, g.grid_name from {table} as t join grids as g on t.grid_id = g.grid_id "
                            f"where t.row_id = ?", [row_id]).fetchone()
        return f" ({found[0]} is {found[1]} in grids.csv)" if found else ""
    if column != "name":
        return ""
    found = con.execute(f"select w.worker_id, w.name from {table} as t join workers as w on t.worker_id = w.worker_id "
                        f"where t.row_id = ?", [row_id]).fetchone()
    return f" ({found[0]} is {found[1]} in workers.csv)" if found else ""


def _named_workers(con, typed: str) -> str:
    """' (王芳 is the name of W03 and W05 in workers.csv: type the worker's id)': a bonus typed by name (trial 141's
    clerk) is refused; two workers may share the name, so the line names both and picks neither."""
    ids = [i for (i,) in con.execute("select worker_id from workers where replace(name, ' ', '') = ? order by row_id",
                                     [folded(typed).replace(" ", "")]).fetchall()]
    if not ids:
        return ""
    return (f" ({typed} is the name of {' and '.join(ids)} in workers.csv: type the worker's id"
            + (", and check which of them is meant)" if len(ids) > 1 else ")"))


def width_note(typed: str | None) -> str:
    """A value typed in full-width characters (Ｗ03 for W03: a Chinese input method left on) looks the same
    as the id it is not; the line says so (a field trial read 'worker_id 'Ｗ03' is not in workers.csv' beside
    a W03 there)."""
    if typed is None:
        return ""
    # a Cyrillic or Greek letter that looks Latin (WО2 with a Cyrillic О): trial 150's line read only "did you mean W02"
    alike = [c for c in dict.fromkeys(typed) if unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK"))]
    if alike:
        return (f" (its {', '.join(f'{c!r} (U+{ord(c):04X})' for c in alike)} "
                f"{'is a letter' if len(alike) == 1 else 'are letters'} of another alphabet that looks Latin: type it "
                f"again in Latin letters)")
    if (plain := folded(typed)) == typed:
        return ""
    return f" (typed in full-width characters; in half-width it reads '{plain}': type it again so)"


def merged_cell_note(con, table: str, column: str | None, row_id: int, typed) -> str:
    """' (the row above gives 00231 ...)': a blank id under a row giving one, as Excel leaves a cell merged over two
    rows (trial 171's worker of two grids, her 工号 merged over both rows: 'worker_id is blank' said nothing of it)."""
    if typed is not None or column not in ("worker_id", "grid_id"):
        return ""
    above = con.execute(f"select a.{column} from {table} as t join {table} as a on a.source_file = t.source_file and "
                        f"a.row_number = t.row_number - 1 where t.row_id = ?", [row_id]).fetchone()
    return (f" (the row above gives {above[0]}: a cell merged over two rows keeps its value in the first only; type "
            f"the {column} in each row)" if above and above[0] is not None else "")
