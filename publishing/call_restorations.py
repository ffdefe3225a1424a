"""A call that finds an answer not the household's own lets the household's earlier answer count
(integrity.calls_before_household), even where an upheld appeal took the answer itself out first: trial
219's worker sheet said 「该网格得分不受影响」 of a 受诱导 call on an answer an appeal had taken out, while the
call had counted the home's own earlier 不满意 again and moved her pay by 42.12 yuan."""
from __future__ import annotations

import duckdb

from gridpay.transforms.review_terms import EXCLUDING_RESULTS


def restored_by_calls(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """grid id -> the counted answers of the run that are an earlier answer of a home whose later answer a call
    found not genuine (output format 28's worker sheet)."""
    return dict(con.execute("""
        select e.grid_id, count(distinct e.row_id)
        from raw_verification v
        join raw_surveys s on s.run_id = v.run_id and s.response_id = v.response_id
        join raw_surveys e on e.run_id = s.run_id and e.grid_id = s.grid_id and e.household_id = s.household_id
                          and e.submitted_at_ts < s.submitted_at_ts
        join counted_responses c on c.run_id = e.run_id and c.row_id = e.row_id
        where v.run_id = ? and v.result in (select unnest(?::varchar[])) and s.household_id is not null
        group by e.grid_id""", [run_id, list(EXCLUDING_RESULTS)]).fetchall())
