"""Properties of scoring and pay, checked by hypothesis over many generated months."""
import tempfile
from dataclasses import replace
from functools import cache
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import assume, HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HAND_SURVEYS, WORKER_PHONE, scored_below_the_cli, small_inbox, survey
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.grid_scores import GridStats, grid_scores
from gridpay.transforms.pay import WorkerMonth, payroll

POLICY = load_policy(DEFAULT_POLICY)
KEY = b"property-test-key"
answers = st.lists(st.sampled_from(["1", "2", "3", "4", "5", ""]), min_size=5, max_size=5).filter(
    lambda a: any(a))


# --- pure scoring and pay ----------------------------------------------------------------------

def _stats(grids: list[list[int]]) -> list[GridStats]:
    out = []
    for i, scores in enumerate(grids):
        values = [Decimal(s) for s in scores]
        out.append(GridStats(f"G{i:02d}", f"网格{i}", "社区", "片区", 500, len(values), sum(values, Decimal(0)),
                             sum((v * v for v in values), Decimal(0)), len(values), 0, 0, ""))
    return out


def _pay_of_grid0(grids: list[list[int]]) -> Decimal:
    score = grid_scores(_stats(grids), POLICY)[0]
    sufficient = not score.is_insufficient
    month = WorkerMonth("W1", "王伟", Decimal("1000.00"), 30, 30,
                        Decimal(repr(score.pay_score)).quantize(Decimal("0.0001")) if sufficient else None,
                        Decimal(1 if sufficient else 0), score.responses, not sufficient)
    return payroll([month], POLICY.coefficient, "target", {})[0].performance_pay


response_scores = st.lists(st.integers(0, 20).map(lambda x: 5 * x), min_size=10, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(response_scores, min_size=4, max_size=12))
def test_an_extra_fully_satisfied_answer_never_lowers_pay(grids):
    # for a grid already at the minimum count; below it the grid is paid at the neutral coefficient
    with_extra = [grids[0] + [100], *grids[1:]]
    assert _pay_of_grid0(with_extra) >= _pay_of_grid0(grids)


month_strategy = st.builds(
    lambda target, days, score, share: WorkerMonth("W", "某", Decimal(target) / 100, days, 30,
                                                   None if score is None else Decimal(score) / 100,
                                                   Decimal(share) / 100, 10, share < 100),
    st.integers(0, 300000), st.integers(1, 30), st.none() | st.integers(0, 10000), st.integers(0, 100))


@settings(max_examples=300, deadline=None)
@given(st.lists(month_strategy, min_size=1, max_size=30))
def test_neutral_budget_pays_out_the_pool_to_the_fen(months):
    months = [replace(m, worker_id=f"W{i:03d}") for i, m in enumerate(months)]
    lines = payroll(months, POLICY.coefficient, "neutral", {})
    pool = sum((Fraction(m.perf_pay_target) * m.assigned_days / m.days_in_month for m in months), Fraction(0))
    pool_fen = int(pool * 100 + Fraction(1, 2))
    assert sum(int(ln.performance_pay * 100) for ln in lines) == pool_fen
    for m, ln in zip(months, lines):
        prorated = Fraction(m.perf_pay_target) * m.assigned_days / m.days_in_month
        assert Fraction(ln.performance_pay) <= prorated * Fraction(POLICY.coefficient.cap) + Fraction(1, 100)
        assert Fraction(ln.performance_pay) >= prorated * Fraction(POLICY.coefficient.floor) - Fraction(1, 100)


@settings(max_examples=150, deadline=None)
@given(st.lists(month_strategy, min_size=2, max_size=20), st.data())
def test_a_neutral_budget_pooled_by_community_pays_each_community_its_own_pool(months, data):
    """pay.budget_pool = "community": each community's lines add up to its own pool to the fen and are
    those of its workers paid as a month of their own (a trial's 银杏社区 was paid 142.85 yuan under its budget)."""
    months = [replace(m, worker_id=f"W{i:03d}") for i, m in enumerate(months)]
    pools = {m.worker_id: data.draw(st.sampled_from(["甲社区", "乙社区"])) for m in months}
    lines = {ln.worker_id: ln for ln in payroll(months, POLICY.coefficient, "neutral", {}, pools=pools)}
    for community in set(pools.values()):
        own = [m for m in months if pools[m.worker_id] == community]
        alone = payroll(own, POLICY.coefficient, "neutral", {})
        assert [lines[m.worker_id] for m in own] == alone


# --- integrity rules, through the real SQL models ------------------------------------------------

def _payroll_for(surveys: list[tuple], makesmall_inbox) -> list[tuple]:
    with tempfile.TemporaryDirectory() as tmp:
        inbox = makesmall_inbox(Path(tmp), surveys)
        summary, con = scored_below_the_cli(inbox, Path(tmp) / "work", POLICY, KEY)
        assert summary.invalid_rows == 0
        with con:
            return con.execute("select worker_id, score, performance_pay_yuan from payroll order by 1").fetchall()


BASE = [survey(f"B{i}", "G1" if i % 2 else "G2", f"H{i}", tuple("4" if (i + j) % 3 else "5" for j in range(5)),
               when=f"2026-09-{10 + i % 15:02d} 1{i % 10}:00:00") for i in range(24)] + HAND_SURVEYS[:3]
BASE = [r for r in BASE if r[1] in ("G1", "G2")]


@cache
def _base_payroll() -> list[tuple]:
    """The month without the generated answer: the same for every example, so computed once."""
    return _payroll_for(BASE, small_inbox)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(BASE) - 1), answers, st.integers(1, 9))
def test_an_older_duplicate_answer_changes_nothing(which, extra_answers, day):
    original = BASE[which]
    older = survey("DUP", original[1], original[2], tuple(extra_answers), when=f"2026-09-0{day} 00:00:01")
    assume(older[4] < original[4])        # older than the answer it duplicates
    assert _payroll_for(BASE + [older], small_inbox) == _base_payroll()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers, st.sampled_from(["H1", "H2", "H99"]), st.integers(10, 28))
def test_a_self_rating_changes_nothing(self_answers, household, day):
    rating = survey("SELF", "G1", household, tuple(self_answers), when=f"2026-09-{day} 23:59:59",
                    phone=f"+86 {WORKER_PHONE[:3]} {WORKER_PHONE[3:7]} {WORKER_PHONE[7:]}")
    assert _payroll_for(BASE + [rating], small_inbox) == _base_payroll()
