"""Respondents' phone numbers that Excel saved as numbers (1.39056E+10, 13905612345.0): the row
keeps counting with its phone unknown (transforms/privacy.unreadable_phone), and the run says how
many there were, since a worker's self-rating cannot be recognised on them. Phones a platform masked
in its download (138****5678): ingest/masked_phones.py."""
from __future__ import annotations

import logging
import re

import duckdb
import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.swapped_columns import refuse_swapped_phone_and_target
from gridpay.transforms.folding import folded
from gridpay.transforms.privacy import is_mobile, masked_number, masked_numbers, two_mobiles, unreadable_phone
from gridpay.transforms.typed_numbers import hidden_numbers, person_number

log = logging.getLogger("gridpay")
CELL_PHONES = "workers_cell_phones.parquet"     # a worker's second phone of workers.csv's cell, hashed (stage folder)


def split_worker_phones(workers: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """workers.csv's cells of two mobile numbers (a phone changed in the month: 13912345678/13887654321): the worker's
    `phone` is the first, and (worker id, the second) is returned, both hers this month. Trial 186's W03 rated her
    own grid from her old phone and her new one; told to type one, the other's rating counted as a resident's
    (1790.64 paid for 1773.18), exit 0."""
    if "phone" not in workers.columns:
        return workers, []
    out, more = workers.copy(), []
    for i, value in out["phone"].items():
        if not pd.isna(value) and two_mobiles(str(value)):
            digits = "".join(c for c in folded(str(value)) if c.isdigit())
            out.at[i, "phone"], second = digits[:11], digits[11:]
            more.append((str(out.at[i, "worker_id"]), second))
            log.info("%s row %s gives %s two phones (%s): both are the worker's this month, a rating of her grid from "
                     "either her own", out.at[i, "source_file"], out.at[i, "row_number"], out.at[i, "worker_id"],
                     masked_numbers(str(value)))
    return out, more


def require_worker_mobiles(workers: pd.DataFrame) -> None:
    """workers.csv's phones, before they are hashed: each given one is a mainland mobile number,
    or the run stops (exit 2) naming the first that is not. A worker's phone is what recognises a
    self-rating; one Excel saved as a number (1.39056E+10) would silently recognise nothing."""
    if "phone" not in workers.columns:
        return
    bad = workers[[not pd.isna(v) and not is_mobile(v) for v in workers["phone"]]]
    if bad.empty:
        return
    first = bad.iloc[0]
    refuse_swapped_phone_and_target(workers, first)
    # a character no number holds, which the mask hides: Excel's text mark typed in ('13812340101, trial 111)
    odd = "".join(sorted({c for c in folded(str(first["phone"])) if not c.isdigit() and c not in " -+()"}))
    excel = ("; Excel saved it as a number: format the column as text and type the numbers again"
             if unreadable_phone(first["phone"]) else f"; it holds {odd!r}, not part of a number: delete it" if odd
             else _digits(str(first["phone"])))
    # each with its own fault: trial 213 fixed row 2's apostrophe and learned of row 6's 1.4E+10 from the next run
    others = ", ".join(f"{int(r)}: {_fault(v)}" for r, v in zip(bad["row_number"][1:], bad["phone"][1:]))
    more = f" (also row{'s' if len(bad) > 2 else ''} {others})" if len(bad) > 1 else ""
    # a number Excel saved in E notation is shown as its size, not masked: the mask of 1.39562E+10 read 139****6210,
    # digits no one typed (trial 139); 13800000001.0 keeps the phone's own last four
    # (trial 206's HR, its cell 1.39556E+10, read '1.4E+10' as a misquote: the message says it is shortened)
    sized = "E" in folded(str(first["phone"])).upper() and unreadable_phone(first["phone"])
    shown = (f"{_excel_size(first['phone'])}' (shortened, its digits withheld)" if sized
             else f"{masked_number(first['phone'])}'")
    raise InputError(str(first["source_file"]), f"phone '{shown} is not a mainland mobile "
                     f"number (11 digits from 13-19, +86 allowed){excel}{more}", row=int(first["row_number"]),
                     column="phone")


def _fault(phone: object) -> str:          # what is wrong with a worker's phone, in a few words
    text = folded(str(phone))
    if unreadable_phone(phone):
        return "Excel saved it as a number"
    if odd := "".join(sorted({c for c in text if not c.isdigit() and c not in " -+()"})):
        return f"it holds {odd!r}"
    digits = "".join(c for c in text if c.isdigit())
    return f"{len(digits)} digits" if len(digits) != 11 else "not 13 to 19"


def _excel_size(phone: object) -> str:     # 1.39562E+10 as 1.4E+10: the number's size, two of its digits
    try:
        return f"{float(folded(str(phone)).strip()):.1E}"
    except ValueError:
        return masked_number(phone)


def _digits(phone: str) -> str:
    """What the mask hides (trial 132: a 10-digit phone masked as '139****2178', like a good one), and why a blank is
    no way out: a worker with no phone has her own ratings counted."""
    digits = "".join(c for c in folded(phone) if c.isdigit())
    digits = digits[2:] if digits.startswith("86") and len(digits) == 13 else digits
    what = (f"it has {len(digits)} digits" if len(digits) != 11 else "its 11 digits do not start with 13 to 19")
    return (f"; {what}: type it again from the worker's own record (left blank, her own ratings of her grid would "
            f"count)")


def unreadable_in_frame(frame: pd.DataFrame, rounded: bool = False, landlines: bool = False,
                        lone: bool = False) -> pd.Series:
    """Per row of a sheet reader's frame (before its phones are hashed): is its phone unreadable? Its phones with a
    digit unclear are said (say_unclear_phones): read, as before, but matching no worker's. `rounded` (policy 2027.17:
    survey.rounded_phones_unread): the phones Excel rounded too (rounded_in_frame; `lone`: one alone, 2027.36)."""
    if "respondent_phone" not in frame.columns:
        return pd.Series(False, index=frame.index)
    say_unclear_phones(frame)
    excel = pd.Series([not pd.isna(v) and unreadable_phone(v, landlines) for v in frame["respondent_phone"]],
                      index=frame.index, dtype=bool)
    return excel | rounded_in_frame(frame, lone) if rounded else excel


def readable_phones(frame: pd.DataFrame, rounded: bool, landlines: bool = False,
                    lone: bool = False) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """(the frame with its unreadable phones blanked before they are hashed (a rounded 15955600000 would hash as a
    number; a cell of two numbers is kept, its two hashes read: ingest/two_phones.py), per row whether its phone is
    unreadable, whether its cell holds two numbers)."""
    unreadable, two = unreadable_in_frame(frame, rounded, landlines, lone), two_in_frame(frame, landlines)
    if not rounded and "respondent_phone" in frame.columns and (found := rounded_in_frame(frame)).any():
        log.warning("%s: %d phones end in 00000 (rows %s): Excel kept only the digits it showed (1.59556E+10), so a "
                    "worker's own rating cannot be recognised on them; survey.rounded_phones_unread = true (policy "
                    "2027.17) reads them as unreadable (gate.unreadable_phones): add it to your policy with a new "
                    "version", frame["source_file"].iloc[0], int(found.sum()),
                    ", ".join(map(str, frame.loc[found, "row_number"].head(10))), extra={"notice": "phones_unread"})
    if "respondent_phone" in frame.columns:
        frame = frame.assign(respondent_phone=frame["respondent_phone"].mask(unreadable & ~two))
    return frame, unreadable, two


# a mobile whose last five digits are zeros: 1.59556E+10 as Excel shows it, typed back or pasted as a number; six
# zeros, one alone (a narrow column's 1.52E+10): one in a million numbers so ends, a number typed back most others
_ROUNDED, _LONE = re.compile(r"1[3-9][0-9]{4}0{5}"), re.compile(r"1[3-9][0-9]{3}0{6}")


def rounded_in_frame(frame: pd.DataFrame, lone: bool = False) -> pd.Series:
    """Per row: a phone Excel rounded to the digits it showed (15955612345 kept as 15955600000), where the file holds
    two or more such numbers (one may be a real number or a placeholder): trial 147's column of them hashed as
    phones no worker has, her own rating counted, nothing said. Read as unreadable: gate.unreadable_phones stops.
    `lone` (survey.lone_rounded_phones_unread, 2027.36): one ending in six zeros too (trial 306's 15200000000, a
    worker's own form, counted as a resident's, W104 1601.61 for 1559.79, exit 0)."""
    digits = ["" if pd.isna(v) else "".join(c for c in folded(str(v)) if c.isdigit()) for v in frame["respondent_phone"]]
    found = [_ROUNDED.fullmatch(d) is not None for d in digits]
    many = len({d for d, f in zip(digits, found) if f}) >= 2
    return pd.Series([f and (many or (lone and _LONE.fullmatch(d) is not None)) for f, d in zip(found, digits)],
                     index=frame.index, dtype=bool)


# a digit the volunteer could not read, typed as a mark among the digits (1391234040?, 139-1234-04x0); not a platform's
# mask (138****5678), which ingest/masked_phones.py reads
_UNCLEAR = re.compile(r"^[+\d\s()-]*[?？xX_□○][+\d\s()?？xX_□○-]*$")


def say_unclear_phones(frame: pd.DataFrame) -> None:
    """Say a sheet's phones with a digit unclear (trial 124: W04's own paper form, 1391234040?, was hashed as a number
    no worker has and counted as a resident's, nothing said): a worker's own rating cannot be recognised on them."""
    if "respondent_phone" not in frame.columns:
        return
    unclear = [(file, int(n), str(v)) for file, n, v in zip(frame["source_file"], frame["row_number"],
                                                             frame["respondent_phone"])
               if isinstance(v, str) and _UNCLEAR.fullmatch(folded(v).strip()) and sum(c.isdigit() for c in v) >= 7]
    if unclear:
        rows = ", ".join(f"{n} ({masked_number(v)})" for _, n, v in unclear[:10])
        log.warning("%s: %d phone%s with a digit unclear, row%s %s%s: counted with no phone a worker has, so a worker's "
                    "own rating cannot be recognised on %s: type the number from the paper form if it can be read",
                    unclear[0][0], len(unclear), "s" if len(unclear) > 1 else "",
                    "s" if len(unclear) > 1 else "", rows, " ..." if len(unclear) > 10 else "",
                    "them" if len(unclear) > 1 else "it", extra={"notice": "phones_unread"})


def two_in_frame(frame: pd.DataFrame, landlines: bool = False) -> pd.Series:
    """Per row of a sheet reader's frame: does its phone cell hold two numbers (unreadable, not Excel's doing)?"""
    if "respondent_phone" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return pd.Series([not pd.isna(v) and two_mobiles(v, landlines) for v in frame["respondent_phone"]],
                     index=frame.index, dtype=bool)


def unreadable_phones(con: duckdb.DuckDBPyConnection, table: str, by_duckdb: bool,
                      row_number: str, landlines: bool = False) -> list[tuple[int, bool]]:
    """(row number, whether the cell holds two numbers) of a file's stage table's rows whose phone is unreadable:
    a number Excel saved as one, or two numbers in a cell (`row_number`: the SQL of a row's number in its file).
    The DuckDB reader tested the ASCII cells in SQL; cells it left to Python (phone_py) are tested here.
    Results are fetched whole: DuckDB 2 refuses the next file's register() while one is left half read."""
    if not by_duckdb:
        return con.execute(f"select {row_number}, phone_two from {table} where phone_unreadable").fetchall()
    rows = con.execute(f"select {row_number}, phone_two from {table} where not is_blank_row "
                       "and phone_unreadable").fetchall()
    others = con.execute(f"select phone_py, list({row_number}) from {table} where not is_blank_row "
                         "and phone_py is not null group by phone_py").fetchall()
    return sorted(rows + [(n, two_mobiles(phone, landlines)) for phone, numbers in others
                          if unreadable_phone(phone, landlines) for n in numbers])


def store_unreadable_phones(con: duckdb.DuckDBPyConnection, by_file: dict[str, list[tuple[int, bool]]]) -> None:
    """Table `unreadable_phones` (source_file, rows_unreadable, row_numbers, two_numbers: those of the rows
    whose cell holds two numbers) in the stage file."""
    con.execute("create or replace table unreadable_phones (source_file varchar, rows_unreadable integer, "
                "row_numbers integer[], two_numbers integer[])")
    for file, rows in sorted(by_file.items()):
        if rows:
            con.execute("insert into unreadable_phones values (?, ?, ?, ?)",
                        [file, len(rows), sorted(n for n, _ in rows), sorted(n for n, two in rows if two)])


def unreadable_phone_rows(con: duckdb.DuckDBPyConnection, excel_only: bool = False) -> list[tuple[str, list[int]]]:
    """(file, its row numbers) of the month's survey rows whose phone is unreadable; `excel_only`: those Excel
    saved as a number, not a cell of two numbers (a resident may type two into a download's text box)."""
    rows = ("list_filter(flatten(list(row_numbers)), lambda n: not list_contains(flatten(list(two_numbers)), n))"
            if excel_only else "flatten(list(row_numbers))")
    found = con.execute(f"select source_file, list_sort({rows}) from unreadable_phones "
                        "group by source_file order by source_file").fetchall()
    return [(file, numbers) for file, numbers in found if numbers]


def stored_unreadable_phones(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select coalesce(sum(rows_unreadable), 0)::integer from unreadable_phones").fetchone()[0]


def hide_typed_numbers(con, key: bytes, level: int) -> None:
    """The stage's door numbers holding a mobile or an ID number (a resident typed the phone as the door), masked and
    told apart by its keyed hash (transforms/typed_numbers.py hidden_numbers): the number reaches no table of the warehouse
    (a hundred-and-fifty-seventh trial found two in clear in raw_surveys). From output format 23 (`level`) a mobile
    written any way and a landline with its area code too, and a typed sheet's response id holding one stops the
    file. Only rows with enough digits go through Python."""
    any_way, glued = level >= 23, level >= 30       # 30: a mobile typed after the door, glued to it by a space
    con.create_function("gp_hidden_numbers", lambda v: hidden_numbers(v, key, any_way, glued), ["VARCHAR"], "VARCHAR",
                        null_handling="special", side_effects=False)
    many = ("length(regexp_replace(household_id, '[^0-9０-９]', '', 'g')) >= 10" if any_way else
            "regexp_matches(household_id, '[0-9０-９]{11}')")
    con.execute(f"update surveys set household_id = gp_hidden_numbers(household_id) where {many}")
    if any_way:
        refuse_phone_ids(con)


def refuse_phone_ids(con) -> None:
    """A typed sheet whose response ids hold a phone or ID number stops (exit 2): trial 162's volunteer numbered the
    paper forms by the residents' phones, and verify.csv, which HR hands to callers, printed three in clear. An id
    is printed on the call lists and kept in the warehouse, so it must not be a number of a person's. A platform's
    own ids (its 序号) are never a resident's."""
    rows = con.execute("select source_file, row_number, response_id from surveys where source_file not in "
                       "(select source_file from platform_files) and length(regexp_replace(response_id, "
                       "'[^0-9０-９]', '', 'g')) >= 10 order by row_id").fetchall()
    bad = [(file, row, shown) for file, row, rid in rows if (shown := person_number(rid))]
    if bad:
        file, row, shown = bad[0]
        more = f" (and {len(bad) - 1} more row{'s' if len(bad) > 2 else ''})" if len(bad) > 1 else ""
        raise InputError(file, f"response id '{shown}' is a phone or ID number"
                               f"{more}: forms numbered by the resident's phone? An answer's id is printed on "
                               f"verify.csv and the call list and kept in the warehouse, so it must be no person's "
                               f"number: number the forms P1, P2, ... in the sheet (a phone goes in the phone column) "
                               f"and run again", row=row, column="response_id")
