"""verify.csv: the answers HR calls back to check they are genuine (回访). Per grid a random share
of its counted answers (policy [verification] sample_share, at least min_per_grid where the grid
has that many), plus every counted answer with a review flag the policy's flags_called names (every
flag, without the key). The draw is an MD5 order of the
answers' ids seeded with the month and the policy's hash, so a re-run and an audit draw the same
rows; it is no secret to the residents, but nobody can choose which answers it picks. No phone
here: `gridpay callsheet` reads the phones of exactly these rows from the encrypted archive."""
from __future__ import annotations

import duckdb

from gridpay.publishing.outputs import output_format_of
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import masked_sql

REVIEWED = ("appeal_upheld", "verification_denied", "verification_coached")     # int_review_exclusions' codes
KEPT_FROM = 20          # the output format from which they are drawn (above)
FLAGS_FROM = 24         # ... and listed with the flags they had in the month's first published run
VERIFY_COLUMNS = ("response_id", "grid_name", "household_id", "submitted_at", "channel", "why")

VERIFY_SQL = (
    # output format 20: the answers HR's review took out are drawn too, so that a correction draws the sample its
    # month was first published with (trial 133's corrected October dropped the call that caused it, P15, drew P18,
    # never on HR's call sheet, and asked for it to be called before signing); from format 24 every answer keeps the
    # flags it had then, besides its own now (trial 167's two answers a call took out, listed for their flags alone,
    # left the corrected list, and their neighbours' shared phone with them: "回访抽样 21 份 ... 已记录回访 23 次")
    "with reviewed as ("
    "  select s.row_id, s.grid_id, s.response_id from quarantine q join raw_surveys s on s.run_id = q.run_id "
    "  and s.source_file = q.source_file and s.row_number = q.row_number "
    "  where $reviewed_kept and q.run_id = $run_id and q.reason_code in ("
    f"{', '.join(repr(code) for code in REVIEWED)})), "
    "basis as (select row_id, grid_id from counted_responses where run_id = $run_id "
    "  union all select row_id, grid_id from reviewed), "
    "first_run as (select run_id from runs where month = $month and status = 'published' and run_id <> $run_id "
    "  order by finished_at, run_id limit 1), "
    "flags as (select row_id, flag from response_flags where run_id = $run_id "
    "  union select r.row_id, f.flag from raw_surveys r "
    "  join raw_surveys o on o.run_id = (select run_id from first_run) and o.response_id = r.response_id "
    "  join response_flags f on f.run_id = o.run_id and f.row_id = o.row_id where $first_flags and r.run_id = $run_id), "
    "counted as ("
    "  select c.row_id, c.grid_id, s.response_id, s.household_id, s.submitted_at_ts, s.channel, "
    "         md5($seed || s.response_id) as draw, count(*) over (partition by c.grid_id) as answers "
    "  from basis c join raw_surveys s on s.run_id = $run_id and s.row_id = c.row_id), "
    "drawn as (select *, row_number() over (partition by grid_id order by draw, row_id) as place from counted), "
    "flagged as (select row_id, string_agg(flag, ';' order by flag) as flags from flags "
    "            where ($every or list_contains($called, flag)) group by row_id) "
    f"select d.response_id, g.grid_name, {masked_sql('d.household_id')} as household_id, "
    "       strftime(d.submitted_at_ts, '%Y-%m-%d %H:%M') as submitted_at, d.channel, "
    "       coalesce(f.flags, 'random') as why, d.grid_id, d.submitted_at_ts, d.row_id "
    "from drawn d join grid_scores g on g.run_id = $run_id and g.grid_id = d.grid_id "
    "left join flagged f using (row_id) "
    "where f.row_id is not null "
    "   or d.place <= least(d.answers, greatest($min_per_grid, ceil($share * d.answers)))")
VERIFY_ORDER = ("grid_id", "submitted_at_ts", "row_id")


def verify_params(run_id: str, month: str, policy: Policy, output_format: int) -> dict:
    called = policy.review.flags_called       # policy 2027.7: straight_line alone filled half the calls
    return {"run_id": run_id, "seed": f"{month}:{policy.sha256}:", "share": float(policy.review.sample_share or 0),
            "min_per_grid": policy.review.min_per_grid, "every": called is None, "called": list(called or ()),
            "reviewed_kept": output_format >= KEPT_FROM, "month": month, "first_flags": output_format >= FLAGS_FROM}


def verify_rows(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy) -> list[dict]:
    """verify.csv's rows in its order, with the row_id each stands for (the call sheet finds its phone by it)."""
    cursor = con.execute(f"select * from ({VERIFY_SQL}) order by {', '.join(VERIFY_ORDER)}",
                         verify_params(run_id, month, policy, output_format_of(con, run_id)))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
