"""int_response_flags over a few given rows (dbt-style, as test_model_units.py): speeders, straight lines, bursts
and one phone for several homes, at their bars."""
from conftest import model_rows


FLAG_PARAMS = {"speeder": "flag", "speeder_fraction": 0.5, "straight_line_min_items": 3,
               "burst_window_minutes": 10, "burst_min_responses": 3, "shared_phone_households": None,
               "burst_all_answers": False, "burst_timed_only": False}


def _flags(phones=(None,) * 6, **params) -> list[tuple]:
    given = {"int_response_scores": (
        "row_id integer, grid_id varchar, household_id varchar, channel varchar, submitted_at timestamp, "
        "duration_s integer, answered_items integer, lowest_answer integer, highest_answer integer", [
            (1, "G1", "H1", "wechat", "2026-09-10 10:00:00", 100, 3, 5, 5),    # straight line over 3 items
            (2, "G1", "H2", "wechat", "2026-09-10 10:10:00", 100, 2, 4, 4),    # same answers, but only 2 items
            (3, "G1", "H3", "wechat", "2026-09-10 10:20:00", 50, 3, 3, 5),     # exactly at the bar: no speeder
            (4, "G1", "H3", "phone", "2026-09-10 10:05:00", 49, 3, 3, 5),      # below the bar
            (5, "G2", "H5", "wechat", "2026-09-10 10:05:00", 200, 3, 2, 5),
            (6, "G1", "H6", None, "2026-09-10 10:05:00", None, 3, 1, 4)]),     # no duration: never a speeder
        # the month's valid answers: the six counted, and 7, a G1 answer some rule set aside (a speeder)
        "int_surveys": ("row_id integer, respondent_phone_hash varchar, grid_id varchar, channel varchar, "
                        "submitted_at timestamp, is_invalid boolean",
                        [(n, p, g, c, t, False) for n, p, g, c, t in zip(
                            range(1, 8), (*phones, None), ("G1", "G1", "G1", "G1", "G2", "G1", "G1"),
                            ("wechat", "wechat", "wechat", "phone", "wechat", None, "phone"),
                            ("2026-09-10 10:00:00", "2026-09-10 10:10:00", "2026-09-10 10:20:00",
                             "2026-09-10 10:05:00", "2026-09-10 10:05:00", "2026-09-10 10:05:00",
                             "2026-09-10 10:06:00"))])}
    return model_rows("int_response_flags", given, {**FLAG_PARAMS, **params})


def test_int_response_flags_burst_among_every_valid_answer_of_the_grid():
    """Policy 2027.17 (integrity.burst_all_answers): trial 145's batch half set aside as speeders, trial 148's
    alternating channels. G1's 1, 2, 4, 6 and 7 (set aside) are within 10:00-10:10 whatever their channel."""
    bursts = [r for r in _flags(burst_all_answers=True) if r[2] == "burst"]
    assert bursts == [(1, "G1", "burst"), (2, "G1", "burst"), (4, "G1", "burst"), (6, "G1", "burst")]


def test_int_response_flags_speeder_straight_line_and_burst_at_their_bars():
    # median duration of 100, 100, 50, 49, 200 (null left out) = 100; the bar is 0.5 x 100 = 50, strictly below.
    # Bursts per grid and channel, +-10 minutes inclusive: row 2 (10:10) has rows 1 (10:00) and 3 (10:20)
    # exactly 10 minutes away = 3 responses; rows 1 and 3 see only 2. Row 4 (phone), row 5 (G2) and
    # row 6 (no channel) are in other partitions.
    assert _flags() == [(1, "G1", "straight_line"), (2, "G1", "burst"), (4, "G1", "speeder")]
    # speeder = "exclude" or "off": int_survey_exclusions' business, never a flag
    assert _flags(speeder="exclude") == [(1, "G1", "straight_line"), (2, "G1", "burst")]
    assert _flags(burst_window_minutes=9, straight_line_min_items=2) == [
        (1, "G1", "straight_line"), (2, "G1", "straight_line"), (4, "G1", "speeder")]


def test_int_response_flags_shared_phone_counts_the_households_of_one_grid_a_phone_answered_for():
    # phone "a" answers for H1, H2 and H3 (twice: rows 3 and 4) of G1 and for H5 of G2; "b" for H6 only
    phones = ("a", "a", "a", "a", "a", "b")
    shared = [row for row in _flags(phones, shared_phone_households=3) if row[2] == "shared_phone"]
    assert shared == [(1, "G1", "shared_phone"), (2, "G1", "shared_phone"), (3, "G1", "shared_phone"),
                      (4, "G1", "shared_phone")]           # G2's one household is not G1's three
    assert [r for r in _flags(phones, shared_phone_households=4) if r[2] == "shared_phone"] == []
    assert [r for r in _flags(phones) if r[2] == "shared_phone"] == []            # a policy without the key
    assert [r for r in _flags(shared_phone_households=2) if r[2] == "shared_phone"] == []   # no phone, no flag


def test_int_response_flags_no_burst_of_answers_dated_by_day_only():
    """Policy 2027.24 (integrity.burst_timed_only): trial 196's volunteer typed 18 paper forms of one 组 by day, and 16
    were flagged burst at midnight. Answers at 00:00 are in no burst; a burst of timed answers is flagged as before."""
    given = {"int_response_scores": (
        "row_id integer, grid_id varchar, household_id varchar, channel varchar, submitted_at timestamp, "
        "duration_s integer, answered_items integer, lowest_answer integer, highest_answer integer",
        [(n, "G6", f"H{n}", "paper", "2026-11-0%d 00:00:00" % (1 + n % 2), None, 5, 3, 5) for n in range(1, 7)]
        + [(n, "G6", f"H{n}", "paper", "2026-11-05 14:0%d:00" % n, None, 5, 3, 5) for n in range(7, 10)]),
        "int_surveys": ("row_id integer, respondent_phone_hash varchar, grid_id varchar, channel varchar, "
                        "submitted_at timestamp, is_invalid boolean", [])}
    bursts = lambda **p: [r[0] for r in model_rows("int_response_flags", given, {**FLAG_PARAMS, **p})  # noqa: E731
                          if r[2] == "burst"]
    assert bursts() == [1, 2, 3, 4, 5, 6, 7, 8, 9]                  # a policy without the key: midnight's "bursts"
    assert bursts(burst_timed_only=True) == [7, 8, 9]
