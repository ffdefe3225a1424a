"""assignments.csv edited for a published month is said by the next run (trial 84: W08's July start moved
from 07-01 to 07-10 after July had paid 31 days; nothing said it). The days a file gives a month."""
import pandas as pd

from gridpay.pipeline.changed_assignments import days_in_month


def test_days_in_month_are_the_days_of_the_rows_overlapping_it_counted_once():
    rows = pd.DataFrame([("W08", "G04", "2026-07-10", ""), ("W08", "G04", "2026-07-20", "2026-08-05"),   # overlap
                         ("W01", "G01", "2026-01-01", "2026-06-30"),                               # before July
                         ("W02", "G02", "2026-07-01", "2026-07-15"), ("W02", "G03", "2026-07-16", None),
                         ("W09", "G09", "2026/7/1", "")],                                      # unread: left out
                        columns=["worker_id", "grid_id", "start_date", "end_date"])
    assert days_in_month(rows, "2026-07") == {("W08", "G04"): 22, ("W02", "G02"): 15, ("W02", "G03"): 16}
