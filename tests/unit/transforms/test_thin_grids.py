"""Thin grids (fewer counted answers than scoring.min_responses in the month): pooled over months
under policy scoring.insufficient = "pool", and the response-rate watch. Pure functions here;
the warehouse side (published months only, audits after a correction) in test_pooled_months.py."""
from dataclasses import replace
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.grid_scores import GridStats, grid_scores
from gridpay.transforms.pay import WorkerMonth, payroll
from gridpay.transforms.thin_grids import WindowStats, is_insufficient, low_rate_grids, scored_sample

POLICY = load_policy(DEFAULT_POLICY)            # min_responses 10, insufficient "pool", pool_months 3
NEUTRAL = replace(POLICY, scoring=replace(POLICY.scoring, insufficient="neutral"))
SHRUNK = replace(POLICY, scoring=replace(POLICY.scoring, insufficient="shrunk"))


def _stats(grid: str, scores: list[int], households: int = 500) -> GridStats:
    values = [Decimal(s) for s in scores]
    return GridStats(grid, grid, "社区", "片区", households, len(values), sum(values, Decimal(0)),
                     sum((v * v for v in values), Decimal(0)), len(values), 0, 0, "")


def _window(grid: str, scores: list[int], months: str = "2026-08,2026-09,2026-10") -> WindowStats:
    s = _stats(grid, scores)
    return WindowStats(grid, months, s.responses, s.sum_score, s.sum_sq)


def test_a_thin_grid_is_scored_on_its_window_when_the_window_holds_enough():
    month, window = _stats("G1", [40] * 4), _window("G1", [40] * 4 + [60] * 8)
    sample, pooled = scored_sample(month, window, POLICY)
    assert pooled and sample.responses == 12 and sample.sum_score == Decimal(640)
    assert scored_sample(month, _window("G1", [40] * 9), POLICY) == (month, False)     # still too few
    assert scored_sample(month, window, NEUTRAL) == (month, False)                     # the old rule
    assert scored_sample(_stats("G1", [40] * 10), window, POLICY)[1] is False          # not thin


def test_which_grids_are_paid_at_the_neutral_coefficient_by_rule():
    assert is_insufficient(9, POLICY) and not is_insufficient(10, POLICY)
    assert is_insufficient(9, NEUTRAL)
    assert not is_insufficient(1, SHRUNK) and is_insufficient(0, SHRUNK)


def test_the_grid_row_says_what_its_score_rests_on():
    stats = [_stats("G1", [40] * 4), *(_stats(f"G{i}", [70, 80, 90] * 4) for i in range(2, 6))]
    rows = {g.grid_id: g for g in grid_scores(stats, POLICY, windows={"G1": _window("G1", [40] * 4 + [60] * 8)},
                                              month="2026-10")}
    g1 = rows["G1"]
    assert g1.flags == "pooled" and not g1.is_insufficient and g1.responses == 4
    assert (g1.window_months, g1.window_responses) == ("2026-08,2026-09,2026-10", 12)
    assert g1.raw_score == 640 / 12 and g1.response_rate == 4 / 500        # the month's rate, the window's mean
    assert (rows["G2"].window_months, rows["G2"].window_responses) == ("2026-10", 12)
    short = grid_scores(stats, POLICY, windows={"G1": _window("G1", [40] * 6)}, month="2026-10")[0]
    assert short.is_insufficient and short.flags == "insufficient_responses" and short.window_responses == 6
    old = grid_scores(stats, replace(POLICY, scoring=replace(NEUTRAL.scoring, pool_months=None)), month="2026-10")[0]
    assert old.window_months is None and old.window_responses is None and old.is_insufficient


def test_the_watch_flags_a_rate_low_for_three_months_in_a_row():
    months = ["2026-08", "2026-09"]
    earlier = {"G1": {"2026-08": 0.01, "2026-09": 0.02}, "G2": {"2026-08": 0.01, "2026-09": 0.30},
               "G3": {"2026-09": 0.01}}
    rates = {"G1": 0.04, "G2": 0.01, "G3": 0.01, "G4": 0.50}
    assert low_rate_grids(rates, earlier, months, POLICY) == {"G1"}     # G2 recovered, G3 had no August
    assert low_rate_grids(rates, earlier, months, replace(POLICY, scoring=replace(
        POLICY.scoring, min_response_rate=None))) == set()               # a policy from before the watch
    flagged = grid_scores([_stats("G1", [90] * 12, households=1000)], POLICY, low_rate={"G1"}, month="2026-10")[0]
    assert flagged.flags == "low_response_rate" and not flagged.is_insufficient     # flagged whatever its score


# --- properties: no reward for silence ----------------------------------------------------------

def _coefficient_of_grid0(month0: list[int], earlier0: list[int], others: list[list[int]], rule=POLICY.coefficient):
    """The coefficient of a worker who holds grid 0 alone, whether grid 0 was scored, and its score
    (GridScore). Grid 0's window: its month's answers and earlier households' answers (each household once)."""
    stats = [_stats("G00", month0), *(_stats(f"G{i:02d}", s) for i, s in enumerate(others, 1))]
    windows = {"G00": _window("G00", month0 + earlier0)}
    score = grid_scores(stats, POLICY, windows=windows, month="2026-10")[0]
    scored = not score.is_insufficient
    month = WorkerMonth("W1", "王伟", Decimal("1000.00"), 30, 30,
                        Decimal(repr(score.pay_score)).quantize(Decimal("0.0001")) if scored else None,
                        Decimal(1 if scored else 0), score.responses, not scored)
    line = payroll([month], rule, "target", {})[0]
    return line.coefficient, scored, score


