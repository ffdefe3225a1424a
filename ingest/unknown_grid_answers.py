"""A grid question answered 不清楚 (don't know): a form that asks the resident's worker by name often offers it
(trial 165's 桂园社区, 25 answers a month). It names no grid, so it is set aside as a grid left blank is (an
invalid row, counted in the gate's invalid share), said once on the console; before output format 24 it was an
unknown grid's name, and one such answer naming a listed compound stopped the month with a "did you mean" over
every grid, whose only ways out paid the answers to one of them or switched the safeguards off. From output format 25
the form's 其他 (other) option is so too, with whatever the resident wrote beside it (`其他〖湖畔小区〗`, as 问卷星
exports a fill-in): trial 172's clerk, told to correct the name or add it to grids.csv, made it an alias, and nine
answers about no one grid were paid to one."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.folding import folded
from gridpay.transforms.privacy import masked_numbers

# the whole answer, a few words of a resident's 'don't know' (NFKC-folded, trimmed): 不清楚, 不知道是谁, 我也不太清楚
_UNKNOWN = r"^(我)?(也)?(不太清楚|不清楚|不知道|不确定|不了解|不记得|记不清|说不清|不晓得|不认识|未知)[^0-9]{0,6}$"


NAMES_SHOWN = 12
# "as above", written for a grid on a typed sheet: no grid's name (gate.blank_grid_rows stops on many); read without
# spaces and stops (trial 218's re-check typed 同 上 and 同上。, each offered and taken as an alias of G2)
DITTO = ("同上", "同前", "仝上", "如上", "〃", "″", "′′", "\"", "''", "ditto")     # ″ folds to ′′ (NFKC)
_DITTO_NOISE = r"[\s。.，,！!、]"          # the same pattern in Python and in DuckDB's SQL


def is_ditto(value: object) -> bool:
    return re.sub(_DITTO_NOISE, "", folded(str(value))).lower() in DITTO


def ditto_sql(column: str) -> str:
    """SQL: is `column` a ditto mark, as is_ditto reads it."""
    marks = ", ".join("'" + d.replace("'", "''") + "'" for d in DITTO)
    return f"list_contains([{marks}], lower(regexp_replace(coalesce({column}, ''), '{_DITTO_NOISE}', '', 'g')))"


# the 其他 option alone, or with the resident's words after it: 其他〖...〗 (问卷星), 其他:..., 其他(...), 其它 ...
_OTHER = r"^其[他它](选项)?([〖【\[(（:：\s].*)?$"


def says_not_known(value: str, others: bool = False) -> bool:
    """A 'don't know'; with `others`, the form's 其他 option too (output format 25)."""
    value = value.strip()
    return bool(re.match(_UNKNOWN, value.rstrip("。.！!"))) or (others and says_other(value))


def says_other(value: str) -> bool:
    return bool(re.match(_OTHER, value.strip(), re.S))


def refuse_unknown_aliases(grids: pd.DataFrame, aliases: dict[str, str]) -> None:
    """An alias of grids.csv that is a 'don't know' (a clerk making 不清楚 a grid's alias, as a "did you mean"
    offered): exit 2, naming the row; it would pay answers about nobody to that grid's worker."""
    for alias, gid in aliases.items():
        if is_ditto(alias):      # trial 218 followed a "did you mean" for 同上: other grids' rows paid to G2
            row = grids.loc[grids["grid_id"] == gid].iloc[0]
            raise InputError(row.source_file, f"alias '{alias}' of {gid} is a ditto mark ('as above'), no grid's "
                             f"name: rows so typed name the grid of the row above them, whichever it is; take it out "
                             f"of the aliases and type each row's grid in the sheet", row=int(row.row_number),
                             column="aliases")
        if says_not_known(alias, others=True):
            row = grids.loc[grids["grid_id"] == gid].iloc[0]
            what = ("the form's 其他 (other) option, whatever the resident wrote beside it" if says_other(alias)
                    else "a resident's 'don't know'")
            raise InputError(row.source_file, f"alias '{alias}' of {gid} is {what}, no grid's name: answers so are "
                             f"set aside as naming no grid; take it out of the aliases", row=int(row.row_number),
                             column="aliases")


def refuse_unknown_compounds(grids: pd.DataFrame) -> None:
    """A compound of grids.csv (or its other name after '=') that is a 'don't know': exit 2, naming the row. Trial 279's
    clerk, told by the unlisted-compounds stop to list the name as a compound, listed 不知道: the grid became one of
    two compounds, and a home answering with 不知道 and with its compound counted twice (W01 1815.66 for 1802.34)."""
    for row in grids.itertuples(index=False) if "compounds" in grids.columns else ():
        cell = row.compounds if isinstance(row.compounds, str) else ""
        if name := next((n for n in re.split(r"[;；=＝]", cell) if n.strip() and says_not_known(n)), None):
            raise InputError(row.source_file, f"compound '{name.strip()}' of {row.grid_id} is a resident's 'don't know', "
                             f"no compound's name: take it out of the compounds; to count answers naming it as naming "
                             f"none, as if left blank, add it to blank_answers in the [survey.platforms] table of your "
                             f"policy that reads the download (a new version)", row=int(row.row_number),
                             column="compounds")


def blank_unknown_grids(workdir: Path, others: bool = False) -> list[tuple[str, int]]:
    """Staged answers whose grid is a 'don't know' (with `others`, the form's 其他 option) get no grid, their answer
    kept in `grid_not_known`. Returns (value, rows), most rows first."""
    known = pd.read_parquet(workdir / "grids.parquet", columns=["grid_id"])["grid_id"].dropna().tolist()
    with stage_connection(workdir) as con:
        values = [(v, n) for v, n in con.execute(
            "select grid_id, count(*) as n from surveys where grid_id is not null and not list_contains(?, grid_id) "
            "group by grid_id order by n desc, grid_id", [known]).fetchall() if says_not_known(v, others)]
        if values:      # the answer kept beside: no grid written once for a sheet (gate.blank_grid_rows)
            con.execute("alter table surveys add column if not exists grid_not_known varchar")
            con.execute("update surveys set grid_not_known = grid_id, grid_id = null where list_contains(?, grid_id)",
                        [[v for v, _ in values]])
    return values


def unknown_grids_line(values: list[tuple[str, int]]) -> str:
    lines = []
    for said, group in (("say the resident does not know it", [(v, n) for v, n in values if not says_other(v)]),
                        ("chose the form's 其他 (other) option, which names no grid whatever the resident wrote beside "
                         "it", [(v, n) for v, n in values if says_other(v)])):
        if rows := sum(n for _, n in group):
            # the resident's own words after 其他: a phone typed there is masked, as everywhere (transforms/privacy.py)
            named = ", ".join(f"'{masked_numbers(v)}' on {n}" for v, n in group[:NAMES_SHOWN]) + (
                " ..." if len(group) > NAMES_SHOWN else "")
            lines.append(f"{rows} answer{'s' if rows != 1 else ''} to the grid question {said} ({named})")
    return ("; ".join(lines) + ": set aside as answers naming no grid (quarantine.csv: grid_id blank), counted in the "
            "month's invalid share; no worker is paid on them")
