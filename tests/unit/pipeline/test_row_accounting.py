"""Whatever rows arrive, valid or not, nothing crashes and every row is either counted or in
quarantine with a reason: rows in = rows counted + rows quarantined."""
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SURVEY_HEADER, scored_below_the_cli, small_inbox
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY

POLICY = load_policy(DEFAULT_POLICY)
KEY = b"row-accounting-key"

cell = st.sampled_from(["1", "2", "3", "4", "5", "", "0", "6", "５", "5.0", "非常满意", "x", " 3 "])
row = st.tuples(
    st.sampled_from(["R1", "R2", "R3", "R4", "R5", "R6", "", "R1"]),                       # ids, some repeated
    st.sampled_from(["G1", "G2", "G9", ""]),
    st.sampled_from(["H1", "H2", "H3", "H4", ""]),
    st.sampled_from(["", "13800000001", "13912345678", "not a phone"]),
    st.sampled_from(["2026-09-10 10:00:00", "2026-09-30 23:59:59", "2026-10-01 00:00:00", "2026/09/05",
                     "2026年9月5日", "someday", ""]),
    st.sampled_from(["wechat", "paper", "fax", "", "WeChat"]),
    st.sampled_from(["120", "5", "", "12s", "300"]),
    cell, cell, cell, cell, cell,
    st.sampled_from(["", "好", "电话13912345678", "=1+1", "<b>x</b>"]),
)


# Each example is a month through staging, GX and scoring (~0.7 s, nearly all of it fixed cost):
# 15 months of up to 50 rows generate as many rows as the 30 months of up to 25 this test first ran.
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(row, min_size=0, max_size=50))
def test_every_row_is_counted_or_quarantined(rows):
    rows = rows + [("",) * len(SURVEY_HEADER)]          # a blank line is no response and is not a row
    expected = len(rows) - 1
    with tempfile.TemporaryDirectory() as tmp:
        inbox = small_inbox(Path(tmp), rows)
        summary, con = scored_below_the_cli(inbox, Path(tmp) / "work", POLICY, KEY)
        assert summary.total_rows == expected
        with con:
            counted = con.execute("select count(*) from counted_responses").fetchone()[0]
            quarantined = con.execute("select count(*), count(reason) from quarantine").fetchone()
    assert counted + quarantined[0] == expected
    assert quarantined[0] == quarantined[1]              # every quarantined row has a reason