answer = st.integers(0, 20).map(lambda x: 5 * x)
others = st.lists(st.lists(answer, min_size=10, max_size=30), min_size=4, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(answer, min_size=0, max_size=14), st.lists(answer, min_size=0, max_size=20), others,
       st.lists(st.integers(0, 20), min_size=1, max_size=6))
def test_answers_at_or_above_a_scored_grids_score_never_lower_pay(month0, earlier0, others, steps):
    before, scored, score = _coefficient_of_grid0(month0, earlier0, others)
    assume(scored)        # a grid paid at the neutral coefficient has no score to be above
    # above both its raw mean and its (shrunken) pay score: an answer between the two pulls the mean
    # down, and may lower pay as it should
    extra = [min(100, int(max(score.pay_score, score.raw_score)) + 1 + 5 * k) for k in steps]
    after, _, later = _coefficient_of_grid0(month0 + extra, earlier0, others)
    # Not across min_responses: a thin grid scored on its pooled window becomes, with enough answers of
    # its own, a grid scored on this month alone, which may stand lower when the months before were better
    # (docs/methodology.md, "Thin grids": a known step of the pooling rule, not a reward for an answer).
    assume(later.window_months == score.window_months)
    assert after >= before


def test_the_answer_that_ends_a_grids_pooling_can_lower_its_pay_as_documented():
    """The step docs/methodology.md names: found by the property above before it stayed within one rule."""
    others = [[0] * 10] * 4
    month0, earlier0 = [10, 20, 25, 30, 40, 45, 50, 60, 75], [95, 100, 100, 100, 100]
    kept = replace(POLICY.coefficient, linear_on_shown_score=False)      # the line at the kept score (before 2027.8)
    before, _, score = _coefficient_of_grid0(month0, earlier0, others, kept)
    after, _, later = _coefficient_of_grid0(month0 + [int(score.pay_score) + 1], earlier0, others, kept)
    assert (score.window_months, later.window_months) == ("2026-08,2026-09,2026-10", "2026-10")
    assert (before, after) == (Decimal("0.8001"), Decimal("0.8000"))


below_neutral = st.integers(0, 14).map(lambda x: 5 * x)     # under 75, the score the neutral coefficient pays


@settings(max_examples=300, deadline=None)
@given(st.lists(below_neutral, min_size=1, max_size=14), st.lists(below_neutral, min_size=0, max_size=20), others,
       st.data())
def test_silence_never_lifts_a_grid_whose_residents_are_unhappy_to_neutral_pay(month0, earlier0, others, data):
    # Residents of grid 0 all answer below the neutral score; some of this month's stay silent.
    # (A grid whose unhappy residents fall silent while its happy ones answer is scored on who
    # answered: that is no rule paying for silence, and no property can forbid it.)
    neutral = POLICY.coefficient.neutral
    kept = data.draw(st.lists(st.sampled_from(range(len(month0))), unique=True, max_size=len(month0) - 1))
    remaining = [month0[i] for i in kept]
    after, scored, _ = _coefficient_of_grid0(remaining, earlier0, others)
    assert after <= neutral
    if len(remaining) + len(earlier0) >= POLICY.scoring.min_responses:
        assert scored and after < neutral          # the window still holds enough: still below neutral


def test_the_rule_before_pooling_paid_for_that_silence():
    earlier, others = [40] * 8, [[70, 80, 90] * 4] * 4
    assert _coefficient_of_grid0([40] * 10, earlier, others)[0] < POLICY.coefficient.neutral
    assert _coefficient_of_grid0([40] * 4, earlier, others)[0] < POLICY.coefficient.neutral     # pooled: 12
    stats = [_stats("G00", [40] * 4), *(_stats(f"G{i:02d}", s) for i, s in enumerate(others, 1))]
    old = grid_scores(stats, NEUTRAL, windows={"G00": _window("G00", [40] * 12)}, month="2026-10")[0]
    assert old.is_insufficient             # the neutral rule: six residents silent, neutral pay


def test_a_thin_month_is_paid_at_most_neutral():
    """Trial 143: a grid without one answer in a quiet month was paid 1.1079 on two months already paid for, more
    than the month before's 1.0821 on its own answers; capped for a silent month alone, its re-check's one
    非常不满意 answer lifted pay from neutral to 1.0561 (scoring.thin_month_at_most_neutral, policy 2027.16)."""
    others = [[60, 70, 80] * 4] * 4
    neutral = POLICY.coefficient.neutral
    silent_pay, _, silent = _coefficient_of_grid0([], [90] * 12, others)
    assert silent_pay == neutral and silent.is_insufficient
    assert silent.flags == "pooled;thin_month" and silent.pay_score > 75       # its score still shown
    for month0 in ([0], [90], [90] * 9):                                       # no answer of a thin month lifts pay
        assert _coefficient_of_grid0(month0, [90] * 12, others)[0] == neutral
    assert _coefficient_of_grid0([90] * 10, [90] * 12, others)[0] > neutral     # the minimum: the month's own answers
    unhappy, scored, _ = _coefficient_of_grid0([], [40] * 12, others)
    assert scored and unhappy < neutral                                        # silence lifts an unhappy grid nowhere
    assert _coefficient_of_grid0([0], [40] * 12, others)[0] <= unhappy        # ... and a complaint lowers it
    before = replace(POLICY, scoring=replace(POLICY.scoring, thin_month_at_most_neutral=False))
    stats = [_stats("G00", []), *(_stats(f"G{i:02d}", s) for i, s in enumerate(others, 1))]
    old = grid_scores(stats, before, windows={"G00": _window("G00", [90] * 12)}, month="2026-10")[0]
    assert not old.is_insufficient and old.flags == "pooled"                   # a policy before 2027.16
