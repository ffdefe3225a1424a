"""The month's review flags and item weights, below the CLI: given rows -> expected flags and scores."""
from decimal import Decimal


from conftest import policy_text, survey, scored_below_the_cli
from gridpay.core.policy_file import policy_from_bytes


def _scored(make_inbox, rows, tmp_path, **policy):
    policy = policy_from_bytes(policy_text(**policy).encode(), "test policy")
    return scored_below_the_cli(make_inbox({"2026-09.csv": rows}), tmp_path / "work", policy)[1]


def test_review_flags_straight_lining_and_bursts_but_never_exclude(make_inbox, tmp_path):
    burst = [survey(f"B{i}", "G2", f"G2-9-{i}", ("4", "3", "4", "3", "4"), f"2026-09-12 09:0{i}:00") for i in range(5)]
    rows = [survey("S1", "G1", "G1-1-101", ("5", "5", "5", "5", "5"), "2026-09-03 10:00:00"),     # straight line
            survey("S2", "G1", "G1-1-102", ("5", "4", "5", "4", "5"), "2026-09-04 10:00:00"),
            survey("S3", "G1", "G1-1-103", ("5", "5", "5", "", ""), "2026-09-05 10:00:00"),      # 3 items: too few
            *burst]
    con = _scored(make_inbox, rows, tmp_path, integrity__straight_line='"flag"')
    flags = con.execute("select s.response_id, f.flag from response_flags f join raw_surveys s using (row_id) "
                        "order by 1, 2").fetchall()
    counted = con.execute("select count(*) from counted_responses").fetchone()[0]
    assert flags == [*[(f"B{i}", "burst") for i in range(5)], ("S1", "straight_line")]
    assert counted == len(rows)                       # flagged answers still count
    # policy 2027.8's default: answers alike throughout are not flagged (trials 77 and 80: 45% of honest answers)
    off = _scored(make_inbox, rows, tmp_path / "off").execute(
        "select s.response_id, f.flag from response_flags f join raw_surveys s using (row_id) order by 1, 2").fetchall()
    assert off == [(f"B{i}", "burst") for i in range(5)]


def test_speeder_is_flagged_not_excluded_when_the_policy_says_flag(make_inbox, tmp_path):
    rows = [survey(f"R{i}", "G1", f"G1-1-{i}", ("4", "3", "4", "3", "4"), f"2026-09-1{i} 10:00:00", duration="120")
            for i in range(4)]
    rows.append(survey("FAST", "G1", "G1-1-9", ("1", "2", "1", "2", "1"), "2026-09-20 10:00:00", duration="10"))
    con = _scored(make_inbox, rows, tmp_path, integrity__speeder='"flag"')
    assert con.execute("select f.flag from response_flags f join raw_surveys s using (row_id) "
                       "where s.response_id = 'FAST'").fetchall() == [("speeder",)]
    assert con.execute("select count(*) from counted_responses").fetchone()[0] == 5


def test_item_weights_weigh_a_response_score(make_inbox, tmp_path):
    rows = [survey("R1", "G1", "G1-1-101", ("5", "1", "1", "1", "1"))]
    equal = _scored(make_inbox, rows, tmp_path).execute("select response_score from counted_responses").fetchone()[0]
    # sat_environment weighs 3 of 7: (3 x 100 + 4 x 0) / 7 on the 0-100 scale
    weighted = _scored(make_inbox, rows, tmp_path / "w", sat_environment=3).execute(
        "select response_score from counted_responses").fetchone()[0]
    assert equal == Decimal("20.000000") and weighted == Decimal("42.857143")
