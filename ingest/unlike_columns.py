"""Two headers of a typed sheet read as one column (survey.duplicate_columns, policy 2027.14)."""
from __future__ import annotations

from collections.abc import Collection

from gridpay.core.errors import InputError
from gridpay.ingest.formats import TEXT_COLUMNS
from gridpay.ingest.limits import column_letters
from gridpay.ingest.sheet_scales import TICKS, named_option
from gridpay.ingest.sheets import Sheet


def refuse_unlike_columns(file: str, sheet: Sheet, names: list[str], refused: bool = True,
                          items: Collection[str] | None = None) -> None:
    """Two headers read as one column whose cells differ on some row stop the run (exit 2) naming both: a hundred-
    and-eleventh trial's volunteer retyped 总体满意度 in a new column and hid the old, wrong one to its left; the
    first was read, seven answers scored low, exit 0, nothing said (policy 2027.14, survey.duplicate_columns).
    Only columns gridpay reads (its text columns and `items`, where given): a merged 满意度评价 over the items, a
    header of two rows, is no such pair, and trial 129's `gridpay inspect` told HR to delete one of its columns,
    each an item's answers."""
    read = None if items is None else {*TEXT_COLUMNS, *items}
    for i, name in enumerate(names if refused else ()):
        if read is not None and name not in read:
            continue
        for j in (j for j in range(i + 1, len(names)) if name and names[j] == name):
            differ = next((number for number, row in sheet.rows if _cell(row, i) != _cell(row, j)), None)
            if differ is not None and (options := [o for o in (named_option(sheet, k, names) for k in (i, j)) if o]):
                raise InputError(file, f"headers '{sheet.headers[i]}' and '{sheet.headers[j]}' are both read as {name} "
                                       f"and name options ({', '.join(options)}): a sheet with a column per option, "
                                       f"ticked (✓, √, 1)? {TICKS}", row=differ, column=name)     # trial 123: not hidden
            if differ is not None:
                raise InputError(file, f"headers '{sheet.headers[i]}' (column {column_letters(i + 1)}) and "
                                       f"'{sheet.headers[j]}' (column {column_letters(j + 1)}) are both read as "
                                       f"{name}, and their cells differ (first on this row): a column hidden in "
                                       f"Excel is read too. "
                                       f"Delete the one that is not the residents' answers (unhide the columns to "
                                       f"see it), or head it otherwise, and run again", row=differ, column=name)


def _cell(row: list, i: int) -> str:
    return ((row[i] if i < len(row) else None) or "").strip()
