"""The answer an appeal's or a call's id means where no answer has it: a platform's ids carry a letter gridpay
gives them (金数据's J, a policy's file prefix), so HR typing the download's 序号 224 meant J224 (trial 219 was told
only that 224 is not one of the month's valid answers)."""
from __future__ import annotations

import duckdb


def meant_id(con: duckdb.DuckDBPyConnection, typed: str | None) -> str:
    """The one staged answer id ending in `typed` after a character that is not a digit (J224 for 224), else ''."""
    if not typed or not typed.isdigit():
        return ""
    near = [r for (r,) in con.execute("select distinct response_id from surveys where response_id like '%' || ? and "
                                      "regexp_matches(response_id, '[^0-9]' || ? || '$')", [typed, typed]).fetchall()]
    return near[0] if len(near) == 1 else ""
