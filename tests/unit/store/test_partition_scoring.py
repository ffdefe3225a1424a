"""The partitioned scoring's pure parts: the month's median from the workers' histograms, and when the
driver scores the month itself (the fallback's reasons)."""

import duckdb



def test_the_months_median_from_the_partitions_histograms_is_duckdbs_median_of_their_rows():
    """The speeder rule compares with DuckDB's median of the month's rows; the workers send only
    histograms (seconds -> rows), so the driver's median of their sum must be the same double."""
    import random
    from gridpay.store.partition_scoring import exact_median
    rng = random.Random(5)
    cases = [[], [[(7, 1)]], [[(3, 1)], [(8, 1)]], [[(3, 2)], [(4, 1), (900, 2)]]]
    cases += [[[(rng.randint(0, 60), rng.randint(1, 4)) for _ in range(rng.randint(0, 6))] for _ in range(3)]
              for _ in range(200)]
    with duckdb.connect() as con:
        for histograms in cases:
            values = [s for h in histograms for s, n in h for _ in range(n)]
            expected = con.execute("select median(x) from (select unnest(?::integer[]) as x)", [values]).fetchone()[0]
            assert exact_median(histograms) == expected, histograms


def test_a_grid_answered_in_two_files_or_households_month_wide_keep_scoring_in_the_driver():
    from conftest import policy_text
    from gridpay.core.policy_file import policy_from_bytes
    from gridpay.store.partition_scoring import fallback_reason
    policy = policy_from_bytes(policy_text().encode(), "policy.toml")
    assert fallback_reason(policy, None) is None
    assert fallback_reason(policy, "G07") == ("grid G07 is answered in more than one survey file: its bursts and "
                                              "households span partitions")
    # a row typed with a grid's alias is mapped on the merged month: a worker would count it nowhere
    assert fallback_reason(policy, None, grid_aliases=True) == ("grids.csv gives grids other names (aliases), mapped "
                                                                "on the whole month's rows")
    month = policy_from_bytes(policy_text(scoring__household_scope='"month"').encode(), "policy.toml")
    assert fallback_reason(month, None).startswith('scoring.household_scope = "month"')


def test_phones_read_on_the_merged_month_keep_it_in_the_driver(tmp_path):
    """A platform's masked phone and a cell of two numbers are read on the merged rows (settle_staged), after the
    parts were written: a worker scoring its part would miss a self-rating through them."""
    import pandas as pd
    from conftest import policy_text
    from gridpay.core.policy_file import policy_from_bytes
    from gridpay.store.partition_scoring import _phones_settled, fallback_reason
    from gridpay.transforms.privacy import TWO_PREFIX
    policy = policy_from_bytes(policy_text().encode(), "policy.toml")
    parts = []
    for i, phone in enumerate(["ab" * 32, f"{TWO_PREFIX}{'c' * 64},{'d' * 64}"]):
        parts.append(str(tmp_path / f"part-{i}.parquet"))
        pd.DataFrame({"respondent_phone_hash": [phone, None]}, dtype="string").to_parquet(parts[-1])
    assert not _phones_settled(tuple(parts[:1])) and _phones_settled(tuple(parts))
    assert fallback_reason(policy, None, phones_settled=True).startswith("answers give phones a platform masked")
