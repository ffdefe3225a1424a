"""Which response ids and which grid a survey file's answers have by its name: the policy may give a
file's ids a prefix (a street office's one 问卷星 form per community: three downloads a month, each
numbered from 1) or its grid (one form per grid)."""
from __future__ import annotations

from pathlib import PurePosixPath

from gridpay.core.errors import InputError
from gridpay.ingest.survey_reading import SurveyReading


def named_entry(file_name: str, table: tuple[tuple[str, str], ...], key: str) -> tuple[str, str] | None:
    """The entry (text, value) of `table` whose text the file's name holds; where two texts are in the name
    and one holds the other (一网格 in 十一网格, a form number in a longer one) the longer, the one the name
    spells out; two apart that give two values stop the file. A first match would read 十一网格's download
    as 一网格's by the table's order, and pay the wrong worker for it, quietly."""
    name = PurePosixPath(file_name).name
    found = [(text, value) for text, value in table if text and value and text in name]
    found = [(t, v) for t, v in found if not any(t != other and t in other for other, _ in found)]
    if len({v for _, v in found}) > 1:
        entries = ", ".join(f'"{t}" = "{v}"' for t, v in found)
        raise InputError(file_name, f"its name holds two entries of the policy's [{key}], {entries}, neither "
                                    f"holding the other, so which applies is a guess: make one entry's text a "
                                    f"part of the name only its files have (the form's number is best)")
    return found[0] if found else None


def form_entry(file_name: str, table: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """named_entry() of [survey.file_grids] for the stops and checks after reading: None where two entries are apart
    (that file stopped where it was read)."""
    try:
        return named_entry(file_name, table, "survey.file_grids")
    except InputError:
        return None


def _named(file_name: str, table: tuple[tuple[str, str], ...], key: str) -> str | None:
    return entry[1] if (entry := named_entry(file_name, table, key)) else None


def file_id_prefix(file_name: str, reading: SurveyReading) -> str:
    """The prefix the policy's [survey.file_id_prefixes] gives the response ids of the survey file named
    `file_name` ("白云" = "B": 白云社区's download's 17 is B17), "" for none. One form per community, each
    numbered from 1 by the platform, is three downloads of one month sharing ids (a fifteenth trial's
    street office)."""
    return _named(file_name, reading.file_id_prefixes, "survey.file_id_prefixes") or ""


def file_grid(file_name: str, reading: SurveyReading) -> str | None:
    """The grid the policy's [survey.file_grids] gives the platform download named `file_name`
    ("412345673" = "YH3": a form per grid, its download naming no grid), None for none. A
    hundred-and-fifty-sixth trial's community, one 问卷星 form per grid, could run no month but by inserting a grid
    column into each download, which the platform's file never should have."""
    return _named(file_name, reading.file_grids, "survey.file_grids")


def unnamed_by_file_grids(file_name: str, table: tuple[tuple[str, str], ...], error: InputError) -> str:
    """The stop for a download of a form asking no grid, in a project whose [survey.file_grids] has no entry its name
    holds: trial 265's entry typed "第六网络" was told only "no header matches grid_id", naming no table. The entries
    are listed (no "did you mean": 第一网格 is as near 第六网格 as the typo 第六网络 is, and is another form's)."""
    entries = ", ".join(f'"{t}" = "{v}"' for t, v in table[:12]) + (" ..." if len(table) > 12 else "")
    return (f"the form asks no grid ({error.message.split(';')[0]}), and no entry of the policy's [survey.file_grids] "
            f"names a text this file's name holds ({entries}): correct the entry for this form to a text its "
            f"download's name holds (the form's number is best), under a new policy version, and run again")
