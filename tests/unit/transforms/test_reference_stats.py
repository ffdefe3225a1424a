"""The scoring statistics reproduce the published reference numbers in ../shared/reference/."""
import csv

import pytest

from conftest import DATA, ROOT
from gridpay.transforms.stats import empirical_bayes, james_stein, wilson_interval

# A copy of ../shared/reference/efron_morris_1970.csv, so the proof runs wherever the repo does.
TABLE = DATA / "efron_morris_1970.csv"
SHARED = ROOT.parent / "shared" / "reference" / "efron_morris_1970.csv"
EM_ESTIMATES = [.294, .289, .285, .280, .275, .275, .270, .266, .261, .261, .256, .256, .256, .256, .256,
                .252, .247, .242]


@pytest.fixture(scope="module")
def batting():
    with TABLE.open() as handle:
        rows = list(csv.DictReader(handle))
    return [int(r["hits_first_45"]) / 45 for r in rows], [float(r["avg_rest_of_season"]) for r in rows]


def test_the_copy_matches_the_published_reference():
    if SHARED.exists():
        assert TABLE.read_bytes() == SHARED.read_bytes()
    assert len(TABLE.read_text().splitlines()) == 19


def _sigma2(first):
    grand = sum(first) / len(first)
    return grand * (1 - grand) / 45


def test_james_stein_gives_the_efron_morris_numbers(batting):
    first, rest = batting
    estimates = james_stein(first, _sigma2(first))
    assert [round(e, 3) for e in estimates] == EM_ESTIMATES
    grand = sum(first) / len(first)
    assert round(grand, 5) == 0.26543
    assert round((estimates[0] - grand) / (first[0] - grand), 4) == 0.2117
    raw_error = sum((y - t) ** 2 for y, t in zip(first, rest))
    js_error = sum((e - t) ** 2 for e, t in zip(estimates, rest))
    assert (round(raw_error, 4), round(js_error, 4)) == (0.0753, 0.0213)
    assert sum(abs(e - t) < abs(y - t) for e, y, t in zip(estimates, first, rest)) == 16


def test_empirical_bayes_with_equal_variances_is_james_stein(batting):
    first, _ = batting
    result = empirical_bayes(first, [_sigma2(first)] * len(first))
    assert [round(e, 3) for e in result.estimates] == EM_ESTIMATES
    order = sorted(range(18), key=lambda i: first[i])
    assert order == sorted(range(18), key=lambda i: (result.estimates[i], first[i]))


def test_empirical_bayes_with_unequal_variances_shrinks_and_beats_raw(batting):
    first, rest = batting
    # pretend the players had 20 to 90 at-bats: noisier averages must move further
    at_bats = [20 + 4 * i for i in range(len(first))]
    grand = sum(first) / len(first)
    variances = [grand * (1 - grand) / n for n in at_bats]
    result = empirical_bayes(first, variances)
    mu = result.community_mean
    for raw, est in zip(first, result.estimates):
        assert abs(est - mu) <= abs(raw - mu) + 1e-12
    assert result.factors[0] > result.factors[-1]             # fewer at-bats, more shrinkage
    raw_error = sum((y - t) ** 2 for y, t in zip(first, rest))
    eb_error = sum((e - t) ** 2 for e, t in zip(result.estimates, rest))
    assert eb_error < raw_error / 2


@pytest.mark.parametrize("successes, n, low, high", [
    (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718), (0, 8, 0.0000, 0.3244),
])
def test_wilson_interval_matches_newcombe(successes, n, low, high):
    got = wilson_interval(successes, n)
    assert (round(got[0], 4), round(got[1], 4)) == (low, high)


def test_fewer_than_four_grids_are_not_shrunk():
    result = empirical_bayes([50.0, 60.0, 70.0], [10.0, 10.0, 10.0])
    assert result.estimates == (50.0, 60.0, 70.0)
